"""`report` read straight from a SQLite file with the standard library: no SQLAlchemy, a quicker answer.

Taken only when reading is all there is to do: the database is a SQLite file already at the newest
schema (tracker.db.schema) and today's automatic backup of it is taken. Otherwise (another database, an
older schema, no backup yet today, a file that cannot be opened read-only) it gives None, and the CLI
goes the usual way, which upgrades and backs up as every start does. The figures come from
tracker.reports.figures, the code the usual way runs too, so both give the same report.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from tracker.db.schema import HEAD_REVISION, VERSION_TABLE
from tracker.io.backup_names import backups_folder, database_name, taken_on
from tracker.reports.figures import month_report

SQLITE = "sqlite:///"


def sqlite_file(url: str) -> Path | None:
    """Return the existing SQLite file a plain URL names ('sqlite:////abs/path.db'), else None."""
    if not url.startswith(SQLITE) or any(sign in url for sign in "?%"):
        return None  # query options or escaped characters: leave the URL to SQLAlchemy
    path = Path(url[len(SQLITE):])
    return path if path.is_absolute() and path.is_file() else None


def read_only(file: Path, timeout: float = 30) -> sqlite3.Connection:
    """Open a SQLite file for reading only: nothing can be written or created through it."""
    return sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True, timeout=timeout)


def at_newest_schema(connection: sqlite3.Connection) -> bool:
    """Return True if the database says it is at the newest migration (one row, HEAD_REVISION)."""
    stored = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    return stored == [(HEAD_REVISION,)]


def quick_month_report(url: str, month: str, today: date) -> dict[str, object] | None:
    """Return the month report read with sqlite3 alone, or None when the usual way must be taken."""
    file = sqlite_file(url)
    if file is None or not taken_on(date.today(), backups_folder(file), database_name(file, None)):
        return None
    try:
        with closing(read_only(file)) as connection:
            if not at_newest_schema(connection):
                return None

            def rows(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
                return connection.execute(sql, dict(params)).fetchall()

            return month_report(rows, month, today)
    except sqlite3.Error:  # locked for longer than the timeout, not a database, no version table, ...
        return None
