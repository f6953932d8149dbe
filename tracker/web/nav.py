"""Routing: the page list, st.navigation, the start of every page, and the shared sidebar."""

from __future__ import annotations

from typing import Any

import streamlit as st

from tracker.guidance import advice as situations
from tracker.i18n import N_
from tracker.reports.facade import Reports
from tracker.web import state
from tracker.web.access import let_in, sign_out_button
from tracker.web.state import _
from tracker.web.widgets import language_picker

ENTRYPOINT = "streamlit_app.py"
PAGES = (  # file, title, icon
    ("pages/dashboard.py", N_("Dashboard"), ":material/monitoring:"),
    ("pages/log_work.py", N_("Log work"), ":material/edit_note:"),
    ("pages/clients.py", N_("Clients"), ":material/groups:"),
    ("pages/gigs.py", N_("Gigs"), ":material/work:"),
    ("pages/skills.py", N_("Skills and learning"), ":material/school:"),
    ("pages/guidance.py", N_("Guidance"), ":material/lightbulb:"),
    ("pages/data.py", N_("Data"), ":material/database:"),
    ("pages/settings.py", N_("Settings"), ":material/settings:"),
)
WELCOME = ("pages/welcome.py", N_("Welcome"), ":material/waving_hand:")


def start() -> Any:
    """Start a run of the app (the router calls it first): a new per-run memo; return the chosen page."""
    state.start_run(routed=True)
    let_in()  # on any address but 127.0.0.1: a password or a login first, or nothing at all
    return navigation()


def navigation() -> Any:
    """Return the app's navigation over every page, titles in the person's language.

    On a first start (see `onboarding_due`) the welcome page opens first and is in the menu;
    otherwise it is hidden from the menu and opened only from Settings.
    If a page was opened before the router had ever run in this server (a bookmark or a reloaded
    tab right after `make run`), Streamlit ran it on its own; it handed over here, so go back to it.
    """
    due = onboarding_due()
    pages = [st.Page(path, title=_(title), icon=icon, default=i == 0 and not due)
             for i, (path, title, icon) in enumerate(PAGES)]
    welcome, title, icon = WELCOME
    pages.insert(0, st.Page(welcome, title=_(title), icon=icon, default=due,
                            visibility="visible" if due else "hidden"))
    chosen = st.navigation(pages)
    wanted = st.session_state.pop("_open_page", None)
    if wanted in {path for path, _title, _icon in (*PAGES, WELCOME)}:
        st.switch_page(wanted)
    return chosen


def onboarding_due() -> bool:
    """Return True when the welcome steps open first: an empty database, never finished or skipped."""
    return state.read(situations.needs_onboarding)


def page_title(title: str) -> None:
    """Start a page: through the router, behind the gate, after the day's backup; show its title and
    any message left by the previous run (after a save)."""
    if not state.routed_here():
        state.start_run()
        _hand_over_to_router()
    let_in()
    state.backup_once_a_day()
    st.title(title)
    for kind, text in st.session_state.pop("_flash", []):
        getattr(st, kind)(state.plain(text))  # messages name what a person typed: shown as typed


def _hand_over_to_router() -> None:
    """Send a page that Streamlit ran on its own in a browser through the router, to the same page.

    That happens when a page is opened by its address before the router ever ran in this server
    (Streamlit's older pages/ folder mode, which ends at the first st.navigation). A page run on its
    own without a browser (a page test) has no address, and stays as it is.
    """
    url = st.context.url
    if not url:
        return
    st.session_state["_open_page"] = page_at(url)
    st.switch_page(ENTRYPOINT)


def page_at(url: str) -> str | None:
    """Return the page file an address opens ('…/gigs' opens pages/gigs.py), or None for the default."""
    wanted = f"pages/{url.split('?')[0].rstrip('/').rsplit('/', 1)[-1]}.py"
    return wanted if wanted in {path for path, _title, _icon in (*PAGES, WELCOME)} else None


def sidebar() -> None:
    """Draw the shared sidebar: this month's progress towards the goal, and the language switch."""
    summary = state.read(Reports.month_summary, state.this_month())
    with st.sidebar:
        st.caption(_("This month"))
        st.markdown(f"**{state.money(summary.net_minor)}** / {state.money(summary.goal_minor, whole=True)}")
        st.progress(min(max(float(summary.progress), 0.0), 1.0))
        language_picker(key="sidebar_language")
    sign_out_button()
