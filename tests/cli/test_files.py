"""`python -m tracker export | backup | restore | import`: summary line, exit codes, messages on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.databases import new_database
from tracker.cli.main import main
from tracker.db.engine import forget_engines, open_session
from tracker.reports.month import month_summary

DATA = Path(__file__).parents[1] / "data"


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: backups in the test's folder


@pytest.fixture
def url(tmp_path: Path) -> str:
    """Return the URL of a new database for the command line."""
    yield new_database(tmp_path, "cli.db")
    forget_engines()


def run(url: str, *args: str | Path) -> Result:
    """Run `python -m tracker --db URL ARGS` and return the result."""
    return CliRunner().invoke(main, ["--db", url, *map(str, args)])


def net(url: str, month: str) -> int:
    """Return a month's net income in poisha."""
    with open_session(url) as session:
        return month_summary(session, month).net_minor


def test_import_prints_one_summary_line_and_is_idempotent(url: str) -> None:
    first = run(url, "import", DATA / "upwork_old.csv", "--rate", "USD=120")
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[-1] == "imported 14, duplicates 0, refused 0"
    second = run(url, "import", DATA / "upwork_old.csv", "--rate", "USD=120")
    assert second.exit_code == 0
    assert "Nothing new" in second.stdout
    assert second.stdout.splitlines()[-1] == "imported 0, duplicates 14, refused 0"
    assert net(url, "2026-08") == 14676120


def test_dry_run_writes_nothing(url: str) -> None:
    result = run(url, "import", DATA / "payoneer.csv", "--rate", "USD=121.50", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "imported 4, duplicates 0, refused 0"
    assert net(url, "2026-08") == 0


def test_a_refused_row_stops_the_import_with_exit_code_1(url: str, bad_payoneer_file: Path) -> None:
    result = run(url, "import", bad_payoneer_file, "--rate", "USD=121.50")
    assert result.exit_code == 1
    assert "row 3: “31/08/2026” is not a date that exists." in result.stderr
    assert "Nothing was imported" in result.stderr
    assert result.stdout.splitlines()[-1] == "imported 0, duplicates 0, refused 1"
    assert net(url, "2026-08") == 0


def test_skip_invalid_imports_the_rest_and_exits_0(url: str, bad_payoneer_file: Path) -> None:
    result = run(url, "import", bad_payoneer_file, "--rate", "USD=121.50", "--skip-invalid")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "imported 3, duplicates 0, refused 1"
    assert net(url, "2026-08") == 14787157 + 36450  # without the refused 3.00 fee (৳364.50)


def test_a_missing_rate_names_the_currency(url: str) -> None:
    result = run(url, "import", DATA / "paypal_mdy.csv", "--rate", "USD=121.50")
    assert result.exit_code == 1
    assert "Rows in EUR need an exchange rate into BDT. Give one, like --rate EUR=121.50." in result.stderr


def test_ambiguous_dates_need_date_order(url: str) -> None:
    args = ("import", DATA / "paypal_dmy_ambiguous.csv", "--rate", "GBP=155")
    result = run(url, *args)
    assert result.exit_code == 1 and "--date-order dmy" in result.stderr
    assert run(url, *args, "--date-order", "dmy").exit_code == 0
    assert net(url, "2026-11") == 4457025


def test_mapped_import_saves_and_reuses_its_mapping(url: str, data_dir: Path) -> None:
    maps = ["--map", "date=Date", "--map", "amount=Amount", "--map", "client=Buyer",
            "--map", "reference=Order", "--platform", "Fiverr"]
    first = run(url, "import", DATA / "fiverr_earnings.csv", "--format", "mapped", *maps,
                "--save-mapping", "Fiverr", "--rate", "USD=120")
    assert first.exit_code == 0, first.output
    assert (data_dir / "mappings" / "fiverr.json").exists()
    again = run(url, "import", DATA / "fiverr_earnings.csv", "--format", "mapped", "--mapping", "Fiverr",
                "--rate", "USD=120")
    assert again.stdout.splitlines()[-1] == "imported 0, duplicates 3, refused 0"


@pytest.mark.parametrize("args", [
    ["import", str(DATA / "upwork_old.csv"), "--rate", "USD"],
    ["import", str(DATA / "upwork_old.csv"), "--format", "excel"],
    ["import", "no-such-file.csv"],
    ["restore"],
])
def test_usage_mistakes_exit_with_2(url: str, args: list[str]) -> None:
    assert run(url, *args).exit_code == 2


def test_a_file_that_is_not_csv_exits_with_1(url: str, tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    result = run(url, "import", path)
    assert result.exit_code == 1 and "does not look like a CSV file" in result.stderr


def test_export_backup_and_restore(url: str, tmp_path: Path, data_dir: Path) -> None:
    run(url, "import", DATA / "upwork_old.csv", "--rate", "USD=120")
    exported = run(url, "export", "--out", tmp_path / "out", "--from", "2026-08-01", "--to", "2026-08-31")
    assert exported.exit_code == 0 and "Wrote 12 files" in exported.stdout
    assert (tmp_path / "out" / "payments_detailed.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert run(url, "backup", "--out", tmp_path / "b.zip").exit_code == 0
    other = new_database(tmp_path, "other.db")
    assert run(other, "restore", tmp_path / "b.zip").exit_code == 0
    assert net(other, "2026-08") == 14676120
    refused = run(other, "restore", tmp_path / "b.zip")
    assert refused.exit_code == 1 and "--replace" in refused.stderr
    replaced = run(other, "restore", tmp_path / "b.zip", "--replace")
    assert replaced.exit_code == 0 and "saved in" in replaced.stdout
    assert len(list((data_dir / "backups").glob("tracker-backup-*.zip"))) == 1
    foreign = run(other, "restore", DATA / "upwork_old.csv", "--replace")
    assert foreign.exit_code == 1 and "not a zip file" in foreign.stderr
