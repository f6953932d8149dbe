"""What clients paid and still owe (S18): lifetime totals, open and overdue work, delivered unpaid gigs.

Gig prices may be in any currency, so what is owed is summed per currency and kept apart
(tracker.reports.pipeline.Amounts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, exists
from sqlmodel import Session, col, func, select

from tracker.ledger.models import Client, Gig, GigStatus, Payment, PaymentKind, PaymentStatus
from tracker.reports.pipeline import Amounts, agreed_value, ordered
from tracker.services.settings import home_currency

OVERDUE_DAYS = 14  # a delivered gig unpaid for more than this many days is overdue (S18)
OPEN_STATUSES = (GigStatus.ACTIVE.value, GigStatus.DELIVERED.value)
UNKNOWN = ""


@dataclass(frozen=True)
class PaymentTotals:
    """A client's cleared payments: how many, their net in the home currency, the latest day."""

    payments: int
    net_home_minor: int
    last_paid_on: date | None


def payment_totals_by_client(session: Session) -> dict[int, PaymentTotals]:
    """Return each client's cleared payments: count, lifetime net (home currency), last payment day."""
    last = func.max(case((col(Payment.kind) == PaymentKind.PAYMENT.value, col(Payment.paid_on))))
    rows = session.exec(
        select(Payment.client_id, func.count(), func.sum(Payment.net_home_minor), last)
        .where(col(Payment.client_id).is_not(None), Payment.status == PaymentStatus.CLEARED.value)
        .group_by(Payment.client_id)
    ).all()
    return {cid: PaymentTotals(int(n), int(net or 0), _day(day)) for cid, n, net, day in rows}


def _day(value: Any) -> date | None:
    """Return a date from what the database gave (a date, or ISO text from SQLite)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _unpaid_by_client(session: Session, *conditions: Any) -> dict[int, Amounts]:
    """Return the agreed value per client and currency of gigs with no payment that match."""
    paid = exists().where(col(Payment.gig_id) == col(Gig.id))
    rows = session.exec(
        select(Gig.client_id, Gig.currency, func.sum(agreed_value()))
        .where(col(Gig.client_id).is_not(None), ~paid, *conditions)
        .group_by(Gig.client_id, Gig.currency)
    ).all()
    sums: dict[int, dict[str, int]] = {}
    for cid, currency, minor in rows:
        sums.setdefault(cid, {})[currency] = int(minor or 0)
    home = home_currency(session)
    return {cid: value for cid, bag in sums.items() if (value := ordered(bag, home))}


def open_by_client(session: Session) -> dict[int, Amounts]:
    """Return per client the agreed value of active or delivered gigs that have no payment yet."""
    return _unpaid_by_client(session, col(Gig.status).in_(OPEN_STATUSES))


def overdue_by_client(session: Session, today: date) -> dict[int, Amounts]:
    """Return per client the value of delivered, unpaid gigs delivered over OVERDUE_DAYS days ago."""
    before = today - timedelta(days=OVERDUE_DAYS)
    return _unpaid_by_client(session, Gig.status == GigStatus.DELIVERED.value,
                             col(Gig.delivered_on) < before)

@dataclass(frozen=True)
class ClientRow:
    """One client as the Clients page lists it: lifetime net, open and overdue amounts, last payment."""

    id: int
    name: str
    platform: str
    country: str
    verified: bool
    archived: bool
    payments: int
    net_home_minor: int
    open: Amounts
    overdue: Amounts
    last_payment: date | None
    notes: str


def clients_overview(session: Session, today: date) -> list[ClientRow]:
    """Return every client (archived last, by name) with lifetime net, open and overdue amounts."""
    paid, opened = payment_totals_by_client(session), open_by_client(session)
    overdue = overdue_by_client(session, today)
    clients = session.exec(select(Client).order_by(col(Client.archived), func.lower(Client.name))).all()
    rows = []
    for c in clients:
        totals = paid.get(c.id or 0, PaymentTotals(0, 0, None))
        rows.append(ClientRow(
            id=c.id or 0, name=c.name, platform=c.platform, country=c.country, verified=c.payment_verified,
            archived=c.archived, payments=totals.payments, net_home_minor=totals.net_home_minor,
            open=opened.get(c.id or 0, ()), overdue=overdue.get(c.id or 0, ()),
            last_payment=totals.last_paid_on, notes=c.notes))
    return rows


@dataclass(frozen=True)
class Owed:
    """A delivered gig with no payment yet: what is owed, since when, how late (S18)."""

    gig_id: int
    title: str
    client: str
    delivered_on: date | None
    currency: str
    amount_minor: int
    days_since_delivery: int
    days_overdue: int


def money_owed(session: Session, today: date) -> list[Owed]:
    """Return delivered gigs without a payment, oldest delivery first, with days overdue."""
    paid = exists().where(col(Payment.gig_id) == col(Gig.id))
    rows = session.exec(
        select(Gig.id, Gig.title, func.coalesce(Client.name, UNKNOWN), Gig.delivered_on, Gig.currency,
               agreed_value())
        .join(Client, col(Gig.client_id) == Client.id, isouter=True)
        .where(Gig.status == GigStatus.DELIVERED.value, ~paid)
        .order_by(col(Gig.delivered_on).is_(None), col(Gig.delivered_on), col(Gig.id))).all()
    owed = []
    for gig_id, title, client, delivered, currency, minor in rows:
        since = (today - delivered).days if delivered else 0
        owed.append(Owed(gig_id=gig_id, title=title, client=client, delivered_on=delivered,
                         currency=currency, amount_minor=int(minor or 0), days_since_delivery=since,
                         days_overdue=max(since - OVERDUE_DAYS, 0)))
    return owed
