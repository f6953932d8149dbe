"""The service steps the Gigs and Clients pages use: moving a gig along, archiving, deletes that name what
went (moved from the old tests/test_pipeline.py; they belong with tests/services/test_gigs.py and
test_clients.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import Session

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Gig
from tracker.services.clients import ClientInput, archive_client, create_client, delete_client
from tracker.services.gigs import GigInput, create_gig, delete_gig, move_gig

TODAY = date(2026, 9, 1)


def gig(session: Session, title: str, **values: Any) -> int:
    """Store a gig and return its id."""
    return create_gig(session=session, data=GigInput(title=title, **values)).id


def reread(session: Session, model: type[Any], record_id: int) -> Any:
    """Return a record as the database holds it."""
    session.expire_all()
    return session.get(model, record_id)


def test_move_to_delivered_fills_an_empty_delivery_day_only(session: Session) -> None:
    first = gig(session, "A", status="active", started_on="2026-08-01")
    second = gig(session, "B", status="active", delivered_on="2026-08-20")
    move_gig(session=session, gig_id=first, status="delivered", hours_worked="2.5", today=TODAY)
    move_gig(session=session, gig_id=second, status="Delivered", today=TODAY)
    a, b = reread(session, Gig, first), reread(session, Gig, second)
    assert (a.status, a.delivered_on, a.minutes_worked, a.closed_on) == ("delivered", TODAY, 150, None)
    assert (b.status, b.delivered_on) == ("delivered", date(2026, 8, 20))


def test_move_to_a_closing_status_fills_the_closing_day(session: Session) -> None:
    done = gig(session, "A", status="delivered", closed_on="2026-08-30")
    lost = gig(session, "B", status="proposal sent")
    move_gig(session=session, gig_id=done, status="paid", today=TODAY)
    move_gig(session=session, gig_id=lost, status="lost", today=TODAY)
    assert reread(session, Gig, done).closed_on == date(2026, 8, 30)
    assert reread(session, Gig, lost).closed_on == TODAY


def test_move_to_declined_needs_a_reason_and_leaving_declined_clears_it(session: Session) -> None:
    g = gig(session, "Casino site", status="lead", price="500")
    with pytest.raises(InvalidInput, match="Say why you declined"):
        move_gig(session=session, gig_id=g, status="declined", reason="  ", today=TODAY)
    assert reread(session, Gig, g).status == "lead"
    move_gig(session=session, gig_id=g, status="declined",
             reason="The work is against my principles", today=TODAY)
    stored = reread(session, Gig, g)
    assert (stored.status, stored.decline_reason, stored.closed_on, stored.price_minor) == (
        "declined", "The work is against my principles", TODAY, 50000)
    move_gig(session=session, gig_id=g, status="lead", reason="ignored", today=TODAY)
    assert (reread(session, Gig, g).status, reread(session, Gig, g).decline_reason) == ("lead", "")


@pytest.mark.parametrize(("status", "hours"), [("won", None), ("active", "-1"), ("active", "two")])
def test_bad_move_changes_nothing(session: Session, status: str, hours: str | None) -> None:
    g = gig(session, "A", status="lead", hours_worked="1")
    before = reread(session, Gig, g).model_dump()
    with pytest.raises(InvalidInput):
        move_gig(session=session, gig_id=g, status=status, hours_worked=hours, today=TODAY)
    assert reread(session, Gig, g).model_dump() == before


def test_archive_keeps_everything_else_and_can_be_undone(session: Session) -> None:
    c = create_client(session=session, data=ClientInput(name="Acme", country="USA", notes="n"))
    archive_client(session=session, client_id=c.id)
    stored = reread(session, Client, c.id)
    assert (stored.archived, stored.name, stored.country, stored.notes) == (True, "Acme", "USA", "n")
    archive_client(session=session, client_id=c.id, archived=False)
    assert reread(session, Client, c.id).archived is False
    with pytest.raises(InvalidInput):
        archive_client(session=session, client_id=999)


def test_deletes_return_what_they_deleted(session: Session) -> None:
    c = create_client(session=session, data=ClientInput(name="Acme"))
    g = gig(session, "Logo")
    assert delete_client(session=session, client_id=c.id) == "Acme"
    assert delete_gig(session=session, gig_id=g) == "Logo"
