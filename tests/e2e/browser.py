"""What a person does in the browser, as small helpers: open a page, wait for the app, pick, type, press.

Waiting: Streamlit marks `[data-testid="stApp"]` with data-test-script-state; "notRunning" means the
script is idle. `wait_idle(page, action)` first watches that attribute, does the action, waits until a
run has started, and then until the app has been idle for SETTLE_MS (a save ends in st.rerun, which is
two runs with a moment of "notRunning" between them). Nothing here sleeps for a fixed time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
RUN_TIMEOUT_MS = 60_000
SETTLE_MS = 250
POLL_MS = 25
APP = '[data-testid="stApp"]'
TROUBLE = ", ".join(f'[data-testid="{kind}"]' for kind in ("stException", "stAlertContentError",
                                                          "stErrorElementStack"))
SCREENSHOT_MAX_HEIGHT = 12_000

# Added to every tab before the app loads: count what the server sends over the app's WebSocket.
# A run shows up there even when the browser is too busy to ever draw the "running" state.
COUNT_MESSAGES = """(() => {
  const Native = window.WebSocket;
  window.__e2eMessages = {count: 0, last: 0};
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => {
        window.__e2eMessages.count += 1;
        window.__e2eMessages.last = performance.now();
      });
    }
  };
})();"""

_WATCH = """() => {
  const w = window.__e2eWatch || (window.__e2eWatch = {});
  w.started = false;
  w.changed = performance.now();
  w.messages = window.__e2eMessages ? window.__e2eMessages.count : 0;
  if (w.observer) return;
  w.observer = new MutationObserver(records => {
    for (const r of records) {
      const now = r.target.getAttribute('data-test-script-state');
      if (r.oldValue === 'running' || now === 'running' || now === 'rerunRequested') w.started = true;
      w.changed = performance.now();
    }
  });
  w.observer.observe(document.body, {subtree: true, attributes: true, attributeOldValue: true,
                                     attributeFilter: ['data-test-script-state']});
}"""

_IDLE = """([mustStart, settleMs]) => {
  const w = window.__e2eWatch;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!w || !app) return false;
  const sent = window.__e2eMessages || {count: 0, last: 0};
  const started = w.started || sent.count > w.messages;
  const quiet = performance.now() - Math.max(w.changed, sent.last);
  return (started || !mustStart) && app.getAttribute('data-test-script-state') === 'notRunning'
    && quiet >= settleMs && !document.querySelector('[data-stale="true"]');
}"""


def wait_idle(page: Page, action: Callable[[], Any] | None = None) -> None:
    """Do `action` (if given), wait for the script run it starts, then until the app is idle.

    Idle: the app says "notRunning", neither that state changed nor the server sent anything for
    SETTLE_MS, and no element is drawn as stale (a form whose key changed can stay on the page, faded,
    until the new one is drawn: a field typed into it then is lost, which failed a step once on a
    loaded machine). A run is seen as started when the state changes or the server sends a message.
    """
    page.evaluate(_WATCH)
    if action is not None:
        action()
    try:
        page.wait_for_function(_IDLE, arg=[action is not None, SETTLE_MS], polling=POLL_MS,
                               timeout=RUN_TIMEOUT_MS)
    except PlaywrightTimeoutError as err:
        state = page.locator(APP).get_attribute("data-test-script-state")
        raise AssertionError(f"the app did not become idle (script state: {state}); if it is "
                             "'notRunning', the action started no run: wait only after one that does"
                             ) from err


def open_app(page: Page, url: str) -> None:
    """Load a page of the app by its address and wait until its first runs are over."""
    page.goto(url)
    page.locator(f'{APP}[data-test-script-state="notRunning"]').wait_for(timeout=RUN_TIMEOUT_MS)
    wait_idle(page)


def no_trouble(page: Page) -> None:
    """Assert the page shows no exception and no error box."""
    expect(page.locator(TROUBLE)).to_have_count(0)


def heading(page: Page, title: str) -> Locator:
    """Return the page's title (its level-one heading)."""
    return page.get_by_role("heading", name=title, level=1, exact=True)


def sidebar_links(page: Page) -> Locator:
    """Return the links of the app's own navigation in the sidebar."""
    return page.locator('[data-testid="stSidebarNav"]').get_by_role("link")


def page_titles(page: Page) -> list[str]:
    """Return the titles of the pages in the sidebar, in their order."""
    return sidebar_links(page).locator("p").all_inner_texts()


def go_to(page: Page, title: str) -> None:
    """Open a page from the sidebar and wait until it is drawn."""
    link = page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True)
    expect(link).to_have_count(1)
    wait_idle(page, link.click)
    expect(heading(page, title)).to_be_visible()


def main(page: Page) -> Locator:
    """Return the main area of the app (not the sidebar)."""
    return page.get_by_role("main")


