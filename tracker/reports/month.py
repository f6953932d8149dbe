"""A month in the database: its summary against the goal, its pace, its days, net income by month.

Every sum is a GROUP BY on the (month, status) indexes; nothing loads every payment into Python.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, col, func, select

from tracker.ledger.models import Expense, Payment, PaymentStatus
from tracker.ledger.months import (
    MonthNet,
    MonthSummary,
    add_months,
    goal_in,
    month_of,
    month_start,
    months_between,
    round_half_up,
)
from tracker.services.goals import goal_steps
from tracker.services.settings import home_currency

CLEARED, PENDING = PaymentStatus.CLEARED.value, PaymentStatus.PENDING.value


def month_summary(session: Session, month: str) -> MonthSummary:
    """Return the month's figures: cleared gross and fees, expenses, pending, the goal."""
    return month_summaries(session, month, month)[0]


def month_summaries(session: Session, first: str, last: str) -> list[MonthSummary]:
    """Return each month's figures from first to last (months without money are 0): one GROUP BY."""
    rows = session.exec(
        select(Payment.month, Payment.status, func.sum(Payment.gross_home_minor),
               func.sum(Payment.fees_home_minor), func.sum(Payment.net_home_minor))
        .where(Payment.month >= first, Payment.month <= last).group_by(Payment.month, Payment.status)).all()
    totals = {(month, status): (int(gross or 0), int(fees or 0), int(net or 0))
              for month, status, gross, fees, net in rows}
    spent = spent_by_month(session, first, last)
    goals, home = goal_steps(session), home_currency(session)
    summaries = []
    for month in months_between(first, last):
        gross, fees, _net = totals.get((month, CLEARED), (0, 0, 0))
        summaries.append(MonthSummary(
            month=month, currency=home, goal_minor=goal_in(goals, month), gross_minor=gross, fees_minor=fees,
            expenses_minor=spent.get(month, 0), pending_minor=totals.get((month, PENDING), (0, 0, 0))[2]))
    return summaries


def spent_by_month(session: Session, first: str, last: str) -> dict[str, int]:
    """Return the expenses of each month from first to last that has any, in the home currency."""
    return {month: int(minor or 0) for month, minor in session.exec(
        select(Expense.month, func.sum(Expense.amount_home_minor))
        .where(Expense.month >= first, Expense.month <= last).group_by(Expense.month)).all()}


@dataclass(frozen=True)
class MonthPace:
    """Where a month stands on a given day: days left, the daily pace needed, a projection."""

    summary: MonthSummary
    days_in_month: int
    days_left: int
    daily_needed_minor: int
    projected_minor: int


def month_pace(session: Session, month: str, today: date) -> MonthPace:
    """Return the month's summary with days left (today included) and the run-rate projection."""
    summary = month_summary(session, month)
    first = month_start(month)
    days = calendar.monthrange(first.year, first.month)[1]
    current = month_of(today)
    if month < current:
        left, projected = 0, summary.net_minor
    elif month > current:
        left, projected = days, summary.net_minor
    else:
        left = days - today.day + 1
        projected = round_half_up(Decimal(summary.net_minor) * days / today.day)
    needed = -(-summary.remaining_minor // left) if left else 0  # rounded up to the poisha
    return MonthPace(summary=summary, days_in_month=days, days_left=left,
                     daily_needed_minor=needed, projected_minor=projected)


def monthly_net(session: Session, first: str, last: str) -> list[MonthNet]:
    """Return net income per month from first to last (months without money are 0), with goals."""
    income = dict(session.exec(
        select(Payment.month, func.sum(Payment.net_home_minor))
        .where(Payment.status == CLEARED, Payment.month >= first, Payment.month <= last)
        .group_by(Payment.month)).all())
    spent, goals = spent_by_month(session, first, last), goal_steps(session)
    return [MonthNet(month=m, net_minor=int(income.get(m) or 0) - spent.get(m, 0),
                     goal_minor=goal_in(goals, m)) for m in months_between(first, last)]


def first_month_with_money(session: Session) -> str | None:
    """Return the earliest month with a payment or an expense, or None."""
    paid, spent = session.exec(select(select(func.min(Payment.month)).scalar_subquery(),
                                      select(func.min(Expense.month)).scalar_subquery())).one()
    months = [m for m in (paid, spent) if m]
    return min(months) if months else None


def daily_net(session: Session, month: str) -> list[tuple[date, int]]:
    """Return each day of the month that had cleared payments or expenses, with its net."""
    income = session.exec(
        select(Payment.paid_on, func.sum(Payment.net_home_minor))
        .where(Payment.month == month, Payment.status == CLEARED)
        .group_by(Payment.paid_on)).all()
    spent = session.exec(
        select(Expense.spent_on, func.sum(Expense.amount_home_minor))
        .where(Expense.month == month).group_by(Expense.spent_on)).all()
    days: dict[date, int] = {}
    for day, minor in income:
        days[day] = days.get(day, 0) + int(minor)
    for day, minor in spent:
        days[day] = days.get(day, 0) - int(minor)
    return sorted(days.items())


def months_with_payments(session: Session) -> list[str]:
    """Return the 'YYYY-MM' months that have payments, newest first.

    One index seek per month (a recursive query steps from each month to the one before it), instead
    of reading every payment: ten years are 120 seeks, not 200,000 rows.
    """
    newest = select(func.max(Payment.month)).scalar_subquery().label("month")
    months = select(newest).cte("payment_months", recursive=True)
    before = select(func.max(Payment.month)).where(Payment.month < months.c.month).scalar_subquery()
    months = months.union_all(select(before).where(months.c.month.is_not(None)))
    return [m for m in session.exec(select(months.c.month)).all() if m is not None]


def income_months(session: Session, last: str) -> list[str]:
    """Return the months up to `last` with cleared income, newest first (one index seek per month)."""
    earned = (Payment.status == CLEARED, Payment.net_home_minor > 0)
    newest = select(Payment.month).where(*earned, Payment.month <= last)
    months = select(newest.order_by(col(Payment.month).desc()).limit(1).scalar_subquery().label("month")) \
        .cte("income_months", recursive=True)
    before = (select(Payment.month).where(*earned, Payment.month < months.c.month)
              .order_by(col(Payment.month).desc()).limit(1).scalar_subquery())
    months = months.union_all(select(before).where(months.c.month.is_not(None)))
    return [m for m in session.exec(select(months.c.month)).all() if m is not None]


def income_streak(session: Session, current_month: str) -> int:
    """Return how many months in a row had cleared income, ending this month or the last one."""
    months = set(income_months(session, current_month))
    month = current_month if current_month in months else add_months(current_month, -1)
    streak = 0
    while month in months:
        streak, month = streak + 1, add_months(month, -1)
    return streak
