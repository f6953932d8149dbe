"""Many records at once, each checked exactly like a form checks one: a long history in one go.

Every function takes a list of the same inputs the one-record services take (ClientInput,
GigInput, PaymentInput, ...), checks each with the same value builders (client_values,
gig_values, payment_values, ...), and inserts them in chunks in one transaction: all of them, or
none (the first refused input is named by its position, counted from 1). The new ids come back
in input order, so that gigs can point at clients made a moment before.
Used by the scale benchmarks (benchmarks/) to build ten years of data through the project's code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import insert
from sqlmodel import Session, SQLModel, col, select

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Expense, Gig, LearningSession, Payment, Skill
from tracker.services.clients import ClientInput, client_values
from tracker.services.common import writing
from tracker.services.expenses import ExpenseInput, expense_values
from tracker.services.gigs import GigInput, gig_values
from tracker.services.payments import PaymentInput, payment_values
from tracker.services.skills import LearningInput, SkillInput, learning_values, skill_values

CHUNK = 5000
Item = TypeVar("Item")


def add_skills(*, session: Session, data: Sequence[SkillInput]) -> list[int]:
    """Check and store skills (names unique, also within the list); return their ids."""
    unique_names(data, "skill name", "You have a skill called “{name}” already.")
    return _add(session, Skill, data, lambda s, d: skill_values(s, d, skill_id=None))


def add_clients(*, session: Session, data: Sequence[ClientInput]) -> list[int]:
    """Check and store clients (names unique, also within the list); return their ids."""
    unique_names(data, "client name", "A client called “{name}” exists already.")
    return _add(session, Client, data, lambda s, d: client_values(s, d, client_id=None))


def add_gigs(*, session: Session, data: Sequence[GigInput]) -> list[int]:
    """Check and store gigs of existing clients and skills; return their ids."""
    with kept(session, Client, (d.client_id for d in data)), kept(session, Skill, (d.skill_id for d in data)):
        return _add(session, Gig, data, gig_values)


def add_learning(*, session: Session, data: Sequence[LearningInput]) -> list[int]:
    """Check and store learning sessions of existing skills; return their ids."""
    with kept(session, Skill, (d.skill_id for d in data)):
        return _add(session, LearningSession, data, learning_values)


def add_payments(*, session: Session, data: Sequence[PaymentInput]) -> list[int]:
    """Check and store payments (converted into the home currency once, like a form); return their ids."""
    with kept(session, Gig, (d.gig_id for d in data)), kept(session, Client, (d.client_id for d in data)):
        return _add(session, Payment, data, payment_values)


def add_expenses(*, session: Session, data: Sequence[ExpenseInput]) -> list[int]:
    """Check and store expenses; return their ids."""
    return _add(session, Expense, data, expense_values)


def unique_names(data: Sequence[Any], field: str, message: str) -> None:
    """Refuse a list in which two inputs have the same name (ignoring case)."""
    seen: set[str] = set()
    for number, item in enumerate(data, start=1):
        name = (item.name or "").strip().lower()
        if name and name in seen:
            raise InvalidInput("Record {number} was refused: {reason}", field=field, number=number,
                               reason=message.format(name=item.name.strip()))
        seen.add(name)


def _add(session: Session, model: type[SQLModel], data: Sequence[Item],
         values: Callable[[Any, Item], dict[str, Any]]) -> list[int]:
    """Check every input, then insert them all in one transaction; return the new ids in order."""
    defaults = {name: field.get_default(call_default_factory=True)
                for name, field in model.model_fields.items() if name != "id" and not field.is_required()}
    rows = []
    for number, item in enumerate(data, start=1):
        try:
            rows.append({**defaults, **values(session, item)})
        except InvalidInput as err:
            raise InvalidInput("Record {number} was refused: {reason}", field=err.field, number=number,
                               reason=str(err)) from err
    table = model.__table__  # type: ignore[attr-defined]
    ids: list[int] = []
    with writing(session):
        for start in range(0, len(rows), CHUNK):
            query = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            ids.extend(session.execute(query, rows[start:start + CHUNK]).scalars().all())
    return ids


class kept:  # noqa: N801  (used like a function in `with`)
    """Keep the records with these ids loaded while a batch is checked (one query, not one per input)."""

    def __init__(self, session: Session, model: type[SQLModel], ids: Iterable[int | None]) -> None:
        self.session, self.model = session, model
        self.ids = sorted({i for i in ids if i is not None})
        self.records: list[Any] = []

    def __enter__(self) -> list[Any]:
        """Load the records into the session; return them (held, so the session keeps them)."""
        key = col(self.model.id)  # type: ignore[attr-defined]
        for start in range(0, len(self.ids), 900):
            chunk = self.ids[start:start + 900]
            self.records.extend(self.session.exec(select(self.model).where(key.in_(chunk))).all())
        return self.records

    def __exit__(self, *_exc: object) -> None:
        """Let the records go."""
        self.records.clear()
