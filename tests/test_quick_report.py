"""`report` answers from a SQLite file with sqlite3 alone when it can, with the very same figures."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import Session

from tests.databases import sqlite_only
from tracker.cli.main import main
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import forget_engines, get_engine, open_session
from tracker.io.autobackup import automatic_backups, save_backup
from tracker.ledger.models import PaymentStatus
from tracker.reports import figures as month_figures
from tracker.reports import outlook
from tracker.reports.quick import quick_month_report, sqlite_file
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.goals import set_goal
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import set_setting

LOADED = ("import json, runpy, sys\n"
          "sys.argv = ['tracker', *sys.argv[1:]]\n"
          "try:\n    runpy.run_module('tracker', run_name='__main__')\n"
          "except SystemExit as end:\n    assert not end.code, end.code\n"
          "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sqlmodel'})))\n")


def history(url: str, *, currency: str = "BDT") -> None:
    """Fill a database: rising months, a pending payment, a refund, expenses, goals changed twice."""
    with open_session(url) as s:
        if currency != "BDT":
            set_setting(session=s, key="home_currency", value=currency)
        for i, amount in enumerate([200, 300, 400, 500, 600, 700]):
            create_payment(session=s, data=PaymentInput(paid_on=f"2026-{5 + i:02d}-10", gross=str(amount),
                                                        currency=currency))
        rate = "122.50" if currency == "BDT" else "1"
        create_payment(session=s, data=PaymentInput(paid_on="2026-11-03", gross="250.00",
                                                    platform_fee="25.00", rate=rate, currency="USD"))
        create_payment(session=s, data=PaymentInput(paid_on="2026-11-05", gross="40.00", currency=currency,
                                                    status="pending"))
        create_payment(session=s, data=PaymentInput(paid_on="2026-11-06", gross="10.00", currency=currency,
                                                    kind="refund"))
        for day in ("2026-07-02", "2026-11-02", "2026-11-09"):
            create_expense(session=s, data=ExpenseInput(spent_on=day, amount="12.50", currency=currency,
                                                        category="internet"))
        set_goal(session=s, target="800", valid_from="2026-08")
        set_goal(session=s, target="1500", valid_from="2026-12")
    forget_engines()


def with_todays_backup(url: str) -> str:
    """Return the URL after the day's automatic backup of it was taken (as the first start does)."""
    save_backup(get_engine(url), "daily")
    forget_engines()
    return url


def usual_report(url: str, month: str, today: date) -> dict[str, object]:
    """Return the report the usual way: a SQLAlchemy session."""
    with open_session(url) as session:
        figures = outlook.month_report(session, month, today)
    forget_engines()
    return figures


def test_the_status_words_are_the_models_words() -> None:
    words = (PaymentStatus.CLEARED.value, PaymentStatus.PENDING.value)
    assert words == (month_figures.CLEARED, month_figures.PENDING)


@sqlite_only
@pytest.mark.parametrize("currency", ["BDT", "USD"])
@pytest.mark.parametrize(("month", "today"), [
    ("2026-11", date(2026, 11, 21)), ("2026-10", date(2026, 11, 21)), ("2026-08", date(2026, 11, 21)),
    ("2027-01", date(2026, 11, 21)), ("2026-11", date(2026, 7, 15)), ("2026-12", date(2027, 3, 1)),
    ("2025-01", date(2026, 11, 21)),
])
def test_the_quick_way_gives_the_report_the_session_gives(tmp_path: Path, currency: str, month: str,
                                                          today: date) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    history(url, currency=currency)
    with_todays_backup(url)
    quick = quick_month_report(url, month, today)
    assert quick is not None
    assert quick == usual_report(url, month, today)
    assert quick["currency"] == currency


@sqlite_only
def test_the_quick_way_on_an_empty_database(tmp_path: Path, db_url: str) -> None:
    with_todays_backup(db_url)
    today = date(2026, 11, 21)
    quick = quick_month_report(db_url, "2026-11", today)
    assert quick == usual_report(db_url, "2026-11", today)
    assert quick is not None and quick["outlook"] == "need more data" and quick["net"] == "0.00"


