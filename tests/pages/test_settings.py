"""Settings page: goal history, home currency, default fees, language."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import assert_clean, count, press, rows
from tracker.db.engine import open_session
from tracker.ledger.models import Goal
from tracker.services.settings import fee_percent, get_setting, home_currency

Open = Callable[[str], AppTest]


def setting(reader: Callable, *args: str) -> object:
    """Return a setting read with a new session."""
    with open_session() as s:
        return reader(s, *args)


def test_change_and_delete_a_goal(open_page: Open) -> None:
    at = open_page("settings")
    at.text_input(key="goal_target").input("80,000")
    at.text_input(key="goal_from").input("2026-01")
    at = press(at, "Save goal")
    goal_id = rows(Goal)[0].id
    at.text_input(key=f"goal_edit_{goal_id}_0_target").input("৯০,০০০")
    at = press(at, "Save changes")
    assert_clean(at)
    assert [(g.valid_from, g.target_minor) for g in rows(Goal)] == [("2026-01", 9000000)]
    at.checkbox(key="goal_remove_sure").check().run()
    at.button(key="goal_remove_delete").click().run()
    assert count(Goal) == 0


def test_home_currency_changes_only_before_money_is_logged(open_page: Open) -> None:
    at = open_page("settings")
    at.selectbox(key="home_code").set_value("INR")
    at = press(at, "Save currency")
    assert_clean(at)
    assert setting(home_currency) == "INR"


def test_home_currency_is_locked_once_payments_exist(open_page: Open, filled: Session) -> None:
    at = open_page("settings")
    at.selectbox(key="home_code").set_value("USD")
    at = press(at, "Save currency")
    assert "cannot change" in at.error[0].value
    assert setting(home_currency) == "BDT"


def test_fees_are_saved_all_or_nothing(open_page: Open) -> None:
    at = open_page("settings")
    assert at.text_input(key="fee_Upwork").value == "10"
    at.text_input(key="fee_Upwork").input("15")
    at.text_input(key="fee_Fiverr").input("150")
    at = press(at, "Save fees")
    assert "0 to 100" in at.error[0].value
    assert (setting(fee_percent, "Upwork"), setting(fee_percent, "Fiverr")) == (10, 20)
    at.text_input(key="fee_Fiverr").input("২৫")
    at = press(at, "Save fees")
    assert_clean(at)
    assert (setting(fee_percent, "Upwork"), setting(fee_percent, "Fiverr")) == (15, 25)


def test_language_choice_is_remembered(open_page: Open) -> None:
    at = open_page("settings")
    at.radio(key="language_choice").set_value("bn").run()
    assert_clean(at)
    assert setting(get_setting, "language") == "bn"
