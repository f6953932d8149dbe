"""Validation helpers every service uses, and the one way a service commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from sqlalchemy.exc import DataError, IntegrityError
from sqlmodel import Session, SQLModel

from tracker.ledger.errors import InvalidInput, NotFound
from tracker.ledger.money import to_latin_digits
from tracker.ledger.months import EARLIEST_YEAR, LATEST_YEAR
from tracker.ledger.months import month_of as month_of
from tracker.ledger.months import parse_month as parse_month

T = TypeVar("T", bound=SQLModel)
E = TypeVar("E", bound=StrEnum)


def parse_day(value: date | str | None, *, field: str = "date", required: bool = True) -> date | None:
    """Return a real calendar date from a date or 'YYYY-MM-DD' text; refuse impossible dates."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InvalidInput("Please give the {field}.", field=field)
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        text = to_latin_digits(value.strip())
        try:
            value = date.fromisoformat(text)
        except ValueError:
            raise InvalidInput("“{text}” is not a date that exists. Use YYYY-MM-DD, like 2026-08-03.",
                               field=field, text=value.strip()) from None
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise InvalidInput("The {field} {day} is outside the years {first}–{last}.", field=field,
                           day=value.isoformat(), first=EARLIEST_YEAR, last=LATEST_YEAR)
    return value


def required_text(value: str | None, *, field: str, max_length: int | Any) -> str:
    """Return stripped text, refusing empty or too long text."""
    text = (value or "").strip()
    if not text:
        raise InvalidInput("Please give the {field}.", field=field)
    return optional_text(text, field=field, max_length=max_length)


def optional_text(value: str | None, *, field: str, max_length: int | Any) -> str:
    """Return stripped text (possibly empty), refusing text over the length limit.

    The limit is a number, or a model's column (`Gig.title`), whose own max_length applies.
    """
    text = (value or "").strip()
    if not isinstance(max_length, int):
        max_length = int(max_length.type.length)
    if len(text) > max_length:
        raise InvalidInput("The {field} is too long: at most {limit} characters.", field=field,
                           limit=max_length)
    return text


def choice(value: str | None, allowed: type[E], *, field: str) -> str:
    """Return the value if it is one of the enum's words (case-insensitive), else refuse."""
    found = _words(allowed).get((value or "").strip().lower())
    if found is not None:
        return found
    raise InvalidInput("“{value}” is not a valid {field}. Choose one of: {options}.", field=field,
                       value=(value or "").strip(), options=", ".join(m.value for m in allowed))


@cache
def _words(allowed: type[StrEnum]) -> dict[str, str]:
    """Return an enum's words by their lower-case form (the first member wins, as a search would)."""
    words: dict[str, str] = {}
    for member in allowed:
        words.setdefault(member.value.lower(), member.value)
    return words


def existing(session: Session, model: type[T], record_id: int | None, *, field: str) -> T:
    """Return the record with that id, or refuse with a clear message."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise NotFound("That {field} does not exist (any more). Refresh and choose again.",
                       field=field)
    return record


def optional_ref(session: Session, model: type[T], record_id: int | None, *, field: str) -> int | None:
    """Return the id if it points at an existing record, None if not given, else refuse."""
    if record_id is None:
        return None
    return existing(session, model, record_id, field=field).id


def non_negative_int(value: int | str | None, *, field: str, default: int = 0) -> int:
    """Return a whole number ≥ 0 (minutes, counts), accepting Bengali digits in text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    text = to_latin_digits(str(value).strip())
    if not text.isdigit():
        raise InvalidInput("The {field} must be a whole number, 0 or more.", field=field)
    return int(text)


@contextmanager
def writing(session: Session) -> Iterator[Session]:
    """Commit what the block adds, or roll everything back and re-raise; one transaction."""
    try:
        yield session
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise InvalidInput("This would duplicate or break a link to another record: {detail}",
                           detail=str(exc.orig).split("\n")[0]) from exc
    except DataError as exc:  # PostgreSQL: a text longer than its column (from a hand-edited backup, say)
        session.rollback()
        raise InvalidInput("A value does not fit where the database keeps it: {detail}",
                           detail=str(exc.orig).split("\n")[0]) from exc
    except BaseException:
        session.rollback()
        raise


def store(session: Session, record: T) -> T:
    """Add or save one record in its own transaction; return it fresh from the database."""
    with writing(session):
        session.add(record)
    session.refresh(record)
    return record


def replace_fields(session: Session, record: T, values: dict[str, object]) -> T:
    """Set checked values on a record and save it in one transaction; return it."""
    for name, value in values.items():
        setattr(record, name, value)
    return store(session, record)


def remove(session: Session, record: SQLModel) -> None:
    """Delete one record in its own transaction."""
    with writing(session):
        session.delete(record)
