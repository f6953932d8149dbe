"""The export's two flat files: payments_detailed.csv and monthly_summary.csv.

payments_detailed.csv is the payment table's exported columns (tracker.io.columns) by date, with
each payment's client, gig and skill by name. The monthly summary gives each month's figures as
the Dashboard reads them (tracker.reports.month.month_summaries), in the home currency.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
from sqlalchemy import func, select, union_all
from sqlmodel import Session

from tracker.io.columns import Columns, table_columns, within
from tracker.io.csv import csv_file, harmless
from tracker.ledger.models import Client, Expense, Gig, Payment, Skill
from tracker.ledger.money import amount_text
from tracker.reports.month import month_summaries
from tracker.services.settings import home_currency

PAYMENT_COLUMNS = [
    "id", "date", "kind", "status", "client", "gig", "skill", "platform", "currency", "gross",
    "platform_fee", "transfer_fee", "rate", "home_currency", "gross_home", "fees_home", "net_home",
    "source", "external_ref", "note",
]
FROM_THE_TABLE = {"date": "paid_on"}  # payments_detailed's names of the payment table's columns
SUMMARY_COLUMNS = ["month", "currency", "gross", "fees", "expenses", "net", "pending", "goal",
                   "progress_percent"]


def detailed_columns(payments: Columns, clients: Columns, gigs: Columns, skills: Columns) -> Columns:
    """Return payments_detailed.csv's columns (payments by id) from the exported payment, client, gig and
    skill tables; the file lists them in `date_order`."""
    client_name = dict(zip(clients["id"], clients["name"], strict=True))
    skill_name = dict(zip(skills["id"], skills["name"], strict=True))
    gig_title = dict(zip(gigs["id"], gigs["title"], strict=True))
    gig_skill = {gig: skill_name.get(skill, "")
                 for gig, skill in zip(gigs["id"], gigs["skill_id"], strict=True)}
    names = {"client": [client_name.get(c, "") for c in payments["client_id"]],
             "gig": [gig_title.get(g, "") for g in payments["gig_id"]],
             "skill": [gig_skill.get(g, "") for g in payments["gig_id"]]}
    columns = {**payments, **names}
    return {name: columns[FROM_THE_TABLE.get(name, name)] for name in PAYMENT_COLUMNS}


def date_order(payments: Columns) -> list[int]:
    """Return the payments' positions by date; payments of one day stay in id order (a stable sort).

    A day stored as a number (a hand-made file) comes first, as SQLite sorts numbers before texts.
    """
    days = payments["paid_on"]
    different = set(days)
    if not all(type(day) is str for day in different):
        return sorted(range(len(days)), key=lambda i: (isinstance(days[i], str), days[i]))
    rank = {day: n for n, day in enumerate(sorted(different))}  # a few thousand days: sort those
    ranks = np.fromiter(map(rank.__getitem__, days), dtype=np.int64, count=len(days))
    return np.argsort(ranks, kind="stable").tolist()  # type: ignore[no-any-return]


def payments_csv(session: Session, start: date | None = None, end: date | None = None) -> bytes:
    """Return payments_detailed.csv: every payment (in the date range, if given), oldest first."""
    home = home_currency(session)
    tables = [table_columns(session, model.__table__, home) for model in (Client, Gig, Skill)]  # type: ignore[attr-defined]
    payments = table_columns(session, Payment.__table__, home, start, end)  # type: ignore[attr-defined]
    return csv_file(detailed_columns(payments, *tables), order=date_order(payments))


def months_with_money(session: Session, start: date | None, end: date | None) -> tuple[str, str] | None:
    """Return the first and last month with a payment or an expense in the date range, or None."""
    both = union_all(within(select(Payment.month), Payment.paid_on, start, end),
                     within(select(Expense.month), Expense.spent_on, start, end)).subquery()
    first, last = session.execute(select(func.min(both.c.month), func.max(both.c.month))).one()
    return (first, last) if first is not None else None


def summary_columns(session: Session, start: date | None = None, end: date | None = None) -> Columns:
    """Return the monthly summary's columns: each month with money in the range (and those between)."""
    span = months_with_money(session, start, end)
    months = month_summaries(session, *span) if span else []
    figures: dict[str, list[Any]] = {name: [] for name in SUMMARY_COLUMNS}
    for m in months:
        money = (m.gross_minor, m.fees_minor, m.expenses_minor, m.net_minor, m.pending_minor, m.goal_minor)
        for name, minor in zip(SUMMARY_COLUMNS[2:8], money, strict=True):
            figures[name].append(amount_text(minor, m.currency))
        figures["month"].append(m.month)
        figures["currency"].append(harmless(m.currency))
        figures["progress_percent"].append(percent(m.net_minor, m.goal_minor))
    return figures


def percent(net: int, goal: int) -> str:
    """Return net as a percentage of the goal with two decimals, rounded half up ('' without a goal)."""
    return str((Decimal(net * 100) / goal).quantize(Decimal("0.01"), ROUND_HALF_UP)) if goal else ""


def monthly_summary_csv(session: Session, start: date | None = None, end: date | None = None) -> bytes:
    """Return the monthly summary as a CSV file's bytes."""
    return csv_file(summary_columns(session, start, end))
