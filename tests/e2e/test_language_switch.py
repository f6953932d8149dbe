"""Issue 7, scenario 3: the same Dashboard in English (lakh grouping) and in Bengali (Bengali digits)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import steps
from tests.e2e.browser import go_to, heading, metric, no_trouble, screenshot, wait_idle

pytestmark = pytest.mark.e2e


def switch_language(page: Page, name: str) -> None:
    """Choose a language in the sidebar and wait for the app to redraw in it."""
    choice = page.get_by_test_id("stSidebar").get_by_text(name, exact=True)
    wait_idle(page, choice.click)


def test_the_dashboard_in_english_and_in_bengali(page: Page) -> None:
    go_to(page, "Log work")
    # ($250.00 − $25.00 fee) × 122.50 = ৳27,562.50, which is 27.56% of ৳1,00,000
    steps.log_gig_with_payment(page, "Logo", client=None, currency="USD", gross="250.00", fee="25.00",
                               rate="122.50", net="৳27,562.50")
    go_to(page, "Dashboard")
    expect(metric(page, "Net income")).to_have_text("৳27,562.50")
    switch_language(page, "বাংলা")
    expect(heading(page, "ড্যাশবোর্ড")).to_be_visible()
    expect(metric(page, "নিট আয়")).to_have_text("৳২৭,৫৬২.৫০")
    expect(metric(page, "লক্ষ্যের কত ভাগ")).to_have_text("২৭.৫৬%")
    expect(page.get_by_test_id("stSidebar")).to_contain_text("৳১,০০,০০০")
    no_trouble(page)
    screenshot(page, "dashboard-bengali")
    switch_language(page, "English")
    expect(heading(page, "Dashboard")).to_be_visible()
    expect(metric(page, "Still to go")).to_have_text("৳72,437.50")
