"""Payments: money in (and refunds), checked, converted into the home currency once, stored.

Fees may be typed as an amount ("25.00") or as a percent of the gross ("10%"): the percent is
taken of the gross and rounded once, half up, to the currency's minor unit.

Instead of a rate, a person may give `received_home`, the home-currency amount that actually
arrived. Then the rate is derived: received ÷ (gross − platform fee − transfer fee), both in major
units, rounded half up to 10 decimals; the stored net equals the received amount exactly, the fees
are converted at the derived rate, and the gross in the home currency is net + fees. A rate and a
received amount together are refused, and so is a received amount that is not positive.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Any, Protocol

from sqlmodel import Session, SQLModel

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import MANUAL_SOURCE, Client, Gig, Payment, PaymentKind, PaymentStatus, Platform
from tracker.ledger.money import (
    MAX_RATE_DECIMALS,
    convert,
    counted,
    exponent,
    from_minor,
    normalize_currency,
    parse_amount,
    parse_decimal,
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
_PAYMENT, _REFUND = PaymentKind.PAYMENT.value, PaymentKind.REFUND.value


class PaymentInput(SQLModel):
    """What a person (or an importer) says about one payment, as typed; the service checks it.

    Amounts are positive as typed. For a refund, `gross` is what went back to the client and
    `platform_fee` the part of the fee the platform returned. A fee may be a percent of the gross
    ("10%"). Give either `rate` or `received_home` (the home-currency amount that arrived, from
    which the rate is derived; see the module docstring), not both.
    """

    paid_on: date | str
    gross: Amount
    currency: str = "USD"
    platform_fee: Amount = "0"
    transfer_fee: Amount = "0"
    rate: Amount | None = None
    received_home: Amount | None = None
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
    gross = parse_amount(data.gross, currency, field="amount")
    platform_fee = parse_fee(data.platform_fee, gross, currency, field="platform fee")
    transfer_fee = parse_fee(data.transfer_fee, gross, currency, field="transfer fee")
    return counted_payment_values(session, data, day, currency, gross, platform_fee, transfer_fee)


class PaymentFacts(Protocol):
    """What payment checks read besides the date, currency and amounts: a PaymentInput, or a
    statement row's payment (tracker.io.values), whose amounts are already counted in minor units."""

    rate: Amount | None
    received_home: Amount | None
    kind: str
    status: str
    client_id: int | None
    gig_id: int | None
    platform: str | None
    source: str
    external_ref: str | None
    note: str


def counted_payment_values(session: Session, data: PaymentFacts, day: date, currency: str, gross: int,
                           platform_fee: int, transfer_fee: int) -> dict[str, Any]:
    """Return the checked column values for a payment whose date, currency and amounts are read.

    The amounts are minor units, positive as typed (a refund's too); they are checked here as
    `parse_amount` checks typed ones (within bounds, the gross above zero, fees not below), so that
    an importer, whose statement rows are already counted, is held to the same rules as a form.
    """
    counted(gross, field="amount")
    counted(platform_fee, field="platform fee", allow_zero=True)
    counted(transfer_fee, field="transfer fee", allow_zero=True)
    kind = choice(data.kind, PaymentKind, field="kind")
    if kind == _PAYMENT and platform_fee + transfer_fee > gross:
        raise InvalidInput("The fees are more than the amount paid. Check the numbers.",
                           field="platform fee")
    if kind == _REFUND:
        gross, platform_fee = -gross, -platform_fee
    rate, gross_home, fees_home = home_amounts(session, data, currency, gross,
                                               platform_fee + transfer_fee)
    client_id, gig_id, platform = _links(session, data)
    return {
        "paid_on": day, "month": month_of(day), "kind": kind, "currency": currency,
        "gross_minor": gross, "platform_fee_minor": platform_fee, "transfer_fee_minor": transfer_fee,
        "rate": rate_to_text(rate), "gross_home_minor": gross_home, "fees_home_minor": fees_home,
        "net_home_minor": gross_home - fees_home,
        "status": choice(data.status, PaymentStatus, field="status"),
        "client_id": client_id, "gig_id": gig_id, "platform": platform,
        "source": optional_text(data.source, field="source", max_length=Payment.source) or MANUAL_SOURCE,
        "external_ref": optional_text(data.external_ref, field="reference",
                                      max_length=Payment.external_ref) or None,
        "note": optional_text(data.note, field="note", max_length=Payment.note),
    }


