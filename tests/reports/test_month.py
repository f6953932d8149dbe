"""A month's figures: gross − fees − expenses = net, cleared money only, against that month's goal."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest
from sqlmodel import Session, col, select

from tracker.ledger.models import Payment, PaymentStatus
from tracker.ledger.months import add_months, months_between
from tracker.reports.month import (
    first_month_with_money,
    income_months,
    income_streak,
    month_pace,
    month_summary,
    monthly_net,
    months_with_payments,
)
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.goals import set_goal
from tracker.services.payments import PaymentInput, create_payment


def pay(session: Session, day: str, gross: str, **kwargs: str) -> None:
    """Store a USD payment at rate 122.50 unless told otherwise."""
    fields = {"currency": "USD", "rate": "122.50", **kwargs}
    create_payment(session=session, data=PaymentInput(paid_on=day, gross=gross, **fields))


def test_worked_example(session: Session) -> None:
    """$250.00 gross, $25.00 platform fee, rate 122.50 → ৳27,562.50 net, 27.56% of ৳1,00,000."""
    pay(session, "2026-08-03", "250.00", platform_fee="25.00")
    summary = month_summary(session, "2026-08")
    assert summary.net_minor == 2756250
    assert summary.progress == Decimal("0.275625")
    assert summary.remaining_minor == 10000000 - 2756250
    assert (summary.gross_minor, summary.fees_minor) == (3062500, 306250)


def test_empty_month_is_zero_against_the_default_goal(session: Session) -> None:
    summary = month_summary(session, "2026-08")
    assert (summary.net_minor, summary.pending_minor, summary.goal_minor) == (0, 0, 10000000)
    assert summary.progress == 0
    assert summary.currency == "BDT"


def test_pending_money_is_apart_and_other_months_do_not_count(session: Session) -> None:
    pay(session, "2026-08-03", "100.00")                      # ৳12,250.00 cleared
    pay(session, "2026-08-20", "40.00", status="pending")      # ৳4,900.00 pending
    pay(session, "2026-09-01", "500.00")                      # next month
    summary = month_summary(session, "2026-08")
    assert summary.net_minor == 1225000
    assert summary.pending_minor == 490000


def test_expenses_refunds_and_taka_payments(session: Session) -> None:
    pay(session, "2026-08-03", "200.00", platform_fee="20.00", transfer_fee="2.00")  # 24500 − 2695
    pay(session, "2026-08-10", "50.00", kind="refund", platform_fee="5.00")         # −6125 + 612.50
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-15", gross="5,000",
                                                      currency="BDT"))
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-05", amount="1,200",
                                                      currency="BDT", category="internet"))
    summary = month_summary(session, "2026-08")
    assert summary.gross_minor == 2450000 - 612500 + 500000
    assert summary.fees_minor == 269500 - 61250
    assert summary.expenses_minor == 120000
    assert summary.net_minor == 2450000 - 269500 - 612500 + 61250 + 500000 - 120000


def test_goal_changed_mid_year_keeps_the_past(session: Session) -> None:
    set_goal(session=session, target="80,000", valid_from="2026-01")
    set_goal(session=session, target="1,20,000", valid_from="2026-07")
    assert month_summary(session, "2026-06").goal_minor == 8000000
    assert month_summary(session, "2026-07").goal_minor == 12000000
    assert month_summary(session, "2025-12").goal_minor == 10000000


def test_pace_in_the_current_month(session: Session) -> None:
    """৳27,562.50 by 21 November: 10 days left (today too), ৳7,243.75 a day needed, ৳39,375 projected."""
    pay(session, "2026-11-03", "250.00", platform_fee="25.00")
    pace = month_pace(session, "2026-11", date(2026, 11, 21))
    assert (pace.days_in_month, pace.days_left) == (30, 10)
    assert pace.daily_needed_minor == 724375
    assert pace.projected_minor == 3937500


def test_pace_rounds_the_daily_need_up_to_the_poisha(session: Session) -> None:
    """৳1,00,000 over 3 days left is ৳33,333.333… → ৳33,333.34 a day."""
    pace = month_pace(session, "2026-11", date(2026, 11, 28))
    assert pace.days_left == 3
    assert pace.daily_needed_minor == 3333334


def test_pace_of_past_and_future_months(session: Session) -> None:
    pay(session, "2026-08-03", "100.00")
    past = month_pace(session, "2026-08", date(2026, 11, 21))
    assert (past.days_left, past.daily_needed_minor, past.projected_minor) == (0, 0, 1225000)
    future = month_pace(session, "2027-02", date(2026, 11, 21))
    assert (future.days_in_month, future.days_left) == (28, 28)


def test_monthly_net_fills_gaps_and_carries_each_months_goal(session: Session) -> None:
    pay(session, "2026-06-10", "100.00")                       # ৳12,250
    pay(session, "2026-08-10", "200.00")                       # ৳24,500
    pay(session, "2026-08-20", "50.00", status="pending")      # not counted
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-01", amount="500",
                                                      category="internet"))
    set_goal(session=session, target="50,000", valid_from="2026-07")
    series = monthly_net(session, "2026-05", "2026-09")
    assert [(m.month, m.net_minor, m.goal_minor) for m in series] == [
        ("2026-05", 0, 10000000), ("2026-06", 1225000, 10000000), ("2026-07", 0, 5000000),
        ("2026-08", 2450000 - 50000, 5000000), ("2026-09", 0, 5000000)]
    assert first_month_with_money(session) == "2026-06"


def test_month_arithmetic() -> None:
    assert add_months("2026-11", 2) == "2027-01"
    assert add_months("2026-01", -1) == "2025-12"
    assert months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]


@pytest.mark.parametrize(("month", "streak"), [("2026-09", 2), ("2026-10", 2), ("2026-11", 0),
                                               ("2026-08", 1)])
def test_income_streak(scenario: Session, month: str, streak: int) -> None:
    assert income_streak(scenario, month) == streak


def test_months_with_payments_newest_first(session: Session) -> None:
    assert months_with_payments(session) == []
    for day in ("2026-03-02", "2026-08-03", "2026-08-20", "2025-12-31"):
        pay(session, day, "10.00")
    assert months_with_payments(session) == ["2026-08", "2026-03", "2025-12"]


def test_the_goal_sees_what_is_not_flushed_yet(session: Session) -> None:
    """The month figures run in the session: a goal added but not yet flushed counts."""
    from tracker.ledger.models import Goal

    session.add(Goal(valid_from="2026-01", target_minor=5_000_00))
    assert month_summary(session, "2026-11").goal_minor == 5_000_00
    session.rollback()
    assert month_summary(session, "2026-11").goal_minor == 100_000_00


def test_months_with_income_are_the_distinct_months(session: Session) -> None:
    rng = random.Random(3)
    for _ in range(60):
        month = f"20{rng.randint(24, 26)}-{rng.randint(1, 12):02d}"
        create_payment(session=session, data=PaymentInput(
            paid_on=f"{month}-{rng.randint(1, 28):02d}", gross=str(rng.randint(1, 900)), currency="BDT",
            kind=rng.choice(["payment", "refund"]), status=rng.choice(["cleared", "pending"])))
    for last in ("2024-01", "2025-06", "2026-12", "2027-03"):
        distinct = set(session.exec(select(Payment.month).where(
            Payment.status == PaymentStatus.CLEARED.value, Payment.net_home_minor > 0,
            Payment.month <= last).distinct()).all())
        found = income_months(session, last)
        assert set(found) == distinct and found == sorted(found, reverse=True)


def test_months_with_payments_are_the_distinct_months(busy: Session) -> None:
    distinct = busy.exec(select(Payment.month).distinct().order_by(col(Payment.month).desc())).all()
    assert months_with_payments(busy) == list(distinct) and len(distinct) > 10


def test_months_with_payments_on_an_empty_database(session: Session) -> None:
    assert months_with_payments(session) == []
