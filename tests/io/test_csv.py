"""Nothing lost, ever: text with a carriage return (a note pasted from an old Mac file, "a\\rb") survives
the CSV export read back by the app's own readers, and a backup restored.

Python's csv module (and pandas) quote a field only for the characters of the line end they write, so
every CSV the app writes ends its lines with CR LF (RFC 4180): a field holding CR or LF is then quoted.
Files written before that, with LF line ends, still import and restore (a backup exactly, whatever CRs
its text holds).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text as sql_text
from sqlmodel import Session, select

from tests.databases import ON_POSTGRES, new_database
from tests.io.helpers import OWN_WORDS, one_row_everywhere
from tracker.db.engine import open_session
from tracker.io import backup
from tracker.io import csv as csv_writer
from tracker.io.csv import harmless, lines_end_with_lf_alone, unharmless
from tracker.io.csvread import read_sheet
from tracker.io.export import PAYMENT_COLUMNS, payments_csv
from tracker.io.importer import import_rows
from tracker.io.plan import ImportOptions, plan_import
from tracker.io.tables_csv import export_files, table_csv
from tracker.ledger.models import Client, Expense, Gig, Payment, Skill, tables_in_order
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import SkillInput, create_skill

CR_TEXTS = ["a\rb", "\r", "x\r\ny", "at end\r", "\rstarts", "'\r", "a\r\rb\n\rc", "\r\n", "two\nlines"]
DETAILED_TEXT = ("client", "gig", "skill", "source", "external_ref", "note")


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: backups in the test's folder


def other_db(tmp_path: Path, name: str = "other.db") -> Session:
    """Return a session on another, empty database (migrated when opened)."""
    return open_session(new_database(tmp_path, name))


def read_three_ways(data: bytes) -> list[list[list[str]]]:
    """Return a CSV's rows (header first) as the app's reader, the csv module and pandas read them."""
    sheet = read_sheet(data)
    text = data.decode("utf-8-sig")
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_filter=False,
                        encoding="utf-8-sig")
    return [[sheet.headers, *sheet.rows], list(csv.reader(io.StringIO(text, newline=""))),
            [list(frame.columns), *frame.to_numpy(dtype=object).tolist()]]


def every_row(session: Session) -> dict[str, list[tuple]]:
    """Return every table's stored rows, by primary key."""
    return {t.name: [tuple(r) for r in session.execute(select(t).order_by(*t.primary_key.columns))]
            for t in tables_in_order()}


def text_columns(table_name: str) -> list[str]:
    """Return the exported names of a table's free-text columns (one_row_everywhere fills them)."""
    from sqlalchemy import String

    table = next(t for t in tables_in_order() if t.name == table_name)
    return [c.name for c in table.columns if isinstance(getattr(c.type, "impl", c.type), String)
            and c.name not in OWN_WORDS and not c.foreign_keys]


@pytest.mark.parametrize("text", CR_TEXTS)
def test_every_exported_file_reads_back_every_text_exactly(session: Session, text: str) -> None:
    """Each table file and payments_detailed.csv, read by the app's reader, csv and pandas: one row, exact."""
    one_row_everywhere(session, text)
    files = export_files(session)
    for table in tables_in_order():
        for rows in read_three_ways(files[f"{table.name}.csv"]):
            assert len(rows) == 2, (table.name, rows)
            row = dict(zip(rows[0], rows[1], strict=True))
            for name in text_columns(table.name):
                assert unharmless(row[name]) == text, (table.name, name, row[name])
    for rows in read_three_ways(files["payments_detailed.csv"]):
        assert len(rows) == 2 and rows[0] == PAYMENT_COLUMNS
        row = dict(zip(rows[0], rows[1], strict=True))
        assert [unharmless(row[n]) for n in DETAILED_TEXT] == [text] * len(DETAILED_TEXT)


@pytest.mark.parametrize("text", CR_TEXTS)
def test_a_field_holding_cr_or_lf_is_quoted_and_lines_end_with_crlf(session: Session, text: str) -> None:
    one_row_everywhere(session, text)
    field = '"' + harmless(text).replace('"', '""') + '"'
    with_text = {f"{t.name}.csv" for t in tables_in_order() if text_columns(t.name)}
    with_text.add("payments_detailed.csv")
    assert len(with_text) > 5
    for name, data in export_files(session).items():
        assert data.endswith(b"\r\n") and data.count(b"\r\n") >= 2, name
        assert (field.encode() in data) == (name in with_text), name
    for name, data in backup_members(backup.backup_bytes(session)).items():
        assert data.endswith(b"\r\n"), name
        assert (('"' + text.replace('"', '""') + '"').encode() in data) == (name in with_text), name


