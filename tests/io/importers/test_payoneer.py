"""Payoneer account activity: credits from clients are income, marketplace money and withdrawals are
transfers, fees are expenses, pending is pending. Hand-computed at 121.50 taka a dollar:

August 2026: Sunrise Travels GmbH 1,250.00 → ৳1,51,875.00; withdrawal fee 3.00 → ৳364.50 and card
fee 29.95 → ৳3,638.925, rounded half up to ৳3,638.93; net ৳1,51,875.00 − ৳4,003.43 = ৳1,47,871.57.
The Upwork and Fiverr credits (already counted there), the bank withdrawal and the card purchase
are transfers. September: Lotus Apps 80.00 is pending → ৳9,720.00 shown apart, not counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from tracker.io.importer import ImportResult, import_rows
from tracker.io.plan import ImportOptions, plan_import
from tracker.ledger.models import Client, Expense, Payment
from tracker.reports.month import month_summary

DATA = Path(__file__).parents[2] / "data"
RATE = (("USD", "121.50"),)


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py


def imported(session: Session, data: bytes) -> ImportResult:
    """Import a file's bytes at 121.50 taka a dollar and return the counts."""
    return import_rows(session=session, plan=plan_import(session, data, ImportOptions(rates=RATE)))


def test_monthly_totals(session: Session) -> None:
    result = imported(session, (DATA / "payoneer.csv").read_bytes())
    assert result.summary() == "imported 4, duplicates 0, refused 0"
    assert result.transfers == 4
    august = month_summary(session, "2026-08")
    assert (august.gross_minor, august.expenses_minor, august.net_minor) == (15187500, 400343, 14787157)
    september = month_summary(session, "2026-09")
    assert (september.net_minor, september.pending_minor) == (0, 972000)


def test_what_each_row_became(session: Session) -> None:
    plan = plan_import(session, (DATA / "payoneer.csv").read_bytes(), ImportOptions(rates=RATE))
    assert sorted(r.ref for r in plan.transfers) == ["2260001001", "2260001003", "2260001006",
                                                     "2260001008"]
    imported(session, (DATA / "payoneer.csv").read_bytes())
    payments = {p.external_ref: (p.status, p.source, p.platform) for p in session.exec(select(Payment))}
    assert payments == {"2260001002": ("cleared", "payoneer", "direct"),
                        "2260001005": ("pending", "payoneer", "direct")}
    assert sorted(e.amount_minor for e in session.exec(select(Expense))) == [300, 2995]
    assert {c.name for c in session.exec(select(Client))} == {"Sunrise Travels GmbH", "Lotus Apps Pte Ltd"}


def test_reimport_adds_nothing(session: Session) -> None:
    imported(session, (DATA / "payoneer.csv").read_bytes())
    assert imported(session, (DATA / "payoneer.csv").read_bytes()).summary() == \
        "imported 0, duplicates 4, refused 0"


def test_a_windows_1252_file_keeps_its_accents(session: Session) -> None:
    text = (DATA / "payoneer.csv").read_text(encoding="utf-8").replace("Sunrise Travels GmbH",
                                                                       "Café Olé Reisen GmbH")
    result = imported(session, text.encode("cp1252"))
    assert result.imported == 4
    assert "Café Olé Reisen GmbH" in {c.name for c in session.exec(select(Client))}


HEADER = ("Transaction Date,Transaction Time,Time Zone,Transaction ID,Description,Credit Amount,"
          "Debit Amount,Currency,Transfer Amount,Transfer Amount Currency,Status,Running Balance,"
          "Additional Description,Store Name,Source,Target,Reference ID")


@pytest.mark.parametrize(("row", "reason"), [
    ("08/03/2026,10:00,UTC,1,Payment,,,USD,,,Completed,,,,A,,", "either a credit or a debit"),
    ("08/03/2026,10:00,UTC,2,Payment,5.00,5.00,USD,,,Completed,,,,A,,", "either a credit or a debit"),
    ("13/03/2026,10:00,UTC,3,Payment,5.00,,USD,,,Completed,,,,A,,", "is not a date that exists"),
    ("08/03/2026,10:00,UTC,4,Payment,5.00,,XYZ,,,Completed,,,,A,,", "is not a currency we know"),
])
def test_bad_rows_are_refused(session: Session, row: str, reason: str) -> None:
    plan = plan_import(session, f"{HEADER}\n{row}\n".encode(), ImportOptions(rates=RATE))
    [refusal] = plan.refused
    assert (refusal.number, reason in refusal.text()) == (2, True)


def test_a_credit_with_a_taka_transfer_amount_brings_its_own_rate(session: Session) -> None:
    row = ('08/03/2026,10:00,UTC,9,Payment from Rivers Ltd,100.00,,USD,"12,200.00",BDT,Completed,,,,'
           'Rivers Ltd,,')
    plan = plan_import(session, f"{HEADER}\n{row}\n".encode(), ImportOptions())
    assert plan.missing_rates == []
    import_rows(session=session, plan=plan)
    [payment] = session.exec(select(Payment)).all()
    assert (payment.rate, payment.net_home_minor) == ("122", 1220000)
