"""Tests for goals (valid from a month on), settings and the readiness checklist."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import Session, func, select

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import CHECKLIST_KEYS, ChecklistItem, Goal, Payment, Setting
from tracker.services.checklist import checklist, set_checklist_item
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.goals import (
    DEFAULT_GOAL_MINOR,
    delete_goal,
    goal_for_month,
    goal_history,
    set_goal,
    update_goal,
)
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import (
    delete_setting,
    fee_percent,
    get_setting,
    home_currency,
    set_setting,
)


def count(session: Session, model: type[Any]) -> int:
    """Return how many rows a table holds, as the database has them."""
    session.expire_all()
    return session.exec(select(func.count()).select_from(model)).one()


def stored_item(session: Session, key: str) -> ChecklistItem | None:
    """Return the checklist row for a key as the database holds it."""
    session.expire_all()
    return session.exec(select(ChecklistItem).where(ChecklistItem.key == key)).first()


# Goals


def test_default_goal_is_one_lakh_taka(session: Session) -> None:
    assert DEFAULT_GOAL_MINOR == 10_000_000
    assert goal_for_month(session, "2026-08") == 10_000_000


def test_goal_applies_from_its_month_on(session: Session) -> None:
    """Goals from 2026-01 (৳80,000) and 2026-07 (৳1,20,000); earlier months keep the default."""
    set_goal(session=session, target="৳80,000", valid_from="2026-01")
    set_goal(session=session, target="1,20,000", valid_from="2026-07")
    expected = {"2025-12": 10_000_000, "2026-01": 8_000_000, "2026-03": 8_000_000,
                "2026-06": 8_000_000, "2026-07": 12_000_000, "2026-12": 12_000_000}
    assert {month: goal_for_month(session, month) for month in expected} == expected


@pytest.mark.parametrize(("target", "month", "minor", "stored_month"), [
    ("80000", "2026-01", 8_000_000, "2026-01"),
    ("৳1,00,000.50", "2026-8", 10_000_050, "2026-08"),
    ("১২০০০০", "২০২৬-০৭", 12_000_000, "2026-07"),
    (150000, "2030-12", 15_000_000, "2030-12"),
])
def test_set_goal_stores_exactly(session: Session, target: Any, month: str, minor: int,
                                 stored_month: str) -> None:
    goal = set_goal(session=session, target=target, valid_from=month)
    session.expire_all()
    assert session.exec(select(Goal.valid_from, Goal.target_minor)).all() == [(stored_month, minor)]
    assert goal.id is not None


def test_set_goal_for_the_same_month_replaces(session: Session) -> None:
    first = set_goal(session=session, target="80000", valid_from="2026-01")
    again = set_goal(session=session, target="90000", valid_from="2026-1")
    assert again.id == first.id
    assert count(session, Goal) == 1
    assert goal_for_month(session, "2026-05") == 9_000_000


BAD_GOALS: list[tuple[str, str, str]] = [
    ("month 13", "80000", "2026-13"),
    ("month 0", "80000", "2026-00"),
    ("slashes", "80000", "2026/07"),
    ("words", "80000", "July 2026"),
    ("a whole date", "80000", "2026-07-01"),
    ("empty month", "80000", ""),
    ("year out of range", "80000", "1850-01"),
    ("zero target", "0", "2026-07"),
    ("negative target", "-5000", "2026-07"),
    ("target not a number", "lots", "2026-07"),
    ("target with three decimals", "1.005", "2026-07"),
]


@pytest.mark.parametrize(("target", "month"), [(t, m) for _, t, m in BAD_GOALS],
                         ids=[n for n, _, _ in BAD_GOALS])
def test_bad_goal_is_refused_and_writes_nothing(session: Session, target: str, month: str) -> None:
    set_goal(session=session, target="80000", valid_from="2026-01")
    with pytest.raises(InvalidInput):
        set_goal(session=session, target=target, valid_from=month)
    assert count(session, Goal) == 1
    assert goal_for_month(session, "2026-12") == 8_000_000


def test_update_goal_and_bad_updates(session: Session) -> None:
    """A bad amount, bad month or a month another goal has leaves the goal as it was."""
    set_goal(session=session, target="80000", valid_from="2026-01")
    goal = set_goal(session=session, target="100000", valid_from="2026-07")
    update_goal(session=session, goal_id=goal.id, target="110000", valid_from="2026-06")
    assert goal_for_month(session, "2026-06") == 11_000_000
    for target, month in (("0", "2026-06"), ("110000", "2026-6-1"), ("95000", "2026-01")):
        with pytest.raises(InvalidInput):
            update_goal(session=session, goal_id=goal.id, target=target, valid_from=month)
        session.expire_all()
        assert session.exec(select(Goal.valid_from, Goal.target_minor).where(Goal.id == goal.id)).one() == (
            "2026-06", 11_000_000)


def test_goal_history_is_newest_first(session: Session) -> None:
    set_goal(session=session, target="80000", valid_from="2026-01")
    set_goal(session=session, target="120000", valid_from="2026-07")
    set_goal(session=session, target="50000", valid_from="2025-06")
    assert [g.valid_from for g in goal_history(session)] == ["2026-07", "2026-01", "2025-06"]


def test_delete_goal_brings_back_the_one_before(session: Session) -> None:
    set_goal(session=session, target="80000", valid_from="2026-01")
    later = set_goal(session=session, target="120000", valid_from="2026-07")
    delete_goal(session=session, goal_id=later.id)
    assert count(session, Goal) == 1
    assert goal_for_month(session, "2026-12") == 8_000_000


# Settings


def test_setting_defaults(session: Session) -> None:
    assert home_currency(session) == "BDT"
    assert (fee_percent(session, "Upwork"), fee_percent(session, "Fiverr")) == (Decimal(10), Decimal(20))
    assert (fee_percent(session, "Freelancer.com"), fee_percent(session, "direct")) == (Decimal(10), 0)
    assert get_setting(session, "language") == ""


@pytest.mark.parametrize(("value", "stored"), [("12.5", "12.5"), ("0", "0"), ("100", "100"),
                                               ("15.00", "15"), ("১৫", "15")])
def test_fee_percent_is_stored(session: Session, value: str, stored: str) -> None:
    set_setting(session=session, key="fee_percent.Upwork", value=value)
    session.expire_all()
    assert session.get(Setting, "fee_percent.Upwork").value == stored
    assert fee_percent(session, "Upwork") == Decimal(stored)
    assert fee_percent(session, "Fiverr") == Decimal(20)


BAD_SETTINGS: list[tuple[str, str, str]] = [
    ("fee below 0", "fee_percent.Upwork", "-1"),
    ("fee above 100", "fee_percent.Upwork", "100.01"),
    ("fee not a number", "fee_percent.Fiverr", "ten"),
    ("unknown key", "colour", "blue"),
    ("unknown platform fee", "fee_percent.eBay", "10"),
    ("unknown language", "language", "fr"),
    ("language in words", "language", "English"),
    ("empty language", "language", ""),
    ("unknown currency", "home_currency", "XYZ"),
]


@pytest.mark.parametrize(("key", "value"), [(k, v) for _, k, v in BAD_SETTINGS],
                         ids=[n for n, _, _ in BAD_SETTINGS])
def test_bad_setting_is_refused_and_writes_nothing(session: Session, key: str, value: str) -> None:
    with pytest.raises(InvalidInput):
        set_setting(session=session, key=key, value=value)
    assert count(session, Setting) == 0


@pytest.mark.parametrize("language", ["bn", "en"])
def test_language_is_stored(session: Session, language: str) -> None:
    set_setting(session=session, key="language", value=language)
    set_setting(session=session, key="language", value=language)
    assert count(session, Setting) == 1
    assert get_setting(session, "language") == language


def test_home_currency_can_change_before_any_money(session: Session) -> None:
    """After the change, USD is home: a USD payment needs no rate."""
    set_setting(session=session, key="home_currency", value=" usd ")
    assert home_currency(session) == "USD"
    p = create_payment(session=session,
                       data=PaymentInput(paid_on="2026-08-03", gross="250", platform_fee="25"))
    assert (p.rate, p.gross_home_minor, p.net_home_minor) == ("1", 25000, 22500)


def test_home_currency_cannot_change_after_a_payment(session: Session) -> None:
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="250", rate="122.5"))
    with pytest.raises(InvalidInput):
        set_setting(session=session, key="home_currency", value="USD")
    assert (home_currency(session), count(session, Setting), count(session, Payment)) == ("BDT", 0, 1)
    set_setting(session=session, key="home_currency", value="bdt")  # the same currency is fine
    assert home_currency(session) == "BDT"


def test_home_currency_cannot_change_after_an_expense(session: Session) -> None:
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-03", amount="500"))
    with pytest.raises(InvalidInput):
        set_setting(session=session, key="home_currency", value="EUR")
    assert home_currency(session) == "BDT"


def test_delete_setting_restores_default(session: Session) -> None:
    set_setting(session=session, key="fee_percent.Fiverr", value="25")
    assert fee_percent(session, "Fiverr") == Decimal(25)
    delete_setting(session=session, key="fee_percent.Fiverr")
    assert (count(session, Setting), fee_percent(session, "Fiverr")) == (0, Decimal(20))


# Checklist


def test_checklist_always_has_five_items_in_order(session: Session) -> None:
    assert CHECKLIST_KEYS == ("computer", "internet", "phone", "workplace", "skill")
    fresh = [(i.key, i.done, i.done_on) for i in checklist(session)]
    assert fresh == [(k, False, None) for k in CHECKLIST_KEYS]
    set_checklist_item(session=session, key="skill", done=True, today=date(2026, 8, 1))
    set_checklist_item(session=session, key="internet", done=True, today=date(2026, 8, 2))
    items = checklist(session)
    assert [i.key for i in items] == list(CHECKLIST_KEYS)
    assert [i.done for i in items] == [False, True, False, False, True]


def test_ticking_sets_done_on_and_keeps_the_first_day(session: Session) -> None:
    set_checklist_item(session=session, key="computer", done=True, note=" laptop ", today=date(2026, 8, 1))
    set_checklist_item(session=session, key="computer", done=True, note="laptop", today=date(2026, 8, 9))
    row = stored_item(session, "computer")
    assert row is not None
    assert (row.done, row.done_on, row.note) == (True, date(2026, 8, 1), "laptop")
    assert count(session, ChecklistItem) == 1


def test_ticking_without_a_day_uses_today(session: Session, frozen_today: date) -> None:
    item = set_checklist_item(session=session, key="phone", done=True)
    assert item.done_on == frozen_today


def test_unticking_clears_done_on(session: Session) -> None:
    set_checklist_item(session=session, key="internet", done=True, today=date(2026, 8, 1))
    set_checklist_item(session=session, key="internet", done=False, today=date(2026, 8, 5))
    row = stored_item(session, "internet")
    assert row is not None
    assert (row.done, row.done_on) == (False, None)
    set_checklist_item(session=session, key="internet", done=True, today=date(2026, 8, 7))
    assert stored_item(session, "internet").done_on == date(2026, 8, 7)


@pytest.mark.parametrize("key", ["laptop", "Computer", ""])
def test_unknown_checklist_key_is_refused(session: Session, key: str) -> None:
    with pytest.raises(InvalidInput):
        set_checklist_item(session=session, key=key, done=True)
    assert count(session, ChecklistItem) == 0


def test_bad_checklist_note_changes_nothing(session: Session) -> None:
    """A refused untick must not linger and be saved by the next, unrelated write."""
    set_checklist_item(session=session, key="computer", done=True, today=date(2026, 8, 1))
    with pytest.raises(InvalidInput):
        set_checklist_item(session=session, key="computer", done=False, note="x" * 2001)
    set_checklist_item(session=session, key="phone", done=True, today=date(2026, 8, 2))
    row = stored_item(session, "computer")
    assert row is not None
    assert (row.done, row.done_on, row.note) == (True, date(2026, 8, 1), "")


