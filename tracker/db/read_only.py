"""An engine that can only read: for the command line's saved language, which must create nothing.

It runs no migration, takes no backup and makes no file: a SQLite file that is not there yet gives
no engine at all, and an existing one is opened in SQLite's read-only mode.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine.url import make_url


def read_only_engine(url: str, *, timeout: float = 5) -> Engine | None:
    """Return an engine that reads the database at the URL, or None when there is no SQLite file."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, execution_options={"postgresql_readonly": True})
    file = Path(parsed.database or "")
    if not parsed.database or parsed.database == ":memory:" or not file.is_file():
        return None
    address = f"{file.resolve().as_uri()}?mode=ro"
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(address, uri=True, timeout=timeout))
