"""The importer (tracker/io/importer.py): the driver-level insert stores what SQLAlchemy stores."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import text
from sqlmodel import Session, SQLModel

from tests.databases import sqlite_only
from tracker.io import importer
from tracker.io.importer import import_rows
from tracker.io.plan import ImportOptions, plan_import


def statement() -> bytes:
    """Return a small Upwork statement with a fee row, a new team, awkward text and an expense."""
    rows = [["Date", "Transaction ID", "Transaction Type", "Transaction Summary", "Team", "Freelancer",
             "Ref ID", "Amount $"],
            ["Aug 10, 2026", "9001", "Hourly", "Invoice, week 32", "Acme Ltd", "Rahim", "9001", "1,200.00"],
            ["Aug 10, 2026", "9002", "Service Fee", "Service Fee for Hourly - Ref ID 9001", "Acme Ltd",
             "Rahim", "9001", "-120.00"],
            ["Aug 12, 2026", "9003", "Fixed-price", '=logo "v2"', "New Team", "Rahim", "9003", "300.00"],
            ["Aug 14, 2026", "9004", "Connects", "Connects purchase", "", "Rahim", "9004", "-6.00"]]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def stored(session: Session) -> list[tuple]:
    """Return every payment and expense as stored, with each value's SQLite type."""
    rows = []
    for table in ("payment", "expense", "client"):
        columns = [c.name for c in SQLModel.metadata.tables[table].columns if c.name != "created_at"]
        listed = ", ".join(f"{c}, typeof({c})" for c in columns)
        rows.extend(session.execute(text(f"SELECT {listed} FROM {table} ORDER BY id")).all())
    return rows


@sqlite_only
def test_the_driver_insert_stores_what_sqlalchemy_stores(session: Session,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    options = ImportOptions(rates=(("USD", "121.5"),))
    import_rows(session=session, plan=plan_import(session, statement(), options))
    fast = stored(session)
    for table in ("payment", "expense", "client"):
        session.execute(text(f"DELETE FROM {table}"))
    session.commit()
    monkeypatch.setattr(importer, "driver_insert", lambda *args: None)
    import_rows(session=session, plan=plan_import(session, statement(), options))
    assert stored(session) == fast and len(fast) == 5
