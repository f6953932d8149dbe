"""Issue 7, scenario 2: a client, a gig and its payment in USD with fee and rate reach the Dashboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import steps
from tests.e2e.browser import go_to, metric, no_trouble, screenshot

pytestmark = pytest.mark.e2e


def test_first_payment_reaches_the_dashboard(page: Page) -> None:
    go_to(page, "Clients")
    steps.add_client(page, "Acme Ltd", "Upwork", "USA", verified=True)
    go_to(page, "Log work")
    # ($250.00 − $25.00 fee) × 122.50 = ৳27,562.50, which is 27.56% of ৳1,00,000
    steps.log_gig_with_payment(page, "Logo for Acme", client="Acme Ltd", currency="USD", gross="250.00",
                               fee="25.00", rate="122.50", net="৳27,562.50")
    go_to(page, "Dashboard")
    expect(metric(page, "Net income")).to_have_text("৳27,562.50")
    expect(metric(page, "Of your goal")).to_have_text("27.56%")
    expect(metric(page, "Still to go")).to_have_text("৳72,437.50")
    monthly = page.locator(".st-key-chart_monthly .main-svg").first
    expect(monthly).to_be_visible()
    no_trouble(page)
    screenshot(page, "first-payment-dashboard")
