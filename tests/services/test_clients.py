"""Tests for tracker.services.clients: who pays, with unique names and safe deletes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import Session, select

from tests.databases import count
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Gig, Payment
from tracker.services.clients import (
    ClientInput,
    create_client,
    default_platform,
    delete_client,
    input_of,
    update_client,
)
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment


def acme(**changes: Any) -> ClientInput:
    """Return a full client input, with changes."""
    values: dict[str, Any] = {"name": "Acme Ltd", "platform": "Upwork", "country": "Canada",
                              "payment_verified": True, "notes": "Pays on Fridays"}
    return ClientInput(**{**values, **changes})


def reread(session: Session, client_id: int) -> Client:
    """Return the client as the database holds it."""
    session.expire_all()
    return session.exec(select(Client).where(Client.id == client_id)).one()


def test_client_is_stored_exactly(session: Session) -> None:
    c = create_client(session=session, data=acme())
    stored = reread(session, c.id)
    assert (stored.name, stored.platform, stored.country) == ("Acme Ltd", "Upwork", "Canada")
    assert (stored.payment_verified, stored.notes, stored.archived) == (True, "Pays on Fridays", False)


def test_defaults(session: Session) -> None:
    c = create_client(session=session, data=ClientInput(name="Rahim"))
    stored = reread(session, c.id)
    assert (stored.platform, stored.country, stored.payment_verified, stored.notes, stored.archived) == (
        "direct", "", False, "", False)


def test_forgiving_text(session: Session) -> None:
    """Names and notes are stripped; platform words match whatever their case."""
    c = create_client(session=session, data=acme(name="  Acme Ltd  ", platform="fiverr", country=" BD "))
    stored = reread(session, c.id)
    assert (stored.name, stored.platform, stored.country) == ("Acme Ltd", "Fiverr", "BD")


@pytest.mark.parametrize("platform", ["Upwork", "Fiverr", "Freelancer.com", "direct", "own website",
                                      "other"])
def test_every_platform_is_accepted(session: Session, platform: str) -> None:
    assert create_client(session=session, data=acme(platform=platform)).platform == platform


BAD_CLIENTS: list[tuple[str, dict[str, Any]]] = [
    ("missing name", {"name": ""}),
    ("blank name", {"name": "   "}),
    ("name too long", {"name": "n" * 201}),
    ("unknown platform", {"platform": "eBay"}),
    ("empty platform", {"platform": ""}),
    ("country too long", {"country": "c" * 81}),
    ("notes too long", {"notes": "x" * 4001}),
]


@pytest.mark.parametrize("changes", [c for _, c in BAD_CLIENTS], ids=[n for n, _ in BAD_CLIENTS])
def test_bad_client_is_refused_and_writes_nothing(session: Session, changes: dict[str, Any]) -> None:
    create_client(session=session, data=acme(name="First"))
    with pytest.raises(InvalidInput):
        create_client(session=session, data=acme(**changes))
    session.expire_all()
    assert count(session, Client) == 1


def test_longest_allowed_texts(session: Session) -> None:
    c = create_client(session=session, data=acme(name="n" * 200, country="c" * 80, notes="x" * 4000))
    assert (len(c.name), len(c.country), len(c.notes)) == (200, 80, 4000)


@pytest.mark.parametrize("name", ["Acme Ltd", "ACME LTD", " acme ltd ", "aCmE lTd"])
def test_duplicate_name_is_refused_whatever_the_case(session: Session, name: str) -> None:
    create_client(session=session, data=acme())
    with pytest.raises(InvalidInput):
        create_client(session=session, data=acme(name=name))
    session.expire_all()
    assert count(session, Client) == 1


def test_update_replaces_fields(session: Session) -> None:
    c = create_client(session=session, data=acme())
    update_client(session=session, client_id=c.id,
                  data=ClientInput(name="Acme Inc", platform="direct", archived=True))
    stored = reread(session, c.id)
    assert (stored.name, stored.platform, stored.country, stored.payment_verified) == (
        "Acme Inc", "direct", "", False)
    assert (stored.notes, stored.archived) == ("", True)


def test_update_may_keep_own_name_in_another_case(session: Session) -> None:
    c = create_client(session=session, data=acme())
    update_client(session=session, client_id=c.id, data=acme(name="ACME LTD"))
    assert reread(session, c.id).name == "ACME LTD"


@pytest.mark.parametrize("changes", [{"name": ""}, {"name": "other co"}, {"platform": "eBay"},
                                     {"notes": "x" * 4001}])
def test_bad_update_leaves_client_unchanged(session: Session, changes: dict[str, Any]) -> None:
    """Including a rename to another client's name (case-insensitive)."""
    create_client(session=session, data=ClientInput(name="Other Co"))
    c = create_client(session=session, data=acme())
    before = reread(session, c.id).model_dump()
    with pytest.raises(InvalidInput):
        update_client(session=session, client_id=c.id, data=acme(**changes))
    assert reread(session, c.id).model_dump() == before


def test_input_of_round_trips(session: Session) -> None:
    c = create_client(session=session, data=acme(archived=True))
    before = reread(session, c.id).model_dump()
    data = input_of(reread(session, c.id))
    assert data == acme(archived=True)
    update_client(session=session, client_id=c.id, data=data)
    assert reread(session, c.id).model_dump() == before


def test_update_unknown_client_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput):
        update_client(session=session, client_id=999, data=acme())
    assert count(session, Client) == 0


def test_delete_refused_while_a_gig_points_at_it(session: Session) -> None:
    c = create_client(session=session, data=acme())
    create_gig(session=session, data=GigInput(title="Logo", client_id=c.id))
    with pytest.raises(InvalidInput):
        delete_client(session=session, client_id=c.id)
    session.expire_all()
    assert (count(session, Client), count(session, Gig)) == (1, 1)


def test_delete_refused_while_a_payment_points_at_it(session: Session) -> None:
    c = create_client(session=session, data=acme())
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="10", rate="120",
                                                      client_id=c.id))
    with pytest.raises(InvalidInput):
        delete_client(session=session, client_id=c.id)
    session.expire_all()
    assert (count(session, Client), count(session, Payment)) == (1, 1)


def test_delete_allowed_without_links(session: Session) -> None:
    keep = create_client(session=session, data=ClientInput(name="Keep"))
    gone = create_client(session=session, data=acme())
    delete_client(session=session, client_id=gone.id)
    session.expire_all()
    assert session.exec(select(Client.id)).all() == [keep.id]


def test_delete_unknown_client_is_refused(session: Session) -> None:
    create_client(session=session, data=acme())
    with pytest.raises(InvalidInput):
        delete_client(session=session, client_id=999)
    assert count(session, Client) == 1


def test_new_work_starts_on_the_clients_platform(session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme", platform="Fiverr"))
    assert default_platform(session, client_id=acme.id) == "Fiverr"
    assert default_platform(session, client_id=acme.id, fallback="direct") == "Fiverr"
    assert default_platform(session, client_id=None) is None, "no client: nothing to follow"
    assert default_platform(session, client_id=None, fallback="direct") == "direct"
    assert default_platform(session, client_id=999) is None, "a client that is not there"
    assert default_platform(session, client_id=999, fallback="direct") == "direct"
