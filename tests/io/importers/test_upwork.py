"""Upwork transaction history, both layouts: each row counted the way the issue says, by hand.

upwork_old.csv, August 2026, at 120 taka a dollar (signed amounts, withdrawals left out):
  income 1,200.00 + 200.00 + 50.00, refund −50.00, service fees −120.00 −20.00 −5.00, fee given back
  with the refund +5.00, withdrawal fee −2.00, connects −12.00, membership −19.99, VAT −3.00
  = 1,223.01 USD → ৳1,46,761.20 net (gross ৳1,68,000, fees ৳16,800, expenses ৳4,438.80).
  July: 300.00 − 30.00 = 270.00 USD → ৳32,400.00.
upwork_new.csv, September 2026: 400.00 − 40.00 + 150.00 − 15.00 − 6.00 − 0.99 = 488.01 USD
  → ৳58,561.20.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from tracker.io.importer import ImportResult, import_rows
from tracker.io.importers.upwork import _REF_IN_TEXT, _fee_target
from tracker.io.plan import ImportOptions, ImportPlan, plan_import
from tracker.ledger.models import Client, Expense, Payment
from tracker.reports.month import month_summary

DATA = Path(__file__).parents[2] / "data"
USD_120 = (("USD", "120"),)


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py


def plan_of(session: Session, data: bytes, **options: object) -> ImportPlan:
    """Return the plan for a file's bytes, at 120 taka a dollar unless told otherwise."""
    return plan_import(session, data, ImportOptions(**{"rates": USD_120, **options}))  # type: ignore[arg-type]


def imported(session: Session, data: bytes, **options: object) -> ImportResult:
    """Import a file's bytes and return the counts."""
    return import_rows(session=session, plan=plan_of(session, data, **options))


def test_older_layout_monthly_totals(session: Session) -> None:
    result = imported(session, (DATA / "upwork_old.csv").read_bytes())
    assert result.summary() == "imported 14, duplicates 0, refused 0"
    assert result.transfers == 1
    august = month_summary(session, "2026-08")
    assert (august.gross_minor, august.fees_minor, august.expenses_minor) == (16800000, 1680000, 443880)
    assert august.net_minor == 14676120
    assert month_summary(session, "2026-07").net_minor == 3240000


def test_service_fees_join_their_payments_and_the_refund_gets_its_fee_back(session: Session) -> None:
    imported(session, (DATA / "upwork_old.csv").read_bytes())
    payments = {p.external_ref: p for p in session.exec(select(Payment)).all()}
    assert set(payments) == {"701123340", "701123350", "701123400", "701200003", "701123200"}
    hourly = payments["701123340"]
    assert (hourly.gross_minor, hourly.platform_fee_minor, hourly.net_home_minor) == (120000, 12000, 12960000)
    refund = payments["701200003"]
    assert (refund.kind, refund.gross_minor, refund.platform_fee_minor) == ("refund", -5000, -500)
    assert refund.net_home_minor == -540000
    assert {p.source for p in payments.values()} == {"upwork"}
    assert {p.platform for p in payments.values()} == {"Upwork"}


def test_expenses_and_clients(session: Session) -> None:
    imported(session, (DATA / "upwork_old.csv").read_bytes())
    expenses = {(e.category, e.amount_minor) for e in session.exec(select(Expense)).all()}
    assert expenses == {("other", 200), ("connects", 1200), ("membership", 1999), ("other", 300)}
    clients = {(c.name, c.platform) for c in session.exec(select(Client)).all()}
    assert clients == {("Acme Ltd", "Upwork"), ("Bright Web Ltd", "Upwork")}


def test_newer_layout_with_a_bengali_client(session: Session) -> None:
    result = imported(session, (DATA / "upwork_new.csv").read_bytes())
    assert result.summary() == "imported 6, duplicates 0, refused 0"
    assert month_summary(session, "2026-09").net_minor == 5856120
    names = {c.name for c in session.exec(select(Client)).all()}
    assert names == {"Acme Ltd", "নদী ডিজাইন"}


def newer_variant(lower: bool, drop_entered: bool) -> bytes:
    """Return upwork_new.csv with its header in lower case and/or without Entered Description."""
    lines = (DATA / "upwork_new.csv").read_text(encoding="utf-8").splitlines()
    if lower:
        lines[0] = lines[0].lower()
    if drop_entered:
        import csv
        import io
        rows = list(csv.reader(io.StringIO("\n".join(lines))))
        at = [h.lower() for h in rows[0]].index("entered description")
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([r[:at] + r[at + 1:] for r in rows])
        return out.getvalue().encode("utf-8")
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize(("lower", "drop_entered"), [(True, False), (False, True), (True, True)])
def test_newer_layout_variants_read_the_same(session: Session, lower: bool, drop_entered: bool) -> None:
    plan = plan_of(session, newer_variant(lower, drop_entered))
    assert (plan.format, plan.added_rows, len(plan.transfers), plan.refused) == ("upwork", 6, 1, [])


