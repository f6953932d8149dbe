"""Plotly figures for the Dashboard: data in, Figure out, nothing else.

Money is plotted in whole units of the home currency (Decimal, exact); axis ticks and hover labels
are written by tracker.money so that taka reads in lakh (৳1,00,000), in Bengali digits if asked.
"""

from __future__ import annotations

import calendar
import html
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

import plotly.graph_objects as go

from tracker.forecast import Forecast
from tracker.money import exponent, format_money, from_minor, to_bengali_digits
from tracker.reports import MonthNet, month_start, round_half_up

GOAL_COLOUR, BAR_COLOUR, TREND_COLOUR = "#d62728", "#006a4e", "#ff7f0e"
HOVER_Y = "%{y}: %{customdata}<extra></extra>"
HOVER_WHEN = "%{hovertext}: %{customdata}<extra></extra>"  # the day or month as the person reads it
Label = Callable[[str], str]
When = Callable[[str], str]
Day = Callable[[date], str]


def _plain(text: str) -> str:
    """Return the text unchanged (the default for labels)."""
    return text


def _digits(text: str, bengali: bool) -> str:
    """Return the text in Bengali digits when asked."""
    return to_bengali_digits(text) if bengali else text


def _month_axis(fig: go.Figure, months: Sequence[str], month: When) -> None:
    """Write the months of a category axis the way the person reads them ('আগস্ট ২০২৬')."""
    fig.update_xaxes(tickvals=list(months), ticktext=[month(m) for m in months])


def as_text(name: str) -> str:
    """Return a name plotly shows as typed: its HTML-like tags are not rendered (&lt; for <)."""
    return html.escape(name, quote=False)


def _units(minor: int, currency: str) -> Decimal:
    """Return whole currency units for plotting (exact Decimal)."""
    return from_minor(minor, currency)


