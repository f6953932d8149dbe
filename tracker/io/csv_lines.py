"""CSV lines written by SQLite itself: the same bytes as the Python export, in a fraction of the time.

The export's rules live in tracker.io.tables_csv and tracker.io.export (Python, any database). On
SQLite, the large files are written here instead: each exported column becomes an SQL expression
that gives its exported text, and one query returns one finished line per row, so that Python
neither builds 200,000 rows of values nor converts and writes them one cell at a time. The
expressions follow the Python rules exactly (tests/test_speed_fixes.py compares the two):
- money: the exact decimal text of the minor units, in the row's currency or the home currency;
- flags true/false; integers as digits; days as stored ('2026-08-03'); times as Python's isoformat
  of the stored UTC time;
- text made harmless (a leading ' before = + - @ tab CR, after any leading quotes) where the Python
  export makes it harmless; quoted as Python's csv module quotes (comma, double quote, line end).
Another database, or a column type not listed above, gives None: the caller writes it in Python.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Table, case, cast, func, literal, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from tracker.io.text import FORMULA_START
from tracker.models import Client, Gig, Payment, Skill
from tracker.money import exponent

Text = ColumnElement[Any]


def csv_line(cells: list[str]) -> str:
    """Return one row as Python's csv module writes it for the export (without the line end)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()[:-1]


QUOTED = [c for c in (",", '"', "\n", "\r") if csv_line([f"a{c}b", "x"]).startswith('"')]


def supported(session: Session) -> bool:
    """Return True when the database is SQLite (the SQL below is SQLite's)."""
    return session.get_bind().dialect.name == "sqlite"


def text(value: str) -> Text:
    """Return a constant text."""
    return literal(value, String)


def joined(*parts: Text | str) -> Text:
    """Return the parts as one text (SQL ||)."""
    result: Text | None = None
    for part in parts:
        piece = text(part) if isinstance(part, str) else part
        result = piece if result is None else result.concat(piece)
    assert result is not None
    return result


def field(value: Text, raw: Any = None) -> Text:
    """Return a text written as a CSV field: in double quotes (doubled inside) when it needs them.

    `raw` is the stored text `value` was made from, when only a leading quote was added (harmless),
    which never changes whether a field needs quotes: checking it is quicker.
    """
    checked = value if raw is None else raw
    quoted = joined('"', func.replace(value, text('"'), text('""'), type_=String), '"')
    return case((or_(*[func.instr(checked, text(c)) > 0 for c in QUOTED]), quoted), else_=value)


def harmless(value: Text) -> Text:
    """Return tracker.io.text.harmless of a text ('' for NULL)."""
    first = func.substr(func.ltrim(value, text("'"), type_=String), 1, 1, type_=String)
    return case((value.is_(None), text("")), (first.in_(FORMULA_START), joined("'", value)), else_=value)


def digits(value: Any) -> Any:
    """Return an integer for a line, where printf's %s writes its digits ('' for NULL)."""
    return value


