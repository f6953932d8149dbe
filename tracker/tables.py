"""What the pages list: small DataFrames and choices, queried with joins and GROUP BY."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
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
from tracker.money import amount_text
from tracker.services.settings import home_currency

TABLES = (Skill, LearningSession, MentorReview, Client, Gig, Payment, Expense, Goal, Setting,
          ChecklistItem)


@dataclass(frozen=True)
class Choice:
    """One option in a select box: the record's id and what a person reads."""

    id: int
    label: str


def record_counts(session: Session) -> dict[str, int]:
    """Return how many rows each table holds, by table name."""
    return {model.__tablename__: session.exec(select(func.count()).select_from(model)).one()
            for model in TABLES}


def recent_payments(session: Session, limit: int = 20) -> pd.DataFrame:
    """Return the newest payments with client name and exact amounts as text."""
    home = home_currency(session)
    rows = session.exec(
        select(Payment, Client.name).join(Client, col(Payment.client_id) == Client.id, isouter=True)
        .order_by(col(Payment.paid_on).desc(), col(Payment.id).desc()).limit(limit)
    ).all()
    return pd.DataFrame.from_records(
        [{"id": p.id, "date": p.paid_on, "client": name or "", "kind": p.kind, "status": p.status,
          "currency": p.currency, "gross": amount_text(p.gross_minor, p.currency),
          "fees": amount_text(p.platform_fee_minor + p.transfer_fee_minor, p.currency),
          "rate": p.rate, "net_home": amount_text(p.net_home_minor, home)} for p, name in rows],
        columns=["id", "date", "client", "kind", "status", "currency", "gross", "fees", "rate",
                 "net_home"],
    )


def clients_overview(session: Session) -> pd.DataFrame:
    """Return every client with lifetime net, open, overdue and last payment as of today.

    The readers live in tracker.pipeline (which imports Choice from here, hence the late import).
    """
    from datetime import date

    from tracker.pipeline import clients_overview as overview

    return overview(session, date.today())


def skills_overview(session: Session) -> pd.DataFrame:
    """Return every skill with hours learned and mentor reviews counted."""
    learned = (select(LearningSession.skill_id, func.sum(LearningSession.minutes).label("minutes"))
               .group_by(LearningSession.skill_id).subquery())
    reviewed = (select(MentorReview.skill_id, func.count().label("reviews"))
                .group_by(MentorReview.skill_id).subquery())
    rows = session.exec(
        select(Skill, learned.c.minutes, reviewed.c.reviews)
        .join(learned, learned.c.skill_id == Skill.id, isouter=True)
        .join(reviewed, reviewed.c.skill_id == Skill.id, isouter=True)
        .order_by(func.lower(Skill.name))
    ).all()
    return pd.DataFrame.from_records(
        [{"id": s.id, "name": s.name, "category": s.category, "stage": s.stage,
          "hours_learned": round(int(m or 0) / 60, 1), "mentor_reviews": int(r or 0)}
         for s, m, r in rows],
        columns=["id", "name", "category", "stage", "hours_learned", "mentor_reviews"],
    )


def client_choices(session: Session, search: str = "", limit: int = 1000) -> list[Choice]:
    """Return clients to pick from, newest first, filtered by a search text."""
    query = select(Client.id, Client.name).where(col(Client.archived).is_(False))
    if search.strip():
        query = query.where(func.lower(Client.name).contains(search.strip().lower()))
    rows = session.exec(query.order_by(col(Client.id).desc()).limit(limit)).all()
    return [Choice(id=i, label=name) for i, name in rows]


def months_with_payments(session: Session) -> list[str]:
    """Return the 'YYYY-MM' months that have payments, newest first."""
    rows = session.exec(select(Payment.month).distinct().order_by(col(Payment.month).desc())).all()
    return list(rows)
