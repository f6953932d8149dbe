"""Log work keeps the tab in use after a save and after changing a select box (a bug seen here once)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import choose_now, form, go_to, press, screenshot, tab, type_in
from tests.e2e.steps import saved

pytestmark = pytest.mark.e2e


def test_log_work_stays_on_the_tab_in_use(page: Page) -> None:
    go_to(page, "Log work")
    new = form(tab(page, "Expense"), "Save expense")
    type_in(new, "Amount spent", "100")
    press(page, new, "Save expense")
    saved(page, "Saved: ৳100.00 spent.")
    screenshot(page, "log-work-expense-tab-after-save")
    expect(page.get_by_role("tab", selected=True)).to_have_text("Expense", timeout=2_000)
    choose_now(page, tab(page, "Expense"), "Currency", "USD")
    expect(page.get_by_role("tab", selected=True)).to_have_text("Expense", timeout=2_000)
