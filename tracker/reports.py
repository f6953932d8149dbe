"""Aggregations in the database: a month's net income against its goal, and what feeds the charts."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, func, select

from tracker.models import Expense, Payment, PaymentStatus
from tracker.services.common import month_of
from tracker.services.goals import DEFAULT_GOAL_MINOR, goal_for_month, goal_history
from tracker.services.settings import home_currency


@dataclass(frozen=True)
class MonthSummary:
    """One month in the home currency, minor units: gross − fees − expenses = net; pending apart."""

    month: str
    currency: str
    goal_minor: int
    gross_minor: int
    fees_minor: int
    expenses_minor: int
    pending_minor: int

    @property
    def net_minor(self) -> int:
        """Return cleared gross less fees less expenses."""
        return self.gross_minor - self.fees_minor - self.expenses_minor

    @property
    def progress(self) -> Decimal:
        """Return net divided by the goal (0.275625 for ৳27,562.50 of ৳1,00,000)."""
        return Decimal(self.net_minor) / Decimal(self.goal_minor) if self.goal_minor else Decimal(0)

    @property
    def remaining_minor(self) -> int:
        """Return what is left to reach the goal (0 once reached)."""
        return max(self.goal_minor - self.net_minor, 0)


def month_summary(session: Session, month: str) -> MonthSummary:
    """Return the month's figures, summed in the database on the (month, status) index."""
    rows = session.exec(
        select(Payment.status, func.sum(Payment.gross_home_minor), func.sum(Payment.fees_home_minor),
               func.sum(Payment.net_home_minor))
        .where(Payment.month == month).group_by(Payment.status)
    ).all()
    totals = {status: (int(gross or 0), int(fees or 0), int(net or 0))
              for status, gross, fees, net in rows}
    gross, fees, _net = totals.get(PaymentStatus.CLEARED.value, (0, 0, 0))
    pending = totals.get(PaymentStatus.PENDING.value, (0, 0, 0))[2]
    expenses = session.exec(
        select(func.sum(Expense.amount_home_minor)).where(Expense.month == month)
    ).one()
    return MonthSummary(month=month, currency=home_currency(session),
                        goal_minor=goal_for_month(session, month), gross_minor=gross, fees_minor=fees,
                        expenses_minor=int(expenses or 0), pending_minor=pending)


@dataclass(frozen=True)
class MonthPace:
    """Where a month stands on a given day: days left, the daily pace needed, a projection."""

    summary: MonthSummary
    days_in_month: int
    days_left: int
    daily_needed_minor: int
    projected_minor: int


@dataclass(frozen=True)
class MonthNet:
    """One month's net income and the goal that applied to it, in home-currency minor units."""

    month: str
    net_minor: int
    goal_minor: int


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
        .where(Payment.status == PaymentStatus.CLEARED.value, Payment.month >= first,
               Payment.month <= last).group_by(Payment.month)).all())
    spent = dict(session.exec(
        select(Expense.month, func.sum(Expense.amount_home_minor))
        .where(Expense.month >= first, Expense.month <= last).group_by(Expense.month)).all())
    goals = sorted((g.valid_from, g.target_minor) for g in goal_history(session))
    return [MonthNet(month=m, net_minor=int(income.get(m) or 0) - int(spent.get(m) or 0),
                     goal_minor=goal_in(goals, m)) for m in months_between(first, last)]


def first_month_with_money(session: Session) -> str | None:
    """Return the earliest month with a payment or an expense, or None."""
    paid = session.exec(select(func.min(Payment.month))).one()
    spent = session.exec(select(func.min(Expense.month))).one()
    months = [m for m in (paid, spent) if m]
    return min(months) if months else None


def goal_in(goals: list[tuple[str, int]], month: str) -> int:
    """Return the goal for a month from (valid_from, target) pairs sorted by month."""
    target = DEFAULT_GOAL_MINOR
    for valid_from, minor in goals:
        if valid_from <= month:
            target = minor
    return target


def month_start(month: str) -> date:
    """Return the first day of a 'YYYY-MM' month."""
    return date(int(month[:4]), int(month[5:7]), 1)


def add_months(month: str, count: int) -> str:
    """Return the month `count` months after (or before, if negative) a 'YYYY-MM' month."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    """Return every month from first to last, both included."""
    span = (int(last[:4]) * 12 + int(last[5:7])) - (int(first[:4]) * 12 + int(first[5:7]))
    return [add_months(first, i) for i in range(span + 1)]


def round_half_up(value: Decimal) -> int:
    """Return the nearest whole number, halves away from zero."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


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
