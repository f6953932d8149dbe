"""Clients: who pays for the work."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, SQLModel, col, func, select

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Gig, Payment, Platform
from tracker.services.common import (
    choice,
    existing,
    optional_text,
    remove,
    replace_fields,
    required_text,
    store,
)


class ClientInput(SQLModel):
    """What a person says about a client, as typed."""

    name: str
    platform: str = Platform.DIRECT.value
    country: str = ""
    payment_verified: bool = False
    notes: str = ""
    archived: bool = False
    asks_upfront: bool = False


def create_client(*, session: Session, data: ClientInput) -> Client:
    """Check and store a client; return it."""
    return store(session, Client(**client_values(session, data, client_id=None)))


def update_client(*, session: Session, client_id: int, data: ClientInput) -> Client:
    """Replace a client's fields with checked new ones; return it."""
    client = existing(session, Client, client_id, field="client")
    return replace_fields(session, client, client_values(session, data, client_id=client_id))


def delete_client(*, session: Session, client_id: int) -> str:
    """Delete a client that no gig or payment points at, else refuse (archive instead); return its name."""
    client = existing(session, Client, client_id, field="client")
    gigs = session.exec(select(func.count()).where(Gig.client_id == client_id)).one()
    payments = session.exec(select(func.count()).where(Payment.client_id == client_id)).one()
    if gigs or payments:
        raise InvalidInput("{name} still has {gigs} gigs and {payments} payments. Archive the "
                           "client instead, or delete those first.", field="client",
                           name=client.name, gigs=gigs, payments=payments)
    name = client.name
    remove(session, client)
    return name


def archive_client(*, session: Session, client_id: int, archived: bool = True) -> Client:
    """Archive a client (or bring one back), keeping its gigs and payments; return it."""
    client = existing(session, Client, client_id, field="client")
    return replace_fields(session, client, {"archived": bool(archived)})


def input_of(client: Client) -> ClientInput:
    """Return the input that would store this client again."""
    return ClientInput(**client.model_dump(include=set(ClientInput.model_fields)))


def client_values(session: Session, data: ClientInput, *, client_id: int | None) -> dict[str, Any]:
    """Return checked column values; refuse a name another client already has."""
    name = required_text(data.name, field="client name", max_length=Client.name)
    same = select(Client.id).where(func.lower(Client.name) == name.lower())
    if client_id is not None:
        same = same.where(col(Client.id) != client_id)
    if session.exec(same).first() is not None:
        raise InvalidInput("A client called “{name}” exists already.", field="client name",
                           name=name)
    return {
        "name": name, "platform": choice(data.platform, Platform, field="platform"),
        "country": optional_text(data.country, field="country", max_length=Client.country),
        "payment_verified": bool(data.payment_verified),
        "notes": optional_text(data.notes, field="notes", max_length=Client.notes),
        "archived": bool(data.archived),
        "asks_upfront": bool(data.asks_upfront),
    }


def default_platform(session: Session, *, client_id: int | None, fallback: str | None = None) -> str | None:
    """Return the platform new work for a client starts on: the client's own, else `fallback`."""
    client = session.get(Client, client_id) if client_id is not None else None
    return client.platform if client is not None else fallback
