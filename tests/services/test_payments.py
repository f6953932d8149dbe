"""Tests for tracker.services.payments: money in is checked, converted once and stored exactly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from tests.databases import count
from tests.strategies import CURRENCIES, HOSTILE, fresh_database, numbery, stored
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Payment
from tracker.ledger.money import (
    MAX_MINOR,
    convert,
)
from tracker.services import payments
from tracker.services.clients import ClientInput, create_client
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import (
    PaymentInput,
    create_payment,
    delete_payment,
    input_of,
    rate_or_received,
    update_payment,
)


def usd(**changes: Any) -> PaymentInput:
    """Return the brief's example payment (USD 250.00, fee 25, rate 122.50) with changes."""
    values: dict[str, Any] = {"paid_on": "2026-08-03", "gross": "250.00", "currency": "USD",
                              "platform_fee": "25", "rate": "122.50"}
    return PaymentInput(**{**values, **changes})


def reread(session: Session, payment_id: int) -> Payment:
    """Return the payment as the database holds it, not as the session remembers it."""
    session.expire_all()
    return session.exec(select(Payment).where(Payment.id == payment_id)).one()


def columns(payment: Payment) -> dict[str, Any]:
    """Return every stored column of a payment."""
    return payment.model_dump()


def test_usd_payment_is_stored_exactly(session: Session) -> None:
    """250.00 USD × 122.5 = ৳30,625.00; fee 25 × 122.5 = ৳3,062.50; net ৳27,562.50."""
    created = create_payment(session=session, data=usd())
    stored = reread(session, created.id)
    assert (stored.gross_minor, stored.platform_fee_minor, stored.transfer_fee_minor) == (25000, 2500, 0)
    assert (stored.gross_home_minor, stored.fees_home_minor, stored.net_home_minor) == (
        3062500, 306250, 2756250)
    assert stored.rate == "122.5"
    assert stored.paid_on == date(2026, 8, 3)
    assert stored.month == "2026-08"
    assert (stored.currency, stored.kind, stored.status) == ("USD", "payment", "cleared")
    assert (stored.source, stored.external_ref, stored.platform) == ("manual", None, None)


def test_transfer_fee_counts_as_a_fee(session: Session) -> None:
    """100 USD, fee 10 + transfer 2.50 at 120: gross ৳12,000, fees ৳1,500, net ৳10,500."""
    p = create_payment(session=session, data=usd(gross="100", platform_fee="10", transfer_fee="2.50",
                                                 rate="120"))
    stored = reread(session, p.id)
    assert (stored.gross_minor, stored.platform_fee_minor, stored.transfer_fee_minor) == (10000, 1000, 250)
    assert (stored.gross_home_minor, stored.fees_home_minor, stored.net_home_minor) == (
        1200000, 150000, 1050000)


@pytest.mark.parametrize("rate", [None, "", "1", "1.00"])
def test_home_currency_payment_has_rate_one(session: Session, rate: str | None) -> None:
    p = create_payment(session=session, data=usd(gross="5000", platform_fee="0", currency="BDT",
                                                 rate=rate))
    stored = reread(session, p.id)
    assert (stored.gross_minor, stored.rate, stored.gross_home_minor, stored.net_home_minor) == (
        500000, "1", 500000, 500000)


def test_zero_decimal_currency_converts_to_poisha(session: Session) -> None:
    """JPY has no minor unit: ¥1000 at 0.8 = ৳800.00 = 80000 poisha."""
    p = create_payment(session=session, data=usd(gross="1000", platform_fee="0", currency="JPY", rate="0.8"))
    assert (p.gross_minor, p.gross_home_minor, p.net_home_minor) == (1000, 80000, 80000)


@pytest.mark.parametrize("gross", ["1,250.50", "১২৫০.৫০", "$1,250.50", " 1250.5 "])
def test_forgiving_amounts(session: Session, gross: str) -> None:
    """1250.50 USD × 122.5 = 153186.25 taka = 15318625 poisha."""
    p = create_payment(session=session, data=usd(gross=gross, platform_fee="0"))
    assert (p.gross_minor, p.gross_home_minor) == (125050, 15318625)


