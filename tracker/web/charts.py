"""Plotly figures for the Dashboard: data in, Figure out, nothing else.

Money is plotted in whole units of the home currency (Decimal, exact); axis ticks and hover labels
are written by the run's `Present` (tracker.present): taka in lakh (৳1,00,000), the person's digits,
labels in the person's language, days and months as the person reads them.
"""

from __future__ import annotations

import calendar
import html
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go

from tracker.ledger.money import exponent, from_minor
from tracker.ledger.months import MonthNet, month_start, round_half_up
from tracker.present import Present
from tracker.reports.forecast import Forecast

GOAL_COLOUR, BAR_COLOUR, TREND_COLOUR = "#d62728", "#006a4e", "#ff7f0e"
HOVER_Y = "%{y}: %{customdata}<extra></extra>"
HOVER_WHEN = "%{hovertext}: %{customdata}<extra></extra>"  # the day or month as the person reads it


def _month_axis(months: Sequence[str], present: Present) -> dict[str, Any]:
    """Return a category axis whose months read the way the person reads them ('আগস্ট ২০২৬')."""
    return {"type": "category", "tickvals": list(months), "ticktext": [present.month(m) for m in months]}


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


def _money_axis(values: Sequence[Decimal], currency: str, present: Present) -> dict[str, Any]:
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
    text = [present.money(round_half_up(t.scaleb(places)), currency, whole=True) for t in ticks]
    return {"tickvals": ticks, "ticktext": text}


def _hover(values: Sequence[int], currency: str, present: Present) -> list[str]:
    """Return hover labels for amounts in minor units."""
    return [present.money(v, currency) for v in values]


def monthly_net_chart(series: list[MonthNet], present: Present) -> go.Figure:
    """Return bars of net income per month, the goal as a line, and a 3-month moving average."""
    currency, label = present.home_currency, present.label
    months = [m.month for m in series]
    nets = [_units(m.net_minor, currency) for m in series]
    average = [sum(nets[max(0, i - 2): i + 1]) / len(nets[max(0, i - 2): i + 1]) for i in range(len(nets))]
    goals = [_units(m.goal_minor, currency) for m in series]
    return go.Figure([
        go.Bar(x=months, y=nets, name=label("Net income"), marker_color=BAR_COLOUR,
               customdata=_hover([m.net_minor for m in series], currency, present),
               hovertext=[present.month(m) for m in months], hovertemplate=HOVER_WHEN),
        go.Scatter(x=months, y=goals, name=label("Goal"),
                   mode="lines", line={"color": GOAL_COLOUR, "dash": "dash"}, hoverinfo="skip"),
        go.Scatter(x=months, y=average, name=label("3-month average"), mode="lines+markers",
                   line={"color": TREND_COLOUR}, hoverinfo="skip"),
    ], layout=_layout(label("Net income per month"), _titled(label("Month"), **_month_axis(months, present)),
                      _titled(label("Net income"), **_money_axis(nets + goals, currency, present))))


def month_progress_chart(month: str, daily: list[tuple[date, int]], goal_minor: int,
                         present: Present) -> go.Figure:
    """Return this month's cumulative net income against the straight line to the goal."""
    currency, label = present.home_currency, present.label
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
    days_axis = _titled(label("Day"), tickvals=ticks, ticktext=[present.digits(str(t.day)) for t in ticks])
    return go.Figure([
        go.Scatter(x=xs, y=values, name=label("So far"), mode="lines+markers",
                   line={"shape": "hv", "color": BAR_COLOUR}, customdata=_hover(ys, currency, present),
                   hovertext=[present.day(x) for x in xs], hovertemplate=HOVER_WHEN),
        go.Scatter(x=[first, end], y=[0, _units(goal_minor, currency)],
                   name=label("Straight line to the goal"), mode="lines",
                   line={"color": GOAL_COLOUR, "dash": "dash"}, hoverinfo="skip"),
    ], layout=_layout(label("This month so far"), days_axis,
                      _titled(label("Net income"),
                              **_money_axis(values + [_units(goal_minor, currency)], currency, present))))


def forecast_chart(series: list[MonthNet], outlook: Forecast, goal_minor: int, present: Present) -> go.Figure:
    """Return past net income and the projected trend line towards the goal."""
    currency, label = present.home_currency, present.label
    past = [m for m in series if m.month < (outlook.projection[0][0] if outlook.projection else "9999")]
    future = outlook.projection
    months = [m.month for m in past] + [m for m, _ in future]
    values = [_units(m.net_minor, currency) for m in past] + [_units(v, currency) for _, v in future]
    return go.Figure([
        go.Scatter(x=[m.month for m in past], y=[_units(m.net_minor, currency) for m in past],
                   name=label("Net income"), mode="lines+markers", line={"color": BAR_COLOUR},
                   customdata=_hover([m.net_minor for m in past], currency, present),
                   hovertext=[present.month(m.month) for m in past], hovertemplate=HOVER_WHEN),
        go.Scatter(x=[m for m, _ in future], y=[_units(v, currency) for _, v in future],
                   name=label("Trend"), mode="lines", line={"color": TREND_COLOUR, "dash": "dot"},
                   customdata=_hover([v for _, v in future], currency, present),
                   hovertext=[present.month(m) for m, _ in future], hovertemplate=HOVER_WHEN),
        go.Scatter(x=months, y=[_units(goal_minor, currency)] * len(months), name=label("Goal"),
                   mode="lines", line={"color": GOAL_COLOUR, "dash": "dash"}, hoverinfo="skip"),
    ], layout=_layout(label("When you reach the goal at this pace"),
                      _titled(label("Month"), **_month_axis(months, present)),
                      _titled(label("Net income"),
                              **_money_axis(values + [_units(goal_minor, currency)], currency, present))))


def shares_chart(title: str, names: list[str], amounts_minor: list[int], present: Present) -> go.Figure:
    """Return horizontal bars of net income by source (category, platform or client)."""
    currency, label = present.home_currency, present.label
    values = [_units(v, currency) for v in amounts_minor]
    names = [as_text(name) for name in names]
    money_axis = _titled(label("Net income"), **_money_axis(values, currency, present))
    return go.Figure(go.Bar(x=values, y=names, orientation="h", marker_color=BAR_COLOUR,
                            customdata=_hover(amounts_minor, currency, present), hovertemplate=HOVER_Y),
                     layout=_layout(title, money_axis, {"autorange": "reversed"}))


def pipeline_chart(counts: dict[str, int], present: Present) -> go.Figure:
    """Return bars of how many gigs are in each status of the pipeline."""
    label = present.label
    top = max([*counts.values(), 1])
    step = max(1, -(-top // 5))
    ticks = list(range(0, top + step, step))
    text = [present.digits(str(t)) for t in ticks]
    return go.Figure(go.Bar(x=[label(s) for s in counts], y=list(counts.values()), marker_color=BAR_COLOUR),
                     layout=_layout(label("Gigs by status"), _titled(label("Status")),
                                    _titled(label("Gigs"), tickvals=ticks, ticktext=text)))
