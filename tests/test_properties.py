"""Property-based tests (Hypothesis): money parsing, formatting and conversion, and every importer fed
arbitrary bytes and arbitrary CSV. Whatever comes in, the answer is a value or InvalidInput (a message
a person can read), never another exception; and a refused import writes nothing.

Profiles: `dev` (the default) explores 100 new examples per test; `ci` (chosen when CI=true) runs 150
derandomized ones, the same every time. Neither has a deadline nor writes a .hypothesis folder.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, func, select

from tracker.db.engine import make_engine
from tracker.io.importer import import_rows
from tracker.io.importers import CHOICES
from tracker.io.importers.mapped import make_mapping
from tracker.io.plan import ImportOptions, ImportPlan, plan_import
from tracker.io.rows import numeric_date, signed_minor, wordy_date
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Expense, Gig, Payment, Skill
from tracker.ledger.money import (
    MAX_MINOR,
    amount_text,
    convert,
    format_money,
    parse_amount,
    parse_decimal,
    parse_rate,
)
from tracker.services.common import parse_day

settings.register_profile("dev", max_examples=100, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=150, deadline=None, database=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev")

DATA = Path(__file__).parent / "data"
CURRENCIES = ["USD", "BDT", "JPY", "KWD", "EUR"]
HEADERS = {path.stem: next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
           for path in DATA.glob("*.csv")}
HEADERS["tracker"] = ["id", "date", "kind", "status", "client", "gig", "skill", "platform", "currency",
                      "gross", "platform_fee", "transfer_fee", "rate", "home_currency", "gross_home",
                      "fees_home", "net_home", "source", "external_ref", "note"]
HOSTILE = ["", " ", "1e400", "NaN", "inf", "--5", "(-5)", "৫০০০", "১,০০,০০০.৫০", "Feb 30, 2026",
           "Aug 3, 2026", "08/03/2026", "31/12/2026", "2026-08-03", "2026-02-30", "9999-01-01", "250.00",
           "-25.00", "(5.00)", "1,200.00", "0", "0.001", "9" * 30, "USD", "BDT", "XXX", "usd", "Completed",
           "Pending", "Fixed Price", "Hourly", "Service Fee", "Refund", "Withdrawal", "Withdrawal Fee",
           "Connects", "Payment Received", "Express Checkout Payment", "Credit", "Debit", "Memo", "payment",
           "refund", "cleared", "pending", "122.50", "0.0000000001", "=HYPERLINK(\"http://evil.example\",\"x\")",
           "@SUM(1+1)", "+cmd|' /C calc'!A0", "<script>alert(1)</script>", "[x](javascript:alert(1))",
           "Upwork", "Fiverr", "নদী ডিজাইন", "Ref ID 701", "\\N", "'=1+1", "a\nb", "\u202e"]
cells = st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(exclude_characters="\x00"), max_size=30))


@contextmanager
def fresh_database(template: Path, folder: Path) -> Iterator[Session]:
    """Yield a session on a new copy of the migrated template database (deleted afterwards)."""
    path = folder / "example.db"
    shutil.copyfile(template, path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with Session(engine, expire_on_commit=False) as session:
            yield session
    finally:
        engine.dispose()
        for leftover in folder.glob("example.db*"):
            leftover.unlink()


def stored(session: Session) -> tuple[int, ...]:
    """Return how many payments, expenses, clients, gigs and skills are stored."""
    return tuple(session.exec(select(func.count()).select_from(m)).one()
                 for m in (Payment, Expense, Client, Gig, Skill))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder for the databases the property tests make."""
    return tmp_path_factory.mktemp("properties")


# Money ---------------------------------------------------------------------------------------------

numbery = st.text(alphabet="0123456789০১২৩৪৫৬৭৮৯,.-+ eE৳$()%", max_size=25)


