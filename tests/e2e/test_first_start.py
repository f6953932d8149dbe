"""Issue 7, scenario 1: the first start on an empty database, in Bengali, ends on the Dashboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine

from tests.e2e.browser import heading, no_trouble, screenshot, wait_idle
from tests.e2e.conftest import App

pytestmark = pytest.mark.e2e


def press_button(page: Page, name: str) -> None:
    """Press a button by its visible name and wait for the app to settle."""
    wait_idle(page, page.get_by_role("button", name=name, exact=True).click)


def test_welcome_in_bengali_keeps_the_goal_and_adds_a_skill(page: Page, app: App) -> None:
    expect(heading(page, "Welcome")).to_be_visible()  # nothing chosen yet: the app starts in English
    main = page.get_by_test_id("stMainBlockContainer")
    expect(main.get_by_role("radio", name="বাংলা")).to_be_checked()  # Bengali is offered first
    press_button(page, "Next")
    expect(heading(page, "স্বাগতম")).to_be_visible()  # the rest is in Bengali
    press_button(page, "পরের ধাপ")  # home currency: taka
    goal = main.get_by_label("মাসে নিট আয়ের লক্ষ্য", exact=True)
    expect(goal).to_have_value("৳১,০০,০০০")  # left as it is
    press_button(page, "পরের ধাপ")
    main.get_by_label("দক্ষতা", exact=True).fill("লোগো ডিজাইন")
    press_button(page, "দক্ষতা যোগ করুন")
    expect(page.get_by_text("লোগো ডিজাইন যোগ হয়েছে।")).to_be_visible()
    press_button(page, "পরের ধাপ")
    screenshot(page, "welcome-bengali-checklist")
    press_button(page, "শেষ করুন")
    expect(heading(page, "ড্যাশবোর্ড")).to_be_visible()
    no_trouble(page)
    database = create_engine(app.db_url)
    try:
        with database.connect() as rows:
            assert rows.exec_driver_sql("SELECT target_minor FROM goal").all() == [(10_000_000,)]
            assert rows.exec_driver_sql("SELECT name FROM skill").all() == [("লোগো ডিজাইন",)]
            assert rows.exec_driver_sql("SELECT value FROM setting WHERE key = 'language'").all() == [("bn",)]
    finally:
        database.dispose()
