"""Where the tests' databases live: SQLite files by default, PostgreSQL with TRACKER_TEST_POSTGRES=1.

`make test-pg` sets TRACKER_TEST_POSTGRES=1: the test session then starts a throw-away PostgreSQL server
(tests/postgres_server.py) and every test that asks for a database gets one on it:
- `db_url` (tests/conftest.py): one migrated database, emptied before each test (rows deleted, id
  sequences back to 1), which is much quicker than a new database per test;
- `new_database(folder, name)`: a new, empty, not yet migrated database, for the tests that need a
  second one (restore into an empty database, a second app, the command line on a fresh file).
Tests about SQLite itself (its files, WAL, file backups) say so with `sqlite_only`: the marker keeps
them out of the PostgreSQL run's `-m db` selection, and tests/conftest.py skips them (with this reason)
when the whole suite is run on PostgreSQL anyway.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session, func, select

from tests.postgres_server import PostgresServer

ON_POSTGRES = os.environ.get("TRACKER_TEST_POSTGRES", "") not in ("", "0")
SQLITE_ONLY_REASON = "about SQLite's own file (the PostgreSQL run skips it)"
sqlite_only = pytest.mark.sqlite_only

_server: PostgresServer | None = None
_admin: Engine | None = None
_made = 0


def start_postgres() -> PostgresServer:
    """Start the session's PostgreSQL server (once) and return it."""
    global _server, _admin
    if _server is None:
        _server = PostgresServer().start()
        _admin = create_engine(_server.url(), isolation_level="AUTOCOMMIT")
    return _server


def stop_postgres() -> None:
    """Stop the session's PostgreSQL server, if one was started."""
    global _server, _admin
    if _admin is not None:
        _admin.dispose()
    if _server is not None:
        _server.stop()
    _server = _admin = None


def new_database(folder: Path, name: str) -> str:
    """Return the URL of a new, empty database: a SQLite file in folder, or a PostgreSQL database."""
    if not ON_POSTGRES:
        return f"sqlite:///{folder / name}"
    global _made
    server = start_postgres()
    _made += 1
    database = f"t{_made}_" + re.sub(r"[^a-z0-9]+", "_", name.lower())[:40]
    assert _admin is not None
    with _admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{database}"')
    return server.url(database)


def empty_all_tables(engine: Engine) -> None:
    """Delete every row of every table (children first) and start the id sequences at 1 again."""
    from tracker.ledger.models import tables_in_order

    with engine.begin() as connection:
        connection.execute(text("SET LOCAL lock_timeout = '20s'"))
        for table in reversed(tables_in_order()):
            connection.execute(table.delete())
        for table in tables_in_order():
            if "id" in table.c:
                sequence = f"pg_get_serial_sequence('{table.name}', 'id')"
                connection.execute(text(f"SELECT setval({sequence}, 1, false)"))


def count(session: Session, model: type[Any]) -> int:
    """Return how many rows a table holds, as the database has them."""
    session.expire_all()
    return session.exec(select(func.count()).select_from(model)).one()