def _money_axis(fig: go.Figure, values: Sequence[Decimal], currency: str, bengali: bool,
                axis: str = "y") -> None:
    """Label a money axis with about five round ticks written the way the person reads money."""
    top = max([abs(v) for v in values] + [Decimal(1)])
    step = Decimal(10) ** (len(str(int(top))) - 1)
    while top / step < 3:
        step /= 2
    low = min([v for v in values] + [Decimal(0)])
    ticks, tick = [], (low // step) * step
    while tick <= top + step:
        ticks.append(tick)
        tick += step
    places = exponent(currency)
    text = [format_money(round_half_up(t.scaleb(places)), currency, whole=True, bengali_digits=bengali)
            for t in ticks]
    fig.update_layout(**{f"{axis}axis": {"tickvals": ticks, "ticktext": text}})


def _hover(values: Sequence[int], currency: str, bengali: bool) -> list[str]:
    """Return hover labels for amounts in minor units."""
    return [format_money(v, currency, bengali_digits=bengali) for v in values]


def monthly_net_chart(series: list[MonthNet], currency: str, *, label: Label = _plain,
                      bengali: bool = False, month: When = _plain) -> go.Figure:
    """Return bars of net income per month, the goal as a line, and a 3-month moving average."""
    months = [m.month for m in series]
    nets = [_units(m.net_minor, currency) for m in series]
    average = [sum(nets[max(0, i - 2): i + 1]) / len(nets[max(0, i - 2): i + 1]) for i in range(len(nets))]
    fig = go.Figure([
        go.Bar(x=months, y=nets, name=label("Net income"), marker_color=BAR_COLOUR,
               customdata=_hover([m.net_minor for m in series], currency, bengali),
               hovertext=[month(m) for m in months], hovertemplate=HOVER_WHEN),
        go.Scatter(x=months, y=[_units(m.goal_minor, currency) for m in series], name=label("Goal"),
                   mode="lines", line={"color": GOAL_COLOUR, "dash": "dash"}, hoverinfo="skip"),
        go.Scatter(x=months, y=average, name=label("3-month average"), mode="lines+markers",
                   line={"color": TREND_COLOUR}, hoverinfo="skip"),
    ])
    fig.update_layout(title=label("Net income per month"), xaxis_title=label("Month"),
                      yaxis_title=label("Net income"), xaxis_type="category")
    _money_axis(fig, nets + [_units(m.goal_minor, currency) for m in series], currency, bengali)
    _month_axis(fig, months, month)
    return fig


def month_progress_chart(month: str, daily: list[tuple[date, int]], goal_minor: int, currency: str, *,
                         label: Label = _plain, bengali: bool = False,
                         day: Day = date.isoformat) -> go.Figure:
    """Return this month's cumulative net income against the straight line to the goal."""
    first = month_start(month)
    days = calendar.monthrange(first.year, first.month)[1]
    running, total = [], 0
    for when, minor in daily:
        total += minor
        running.append((when, total))
    xs = [first] + [d for d, _ in running]
    ys = [0] + [t for _, t in running]
    end = date(first.year, first.month, days)
    fig = go.Figure([
        go.Scatter(x=xs, y=[_units(v, currency) for v in ys], name=label("So far"), mode="lines+markers",
                   line={"shape": "hv", "color": BAR_COLOUR}, customdata=_hover(ys, currency, bengali),
                   hovertext=[day(x) for x in xs], hovertemplate=HOVER_WHEN),
        go.Scatter(x=[first, end], y=[0, _units(goal_minor, currency)],
                   name=label("Straight line to the goal"), mode="lines",
                   line={"color": GOAL_COLOUR, "dash": "dash"}, hoverinfo="skip"),
    ])
    ticks = [date(first.year, first.month, n) for n in range(1, days + 1, 7)]
    fig.update_layout(title=label("This month so far"), xaxis_title=label("Day"),
                      yaxis_title=label("Net income"),
                      xaxis={"tickvals": ticks, "ticktext": [_digits(str(t.day), bengali) for t in ticks]})
    _money_axis(fig, [_units(v, currency) for v in ys] + [_units(goal_minor, currency)], currency, bengali)
    return fig


def forecast_chart(series: list[MonthNet], outlook: Forecast, goal_minor: int, currency: str, *,
                   label: Label = _plain, bengali: bool = False, month: When = _plain) -> go.Figure:
    """Return past net income and the projected trend line towards the goal."""
    past = [m for m in series if m.month < (outlook.projection[0][0] if outlook.projection else "9999")]
    future = outlook.projection
    fig = go.Figure([
        go.Scatter(x=[m.month for m in past], y=[_units(m.net_minor, currency) for m in past],
                   name=label("Net income"), mode="lines+markers", line={"color": BAR_COLOUR},
                   customdata=_hover([m.net_minor for m in past], currency, bengali),
                   hovertext=[month(m.month) for m in past], hovertemplate=HOVER_WHEN),
        go.Scatter(x=[m for m, _ in future], y=[_units(v, currency) for _, v in future],
                   name=label("Trend"), mode="lines", line={"color": TREND_COLOUR, "dash": "dot"},
                   customdata=_hover([v for _, v in future], currency, bengali),
                   hovertext=[month(m) for m, _ in future], hovertemplate=HOVER_WHEN),
    ])
    months = [m.month for m in past] + [m for m, _ in future]
    fig.add_trace(go.Scatter(x=months, y=[_units(goal_minor, currency)] * len(months), name=label("Goal"),
                             mode="lines", line={"color": GOAL_COLOUR, "dash": "dash"}, hoverinfo="skip"))
    fig.update_layout(title=label("When you reach the goal at this pace"), xaxis_title=label("Month"),
                      yaxis_title=label("Net income"), xaxis_type="category")
    values = [_units(m.net_minor, currency) for m in past] + [_units(v, currency) for _, v in future]
    _money_axis(fig, values + [_units(goal_minor, currency)], currency, bengali)
    _month_axis(fig, months, month)
    return fig


def shares_chart(title: str, names: list[str], amounts_minor: list[int], currency: str, *,
                 label: Label = _plain, bengali: bool = False) -> go.Figure:
    """Return horizontal bars of net income by source (category, platform or client)."""
    values = [_units(v, currency) for v in amounts_minor]
    names = [as_text(name) for name in names]
    fig = go.Figure(go.Bar(x=values, y=names, orientation="h", marker_color=BAR_COLOUR,
                           customdata=_hover(amounts_minor, currency, bengali),
                           hovertemplate=HOVER_Y))
    fig.update_layout(title=title, xaxis_title=label("Net income"), yaxis={"autorange": "reversed"})
    _money_axis(fig, values, currency, bengali, axis="x")
    return fig


def pipeline_chart(counts: dict[str, int], *, label: Label = _plain, bengali: bool = False) -> go.Figure:
    """Return bars of how many gigs are in each status of the pipeline."""
    fig = go.Figure(go.Bar(x=[label(s) for s in counts], y=list(counts.values()), marker_color=BAR_COLOUR))
    top = max([*counts.values(), 1])
    step = max(1, -(-top // 5))
    ticks = list(range(0, top + step, step))
    text = [_digits(str(t), bengali) for t in ticks]
    fig.update_layout(title=label("Gigs by status"), xaxis_title=label("Status"),
                      yaxis_title=label("Gigs"), yaxis={"tickvals": ticks, "ticktext": text})
    return fig
