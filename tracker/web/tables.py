"""Display tables, one way: typed rows from tracker.reports, each column formatted by the run's `Present`.

A table is a list of `Column`s: the key a column has in the DataFrame, its heading (an English message,
shown in the person's language through Streamlit's column_config) and how one row becomes the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from tracker.i18n import N_
from tracker.i18n.words import decline_reason_text
from tracker.ledger.money import amount_text
from tracker.present import NOTHING, Present
from tracker.reports.choices import Choice, DayChoice, GigChoice

Cell = Callable[[Any, Present], Any]


@dataclass(frozen=True)
class Column:
    """One column of a table: its key, its heading (a message id unless `words` is False) and how a row
    becomes its cell."""

    key: str
    heading: str
    cell: Cell
    words: bool = True


def raw(key: str, heading: str, field: str | None = None) -> Column:
    """Return a column that shows a row's value as it is (text, a count, True/False)."""
    return Column(key, heading, lambda row, _p: getattr(row, field or key))


def word(key: str, heading: str, field: str | None = None) -> Column:
    """Return a column that shows a stored code (a status, a platform) in the person's language."""
    def cell(row: Any, p: Present) -> str:
        value = getattr(row, field or key)
        return p.label(value) if value else ""
    return Column(key, heading, cell)


def money(key: str, heading: str, field: str, currency: str | None = None) -> Column:
    """Return a column of amounts in minor units, in the currency field named (else the home currency)."""
    return Column(key, heading, lambda row, p: p.money(getattr(row, field),
                                                       getattr(row, currency) if currency else None))


def day(key: str, heading: str, field: str, *, kept: bool = False, missing: str = "") -> Column:
    """Return a column of days as the person reads them; `kept`: English keeps the date itself."""
    def cell(row: Any, p: Present) -> Any:
        value = getattr(row, field)
        if value is None:
            return None if kept else missing
        return p.day_cell(value) if kept else p.day(value)
    return Column(key, heading, cell)


def hours(key: str, heading: str, field: str, places: int = 1) -> Column:
    """Return a column of minutes written as hours ('1.5')."""
    return Column(key, heading, lambda row, p: p.hours(getattr(row, field), places))


def frame(rows: Sequence[Any], columns: Sequence[Column], present: Present) -> pd.DataFrame:
    """Return the rows as a DataFrame keyed by the columns' keys, every cell formatted."""
    return pd.DataFrame({c.key: [c.cell(row, present) for row in rows] for c in columns},
                        columns=[c.key for c in columns])


def show(rows: Sequence[Any], columns: Sequence[Column], present: Present, *, key: str | None = None) -> None:
    """Draw the rows as a table with headings in the person's language."""
    st.dataframe(frame(rows, columns, present), hide_index=True, key=key,
                 column_config={c.key: present.label(c.heading) if c.words else c.heading for c in columns})


CLIENTS = (
    raw("name", N_("Client")), word("platform", N_("Platform")), raw("country", N_("Country")),
    raw("verified", N_("Payment verified")), raw("archived", N_("Archived")),
    Column("net_home", N_("Net income, all time"),
           lambda r, p: amount_text(r.net_home_minor, p.home_currency)),
    Column("open", N_("Open"), lambda r, p: p.amounts(r.open)),
    Column("overdue", N_("Overdue"), lambda r, p: p.amounts(r.overdue)),
    day("last_payment", N_("Last payment"), "last_payment", kept=True),
    raw("payments", N_("Payments")), raw("notes", N_("Notes")),
)
GIGS = (
    Column("id", "#", lambda row, _p: row.id, words=False), raw("title", N_("Gig")),
    raw("client", N_("Client")), raw("skill", N_("Skill")),
    word("status", N_("Status")), word("platform", N_("Platform")),
    word("pricing", N_("Fixed or hourly")),
    money("price", N_("Agreed price"), "price_minor", "currency"),
    hours("hours", N_("Hours worked"), "minutes_worked", places=2),
    money("value", N_("Agreed value"), "value_minor", "currency"),
    day("started", N_("Started"), "started_on", kept=True), day("due", N_("Due"), "due_on", kept=True),
    day("delivered", N_("Delivered"), "delivered_on", kept=True),
    day("closed", N_("Closed"), "closed_on", kept=True),
    Column("reason", N_("Reason"), lambda r, p: decline_reason_text(r.decline_reason, p.language)),
)
SKILLS = (
    raw("name", N_("Skill")), word("category", N_("Kind of work")), word("stage", N_("Stage")),
    hours("hours_learned", N_("Hours learned"), "minutes_learned"),
    day("last_learned", N_("Last learned"), "last_learned", kept=True),
    raw("mentor_reviews", N_("Mentor reviews")), word("latest_verdict", N_("Latest verdict")),
)
LEARNING = (day("date", N_("Day"), "learned_on", kept=True), raw("skill", N_("Skill")),
            raw("minutes", N_("Minutes")), raw("note", N_("Note")))
