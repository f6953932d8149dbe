"""Dashboard page: headline for a chosen month, charts, forecast sentence, owed list, streaks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import assert_clean
from tracker.reports import add_months
from tracker.services.clients import ClientInput, create_client
from tracker.services.common import month_of
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment

Open = Callable[[str], AppTest]


def metrics(at: AppTest) -> dict[str, str]:
    """Return the page's metrics by label."""
    return {m.label: m.value for m in at.metric}


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
    assert len(at.get("plotly_chart")) >= 5
    # August, then September and October with nothing: three complete months, falling to zero
    assert any("Earn in a month first" in w.value for w in at.warning)


def test_empty_database_shows_zero_against_the_goal(open_page: Open) -> None:
    at = open_page("dashboard")
    assert_clean(at)
    assert any("at least three complete months" in i.value for i in at.info)
    shown = metrics(at)
    assert shown["Net income"] == "৳0.00"
    assert shown["Still to go"] == "৳1,00,000.00"
    assert any("Nobody owes you" in s.value for s in at.success)


def test_a_rising_trend_names_the_month_of_the_goal(open_page: Open, session: Session) -> None:
    """Six months rising ৳10,000 a month from ৳20,000: 80k this month, 90k, then the goal."""
    current = month_of(date.today())
    for i, taka in enumerate([20000, 30000, 40000, 50000, 60000, 70000]):
        month = add_months(current, i - 6)
        create_payment(session=session, data=PaymentInput(paid_on=f"{month}-10", gross=str(taka),
                                                          currency="BDT"))
    at = open_page("dashboard")
    assert_clean(at)
    expected = add_months(current, 2)
    assert any(f"you reach the goal in {expected}" in i.value for i in at.info)
    assert metrics(at)["Months in a row with income"] == "6"


def test_overdue_work_is_listed_with_the_s18_advice(open_page: Open, session: Session) -> None:
    client = create_client(session=session, data=ClientInput(name="Slow Payer")).id
    create_gig(session=session, data=GigInput(title="Banner", client_id=client, status="delivered",
                                              delivered_on="2026-01-05", price="80"))
    at = open_page("dashboard")
    assert_clean(at)
    owed = at.dataframe[-1].value
    assert list(owed["Gig"]) == ["Banner"]
    assert list(owed["Amount"]) == ["$80.00"]
    assert owed["Days overdue"][0] == (date.today() - date(2026, 1, 5)).days - 14
    assert any("(S18)" in c.value for c in at.caption)
