"""Aggregations in the database: a month's net income against its goal, and what feeds the charts."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, func, select

from tracker.db.engine import session_rows
from tracker.ledger.models import Expense, Payment, PaymentStatus
from tracker.ledger.months import MonthNet as MonthNet
from tracker.ledger.months import MonthSummary as MonthSummary
from tracker.ledger.months import add_months as add_months
from tracker.ledger.months import goal_in as goal_in
from tracker.ledger.months import month_of
from tracker.ledger.months import month_start as month_start
from tracker.ledger.months import months_between as months_between
from tracker.ledger.months import round_half_up as round_half_up
from tracker.reports import figures


def month_summary(session: Session, month: str) -> MonthSummary:
    """Return the month's figures, summed in the database on the (month, status) index."""
    return figures.month_summary(session_rows(session), month)


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
    return figures.monthly_net(session_rows(session), first, last)


def first_month_with_money(session: Session) -> str | None:
    """Return the earliest month with a payment or an expense, or None."""
    return figures.first_month_with_money(session_rows(session))


def daily_net(session: Session, month: str) -> list[tuple[date, int]]:
    """Return each day of the month that had cleared payments or expenses, with its net."""
    income = session.exec(
        select(Payment.paid_on, func.sum(Payment.net_home_minor))
        .where(Payment.month == month, Payment.status == PaymentStatus.CLEARED.value)
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
