"""Chart builders, tested on their figures' data: values, lines, titles, lakh-formatted labels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Session

from tracker.i18n import translate
from tracker.ledger.months import MonthNet
from tracker.present import Present
from tracker.reports.forecast import forecast, outlook_and_history
from tracker.reports.month import monthly_net
from tracker.web import charts

TAKA = Present(language="en", bengali_digits=False, home_currency="BDT")
BENGALI = Present(language="bn", bengali_digits=True, home_currency="BDT")

GOAL = 10_000_000


def series(nets: list[int]) -> list[MonthNet]:
    """Return months from 2026-06 with these nets in whole taka."""
    return [MonthNet(month=f"2026-{6 + i:02d}", net_minor=n * 100, goal_minor=GOAL)
            for i, n in enumerate(nets)]


def test_monthly_chart_has_bars_goal_and_three_month_average() -> None:
    fig = charts.monthly_net_chart(series([30000, 60000, 90000, 30000]), TAKA)
    bars, goal, average = fig.data
    assert list(bars.x) == ["2026-06", "2026-07", "2026-08", "2026-09"]
    assert list(bars.y) == [30000, 60000, 90000, 30000]
    assert list(goal.y) == [100000] * 4
    assert list(average.y) == [30000, 45000, 60000, 60000]
    assert list(bars.customdata) == ["৳30,000.00", "৳60,000.00", "৳90,000.00", "৳30,000.00"]
    assert fig.layout.title.text == "Net income per month"
    assert "৳1,00,000" in fig.layout.yaxis.ticktext


def test_labels_and_bengali_digits_reach_the_figure() -> None:
    fig = charts.monthly_net_chart(series([100000]), BENGALI)
    assert fig.layout.title.text == translate("Net income per month", "bn") != "Net income per month"
    assert list(fig.layout.xaxis.ticktext) == ["জুন ২০২৬"]
    assert fig.data[0].customdata[0] == "৳১,০০,০০০.০০"
    assert "৳১,০০,০০০" in fig.layout.yaxis.ticktext


def test_month_progress_accumulates_days_against_the_straight_line() -> None:
    daily = [(date(2026, 11, 3), 2756250), (date(2026, 11, 5), -150000), (date(2026, 11, 12), 1936620)]
    fig = charts.month_progress_chart("2026-11", daily, GOAL, TAKA)
    so_far, line = fig.data
    assert list(so_far.y) == [0, Decimal("27562.50"), Decimal("26062.50"), Decimal("45428.70")]
    assert list(line.x) == [date(2026, 11, 1), date(2026, 11, 30)]
    assert list(line.y) == [0, 100000]


def test_forecast_chart_draws_history_then_the_trend() -> None:
    history = series([20000, 30000, 40000, 50000])
    outlook = forecast(history, "2026-10", GOAL)
    fig = charts.forecast_chart(history, outlook, GOAL, TAKA)
    past, trend, goal = fig.data
    assert list(past.x) == ["2026-06", "2026-07", "2026-08", "2026-09"]
    assert list(trend.x)[:3] == ["2026-10", "2026-11", "2026-12"]
    assert list(trend.y)[:3] == [60000, 70000, 80000]
    assert outlook.goal_month == "2027-02"  # 60k Oct, +10k a month
    assert list(trend.x)[-1] == "2027-09"  # at least twelve months are drawn
    assert set(goal.y) == {100000}


def test_shares_and_pipeline_charts() -> None:
    fig = charts.shares_chart("By platform", ["Upwork", "direct"], [2000000, 500000], TAKA)
    assert list(fig.data[0].y) == ["Upwork", "direct"]
    assert list(fig.data[0].x) == [20000, 5000]
    assert fig.layout.title.text == "By platform"
    pipeline = charts.pipeline_chart({"lead": 2, "paid": 1}, TAKA)
    assert list(pipeline.data[0].x) == ["lead", "paid"]
    assert list(pipeline.data[0].y) == [2, 1]


def test_names_are_shown_as_typed_not_as_html() -> None:
    fig = charts.shares_chart("By client", ["<b>Acme</b> & Co"], [100], TAKA)
    assert list(fig.data[0].y) == ["&lt;b&gt;Acme&lt;/b&gt; &amp; Co"]


def test_charts_built_in_one_go_keep_their_titles_and_axes(busy: Session) -> None:
    """The figures get their layout in one dict: every title, axis type and tick is still there."""
    from tracker.web import charts

    series = monthly_net(busy, "2026-01", "2026-12")
    english = Present(language="en", bengali_digits=False, home_currency="BDT")
    fig = charts.monthly_net_chart(series, english)
    assert (fig.layout.title.text, fig.layout.xaxis.title.text, fig.layout.yaxis.title.text) == (
        "Net income per month", "Month", "Net income")
    assert fig.layout.xaxis.type == "category" and fig.layout.xaxis.ticktext[0] == "2026-01"
    assert all("৳" in tick for tick in fig.layout.yaxis.ticktext)
    outlook = outlook_and_history(busy, date(2026, 11, 21))
    fig = charts.forecast_chart(outlook.history, outlook.forecast, 10_000_000, english)
    assert fig.layout.xaxis.type == "category"
    assert [t.name for t in fig.data] == ["Net income", "Trend", "Goal"]
    digits = Present(language="en", bengali_digits=True, home_currency="BDT")
    fig = charts.month_progress_chart("2026-02", [], 10_000_000, digits)
    assert fig.layout.xaxis.title.text == "Day" and list(fig.layout.xaxis.ticktext) == ["১", "৮", "১৫", "২২"]
    fig = charts.shares_chart("By platform", ["Upwork"], [100], english)
    assert fig.layout.yaxis.autorange == "reversed" and fig.layout.xaxis.title.text == "Net income"
    assert charts.pipeline_chart({"lead": 2}, english).layout.yaxis.title.text == "Gigs"
