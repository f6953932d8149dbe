"""The goal forecast: a least-squares line through up to six complete months."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest
from sqlmodel import Session

from tracker.ledger.months import MonthNet, add_months
from tracker.reports.forecast import (
    Outlook,
    forecast,
    goal_outlook,
    growth_needed,
    least_squares,
    outlook_and_history,
)
from tracker.reports.month import first_month_with_money, monthly_net
from tracker.services.goals import goal_for_month
from tracker.services.payments import PaymentInput, create_payment

GOAL = 10_000_000  # ৳1,00,000 in poisha


def history(first: str, nets_in_taka: list[int]) -> list[MonthNet]:
    """Return consecutive months from `first` with these net incomes in whole taka."""
    return [MonthNet(month=add_months(first, i), net_minor=taka * 100, goal_minor=GOAL)
            for i, taka in enumerate(nets_in_taka)]


def test_least_squares_fits_a_straight_line_exactly() -> None:
    assert least_squares([Decimal(v) for v in (2, 4, 6, 8)]) == (Decimal(2), Decimal(2))


def test_a_rising_trend_names_the_month_the_goal_is_reached() -> None:
    """20k, 30k … 70k from May to October: +10k a month → 80k Nov, 90k Dec, 1,00,000 Jan."""
    result = forecast(history("2026-05", [20000, 30000, 40000, 50000, 60000, 70000]), "2026-11", GOAL)
    assert result.outlook is Outlook.ON_TRACK
    assert result.goal_month == "2027-01"
    assert result.slope_minor == Decimal(1_000_000)
    assert result.months_used == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
    assert result.projection[:3] == [("2026-11", 8_000_000), ("2026-12", 9_000_000),
                                     ("2027-01", 10_000_000)]


def test_only_the_last_six_complete_months_count_and_not_the_current_one() -> None:
    """Eight months of 10k then a huge current month: the window is flat at 10k."""
    months = history("2026-03", [90000, 90000, 10000, 10000, 10000, 10000, 10000, 10000, 500000])
    result = forecast(months, "2026-11", GOAL)
    assert result.months_used[0] == "2026-05"
    assert result.months_used[-1] == "2026-10"
    assert result.outlook is Outlook.NOT_AT_THIS_PACE
    assert result.goal_month is None


@pytest.mark.parametrize("nets", [[], [5000], [5000, 8000]])
def test_fewer_than_three_months_needs_more_data(nets: list[int]) -> None:
    result = forecast(history("2026-08", nets) + history("2026-11", [99999]), "2026-11", GOAL)
    assert result.outlook is Outlook.NEED_MORE_DATA
    assert result.goal_month is None


def test_a_flat_trend_says_what_growth_would_reach_the_goal_in_a_year() -> None:
    """30k a month flat: (1,00,000 ÷ 30,000)^(1/12) − 1 = 10.55% a month."""
    result = forecast(history("2026-07", [30000, 30000, 30000, 30000]), "2026-11", GOAL)
    assert result.outlook is Outlook.NOT_AT_THIS_PACE
    assert result.growth_needed == Decimal("0.1055")
    assert len(result.projection) == 12


def test_a_falling_trend_is_not_at_this_pace() -> None:
    result = forecast(history("2026-07", [60000, 50000, 40000, 30000]), "2026-11", GOAL)
    assert result.outlook is Outlook.NOT_AT_THIS_PACE
    assert result.slope_minor == Decimal(-1_000_000)
    assert result.growth_needed == Decimal("0.1055")  # from the last month, 30k


def test_a_trend_already_above_the_goal_is_reached_now() -> None:
    result = forecast(history("2026-08", [110000, 120000, 130000]), "2026-11", GOAL)
    assert result.outlook is Outlook.REACHED
    assert result.goal_month == "2026-11"


def test_growth_needs_some_income_to_grow_from() -> None:
    assert growth_needed(0, GOAL) is None
    assert growth_needed(-500, GOAL) is None
    assert growth_needed(GOAL, GOAL) == 0
    assert growth_needed(GOAL // 2, GOAL) == Decimal("0.0595")  # 2^(1/12) − 1


@pytest.mark.parametrize("today", [date(2026, 11, 21), date(2026, 3, 2), date(2025, 12, 31),
                                   date(2024, 1, 5)])
def test_the_forecast_reads_only_the_months_it_uses(session: Session, today: date) -> None:
    rng = random.Random(today.toordinal())
    for _ in range(40):
        month = f"20{rng.randint(25, 26)}-{rng.randint(1, 12):02d}"
        create_payment(session=session, data=PaymentInput(paid_on=f"{month}-10", currency="BDT",
                                                          gross=str(rng.randint(1_000, 150_000))))
    current = f"{today.year:04d}-{today.month:02d}"
    first = first_month_with_money(session) or current
    everything = forecast(monthly_net(session, min(first, current), current), current,
                          goal_for_month(session, current))
    assert goal_outlook(session, today) == everything


@pytest.mark.parametrize("today", [date(2026, 11, 21), date(2026, 3, 2), date(2025, 2, 1), date(2024, 1, 5)])
def test_the_forecast_chart_shows_the_months_the_forecast_read(busy: Session, today: date) -> None:
    outlook = outlook_and_history(busy, today)
    trend, history = outlook.forecast, outlook.history
    current = f"{today.year:04d}-{today.month:02d}"
    assert trend == goal_outlook(busy, today)
    if trend.months_used:
        assert history == monthly_net(busy, trend.months_used[0], current)
    else:
        assert history == []
