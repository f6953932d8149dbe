"""When the goal is reached at the recent trend: a least-squares line through recent months.

Method (shown to the person on the Dashboard):
- Take up to the last six *complete* months before the current one, starting no earlier than the
  first month with any money in or out. The current month is left out: it is not over yet.
- With fewer than three such months, say that more data is needed.
- Fit net income = a + b × month number by least squares, in exact Decimal arithmetic.
- If the line reaches the goal (the goal in force now) within ten years, the first month from
  the current one on where it does is the forecast. If it does not (a flat or falling trend),
  say so, and give the steady monthly growth from the last complete month's net income that
  would reach the goal within twelve months: (goal ÷ last)^(1/12) − 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from enum import StrEnum

from sqlmodel import Session

from tracker.ledger.months import MonthNet, MonthSummary, add_months, month_of, round_half_up
from tracker.reports.month import first_month_with_money, month_summary, monthly_net
from tracker.services.goals import goal_for_month

WINDOW = 6
MINIMUM_MONTHS = 3
HORIZON_MONTHS = 120
GROWTH_MONTHS = 12


class Outlook(StrEnum):
    """What the trend says about the goal."""

    NEED_MORE_DATA = "need more data"
    REACHED = "reached"
    ON_TRACK = "on track"
    NOT_AT_THIS_PACE = "not at this pace"


@dataclass(frozen=True)
class Forecast:
    """The trend through recent months and what it means for the goal."""

    outlook: Outlook
    months_used: list[str]
    slope_minor: Decimal = Decimal(0)
    goal_month: str | None = None
    growth_needed: Decimal | None = None
    projection: list[tuple[str, int]] = field(default_factory=list)


def forecast(history: list[MonthNet], current_month: str, goal_minor: int) -> Forecast:
    """Return the forecast from monthly net income (oldest first) as of the current month."""
    complete = [m for m in history if m.month < current_month][-WINDOW:]
    if len(complete) < MINIMUM_MONTHS:
        return Forecast(outlook=Outlook.NEED_MORE_DATA, months_used=[m.month for m in complete])
    intercept, slope = least_squares([Decimal(m.net_minor) for m in complete])
    start = len(complete)  # x of the current month
    line = [(add_months(current_month, k), round_half_up(intercept + slope * (start + k)))
            for k in range(HORIZON_MONTHS + 1)]
    used = [m.month for m in complete]
    hit = next((k for k, (_, value) in enumerate(line) if value >= goal_minor), None)
    if hit is not None:
        outlook = Outlook.REACHED if hit == 0 else Outlook.ON_TRACK
        return Forecast(outlook=outlook, months_used=used, slope_minor=slope, goal_month=line[hit][0],
                        projection=line[: max(hit + 1, GROWTH_MONTHS)])
    return Forecast(outlook=Outlook.NOT_AT_THIS_PACE, months_used=used, slope_minor=slope,
                    growth_needed=growth_needed(complete[-1].net_minor, goal_minor),
                    projection=line[:GROWTH_MONTHS])


def least_squares(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    """Return (intercept, slope) of the least-squares line through (0, v0), (1, v1), …"""
    n = Decimal(len(values))
    xs = [Decimal(i) for i in range(len(values))]
    mean_x, mean_y = sum(xs) / n, sum(values) / n
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, values, strict=True)) / spread
    return mean_y - slope * mean_x, slope


def growth_needed(last_minor: int, goal_minor: int) -> Decimal | None:
    """Return the monthly growth rate (0.05 = 5%) that turns last month into the goal in a year."""
    if last_minor <= 0:
        return None
    if last_minor >= goal_minor:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = 28
        ratio = Decimal(goal_minor) / Decimal(last_minor)
        return ((ratio.ln() / GROWTH_MONTHS).exp() - 1).quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class GoalOutlook:
    """The forecast as of today, and the months its chart shows (the ones it read)."""

    forecast: Forecast
    history: list[MonthNet]


def outlook_and_history(session: Session, today: date) -> GoalOutlook:
    """Return the forecast and each month from the first one it used to the current one.

    The months are the ones the forecast read, so the chart costs no second query.
    """
    current = month_of(today)
    first = first_month_with_money(session) or current
    start = max(min(first, current), add_months(current, -WINDOW))  # the forecast reads no further back
    history = monthly_net(session, start, current)
    trend = forecast(history, current, goal_for_month(session, current))
    shown = [m for m in history if m.month >= trend.months_used[0]] if trend.months_used else []
    return GoalOutlook(forecast=trend, history=shown)


def goal_outlook(session: Session, today: date) -> Forecast:
    """Return the forecast from the recent months with money up to the current one."""
    return outlook_and_history(session, today).forecast


@dataclass(frozen=True)
class MonthReport:
    """What `report` prints: a month's figures and the goal outlook as of today."""

    summary: MonthSummary
    forecast: Forecast


def month_report(session: Session, month: str, today: date) -> MonthReport:
    """Return the month's summary and the outlook as of today."""
    return MonthReport(summary=month_summary(session, month), forecast=goal_outlook(session, today))