def tab(page: Page, name: str) -> Locator:
    """Show a tab and return its panel; a switch to another tab starts a run, waited for here.

    The app's tabs rerun on a switch (widgets.tabs keeps the tab in use across runs). A step that went on
    at once worked beside that run: the run drew the select box again, and the option the step was
    about to click went from the page. That failed a CI run once; with every page's run slowed by
    0.5 s it failed at that very step. Waiting here, all browser tests passed so slowed.
    """
    button = page.get_by_role("tab", name=name, exact=True)
    expect(button).to_have_count(1)
    if button.get_attribute("aria-selected") != "true":
        wait_idle(page, button.click)
    expect(button).to_have_attribute("aria-selected", "true")
    panel = page.get_by_role("tabpanel", name=name, exact=True)
    expect(panel).to_be_visible()
    return panel


def form(scope: Page | Locator, button: str) -> Locator:
    """Return the form whose submit button says `button`."""
    # CSS, not roles: an open select box hides the rest of the page from the accessibility tree.
    page = scope.page if isinstance(scope, Locator) else scope
    found = scope.get_by_test_id("stForm").filter(
        has=page.locator("button").filter(has_text=re.compile(f"^{re.escape(button)}$"))).filter(visible=True)
    expect(found).to_have_count(1)
    return found


def type_in(scope: Page | Locator, label: str, text: str) -> None:
    """Replace the text of a field inside a form (no script run until the form is sent)."""
    scope.get_by_label(label, exact=True).fill(text)


def choose(scope: Page | Locator, label: str, option: str, *, exact: bool = True,
           check: bool = True) -> None:
    """Pick an option of a select box by its visible text (typed, so that long lists work)."""
    box = scope.get_by_role("combobox", name=label, exact=True)
    page = box.page
    box.click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=exact).first.click()
    expect(page.get_by_role("listbox")).to_have_count(0)
    if check:
        chosen(scope, label, option, exact=exact)


def chosen(scope: Page | Locator, label: str, option: str, *, exact: bool = True) -> None:
    """Assert a select box shows this option (the whole text, or a part of it)."""
    box = scope.get_by_role("combobox", name=label, exact=True)
    expect(box).to_have_value(option if exact else re.compile(re.escape(option)))


def choose_now(page: Page, scope: Page | Locator, label: str, option: str, *, exact: bool = True,
               check: bool = True) -> None:
    """Pick an option of a select box outside a form, and wait for the run it starts (if it changed)."""
    current = scope.get_by_role("combobox", name=label, exact=True).input_value()
    if current == option or (not exact and option in current):
        return  # already chosen: picking it again starts no run
    wait_idle(page, lambda: choose(scope, label, option, exact=exact, check=False))
    if check:
        chosen(scope, label, option, exact=exact)


def press(page: Page, scope: Page | Locator, name: str) -> None:
    """Press a button (a form's submit button too) and wait for the run it starts."""
    button = scope.get_by_role("button", name=name, exact=True)
    wait_idle(page, button.click)


def flash(page: Page, kind: str = "Success") -> Locator:
    """Return the message boxes of one kind: Success, Info, Warning or Error."""
    return page.get_by_test_id(f"stAlertContent{kind}")


def metric(page: Page, label: str) -> Locator:
    """Return the value of the metric with this label."""
    box = page.get_by_test_id("stMetric").filter(has=page.get_by_text(label, exact=True))
    return box.get_by_test_id("stMetricValue")


def screenshot(page: Page, name: str) -> Path:
    """Save a picture of the whole page (the app scrolls inside, so the window grows to fit)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size or {"width": 1280, "height": 900}
    tall = page.evaluate("""() => Math.max(document.body.scrollHeight,
        ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stMainBlockContainer"]')]
          .map(e => e.scrollHeight))""")
    page.set_viewport_size({"width": size["width"], "height": min(max(tall, size["height"]),
                                                                 SCREENSHOT_MAX_HEIGHT)})
    try:
        page.screenshot(path=path, full_page=True)
    finally:
        page.set_viewport_size(size)
    return path


def upload(page: Page, path: Path, label: str) -> None:
    """Give a file to the file uploader with this label and wait for the run it starts."""
    uploader = page.get_by_test_id("stFileUploader").filter(has=page.get_by_text(label, exact=True))
    expect(uploader).to_have_count(1)
    wait_idle(page, lambda: uploader.locator('input[type="file"]').set_input_files(path))


def download(page: Page, button: str, folder: Path) -> Path:
    """Press a download button and return the file it gave, saved in `folder`."""
    with page.expect_download() as started:
        page.get_by_role("button", name=button, exact=True).click()
    got = started.value
    target = folder / got.suggested_filename
    got.save_as(target)
    return target
