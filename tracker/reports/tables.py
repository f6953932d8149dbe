"""How many records each table holds (the Data page)."""

from __future__ import annotations

from sqlmodel import Session, func, select

from tracker.ledger.models import tables_in_order


def record_counts(session: Session) -> dict[str, int]:
    """Return how many rows each table holds, by table name."""
    return {table.name: session.exec(select(func.count()).select_from(table)).one()
            for table in tables_in_order()}