def fill_with_carriage_returns(session: Session) -> None:
    """Store, through the services (as forms and importers do), payments and expenses with CRs in text."""
    skill = create_skill(session=session, data=SkillInput(name="Logo\rdesign", category="graphic design"))
    client = create_client(session=session, data=ClientInput(name="Old\rMac Ltd", notes="a\rb"))
    gig = create_gig(session=session, data=GigInput(title="=Logo\r\nset", client_id=client.id,
                                                    skill_id=skill.id))
    for number, note in enumerate(["a\rb", "x\r\ny", "ends with \r", "\r", "line\r\rtwo", "-\r1"]):
        create_payment(session=session, data=PaymentInput(
            paid_on=f"2026-08-{number + 1:02d}", gross="25.00", rate="121.5", gig_id=gig.id, note=note,
            external_ref=f"ref\r{number}"))
        create_expense(session=session, data=ExpenseInput(spent_on=f"2026-08-{number + 1:02d}", amount="100",
                                                          category="internet", note=note))


def imported_texts(session: Session) -> list[list[object]]:
    """Return the texts an import brings back: payment notes and refs, names, expense notes."""
    return [session.exec(select(Payment.note).order_by(Payment.paid_on)).all(),
            session.exec(select(Payment.external_ref).order_by(Payment.paid_on)).all(),
            session.exec(select(Client.name)).all(), session.exec(select(Gig.title)).all(),
            session.exec(select(Skill.name)).all(),
            session.exec(select(Expense.note).order_by(Expense.spent_on)).all()]


def import_into(session: Session, *files: bytes) -> None:
    """Import the app's own CSV files, checking every row is taken."""
    for data in files:
        plan = plan_import(session, data, ImportOptions())
        assert (plan.format, plan.refused) == ("tracker", [])
        assert import_rows(session=session, plan=plan).refused == 0


def test_export_then_import_keeps_every_text_with_a_carriage_return(session: Session, tmp_path: Path) -> None:
    fill_with_carriage_returns(session)
    expected = imported_texts(session)
    assert "a\rb" in expected[0] and "x\r\ny" in expected[0] and "Old\rMac Ltd" in expected[2]
    with other_db(tmp_path) as other:
        import_into(other, payments_csv(session), table_csv(session, "expense"))
        assert imported_texts(other) == expected


def old_style(data: bytes) -> bytes:
    """Return a CSV file as the export wrote it before, with LF line ends (fields with LF quoted)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def test_an_old_export_with_lf_line_ends_still_imports(session: Session, tmp_path: Path) -> None:
    """Before CR LF, a lone CR was written unquoted: it stays in its text, and its row stays one row."""
    client = create_client(session=session, data=ClientInput(name='Say "hi",\rLtd'))
    for number, note in enumerate(["two\nlines", "x\r\ny", "=1+1", "plain", "", "a\rb", "old\rMac\rnote\r"]):
        create_payment(session=session, data=PaymentInput(paid_on=f"2026-08-{number + 1:02d}", gross="10",
                                                          rate="120", client_id=client.id, note=note))
        create_expense(session=session, data=ExpenseInput(spent_on=f"2026-08-{number + 1:02d}", amount="5",
                                                          category="internet", note=note))
    files = [old_style(payments_csv(session)), old_style(table_csv(session, "expense"))]
    assert all(b"\r\n" not in f.replace(b"x\r\ny", b"") for f in files)
    assert all(b"a\rb" in f and b'"a\rb"' not in f for f in files)  # unquoted, as the old export wrote it
    with other_db(tmp_path) as other:
        import_into(other, *files)
        assert imported_texts(other) == imported_texts(session)


def backup_members(data: bytes) -> dict[str, bytes]:
    """Return the CSV files of a backup zip by name."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {n: archive.read(n) for n in archive.namelist() if n.endswith(".csv")}


@pytest.mark.parametrize("text", CR_TEXTS)
def test_backup_and_restore_keep_every_text_exactly(session: Session, tmp_path: Path, text: str) -> None:
    one_row_everywhere(session, text)
    data = backup.backup_bytes(session)
    with other_db(tmp_path) as target:
        backup.restore_backup(session=target, data=data)
        assert every_row(target) == every_row(session)


