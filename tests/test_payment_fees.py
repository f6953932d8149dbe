"""Tests for fees given as a percent of the gross, and for a payment given by the taka received."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import Session, func, select

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Payment
from tracker.ledger.money import convert
from tracker.services import payments
from tracker.services.payments import PaymentInput, create_payment, update_payment


def usd(**changes: Any) -> PaymentInput:
    """Return USD 250.00 at 122.50 with no fees, with changes."""
    values: dict[str, Any] = {"paid_on": "2026-08-03", "gross": "250.00", "currency": "USD",
                              "rate": "122.50"}
    return PaymentInput(**{**values, **changes})


def count(session: Session) -> int:
    """Return how many payments the database holds."""
    session.expire_all()
    return session.exec(select(func.count()).select_from(Payment)).one()


# --- fees as a percent of the gross ---------------------------------------------------------------

@pytest.mark.parametrize(("gross", "currency", "fee", "expected"), [
    ("250.00", "USD", "10%", 2500),     # 10% of $250.00 = $25.00
    ("12.34", "USD", "20%", 247),       # 20% of 1234 cents = 246.8 → 247
    ("0.04", "USD", "12.5%", 1),        # 0.5 cent → 1 (half up)
    ("0.12", "USD", "12.5%", 2),        # 1.5 cents → 2
    ("0.03", "USD", "10%", 0),          # 0.3 cent → 0
    ("1005", "JPY", "10%", 101),        # ¥100.5 → ¥101 (no minor unit)
    ("250.00", "USD", "0%", 0),
    ("250.00", "USD", "100%", 25000),
    ("250.00", "USD", " 10 % ", 2500),
    ("250.00", "USD", "১০%", 2500),     # Bengali digits
    ("250.00", "USD", "2.5%", 625),
    ("250.00", "USD", "25", 2500),      # a plain amount still means an amount
])
def test_platform_fee_in_percent(session: Session, gross: str, currency: str, fee: str,
                                 expected: int) -> None:
    p = create_payment(session=session, data=usd(gross=gross, currency=currency, platform_fee=fee,
                                                 rate="0.8" if currency == "JPY" else "122.50"))
    assert p.platform_fee_minor == expected


def test_percent_fee_is_converted_like_an_amount(session: Session) -> None:
    """$250.00, fee 10% = $25.00 at 122.50: ৳30,625.00 − ৳3,062.50 = ৳27,562.50 (the README example)."""
    p = create_payment(session=session, data=usd(platform_fee="10%"))
    assert (p.gross_home_minor, p.fees_home_minor, p.net_home_minor) == (3062500, 306250, 2756250)


def test_transfer_fee_in_percent(session: Session) -> None:
    """$100.00, fee 10% = $10.00, transfer 2% = $2.00, at 120: fees ৳1,440.00, net ৳10,560.00."""
    p = create_payment(session=session, data=usd(gross="100", platform_fee="10%", transfer_fee="2%",
                                                 rate="120"))
    assert (p.platform_fee_minor, p.transfer_fee_minor) == (1000, 200)
    assert (p.fees_home_minor, p.net_home_minor) == (144000, 1056000)


def test_refund_fee_in_percent_is_returned_with_the_refund(session: Session) -> None:
    """Refund of $100.00 with 10% of the fee returned: gross −10000, platform fee −1000."""
    p = create_payment(session=session, data=usd(kind="refund", gross="100", platform_fee="10%",
                                                 rate="120"))
    assert (p.gross_minor, p.platform_fee_minor, p.net_home_minor) == (-10000, -1000, -1080000)


def test_update_with_percent_fee(session: Session) -> None:
    p = create_payment(session=session, data=usd(platform_fee="25"))
    changed = update_payment(session=session, payment_id=p.id, data=usd(platform_fee="20%"))
    assert changed.platform_fee_minor == 5000


@pytest.mark.parametrize(("changes", "message"), [
    ({"platform_fee": "150%"}, "from 0% to 100%"),
    ({"platform_fee": "100.01%"}, "from 0% to 100%"),
    ({"platform_fee": "-5%"}, "from 0% to 100%"),
    ({"transfer_fee": "101%"}, "from 0% to 100%"),
    ({"platform_fee": "abc%"}, "is not a number"),
    ({"platform_fee": "%"}, "Please give the platform fee"),
    ({"platform_fee": "90%", "transfer_fee": "11%"}, "fees are more than the amount"),
    ({"platform_fee": "100%", "transfer_fee": "0.01"}, "fees are more than the amount"),
])
def test_bad_percent_fee_is_refused(session: Session, changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        create_payment(session=session, data=usd(**changes))
    assert message in str(refused.value)
    assert count(session) == 0


def test_percent_outside_range_names_the_field(session: Session) -> None:
    with pytest.raises(InvalidInput) as refused:
        create_payment(session=session, data=usd(platform_fee="150%"))
    assert refused.value.message == "A {field} in percent must be from 0% to 100%; “{text}” is not."
    assert refused.value.params == {"field": "platform fee", "text": "150%"}


# --- the taka received instead of a rate ----------------------------------------------------------

def test_received_home_gives_the_rate_and_the_exact_net(session: Session) -> None:
    """$100.00, 10% fee, ৳10,950.00 received: rate 10950 / 90 = 121.6666666667 (10 decimals, half up);
    net ৳10,950.00 exactly; fees $10.00 at that rate = 121666.666667 poisha → 121667."""
    p = create_payment(session=session, data=usd(gross="100.00", platform_fee="10%", rate=None,
                                                 received_home="10,950.00"))
    assert p.rate == "121.6666666667"
    assert p.net_home_minor == 1095000
    assert p.fees_home_minor == convert(1000, "USD", Decimal("121.6666666667")) == 121667
    assert p.gross_home_minor == 1095000 + 121667


def test_received_home_is_stored_even_where_the_rounded_rate_would_give_another(session: Session) -> None:
    """$300,000,000.00 became ৳1.00: rate 1 / 300,000,000 = 0.00000000333… → 0.0000000033 (10 decimals).
    At that rate the net would be 0.99 taka (99 poisha); the stored net is the 100 poisha received."""
    p = create_payment(session=session, data=usd(gross="300,000,000", rate=None, received_home="1"))
    assert p.rate == "0.0000000033"
    assert convert(30000000000, "USD", Decimal("0.0000000033")) == 99
    assert (p.net_home_minor, p.fees_home_minor, p.gross_home_minor) == (100, 0, 100)


def test_received_home_with_a_round_rate(session: Session) -> None:
    """$250.00 − $25.00 fee, ৳27,562.50 received: rate 27562.50 / 225 = 122.5, the README example."""
    p = create_payment(session=session, data=usd(platform_fee="25", rate="", received_home="৳27,562.50"))
    assert p.rate == "122.5"
    assert (p.gross_home_minor, p.fees_home_minor, p.net_home_minor) == (3062500, 306250, 2756250)


def test_received_home_counts_the_transfer_fee(session: Session) -> None:
    """$100.00 − $10.00 − $2.00 = $88.00; ৳10,000.00 received: rate 113.6363636363636… → 113.6363636364."""
    p = create_payment(session=session, data=usd(gross="100", platform_fee="10", transfer_fee="2",
                                                 rate=None, received_home="১০০০০"))
    assert p.rate == "113.6363636364"
    assert p.net_home_minor == 1000000
    assert p.fees_home_minor == 136364  # 12.00 × 113.6363636364 = 1363.6363636368 taka


def test_received_home_for_a_zero_decimal_currency(session: Session) -> None:
    """¥1000 with no fee, ৳800.00 received: rate 0.8."""
    p = create_payment(session=session, data=usd(gross="1000", currency="JPY", rate=None,
                                                 received_home="800"))
    assert (p.rate, p.net_home_minor, p.fees_home_minor, p.gross_home_minor) == ("0.8", 80000, 0, 80000)


def test_received_home_for_a_refund_is_what_went_back(session: Session) -> None:
    """Refund $100.00, $10.00 fee returned, $2.00 transfer: $92.00 went back as ৳11,040.00 → rate 120."""
    p = create_payment(session=session, data=usd(kind="refund", gross="100", platform_fee="10",
                                                 transfer_fee="2", rate=None, received_home="11040"))
    assert p.rate == "120"
    assert (p.gross_home_minor, p.fees_home_minor, p.net_home_minor) == (-1200000, -96000, -1104000)


def test_update_with_received_home(session: Session) -> None:
    p = create_payment(session=session, data=usd())
    changed = update_payment(session=session, payment_id=p.id,
                             data=usd(gross="100", rate=None, received_home="12,000"))
    assert (changed.rate, changed.net_home_minor) == ("120", 1200000)


@pytest.mark.parametrize(("changes", "message"), [
    ({"rate": "122.50", "received_home": "10950"}, "not both"),
    ({"rate": None, "received_home": "0"}, "must be more than zero"),
    ({"rate": None, "received_home": "-10950"}, "cannot be negative"),
    ({"rate": None, "received_home": "abc"}, "is not a number"),
    ({"rate": None, "received_home": "10950.001"}, "at most 2 decimals"),
    ({"rate": None, "received_home": "100", "platform_fee": "100%"}, "Give the rate instead"),
    ({"rate": None, "received_home": "0.01", "gross": "1,000,000,000"}, "too small"),
    ({"currency": "BDT", "rate": None, "received_home": "30625"}, "needs no amount received"),
    ({"rate": None, "received_home": "  "}, "Give the rate you received"),
])
def test_bad_received_home_is_refused(session: Session, changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        create_payment(session=session, data=usd(**changes))
    assert message in str(refused.value)
    assert count(session) == 0


def test_the_rule_is_documented_in_the_service() -> None:
    doc = payments.__doc__ or ""
    assert "received ÷ (gross − platform fee − transfer fee)" in doc
    assert "10 decimals" in doc and "not both" in (PaymentInput.__doc__ or "")