def parse_fee(value: Amount | None, gross: int, currency: str, *, field: str) -> int:
    """Return a fee in minor units: an amount, or a percent of the gross ("10%") rounded half up."""
    text = value.strip() if isinstance(value, str) else value
    if not (isinstance(text, str) and text.endswith("%")):
        return parse_amount(text or "0", currency, field=field, allow_zero=True)
    percent = parse_decimal(text[:-1], field=field)
    if not Decimal(0) <= percent <= Decimal(100):
        raise InvalidInput("A {field} in percent must be from 0% to 100%; “{text}” is not.",
                           field=field, text=text)
    return int((Decimal(gross) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def home_amounts(session: Session, data: PaymentFacts, currency: str, gross: int,
                 fees: int) -> tuple[Decimal, int, int]:
    """Return (rate, gross in the home currency, fees in it), from the rate or the amount received."""
    home = home_currency(session)
    if not _given(data.received_home):
        rate = rate_for(session, data.rate, currency, home=home)
        return rate, convert(gross, currency, rate, home), convert(fees, currency, rate, home)
    if currency == home:
        raise InvalidInput("A payment in {currency} needs no amount received; the amount is already "
                           "in {currency}.", field="amount received", currency=currency)
    if _given(data.rate):
        raise InvalidInput("Give either the rate or the {home} you received, not both.",
                           field="rate", home=home)
    received = parse_amount(data.received_home, home, field="amount received")
    net = gross - fees
    if net == 0:
        raise InvalidInput("The fees take the whole amount, so no rate can be worked out from the "
                           "{home} received. Give the rate instead.", field="rate", home=home)
    rate = derived_rate(received, abs(net), currency, home)
    fees_home = convert(fees, currency, rate, home)
    net_home = received if net > 0 else -received
    return rate, net_home + fees_home, fees_home


def derived_rate(received: int, net: int, currency: str, home: str) -> Decimal:
    """Return received ÷ net in major units, rounded half up to 10 decimals; refuse a zero rate."""
    with localcontext() as exact:
        exact.prec = 80
        try:
            ratio = Decimal(received).scaleb(-exponent(home)) / Decimal(net).scaleb(-exponent(currency))
            rate = ratio.quantize(Decimal(1).scaleb(-MAX_RATE_DECIMALS), rounding=ROUND_HALF_UP)
        except InvalidOperation as exc:
            raise InvalidInput("That amount is too large.", field="amount received") from exc
    if rate <= 0:
        raise InvalidInput("The amount received is too small to work out a rate from it.",
                           field="amount received")
    return Decimal(rate_to_text(rate))


def _given(value: Amount | None) -> bool:
    """Return True if a value was typed (not None, not blank text)."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def rate_for(session: Session, rate: Amount | None, currency: str, *, home: str | None = None) -> Decimal:
    """Return the rate into the home currency: 1 for the home currency itself, else required.

    `home` is the home currency when the caller has just read it (else it is read here).
    """
    home = home or home_currency(session)
    if currency == home:
        if rate not in (None, "") and parse_rate(rate) != 1:
            raise InvalidInput("A payment in {currency} needs no exchange rate; leave it at 1.",
                               field="rate", currency=currency)
        return Decimal(1)
    if rate is None or (isinstance(rate, str) and not rate.strip()):
        raise InvalidInput("Give the rate you received for 1 {currency} in {home}, like 122.50.",
                           field="rate", currency=currency, home=home)
    return parse_rate(rate)


def _links(session: Session, data: PaymentFacts) -> tuple[int | None, int | None, str | None]:
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


def rate_or_received(*, rate: str, received: str, suggested: str) -> dict[str, str | None]:
    """Return the `rate` and `received_home` fields of a new payment from what the form holds.

    The form suggests the last rate used for the currency; when the person also gives the taka
    received in all, that amount wins and the untouched suggestion gives way (the rate is then
    derived from it). A rate the person typed is kept: giving both is refused by the payment's check.
    """
    if received.strip() and rate == suggested:
        rate = ""
    return {"rate": rate or None, "received_home": received or None}
