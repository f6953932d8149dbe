"""Gigs: pieces of work through the pipeline, from lead to paid."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from sqlmodel import Session, SQLModel, func, select

from tracker.ledger import clock
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Gig, GigStatus, Payment, Platform, Pricing, Skill
from tracker.ledger.money import from_minor, normalize_currency, parse_amount, parse_decimal
from tracker.services.common import (
    choice,
    existing,
    optional_ref,
    optional_text,
    parse_day,
    replace_fields,
    required_text,
    store,
    writing,
)

Amount = str | Decimal | int


class GigInput(SQLModel):
    """What a person says about a gig, as typed. `price` is per hour for hourly gigs."""

    title: str
    client_id: int | None = None
    skill_id: int | None = None
    platform: str = Platform.DIRECT.value
    pricing: str = Pricing.FIXED.value
    price: Amount = "0"
    currency: str = "USD"
    hours_worked: Amount = "0"
    status: str = GigStatus.LEAD.value
    started_on: date | str | None = None
    due_on: date | str | None = None
    delivered_on: date | str | None = None
    closed_on: date | str | None = None
    decline_reason: str = ""
    note: str = ""


def create_gig(*, session: Session, data: GigInput) -> Gig:
    """Check and store a gig; return it."""
    return store(session, Gig(**gig_values(session, data)))


def update_gig(*, session: Session, gig_id: int, data: GigInput) -> Gig:
    """Replace a gig's fields with checked new ones; return it."""
    gig = existing(session, Gig, gig_id, field="gig")
    return replace_fields(session, gig, gig_values(session, data))


def delete_gig(*, session: Session, gig_id: int,
               payments: Literal["refuse", "keep", "delete"] = "refuse") -> str:
    """Delete a gig, its payments kept without the gig, deleted, or the delete refused; return its title."""
    gig = existing(session, Gig, gig_id, field="gig")
    title, linked = gig.title, list(session.exec(select(Payment).where(Payment.gig_id == gig_id)).all())
    if linked and payments == "refuse":
        raise InvalidInput("This gig has {count} payment. Choose whether to keep it (without the gig) "
                           "or delete it too.", plural="This gig has {count} payments. Choose whether to "
                           "keep them (without the gig) or delete them too.", field="gig", count=len(linked))
    with writing(session):
        for payment in linked:
            if payments == "delete":
                session.delete(payment)
            else:
                payment.gig_id = None
                session.add(payment)
        session.flush()
        session.delete(gig)
    return title


CLOSED_STATUSES = (GigStatus.PAID.value, GigStatus.LOST.value, GigStatus.DECLINED.value,
                   GigStatus.CANCELLED.value)


def move_gig(*, session: Session, gig_id: int, status: str, reason: str = "",
             hours_worked: Amount | None = None, today: date | None = None) -> Gig:
    """Move a gig to a status (and its hours worked); return it.

    Delivered fills the delivery day, and a closing status (paid, lost, declined, cancelled) the
    closing day, with today when empty. Declined needs a reason; any other status clears it.
    """
    gig = existing(session, Gig, gig_id, field="gig")
    data = input_of(gig)
    day = today or clock.today()
    data.status = choice(status, GigStatus, field="status")
    data.decline_reason = reason if data.status == GigStatus.DECLINED.value else ""
    if hours_worked is not None:
        data.hours_worked = hours_worked
    if data.status == GigStatus.DELIVERED.value and data.delivered_on is None:
        data.delivered_on = day
    if data.status in CLOSED_STATUSES and data.closed_on is None:
        data.closed_on = day
    return replace_fields(session, gig, gig_values(session, data))


def count_payments(session: Session, gig_id: int) -> int:
    """Return how many payments point at a gig."""
    return session.exec(select(func.count()).where(Payment.gig_id == gig_id)).one()


def input_of(gig: Gig) -> GigInput:
    """Return the input that would store this gig again."""
    return GigInput(
        title=gig.title, client_id=gig.client_id, skill_id=gig.skill_id, platform=gig.platform,
        pricing=gig.pricing, price=from_minor(gig.price_minor, gig.currency), currency=gig.currency,
        hours_worked=(Decimal(gig.minutes_worked) / 60).quantize(Decimal("0.01")),
        status=gig.status, started_on=gig.started_on, due_on=gig.due_on,
        delivered_on=gig.delivered_on, closed_on=gig.closed_on,
        decline_reason=gig.decline_reason, note=gig.note,
    )


def gig_values(session: Session, data: GigInput) -> dict[str, Any]:
    """Return the checked column values for a gig, or raise InvalidInput."""
    currency = normalize_currency(data.currency)
    status = choice(data.status, GigStatus, field="status")
    reason = optional_text(data.decline_reason, field="reason", max_length=Gig.decline_reason)
    if status == GigStatus.DECLINED.value and not reason:
        raise InvalidInput("Say why you declined this work; it helps you decide next time.",
                           field="reason")
    days = {name: parse_day(getattr(data, name), field=name.replace("_on", " date"),
                            required=False)
            for name in ("started_on", "due_on", "delivered_on", "closed_on")}
    if days["started_on"] and days["delivered_on"] and days["delivered_on"] < days["started_on"]:
        raise InvalidInput("The delivery date is before the start date.", field="delivered date")
    return {
        "title": required_text(data.title, field="gig title", max_length=Gig.title),
        "client_id": optional_ref(session, Client, data.client_id, field="client"),
        "skill_id": optional_ref(session, Skill, data.skill_id, field="skill"),
        "platform": choice(data.platform, Platform, field="platform"),
        "pricing": choice(data.pricing, Pricing, field="pricing"),
        "price_minor": parse_amount(data.price or "0", currency, field="price", allow_zero=True),
        "currency": currency, "minutes_worked": hours_to_minutes(data.hours_worked),
        "status": status, **days, "decline_reason": reason,
        "note": optional_text(data.note, field="note", max_length=Gig.note),
    }


def hours_to_minutes(hours: Amount | None) -> int:
    """Return whole minutes for typed hours ('1.5' → 90), refusing negative or absurd values."""
    value = parse_decimal(hours if hours not in (None, "") else "0", field="hours worked")
    if value < 0 or value > 100_000:
        raise InvalidInput("Hours worked must be between 0 and 100,000.", field="hours worked")
    return int((value * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