def amount(minor: Any, places: int) -> Text:
    """Return tracker.money.amount_text of minor units (not NULL) with a fixed number of decimals."""
    if places == 0:
        return func.printf(text("%d"), minor, type_=String)
    power, shape = 10 ** places, f"%d.%0{places}d"
    below = func.printf(text("-" + shape), (-minor) // power, (-minor) % power, type_=String)
    above = func.printf(text(shape), minor // power, minor % power, type_=String)
    return case((minor < 0, below), else_=above)


def in_currency(minor: Any, currency: Any, codes: list[str]) -> Text:
    """Return amount text in each row's own currency, for the currency codes the table holds."""
    by_places: dict[int, list[str]] = {}
    for code in codes:
        by_places.setdefault(exponent(code), []).append(code)
    whens = [(currency.in_(same), amount(minor, places)) for places, same in sorted(by_places.items())]
    return case((minor.is_(None), text("")), *whens, else_=text(""))


def in_home(minor: Any, home: str) -> Text:
    """Return amount text in the home currency."""
    return case((minor.is_(None), text("")), else_=amount(minor, exponent(home)))


def iso_time(stored: Any) -> Text:
    """Return Python's isoformat of a UTC time stored as 'YYYY-MM-DD HH:MM:SS.ffffff' ('' for NULL)."""
    day = func.substr(stored, 1, 10, type_=String)
    whole = joined(day, "T", func.substr(stored, 12, 8, type_=String), "+00:00")
    exact = joined(day, "T", func.substr(stored, 12, type_=String), "+00:00")
    return case((stored.is_(None), text("")),
                (func.substr(stored, 20, type_=String) == text(".000000"), whole), else_=exact)


WORDS = frozenset({"month", "kind", "status", "currency", "rate", "platform", "category", "stage", "verdict",
                   "pricing", "valid_from"})  # columns of the app's own words: months, statuses, codes, rates


def plain(column: Any) -> Any:
    """Return SQL that is true where a value is a plain word: no formula start, nothing to quote."""
    glob = column.op("GLOB", is_comparison=True)
    return column.is_(None) | (glob(text("[A-Za-z0-9]*")) & ~glob(text("*[^A-Za-z0-9 .-]*")))


def words_are_plain(session: Session, columns: list[Any]) -> bool:
    """Return True if every value of these columns is a plain word (one quick pass over the table)."""
    if not columns:
        return True
    odd = select(literal(1)).where(or_(*[~plain(c) for c in columns])).limit(1)
    return session.execute(odd).first() is None


def column_text(table: Table, column: Any, home: str, codes: list[str], words: bool = False) -> Text | None:
    """Return a table column's exported text (tables_csv's rules), or None for a type not handled.

    With `words`, the word columns (WORDS) are known to hold plain words only: written as they are.
    """
    kind = getattr(column.type, "impl", column.type)
    if words and column.name in WORDS:
        return column
    raw = cast(column, String) if isinstance(kind, (Date, DateTime)) else column
    if column.name.endswith("_minor") and isinstance(kind, Integer):
        if "_home_" in column.name or "currency" not in table.columns:
            return in_home(column, home)  # digits, a point and a sign: never quoted
        return in_currency(column, table.c.currency, codes)
    if isinstance(kind, Boolean):
        return case((column.is_(None), text("")), (cast(column, Integer) != 0, text("true")),
                    else_=text("false"))
    if isinstance(kind, DateTime):
        return iso_time(raw)  # digits, dashes, colons, T and +: never quoted
    if isinstance(kind, Date):
        return func.coalesce(raw, text(""), type_=String)
    if isinstance(kind, Integer):
        return digits(column)
    if isinstance(kind, String):
        return field(harmless(column), column)
    return None


def table_csv(session: Session, table: Table, home: str, day: Any = None, start: date | None = None,
              end: date | None = None) -> bytes | None:
    """Return one table's CSV file as tables_csv writes it, or None (write it in Python)."""
    if not supported(session):
        return None
    codes: list[str] = []
    if "currency" in table.columns:
        codes = [c for c in session.execute(select(table.c.currency).distinct()).scalars() if c is not None]
    words = words_are_plain(session, [c for c in table.columns if c.name in WORDS])
    texts = [column_text(table, c, home, codes, words) for c in table.columns]
    if any(t is None for t in texts):
        return None
    names = [c.name.removesuffix("_minor") for c in table.columns]
    if any(c.name.endswith("_minor") and ("_home_" in c.name or "currency" not in table.columns)
           for c in table.columns):
        names.append("home_currency")
        texts.append(text(csv_line([home, "x"])[:-2]))
    query = select(line(texts)).select_from(table).order_by(*table.primary_key.columns)
    if day is not None:
        query = within(query, day, start, end)
    return finished(session, names, query)


def within(query: Any, day: Any, start: date | None, end: date | None) -> Any:
    """Return the query limited to days from start to end (either may be None)."""
    if start is not None:
        query = query.where(day >= start)
    if end is not None:
        query = query.where(day <= end)
    return query


def line(texts: list[Any]) -> Text:
    """Return the fields joined with commas into one line (one printf: quicker than || in SQLite)."""
    return func.printf(text(",".join(["%s"] * len(texts))), *texts, type_=String)


def finished(session: Session, names: list[str], query: Any) -> bytes:
    """Return the CSV file: the header, then the line the query gives for each row."""
    rows = session.execute(query).scalars().all()
    return ("\n".join([csv_line(names), *rows]) + "\n").encode("utf-8-sig")


def payments_csv(session: Session, home: str, names: list[str], start: date | None = None,
                 end: date | None = None) -> bytes | None:
    """Return payments_detailed.csv (columns `names`) as tracker.io.export writes it, or None (Python)."""
    if not supported(session):
        return None
    skill = aliased(Skill)
    codes = [c for c in session.execute(select(Payment.currency).distinct()).scalars() if c is not None]

    def named(value: Any) -> Text:
        """Return a name or text made harmless, as a field."""
        return field(harmless(value), value)

    words = words_are_plain(session, [Payment.kind, Payment.status, Payment.platform, Payment.currency,
                                      Payment.rate])

    def as_is(value: Any) -> Any:
        """Return a stored text as it is, as a field."""
        return value if words else field(func.coalesce(value, text(""), type_=String))

    def money(minor: Any) -> Text:
        """Return an amount in the payment's currency (never quoted)."""
        return in_currency(minor, Payment.currency, codes)

    homes = (in_home(minor, home) for minor in (Payment.gross_home_minor, Payment.fees_home_minor,
                                                       Payment.net_home_minor))
    texts = [digits(Payment.id), cast(Payment.paid_on, String), as_is(Payment.kind),
             as_is(Payment.status), named(Client.name), named(Gig.title), named(skill.name),
             as_is(Payment.platform), as_is(Payment.currency), money(Payment.gross_minor),
             money(Payment.platform_fee_minor), money(Payment.transfer_fee_minor), as_is(Payment.rate),
             text(csv_line([home, "x"])[:-2]), *homes,
             named(Payment.source), named(Payment.external_ref), named(Payment.note)]
    query = (select(line(texts)).select_from(Payment)
             .join(Client, col(Payment.client_id) == Client.id, isouter=True)
             .join(Gig, col(Payment.gig_id) == Gig.id, isouter=True)
             .join(skill, col(Gig.skill_id) == skill.id, isouter=True)
             .order_by(col(Payment.paid_on), col(Payment.id)))
    return finished(session, names, within(query, col(Payment.paid_on), start, end))