@given(st.one_of(st.text(max_size=40), numbery), st.sampled_from(CURRENCIES))
def test_parsing_any_text_gives_an_amount_within_bounds_or_a_message(text: str, currency: str) -> None:
    try:
        value = parse_decimal(text)
        assert value.is_finite()
        minor = parse_amount(text, currency, allow_zero=True, allow_negative=True)
    except InvalidInput as err:
        assert str(err)
        return
    assert isinstance(minor, int) and abs(minor) <= MAX_MINOR


@given(st.integers(-MAX_MINOR, MAX_MINOR), st.sampled_from(CURRENCIES))
def test_an_amount_written_as_text_reads_back_the_same(minor: int, currency: str) -> None:
    assert parse_amount(amount_text(minor, currency), currency, allow_zero=True, allow_negative=True) == minor


@given(st.integers(0, MAX_MINOR), st.sampled_from(["BDT", "USD", "EUR", "JPY"]), st.booleans(),
       st.booleans())
def test_a_formatted_amount_reads_back_the_same(minor: int, currency: str, bengali: bool,
                                               whole: bool) -> None:
    shown = format_money(minor, currency, bengali_digits=bengali, whole=whole)
    assert parse_amount(shown.replace("€", ""), currency, allow_zero=True) == minor
    assert format_money(-minor, currency, bengali_digits=bengali, whole=whole) in (shown, "-" + shown)


@given(st.integers(0, MAX_MINOR))
def test_taka_is_grouped_in_lakh_and_crore(minor: int) -> None:
    whole_taka = format_money(minor, "BDT").split(".")[0].lstrip("৳").split(",")
    assert len(whole_taka[0]) <= 3 if len(whole_taka) == 1 else len(whole_taka[-1]) == 3
    assert all(len(group) == 2 for group in whole_taka[1:-1])


rates = st.decimals(min_value=Decimal("0.0000000001"), max_value=Decimal("100000"), places=10,
                    allow_nan=False, allow_infinity=False)


@given(st.integers(-10**13, 10**13), st.sampled_from(CURRENCIES), rates)
def test_conversion_rounds_once_half_up_and_is_exact(minor: int, currency: str, rate: Decimal) -> None:
    from tracker.ledger.money import exponent

    exact = Fraction(minor) * Fraction(10) ** (exponent("BDT") - exponent(currency)) * Fraction(rate)
    expected = int(abs(exact) + Fraction(1, 2)) * (1 if exact >= 0 else -1)
    try:
        converted = convert(minor, currency, rate, "BDT")
    except InvalidInput:
        assert abs(expected) > MAX_MINOR
        return
    assert converted == expected
    assert convert(-minor, currency, rate, "BDT") == -converted


@given(st.integers(0, 10**9), st.integers(0, 10**9), rates)
def test_converting_parts_differs_from_the_whole_by_at_most_one_unit(a: int, b: int, rate: Decimal) -> None:
    assert abs(convert(a + b, "USD", rate) - convert(a, "USD", rate) - convert(b, "USD", rate)) <= 1


@given(st.one_of(st.text(max_size=30), numbery))
def test_a_rate_is_positive_with_at_most_ten_decimals_or_refused(text: str) -> None:
    try:
        rate = parse_rate(text)
    except InvalidInput:
        return
    assert rate > 0 and -rate.as_tuple().exponent <= 10  # type: ignore[operator]


@given(st.one_of(st.text(max_size=30), numbery, st.sampled_from(HOSTILE)), st.sampled_from(CURRENCIES))
def test_a_statement_amount_is_signed_minor_units_or_refused(text: str, currency: str) -> None:
    try:
        minor = signed_minor(text, currency)
    except InvalidInput:
        return
    assert abs(minor) <= MAX_MINOR


@given(st.one_of(st.text(max_size=30), st.sampled_from(HOSTILE),
                 st.from_regex(r"\A\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\Z"),
                 st.from_regex(r"\A[A-Z][a-z]{2} \d{1,2}, \d{4}\Z")))
