"""A quick start: `report` on a database at the newest migration loads neither Alembic nor pandas.

Alembic is loaded only when the schema has to change, pandas only when a backup zip is written or read,
and the importers only when their command runs. What is loaded is read from `python -X importtime`.
Backups go beside the database file (in tmp_path), as without TRACKER_DATA_DIR.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from alembic.util import CommandError
from click.testing import CliRunner
from sqlalchemy import text
from sqlmodel import Session

from tracker.cli.main import LAZY_COMMANDS, main
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import current_revision, head_revision, make_engine
from tracker.services.payments import PaymentInput, create_payment

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


def test_the_revision_is_read_without_alembic_as_alembic_reads_it(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'versions.db'}")
    assert current_revision(engine) is None  # no version table
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
    assert current_revision(engine) is None  # an empty version table
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO alembic_version VALUES ('0002')"))
    assert current_revision(engine) == "0002"
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO alembic_version VALUES ('0003')"))
    with pytest.raises(CommandError, match="more than one head"):
        current_revision(engine)
