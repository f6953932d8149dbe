"""A month's figures and the goal outlook, in plain SQL, read through any connection.

The Dashboard's month readers (tracker.reports.month, tracker.reports.outlook, through a session)
`python -m tracker report` share this code. It imports nothing from SQLAlchemy, so that the report
can be answered from a SQLite file with the standard library alone (tracker.reports.quick), without
the half second that loading the ORM takes. Every statement is plain SQL with named parameters
(`:month`), which SQLAlchemy's text() (SQLite and PostgreSQL) and sqlite3 both take. Sums are summed
by the database on the (month, status) indexes, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from tracker.ledger.money import HOME_CURRENCY, amount_text
from tracker.ledger.months import (
    DEFAULT_GOAL_MINOR,
    MonthNet,
    MonthSummary,
    add_months,
    goal_in,
    month_of,
    months_between,
)
from tracker.reports.forecast import WINDOW, Forecast, forecast

# Runs one statement with its parameters and returns every row.
Rows = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]
CLEARED, PENDING = "cleared", "pending"  # tracker.ledger.models.PaymentStatus (a test checks they agree)
REPORT_MONEY = ("goal", "net", "gross", "fees", "expenses", "pending")

MONTH_TOTALS = ("SELECT status, SUM(gross_home_minor), SUM(fees_home_minor), SUM(net_home_minor) "
                "FROM payment WHERE month = :month GROUP BY status")
MONTH_EXPENSES = "SELECT SUM(amount_home_minor) FROM expense WHERE month = :month"
NET_BY_MONTH = ("SELECT month, SUM(net_home_minor) FROM payment "
                "WHERE status = :cleared AND month >= :first AND month <= :last GROUP BY month")
SPENT_BY_MONTH = ("SELECT month, SUM(amount_home_minor) FROM expense "
                  "WHERE month >= :first AND month <= :last GROUP BY month")
FIRST_MONTHS = "SELECT (SELECT MIN(month) FROM payment), (SELECT MIN(month) FROM expense)"
GOALS = "SELECT valid_from, target_minor FROM goal ORDER BY valid_from"
GOAL_OF_MONTH = ("SELECT target_minor FROM goal WHERE valid_from <= :month "
                 "ORDER BY valid_from DESC LIMIT 1")
SETTING = "SELECT value FROM setting WHERE key = :key"


def home_currency(rows: Rows) -> str:
    """Return the home currency code (BDT unless set)."""
    found = rows(SETTING, {"key": "home_currency"})
    return str(found[0][0]) if found else HOME_CURRENCY


def goal_for_month(rows: Rows, month: str) -> int:
    """Return the goal in home-currency minor units that applies to a 'YYYY-MM' month."""
    found = rows(GOAL_OF_MONTH, {"month": month})
    return int(found[0][0]) if found else DEFAULT_GOAL_MINOR


def month_summary(rows: Rows, month: str) -> MonthSummary:
    """Return the month's figures: cleared gross and fees, expenses, pending, the goal."""
    totals = {status: (int(gross or 0), int(fees or 0), int(net or 0))
              for status, gross, fees, net in rows(MONTH_TOTALS, {"month": month})}
    gross, fees, _net = totals.get(CLEARED, (0, 0, 0))
    expenses = rows(MONTH_EXPENSES, {"month": month})[0][0]
    return MonthSummary(month=month, currency=home_currency(rows), goal_minor=goal_for_month(rows, month),
                        gross_minor=gross, fees_minor=fees, expenses_minor=int(expenses or 0),
                        pending_minor=totals.get(PENDING, (0, 0, 0))[2])


def monthly_net(rows: Rows, first: str, last: str) -> list[MonthNet]:
    """Return net income per month from first to last (months without money are 0), with goals."""
    span = {"first": first, "last": last}
    income = {month: int(minor or 0) for month, minor in rows(NET_BY_MONTH, {**span, "cleared": CLEARED})}
    spent = {month: int(minor or 0) for month, minor in rows(SPENT_BY_MONTH, span)}
    goals = [(str(valid_from), int(target)) for valid_from, target in rows(GOALS, {})]
    return [MonthNet(month=m, net_minor=income.get(m, 0) - spent.get(m, 0), goal_minor=goal_in(goals, m))
            for m in months_between(first, last)]


def first_month_with_money(rows: Rows) -> str | None:
    """Return the earliest month with a payment or an expense, or None."""
    months = [m for m in rows(FIRST_MONTHS, {})[0] if m]
    return min(months) if months else None


def outlook_and_history(rows: Rows, today: date) -> tuple[Forecast, list[MonthNet]]:
    """Return the forecast and what its chart shows: each month from the first one it used to the current one.

    The months are the ones the forecast read, so the chart costs no second query.
    """
    current = month_of(today)
    first = first_month_with_money(rows) or current
    start = max(min(first, current), add_months(current, -WINDOW))  # the forecast reads no further back
    history = monthly_net(rows, start, current)
    trend = forecast(history, current, goal_for_month(rows, current))
    shown = [m for m in history if m.month >= trend.months_used[0]] if trend.months_used else []
    return trend, shown


def month_report(rows: Rows, month: str, today: date) -> dict[str, object]:
    """Return the month's figures as the JSON contract of `report --json` describes them."""
    summary = month_summary(rows, month)
    outlook = outlook_and_history(rows, today)[0]
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
