"""Tests for tracker.reports.entries: what the Log work page lists, suggests and pre-fills."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import Session

from tracker.ledger.errors import InvalidInput
from tracker.reports import entries
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment


def pay(session: Session, day: str, rate: str | None = "120", **changes: Any) -> int:
    """Store a $100.00 payment on a day at a rate; return its id."""
    values: dict[str, Any] = {"paid_on": day, "gross": "100", "currency": "USD", "rate": rate}
    return create_payment(session=session, data=PaymentInput(**{**values, **changes})).id


def spend(session: Session, day: str, rate: str | None = "120", **changes: Any) -> int:
    """Store a $15.00 expense on a day at a rate; return its id."""
    values: dict[str, Any] = {"spent_on": day, "amount": "15", "currency": "USD", "rate": rate}
    return create_expense(session=session, data=ExpenseInput(**{**values, **changes})).id


def test_last_rate_is_none_before_anything_is_logged(session: Session) -> None:
    assert entries.last_rate(session, "USD") is None


def test_last_rate_is_from_the_latest_date_not_the_latest_entry(session: Session) -> None:
    pay(session, "2026-08-05", "121.5")
    pay(session, "2026-08-01", "119")  # logged later, but for an earlier day
    assert entries.last_rate(session, "USD") == Decimal("121.5")


def test_last_rate_on_the_same_day_is_the_one_logged_last(session: Session) -> None:
    pay(session, "2026-08-05", "121")
    pay(session, "2026-08-05", "122.25")
    assert entries.last_rate(session, "USD") == Decimal("122.25")


def test_last_rate_looks_at_expenses_too(session: Session) -> None:
    pay(session, "2026-08-01", "120")
    spend(session, "2026-08-02", "123.75")
    assert entries.last_rate(session, "USD") == Decimal("123.75")
    pay(session, "2026-08-02", "124")  # same day as the expense, logged after it
    assert entries.last_rate(session, "USD") == Decimal("124")
    spend(session, "2026-07-30", "100")
    assert entries.last_rate(session, "USD") == Decimal("124")


def test_last_rate_is_per_currency(session: Session) -> None:
    pay(session, "2026-08-01", "120")
    pay(session, "2026-08-09", "130", currency="EUR")
    assert entries.last_rate(session, "usd") == Decimal("120")
    assert entries.last_rate(session, "EUR") == Decimal("130")
    assert entries.last_rate(session, "GBP") is None


def test_last_rate_of_a_derived_rate_is_exact(session: Session) -> None:
    pay(session, "2026-08-01", None, platform_fee="10%", received_home="10,950")
    assert entries.last_rate(session, "USD") == Decimal("121.6666666667")


def test_last_rate_refuses_an_unknown_currency(session: Session) -> None:
    with pytest.raises(InvalidInput):
        entries.last_rate(session, "XYZ")


def test_recent_payments_newest_first_with_names(session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme", platform="Upwork"))
    gig = create_gig(session=session, data=GigInput(title="Logo", client_id=acme.id, platform="Upwork"))
    first = pay(session, "2026-08-01")
    linked = pay(session, "2026-08-03", gig_id=gig.id, platform_fee="10", transfer_fee="2")
    same_day = pay(session, "2026-08-03", "121")
    rows = entries.recent_payments(session)
    assert [r.id for r in rows] == [same_day, linked, first]
    row = rows[1]
    assert (row.client, row.gig, row.platform, row.paid_on) == ("Acme", "Logo", "Upwork", date(2026, 8, 3))
    assert (row.gross_minor, row.fees_minor, row.rate, row.net_home_minor) == (10000, 1200, "120", 1056000)
    assert (rows[0].client, rows[0].gig, rows[0].platform) == ("", "", "")
    assert [r.id for r in entries.recent_payments(session, 2)] == [same_day, linked]


def test_recent_expenses_newest_first(session: Session) -> None:
    older = spend(session, "2026-08-01", category="connects")
    newer = spend(session, "2026-08-04", None, currency="BDT", amount="1,000", category="internet",
                  note="WiFi")
    rows = entries.recent_expenses(session)
    assert [r.id for r in rows] == [newer, older]
    assert (rows[0].category, rows[0].currency, rows[0].amount_minor, rows[0].rate,
            rows[0].amount_home_minor, rows[0].note) == ("internet", "BDT", 100000, "1", 100000, "WiFi")
    assert (rows[1].amount_minor, rows[1].amount_home_minor) == (1500, 180000)
    assert [r.id for r in entries.recent_expenses(session, 1)] == [newer]




def test_inputs_to_pre_fill_an_edit_form(session: Session) -> None:
    payment_id = pay(session, "2026-08-03", "122.50", gross="250", platform_fee="10%")
    expense_id = spend(session, "2026-08-04", category="connects")
    data = entries.payment_input(session, payment_id)
    assert data is not None
    assert (data.gross, data.platform_fee, data.rate, data.received_home) == (
        Decimal("250.00"), Decimal("25.00"), "122.5", None)
    expense = entries.expense_input(session, expense_id)
    assert expense is not None and (expense.amount, expense.category) == (Decimal("15.00"), "connects")
    assert entries.payment_input(session, 999) is None
    assert entries.expense_input(session, None) is None
