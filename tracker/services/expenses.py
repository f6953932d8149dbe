"""Expenses: money out for the work, converted into the home currency once, stored."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlmodel import Session, SQLModel

from tracker.ledger.models import MANUAL_SOURCE, Expense, ExpenseCategory
from tracker.ledger.money import convert, from_minor, normalize_currency, parse_amount, rate_to_text
from tracker.services.common import (
    choice,
    existing,
    month_of,
    optional_text,
    parse_day,
    remove,
    replace_fields,
    store,
)
from tracker.services.payments import rate_for
from tracker.services.settings import home_currency

Amount = str | Decimal | int


class ExpenseInput(SQLModel):
    """What a person says about one expense, as typed; the service checks it."""

    spent_on: date | str
    amount: Amount
    currency: str = "BDT"
    rate: Amount | None = None
    category: str = ExpenseCategory.OTHER.value
    source: str = MANUAL_SOURCE
    external_ref: str | None = None
    note: str = ""


def create_expense(*, session: Session, data: ExpenseInput) -> Expense:
    """Check and store an expense in one transaction; return it."""
    return store(session, Expense(**expense_values(session, data)))


def update_expense(*, session: Session, expense_id: int, data: ExpenseInput) -> Expense:
    """Replace an expense's fields with checked new ones; return it."""
    expense = existing(session, Expense, expense_id, field="expense")
    return replace_fields(session, expense, expense_values(session, data))


def delete_expense(*, session: Session, expense_id: int) -> None:
    """Delete one expense."""
    expense = existing(session, Expense, expense_id, field="expense")
    remove(session, expense)


def input_of(expense: Expense) -> ExpenseInput:
    """Return the input that would store this expense again (to pre-fill an edit form)."""
    return ExpenseInput(
        spent_on=expense.spent_on, amount=from_minor(expense.amount_minor, expense.currency),
        currency=expense.currency, rate=expense.rate, category=expense.category,
        source=expense.source, external_ref=expense.external_ref, note=expense.note,
    )


def expense_values(session: Session, data: ExpenseInput) -> dict[str, Any]:
    """Return the checked column values for an expense, or raise InvalidInput."""
    day = parse_day(data.spent_on, field="date")
    assert day is not None
    currency = normalize_currency(data.currency)
    amount = parse_amount(data.amount, currency, field="amount")
    home = home_currency(session)
    rate = rate_for(session, data.rate, currency, home=home)
    return {
        "spent_on": day, "month": month_of(day), "currency": currency, "amount_minor": amount,
        "rate": rate_to_text(rate),
        "amount_home_minor": convert(amount, currency, rate, home),
        "category": choice(data.category, ExpenseCategory, field="category"),
        "source": optional_text(data.source, field="source", max_length=Expense.source) or MANUAL_SOURCE,
        "external_ref": optional_text(data.external_ref, field="reference",
                                      max_length=Expense.external_ref) or None,
        "note": optional_text(data.note, field="note", max_length=Expense.note),
    }
