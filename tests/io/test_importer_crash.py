"""An import killed half way leaves the database as it was: the command line imports a statement of
30,000 rows and is killed (SIGKILL) while it writes, once in the middle of the inserts and once just
before the commit, when every row is written but not committed. The child's page cache is kept small,
so that SQLite has moved the uncommitted pages into the write-ahead log by then. After the kill the
database has the same rows, byte for byte, and passes SQLite's integrity check; the same import then
runs to the end.

The child process says when it is writing by printing a line from a SQLAlchemy event (after the first
insert into payment, or at the commit), and then waits to be killed; the test reads that line, so
nothing depends on timing.
"""

from __future__ import annotations

import hashlib
import os
import selectors
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.hostile.cases import UPWORK_HEADER
from tracker.cli.main import main
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import make_engine
from tracker.services.clients import ClientInput, create_client
from tracker.services.payments import PaymentInput, create_payment

ROWS = 30_000
CHILD = """
import sys, time
from sqlalchemy import Engine, event

WHERE = sys.argv[1]
inserts = []


def say_and_wait() -> None:
    print("writing", flush=True)
    time.sleep(3600)  # the test kills this process now


@event.listens_for(Engine, "connect")
def small_cache(dbapi_connection, record):
    dbapi_connection.execute("PRAGMA cache_size=50")  # uncommitted pages spill into the WAL early


@event.listens_for(Engine, "after_cursor_execute")
def inserted(connection, cursor, statement, parameters, context, executemany):
    if statement.lstrip().upper().startswith("INSERT INTO PAYMENT"):
        inserts.append(statement)
        if WHERE == "inserting" and len(inserts) == 1:  # the first chunk of rows is in, more to come
            say_and_wait()


@event.listens_for(Engine, "commit")
def committing(connection):
    if WHERE == "committing" and inserts:  # every row is written, the commit is next
        say_and_wait()


import tracker.io.importer

tracker.io.importer.ROOMY_CACHE_KIB = 0  # as when an import outgrows its roomy cache: pages spill early
from tracker.cli.main import main

main(sys.argv[2:])
"""


def statement(path: Path) -> Path:
    """Write an Upwork statement of ROWS fixed-price payments from 300 clients."""
    lines = [f'"Aug {1 + i % 28}, 2026",{50_000_000 + i},Fixed Price,Milestone {i},,Rahim Uddin,'
             f'Client {i % 300},Rahim Uddin,,{10 + i % 90}.50,,USD,0.00\n' for i in range(ROWS)]
    path.write_text(UPWORK_HEADER + "".join(lines), encoding="utf-8")
    return path


def state(path: Path) -> tuple[dict[str, int], str]:
    """Return every table's row count and one SHA-256 of all rows, read with plain sqlite3."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tables = [t for (t,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        digest, counts = hashlib.sha256(), {}
        for table in tables:
            rows = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            counts[table] = len(rows)
            digest.update(repr((table, rows)).encode())
        return counts, digest.hexdigest()
    finally:
        connection.close()


@pytest.fixture
def database(tmp_path: Path, migrated_template: Path) -> Path:
    """Return a database file with a client and two payments in it."""
    path = tmp_path / "tracker.db"
    shutil.copyfile(migrated_template, path)
    engine = make_engine(f"sqlite:///{path}")
    from sqlmodel import Session

    with Session(engine) as session:
        client = create_client(session=session, data=ClientInput(name="Client 7"))
        for day in ("2026-07-01", "2026-07-02"):
            create_payment(session=session, data=PaymentInput(paid_on=day, gross="100", rate="120",
                                                              client_id=client.id, source="upwork",
                                                              external_ref=f"old-{day}"))
    engine.dispose()
    return path


def kill_while_writing(database: Path, source: Path, where: str, folder: Path) -> None:
    """Run the import in a child process and kill it with SIGKILL once it says it is writing."""
    script = folder / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "TRACKER_DATA_DIR": str(folder / "data")}
    child = subprocess.Popen(
        [sys.executable, str(script), where, "--db", f"sqlite:///{database}", "import", str(source),
         "--rate", "USD=120"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        cwd=PROJECT_ROOT)
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(child.stdout, selectors.EVENT_READ)  # type: ignore[arg-type]
            assert selector.select(timeout=120), "the import never started writing"
        line = child.stdout.readline()  # type: ignore[union-attr]
        assert line == "writing\n", (line, child.stderr.read())  # type: ignore[union-attr]
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]


@pytest.mark.parametrize("where", ["inserting", "committing"])
def test_an_import_killed_while_writing_leaves_the_database_as_it_was(database: Path, tmp_path: Path,
                                                                      where: str) -> None:
    source = statement(tmp_path / "upwork.csv")
    before = state(database)
    kill_while_writing(database, source, where, tmp_path)
    wal = database.with_name(database.name + "-wal")
    assert wal.stat().st_size > 100_000  # uncommitted rows had reached the file when it was killed
    assert state(database) == before
    again = CliRunner().invoke(main, ["--db", f"sqlite:///{database}", "import", str(source),
                                      "--rate", "USD=120"])
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[-1] == f"imported {ROWS}, duplicates 0, refused 0"
    counts, _digest = state(database)
    assert counts["payment"] == before[0]["payment"] + ROWS and counts["client"] == 300
