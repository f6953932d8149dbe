"""Shared fixtures: a fresh SQLite database per test, migrated by Alembic like the app's.

Alembic runs once per test session on a template file; each test gets its own copy of it, so a
test starts from exactly the schema the app creates, without paying for the migrations again.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from tracker.db import current_revision, forget_engines, head_revision, make_engine, migrate, open_session


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a database file upgraded to the newest migration, made once per test session."""
    path = tmp_path_factory.mktemp("template") / "tracker.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migrated_template: Path) -> Iterator[str]:
    """Return the URL of a new, empty, migrated database file; TRACKER_DB_URL points at it."""
    path = tmp_path / "tracker.db"
    shutil.copyfile(migrated_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("TRACKER_DB_URL", url)
    yield url
    forget_engines()


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    """Return a session on a fresh, migrated database."""
    with open_session(db_url) as s:
        yield s
