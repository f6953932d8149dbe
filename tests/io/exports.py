"""Support for the export tests: every export file as the Python export and as SQLite write it.
Used by tests/io/test_csv_lines.py, tests/test_line_ends.py and tests/test_properties.py.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from tracker.io import csv_lines
from tracker.io.export import PAYMENT_COLUMNS, columns_csv, payment_columns
from tracker.io.tables_csv import table_columns, tables
from tracker.services.settings import home_currency


def python_files(session: Session, start: date | None = None, end: date | None = None) -> dict[str, bytes]:
    """Return every table file and payments_detailed.csv as the Python export writes them."""
    files = {t.name: columns_csv(table_columns(session, t, start, end)) for t in tables()}
    files["payments_detailed"] = columns_csv(payment_columns(session, start, end))
    return files


def sqlite_files(session: Session, start: date | None = None,
                 end: date | None = None) -> dict[str, bytes | None]:
    """Return the same files as SQLite writes them (tracker.io.csv_lines)."""
    home = home_currency(session)
    files: dict[str, bytes | None] = {
        t.name: csv_lines.table_csv(session, t, home, t.columns.get(DAYS.get(t.name, "")), start, end)
        for t in tables()}
    files["payments_detailed"] = csv_lines.payments_csv(session, home, PAYMENT_COLUMNS, start, end)
    return files


DAYS = {"payment": "paid_on", "expense": "spent_on", "learning_session": "learned_on",
        "mentor_review": "reviewed_on"}
