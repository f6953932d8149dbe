"""Issue 7, scenario 6: a bad entry shows the page's message and changes nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import flash, form, go_to, main, metric, press, screenshot, tab, type_in

pytestmark = pytest.mark.e2e

NOT_A_NUMBER = "“twelve” is not a number. Type digits, like 1,250.50."


def test_letters_in_an_amount_are_refused_and_change_nothing(page: Page) -> None:
    go_to(page, "Log work")
    expect(main(page).get_by_text("No payments yet. Your first one goes in the form above.")).to_be_visible()
    new = form(tab(page, "Payment"), "Save payment")
    type_in(new, "Amount the client paid", "twelve")
    type_in(new, "Platform fee", "0")
    type_in(new, "Taka received for 1 unit (rate)", "122.50")
    press(page, new, "Save payment")

    expect(flash(page, "Error").get_by_text(NOT_A_NUMBER, exact=True)).to_be_visible()
    expect(flash(page)).to_have_count(0)  # no "Saved" message
    new = form(tab(page, "Payment"), "Save payment")
    expect(new.get_by_label("Amount the client paid", exact=True)).to_have_value("twelve")  # to fix it
    expect(main(page).get_by_text("No payments yet. Your first one goes in the form above.")).to_be_visible()
    expect(main(page).get_by_test_id("stDataFrame")).to_have_count(0)  # no table of payments
    screenshot(page, "bad-entry-log-work")

    go_to(page, "Dashboard")
    expect(metric(page, "Net income")).to_have_text("৳0.00")
    expect(page.get_by_test_id("stSidebar").get_by_text("৳0.00", exact=True)).to_be_visible()