def test_any_date_text_is_a_real_date_or_refused(text: str) -> None:
    for read in (wordy_date, lambda t: numeric_date(t, "dmy"), lambda t: numeric_date(t, "mdy"), parse_day):
        with suppress(InvalidInput):
            read(text)


money_text = st.one_of(numbery, st.sampled_from(HOSTILE),
                       st.sampled_from(["10%", "100%", "-1%", "250%", "৫%", "1e3%"]))
plain_amounts = st.one_of(st.decimals(min_value=0, max_value=10**16, places=2).map(lambda d: format(d, "f")),
                          st.integers(0, 10**17).map(str))


def mostly(usual: st.SearchStrategy[str], other: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Return a strategy that draws from `usual` four times in five, else from `other`."""
    return st.integers(0, 4).flatmap(lambda n: other if n == 0 else usual)


amounts = mostly(plain_amounts, money_text)
rate_texts = st.decimals(min_value=Decimal("0.0001"), max_value=10**5, places=4).map(lambda d: format(d, "f"))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(gross=amounts, fee=mostly(st.sampled_from(["0", "10%", "5", "0.5"]), amounts),
       rate=st.one_of(st.none(), mostly(rate_texts, money_text)),
       received=st.one_of(st.none(), st.none(), st.none(), amounts),
       currency=st.sampled_from(CURRENCIES + ["BDT"]),
       kind=st.sampled_from(["payment", "refund"]))
def test_a_payment_typed_any_way_is_stored_exactly_or_refused(
        migrated_template: Path, folder: Path, gross: str, fee: str, rate: str | None, received: str | None,
        currency: str, kind: str) -> None:
    from tracker.services.payments import PaymentInput, create_payment

    with fresh_database(migrated_template, folder) as session:
        try:
            payment = create_payment(session=session, data=PaymentInput(
                paid_on="2026-08-03", gross=gross, platform_fee=fee, rate=rate, received_home=received,
                currency=currency, kind=kind))
        except InvalidInput as err:
            assert str(err) and stored(session)[0] == 0
            event(f"refused: {err.message[:40]}")
            return
        event("stored")
        assert payment.net_home_minor == payment.gross_home_minor - payment.fees_home_minor
        assert all(abs(v) <= MAX_MINOR for v in (payment.gross_minor, payment.gross_home_minor,
                                                 payment.fees_home_minor))


# Importers -----------------------------------------------------------------------------------------

FORMATS = [f for f in CHOICES if f != "mapped"]
FIVERR = make_mapping("Fiverr", {"date": "Date", "amount": "Amount", "description": "Description",
                                 "client": "Buyer", "reference": "Order"}, platform="Fiverr")


def plan_or_refusal(session: Session, data: bytes, options: ImportOptions) -> ImportPlan | None:
    """Return the plan for a file, or None if it was refused with a message; assert nothing was written."""
    before = stored(session)
    try:
        plan = plan_import(session, data, options)
    except InvalidInput as err:
        assert str(err)
        event(f"file refused: {err.message[:50]}")
        plan = None
    assert stored(session) == before
    return plan


def write_or_refusal(session: Session, plan: ImportPlan, skip_invalid: bool) -> None:
    """Import a plan; a refusal must leave the database as it was, a success add what the plan said."""
    before = stored(session)
    try:
        result = import_rows(session=session, plan=plan, skip_invalid=skip_invalid)
    except InvalidInput as err:
        assert str(err) and stored(session) == before
        event(f"import refused: {err.message[:40]}")
        return
    event(f"imported {'some' if plan.to_add else 'no'} rows")
    after = stored(session)
    assert after[0] + after[1] - before[0] - before[1] == len(plan.to_add)
    assert result.imported == plan.added_rows and result.refused == len(plan.refused)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), fmt=st.sampled_from([*FORMATS, "mapped"]))
def test_arbitrary_bytes_are_read_or_refused_and_nothing_is_written(
        migrated_template: Path, folder: Path, data: bytes, fmt: str) -> None:
    with fresh_database(migrated_template, folder) as session:
        plan_or_refusal(session, data, ImportOptions(format=fmt, mapping=FIVERR, rates=(("USD", "120"),)))


PLAUSIBLE = {  # what a column usually holds, found by a word in its name
    "date": ["Aug 3, 2026", "Sep 15, 2026", "08/03/2026", "03/08/2026", "2026-08-03", "Jan 01, 2026"],
    "time": ["10:00:00"], "zone": ["PDT"],
    "currency": ["USD", "USD", "BDT", "EUR", "usd"],
    "type": ["Fixed Price", "Hourly", "Service Fee", "Refund", "Withdrawal", "Withdrawal Fee", "Connects",
             "Bonus", "Payment Received", "Express Checkout Payment", "Payment Refund", "General Withdrawal"],
    "kind": ["payment", "refund"], "status": ["Completed", "Pending", "cleared", "pending", ""],
    "impact": ["Credit", "Debit", "Memo", ""], "category": ["internet", "connects", "other"],
    "rate": ["120", "122.50", "1"], "source": ["upwork", "manual", "paypal", "Acme Ltd", "Upwork Inc"],
    "platform": ["Upwork", "direct", ""],
}
AMOUNTS = ["250.00", "-25.00", "1,200.00", "(5.00)", "-0.99", "৫০০০", "0.50", "100", ""]
IDS = ("id", "ref", "order", "reference")


def cells_for(column: str) -> st.SearchStrategy[str]:
    """Return mostly plausible values for a column (by its name), sometimes hostile ones."""
    name = column.lower()
    plausible: st.SearchStrategy[str]
    if any(word in name for word in IDS):
        plausible = st.integers(1, 40).map(lambda n: f"7012{n:05d}")
    elif any(word in name for word in ("amount", "gross", "fee", "net", "balance", "credit", "debit")):
        plausible = st.sampled_from(AMOUNTS)
    else:
        words = next((v for k, v in PLAUSIBLE.items() if k in name), None)
        plausible = st.sampled_from(words or ["Acme Ltd", "নদী ডিজাইন", "Logo", ""])
    return st.one_of(*[plausible] * 7, cells)


@st.composite
def statements(draw: st.DrawFn) -> tuple[bytes, str]:
    """Return a CSV file with a known statement's columns (some left out, some twice) and cells that are
    mostly plausible for their column, sometimes hostile."""
    name = draw(st.sampled_from(sorted(HEADERS)))
    some = draw(st.lists(st.sampled_from(HEADERS[name]), min_size=1, max_size=len(HEADERS[name]) + 2))
    columns = draw(st.sampled_from([HEADERS[name], HEADERS[name], HEADERS[name], some]))
    rows = draw(st.lists(st.tuples(*(cells_for(c) for c in columns)).map(list), min_size=1, max_size=8))
    out = io.StringIO()
    csv.writer(out).writerows([columns, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return out.getvalue().encode(encoding, errors="replace"), name


OWN_FORMAT = {"upwork_new": "upwork", "upwork_old": "upwork", "payoneer": "payoneer", "paypal_mdy": "paypal",
              "paypal_dmy_ambiguous": "paypal", "tracker": "tracker", "fiverr_earnings": "mapped"}


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(statement=statements(), choice=st.sampled_from(["auto", "auto", "own", "own", "any"]),
       other=st.sampled_from(FORMATS), skip=st.sampled_from([True, True, False]),
       order=st.sampled_from([None, "dmy", "mdy"]))
def test_arbitrary_statements_import_completely_or_not_at_all(
        migrated_template: Path, folder: Path, statement: tuple[bytes, str], choice: str, other: str,
        skip: bool, order: str | None) -> None:
    data, name = statement
    fmt = {"auto": "auto", "own": OWN_FORMAT[name], "any": other}[choice]
    if name == "fiverr_earnings" and fmt == "auto":
        fmt = "mapped"
    options = ImportOptions(format=fmt, mapping=FIVERR, rates=(("USD", "120"), ("EUR", "130")),
                            date_order=order)
    with fresh_database(migrated_template, folder) as session:
        plan = plan_or_refusal(session, data, options)
        if plan is not None:
            write_or_refusal(session, plan, skip)


# Backups ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def backup(migrated_template: Path, folder: Path) -> bytes:
    """Return the backup zip of a database with a client, a gig and payments with awkward text."""
    from tracker.io.backup import backup_bytes
    from tracker.services.clients import ClientInput, create_client
    from tracker.services.payments import PaymentInput, create_payment

    with fresh_database(migrated_template, folder) as session:
        client = create_client(session=session, data=ClientInput(name="নদী ডিজাইন", notes="a\r\nb, \"c\""))
        for note in ("\\N", "=1+1", "<script>"):
            create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="250", rate="122.5",
                                                              client_id=client.id, note=note))
        return backup_bytes(session)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 7)), min_size=1,
                      max_size=4),
       cut=st.one_of(st.none(), st.floats(0, 1)), junk=st.binary(max_size=300))
def test_a_damaged_backup_is_refused_and_restores_nothing(
        migrated_template: Path, folder: Path, backup: bytes, flips: list[tuple[float, int]],
        cut: float | None, junk: bytes) -> None:
    from tracker.io.backup import restore_backup

    damaged = bytearray(backup)
    for where, bit in flips:
        damaged[int(where * len(damaged))] ^= 1 << bit
    data = bytes(damaged[:int(cut * len(damaged))] if cut is not None else damaged)
    for candidate in (data, junk):
        with fresh_database(migrated_template, folder) as session:
            try:
                result = restore_backup(session=session, data=candidate)
            except InvalidInput as err:
                assert str(err) and stored(session) == (0, 0, 0, 0, 0)
                event("refused")
                continue
            event("restored (the damage hit nothing that matters)")
            assert result.counts["payment"] == 3 and stored(session)[0] == 3


# Any text, exported and backed up ------------------------------------------------------------------

any_text = st.one_of(st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
                             max_size=30),
                     st.text(alphabet="a\r\n,\"' =+-@\t\\", max_size=12))


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=any_text)  # 30 examples: each writes every file twice and restores a backup (a second each)
def test_any_text_is_exported_read_back_and_restored_exactly(migrated_template: Path, folder: Path,
                                                            text: str) -> None:
    """Any text (CRs, LFs, quotes, formula starts) in every text column: every exported file reads back
    with the csv module to one row of harmless text, SQLite and Python write the same bytes, and a
    backup restores every row exactly."""
    from tests.io.exports import python_files, sqlite_files
    from tests.test_export_tables import one_row_everywhere
    from tracker.io.backup import backup_bytes, restore_backup
    from tracker.io.text import unharmless
    from tracker.ledger.models import tables_in_order

    event("has a CR" if "\r" in text else "no CR")
    with fresh_database(migrated_template, folder) as session:
        one_row_everywhere(session, text)
        files = python_files(session)
        assert sqlite_files(session) == files
        for name, data in files.items():
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
            assert len(rows) == 2 and len(rows[1]) == len(rows[0]), name
        detailed = dict(zip(*csv.reader(io.StringIO(files["payments_detailed"].decode("utf-8-sig"),
                                                    newline="")), strict=True))
        assert [unharmless(detailed[c]) for c in ("client", "note")] == [text, text]
        data = backup_bytes(session)
        before = {t.name: session.execute(select(t)).all() for t in tables_in_order()}
        (folder / "restored").mkdir(exist_ok=True)
        with fresh_database(migrated_template, folder / "restored") as target:
            restore_backup(session=target, data=data)
            assert {t.name: target.execute(select(t)).all() for t in tables_in_order()} == before
