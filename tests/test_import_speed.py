"""The shortcuts that make a 100,000-row import fast give exactly what the general paths give: CSV read
by Python's csv module or by pandas, plain amounts counted without a Decimal, remembered rates and
conversion factors, cells read by position, the cycle collector paused and SQLite's cache enlarged
only while importing (and put back, also after an error).
"""

from __future__ import annotations

import gc
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import Session, func, select

import tracker.io.importer as importer
import tracker.io.plan as plan_module
from tracker.io.collector import collector_paused
from tracker.io.csvread import _parse_with_pandas, first_line, regular_grid
from tracker.io.importer import import_rows
from tracker.io.importers.upwork import _REF_IN_TEXT, _fee_target
from tracker.io.plan import ImportOptions, plan_import, stored_refs
from tracker.io.rows import ImportRow, RowKind, _signed_minor, signed_minor
from tracker.io.values import row_values
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Payment, PaymentKind, Platform
from tracker.ledger.money import convert, from_minor, parse_decimal, parse_minor, parse_rate, to_minor
from tracker.services.common import choice
from tracker.services.payments import PaymentInput, create_payment, payment_values

DATA = Path(__file__).parent / "data"
USD = (("USD", "120"),)
EXAMPLES = settings(max_examples=150 if os.environ.get("CI") else 100, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep automatic backups in the test's own folder."""
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


CHARACTERS = st.sampled_from(["a", "1", ".", "-", '"', " ", "\t", "\r", "\n", "\u2028", "\x85", "é", "'",
                              ",", ";", "\\", "#"])
RAW = st.lists(CHARACTERS, max_size=6).map("".join)
QUOTED = RAW.map(lambda t: '"' + t.replace('"', '""') + '"')
CELL = st.one_of(RAW, QUOTED, QUOTED.map(lambda q: "  " + q), QUOTED.map(lambda q: q + " "), st.just(""))


@EXAMPLES
@given(width=st.integers(2, 4), rows=st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=5),
       delimiter=st.sampled_from([",", ";"]), end=st.sampled_from(["\n", "\r\n", "\r"]), last=st.booleans(),
       pad=st.booleans())
def test_a_regular_file_reads_as_pandas_reads_it(width: int, rows: list[list[str]], delimiter: str,
                                                 end: str, last: bool, pad: bool) -> None:
    lines = [[f"h{i}" for i in range(width)], *[(r + [""] * width)[:width] if pad else r for r in rows]]
    content = end.join(delimiter.join(r) for r in lines) + (end if last else "")
    grid = regular_grid(content, delimiter)
    if grid is not None:  # else pandas reads it (or refuses it), as before
        assert grid == _parse_with_pandas(content, delimiter)


@pytest.mark.parametrize("content", [
    "a,b\n1,2,3\n",  # a ragged row
    'a,b\n"1,2\n',  # a quote never closed
    "a,b\n\n1,2\n",  # a blank line
    'a,b\n"1"x,2\n',  # text after a closing quote
    "a,b\n1\x00,2\n",  # a NUL
])
def test_irregular_files_are_left_to_pandas(content: str) -> None:
    assert regular_grid(content, ",") is None


@EXAMPLES
@given(st.lists(st.sampled_from(["a", ",", "\n", "\r", "\r\n", "\x0b", "\x1c", "\x85", "\u2028", " "]),
                min_size=1, max_size=40).map("".join), st.integers(0, 9000))
def test_the_first_line_is_the_first_of_splitlines(content: str, prefix: int) -> None:
    content = "x" * prefix + content
    assert first_line(content) == content.splitlines()[0]


PLAIN = st.builds(lambda sign, whole, dot, part: f"{sign}{whole}{dot}{part}", st.sampled_from(["", "-", "+"]),
                  st.text(alphabet="0123456789", min_size=1, max_size=22), st.sampled_from(["", "."]),
                  st.text(alphabet="0123456789", max_size=5))