@pytest.mark.parametrize("text", CR_TEXTS)
def test_an_old_backup_with_lf_line_ends_restores_exactly(session: Session, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """A backup written with LF line ends (its lone CRs unquoted) restores every text exactly."""
    one_row_everywhere(session, text)
    with monkeypatch.context() as old:
        old.setattr(csv_writer, "LINE_END", "\n")
        data = backup.backup_bytes(session)
    assert all(not m.split(b"\n", 1)[0].endswith(b"\r") for m in backup_members(data).values())
    with other_db(tmp_path) as target:
        backup.restore_backup(session=target, data=data)
        assert every_row(target) == every_row(session)


FOUR_LETTERS = "PostgreSQL keeps a currency code to 3 characters: a restore of a longer one is refused there"


@pytest.mark.parametrize(("column", "value"), [
    ("kind", "=1+1"), ("status", "+1"), ("platform", "@SUM(A1)"), ("rate", "-120"),
    pytest.param("currency", "\tUSD", marks=pytest.mark.skipif(ON_POSTGRES, reason=FOUR_LETTERS)),
    pytest.param("currency", "\rUSD", marks=pytest.mark.skipif(ON_POSTGRES, reason=FOUR_LETTERS))])
def test_app_words_edited_into_a_backup_are_made_harmless_in_the_flat_file(session: Session, column: str,
                                                                          value: str) -> None:
    """A restored, hand-edited backup can hold any text in a payment's kind, status, platform, currency
    or rate (restore checks types, not words), and a home currency set to any text: both are harmless."""
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="10", rate="120"))
    session.execute(sql_text(f"UPDATE payment SET {column} = :value"), {"value": value})
    session.execute(sql_text("INSERT INTO setting (key, value) VALUES ('home_currency', :v)"), {"v": "\tBDT"})
    session.commit()
    files = export_files(session)
    [detailed] = read_three_ways(files["payments_detailed.csv"])[1:2]
    row = dict(zip(detailed[0], detailed[1], strict=True))
    assert (row[column], row["home_currency"]) == (harmless(value), "'\tBDT")
    [payment] = list(csv.DictReader(io.StringIO(files["payment.csv"].decode("utf-8-sig"), newline="")))
    assert (payment[column], payment["home_currency"]) == (harmless(value), "'\tBDT")
    summary = list(csv.DictReader(io.StringIO(files["monthly_summary.csv"].decode("utf-8-sig"), newline="")))
    assert summary[0]["currency"] == "'\tBDT"


def test_a_value_too_long_for_its_column_is_refused_with_a_message_and_changes_nothing(
        session: Session) -> None:
    """PostgreSQL refuses a text longer than its column (SQLite keeps it): a clear refusal, no change."""
    from sqlalchemy.exc import DataError

    from tracker.ledger.errors import InvalidInput
    from tracker.services.common import writing

    payment = create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="10", rate="120"))
    with pytest.raises(InvalidInput, match="does not fit where the database keeps it"), writing(session):
        session.execute(sql_text("UPDATE payment SET note = 'changed'"))
        if ON_POSTGRES:  # the database itself refuses
            session.execute(sql_text("UPDATE payment SET currency = :code"), {"code": "\tUSD"})
        else:  # SQLite does not check lengths: the same error, raised as the driver would
            raise DataError("UPDATE payment SET currency = ?", {}, Exception("value too long"))
    session.expire_all()
    assert (session.get(Payment, payment.id).note, session.get(Payment, payment.id).currency) == ("", "USD")


@pytest.mark.parametrize(("content", "rows"), [
    ("a,b\na\rb,c\n", [["a\rb", "c"]]),  # lines end with LF: a CR is text
    ("a,b\n\ue000\rx,c\n", [["\ue000\rx", "c"]]),  # the first private-use mark is taken: another one
    ("a,b\r\nx,y\r\n", [["x", "y"]]),  # CR LF: as ever
    ("a,b\rx,y\rz,w\r", [["x", "y"], ["z", "w"]]),  # an old Mac file: a CR ends each line, as ever
    ("a,b\r\nx,\"p\rq\"\r\n", [["x", "p\rq"]]),  # CR LF with a quoted lone CR
])
def test_a_carriage_return_is_text_only_in_a_file_whose_lines_end_with_lf(content: str,
                                                                          rows: list[list[str]]) -> None:
    assert read_sheet(content.encode("utf-8")).rows == rows


@pytest.mark.parametrize(("content", "lf_alone"), [
    ("a,b\nx,y\n", True), ("a,b\r\nx,y\r\n", False), ("a,b\rx,y\r", False), ("a\rb\nx\n", False),
    ("a,b\nx\r,y\r\n", True), ("a,b", False)])
def test_a_file_written_before_cr_lf_is_told_by_its_first_line_break(content: str, lf_alone: bool) -> None:
    """One rule for the importer (text) and the restore (bytes): the first line break is LF, no CR before."""
    assert lines_end_with_lf_alone(content) is lf_alone
    assert lines_end_with_lf_alone(content.encode("utf-8")) is lf_alone


def test_amounts_are_written_a_column_at_a_time_as_amount_text_writes_each() -> None:
    import random

    from tracker.io.csv import amount_column
    from tracker.ledger.money import amount_text

    rng = random.Random(15)
    currencies = ["USD", "BDT", "JPY", "KWD", "EUR"]
    minors = [rng.choice([rng.randint(-10**15, 10**15), rng.randint(-999, 999), 0, 5, -5, None])
              for _ in range(5000)]
    codes = [rng.choice(currencies) for _ in minors]
    expected = ["" if m is None else amount_text(m, c) for m, c in zip(minors, codes, strict=True)]
    assert amount_column(minors, codes) == expected
    assert amount_column([10**20, -10**20, None], ["USD"] * 3) == ["1000000000000000000.00",
                                                                   "-1000000000000000000.00", ""]
    assert amount_column([], []) == [] and amount_column([None], ["BDT"]) == [""]
