"""The gig pipeline (S11): gigs by status, their agreed value, the newest gigs, summed in the database.

Gig prices may be in any currency, so money here is summed per currency and kept apart:
`Amounts` is a tuple of (currency, minor units), other currencies alphabetically, then the home
currency. A gig's agreed value is its price, or for hourly work price × hours worked (rounded
half up to the minor unit, once per gig).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, case
from sqlmodel import Session, col, func, select

from tracker.ledger.models import Client, Gig, GigStatus, Pricing, Skill
from tracker.services.clients import ClientInput
from tracker.services.clients import input_of as client_input_of
from tracker.services.gigs import GigInput
from tracker.services.gigs import input_of as gig_input_of
from tracker.services.settings import home_currency

LIST_LIMIT = 500  # the gigs list shows at most this many, newest first
WON = (GigStatus.ACTIVE.value, GigStatus.DELIVERED.value, GigStatus.PAID.value)
Amounts = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class StatusTotal:
    """One pipeline status: how many gigs, and their agreed value per currency."""

    status: str
    gigs: int
    value: Amounts


def agreed_value() -> ColumnElement[int]:
    """Return SQL for a gig's agreed value in minor units (hourly: price × minutes / 60, half up)."""
    hourly = (col(Gig.price_minor) * col(Gig.minutes_worked) + 30) // 60
    return case((col(Gig.pricing) == Pricing.HOURLY.value, hourly), else_=col(Gig.price_minor))


def ordered(amounts: dict[str, int], home: str) -> Amounts:
    """Return the non-zero amounts, other currencies alphabetically, then the home currency."""
    codes = sorted((c for c, minor in amounts.items() if minor), key=lambda c: (c == home, c))
    return tuple((c, amounts[c]) for c in codes)


def totals_by_status(session: Session) -> list[StatusTotal]:
    """Return every pipeline status in order, with its gig count and agreed value per currency."""
    rows = session.exec(
        select(Gig.status, Gig.currency, func.count(), func.sum(agreed_value()))
        .group_by(Gig.status, Gig.currency)
    ).all()
    counts: dict[str, int] = {}
    values: dict[str, dict[str, int]] = {}
    for status, currency, n, minor in rows:
        counts[status] = counts.get(status, 0) + int(n)
        values.setdefault(status, {})[currency] = int(minor or 0)
    home = home_currency(session)
    return [StatusTotal(s.value, counts.get(s.value, 0), ordered(values.get(s.value, {}), home))
            for s in GigStatus]


@dataclass(frozen=True)
class GigRow:
    """One gig as the Gigs page lists it: stored codes, exact minor units, names joined in."""

    id: int
    title: str
    client: str
    skill: str
    status: str
    platform: str
    pricing: str
    currency: str
    price_minor: int
    minutes_worked: int
    value_minor: int
    started_on: date | None
    due_on: date | None
    delivered_on: date | None
    closed_on: date | None
    decline_reason: str | None


def gigs(session: Session, status: str | None = None, limit: int = LIST_LIMIT) -> list[GigRow]:
    """Return the newest gigs (of one status, or all) with client, skill and agreed value."""
    query = (select(Gig, Client.name, Skill.name, agreed_value())
             .join(Client, col(Gig.client_id) == Client.id, isouter=True)
             .join(Skill, col(Gig.skill_id) == Skill.id, isouter=True))
    if status:
        query = query.where(Gig.status == status)
    rows = session.exec(query.order_by(col(Gig.id).desc()).limit(limit)).all()
    return [GigRow(id=g.id or 0, title=g.title, client=client or "", skill=skill or "", status=g.status,
                   platform=g.platform, pricing=g.pricing, currency=g.currency, price_minor=g.price_minor,
                   minutes_worked=g.minutes_worked, value_minor=int(value), started_on=g.started_on,
                   due_on=g.due_on, delivered_on=g.delivered_on, closed_on=g.closed_on,
                   decline_reason=g.decline_reason)
            for g, client, skill, value in rows]


def pipeline_counts(session: Session) -> dict[str, int]:
    """Return how many gigs are in each status (every status listed, 0 where none)."""
    rows = dict(session.exec(select(Gig.status, func.count()).group_by(Gig.status)).all())
    return {status.value: int(rows.get(status.value, 0)) for status in GigStatus}


def win_rate(counts: dict[str, int]) -> Decimal | None:
    """Return won ÷ (won + lost): won is active, delivered or paid; None before any is decided."""
    won = sum(counts[s] for s in WON)
    decided = won + counts[GigStatus.LOST.value]
    return Decimal(won) / Decimal(decided) if decided else None



def gig_input(session: Session, gig_id: int) -> GigInput | None:
    """Return the input that would store a gig again (to pre-fill a form), or None if it is gone."""
    gig = session.get(Gig, gig_id)
    return gig_input_of(gig) if gig is not None else None


def client_input(session: Session, client_id: int) -> ClientInput | None:
    """Return the input that would store a client again (to pre-fill a form), or None if it is gone."""
    client = session.get(Client, client_id)
    return client_input_of(client) if client is not None else None