REVIEWS = (day("date", N_("Day"), "reviewed_on", kept=True), raw("skill", N_("Skill")),
           raw("reviewer", N_("Mentor")), word("verdict", N_("Verdict")),
           raw("notes", N_("What the mentor said")))
PAYMENTS = (
    day("date", N_("Date"), "paid_on"), raw("client", N_("Client")), raw("gig", N_("Gig")),
    word("platform", N_("Platform")), word("status", N_("Status")),
    money("gross", N_("Paid"), "gross_minor", "currency"),
    money("fees", N_("Fees"), "fees_minor", "currency"),
    raw("rate", N_("Rate")), money("net_home", N_("Net in taka"), "net_home_minor"),
)
EXPENSES = (
    day("date", N_("Date"), "spent_on"), word("category", N_("Category")),
    money("amount", N_("Amount"), "amount_minor", "currency"), raw("rate", N_("Rate")),
    money("amount_home", N_("In taka"), "amount_home_minor"), raw("note", N_("Note")),
)
# The Dashboard's own tables are keyed by their English headings.
LEARNED = (
    raw("Skill", N_("Skill"), "skill"), hours("Hours learned", N_("Hours learned"), "minutes_learned"),
    day("First earning", N_("First earning"), "first_earning", missing=NOTHING),
    money("Net income", N_("Net income"), "net_minor"),
    Column("Per hour learned", N_("Per hour learned"), lambda r, p: NOTHING if r.net_per_learning_hour_minor
           is None else p.money(r.net_per_learning_hour_minor)),
)
HOURLY = (raw("Name", N_("Name"), "name"), hours("Hours worked", N_("Hours worked"), "minutes_worked"),
          money("Net income", N_("Net income"), "net_minor"),
          money("Per hour", N_("Per hour"), "per_hour_minor"))
OWED = (
    raw("Gig", N_("Gig"), "title"), Column("Client", N_("Client"), lambda r, _p: r.client or NOTHING),
    day("Delivered", N_("Delivered"), "delivered_on", missing=NOTHING),
    money("Amount", N_("Amount"), "amount_minor", "currency"),
    raw("Days overdue", N_("Days overdue"), "days_overdue"),
)


def gig_picks(rows: Sequence[GigChoice], present: Present) -> list[Choice]:
    """Return gigs to pick, labelled '#12 Logo · Acme · active' (status in the person's language)."""
    return [Choice(id=r.id, label=f"#{r.id} {r.title} · {r.client or NOTHING} · {present.label(r.status)}")
            for r in rows]


def learning_picks(rows: Sequence[DayChoice], present: Present) -> list[Choice]:
    """Return learning sessions to pick, labelled by day, skill and minutes."""
    spent = present.label(N_("{minutes} min"))
    return [Choice(id=r.id, label=f"{present.day(r.day)} · {r.skill} · "
                   + spent.format(minutes=present.number(int(r.detail)))) for r in rows]


def review_picks(rows: Sequence[DayChoice], present: Present) -> list[Choice]:
    """Return mentor reviews to pick, labelled by day, skill and reviewer."""
    return [Choice(id=r.id, label=f"{present.day(r.day)} · {r.skill} · {r.detail}") for r in rows]
PIPELINE = (Column("status", N_("Status"), lambda r, p: p.label(r.status)), raw("gigs", N_("Gigs")),
            Column("value", N_("Agreed value"), lambda r, p: p.amounts(r.value)))
