"""Browser tests: Debian's Chromium, driven by Playwright, against `streamlit run` on a loopback port.

Fixtures:
- `browser`: one headless Chromium for the whole run (the system binary, never Playwright's own).
- `app`: a fresh `streamlit run streamlit_app.py` per test, on a free 127.0.0.1 port, with a new
  database and data folder in a temporary folder; stopped afterwards, also when the test fails.
- `tab`: a new, blank browser tab (its own context, downloads allowed); JavaScript errors are
  collected in `page_errors`. A failed test leaves a screenshot FAILED-<test>.png and the server's
  log in the report.
- `page`: that tab with the app's first page loaded and idle.

Without Chromium the tests are skipped with the reason; with TRACKER_E2E_REQUIRED=1 (set by .ci/run)
that skip is a failure instead. TRACKER_CHROMIUM names another Chromium binary.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from tests import databases
from tests.e2e.browser import COUNT_MESSAGES, open_app, screenshot
from tracker.db.config import PROJECT_ROOT

CHROMIUM = os.environ.get("TRACKER_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("TRACKER_E2E_REQUIRED", "") not in ("", "0")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_SECONDS = 60  # a cold start on a busy two-core CI machine, with the first migration
STOP_SECONDS = 10
POLL_SECONDS = 0.1
VIEWPORT = {"width": 1280, "height": 900}

expect.set_options(timeout=30_000)  # one Streamlit run on a busy machine, not a sleep


@dataclass(frozen=True)
class App:
    """A running app: where it answers, and the database and data folder it uses."""

    base_url: str
    db_url: str
    data_dir: Path
    log: Path

    def url(self, path: str = "") -> str:
        """Return the address of a page, like app.url('gigs')."""
        return f"{self.base_url}/{path.lstrip('/')}"


def chromium_missing() -> str | None:
    """Return why the browser tests cannot run here, or None when they can."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return (f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium) "
                "or point TRACKER_CHROMIUM at a Chromium binary")
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Return one headless Debian Chromium for the whole test run."""
    reason = chromium_missing()
    if reason:
        if REQUIRED:
            pytest.fail(f"TRACKER_E2E_REQUIRED is set, so the browser tests must run: {reason}")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def free_port() -> int:
    """Return a loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(folder: Path, port: int) -> tuple[subprocess.Popen[bytes], App]:
    """Start `streamlit run` on a port with a database in `folder`; return the process and the app."""
    db_url = databases.new_database(folder, "tracker.db")
    data_dir = folder / "data"
    data_dir.mkdir(exist_ok=True)
    log = folder / f"streamlit-{port}.log"
    env = {**os.environ, "TRACKER_DB_URL": db_url, "TRACKER_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
               "--server.runOnSave", "false"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    return process, App(f"http://127.0.0.1:{port}", db_url, data_dir, log)


def wait_healthy(process: subprocess.Popen[bytes], app: App) -> bool:
    """Return True once /_stcore/health answers ok, False if the server stopped first."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(app.url("_stcore/health"), timeout=2) as answer:
                if answer.status == 200 and answer.read().strip() == b"ok":
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"streamlit did not answer in {START_SECONDS}s:\n{app.log.read_text()}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and anything it started (its own process group), by force if it hangs."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_SECONDS)
            return
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=STOP_SECONDS)


@pytest.fixture
def app(request: pytest.FixtureRequest, browser: Browser, tmp_path: Path) -> Iterator[App]:
    """Return a fresh app server with an empty database; it is stopped after the test."""
    for _attempt in range(3):  # another program may take the free port before streamlit binds it
        process, started = start_server(tmp_path, free_port())
        try:
            if wait_healthy(process, started):
                break
        except BaseException:
            stop_server(process)
            raise
        stop_server(process)
    else:
        raise RuntimeError(f"streamlit did not start:\n{started.log.read_text()}")
    try:
        yield started
    finally:
        stop_server(process)
        if failed(request):
            print(f"--- streamlit log ({started.log}) ---\n{started.log.read_text()[-5000:]}")


@pytest.fixture
def page_errors() -> list[str]:
    """Return the JavaScript errors the page raised (filled while the test runs)."""
    return []


@pytest.fixture
def tab(request: pytest.FixtureRequest, browser: Browser, app: App, page_errors: list[str]) -> Iterator[Page]:
    """Return a new, blank browser tab of its own (no app page opened yet)."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.add_init_script(COUNT_MESSAGES)
    blank = context.new_page()
    blank.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        yield blank
    finally:
        if failed(request):
            with contextlib.suppress(PlaywrightError):  # a crashed tab leaves no picture
                print(f"screenshot: {screenshot(blank, f'FAILED-{request.node.name}')}")
        context.close()


@pytest.fixture
def page(tab: Page, app: App) -> Page:
    """Return a tab with the app's first page (the Dashboard) loaded and idle."""
    open_app(tab, app.url())
    return tab


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Keep each phase's report on the test, so that fixtures can tell a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def failed(request: pytest.FixtureRequest) -> bool:
    """Return True when the test (or its setup) failed."""
    return any(getattr(getattr(request.node, f"report_{when}", None), "failed", False)
               for when in ("setup", "call"))