@sqlite_only
def test_the_command_takes_the_quick_way_and_prints_the_same(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    history(url)
    with_todays_backup(url)
    arguments = ["--db", url, "report", "--month", "2026-11", "--as-of", "2026-11-21"]
    with monkeypatch.context() as patched:  # the session way must not be needed now
        patched.setattr(outlook, "month_report", lambda *_: pytest.fail("the session way was taken"))
        quick_json = CliRunner().invoke(main, [*arguments, "--json"])
        quick_table = CliRunner().invoke(main, arguments)
    assert quick_json.exit_code == 0 and quick_table.exit_code == 0, quick_json.output + quick_table.output
    monkeypatch.setattr("tracker.cli.main.quick_month_report", lambda *_: None)
    usual = CliRunner().invoke(main, [*arguments, "--json"])
    usual_table = CliRunner().invoke(main, arguments)
    assert json.loads(quick_json.output) == json.loads(usual.output)
    assert quick_json.output == usual.output and quick_table.output == usual_table.output
    assert "Net " in quick_table.output


@sqlite_only
def test_the_first_report_of_the_day_backs_up_then_the_next_loads_no_sqlalchemy(tmp_path: Path) -> None:
    """The first run goes the usual way (it takes the day's backup); the next needs sqlite3 alone."""
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    history(url)
    environment = {**os.environ, "TRACKER_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(PROJECT_ROOT)}
    environment.pop("TRACKER_DB_URL", None)

    def run() -> tuple[list[str], dict[str, object]]:
        done = subprocess.run([sys.executable, "-c", LOADED, "--db", url, "report", "--json"],
                              capture_output=True, text=True, env=environment, cwd=PROJECT_ROOT, check=True)
        report_line, loaded_line = done.stdout.strip().splitlines()
        return json.loads(loaded_line), json.loads(report_line)

    first_loaded, first = run()
    backups = list((tmp_path / "data" / "backups").glob("*daily.db"))
    second_loaded, second = run()
    assert first_loaded == ["sqlalchemy", "sqlmodel"] and len(backups) == 1
    assert second_loaded == [] and second == first
    assert list((tmp_path / "data" / "backups").glob("*daily.db")) == backups


@sqlite_only
def test_without_todays_backup_the_usual_way_is_taken(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    history(url)
    engine = get_engine(url)  # a start with rows takes the day's backup...
    for backup in automatic_backups(engine):
        backup.path.unlink()  # ...which is gone again
    forget_engines()
    assert quick_month_report(url, "2026-11", date(2026, 11, 21)) is None
    result = CliRunner().invoke(main, ["--db", url, "report", "--json"])
    assert result.exit_code == 0, result.output
    assert [b.reason for b in automatic_backups(get_engine(url))] == ["daily"]
    forget_engines()
    assert quick_month_report(url, "2026-11", date(2026, 11, 21)) is not None


@sqlite_only
def test_an_older_schema_is_left_to_the_usual_way(tmp_path: Path, db_url: str) -> None:
    with_todays_backup(db_url)
    file = Path(db_url.removeprefix("sqlite:///"))
    with sqlite3.connect(file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0003'")
    assert quick_month_report(db_url, "2026-11", date(2026, 11, 21)) is None
    with sqlite3.connect(file) as connection:
        connection.execute("DROP TABLE alembic_version")
    assert quick_month_report(db_url, "2026-11", date(2026, 11, 21)) is None


@sqlite_only
def test_a_file_that_is_no_database_is_left_to_the_usual_way(db_url: str) -> None:
    with_todays_backup(db_url)
    file = Path(db_url.removeprefix("sqlite:///"))
    file.write_text("month,net\n2026-11,5\n")
    assert quick_month_report(db_url, "2026-11", date(2026, 11, 21)) is None


def test_only_a_plain_url_of_an_existing_file_is_read_directly(tmp_path: Path) -> None:
    there = tmp_path / "there.db"
    there.write_bytes(b"")
    assert sqlite_file(f"sqlite:///{there}") == there
    for url in (f"sqlite:///{tmp_path / 'missing.db'}", "sqlite://", "sqlite:///:memory:",
                "sqlite:///relative/there.db", f"sqlite:///{there}?mode=ro", f"sqlite:///{tmp_path}/a%20b.db",
                "postgresql+psycopg://me@/tracker", f"sqlite+pysqlite:///{there}"):
        assert sqlite_file(url) is None, url


def test_the_session_way_sees_what_is_not_flushed_yet(session: Session) -> None:
    """The month figures run plain SQL in the session: a goal added but not yet flushed counts."""
    from tracker.db.engine import session_rows
    from tracker.ledger.models import Goal

    session.add(Goal(valid_from="2026-01", target_minor=5_000_00))
    assert month_figures.goal_for_month(session_rows(session), "2026-11") == 5_000_00
    session.rollback()
    assert month_figures.goal_for_month(session_rows(session), "2026-11") == month_figures.DEFAULT_GOAL_MINOR
