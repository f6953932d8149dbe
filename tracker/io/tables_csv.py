"""The whole export: one CSV per table, the flat payments file and a monthly summary.

Table files follow the models generically (a later migration's columns appear by themselves):
`*_minor` columns become exact decimals named without the suffix, in the row's currency, or in the
home currency for `*_home_*` columns and tables without a currency (named in `home_currency`);
dates and times ISO; booleans true/false; text made harmless (the home currency's code too).
Payments, expenses, learning sessions and mentor reviews can be limited to a date range; the other
tables are always whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Boolean, Column, Table, func
from sqlmodel import Session, SQLModel, col, select

from tracker.io import csv_lines, payment_lines
from tracker.io.collector import collector_paused
from tracker.io.export import (
    PAYMENT_COLUMNS,
    amount_column,
    columns_csv,
    csv_bytes,
    harmless_all,
    payments_csv,
)
from tracker.io.text import harmless
from tracker.ledger.models import Expense, Payment, PaymentStatus
from tracker.ledger.models import tables_in_order as tables
from tracker.ledger.money import amount_text
from tracker.ledger.months import goal_in, months_between
from tracker.services.goals import goal_history
from tracker.services.settings import home_currency

DATED = {"payment": "paid_on", "expense": "spent_on", "learning_session": "learned_on",
         "mentor_review": "reviewed_on"}
SUMMARY_COLUMNS = ["month", "currency", "gross", "fees", "expenses", "net", "pending", "goal",
                   "progress_percent"]


def table_frame(session: Session, table: Table, start: date | None = None,
                end: date | None = None) -> pd.DataFrame:
    """Return one table's rows, by primary key, as exported text (see the module docstring)."""
    columns = table_columns(session, table, start, end)
    return pd.DataFrame(columns, columns=list(columns))


def table_columns(session: Session, table: Table, start: date | None = None,
                  end: date | None = None) -> dict[str, list[object]]:
    """Return one table's exported columns by name (the rows by primary key), `home_currency` last."""
    query = select(table).order_by(*table.primary_key.columns)
    day = table.columns.get(DATED.get(table.name, ""))
    if day is not None:
        query = within(query, day, start, end)
    home = home_currency(session)
    rows = session.execute(query).all()
    stored = dict(zip(table.columns.keys(), zip(*rows, strict=True) if rows else [()] * len(table.columns),
                      strict=True))
    columns = {exported_name(c): column_cells(table, c, stored, home) for c in table.columns}
    if any(money_in_home(table, c) for c in table.columns):
        columns["home_currency"] = [harmless(home)] * len(rows)
    return columns


def column_cells(table: Table, column: Column[Any], stored: dict[str, Sequence[Any]],
                 home: str) -> list[object]:
    """Return one column's values as exported text, the same as `cell` gives each (a column at a time).

    Money, flags, days and text are converted with one loop per column, which for 200,000 payments
    is a tenth of the time of a call per cell; other values go through `cell`'s own rules.
    """
    values = stored[column.name]
    if column.name.endswith("_minor"):
        in_home = money_in_home(table, column)
        return amount_column(values, [home] * len(values) if in_home else stored["currency"])  # type: ignore[return-value]
    if isinstance(column.type, Boolean):
        return ["" if v is None else "true" if v else "false" for v in values]
    kinds = set(map(type, values)) - {type(None)}
    if kinds <= {str}:
        return harmless_all(values)
    if kinds <= {int}:
        return ["" if v is None else v for v in values]
    if kinds <= {date} or kinds <= {datetime}:
        return ["" if v is None else v.isoformat() for v in values]
    return [plain(v) for v in values]


def plain(value: Any) -> object:
    """Return a value of no particular column as exported text (what `cell` does past money and flags)."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return harmless(value)
    return value


def exported_name(column: Column[Any]) -> str:
    """Return a column's name in the export ('gross_minor' → 'gross')."""
    return column.name.removesuffix("_minor")


def money_in_home(table: Table, column: Column[Any]) -> bool:
    """Return True if the column is an amount in the home currency."""
    return column.name.endswith("_minor") and ("_home_" in column.name or "currency" not in table.columns)


