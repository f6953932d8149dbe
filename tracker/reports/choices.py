"""What select boxes list: records newest first, limited, keeping the one being edited.

Every picker in the app reads from here, so that thousands of clients, skills or gigs stay
usable: the newest CHOICE_LIMIT are listed (Streamlit's select box searches them as you type),
and a record being edited stays choosable even when it is older or archived.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from tracker.i18n import translate
from tracker.ledger.models import Client, Gig, Skill

CHOICE_LIMIT = 1000
NOTHING = "—"


@dataclass(frozen=True)
class Choice:
    """One option in a select box: the record's id and what a person reads."""

    id: int
    label: str


def gig_choices(session: Session, current: int | None = None, language: str = "en",
                limit: int = CHOICE_LIMIT) -> list[Choice]:
    """Return gigs to pick from, newest first ('#12 Logo · Acme · active'), with `current` kept."""
    query = (select(Gig.id, Gig.title, Client.name, Gig.status)
             .join(Client, col(Gig.client_id) == Client.id, isouter=True))
    rows = _newest(session, query, col(Gig.id), limit, current)
    return [Choice(id=i, label=f"#{i} {title} · {client or NOTHING} · {translate(status, language)}")
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