CURRENCIES = st.sampled_from(["USD", "JPY", "KWD", "BDT", "XYZ"])


def outcome(read: object, *args: object) -> object:
    """Return what reading gives: the minor units, or the refusal's message and parameters."""
    try:
        return read(*args)  # type: ignore[operator]
    except InvalidInput as err:
        return err.message, err.params


def general(text: str, currency: str) -> int:
    """Return to_minor(parse_decimal(text)), the path every amount took before."""
    return to_minor(parse_decimal(text), currency)


@EXAMPLES
@given(PLAIN, CURRENCIES)
def test_plain_amounts_are_counted_as_the_general_path_counts_them(amount: str, currency: str) -> None:
    assert outcome(signed_minor, amount, currency) == outcome(_signed_minor, amount, currency)
    assert outcome(parse_minor, amount, currency) == outcome(general, amount, currency)


def test_words_of_a_choice_match_ignoring_case_and_others_are_refused() -> None:
    assert choice(" PayMent ", PaymentKind, field="kind") == "payment"
    assert choice("UPWORK", Platform, field="platform") == Platform.UPWORK.value
    with pytest.raises(InvalidInput, match="Choose one of: payment, refund"):
        choice("gift", PaymentKind, field="kind")


def test_a_remembered_rate_still_refuses_too_many_decimals() -> None:
    assert parse_rate(Decimal("1.1")) == Decimal("1.1")
    for refused in (Decimal("1.10000000000"), "1.10000000000", Decimal("-1.1"), "0"):
        with pytest.raises(InvalidInput):
            parse_rate(refused)
    assert str(parse_rate("122.50")) == "122.5"


def test_equal_rates_convert_alike_however_they_are_written() -> None:
    assert convert(77833, "USD", Decimal("121.5"), "BDT") == convert(77833, "USD", Decimal("121.50"), "BDT") \
        == 9456710  # 778.33 × 121.5 = 94,567.095 → ৳94,567.10 (half up)
    assert convert(1500, "JPY", Decimal("0.8"), "BDT") == 120000
    assert convert(10**12, "USD", Decimal("1E-50"), "BDT") == 0  # a rate of no ordinary size: Decimal


@pytest.mark.parametrize("description", [
    "Service Fee for Fixed-price - Ref ID 900099999", "fee REF.ID#123 and ref id 456", "no reference",
    "Ref ıd 7", "İstanbul ref id 8", "rEf Id: 9", "ſervice fee, reference 10", "",
])
def test_the_fee_target_is_found_where_a_full_search_finds_it(description: str) -> None:
    found = _REF_IN_TEXT.search(description)
    assert _fee_target(description, "55", "66") == (found.group(1) if found else "55")


def test_the_collector_is_paused_only_while_importing() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()


def cache_size(session: Session) -> int:
    """Return the connection's SQLite page cache size (PRAGMA cache_size)."""
    return int(session.connection().execute(text("PRAGMA cache_size")).scalar_one())


