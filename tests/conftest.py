"""Shared fixtures: a fresh SQLite database per test, migrated by Alembic like the app's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from tracker.db import forget_engines, open_session


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Return the URL of a new, empty database file; TRACKER_DB_URL points at it."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    monkeypatch.setenv("TRACKER_DB_URL", url)
    yield url
    forget_engines()


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    """Return a session on a fresh, migrated database."""
    with open_session(db_url) as s:
        yield s
