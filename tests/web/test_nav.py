"""tracker/web/nav.py: the router starts each run and opens the pages; a page knows who ran it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tracker.db.config import PROJECT_ROOT
from tracker.services.goals import set_goal
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import set_setting
from tracker.web.nav import PAGES, WELCOME, page_at


def test_every_page_in_the_menu_is_a_file() -> None:
    for path, _title, _icon in (*PAGES, WELCOME):
        assert (PROJECT_ROOT / path).is_file(), path


@pytest.mark.parametrize(("url", "page"), [
    ("http://127.0.0.1:8501/gigs", "pages/gigs.py"),
    ("http://127.0.0.1:8501/log_work/", "pages/log_work.py"),
    ("https://tracker.example.com/base/welcome", "pages/welcome.py"),
    ("http://127.0.0.1:8501/", None),
    ("http://127.0.0.1:8501/nothing_here", None),
])
def test_an_address_opens_its_page(url: str, page: str | None) -> None:
    assert page_at(url) == page


def who_ran() -> None:
    """Show, twice, whether the router started this run; then start a page."""
    import streamlit as st

    from tracker.web import nav, state

    if st.session_state.get("as_router"):
        state.start_run(routed=True)
    st.markdown(f"{state.routed_here()} {state.routed_here()}")
    nav.page_title("A page")


def test_a_page_knows_once_whether_the_router_ran_it(db_url: str) -> None:
    at = AppTest.from_function(who_ran, default_timeout=30)
    at.session_state["as_router"] = True
    at.run()
    assert at.markdown[0].value == "True False"
    at.session_state["as_router"] = False
    at.run()
    assert at.markdown[0].value == "False False"


def test_a_page_on_its_own_without_an_address_stays_itself(db_url: str) -> None:
    at = AppTest.from_function(who_ran, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "A page", "no browser address: nothing to hand over to the router"


def test_the_router_opens_the_dashboard_with_the_sidebar(db_url: str) -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.caption[0].value == "This month"


def test_the_sidebar_writes_money_in_the_home_currency(session: Session, frozen_today: date) -> None:
    """Issue 16's fault: with yen at home, the sidebar showed ৳500.00 / ৳3,000 for ¥50,000 of ¥300,000."""
    set_setting(session=session, key="home_currency", value="JPY")
    set_goal(session=session, target="300000", valid_from=f"{frozen_today:%Y-%m}")
    create_payment(session=session, data=PaymentInput(paid_on=frozen_today, gross="50000", currency="JPY"))
    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.markdown[0].value == "**¥50,000** / ¥300,000"
