"""Issue 7, scenario 7: every page opens from the sidebar without an error; a picture of each is kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import go_to, heading, no_trouble, page_titles, screenshot
from tracker.web.nav import PAGES

pytestmark = pytest.mark.e2e


def test_every_page_opens_from_the_sidebar(page: Page, page_errors: list[str]) -> None:
    titles = page_titles(page)
    assert set(titles) >= {title for _path, title, _icon in PAGES}, titles
    for title in [*titles[1:], titles[0]]:  # the first page is open already: come back to it last
        go_to(page, title)
        expect(heading(page, title)).to_be_visible()
        no_trouble(page)
        screenshot(page, f"page-{title.lower().replace(' ', '-')}")
    assert page_errors == []
