"""What the Log work page reads: recent payments and expenses, the last rate, records to edit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, col, select

from tracker.ledger.models import Client, Expense, Gig, Payment
from tracker.ledger.money import normalize_currency
from tracker.services import expenses, payments


@dataclass(frozen=True)
class PaymentRow:
    """One payment as the page lists it: exact minor units, names joined in."""

    id: int
    paid_on: date
    client: str
    gig: str
    platform: str
    kind: str
    status: str
    currency: str
    gross_minor: int
    fees_minor: int
    rate: str
    net_home_minor: int


@dataclass(frozen=True)
class ExpenseRow:
    """One expense as the page lists it: exact minor units."""

    id: int
    spent_on: date
    category: str
    currency: str
    amount_minor: int
    rate: str
    amount_home_minor: int
    note: str


def recent_payments(session: Session, limit: int = 20) -> list[PaymentRow]:
    """Return the newest payments (by date, then id), with client and gig names."""
    rows = session.exec(
        select(Payment, Client.name, Gig.title)
        .join(Client, col(Payment.client_id) == Client.id, isouter=True)
        .join(Gig, col(Payment.gig_id) == Gig.id, isouter=True)
        .order_by(col(Payment.paid_on).desc(), col(Payment.id).desc()).limit(limit)
    ).all()
    return [PaymentRow(id=p.id or 0, paid_on=p.paid_on, client=client or "", gig=gig or "",
                       platform=p.platform or "", kind=p.kind, status=p.status, currency=p.currency,
                       gross_minor=p.gross_minor, fees_minor=p.platform_fee_minor + p.transfer_fee_minor,
                       rate=p.rate, net_home_minor=p.net_home_minor)
            for p, client, gig in rows]


def recent_expenses(session: Session, limit: int = 20) -> list[ExpenseRow]:
    """Return the newest expenses (by date, then id)."""
    rows = session.exec(
        select(Expense).order_by(col(Expense.spent_on).desc(), col(Expense.id).desc()).limit(limit)
    ).all()
    return [ExpenseRow(id=e.id or 0, spent_on=e.spent_on, category=e.category, currency=e.currency,
                       amount_minor=e.amount_minor, rate=e.rate, amount_home_minor=e.amount_home_minor,
                       note=e.note)
            for e in rows]


def last_rate(session: Session, currency: str) -> Decimal | None:
    """Return the rate of the latest payment or expense in a currency (by date, then id); None if none.

    Payment and expense ids count separately, so between a payment and an expense on the same day
    the one logged later (created_at) wins.
    """
    code = normalize_currency(currency)
    payment = session.exec(
        select(Payment.paid_on, Payment.created_at, Payment.rate).where(Payment.currency == code)
        .order_by(col(Payment.paid_on).desc(), col(Payment.id).desc()).limit(1)
    ).first()
    expense = session.exec(
        select(Expense.spent_on, Expense.created_at, Expense.rate).where(Expense.currency == code)
        .order_by(col(Expense.spent_on).desc(), col(Expense.id).desc()).limit(1)
    ).first()
    found = [row for row in (payment, expense) if row is not None]
    if not found:
        return None
    latest = max(found, key=lambda row: (row[0], row[1]))
    return Decimal(latest[2])


def payment_input(session: Session, payment_id: int | None) -> payments.PaymentInput | None:
    """Return the input that would store a payment again (to pre-fill its edit form); None if gone."""
    payment = session.get(Payment, payment_id) if payment_id is not None else None
    return payments.input_of(payment) if payment is not None else None


def expense_input(session: Session, expense_id: int | None) -> expenses.ExpenseInput | None:
    """Return the input that would store an expense again (to pre-fill its edit form); None if gone."""
    expense = session.get(Expense, expense_id) if expense_id is not None else None
    return expenses.input_of(expense) if expense is not None else None
