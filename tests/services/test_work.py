"""Tests for tracker.services.work: a new gig and its payment are written together or not at all."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, func, select

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Gig, Payment
from tracker.services.clients import ClientInput, create_client
from tracker.services.gigs import GigInput
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.work import create_gig_with_payment, gig_of_payment


def gig(**changes: Any) -> GigInput:
    """Return a paid Upwork logo gig for $250.00, with changes."""
    values: dict[str, Any] = {"title": "Logo for Acme", "platform": "Upwork", "price": "250",
                              "currency": "USD", "status": "paid", "hours_worked": "3.5"}
    return GigInput(**{**values, **changes})


def paid(**changes: Any) -> PaymentInput:
    """Return $250.00 with a 10% fee at 122.50, with changes."""
    values: dict[str, Any] = {"paid_on": "2026-08-03", "gross": "250.00", "currency": "USD",
                              "platform_fee": "10%", "rate": "122.50"}
    return PaymentInput(**{**values, **changes})


def counts(session: Session) -> tuple[int, int]:
    """Return (gigs, payments) in the database."""
    session.expire_all()
    return (session.exec(select(func.count()).select_from(Gig)).one(),
            session.exec(select(func.count()).select_from(Payment)).one())


def test_gig_and_payment_are_stored_and_linked(session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme", platform="Upwork"))
    new_gig, payment = create_gig_with_payment(session=session, gig=gig(client_id=acme.id), payment=paid())
    session.expire_all()
    stored_gig = session.get(Gig, new_gig.id)
    stored = session.get(Payment, payment.id)
    assert stored_gig is not None and stored is not None
    assert (stored_gig.title, stored_gig.status, stored_gig.price_minor, stored_gig.minutes_worked) == (
        "Logo for Acme", "paid", 25000, 210)
    assert (stored.gig_id, stored.client_id, stored.platform) == (stored_gig.id, acme.id, "Upwork")
    assert stored_gig.client_id == acme.id
    assert (stored.gross_minor, stored.platform_fee_minor, stored.net_home_minor) == (25000, 2500, 2756250)
    assert stored.paid_on == date(2026, 8, 3)
    assert counts(session) == (1, 1)


def test_client_named_only_on_the_payment_goes_to_both(session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme", platform="Fiverr"))
    new_gig, payment = create_gig_with_payment(session=session, gig=gig(platform="Fiverr"),
                                               payment=paid(client_id=acme.id))
    assert (new_gig.client_id, payment.client_id, payment.platform) == (acme.id, acme.id, "Fiverr")


def test_payment_platform_comes_from_the_gig_unless_named(session: Session) -> None:
    _, from_gig = create_gig_with_payment(session=session, gig=gig(platform="Fiverr"), payment=paid())
    _, named = create_gig_with_payment(session=session, gig=gig(platform="Fiverr"),
                                       payment=paid(platform="direct"))
    assert (from_gig.platform, named.platform) == ("Fiverr", "direct")


BAD: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("payment amount not a number", {}, {"gross": "abc"}),
    ("payment without a rate", {}, {"rate": None}),
    ("fee over 100%", {}, {"platform_fee": "150%"}),
    ("rate and received both", {}, {"received_home": "27,000"}),
    ("impossible payment date", {}, {"paid_on": "2026-02-30"}),
    ("gig without a title", {"title": "  "}, {}),
    ("declined gig without a reason", {"status": "declined"}, {}),
    ("unknown gig status", {"status": "maybe"}, {}),
    ("unknown client on the gig", {"client_id": 999}, {}),
    ("unknown client on the payment", {}, {"client_id": 999}),
    ("payment pointing at another gig", {}, {"gig_id": 1}),
]


@pytest.mark.parametrize(("gig_changes", "payment_changes"), [(g, p) for _, g, p in BAD],
                         ids=[name for name, _, _ in BAD])
def test_anything_refused_writes_nothing(session: Session, gig_changes: dict[str, Any],
                                         payment_changes: dict[str, Any]) -> None:
    with pytest.raises(InvalidInput):
        create_gig_with_payment(session=session, gig=gig(**gig_changes), payment=paid(**payment_changes))
    assert counts(session) == (0, 0)


def test_clients_that_disagree_are_refused(session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme"))
    other = create_client(session=session, data=ClientInput(name="Other"))
    with pytest.raises(InvalidInput) as refused:
        create_gig_with_payment(session=session, gig=gig(client_id=acme.id),
                                payment=paid(client_id=other.id))
    assert "another client" in str(refused.value)
    assert counts(session) == (0, 0)


def test_a_refusal_at_write_time_rolls_back_the_gig_too(session: Session) -> None:
    """The duplicate reference is only found by the database, after the gig was added: no gig stays."""
    create_payment(session=session, data=paid(source="upwork", external_ref="T-1"))
    with pytest.raises(InvalidInput) as refused:
        create_gig_with_payment(session=session, gig=gig(),
                                payment=paid(source="upwork", external_ref="T-1"))
    assert "duplicate" in str(refused.value)
    assert counts(session) == (0, 1)


@pytest.mark.parametrize(("status", "hours", "closed_on", "worked"), [
    ("paid", "", date(2026, 8, 3), "0"),  # paid: closed the day of the payment; no hours, none
    ("delivered", "3.5", None, "3.5"),
    ("active", "1", None, "1"),
])
def test_the_gig_logged_with_a_payment_is_priced_at_what_was_paid(
        status: str, hours: str, closed_on: date | None, worked: str) -> None:
    payment = paid(paid_on=date(2026, 8, 3), platform="Upwork", client_id=7)
    logged = gig_of_payment(title="Logo", client_id=7, skill_id=2, status=status, hours=hours,
                            payment=payment)
    assert logged == GigInput(title="Logo", client_id=7, skill_id=2, platform="Upwork", price="250.00",
                              currency="USD", hours_worked=worked, status=status, closed_on=closed_on)


def test_a_gig_logged_with_a_payment_and_no_platform_is_direct() -> None:
    assert gig_of_payment(title="Logo", client_id=None, skill_id=None, status="paid", hours="",
                          payment=paid()).platform == "direct"
