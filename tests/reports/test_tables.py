"""Table readers (tracker/reports/tables.py): the months with payments."""

from __future__ import annotations

from sqlmodel import Session, col, select

from tracker.ledger.models import Payment
from tracker.reports.tables import months_with_payments


def test_months_with_payments_are_the_distinct_months(busy: Session) -> None:
    distinct = busy.exec(select(Payment.month).distinct().order_by(col(Payment.month).desc())).all()
    assert months_with_payments(busy) == list(distinct) and len(distinct) > 10


def test_months_with_payments_on_an_empty_database(session: Session) -> None:
    assert months_with_payments(session) == []
