"""The one clock: today's date and the time now, read here only, so that tests can freeze it.

Every `today()` of the app and the command line comes from this module. Tests freeze it with the
`frozen_today` fixture (tests/conftest.py), which calls `freeze`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

_frozen: datetime | None = None  # the local time the clock shows while frozen (tests)


def now() -> datetime:
    """Return the local time now, without a time zone (as datetime.now())."""
    return _frozen if _frozen is not None else datetime.now()


def today() -> date:
    """Return today's local date."""
    return now().date()


def utc_now() -> datetime:
    """Return the time now in UTC, with its time zone (for stored timestamps)."""
    return _frozen.astimezone(UTC) if _frozen is not None else datetime.now(UTC)


def freeze(moment: datetime | None) -> None:
    """Stop the clock at a local time (None: let it run again)."""
    global _frozen
    _frozen = moment
