"""Aggregations in the database: a month's net income against its goal, and what feeds the charts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session, func, select

from tracker.models import Expense, Payment, PaymentStatus
from tracker.services.goals import goal_for_month
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
