"""Tests for tracker.reports.pipeline: gigs by status and their agreed value, the newest gigs, inputs.

Expected values are worked out by hand in the comments (the `book` of conftest.py).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import Session

from tracker.reports import pipeline
from tracker.reports.pipeline import StatusTotal
from tracker.services.gigs import GigInput, create_gig


def test_totals_by_status_count_and_sum_per_currency(session: Session, book: Any) -> None:
    """Delivered: ৳5,000 + $4.17 + $100 + $70 + $40 (no client) + €80."""
    assert pipeline.totals_by_status(session) == [
        StatusTotal("lead", 1, (("USD", 99900),)),
        StatusTotal("proposal sent", 0, ()),
        StatusTotal("active", 2, (("USD", 32000),)),
        StatusTotal("delivered", 6, (("EUR", 8000), ("USD", 21417), ("BDT", 500000))),
        StatusTotal("paid", 1, (("USD", 5000),)),
        StatusTotal("lost", 0, ()),
        StatusTotal("declined", 1, (("USD", 6000),)),
        StatusTotal("cancelled", 0, ()),
    ]


@pytest.mark.parametrize(("price", "hours", "value"), [
    ("0.01", "0.5", 1),       # 1 cent × 30 min / 60 = 0.5 → 1 (half up)
    ("0.01", "0.48", 0),      # 1 × 29 / 60 = 0.48 → 0 (0.48 h is 28.8 → 29 minutes)
    ("12.50", "1.5", 1875),   # 1250 × 90 / 60
    ("30", "0", 0),           # nothing worked yet
])
def test_hourly_value_is_price_times_hours_rounded_once(session: Session, price: str, hours: str,
                                                        value: int) -> None:
    create_gig(session=session, data=GigInput(title="Hourly", pricing="hourly", price=price,
                                              hours_worked=hours, status="active"))
    expected = (("USD", value),) if value else ()
    assert pipeline.totals_by_status(session)[2] == StatusTotal("active", 1, expected)


def test_ordered_puts_the_home_currency_last_and_drops_zeros() -> None:
    assert pipeline.ordered({"BDT": 5, "USD": 3, "EUR": 0, "AUD": 1}, "BDT") == (
        ("AUD", 1), ("USD", 3), ("BDT", 5))
    assert pipeline.ordered({"BDT": 5, "USD": 3}, "USD") == (("BDT", 5), ("USD", 3))


def test_gigs_newest_first_and_filtered(session: Session, book: Any) -> None:
    every = pipeline.gigs(session)
    assert [g.id for g in every] == sorted(book.gigs.values(), reverse=True)
    delivered = pipeline.gigs(session, "delivered")
    assert [g.title for g in delivered] == ["Menu", "Own", "Flyer", "Logo", "Fixes", "Banner"]
    fixes = next(g for g in delivered if g.title == "Fixes")
    assert (fixes.client, fixes.pricing, fixes.currency, fixes.price_minor, fixes.minutes_worked,
            fixes.value_minor) == ("Acme", "hourly", "USD", 1250, 20, 417)  # "$12.50", "0.33", "$4.17"
    assert next(g for g in delivered if g.title == "Own").client == ""
    assert [g.decline_reason for g in pipeline.gigs(session, "declined")] == ["principles"]
    assert [g.title for g in pipeline.gigs(session, None, 2)] == ["Casino", "Poster"]
    assert pipeline.gigs(session, "lost") == []


def test_inputs_for_forms(session: Session, book: Any) -> None:
    data = pipeline.gig_input(session, book.gigs["hourly"])
    assert data is not None
    assert (data.title, data.pricing, str(data.price), str(data.hours_worked), data.delivered_on) == (
        "Fixes", "hourly", "12.50", "0.33", date(2026, 8, 18))
    client = pipeline.client_input(session, book.acme)
    assert client is not None and client.name == "Acme"
    assert pipeline.gig_input(session, 999) is None
    assert pipeline.client_input(session, 999) is None


def test_pipeline_counts_and_win_rate(scenario: Session) -> None:
    counts = pipeline.pipeline_counts(scenario)
    assert counts == {"lead": 1, "proposal sent": 0, "active": 1, "delivered": 0, "paid": 2, "lost": 1,
                      "declined": 1, "cancelled": 0}
    assert pipeline.win_rate(counts) == Decimal("0.75")
    assert pipeline.win_rate(dict.fromkeys(counts, 0)) is None
