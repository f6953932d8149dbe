"""Tests for tracker.services.gigs: the work pipeline, and what happens to payments on delete."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import Session, select

from tests.databases import count
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Gig, Payment
from tracker.services.clients import ClientInput, archive_client, create_client, delete_client
from tracker.services.gigs import (
    GigInput,
    count_payments,
    create_gig,
    delete_gig,
    hours_to_minutes,
    input_of,
    move_gig,
    update_gig,
)
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import SkillInput, create_skill


def reread(session: Session, gig_id: int) -> Gig:
    """Return the gig as the database holds it."""
    session.expire_all()
    return session.exec(select(Gig).where(Gig.id == gig_id)).one()


def logo(**changes: Any) -> GigInput:
    """Return a plain gig input, with changes."""
    return GigInput(**{"title": "Logo for a bakery", **changes})


def pay(session: Session, gig_id: int | None, gross: str = "100") -> Payment:
    """Store a USD payment at 120 for a gig."""
    return create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross=gross,
                                                             rate="120", gig_id=gig_id))


def test_full_gig_is_stored_exactly(session: Session) -> None:
    client = create_client(session=session, data=ClientInput(name="Bakery"))
    skill = create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    g = create_gig(session=session, data=GigInput(
        title="  Logo for a bakery ", client_id=client.id, skill_id=skill.id, platform="upwork",
        pricing="Hourly", price="12.50", currency="usd", hours_worked="1.5", status="Active",
        started_on="2026-08-01", due_on="২০২৬-০৮-১০", delivered_on=date(2026, 8, 9),
        closed_on=None, note=" first "))
    stored = reread(session, g.id)
    assert (stored.title, stored.client_id, stored.skill_id) == ("Logo for a bakery", client.id, skill.id)
    assert (stored.platform, stored.pricing, stored.price_minor, stored.currency) == (
        "Upwork", "hourly", 1250, "USD")
    assert (stored.minutes_worked, stored.status, stored.note) == (90, "active", "first")
    assert (stored.started_on, stored.due_on, stored.delivered_on, stored.closed_on) == (
        date(2026, 8, 1), date(2026, 8, 10), date(2026, 8, 9), None)


def test_defaults(session: Session) -> None:
    stored = reread(session, create_gig(session=session, data=logo()).id)
    assert (stored.client_id, stored.skill_id, stored.platform, stored.pricing) == (
        None, None, "direct", "fixed")
    assert (stored.price_minor, stored.currency, stored.minutes_worked, stored.status) == (
        0, "USD", 0, "lead")
    assert (stored.decline_reason, stored.note) == ("", "")


@pytest.mark.parametrize(("price", "currency", "minor"), [
    ("1,250.50", "USD", 125050), ("১২৫০.৫০", "USD", 125050), ("৳1,00,000", "BDT", 10000000),
    ("5000", "JPY", 5000), ("", "USD", 0),
])
def test_forgiving_prices(session: Session, price: str, currency: str, minor: int) -> None:
    assert create_gig(session=session, data=logo(price=price, currency=currency)).price_minor == minor


@pytest.mark.parametrize(("hours", "minutes"), [
    ("1.5", 90), ("২.৫", 150), ("0.01", 1), ("0.33", 20), ("", 0), (3, 180), (Decimal("0.125"), 8),
])
def test_hours_become_whole_minutes(hours: Any, minutes: int) -> None:
    """0.01 h = 0.6 min → 1; 0.33 h = 19.8 → 20; 0.125 h = 7.5 → 8 (half up)."""
    assert hours_to_minutes(hours) == minutes


def test_declined_gig_keeps_its_reason(session: Session) -> None:
    g = create_gig(session=session, data=logo(status="declined", decline_reason=" budget too low "))
    assert (g.status, g.decline_reason) == ("declined", "budget too low")


BAD_GIGS: list[tuple[str, dict[str, Any]]] = [
    ("missing title", {"title": ""}),
    ("blank title", {"title": "  "}),
    ("title too long", {"title": "t" * 301}),
    ("unknown client", {"client_id": 999}),
    ("unknown skill", {"skill_id": 999}),
    ("unknown platform", {"platform": "eBay"}),
    ("unknown pricing", {"pricing": "daily"}),
    ("unknown status", {"status": "won"}),
    ("declined without reason", {"status": "declined"}),
    ("declined with blank reason", {"status": "Declined", "decline_reason": "   "}),
    ("reason too long", {"status": "declined", "decline_reason": "r" * 2001}),
    ("negative price", {"price": "-1"}),
    ("price not a number", {"price": "ten"}),
    ("too many USD decimals", {"price": "9.999"}),
    ("JPY decimals", {"price": "10.5", "currency": "JPY"}),
    ("unknown currency", {"currency": "XYZ"}),
    ("negative hours", {"hours_worked": "-1"}),
    ("absurd hours", {"hours_worked": "100001"}),
    ("hours not a number", {"hours_worked": "two"}),
    ("impossible start date", {"started_on": "2026-02-30"}),
    ("impossible due date", {"due_on": "2026-04-31"}),
    ("delivered before started", {"started_on": "2026-08-10", "delivered_on": "2026-08-09"}),
    ("note too long", {"note": "x" * 4001}),
]


@pytest.mark.parametrize("changes", [c for _, c in BAD_GIGS], ids=[n for n, _ in BAD_GIGS])
def test_bad_gig_is_refused_and_writes_nothing(session: Session, changes: dict[str, Any]) -> None:
    create_gig(session=session, data=logo())
    with pytest.raises(InvalidInput):
        create_gig(session=session, data=logo(**changes))
    session.expire_all()
    assert count(session, Gig) == 1


def test_update_replaces_fields(session: Session) -> None:
    g = create_gig(session=session, data=logo(price="50", hours_worked="2", note="n"))
    update_gig(session=session, gig_id=g.id,
               data=GigInput(title="Logo v2", status="paid", price="75", currency="EUR",
                             closed_on="2026-09-01"))
    stored = reread(session, g.id)
    assert (stored.title, stored.status, stored.price_minor, stored.currency) == (
        "Logo v2", "paid", 7500, "EUR")
    assert (stored.minutes_worked, stored.note, stored.closed_on) == (0, "", date(2026, 9, 1))


@pytest.mark.parametrize("changes", [{"title": ""}, {"status": "declined"}, {"client_id": 999},
                                     {"hours_worked": "-2"}, {"due_on": "2026-02-30"}])
def test_bad_update_leaves_gig_unchanged(session: Session, changes: dict[str, Any]) -> None:
    g = create_gig(session=session, data=logo(price="50", hours_worked="2", status="active"))
    before = reread(session, g.id).model_dump()
    with pytest.raises(InvalidInput):
        update_gig(session=session, gig_id=g.id, data=logo(**changes))
    assert reread(session, g.id).model_dump() == before


@pytest.mark.parametrize("changes", [
    {},
    {"pricing": "hourly", "price": "12.50", "hours_worked": "0.33", "status": "delivered",
     "started_on": "2026-08-01", "delivered_on": "2026-08-05", "due_on": "2026-08-06"},
    {"status": "declined", "decline_reason": "scope unclear", "currency": "JPY", "price": "3000"},
    {"hours_worked": "0.01", "note": "one minute"},
])
def test_input_of_round_trips(session: Session, changes: dict[str, Any]) -> None:
    g = create_gig(session=session, data=logo(**changes))
    before = reread(session, g.id).model_dump()
    update_gig(session=session, gig_id=g.id, data=input_of(reread(session, g.id)))
    assert reread(session, g.id).model_dump() == before


def test_input_of_round_trips_links(session: Session) -> None:
    client = create_client(session=session, data=ClientInput(name="Bakery"))
    skill = create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    g = create_gig(session=session, data=logo(client_id=client.id, skill_id=skill.id, platform="Fiverr"))
    before = reread(session, g.id).model_dump()
    update_gig(session=session, gig_id=g.id, data=input_of(reread(session, g.id)))
    assert reread(session, g.id).model_dump() == before


def test_update_unknown_gig_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput):
        update_gig(session=session, gig_id=999, data=logo())
    assert count(session, Gig) == 0


def test_delete_gig_without_payments(session: Session) -> None:
    keep = create_gig(session=session, data=logo(title="Keep"))
    gone = create_gig(session=session, data=logo())
    delete_gig(session=session, gig_id=gone.id)
    session.expire_all()
    assert session.exec(select(Gig.id)).all() == [keep.id]


def test_delete_with_payments_is_refused_by_default(session: Session) -> None:
    g = create_gig(session=session, data=logo())
    p = pay(session, g.id)
    assert count_payments(session, g.id) == 1
    for how in ({}, {"payments": "refuse"}):
        with pytest.raises(InvalidInput):
            delete_gig(session=session, gig_id=g.id, **how)
    session.expire_all()
    assert (count(session, Gig), count(session, Payment)) == (1, 1)
    assert session.get(Payment, p.id).gig_id == g.id


def test_delete_keeping_payments_unlinks_them(session: Session) -> None:
    client = create_client(session=session, data=ClientInput(name="Bakery"))
    g = create_gig(session=session, data=logo(client_id=client.id))
    first, second = pay(session, g.id), pay(session, g.id, gross="50")
    delete_gig(session=session, gig_id=g.id, payments="keep")
    session.expire_all()
    assert count(session, Gig) == 0
    rows = session.exec(select(Payment).order_by(Payment.id)).all()
    assert [(r.id, r.gig_id, r.client_id, r.gross_minor) for r in rows] == [
        (first.id, None, client.id, 10000), (second.id, None, client.id, 5000)]


def test_delete_with_payments_removes_them_and_nothing_else(session: Session) -> None:
    g = create_gig(session=session, data=logo())
    other = create_gig(session=session, data=logo(title="Other"))
    pay(session, g.id)
    pay(session, g.id, gross="50")
    kept = pay(session, other.id)
    loose = pay(session, None)
    delete_gig(session=session, gig_id=g.id, payments="delete")
    session.expire_all()
    assert session.exec(select(Gig.id)).all() == [other.id]
    assert session.exec(select(Payment.id).order_by(Payment.id)).all() == [kept.id, loose.id]
    assert count_payments(session, g.id) == 0


def test_delete_unknown_gig_is_refused(session: Session) -> None:
    create_gig(session=session, data=logo())
    with pytest.raises(InvalidInput):
        delete_gig(session=session, gig_id=999)
    assert count(session, Gig) == 1


TODAY = date(2026, 9, 1)


def gig(session: Session, title: str, **values: Any) -> int:
    """Store a gig and return its id."""
    return create_gig(session=session, data=GigInput(title=title, **values)).id


def reread_record(session: Session, model: type[Any], record_id: int) -> Any:
    """Return a record as the database holds it."""
    session.expire_all()
    return session.get(model, record_id)


def test_move_to_delivered_fills_an_empty_delivery_day_only(session: Session) -> None:
    first = gig(session, "A", status="active", started_on="2026-08-01")
    second = gig(session, "B", status="active", delivered_on="2026-08-20")
    move_gig(session=session, gig_id=first, status="delivered", hours_worked="2.5", today=TODAY)
    move_gig(session=session, gig_id=second, status="Delivered", today=TODAY)
    a, b = reread_record(session, Gig, first), reread_record(session, Gig, second)
    assert (a.status, a.delivered_on, a.minutes_worked, a.closed_on) == ("delivered", TODAY, 150, None)
    assert (b.status, b.delivered_on) == ("delivered", date(2026, 8, 20))


def test_move_to_a_closing_status_fills_the_closing_day(session: Session) -> None:
    done = gig(session, "A", status="delivered", closed_on="2026-08-30")
    lost = gig(session, "B", status="proposal sent")
    move_gig(session=session, gig_id=done, status="paid", today=TODAY)
    move_gig(session=session, gig_id=lost, status="lost", today=TODAY)
    assert reread_record(session, Gig, done).closed_on == date(2026, 8, 30)
    assert reread_record(session, Gig, lost).closed_on == TODAY


def test_move_to_declined_needs_a_reason_and_leaving_declined_clears_it(session: Session) -> None:
    g = gig(session, "Casino site", status="lead", price="500")
    with pytest.raises(InvalidInput, match="Say why you declined"):
        move_gig(session=session, gig_id=g, status="declined", reason="  ", today=TODAY)
    assert reread_record(session, Gig, g).status == "lead"
    move_gig(session=session, gig_id=g, status="declined",
             reason="The work is against my principles", today=TODAY)
    stored = reread_record(session, Gig, g)
    assert (stored.status, stored.decline_reason, stored.closed_on, stored.price_minor) == (
        "declined", "The work is against my principles", TODAY, 50000)
    move_gig(session=session, gig_id=g, status="lead", reason="ignored", today=TODAY)
    stored = reread_record(session, Gig, g)
    assert (stored.status, stored.decline_reason) == ("lead", "")


@pytest.mark.parametrize(("status", "hours"), [("won", None), ("active", "-1"), ("active", "two")])
def test_bad_move_changes_nothing(session: Session, status: str, hours: str | None) -> None:
    g = gig(session, "A", status="lead", hours_worked="1")
    before = reread_record(session, Gig, g).model_dump()
    with pytest.raises(InvalidInput):
        move_gig(session=session, gig_id=g, status=status, hours_worked=hours, today=TODAY)
    assert reread_record(session, Gig, g).model_dump() == before


def test_archive_keeps_everything_else_and_can_be_undone(session: Session) -> None:
    c = create_client(session=session, data=ClientInput(name="Acme", country="USA", notes="n"))
    archive_client(session=session, client_id=c.id)
    stored = reread_record(session, Client, c.id)
    assert (stored.archived, stored.name, stored.country, stored.notes) == (True, "Acme", "USA", "n")
    archive_client(session=session, client_id=c.id, archived=False)
    assert reread_record(session, Client, c.id).archived is False
    with pytest.raises(InvalidInput):
        archive_client(session=session, client_id=999)


def test_deletes_return_what_they_deleted(session: Session) -> None:
    c = create_client(session=session, data=ClientInput(name="Acme"))
    g = gig(session, "Logo")
    assert delete_client(session=session, client_id=c.id) == "Acme"
    assert delete_gig(session=session, gig_id=g) == "Logo"