def test_forgiving_currency_rate_and_date(session: Session) -> None:
    p = create_payment(session=session, data=usd(currency="usd", rate="১২২.৫০", paid_on="২০২৬-০৮-০৩"))
    stored = reread(session, p.id)
    assert (stored.currency, stored.rate, stored.paid_on, stored.month) == (
        "USD", "122.5", date(2026, 8, 3), "2026-08")
    assert stored.net_home_minor == 2756250


def test_refund_stores_negative_gross_and_returned_fee(session: Session) -> None:
    """Refund of 100 USD, 10 fee returned, 2 transfer fee, at 120: net −(100 − 10 + 2) × 120."""
    p = create_payment(session=session, data=usd(kind="refund", gross="100", platform_fee="10",
                                                 transfer_fee="2", rate="120"))
    stored = reread(session, p.id)
    assert stored.kind == "refund"
    assert (stored.gross_minor, stored.platform_fee_minor, stored.transfer_fee_minor) == (-10000, -1000, 200)
    assert (stored.gross_home_minor, stored.fees_home_minor, stored.net_home_minor) == (
        -1200000, -96000, -1104000)


@pytest.mark.parametrize(("gross", "fee", "rate", "expected"), [
    ("0.01", "0", "0.5", (1, 0, 1)),        # 0.5 poisha rounds up
    ("0.03", "0", "0.5", (2, 0, 2)),        # 1.5 → 2
    ("0.01", "0", "122.45", (122, 0, 122)),  # 122.45 → 122
    ("0.01", "0", "122.55", (123, 0, 123)),  # 122.55 → 123
    ("0.03", "0.01", "0.5", (2, 1, 1)),     # each side rounded once: 1.5 → 2, 0.5 → 1
])
def test_conversion_rounds_half_up(session: Session, gross: str, fee: str, rate: str,
                                   expected: tuple[int, int, int]) -> None:
    p = create_payment(session=session, data=usd(gross=gross, platform_fee=fee, rate=rate))
    assert (p.gross_home_minor, p.fees_home_minor, p.net_home_minor) == expected


def test_refund_rounds_half_away_from_zero(session: Session) -> None:
    """−0.01 USD at 0.5 = −0.5 poisha → −1."""
    p = create_payment(session=session, data=usd(kind="refund", gross="0.01", platform_fee="0", rate="0.5"))
    assert (p.gross_home_minor, p.net_home_minor) == (-1, -1)


def test_fees_equal_to_gross_are_allowed(session: Session) -> None:
    p = create_payment(session=session, data=usd(platform_fee="200", transfer_fee="50"))
    assert (p.fees_home_minor, p.net_home_minor) == (3062500, 0)


BAD_PAYMENTS: list[tuple[str, dict[str, Any]]] = [
    ("amount not a number", {"gross": "abc"}),
    ("empty amount", {"gross": ""}),
    ("zero", {"gross": "0"}),
    ("negative", {"gross": "-5"}),
    ("too many USD decimals", {"gross": "1.005"}),
    ("JPY decimals", {"gross": "10.5", "platform_fee": "0", "currency": "JPY", "rate": "0.8"}),
    ("negative fee", {"platform_fee": "-1"}),
    ("fee not a number", {"transfer_fee": "two"}),
    ("unknown currency", {"currency": "XYZ"}),
    ("impossible date", {"paid_on": "2026-02-30"}),
    ("not a date", {"paid_on": "03/08/2026"}),
    ("empty date", {"paid_on": ""}),
    ("year out of range", {"paid_on": "1850-01-01"}),
    ("missing rate", {"rate": None}),
    ("blank rate", {"rate": "  "}),
    ("zero rate", {"rate": "0"}),
    ("negative rate", {"rate": "-122"}),
    ("rate not a number", {"rate": "abc"}),
    ("rate with 11 decimals", {"rate": "1.12345678901"}),
    ("BDT with a rate", {"currency": "BDT", "platform_fee": "0", "rate": "122.5"}),
    ("fee larger than gross", {"platform_fee": "250.01"}),
    ("fees together larger than gross", {"platform_fee": "200", "transfer_fee": "50.01"}),
    ("unknown kind", {"kind": "gift"}),
    ("unknown status", {"status": "maybe"}),
    ("unknown platform", {"platform": "eBay"}),
    ("unknown client", {"client_id": 999}),
    ("unknown gig", {"gig_id": 999}),
    ("note too long", {"note": "x" * 2001}),
    ("reference too long", {"external_ref": "r" * 121}),
    ("source too long", {"source": "s" * 21}),
]