def test_reimport_adds_nothing_and_says_so(session: Session) -> None:
    data = (DATA / "upwork_old.csv").read_bytes()
    imported(session, data)
    again = imported(session, data)
    assert again.summary() == "imported 0, duplicates 14, refused 0"
    assert month_summary(session, "2026-08").net_minor == 14676120


def test_overlapping_period_adds_only_the_new_rows(session: Session) -> None:
    lines = (DATA / "upwork_old.csv").read_text(encoding="utf-8").splitlines()
    imported(session, ("\n".join(lines[:1] + lines[5:])).encode())  # Aug 15 and before
    result = imported(session, ("\n".join(lines[:9])).encode())  # Aug 12 and after
    assert result.summary() == "imported 3, duplicates 4, refused 0"
    assert month_summary(session, "2026-08").net_minor == 14676120


HEADER = ("Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,"
          "Amount in local currency,Currency,Balance")


def test_a_service_fee_whose_payment_came_earlier_is_an_expense(session: Session) -> None:
    imported(session, f'{HEADER}\n"Aug 3, 2026",11,Hourly,Invoice,,R,Acme Ltd,R,,100.00,,USD,\n'.encode())
    result = imported(session, f'{HEADER}\n"Aug 3, 2026",12,Service Fee,Service Fee for Hourly - '
                               f'Ref ID 11,,R,Acme Ltd,R,,-10.00,,USD,\n'.encode())
    assert result.imported == 1
    [fee] = session.exec(select(Expense)).all()
    assert (fee.category, fee.amount_minor, fee.external_ref) == ("other", 1000, "12")
    assert fee.note.startswith("Service fee for Ref ID 11")
    assert month_summary(session, "2026-08").net_minor == 1080000


@pytest.mark.parametrize(("row", "reason"), [
    ('"Aug 3, 2026",21,Lottery Win,x,,R,A,R,,5.00,,USD,', "A row of type “Lottery Win” is not one we know"),
    ('"Aug 3, 2026",22,Hourly,x,,R,A,R,,-5.00,,USD,', "should be money in"),
    ('"Aug 3, 2026",23,Refund,x,,R,A,R,,5.00,,USD,', "should be money out"),
    ('"Aug 33, 2026",24,Hourly,x,,R,A,R,,5.00,,USD,', "is not a date that exists"),
    ('"Aug 3, 2026",25,Hourly,x,,R,A,R,,5.001,,USD,', "at most 2 decimals"),
    ('"Aug 3, 2026",,Hourly,x,,R,A,R,,5.00,,USD,', "no transaction reference"),
])
def test_rows_that_cannot_be_counted_are_refused_with_their_number(session: Session, row: str,
                                                                    reason: str) -> None:
    plan = plan_of(session, f'{HEADER}\n"Aug 2, 2026",20,Bonus,x,,R,A,R,,1.00,,USD,\n{row}\n'.encode())
    [refusal] = plan.refused
    assert refusal.number == 3
    assert reason in refusal.text()


def test_a_local_amount_in_taka_is_the_files_own_rate(session: Session) -> None:
    data = f'{HEADER}\n"Aug 3, 2026",31,Hourly,x,,R,A,R,,100.00,"12,150.00",BDT,\n'.encode()
    plan = plan_import(session, data, ImportOptions())
    assert plan.missing_rates == [] and plan.rate_currencies == []
    import_rows(session=session, plan=plan)
    [payment] = session.exec(select(Payment)).all()
    assert (payment.rate, payment.gross_home_minor) == ("121.5", 1215000)


@pytest.mark.parametrize("description", [
    "Service Fee for Fixed-price - Ref ID 900099999", "fee REF.ID#123 and ref id 456", "no reference",
    "Ref ıd 7", "İstanbul ref id 8", "rEf Id: 9", "ſervice fee, reference 10", "",
])
def test_the_fee_target_is_found_where_a_full_search_finds_it(description: str) -> None:
    found = _REF_IN_TEXT.search(description)
    assert _fee_target(description, "55", "66") == (found.group(1) if found else "55")
