"""What the pages list: small DataFrames and choices, queried with joins and GROUP BY."""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from tracker.models import (
    ChecklistItem,
    Client,
    Expense,
    Gig,
    Goal,
    LearningSession,
    MentorReview,
    Payment,
    Setting,
    Skill,
)

TABLES = (Skill, LearningSession, MentorReview, Client, Gig, Payment, Expense, Goal, Setting,
          ChecklistItem)



def record_counts(session: Session) -> dict[str, int]:
    """Return how many rows each table holds, by table name."""
    return {model.__tablename__: session.exec(select(func.count()).select_from(model)).one()
            for model in TABLES}






def months_with_payments(session: Session) -> list[str]:
    """Return the 'YYYY-MM' months that have payments, newest first."""
    rows = session.exec(select(Payment.month).distinct().order_by(col(Payment.month).desc())).all()
    return list(rows)
