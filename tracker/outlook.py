"""The goal outlook as of today, and the month report that the CLI prints (JSON contract)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Session

from tracker.forecast import WINDOW, Forecast, forecast
from tracker.money import amount_text
from tracker.reports import MonthNet, add_months, first_month_with_money, month_summary, monthly_net
from tracker.services.common import month_of
from tracker.services.goals import goal_for_month

REPORT_MONEY = ("goal", "net", "gross", "fees", "expenses", "pending")


def goal_outlook(session: Session, today: date) -> Forecast:
    """Return the forecast from the recent months with money up to the current one."""
    return outlook_and_history(session, today)[0]


def outlook_and_history(session: Session, today: date) -> tuple[Forecast, list[MonthNet]]:
    """Return the forecast and what its chart shows: each month from the first one it used to the current one.

    The months are the ones the forecast read, so the chart costs no second query.
    """
    current = month_of(today)
    first = first_month_with_money(session) or current
    start = max(min(first, current), add_months(current, -WINDOW))  # the forecast reads no further back
    history = monthly_net(session, start, current)
    trend = forecast(history, current, goal_for_month(session, current))
    shown = [m for m in history if m.month >= trend.months_used[0]] if trend.months_used else []
    return trend, shown


def month_report(session: Session, month: str, today: date) -> dict[str, object]:
    """Return the month's figures as the JSON contract of `report --json` describes them."""
    summary = month_summary(session, month)
    outlook = goal_outlook(session, today)
    minor = {"goal": summary.goal_minor, "net": summary.net_minor, "gross": summary.gross_minor,
             "fees": summary.fees_minor, "expenses": summary.expenses_minor,
             "pending": summary.pending_minor}
    return {
        "month": month,
        "currency": summary.currency,
        **{name: amount_text(minor[name], summary.currency) for name in REPORT_MONEY},
        "progress": summary.progress.quantize(Decimal("0.000001")),
        "goal_reached_month": outlook.goal_month,
        "outlook": outlook.outlook.value,
    }
