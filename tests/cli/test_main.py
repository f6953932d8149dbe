"""The command line (tracker/cli/main.py): `python -m tracker migrate` sets up the database given by --db or
TRACKER_DB_URL; every command is listed; a quick start: `report` on a database at the newest migration
loads neither Alembic nor pandas (read from `python -X importtime`), and upgrades an old schema first.
Backups go beside the database file (in tmp_path), as without TRACKER_DATA_DIR.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from tests.databases import new_database
from tests.hostile.cases import CASES, HOSTILE, Case
from tracker.cli.main import LAZY_COMMANDS, main
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import (
    current_revision,
    forget_engines,
    head_revision,
    make_engine,
    open_session,
)
from tracker.io.csvread import MAX_IMPORT_BYTES
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.payments import PaymentInput, create_payment


def test_migrate_with_db_option(tmp_path) -> None:
    url = new_database(tmp_path, "cli.db")
    result = CliRunner().invoke(main, ["--db", url, "migrate"])
    assert result.exit_code == 0, result.output
    assert current_revision(make_engine(url)) == head_revision()


def test_migrate_with_environment_variable(tmp_path) -> None:
    url = new_database(tmp_path, "env.db")
    result = CliRunner().invoke(main, ["migrate"], env={"TRACKER_DB_URL": url})
    assert result.exit_code == 0, result.output
    assert make_url(url).database in result.output  # the database it migrated, named


def seeded_db(tmp_path) -> str:
    """Return a database with six months of rising income and one pending payment."""
    url = new_database(tmp_path, "report.db")
    with open_session(url) as s:
        for i, taka in enumerate([20000, 30000, 40000, 50000, 60000, 70000]):
            create_payment(session=s, data=PaymentInput(paid_on=f"2026-{5 + i:02d}-10",
                                                        gross=str(taka), currency="BDT"))
        create_payment(session=s, data=PaymentInput(
            paid_on="2026-11-03", gross="250.00", platform_fee="25.00", rate="122.50", currency="USD"))
        create_payment(session=s, data=PaymentInput(
            paid_on="2026-11-05", gross="40.00", rate="122.50", status="pending"))
        create_payment(session=s, data=PaymentInput(
            paid_on="2026-11-06", gross="10.00", rate="122.50", kind="refund"))
        create_expense(session=s, data=ExpenseInput(spent_on="2026-11-02", amount="1,200",
                                                    category="internet"))
    forget_engines()
    return url


def test_report_json_contract(tmp_path) -> None:
    """Nov 2026: 30,625 − 1,225 refund gross; 3,062.50 fees; 1,200 expenses; 4,900 pending."""
    url = seeded_db(tmp_path)
    result = CliRunner().invoke(main, ["--db", url, "report", "--month", "2026-11", "--json",
                                       "--as-of", "2026-11-21"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures == {
        "month": "2026-11", "currency": "BDT", "goal": "100000.00", "gross": "29400.00",
        "fees": "3062.50", "expenses": "1200.00", "net": "25137.50", "pending": "4900.00",
        "progress": 0.251375, "goal_reached_month": "2027-01", "outlook": "on track",
    }


def test_report_uses_the_environment_and_prints_a_table(tmp_path) -> None:
    url = seeded_db(tmp_path)
    result = CliRunner().invoke(main, ["report", "--month", "2026-10", "--as-of", "2026-11-21"],
                                env={"TRACKER_DB_URL": url})
    assert result.exit_code == 0, result.output
    assert "Net                 ৳70,000.00" in result.output
    assert "Progress            70.00%" in result.output
    assert "Goal reached        2027-01" in result.output


def test_report_on_an_empty_database(tmp_path) -> None:
    url = new_database(tmp_path, "empty.db")
    result = CliRunner().invoke(main, ["--db", url, "report", "--json", "--month", "2026-11"])
    figures = json.loads(result.output)
    assert (figures["net"], figures["progress"], figures["goal_reached_month"]) == ("0.00", 0, None)
    assert figures["outlook"] == "need more data"


def test_report_refuses_a_month_that_does_not_exist(tmp_path) -> None:
    result = CliRunner().invoke(main, ["--db", new_database(tmp_path, "x.db"), "report",
                                       "--month", "2026-13"])
    assert result.exit_code == 2
    assert "is not a month" in result.output


# A quick start: what `report` loads -------------------------------------------------------------------

HEAVY = ("pandas", "alembic", "tracker.cli.files", "tracker.io.csvread", "tracker.demo.profile")


def imported_by(*args: str) -> tuple[set[str], str]:
    """Run `python -X importtime -m tracker ARGS`; return the modules it imported and its output."""
    env = {k: v for k, v in os.environ.items() if k not in ("TRACKER_DB_URL", "TRACKER_DATA_DIR")}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "tracker", *args], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    modules = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
               if line.startswith("import time:")}
    return modules, done.stdout


def loaded(modules: set[str], name: str) -> bool:
    """Return True if the package or module `name` (or a part of it) was imported."""
    return any(m == name or m.startswith(name + ".") for m in modules)


@pytest.fixture
def at_head(tmp_path: Path, migrated_template: Path) -> str:
    """Return the URL of a SQLite database at the newest migration, holding one payment."""
    path = tmp_path / "at-head.db"
    shutil.copyfile(migrated_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    with Session(engine) as session:
        create_payment(session=session, data=PaymentInput(paid_on="2026-11-03", gross="25000",
                                                          currency="BDT"))
    engine.dispose()
    return url


def test_report_at_head_loads_neither_alembic_nor_pandas(at_head: str, tmp_path: Path) -> None:
    for start in ("first of the day", "again"):
        modules, output = imported_by("--db", at_head, "report", "--json", "--month", "2026-11",
                                      "--as-of", "2026-11-21")
        assert json.loads(output)["gross"] == "25000.00", start
        assert [name for name in HEAVY if loaded(modules, name)] == [], start
        assert "tracker.io.backup_names" in modules, start  # the daily backup is still looked after:
        # taken by the first start; the next finds it
    backups = list((tmp_path / "backups").glob("tracker-backup-at-head-*-daily.db"))
    assert len(backups) == 1  # the first start of the day copied the database (without pandas)


def test_report_on_an_old_schema_still_upgrades_it_first(tmp_path: Path) -> None:
    from alembic import command

    from tracker.db.engine import alembic_config

    path = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO setting (key, value) VALUES ('language', 'en')"))
    engine.dispose()
    modules, output = imported_by("--db", f"sqlite:///{path}", "report", "--json")
    assert loaded(modules, "alembic") and json.loads(output)["currency"] == "BDT"
    assert current_revision(make_engine(f"sqlite:///{path}")) == head_revision()
    assert list((tmp_path / "backups").glob("tracker-backup-old-*-before-migration.db"))


def test_every_command_is_listed_and_found() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    listed = result.output.split("Commands:")[1]
    for name in ("migrate", "report", *LAZY_COMMANDS):
        assert f"  {name} " in listed
    with click.Context(main) as ctx:
        for name in LAZY_COMMANDS:
            command = main.get_command(ctx, name)
            assert command is not None and command.name == name
        assert main.get_command(ctx, "no-such-command") is None


@pytest.mark.usefixtures("data_dir")  # tests/conftest.py
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


@pytest.mark.usefixtures("data_dir")  # tests/conftest.py
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
