"""Tests for tracker.services.expenses: money out is checked, converted once and stored exactly."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, select

from tests.databases import count
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Expense
from tracker.services.expenses import (
    ExpenseInput,
    create_expense,
    delete_expense,
    input_of,
    update_expense,
)


def connects(**changes: Any) -> ExpenseInput:
    """Return 15.00 USD of Upwork connects at 120 (৳1,800.00), with changes."""
    values: dict[str, Any] = {"spent_on": "2026-08-05", "amount": "15.00", "currency": "USD",
                              "rate": "120", "category": "connects"}
    return ExpenseInput(**{**values, **changes})


def reread(session: Session, expense_id: int) -> Expense:
    """Return the expense as the database holds it."""
    session.expire_all()
    return session.exec(select(Expense).where(Expense.id == expense_id)).one()


def test_usd_expense_is_stored_exactly(session: Session) -> None:
    e = create_expense(session=session, data=connects())
    stored = reread(session, e.id)
    assert (stored.amount_minor, stored.currency, stored.rate, stored.amount_home_minor) == (
        1500, "USD", "120", 180000)
    assert (stored.spent_on, stored.month, stored.category) == (date(2026, 8, 5), "2026-08", "connects")
    assert (stored.source, stored.external_ref, stored.note) == ("manual", None, "")


def test_home_currency_expense_defaults(session: Session) -> None:
    """Currency defaults to BDT, rate to 1, category to other."""
    e = create_expense(session=session, data=ExpenseInput(spent_on=date(2026, 1, 31), amount="1,500"))
    stored = reread(session, e.id)
    assert (stored.currency, stored.amount_minor, stored.rate, stored.amount_home_minor) == (
        "BDT", 150000, "1", 150000)
    assert (stored.month, stored.category) == ("2026-01", "other")


@pytest.mark.parametrize(("amount", "minor"), [("1,250.50", 125050), ("১২৫০.৫০", 125050),
                                               ("$1,250.50", 125050), ("12", 1200)])
def test_forgiving_amounts(session: Session, amount: str, minor: int) -> None:
    """At rate 2 the home amount is exactly twice the minor units."""
    e = create_expense(session=session, data=connects(amount=amount, rate="2"))
    assert (e.amount_minor, e.amount_home_minor) == (minor, 2 * minor)


def test_forgiving_currency_category_and_date(session: Session) -> None:
    e = create_expense(session=session, data=connects(currency="usd", category="Internet",
                                                      spent_on="২০২৬-০৮-০৫", rate="১২০.০০"))
    stored = reread(session, e.id)
    assert (stored.currency, stored.category, stored.spent_on, stored.rate) == (
        "USD", "internet", date(2026, 8, 5), "120")


def test_zero_decimal_currency(session: Session) -> None:
    """¥500 at 0.81 = ৳405.00."""
    e = create_expense(session=session, data=connects(currency="JPY", amount="500", rate="0.81"))
    assert (e.amount_minor, e.amount_home_minor) == (500, 40500)


@pytest.mark.parametrize(("amount", "rate", "home"), [
    ("0.01", "0.5", 1),       # 0.5 poisha rounds up
    ("0.03", "0.5", 2),       # 1.5 → 2
    ("0.01", "122.45", 122),
    ("0.01", "122.55", 123),
    ("9.99", "121.35", 121229),  # 999 × 121.35 = 121228.65 → 121229
])
def test_conversion_rounds_half_up(session: Session, amount: str, rate: str, home: int) -> None:
    assert create_expense(session=session, data=connects(amount=amount, rate=rate)).amount_home_minor == home


BAD_EXPENSES: list[tuple[str, dict[str, Any]]] = [
    ("amount not a number", {"amount": "abc"}),
    ("empty amount", {"amount": ""}),
    ("zero", {"amount": "0"}),
    ("negative", {"amount": "-15"}),
    ("too many USD decimals", {"amount": "1.005"}),
    ("JPY decimals", {"currency": "JPY", "amount": "10.5"}),
    ("unknown currency", {"currency": "XYZ"}),
    ("impossible date", {"spent_on": "2026-02-30"}),
    ("empty date", {"spent_on": ""}),
    ("missing rate", {"rate": None}),
    ("zero rate", {"rate": "0"}),
    ("rate not a number", {"rate": "one twenty"}),
    ("BDT with a rate", {"currency": "BDT", "rate": "120"}),
    ("unknown category", {"category": "food"}),
    ("note too long", {"note": "x" * 2001}),
    ("reference too long", {"external_ref": "r" * 121}),
    ("source too long", {"source": "s" * 21}),
]


@pytest.mark.parametrize("changes", [c for _, c in BAD_EXPENSES], ids=[n for n, _ in BAD_EXPENSES])
def test_bad_expense_is_refused_and_writes_nothing(session: Session, changes: dict[str, Any]) -> None:
    create_expense(session=session, data=connects())
    with pytest.raises(InvalidInput):
        create_expense(session=session, data=connects(**changes))
    session.expire_all()
    assert count(session, Expense) == 1


def test_same_source_and_reference_is_refused(session: Session) -> None:
    create_expense(session=session, data=connects(source="payoneer", external_ref="E-1"))
    with pytest.raises(InvalidInput):
        create_expense(session=session, data=connects(source="payoneer", external_ref="E-1"))
    session.expire_all()
    assert count(session, Expense) == 1
    create_expense(session=session, data=connects(source="paypal", external_ref="E-1"))
    create_expense(session=session, data=connects(external_ref=None))
    create_expense(session=session, data=connects(external_ref=""))
    assert count(session, Expense) == 4


def test_update_replaces_fields_and_converts_again(session: Session) -> None:
    e = create_expense(session=session, data=connects())
    update_expense(session=session, expense_id=e.id,
                   data=ExpenseInput(spent_on="2026-09-10", amount="2,000", category="internet",
                                     note="broadband"))
    stored = reread(session, e.id)
    assert (stored.currency, stored.amount_minor, stored.rate, stored.amount_home_minor) == (
        "BDT", 200000, "1", 200000)
    assert (stored.month, stored.category, stored.note) == ("2026-09", "internet", "broadband")


@pytest.mark.parametrize("changes", [{"amount": "0"}, {"rate": None}, {"category": "food"},
                                     {"spent_on": "2026-13-01"}])
def test_bad_update_leaves_expense_unchanged(session: Session, changes: dict[str, Any]) -> None:
    e = create_expense(session=session, data=connects())
    before = reread(session, e.id).model_dump()
    with pytest.raises(InvalidInput):
        update_expense(session=session, expense_id=e.id, data=connects(**changes))
    assert reread(session, e.id).model_dump() == before


def test_update_into_a_used_reference_is_refused(session: Session) -> None:
    create_expense(session=session, data=connects(source="paypal", external_ref="E-1"))
    e = create_expense(session=session, data=connects(source="paypal", external_ref="E-2"))
    before = reread(session, e.id).model_dump()
    with pytest.raises(InvalidInput):
        update_expense(session=session, expense_id=e.id,
                       data=connects(source="paypal", external_ref="E-1"))
    assert reread(session, e.id).model_dump() == before


@pytest.mark.parametrize("changes", [
    {},
    {"currency": "BDT", "rate": None, "amount": "1,00,000.50", "category": "equipment"},
    {"currency": "JPY", "amount": "500", "rate": "0.8123456789"},
    {"source": "paypal", "external_ref": "E-7", "note": "laptop fan"},
])
def test_input_of_round_trips(session: Session, changes: dict[str, Any]) -> None:
    e = create_expense(session=session, data=connects(**changes))
    before = reread(session, e.id).model_dump()
    update_expense(session=session, expense_id=e.id, data=input_of(reread(session, e.id)))
    assert reread(session, e.id).model_dump() == before


def test_update_unknown_expense_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput):
        update_expense(session=session, expense_id=999, data=connects())
    assert count(session, Expense) == 0


def test_delete_expense_removes_only_that_one(session: Session) -> None:
    keep = create_expense(session=session, data=connects())
    gone = create_expense(session=session, data=connects(amount="1"))
    delete_expense(session=session, expense_id=gone.id)
    session.expire_all()
    assert session.exec(select(Expense.id)).all() == [keep.id]


def test_delete_unknown_expense_is_refused(session: Session) -> None:
    create_expense(session=session, data=connects())
    with pytest.raises(InvalidInput):
        delete_expense(session=session, expense_id=999)
    assert count(session, Expense) == 1
