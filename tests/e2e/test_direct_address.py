"""A page opened by its address on a fresh server, before any other visit, is that page in the app.

Streamlit runs such a page on its own (the router has not run yet in this server); the page hands
over to the router (tracker/web/nav.py, _hand_over_to_router), which opens it again with the navigation.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import heading, no_trouble, open_app, page_titles, screenshot
from tests.e2e.conftest import App

pytestmark = pytest.mark.e2e


def test_a_bookmarked_page_opens_with_the_app_navigation(tab: Page, app: App) -> None:
    open_app(tab, app.url("gigs"))
    expect(heading(tab, "Gigs")).to_be_visible()
    expect(tab).to_have_url(app.url("gigs"))
    assert {"Dashboard", "Log work", "Gigs", "Settings"} <= set(page_titles(tab))
    current = tab.locator('[data-testid="stSidebarNav"] a[aria-current="page"]')
    expect(current).to_have_accessible_name("Gigs")
    no_trouble(tab)
    screenshot(tab, "direct-address-gigs")
