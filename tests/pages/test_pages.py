"""Every page renders; the payment form writes what it should and refuses bad input visibly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlmodel import Session, func, select
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import PAGES
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import open_session
from tracker.ledger.models import Client, Goal, Payment, Skill
from tracker.services.settings import set_setting

Open = Callable[[str], AppTest]


def no_trouble(at: AppTest) -> None:
    """Assert the page ran without an exception or an error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def count(model: type) -> int:
    """Return the rows of a table, read with a new session."""
    with open_session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_an_empty_database(open_page: Open, page: str) -> None:
    at = open_page(page)
    no_trouble(at)
    assert at.title, "every page has a title"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_data(open_page: Open, filled: Session, page: str) -> None:
    no_trouble(open_page(page))


def test_pages_show_what_is_in_the_database(open_page: Open, filled: Session) -> None:
    clients = open_page("clients").dataframe[0].value
    assert list(clients["name"]) == ["Acme Ltd"]
    assert list(clients["net_home"]) == ["27562.50"]
    skills = open_page("skills").dataframe[0].value
    assert list(skills["hours_learned"]) == ["1.5"]
    assert list(skills["stage"]) == ["mentor-approved"]
    payments = open_page("log_work").dataframe[0].value
    assert list(payments["net_home"]) == ["৳27,562.50"]


def test_router_runs_with_sidebar_progress(db_url: str) -> None:
    with open_session() as s:  # past the welcome steps, which open first on an empty database
        set_setting(session=s, key="onboarded", value="skipped")
    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30).run()
    no_trouble(at)
    assert at.title[0].value == "Dashboard"
    assert "৳1,00,000" in at.sidebar.markdown[0].value


def fill_payment(at: AppTest, gross: str, fee: str = "0", rate: str = "") -> AppTest:
    """Type a payment into the Log work form and press Save."""
    at.date_input[0].set_value(date(2026, 8, 3))
    labels = {t.label: t for t in at.text_input}
    labels["Amount the client paid"].input(gross)
    labels["Platform fee"].input(fee)
    labels["Taka received for 1 unit (rate)"].input(rate)
    at.selectbox[0].set_value("USD")
    return at.button[0].click().run()


def test_payment_form_stores_and_dashboard_shows_the_worked_example(open_page: Open) -> None:
    at = fill_payment(open_page("log_work"), "250.00", fee="25.00", rate="122.50")
    no_trouble(at)
    assert at.success[0].value == "Saved: ৳27,562.50 net."
    assert count(Payment) == 1
    dashboard = open_page("dashboard")
    dashboard.selectbox(key="dashboard_month").set_value("2026-08").run()
    metrics = {m.label: m.value for m in dashboard.metric}
    assert metrics["Net income"] == "৳27,562.50"
    assert metrics["Of your goal"] == "27.56%"
    assert metrics["Still to go"] == "৳72,437.50"


@pytest.mark.parametrize(("gross", "rate", "message"), [
    ("abc", "122.50", "is not a number"),
    ("0", "122.50", "must be more than zero"),
    ("250", "", "Give the rate you received"),
    ("250.001", "122.50", "at most 2 decimals"),
])
def test_bad_payment_shows_a_message_and_stores_nothing(open_page: Open, gross: str, rate: str,
                                                        message: str) -> None:
    at = fill_payment(open_page("log_work"), gross, rate=rate)
    assert not at.exception
    assert message in at.error[0].value
    assert count(Payment) == 0


def test_client_form_adds_a_client_and_refuses_an_empty_name(open_page: Open) -> None:
    at = open_page("clients")
    at.text_input[0].input("Bright Web")
    at.button[0].click().run()
    no_trouble(at)
    assert count(Client) == 1
    at.text_input[0].input("   ")
    at.button[0].click().run()
    assert "Please give the client name." in at.error[0].value
    assert count(Client) == 1


def test_skill_form_adds_a_skill(open_page: Open) -> None:
    at = open_page("skills")
    at.text_input[0].input("WordPress")
    at.button[0].click().run()
    no_trouble(at)
    assert count(Skill) == 1
    assert list(at.dataframe[0].value["name"]) == ["WordPress"]


def test_goal_form_sets_a_goal_from_a_month(open_page: Open) -> None:
    at = open_page("settings")
    at.text_input[0].input("1,50,000")
    at.text_input[1].input("2026-09")
    at.button[0].click().run()
    no_trouble(at)
    assert "From 2026-09 your goal is ৳1,50,000 a month." in at.success[0].value
    assert count(Goal) == 1
    at.text_input[1].input("2026-13")
    at.button[0].click().run()
    assert "is not a month" in at.error[0].value
    assert count(Goal) == 1


def test_checklist_tick_is_saved(open_page: Open) -> None:
    at = open_page("guidance")
    at.checkbox(key="check_internet").check().run()
    no_trouble(at)
    assert open_page("guidance").checkbox(key="check_internet").value is True


def test_data_page_offers_the_payments_csv(open_page: Open, filled: Session) -> None:
    at = open_page("data")
    no_trouble(at)
    assert at.download_button[0].label == "Download payments (CSV)"
    counts = dict(zip(at.dataframe[0].value["Table"], at.dataframe[0].value["Rows"], strict=True))
    assert counts["payment"] == 1 and counts["client"] == 1
