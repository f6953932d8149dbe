"""Dashboard page: headline for a chosen month, charts, forecast sentence, owed list, streaks.

Only the open tab is drawn (and reads the database); opening another one reruns the page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import streamlit as st
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import assert_clean
from tracker.ledger.months import add_months
from tracker.services.clients import ClientInput, create_client
from tracker.services.common import month_of
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment

Open = Callable[[str], AppTest]


def metrics(at: AppTest) -> dict[str, str]:
    """Return the page's metrics by label."""
    return {m.label: m.value for m in at.metric}


def open_tab(at: AppTest, label: str) -> AppTest:
    """Open a Dashboard tab, as a click on it does (the page runs again), and return the page."""
    at.session_state["dashboard_tabs"] = label
    return at.run()


def test_switching_month_shows_that_months_figures(open_page: Open, filled: Session) -> None:
    """August 2026: ৳27,562.50 from the worked example less a ৳1,000 internet bill."""
    at = open_page("dashboard")
    at.selectbox(key="dashboard_month").set_value("2026-08").run()
    assert_clean(at)
    shown = metrics(at)
    assert shown["Net income"] == "৳26,562.50"
    assert shown["Of your goal"] == "26.56%"
    assert shown["Still to go"] == "৳73,437.50"
    assert shown["Days left"] == "0"
    assert shown["Month end at this pace"] == "৳26,562.50"
    assert len(at.get("plotly_chart")) == 3  # the months, the days of August, the forecast
    # August, then September and October with nothing: three complete months, falling to zero
    assert any("Earn in a month first" in w.value for w in at.warning)


def test_empty_database_shows_zero_against_the_goal(open_page: Open) -> None:
    at = open_page("dashboard")
    assert_clean(at)
    assert any("at least three complete months" in i.value for i in at.info)
    shown = metrics(at)
    assert shown["Net income"] == "৳0.00"
    assert shown["Still to go"] == "৳1,00,000.00"
    at = open_tab(at, "Owed to you")
    assert_clean(at)
    assert any("Nobody owes you" in s.value for s in at.success)


def test_a_rising_trend_names_the_month_of_the_goal(open_page: Open, session: Session,
                                                    frozen_today: date) -> None:
    """Six months rising ৳10,000 a month from ৳20,000: 80k this month, 90k, then the goal."""
    current = month_of(frozen_today)
    for i, taka in enumerate([20000, 30000, 40000, 50000, 60000, 70000]):
        month = add_months(current, i - 6)
        create_payment(session=session, data=PaymentInput(paid_on=f"{month}-10", gross=str(taka),
                                                          currency="BDT"))
    at = open_page("dashboard")
    assert_clean(at)
    expected = add_months(current, 2)
    assert any(f"you reach the goal in {expected}" in i.value for i in at.info)
    assert metrics(open_tab(at, "Owed to you"))["Months in a row with income"] == "6"


def test_overdue_work_is_listed_with_the_s18_advice(open_page: Open, session: Session,
                                                    frozen_today: date) -> None:
    client = create_client(session=session, data=ClientInput(name="Slow Payer")).id
    create_gig(session=session, data=GigInput(title="Banner", client_id=client, status="delivered",
                                              delivered_on="2026-01-05", price="80"))
    at = open_tab(open_page("dashboard"), "Owed to you")
    assert_clean(at)
    owed = at.dataframe[-1].value
    assert list(owed["Gig"]) == ["Banner"]
    assert list(owed["Amount"]) == ["$80.00"]
    assert owed["Days overdue"][0] == (frozen_today - date(2026, 1, 5)).days - 14 == 121
    assert any("(S18)" in c.value for c in at.caption)


TAB_READERS = {  # what each tab reads beyond the headline: methods of tracker.reports.facade.Reports
    "Progress": {"Reports.monthly_net", "Reports.daily_net", "Reports.outlook_and_history"},
    "Where money comes from": {"Reports.income_sources"},
    "Gigs": {"Reports.pipeline_counts", "Reports.totals_by_status"},
    "Learning and rates": {"Reports.learning_and_rates"},
    "Owed to you": {"Reports.money_owed", "Reports.income_streak", "Reports.learning_days"},
}


@pytest.fixture
def readers_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Return the list that collects the readers a page asks state.read for (their qualified names)."""
    from tracker.web import state

    asked: list[str] = []
    original = state.read

    def recording(reader: Callable[..., object], *args: object) -> object:
        asked.append(reader.__qualname__)
        return original(reader, *args)

    monkeypatch.setattr(state, "read", recording)
    return asked


def tab_shows(at: AppTest, label: str) -> None:
    """Assert that the open tab shows what it is for."""
    if label == "Progress":
        assert [r.key for r in at.radio] == ["dashboard_span"] and len(at.get("plotly_chart")) == 3
    elif label == "Where money comes from":
        assert len(at.get("plotly_chart")) == 3  # by kind of work, by platform, top clients
        assert metrics(at)["Share of your largest client"] == "100.00%"
    elif label == "Gigs":
        assert metrics(at)["Proposals won"] == "100.00%"
        assert list(at.dataframe[0].value["status"])[:1] == ["lead"]
    elif label == "Learning and rates":
        learned, by_skill, by_client = (frame.value for frame in at.dataframe)
        assert list(learned["Skill"]) == ["Logo design"] and list(learned["Hours learned"]) == ["1.5"]
        assert by_skill.empty and by_client.empty  # no hours worked logged on the gig
    else:
        assert "Months in a row with income" in metrics(at)
        assert any("Nobody owes you" in s.value for s in at.success)


@pytest.mark.parametrize("label", list(TAB_READERS))
def test_only_the_open_tab_reads_and_draws(open_page: Open, filled: Session, readers_asked: list[str],
                                           label: str) -> None:
    at = open_page("dashboard")
    at.selectbox(key="dashboard_month").set_value("2026-08").run()
    readers_asked.clear()
    st.cache_data.clear()  # as after a save: every reader runs again
    at = open_tab(at, label)
    assert_clean(at)
    assert [t.label for t in at.tabs] == list(TAB_READERS)
    others = set().union(*(readers for tab, readers in TAB_READERS.items() if tab != label))
    assert TAB_READERS[label] <= set(readers_asked)
    assert not others & set(readers_asked), f"a closed tab read {others & set(readers_asked)}"
    tab_shows(at, label)


def test_the_months_shown_stay_while_another_tab_is_open(open_page: Open, filled: Session) -> None:
    at = open_page("dashboard")
    at.radio(key="dashboard_span").set_value(24).run()
    at = open_tab(at, "Gigs")
    assert not at.radio, "the closed Progress tab draws nothing"
    at = open_tab(at, "Progress")
    assert_clean(at)
    assert at.radio(key="dashboard_span").value == 24
