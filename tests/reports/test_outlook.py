"""The goal outlook (tracker/reports/outlook.py): the forecast reads only the months it uses."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlmodel import Session

from tracker.reports.forecast import forecast
from tracker.reports.month import first_month_with_money, monthly_net
from tracker.reports.outlook import goal_outlook, outlook_and_history
from tracker.services.goals import goal_for_month
from tracker.services.payments import PaymentInput, create_payment


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
    trend, history = outlook_and_history(busy, today)
    current = f"{today.year:04d}-{today.month:02d}"
    assert trend == goal_outlook(busy, today)
    if trend.months_used:
        assert history == monthly_net(busy, trend.months_used[0], current)
    else:
        assert history == []
