"""The charts (tracker/web/charts.py) built in one go keep their titles and axes."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from tracker.reports.month import monthly_net
from tracker.reports.outlook import outlook_and_history


def test_charts_built_in_one_go_keep_their_titles_and_axes(busy: Session) -> None:
    """The figures get their layout in one dict: every title, axis type and tick is still there."""
    from tracker.web import charts

    series = monthly_net(busy, "2026-01", "2026-12")
    fig = charts.monthly_net_chart(series, "BDT", label=str.upper, month=lambda m: f"<{m}>")
    assert (fig.layout.title.text, fig.layout.xaxis.title.text, fig.layout.yaxis.title.text) == (
        "NET INCOME PER MONTH", "MONTH", "NET INCOME")
    assert fig.layout.xaxis.type == "category" and fig.layout.xaxis.ticktext[0] == "<2026-01>"
    assert all("৳" in tick for tick in fig.layout.yaxis.ticktext)
    trend, history = outlook_and_history(busy, date(2026, 11, 21))
    fig = charts.forecast_chart(history, trend, 10_000_000, "BDT")
    assert fig.layout.xaxis.type == "category"
    assert [t.name for t in fig.data] == ["Net income", "Trend", "Goal"]
    fig = charts.month_progress_chart("2026-02", [], 10_000_000, "BDT", bengali=True)
    assert fig.layout.xaxis.title.text == "Day" and list(fig.layout.xaxis.ticktext) == ["১", "৮", "১৫", "২২"]
    fig = charts.shares_chart("By platform", ["Upwork"], [100], "BDT")
    assert fig.layout.yaxis.autorange == "reversed" and fig.layout.xaxis.title.text == "Net income"
    assert charts.pipeline_chart({"lead": 2}).layout.yaxis.title.text == "Gigs"