@pytest.mark.parametrize("changes", [c for _, c in BAD_PAYMENTS], ids=[n for n, _ in BAD_PAYMENTS])
def test_bad_payment_is_refused_and_writes_nothing(session: Session, changes: dict[str, Any]) -> None:
    create_payment(session=session, data=usd())
    with pytest.raises(InvalidInput):
        create_payment(session=session, data=usd(**changes))
    session.expire_all()
    assert count(session, Payment) == 1


def test_links_come_from_gig_and_client(session: Session) -> None:
    """A gig gives its client and platform; a client alone gives its platform."""
    acme = create_client(session=session, data=ClientInput(name="Acme", platform="Fiverr"))
    gig = create_gig(session=session, data=GigInput(title="Logo", client_id=acme.id, platform="Upwork"))
    by_gig = create_payment(session=session, data=usd(gig_id=gig.id))
    assert (by_gig.client_id, by_gig.gig_id, by_gig.platform) == (acme.id, gig.id, "Upwork")
    by_client = create_payment(session=session, data=usd(client_id=acme.id))
    assert (by_client.client_id, by_client.gig_id, by_client.platform) == (acme.id, None, "Fiverr")
    explicit = create_payment(session=session, data=usd(client_id=acme.id, platform="own website"))
    assert explicit.platform == "own website"


