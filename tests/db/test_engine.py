"""The engine (tracker/db/engine.py): the schema comes from Alembic (an empty database upgrades to head, and
head matches the models; the revision is read without Alembic); two programs writing to one SQLite
database at once both finish and lose nothing, with WAL, a busy timeout and the bounded retry of
run_write, which is also tested with a database that stays busy.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import streamlit as st
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.util import CommandError
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, SQLModel, func, select
from streamlit.testing.v1 import AppTest

from tests.databases import sqlite_only
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import (
    current_revision,
    get_engine,
    head_revision,
    is_busy,
    make_engine,
    migrate,
    run_write,
)
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Payment

EXPECTED_TABLES = {"skill", "learning_session", "mentor_review", "client", "gig", "payment", "expense",
                   "goal", "setting", "checklist_item", "alembic_version"}


def test_empty_database_upgrades_to_head(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) == EXPECTED_TABLES
    migrate(engine)  # a second start changes nothing
    assert current_revision(engine) == head_revision()


def test_the_head_read_from_the_files_is_alembics_head() -> None:
    """A database at head is recognised without loading Alembic: the files must say what Alembic says."""
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from tracker.db.engine import alembic_config

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    assert head_revision() == script.get_current_head()


def test_head_schema_matches_the_models(db_url: str) -> None:
    engine = get_engine(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_indexes_for_the_dashboard_exist(db_url: str) -> None:
    indexes = {ix["name"] for ix in inspect(get_engine(db_url)).get_indexes(Payment.__tablename__)}
    assert {"ix_payment_month_status", "ix_payment_client_month", "ix_payment_platform_month",
            "ix_payment_gig"} <= indexes


@sqlite_only
def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(db_url: str) -> None:
    with get_engine(db_url).connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_foreign_keys_are_enforced(db_url: str) -> None:
    import pytest
    from sqlalchemy.exc import IntegrityError

    with get_engine(db_url).begin() as connection, pytest.raises(IntegrityError):
        connection.execute(text(
            "INSERT INTO learning_session (skill_id, learned_on, minutes, note) "
            "VALUES (999, '2026-01-01', 30, '')"))


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


# Two programs writing at once: run_write tries a busy database again -----------------------------------

EACH = 1000
WRITER = f"""
import sys
from tracker.db.engine import open_session, run_write
from tracker.services.payments import PaymentInput, create_payment

url, name = sys.argv[1], sys.argv[2]
with open_session(url):
    pass  # the database is open and migrated: ready
print("ready", flush=True)
sys.stdin.readline()  # both start together
for n in range({EACH}):
    data = PaymentInput(paid_on="2026-08-03", gross=f"{{10 + n % 90}}.25", rate="120", source="upwork",
                        external_ref=f"{{name}}-{{n}}", note=f"written by {{name}}")

    def store() -> None:
        with open_session(url) as session:
            create_payment(session=session, data=data)

    run_write(store)
print("done", flush=True)
"""


def locked() -> OperationalError:
    """Return the error SQLAlchemy raises when SQLite is busy."""
    return OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))


def test_two_processes_writing_at_once_lose_nothing(db_url: str, tmp_path: Path, session: Session) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "TRACKER_DATA_DIR": str(tmp_path / "data")}
    writers = [subprocess.Popen([sys.executable, str(script), db_url, name], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
               for name in ("first", "second")]
    try:
        for writer in writers:
            assert writer.stdout.readline() == "ready\n"  # type: ignore[union-attr]
        started = time.perf_counter()
        for writer in writers:
            writer.stdin.write("go\n")  # type: ignore[union-attr]
            writer.stdin.flush()  # type: ignore[union-attr]
        outputs = [writer.communicate(timeout=300) for writer in writers]
        seconds = time.perf_counter() - started
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
    assert [w.returncode for w in writers] == [0, 0]
    assert [out for out, _err in outputs] == ["done\n", "done\n"]
    assert [err for _out, err in outputs] == ["", ""]  # no "database is locked", no traceback
    assert session.exec(select(func.count()).select_from(Payment)).one() == 2 * EACH
    for name in ("first", "second"):
        refs = set(session.exec(select(Payment.external_ref).where(Payment.note == f"written by {name}")))
        assert refs == {f"{name}-{n}" for n in range(EACH)}
    print(f"{2 * EACH} payments from two processes in {seconds:.1f} s")


def test_a_busy_database_is_tried_again() -> None:
    calls = []

    def write() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise locked()
        return "stored"

    assert run_write(write, pause=0.001) == "stored" and len(calls) == 3


def test_a_database_that_stays_busy_gives_a_message_not_a_traceback() -> None:
    calls = []

    def write() -> None:
        calls.append(1)
        raise locked()

    with pytest.raises(InvalidInput, match="The database is busy: another program is writing to it"):
        run_write(write, attempts=4, pause=0.001)
    assert len(calls) == 4


def test_other_database_errors_are_not_retried() -> None:
    calls = []

    def write() -> None:
        calls.append(1)
        raise OperationalError("SELECT ...", {}, sqlite3.OperationalError("no such table: payment"))

    with pytest.raises(OperationalError):
        run_write(write, pause=0.001)
    assert len(calls) == 1 and not is_busy(OperationalError("x", {}, sqlite3.OperationalError("disk I/O")))


def test_the_app_says_the_database_is_busy_and_saves_nothing(db_url: str, monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    import tracker.db.engine
    import tracker.services.clients

    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    def busy(**_kwargs: object) -> None:
        """Stand for a write that always finds the database locked."""
        raise locked()

    monkeypatch.setattr(tracker.services.clients, "create_client", busy)
    real = tracker.db.engine.run_write
    monkeypatch.setattr("tracker.web.state.run_write", lambda write: real(write, pause=0.001))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(PROJECT_ROOT / "pages" / "clients.py"), default_timeout=60)
    at.session_state["language"] = "en"
    at.run()
    at.text_input(key="client_0.name").input("Acme Ltd")
    next(b for b in at.button if b.label == "Add client").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["The database is busy: another program is writing to it. Try "
                                           "again in a moment."]
    from tracker.db.engine import open_session

    with open_session(db_url) as s:
        assert s.exec(select(func.count()).select_from(Client)).one() == 0
