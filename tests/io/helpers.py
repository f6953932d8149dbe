"""Helpers of the export and backup tests: reading a CSV back, one row of one text in every table."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from sqlalchemy import Boolean, Date, DateTime, Integer
from sqlmodel import Session

from tracker.ledger.models import tables_in_order

OWN_WORDS = {"currency": "USD", "month": "2026-08", "valid_from": "2026-08"}  # read back by the summary


def rows_of(data: bytes) -> list[dict[str, str]]:
    """Return a CSV's rows, checking the byte-order mark is there."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def one_row_everywhere(session: Session, text: str) -> None:
    """Store one row in every table with `text` in every text column (currency codes and months aside).

    Written straight into the tables, as a hand-edited backup could hold them: the export must make
    every one harmless (or quote it) whatever the forms would have allowed.
    """
    for table in tables_in_order():
        row: dict[str, object] = {}
        for column in table.columns:
            kind = getattr(column.type, "impl", column.type)
            if column.foreign_keys or (isinstance(kind, Integer) and not column.name.endswith("_minor")):
                row[column.name] = 1
            elif column.name.endswith("_minor"):
                row[column.name] = -12345
            elif column.name in OWN_WORDS:
                row[column.name] = OWN_WORDS[column.name]
            elif isinstance(kind, Boolean):
                row[column.name] = True
            elif isinstance(kind, DateTime):
                row[column.name] = datetime(2026, 8, 3, 10, 30, tzinfo=UTC)
            elif isinstance(kind, Date):
                row[column.name] = date(2026, 8, 3)
            else:
                row[column.name] = text
        session.execute(table.insert().values(**row))
    session.commit()
