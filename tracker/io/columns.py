"""One table's rows as exported text, a column at a time, read with one query.

Table files follow the models generically (a later migration's columns appear by themselves):
`*_minor` columns become exact decimals named without the suffix, in the row's currency, or in the
home currency for `*_home_*` columns and tables without a currency (named in `home_currency`);
dates and times ISO; booleans true/false; text made harmless (the home currency's code too).
Payments, expenses, learning sessions and mentor reviews can be limited to a date range; the other
tables are always whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Table, select
from sqlmodel import Session, col

from tracker.io.csv import amount_column, harmless, harmless_column

DATED = {"payment": "paid_on", "expense": "spent_on", "learning_session": "learned_on",
         "mentor_review": "reviewed_on"}
Columns = dict[str, list[Any]]


def table_columns(session: Session, table: Table, home: str, start: date | None = None,
                  end: date | None = None) -> Columns:
    """Return one table's exported columns by name (the rows by primary key), `home_currency` last."""
    query = select(table).order_by(*table.primary_key.columns)
    day = table.columns.get(DATED.get(table.name, ""))
    if day is not None:
        query = within(query, day, start, end)
    rows = stored_rows(session, query)
    stored = dict(zip(table.columns.keys(), zip(*rows, strict=True) if rows else [()] * len(table.columns),
                      strict=True))
    columns = {exported_name(c): column_cells(table, c, stored, home) for c in table.columns}
    if any(money_in_home(table, c) for c in table.columns):
        columns["home_currency"] = [harmless(home)] * len(rows)
    return columns


def stored_rows(session: Session, query: Any) -> list[Any]:
    """Return the query's rows as the driver gives them: values as stored, no conversion per cell.

    Converting each value to its Python type (a day, an aware time) costs a third of the export's
    time, and refuses what a hand-made file may hold (a day stored as a number): `column_cells`
    works from the stored values instead.
    """
    session.flush()
    result = session.connection().execute(query)
    try:
        return result.cursor.fetchall()  # type: ignore[no-any-return]
    finally:
        result.close()


def column_cells(table: Table, column: Column[Any], stored: dict[str, Sequence[Any]], home: str) -> list[Any]:
    """Return one column's values as exported text: exact decimal money, ISO dates, harmless text."""
    values = stored[column.name]
    if column.name.endswith("_minor"):
        in_home = money_in_home(table, column)
        return amount_column(values, [home] * len(values) if in_home else stored["currency"])
    kind = getattr(column.type, "impl", column.type)
    if isinstance(kind, Boolean):
        return ["" if v is None else "true" if v else "false" for v in values]
    if isinstance(kind, DateTime):
        return time_texts(values)
    kinds = set(map(type, values)) - {type(None)}
    if kinds <= {str}:
        return harmless_column(values)
    if kinds <= {int}:
        return ["" if v is None else v for v in values]
    if kinds <= {date} or kinds <= {datetime}:
        return ["" if v is None else v.isoformat() for v in values]
    return [plain(v) for v in values]


def time_texts(values: Sequence[Any]) -> list[Any]:
    """Return each stored time as its ISO text in UTC ('2026-08-03T10:00:00+00:00'), once per different time.

    SQLite stores UTC as text without an offset, PostgreSQL gives a time with one.
    """
    texts: dict[Any, Any] = {None: ""}
    for value in values:
        if value not in texts:
            texts[value] = utc_text(value)
    return [texts[v] for v in values]


def utc_text(value: Any) -> Any:
    """Return a stored time's ISO text in UTC; a value that is no time is written as `plain` writes it."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return plain(value)
    if not isinstance(value, datetime):
        return plain(value)
    return (value.replace(tzinfo=UTC) if value.utcoffset() is None else value.astimezone(UTC)).isoformat()


def plain(value: Any) -> Any:
    """Return a value of no particular column as exported text."""
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


def within(query: Any, day: Any, start: date | None, end: date | None) -> Any:
    """Return the query limited to days from start to end (either may be None)."""
    if start is not None:
        query = query.where(col(day) >= start)
    if end is not None:
        query = query.where(col(day) <= end)
    return query
