"""What select boxes list: records newest first, limited, keeping the one being edited.

Every picker in the app reads from here, so that thousands of clients, skills or gigs stay
usable: the newest CHOICE_LIMIT are listed (Streamlit's select box searches them as you type),
and a record being edited stays choosable even when it is older or archived.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from tracker.ledger.models import Client, Gig, LearningSession, MentorReview, Skill

CHOICE_LIMIT = 1000


@dataclass(frozen=True)
class Choice:
    """One option in a select box: the record's id and what a person reads."""

    id: int
    label: str


@dataclass(frozen=True)
class GigChoice:
    """A gig to pick: id, title, client's name ('' for none) and status code."""

    id: int
    title: str
    client: str
    status: str


def gig_choices(session: Session, current: int | None = None, limit: int = CHOICE_LIMIT) -> list[GigChoice]:
    """Return gigs to pick from, newest first, with `current` kept."""
    query = (select(Gig.id, Gig.title, Client.name, Gig.status)
             .join(Client, col(Gig.client_id) == Client.id, isouter=True))
    rows = _newest(session, query, col(Gig.id), limit, current)
    return [GigChoice(id=i, title=title, client=client or "", status=status)
            for i, title, client, status in rows]


def skill_choices(session: Session, current: int | None = None, limit: int = CHOICE_LIMIT) -> list[Choice]:
    """Return skills to pick from, newest first, with `current` kept even when older."""
    rows = _newest(session, select(Skill.id, Skill.name), col(Skill.id), limit, current)
    return [Choice(id=i, label=name) for i, name in rows]


def client_choices(session: Session, current: int | None = None, archived: bool = False,
                   limit: int = CHOICE_LIMIT) -> list[Choice]:
    """Return clients to pick from, newest first; archived ones only if asked, `current` kept."""
    every = select(Client.id, Client.name)
    query = every if archived else every.where(col(Client.archived).is_(False))
    rows = _newest(session, query, col(Client.id), limit, current, every)
    return [Choice(id=i, label=name) for i, name in rows]


def _newest(session: Session, query: Any, key: Any, limit: int, current: int | None = None,
            every: Any = None) -> list[Any]:
    """Return the query's newest rows by `key`, plus the `current` record's row (from `every`)."""
    rows = list(session.exec(query.order_by(key.desc()).limit(limit)).all())
    if current is not None and all(row[0] != current for row in rows):
        rows += list(session.exec((query if every is None else every).where(key == current)).all())
    return rows


@dataclass(frozen=True)
class DayChoice:
    """A learning session or mentor review to pick: id, day, skill and what tells it apart."""

    id: int
    day: date
    skill: str
    detail: str | int


def learning_choices(session: Session) -> list[DayChoice]:
    """Return learning sessions to pick from, newest first; the detail is the minutes."""
    return _by_day(session, LearningSession, LearningSession.learned_on, LearningSession.minutes)


def review_choices(session: Session) -> list[DayChoice]:
    """Return mentor reviews to pick from, newest first; the detail is the reviewer."""
    return _by_day(session, MentorReview, MentorReview.reviewed_on, MentorReview.reviewer)


def _by_day(session: Session, model: Any, day: Any, detail: Any) -> list[DayChoice]:
    """Return a skill's records (learning or reviews) to pick from, newest day first, then newest id."""
    rows = session.exec(
        select(model.id, day, Skill.name, detail).join(Skill, col(model.skill_id) == Skill.id)
        .order_by(col(day).desc(), col(model.id).desc()).limit(CHOICE_LIMIT)).all()
    return [DayChoice(id=i, day=when, skill=name, detail=what) for i, when, name, what in rows]
