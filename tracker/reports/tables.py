"""What the pages list: small DataFrames and choices, queried with joins and GROUP BY."""

from __future__ import annotations

from sqlmodel import Session, func, select

from tracker.ledger.models import Payment, tables_in_order


def record_counts(session: Session) -> dict[str, int]:
    """Return how many rows each table holds, by table name."""
    return {table.name: session.exec(select(func.count()).select_from(table)).one()
            for table in tables_in_order()}


def months_with_payments(session: Session) -> list[str]:
    """Return the 'YYYY-MM' months that have payments, newest first.

    One index seek per month (a recursive query steps from each month to the one before it), instead
    of reading every payment: ten years are 120 seeks, not 200,000 rows.
    """
    newest = select(func.max(Payment.month)).scalar_subquery().label("month")
    months = select(newest).cte("payment_months", recursive=True)
    before = select(func.max(Payment.month)).where(Payment.month < months.c.month).scalar_subquery()
    months = months.union_all(select(before).where(months.c.month.is_not(None)))
    return [m for m in session.exec(select(months.c.month)).all() if m is not None]
