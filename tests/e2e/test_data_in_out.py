"""Issue 7, scenarios 4 and 5: an Upwork statement in, a CSV and a backup out, restored elsewhere."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.browser import (
    choose_now,
    download,
    flash,
    go_to,
    metric,
    no_trouble,
    open_app,
    press,
    screenshot,
    upload,
    wait_idle,
)
from tests.e2e.conftest import VIEWPORT, App, free_port, start_server, stop_server, wait_healthy

pytestmark = pytest.mark.e2e
STATEMENT = Path(__file__).resolve().parent.parent / "data" / "upwork_new.csv"
# tests/test_import_upwork.py works this file out by hand: at 120 taka a dollar, September 2026 nets
# ৳58,561.20 (hourly and fixed-price income less Upwork's fees, connects and the withdrawal fee).
SEPTEMBER_NET = "৳58,561.20"


def give_rate(page: Page, label: str, rate: str) -> None:
    """Type a rate into the import preview's rate field and wait for the preview to follow."""
    field = page.get_by_label(label, exact=True)
    wait_idle(page, lambda: (field.fill(rate), field.press("Enter")))


def import_statement(page: Page, *, rate: bool = True) -> None:
    """Upload the Upwork statement on the Data page and give the dollar rate if it is asked for."""
    go_to(page, "Data")
    upload(page, STATEMENT, "Statement file (CSV)")
    if rate:
        give_rate(page, "BDT for 1 USD", "120")


def september_net(page: Page) -> None:
    """Assert the Dashboard shows September 2026's net income from the statement."""
    go_to(page, "Dashboard")
    choose_now(page, page, "Month", "2026-09")
    expect(metric(page, "Net income")).to_have_text(SEPTEMBER_NET)


def test_an_upwork_statement_is_imported_once(page: Page) -> None:
    import_statement(page)
    expect(page.get_by_role("tab", name="To add")).to_be_visible()
    screenshot(page, "data-import-preview")
    press(page, page, "Import")
    expect(flash(page).filter(has_text="Imported")).to_be_visible()
    september_net(page)
    screenshot(page, "dashboard-after-import")
    import_statement(page, rate=False)  # every row is known already: no rate is asked for
    expect(flash(page, "Info").filter(
        has_text="Nothing new: every row of this file was imported before.")).to_be_visible()
    expect(page.get_by_role("button", name="Import", exact=True)).to_be_disabled()
    september_net(page)
    no_trouble(page)


@pytest.fixture
def second_app(browser: Browser, tmp_path: Path) -> Iterator[App]:
    """Return another fresh app (its own empty database), stopped after the test."""
    folder = tmp_path / "second"
    folder.mkdir()
    process, started = start_server(folder, free_port())
    try:
        assert wait_healthy(process, started), started.log.read_text()
        yield started
    finally:
        stop_server(process)


def test_exports_and_a_backup_restored_into_a_fresh_app(page: Page, browser: Browser, second_app: App,
                                                         tmp_path: Path) -> None:
    import_statement(page)
    press(page, page, "Import")
    go_to(page, "Data")
    payments = download(page, "Download payments (CSV)", tmp_path)
    rows = list(csv.DictReader(io.StringIO(payments.read_bytes().decode("utf-8-sig"))))
    assert payments.read_bytes().startswith(b"\xef\xbb\xbf")
    assert {row["currency"] for row in rows} == {"USD"}
    assert all(row["source"] == "upwork" and row["external_ref"] for row in rows)
    backup = download(page, "Download a backup of everything (zip)", tmp_path / "backup")

    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    try:
        other = context.new_page()
        open_app(other, second_app.url())
        go_to(other, "Data")
        upload(other, backup, "Backup file (zip)")
        press(other, other, "Restore")
        expect(flash(other).filter(has_text="Restored")).to_be_visible()
        again = download(other, "Download payments (CSV)", tmp_path / "restored")
        assert again.read_bytes() == payments.read_bytes()
        september_net(other)
        screenshot(other, "restored-dashboard")
        no_trouble(other)
    finally:
        context.close()