def test_gig_of_another_client_is_refused(session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme"))
    other = create_client(session=session, data=ClientInput(name="Other"))
    gig = create_gig(session=session, data=GigInput(title="Logo", client_id=acme.id))
    with pytest.raises(InvalidInput):
        create_payment(session=session, data=usd(gig_id=gig.id, client_id=other.id))
    assert count(session, Payment) == 0
    same = create_payment(session=session, data=usd(gig_id=gig.id, client_id=acme.id))
    assert same.client_id == acme.id


def test_same_source_and_reference_is_refused(session: Session) -> None:
    create_payment(session=session, data=usd(source="upwork", external_ref="T-1"))
    with pytest.raises(InvalidInput):
        create_payment(session=session, data=usd(source="upwork", external_ref="T-1", gross="99"))
    session.expire_all()
    assert count(session, Payment) == 1
    assert session.exec(select(Payment.gross_minor)).all() == [25000]


def test_same_reference_from_another_source_is_fine(session: Session) -> None:
    create_payment(session=session, data=usd(source="upwork", external_ref="T-1"))
    create_payment(session=session, data=usd(source="payoneer", external_ref="T-1"))
    assert count(session, Payment) == 2


@pytest.mark.parametrize("ref", [None, "", "  "])
def test_missing_references_never_clash(session: Session, ref: str | None) -> None:
    for _ in range(3):
        p = create_payment(session=session, data=usd(external_ref=ref))
        assert p.external_ref is None
    assert count(session, Payment) == 3


def test_update_replaces_fields_and_converts_again(session: Session) -> None:
    p = create_payment(session=session, data=usd())
    update_payment(session=session, payment_id=p.id,
                   data=usd(gross="100", platform_fee="0", rate="110", paid_on="2026-09-01",
                            status="pending", note=" late "))
    stored = reread(session, p.id)
    assert (stored.gross_minor, stored.platform_fee_minor, stored.rate) == (10000, 0, "110")
    assert (stored.gross_home_minor, stored.fees_home_minor, stored.net_home_minor) == (1100000, 0, 1100000)
    assert (stored.month, stored.status, stored.note) == ("2026-09", "pending", "late")


@pytest.mark.parametrize("changes", [{"gross": "0"}, {"rate": None}, {"platform_fee": "300"},
                                     {"paid_on": "2026-02-30"}, {"gig_id": 999}])
def test_bad_update_leaves_payment_unchanged(session: Session, changes: dict[str, Any]) -> None:
    p = create_payment(session=session, data=usd())
    before = columns(reread(session, p.id))
    with pytest.raises(InvalidInput):
        update_payment(session=session, payment_id=p.id, data=usd(**changes))
    assert columns(reread(session, p.id)) == before


def test_update_into_a_used_reference_is_refused(session: Session) -> None:
    create_payment(session=session, data=usd(source="upwork", external_ref="T-1"))
    p = create_payment(session=session, data=usd(source="upwork", external_ref="T-2", gross="100"))
    before = columns(reread(session, p.id))
    with pytest.raises(InvalidInput):
        update_payment(session=session, payment_id=p.id,
                       data=usd(source="upwork", external_ref="T-1", gross="100"))
    assert columns(reread(session, p.id)) == before


@pytest.mark.parametrize("changes", [
    {},
    {"kind": "refund", "gross": "100", "platform_fee": "10", "transfer_fee": "2", "rate": "120"},
    {"currency": "BDT", "rate": None, "gross": "1,00,000", "platform_fee": "0", "transfer_fee": "20"},
    {"currency": "JPY", "gross": "1000", "platform_fee": "100", "rate": "0.8123"},
    {"status": "pending", "source": "upwork", "external_ref": "T-9", "note": "first job"},
])
def test_input_of_round_trips(session: Session, changes: dict[str, Any]) -> None:
    """Saving input_of(payment) again changes no column."""
    p = create_payment(session=session, data=usd(**changes))
    before = columns(reread(session, p.id))
    update_payment(session=session, payment_id=p.id, data=input_of(reread(session, p.id)))
    assert columns(reread(session, p.id)) == before


def test_input_of_round_trips_links(session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme", platform="Upwork"))
    gig = create_gig(session=session, data=GigInput(title="Logo", client_id=acme.id, platform="Upwork"))
    p = create_payment(session=session, data=usd(gig_id=gig.id))
    before = columns(reread(session, p.id))
    update_payment(session=session, payment_id=p.id, data=input_of(reread(session, p.id)))
    assert columns(reread(session, p.id)) == before


def test_update_unknown_payment_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput):
        update_payment(session=session, payment_id=999, data=usd())
    assert count(session, Payment) == 0


def test_delete_payment_removes_only_that_one(session: Session) -> None:
    keep = create_payment(session=session, data=usd())
    gone = create_payment(session=session, data=usd(gross="100"))
    delete_payment(session=session, payment_id=gone.id)
    session.expire_all()
    assert session.exec(select(Payment.id)).all() == [keep.id]


def test_delete_unknown_payment_is_refused(session: Session) -> None:
    create_payment(session=session, data=usd())
    with pytest.raises(InvalidInput):
        delete_payment(session=session, payment_id=999)
    assert count(session, Payment) == 1


@pytest.mark.parametrize(("rate", "received", "suggested", "fields"), [
    ("122.50", "", "122.50", {"rate": "122.50", "received_home": None}),  # the suggested rate, used
    ("122.50", "27,000", "122.50", {"rate": None, "received_home": "27,000"}),  # it gives way
    ("121", "27,000", "122.50", {"rate": "121", "received_home": "27,000"}),  # typed: both kept
    ("", "27,000", "", {"rate": None, "received_home": "27,000"}),  # no rate used before
    ("", "", "", {"rate": None, "received_home": None}),
    ("122.50", "  ", "122.50", {"rate": "122.50", "received_home": "  "}),  # blanks are not an amount
])
def test_the_taka_received_wins_over_the_suggested_rate(rate: str, received: str, suggested: str,
                                                        fields: dict[str, str | None]) -> None:
    assert rate_or_received(rate=rate, received=received, suggested=suggested) == fields


money_text = st.one_of(numbery, st.sampled_from(HOSTILE),
                       st.sampled_from(["10%", "100%", "-1%", "250%", "৫%", "1e3%"]))
plain_amounts = st.one_of(st.decimals(min_value=0, max_value=10**16, places=2).map(lambda d: format(d, "f")),
                          st.integers(0, 10**17).map(str))


def mostly(usual: st.SearchStrategy[str], other: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Return a strategy that draws from `usual` four times in five, else from `other`."""
    return st.integers(0, 4).flatmap(lambda n: other if n == 0 else usual)


amounts = mostly(plain_amounts, money_text)
rate_texts = st.decimals(min_value=Decimal("0.0001"), max_value=10**5, places=4).map(lambda d: format(d, "f"))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(gross=amounts, fee=mostly(st.sampled_from(["0", "10%", "5", "0.5"]), amounts),
       rate=st.one_of(st.none(), mostly(rate_texts, money_text)),
       received=st.one_of(st.none(), st.none(), st.none(), amounts),
       currency=st.sampled_from(CURRENCIES + ["BDT"]),
       kind=st.sampled_from(["payment", "refund"]))
def test_a_payment_typed_any_way_is_stored_exactly_or_refused(
        migrated_template: Path, folder: Path, gross: str, fee: str, rate: str | None, received: str | None,
        currency: str, kind: str) -> None:
    from tracker.services.payments import PaymentInput, create_payment

    with fresh_database(migrated_template, folder) as session:
        try:
            payment = create_payment(session=session, data=PaymentInput(
                paid_on="2026-08-03", gross=gross, platform_fee=fee, rate=rate, received_home=received,
                currency=currency, kind=kind))
        except InvalidInput as err:
            assert str(err) and stored(session)[0] == 0
            event(f"refused: {err.message[:40]}")
            return
        event("stored")
        assert payment.net_home_minor == payment.gross_home_minor - payment.fees_home_minor
        assert all(abs(v) <= MAX_MINOR for v in (payment.gross_minor, payment.gross_home_minor,
                                                 payment.fees_home_minor))


# Fees given as a percent of the gross, and a payment given by the taka received -------------------

def plain(**changes: Any) -> PaymentInput:
    """Return USD 250.00 at 122.50 with no fees, with changes."""
    values: dict[str, Any] = {"paid_on": "2026-08-03", "gross": "250.00", "currency": "USD",
                              "rate": "122.50"}
    return PaymentInput(**{**values, **changes})


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
    p = create_payment(session=session, data=plain(gross=gross, currency=currency, platform_fee=fee,
                                                 rate="0.8" if currency == "JPY" else "122.50"))
    assert p.platform_fee_minor == expected


def test_percent_fee_is_converted_like_an_amount(session: Session) -> None:
    """$250.00, fee 10% = $25.00 at 122.50: ৳30,625.00 − ৳3,062.50 = ৳27,562.50 (the README example)."""
    p = create_payment(session=session, data=plain(platform_fee="10%"))
    assert (p.gross_home_minor, p.fees_home_minor, p.net_home_minor) == (3062500, 306250, 2756250)


def test_transfer_fee_in_percent(session: Session) -> None:
    """$100.00, fee 10% = $10.00, transfer 2% = $2.00, at 120: fees ৳1,440.00, net ৳10,560.00."""
    p = create_payment(session=session, data=plain(gross="100", platform_fee="10%", transfer_fee="2%",
                                                 rate="120"))
    assert (p.platform_fee_minor, p.transfer_fee_minor) == (1000, 200)
    assert (p.fees_home_minor, p.net_home_minor) == (144000, 1056000)


def test_refund_fee_in_percent_is_returned_with_the_refund(session: Session) -> None:
    """Refund of $100.00 with 10% of the fee returned: gross −10000, platform fee −1000."""
    p = create_payment(session=session, data=plain(kind="refund", gross="100", platform_fee="10%",
                                                 rate="120"))
    assert (p.gross_minor, p.platform_fee_minor, p.net_home_minor) == (-10000, -1000, -1080000)


def test_update_with_percent_fee(session: Session) -> None:
    p = create_payment(session=session, data=plain(platform_fee="25"))
    changed = update_payment(session=session, payment_id=p.id, data=plain(platform_fee="20%"))
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
        create_payment(session=session, data=plain(**changes))
    assert message in str(refused.value)
    assert count(session, Payment) == 0


def test_percent_outside_range_names_the_field(session: Session) -> None:
    with pytest.raises(InvalidInput) as refused:
        create_payment(session=session, data=plain(platform_fee="150%"))
    assert refused.value.message == "A {field} in percent must be from 0% to 100%; “{text}” is not."
    assert refused.value.params == {"field": "platform fee", "text": "150%"}


# --- the taka received instead of a rate ----------------------------------------------------------

def test_received_home_gives_the_rate_and_the_exact_net(session: Session) -> None:
    """$100.00, 10% fee, ৳10,950.00 received: rate 10950 / 90 = 121.6666666667 (10 decimals, half up);
    net ৳10,950.00 exactly; fees $10.00 at that rate = 121666.666667 poisha → 121667."""
    p = create_payment(session=session, data=plain(gross="100.00", platform_fee="10%", rate=None,
                                                 received_home="10,950.00"))
    assert p.rate == "121.6666666667"
    assert p.net_home_minor == 1095000
    assert p.fees_home_minor == convert(1000, "USD", Decimal("121.6666666667"), "BDT") == 121667
    assert p.gross_home_minor == 1095000 + 121667


def test_received_home_is_stored_even_where_the_rounded_rate_would_give_another(session: Session) -> None:
    """$300,000,000.00 became ৳1.00: rate 1 / 300,000,000 = 0.00000000333… → 0.0000000033 (10 decimals).
    At that rate the net would be 0.99 taka (99 poisha); the stored net is the 100 poisha received."""
    p = create_payment(session=session, data=plain(gross="300,000,000", rate=None, received_home="1"))
    assert p.rate == "0.0000000033"
    assert convert(30000000000, "USD", Decimal("0.0000000033"), "BDT") == 99
    assert (p.net_home_minor, p.fees_home_minor, p.gross_home_minor) == (100, 0, 100)


def test_received_home_with_a_round_rate(session: Session) -> None:
    """$250.00 − $25.00 fee, ৳27,562.50 received: rate 27562.50 / 225 = 122.5, the README example."""
    p = create_payment(session=session, data=plain(platform_fee="25", rate="", received_home="৳27,562.50"))
    assert p.rate == "122.5"
    assert (p.gross_home_minor, p.fees_home_minor, p.net_home_minor) == (3062500, 306250, 2756250)


def test_received_home_counts_the_transfer_fee(session: Session) -> None:
    """$100.00 − $10.00 − $2.00 = $88.00; ৳10,000.00 received: rate 113.6363636363636… → 113.6363636364."""
    p = create_payment(session=session, data=plain(gross="100", platform_fee="10", transfer_fee="2",
                                                 rate=None, received_home="১০০০০"))
    assert p.rate == "113.6363636364"
    assert p.net_home_minor == 1000000
    assert p.fees_home_minor == 136364  # 12.00 × 113.6363636364 = 1363.6363636368 taka


def test_received_home_for_a_zero_decimal_currency(session: Session) -> None:
    """¥1000 with no fee, ৳800.00 received: rate 0.8."""
    p = create_payment(session=session, data=plain(gross="1000", currency="JPY", rate=None,
                                                 received_home="800"))
    assert (p.rate, p.net_home_minor, p.fees_home_minor, p.gross_home_minor) == ("0.8", 80000, 0, 80000)


def test_received_home_for_a_refund_is_what_went_back(session: Session) -> None:
    """Refund $100.00, $10.00 fee returned, $2.00 transfer: $92.00 went back as ৳11,040.00 → rate 120."""
    p = create_payment(session=session, data=plain(kind="refund", gross="100", platform_fee="10",
                                                 transfer_fee="2", rate=None, received_home="11040"))
    assert p.rate == "120"
    assert (p.gross_home_minor, p.fees_home_minor, p.net_home_minor) == (-1200000, -96000, -1104000)


def test_update_with_received_home(session: Session) -> None:
    p = create_payment(session=session, data=plain())
    changed = update_payment(session=session, payment_id=p.id,
                             data=plain(gross="100", rate=None, received_home="12,000"))
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
        create_payment(session=session, data=plain(**changes))
    assert message in str(refused.value)
    assert count(session, Payment) == 0


def test_the_rule_is_documented_in_the_service() -> None:
    doc = payments.__doc__ or ""
    assert "received ÷ (gross − platform fee − transfer fee)" in doc
    assert "10 decimals" in doc and "not both" in (PaymentInput.__doc__ or "")
