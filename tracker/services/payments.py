"""Payments: money in (and refunds), checked, converted into the home currency once, stored."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlmodel import Session, SQLModel

from tracker.errors import InvalidInput
from tracker.models import MANUAL_SOURCE, Client, Gig, Payment, PaymentKind, PaymentStatus, Platform
from tracker.money import (
    convert,
    from_minor,
    normalize_currency,
    parse_amount,
    parse_rate,
    rate_to_text,
)
from tracker.services.common import (
    choice,
    existing,
    month_of,
    optional_ref,
    optional_text,
    parse_day,
    remove,
    replace_fields,
    store,
)
from tracker.services.settings import home_currency

Amount = str | Decimal | int


class PaymentInput(SQLModel):
    """What a person (or an importer) says about one payment, as typed; the service checks it.

    Amounts are positive as typed. For a refund, `gross` is what went back to the client and
    `platform_fee` the part of the fee the platform returned.
    """

    paid_on: date | str
    gross: Amount
    currency: str = "USD"
    platform_fee: Amount = "0"
    transfer_fee: Amount = "0"
    rate: Amount | None = None
    kind: str = PaymentKind.PAYMENT.value
    status: str = PaymentStatus.CLEARED.value
    client_id: int | None = None
    gig_id: int | None = None
    platform: str | None = None
    source: str = MANUAL_SOURCE
    external_ref: str | None = None
    note: str = ""


def create_payment(*, session: Session, data: PaymentInput) -> Payment:
    """Check and store a payment in one transaction; return it."""
    return store(session, Payment(**payment_values(session, data)))


def update_payment(*, session: Session, payment_id: int, data: PaymentInput) -> Payment:
    """Replace a payment's fields with checked new ones; return it."""
    payment = existing(session, Payment, payment_id, field="payment")
    return replace_fields(session, payment, payment_values(session, data))


def delete_payment(*, session: Session, payment_id: int) -> None:
    """Delete one payment."""
    payment = existing(session, Payment, payment_id, field="payment")
    remove(session, payment)


def input_of(payment: Payment) -> PaymentInput:
    """Return the input that would store this payment again (to pre-fill an edit form)."""
    refund = payment.kind == PaymentKind.REFUND.value
    sign = -1 if refund else 1
    return PaymentInput(
        paid_on=payment.paid_on, currency=payment.currency, rate=payment.rate, kind=payment.kind,
        gross=from_minor(sign * payment.gross_minor, payment.currency),
        platform_fee=from_minor(sign * payment.platform_fee_minor, payment.currency),
        transfer_fee=from_minor(payment.transfer_fee_minor, payment.currency),
        status=payment.status, client_id=payment.client_id, gig_id=payment.gig_id,
        platform=payment.platform, source=payment.source, external_ref=payment.external_ref,
        note=payment.note,
    )


def payment_values(session: Session, data: PaymentInput) -> dict[str, Any]:
    """Return the checked column values for a payment, or raise InvalidInput."""
    day = parse_day(data.paid_on, field="date")
    assert day is not None
    currency = normalize_currency(data.currency)
    kind = choice(data.kind, PaymentKind, field="kind")
    gross = parse_amount(data.gross, currency, field="amount")
    platform_fee = parse_amount(data.platform_fee or "0", currency, field="platform fee",
                                allow_zero=True)
    transfer_fee = parse_amount(data.transfer_fee or "0", currency, field="transfer fee",
                                allow_zero=True)
    if kind == PaymentKind.PAYMENT.value and platform_fee + transfer_fee > gross:
        raise InvalidInput("The fees are more than the amount paid. Check the numbers.",
                           field="platform fee")
    if kind == PaymentKind.REFUND.value:
        gross, platform_fee = -gross, -platform_fee
    rate = rate_for(session, data.rate, currency)
    home = home_currency(session)
    gross_home = convert(gross, currency, rate, home)
    fees_home = convert(platform_fee + transfer_fee, currency, rate, home)
    client_id, gig_id, platform = _links(session, data)
    return {
        "paid_on": day, "month": month_of(day), "kind": kind, "currency": currency,
        "gross_minor": gross, "platform_fee_minor": platform_fee, "transfer_fee_minor": transfer_fee,
        "rate": rate_to_text(rate), "gross_home_minor": gross_home, "fees_home_minor": fees_home,
        "net_home_minor": gross_home - fees_home,
        "status": choice(data.status, PaymentStatus, field="status"),
        "client_id": client_id, "gig_id": gig_id, "platform": platform,
        "source": optional_text(data.source, field="source", max_length=20) or MANUAL_SOURCE,
        "external_ref": optional_text(data.external_ref, field="reference", max_length=120) or None,
        "note": optional_text(data.note, field="note", max_length=2000),
    }


def rate_for(session: Session, rate: Amount | None, currency: str) -> Decimal:
    """Return the rate into the home currency: 1 for the home currency itself, else required."""
    if currency == home_currency(session):
        if rate not in (None, "") and parse_rate(rate) != 1:
            raise InvalidInput("A payment in {currency} needs no exchange rate; leave it at 1.",
                               field="rate", currency=currency)
        return Decimal(1)
    if rate is None or (isinstance(rate, str) and not rate.strip()):
        raise InvalidInput("Give the rate you received for 1 {currency} in {home}, like 122.50.",
                           field="rate", currency=currency, home=home_currency(session))
    return parse_rate(rate)


def _links(session: Session, data: PaymentInput) -> tuple[int | None, int | None, str | None]:
    """Return (client id, gig id, platform), taking what is missing from the gig or client."""
    gig = existing(session, Gig, data.gig_id, field="gig") if data.gig_id is not None else None
    client_id = optional_ref(session, Client, data.client_id, field="client")
    if gig is not None and gig.client_id is not None:
        if client_id is not None and client_id != gig.client_id:
            raise InvalidInput("This gig belongs to another client. Choose the gig's client or "
                               "no client.", field="client")
        client_id = gig.client_id
    platform = data.platform or (gig.platform if gig is not None else None)
    if platform is None and client_id is not None:
        client = session.get(Client, client_id)
        platform = client.platform if client is not None else None
    if platform is not None:
        platform = choice(platform, Platform, field="platform")
    return client_id, gig.id if gig is not None else None, platform
