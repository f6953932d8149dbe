"""The one clock: it runs, and a frozen clock shows the same day everywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tracker.ledger import clock


def test_a_running_clock_shows_the_days_date() -> None:
    assert abs(datetime.now() - clock.now()) < timedelta(seconds=5)
    assert clock.today() in {date.today(), date.today() - timedelta(days=1)}
    assert clock.utc_now().tzinfo is UTC


def test_frozen_today_stops_every_reading(frozen_today: date) -> None:
    assert clock.today() == frozen_today
    assert clock.now().date() == frozen_today
    assert clock.utc_now() == clock.now().astimezone(UTC)


def test_freeze_none_lets_it_run_again() -> None:
    clock.freeze(datetime(2001, 2, 3, 4, 5))
    assert clock.today() == date(2001, 2, 3)
    clock.freeze(None)
    assert clock.today() != date(2001, 2, 3)