def cell(table: Table, column: Column[Any], row: Any, home: str) -> object:
    """Return one value as exported text: exact decimal money, ISO dates, harmless text."""
    value = row[column.name]
    if value is None:
        return ""
    if column.name.endswith("_minor"):
        return amount_text(value, home if money_in_home(table, column) else row["currency"])
    if isinstance(column.type, Boolean):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, str):  # text columns (rates and months never start like a formula)
        return harmless(value)
    return value


def monthly_summary_frame(session: Session, start: date | None = None,
                          end: date | None = None) -> pd.DataFrame:
    """Return each month's gross, fees, expenses, net, pending and goal in the home currency."""
    payments = within(select(Payment.month, Payment.status, func.sum(Payment.gross_home_minor),
                             func.sum(Payment.fees_home_minor), func.sum(Payment.net_home_minor)),
                      Payment.paid_on, start, end)
    spent = within(select(Expense.month, func.sum(Expense.amount_home_minor)), Expense.spent_on, start, end)
    totals: dict[str, list[int]] = {}
    for month, status, gross, fees, net in session.exec(
            payments.group_by(Payment.month, Payment.status)).all():
        figures = totals.setdefault(month, [0, 0, 0, 0])
        if status == PaymentStatus.CLEARED.value:
            figures[0], figures[1] = int(gross or 0), int(fees or 0)
        else:
            figures[3] += int(net or 0)
    for month, amount in session.exec(spent.group_by(Expense.month)).all():
        totals.setdefault(month, [0, 0, 0, 0])[2] = int(amount or 0)
    return summary_rows(session, totals)


def within(query: Any, day: Any, start: date | None, end: date | None) -> Any:
    """Return the query limited to days from start to end (either may be None)."""
    if start is not None:
        query = query.where(col(day) >= start)
    if end is not None:
        query = query.where(col(day) <= end)
    return query


def summary_rows(session: Session, totals: dict[str, list[int]]) -> pd.DataFrame:
    """Return the summary frame for months with money (and the months between), goals filled in."""
    home = home_currency(session)
    if not totals:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    goals = sorted((g.valid_from, g.target_minor) for g in goal_history(session))
    rows = []
    for month in months_between(min(totals), max(totals)):
        gross, fees, expenses, pending = totals.get(month, [0, 0, 0, 0])
        net, goal = gross - fees - expenses, goal_in(goals, month)
        percent = str((Decimal(net * 100) / goal).quantize(Decimal("0.01"), ROUND_HALF_UP)) if goal else ""
        rows.append([month, harmless(home), *(amount_text(v, home)
                                              for v in (gross, fees, expenses, net, pending, goal)), percent])
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def export_files(session: Session, start: date | None = None, end: date | None = None) -> dict[str, bytes]:
    """Return every export file by name: one per table, payments_detailed.csv, monthly_summary.csv.

    On SQLite the two payment files come from one reading of the payments (tracker.io.payment_lines).
    """
    with collector_paused():  # hundreds of thousands of lines that all live until the end
        both = payment_lines.both_files(session, home_currency(session), PAYMENT_COLUMNS, start, end)
        files = {f"{t.name}.csv": both[0] if both and t.name == "payment"
                 else table_file(session, t, start, end) for t in tables()}
        files["payments_detailed.csv"] = both[1] if both else payments_csv(session, start, end)
        files["monthly_summary.csv"] = csv_bytes(monthly_summary_frame(session, start, end))
    return files


def write_export(session: Session, folder: Path, start: date | None = None,
                 end: date | None = None) -> list[Path]:
    """Write the export files into a folder (created if missing); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in export_files(session, start, end).items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def table_names() -> list[str]:
    """Return the name of every table, parents first."""
    return [t.name for t in tables()]


def table_csv(session: Session, name: str, start: date | None = None, end: date | None = None) -> bytes:
    """Return one table (by name) as a CSV file's bytes."""
    return table_file(session, SQLModel.metadata.tables[name], start, end)


def table_file(session: Session, table: Table, start: date | None = None, end: date | None = None) -> bytes:
    """Return one table's CSV file: its lines written by SQLite where it can (tracker.io.csv_lines)."""
    day = table.columns.get(DATED.get(table.name, ""))
    written = csv_lines.table_csv(session, table, home_currency(session), day, start, end)
    return written if written is not None else columns_csv(table_columns(session, table, start, end))


def monthly_summary_csv(session: Session, start: date | None = None, end: date | None = None) -> bytes:
    """Return the monthly summary as a CSV file's bytes."""
    return csv_bytes(monthly_summary_frame(session, start, end))
