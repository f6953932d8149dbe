"""Plotly figures for the Dashboard: data in, Figure out, nothing else.

Money is plotted in whole units of the home currency (Decimal, exact); axis ticks and hover labels
are written by tracker.ledger.money so that taka reads in lakh (৳1,00,000), in Bengali digits if asked.
"""

from __future__ import annotations

import calendar
import html
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go

from tracker.ledger.money import exponent, format_money, from_minor, to_bengali_digits
from tracker.reports.forecast import Forecast
from tracker.reports.month import MonthNet, month_start, round_half_up

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


def _month_axis(months: Sequence[str], month: When) -> dict[str, Any]:
    """Return a category axis whose months read the way the person reads them ('আগস্ট ২০২৬')."""
    return {"type": "category", "tickvals": list(months), "ticktext": [month(m) for m in months]}


def _layout(title: str, x: dict[str, Any], y: dict[str, Any]) -> dict[str, Any]:
    """Return a figure's layout: its title and its two axes (each given whole, at once).

    A layout given to go.Figure in one dict is checked once; update_layout calls would each be
    checked again, key by key, which is most of the time a chart takes.
    """
    return {"title": {"text": title}, "xaxis": x, "yaxis": y}


def _titled(text: str, **axis: Any) -> dict[str, Any]:
    """Return an axis with a title."""
    return {"title": {"text": text}, **axis}


def as_text(name: str) -> str:
    """Return a name plotly shows as typed: its HTML-like tags are not rendered (&lt; for <)."""
    return html.escape(name, quote=False)


def _units(minor: int, currency: str) -> Decimal:
    """Return whole currency units for plotting (exact Decimal)."""
    return from_minor(minor, currency)


def _money_axis(values: Sequence[Decimal], currency: str, bengali: bool) -> dict[str, Any]:
    """Return a money axis's ticks: about five round ones, written the way the person reads money."""
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
    return {"tickvals": ticks, "ticktext": text}


def _hover(values: Sequence[int], currency: str, bengali: bool) -> list[str]:
    """Return hover labels for amounts in minor units."""
    return [format_money(v, currency, bengali_digits=bengali) for v in values]


def monthly_net_chart(series: list[MonthNet], currency: str, *, label: Label = _plain,
                      bengali: bool = False, month: When = _plain) -> go.Figure:
    """Return bars of net income per month, the goal as a line, and a 3-month moving average."""
    months = [m.month for m in series]
    nets = [_units(m.net_minor, currency) for m in series]
    average = [sum(nets[max(0, i - 2): i + 1]) / len(nets[max(0, i - 2): i + 1]) for i in range(len(nets))]
    goals = [_units(m.goal_minor, currency) for m in series]
    return go.Figure([
        go.Bar(x=months, y=nets, name=label("Net income"), marker_color=BAR_COLOUR,
               customdata=_hover([m.net_minor for m in series], currency, bengali),
               hovertext=[month(m) for m in months], hovertemplate=HOVER_WHEN),
        go.Scatter(x=months, y=goals, name=label("Goal"),
                   mode="lines", line={"color": GOAL_COLOUR, "dash": "dash"}, hoverinfo="skip"),
        go.Scatter(x=months, y=average, name=label("3-month average"), mode="lines+markers",
                   line={"color": TREND_COLOUR}, hoverinfo="skip"),
    ], layout=_layout(label("Net income per month"), _titled(label("Month"), **_month_axis(months, month)),
                      _titled(label("Net income"), **_money_axis(nets + goals, currency, bengali))))


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
    values = [_units(v, currency) for v in ys]
    ticks = [date(first.year, first.month, n) for n in range(1, days + 1, 7)]
    days_axis = _titled(label("Day"), tickvals=ticks, ticktext=[_digits(str(t.day), bengali) for t in ticks])
    return go.Figure([
        go.Scatter(x=xs, y=values, name=label("So far"), mode="lines+markers",
                   line={"shape": "hv", "color": BAR_COLOUR}, customdata=_hover(ys, currency, bengali),
                   hovertext=[day(x) for x in xs], hovertemplate=HOVER_WHEN),
        go.Scatter(x=[first, end], y=[0, _units(goal_minor, currency)],
                   name=label("Straight line to the goal"), mode="lines",
                   line={"color": GOAL_COLOUR, "dash": "dash"}, hoverinfo="skip"),
    ], layout=_layout(label("This month so far"), days_axis,
                      _titled(label("Net income"),
                              **_money_axis(values + [_units(goal_minor, currency)], currency, bengali))))


def forecast_chart(series: list[MonthNet], outlook: Forecast, goal_minor: int, currency: str, *,
                   label: Label = _plain, bengali: bool = False, month: When = _plain) -> go.Figure:
    """Return past net income and the projected trend line towards the goal."""
    past = [m for m in series if m.month < (outlook.projection[0][0] if outlook.projection else "9999")]
    future = outlook.projection
    months = [m.month for m in past] + [m for m, _ in future]
    values = [_units(m.net_minor, currency) for m in past] + [_units(v, currency) for _, v in future]
    return go.Figure([
        go.Scatter(x=[m.month for m in past], y=[_units(m.net_minor, currency) for m in past],
                   name=label("Net income"), mode="lines+markers", line={"color": BAR_COLOUR},
                   customdata=_hover([m.net_minor for m in past], currency, bengali),
                   hovertext=[month(m.month) for m in past], hovertemplate=HOVER_WHEN),
        go.Scatter(x=[m for m, _ in future], y=[_units(v, currency) for _, v in future],
                   name=label("Trend"), mode="lines", line={"color": TREND_COLOUR, "dash": "dot"},
                   customdata=_hover([v for _, v in future], currency, bengali),
                   hovertext=[month(m) for m, _ in future], hovertemplate=HOVER_WHEN),
        go.Scatter(x=months, y=[_units(goal_minor, currency)] * len(months), name=label("Goal"),
                   mode="lines", line={"color": GOAL_COLOUR, "dash": "dash"}, hoverinfo="skip"),
    ], layout=_layout(label("When you reach the goal at this pace"),
                      _titled(label("Month"), **_month_axis(months, month)),
                      _titled(label("Net income"),
                              **_money_axis(values + [_units(goal_minor, currency)], currency, bengali))))


def shares_chart(title: str, names: list[str], amounts_minor: list[int], currency: str, *,
                 label: Label = _plain, bengali: bool = False) -> go.Figure:
    """Return horizontal bars of net income by source (category, platform or client)."""
    values = [_units(v, currency) for v in amounts_minor]
    names = [as_text(name) for name in names]
    money_axis = _titled(label("Net income"), **_money_axis(values, currency, bengali))
    return go.Figure(go.Bar(x=values, y=names, orientation="h", marker_color=BAR_COLOUR,
                            customdata=_hover(amounts_minor, currency, bengali), hovertemplate=HOVER_Y),
                     layout=_layout(title, money_axis, {"autorange": "reversed"}))


def pipeline_chart(counts: dict[str, int], *, label: Label = _plain, bengali: bool = False) -> go.Figure:
    """Return bars of how many gigs are in each status of the pipeline."""
    top = max([*counts.values(), 1])
    step = max(1, -(-top // 5))
    ticks = list(range(0, top + step, step))
    text = [_digits(str(t), bengali) for t in ticks]
    return go.Figure(go.Bar(x=[label(s) for s in counts], y=list(counts.values()), marker_color=BAR_COLOUR),
                     layout=_layout(label("Gigs by status"), _titled(label("Status")),
                                    _titled(label("Gigs"), tickvals=ticks, ticktext=text)))