def test_the_page_cache_is_put_back_after_an_import(session: Session,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("a SQLite setting")
    before = cache_size(session)
    seen = []
    real = importer._insert

    def spy(*args: object) -> None:
        seen.append(cache_size(session))
        real(*args)  # type: ignore[arg-type]
    monkeypatch.setattr(importer, "_insert", spy)
    plan = plan_import(session, (DATA / "upwork_new.csv").read_bytes(), ImportOptions(rates=USD))
    import_rows(session=session, plan=plan)
    assert seen and all(size == -importer.ROOMY_CACHE_KIB for size in seen)
    assert cache_size(session) == before

    def broken(*_args: object) -> None:
        raise InvalidInput("The disk is full.")
    monkeypatch.setattr(importer, "_insert", broken)
    again = plan_import(session, (DATA / "upwork_old.csv").read_bytes(), ImportOptions(rates=USD))
    stored = session.exec(select(func.count()).select_from(Payment)).one()
    with pytest.raises(InvalidInput, match="disk is full"):
        import_rows(session=session, plan=again)
    assert cache_size(session) == before
    assert session.exec(select(func.count()).select_from(Payment)).one() == stored


def test_imported_days_and_times_are_stored_as_a_form_stores_them(session: Session) -> None:
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("SQLite keeps days and times as text")
    import_rows(session=session, plan=plan_import(session, (DATA / "upwork_new.csv").read_bytes(),
                                                  ImportOptions(rates=USD)))
    by_form = create_payment(session=session, data=PaymentInput(paid_on="2026-09-03", gross="5", rate="120"))
    rows = session.connection().execute(text("SELECT id, paid_on, created_at FROM payment")).all()
    form = next(r for r in rows if r.id == by_form.id)
    for row in rows:
        assert len(row.paid_on) == len(form.paid_on) == 10 and row.paid_on[4] == "-"
        assert len(row.created_at) == len(form.created_at)  # the same text form, day and time


def test_stored_references_are_found_in_batches(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "REFS_PER_QUERY", 2)  # upwork_new.csv's rows take several batches
    first = plan_import(session, (DATA / "upwork_new.csv").read_bytes(), ImportOptions(rates=USD))
    import_rows(session=session, plan=first)
    keys = {(row.source, row.ref) for row in first.to_add}
    assert len(keys) > 2
    others = {("upwork", "no such reference"), ("paypal", first.to_add[0].ref)}
    assert stored_refs(session, keys | others) == keys
    again = plan_import(session, (DATA / "upwork_new.csv").read_bytes(), ImportOptions(rates=USD))
    assert (again.to_add, again.duplicate_rows) == ([], first.added_rows)


MINOR = st.one_of(st.integers(-3, 10**6), st.sampled_from([0, 10**15, 10**15 + 1, -(10**15) - 1, 10**26]))


@EXAMPLES
@given(amount=MINOR, platform_fee=MINOR, transfer_fee=MINOR, refund=st.booleans(), pending=st.booleans(),
       currency=st.sampled_from(["USD", "BDT", "JPY", "KWD"]),
       rate=st.sampled_from([None, Decimal("121.5"), Decimal("0.0000000001"), Decimal("1")]),
       expected=st.one_of(st.none(), st.integers(-10**6, 10**7)))
def test_a_statement_row_is_checked_and_counted_as_the_same_payment_typed_in_a_form(
        session: Session, amount: int, platform_fee: int, transfer_fee: int, refund: bool, pending: bool,
        currency: str, rate: Decimal | None, expected: int | None) -> None:
    """Rows skip writing their minor units out as text and reading them back, nothing else: the values
    (or the refusal) are those of the PaymentInput that the row used to become."""
    row = ImportRow(number=2, kind=RowKind.REFUND if refund else RowKind.PAYMENT, day=date(2026, 9, 3),
                    currency=currency, amount=amount, source="upwork", ref="r1", platform_fee=platform_fee,
                    transfer_fee=transfer_fee, pending=pending, platform="Upwork", note="n",
                    expected_net_home=expected)
    form = PaymentInput(
        paid_on=row.day, gross=from_minor(amount, currency), currency=currency,
        platform_fee=from_minor(platform_fee, currency), transfer_fee=from_minor(transfer_fee, currency),
        rate=None if currency == "BDT" else rate, kind="refund" if refund else "payment",
        status="pending" if pending else "cleared", platform="Upwork", source="upwork", external_ref="r1",
        note="n")

    def as_form() -> dict[str, object]:
        values = payment_values(session, form)
        if expected is not None and expected != values["net_home_minor"] and currency != "BDT":
            again = payment_values(session, form.model_copy(update={
                "rate": None, "received_home": from_minor(abs(expected), "BDT")}))
            values = again if again["net_home_minor"] == expected else values
        return {**values, "table": "payment"}

    assert outcome(row_values, session, row, rate, "BDT") == outcome(as_form)
