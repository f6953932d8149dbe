"""The gig pipeline (S11) and what clients paid and still owe (S18), summed in the database.

Gig prices may be in any currency, so money here is summed per currency and kept apart:
`Amounts` is a tuple of (currency, minor units), other currencies alphabetically, then the home
currency. A gig's agreed value is its price, or for hourly work price × hours worked (rounded
half up to the minor unit, once per gig).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, case, exists
from sqlmodel import Session, col, func, select

from tracker.i18n import translate
from tracker.i18n.words import decline_reason_text
from tracker.ledger.models import Client, Gig, GigStatus, Payment, PaymentKind, PaymentStatus, Pricing, Skill
from tracker.ledger.money import amount_text, format_money
from tracker.reports.learning import hours_text
from tracker.services.clients import ClientInput
from tracker.services.clients import input_of as client_input_of
from tracker.services.gigs import GigInput
from tracker.services.gigs import input_of as gig_input_of
from tracker.services.settings import home_currency

OVERDUE_DAYS = 14  # a delivered gig unpaid for more than this many days is overdue (S18)
LIST_LIMIT = 500  # the gigs list shows at most this many, newest first
OPEN_STATUSES = (GigStatus.ACTIVE.value, GigStatus.DELIVERED.value)
NOTHING = "—"
Amounts = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class PaymentTotals:
    """A client's cleared payments: how many, their net in the home currency, the latest day."""

    payments: int
    net_home_minor: int
    last_paid_on: date | None


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


def amounts_text(amounts: Amounts, *, bengali_digits: bool = False) -> str:
    """Return amounts as a person reads them, '$300.00 + ৳5,000.00', or '—' for none."""
    if not amounts:
        return NOTHING
    return " + ".join(format_money(minor, code, bengali_digits=bengali_digits) for code, minor in amounts)


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


CLIENT_COLUMNS = ["id", "name", "platform", "country", "verified", "archived", "payments", "net_home",
                  "open", "overdue", "last_payment", "notes"]


def clients_overview(session: Session, today: date, language: str = "en",
                     bengali_digits: bool | None = None) -> pd.DataFrame:
    """Return every client with lifetime net, open and overdue amounts, and last payment day."""
    paid, opened = payment_totals_by_client(session), open_by_client(session)
    overdue, home = overdue_by_client(session, today), home_currency(session)
    bengali = language == "bn" if bengali_digits is None else bengali_digits
    clients = session.exec(select(Client).order_by(col(Client.archived), func.lower(Client.name))).all()
    records = []
    for c in clients:
        totals = paid.get(c.id or 0, PaymentTotals(0, 0, None))
        records.append({
            "id": c.id, "name": c.name, "platform": translate(c.platform, language),
            "country": c.country, "verified": c.payment_verified, "archived": c.archived,
            "payments": totals.payments, "net_home": amount_text(totals.net_home_minor, home),
            "open": amounts_text(opened.get(c.id or 0, ()), bengali_digits=bengali),
            "overdue": amounts_text(overdue.get(c.id or 0, ()), bengali_digits=bengali),
            "last_payment": totals.last_paid_on, "notes": c.notes,
        })
    return pd.DataFrame.from_records(records, columns=CLIENT_COLUMNS)



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


GIG_COLUMNS = ["id", "title", "client", "skill", "status", "platform", "pricing", "price", "hours",
               "value", "started", "due", "delivered", "closed", "reason"]


def gigs_table(session: Session, status: str | None = None, limit: int = LIST_LIMIT,
               language: str = "en", bengali_digits: bool | None = None) -> pd.DataFrame:
    """Return the newest gigs (of one status, or all) with client, skill and agreed value."""
    query = (select(Gig, Client.name, Skill.name, agreed_value())
             .join(Client, col(Gig.client_id) == Client.id, isouter=True)
             .join(Skill, col(Gig.skill_id) == Skill.id, isouter=True))
    if status:
        query = query.where(Gig.status == status)
    rows = session.exec(query.order_by(col(Gig.id).desc()).limit(limit)).all()
    bengali = language == "bn" if bengali_digits is None else bengali_digits
    return pd.DataFrame.from_records(
        [{"id": g.id, "title": g.title, "client": client or "", "skill": skill or "",
          "status": translate(g.status, language), "platform": translate(g.platform, language),
          "pricing": translate(g.pricing, language),
          "price": format_money(g.price_minor, g.currency, bengali_digits=bengali),
          "hours": hours_text(g.minutes_worked, places=2),
          "value": format_money(int(value), g.currency, bengali_digits=bengali),
          "started": g.started_on, "due": g.due_on, "delivered": g.delivered_on,
          "closed": g.closed_on, "reason": decline_reason_text(g.decline_reason, language)}
         for g, client, skill, value in rows],
        columns=GIG_COLUMNS,
    )



def gig_input(session: Session, gig_id: int) -> GigInput | None:
    """Return the input that would store a gig again (to pre-fill a form), or None if it is gone."""
    gig = session.get(Gig, gig_id)
    return gig_input_of(gig) if gig is not None else None


def client_input(session: Session, client_id: int) -> ClientInput | None:
    """Return the input that would store a client again (to pre-fill a form), or None if it is gone."""
    client = session.get(Client, client_id)
    return client_input_of(client) if client is not None else None
