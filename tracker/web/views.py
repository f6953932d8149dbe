"""What the Dashboard shows as tables and sentences, built from report values (no Streamlit).

Each function takes the person's money formatter and translator, so the same values read in
Bengali or English.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd

from tracker.reports.breakdowns import HourlyRate, Owed, SkillReturn
from tracker.reports.forecast import Forecast, Outlook
from tracker.reports.learning import hours_text
from tracker.reports.pipeline import StatusTotal, amounts_text

Money = Callable[..., str]
Label = Callable[[str], str]
Day = Callable[[date], str]
NOTHING = "—"


def forecast_text(forecast: Forecast, percent: Callable[..., str], label: Label,
                  month: Label = str) -> tuple[str, str]:
    """Return (kind, sentence) saying what the trend means: kind is success, info or warning."""
    if forecast.outlook is Outlook.REACHED:
        return "success", label("At your recent pace you are at the goal already. Keep it steady.")
    if forecast.outlook is Outlook.ON_TRACK:
        return "info", label("At your recent pace you reach the goal in {month}.").format(
            month=month(forecast.goal_month or ""))
    if forecast.growth_needed is None:
        return "warning", label("At this pace the goal is not reached. Earn in a month first; the "
                                "forecast grows from there.")
    return "warning", label("At this pace the goal is not reached. Growing {growth} a month would "
                            "reach it within a year.").format(growth=percent(forecast.growth_needed))


def status_frame(totals: list[StatusTotal], label: Label, bengali: bool) -> pd.DataFrame:
    """Return gigs and agreed value per pipeline status."""
    return pd.DataFrame({
        label("Status"): [label(t.status) for t in totals],
        label("Gigs"): [t.gigs for t in totals],
        label("Agreed value"): [amounts_text(t.value, bengali_digits=bengali) for t in totals],
    })


def learning_frame(rows: list[SkillReturn], money: Money, label: Label,
                   day: Day = date.isoformat) -> pd.DataFrame:
    """Return learning hours, first earning, net income and income per learning hour per skill."""
    return pd.DataFrame({
        label("Skill"): [r.skill for r in rows],
        label("Hours learned"): [hours_text(r.minutes_learned) for r in rows],
        label("First earning"): [day(r.first_earning) if r.first_earning else NOTHING for r in rows],
        label("Net income"): [money(r.net_minor) for r in rows],
        label("Per hour learned"): [money(r.net_per_learning_hour_minor)
                                    if r.net_per_learning_hour_minor is not None else "—" for r in rows],
    })


def hourly_frame(rows: list[HourlyRate], money: Money, label: Label) -> pd.DataFrame:
    """Return hours worked, net income and the effective hourly rate per skill or client."""
    return pd.DataFrame({
        label("Name"): [r.name for r in rows],
        label("Hours worked"): [hours_text(r.minutes_worked) for r in rows],
        label("Net income"): [money(r.net_minor) for r in rows],
        label("Per hour"): [money(r.per_hour_minor) for r in rows],
    })


def owed_frame(rows: list[Owed], money: Money, label: Label, day: Day = date.isoformat) -> pd.DataFrame:
    """Return delivered, unpaid gigs with who owes, how much and how late."""
    return pd.DataFrame({
        label("Gig"): [r.title for r in rows],
        label("Client"): [r.client or "—" for r in rows],
        label("Delivered"): [day(r.delivered_on) if r.delivered_on else NOTHING for r in rows],
        label("Amount"): [money(r.amount_minor, r.currency) for r in rows],
        label("Days overdue"): [r.days_overdue for r in rows],
    })
