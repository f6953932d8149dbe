"""How many records each table holds (the Data page)."""

from __future__ import annotations

from sqlmodel import Session, func, select

from tracker.ledger.models import (
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
