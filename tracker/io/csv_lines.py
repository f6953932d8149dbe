"""CSV lines written by SQLite itself: the same bytes as the Python export, in a fraction of the time.

The export's rules live in tracker.io.tables_csv and tracker.io.export (Python, any database). On
SQLite, the large files are written here instead: each exported column becomes a `Piece` (a printf
format and the SQL values it takes) and one printf per row joins them into the finished line, so that
Python neither builds 200,000 rows of values nor converts and writes them one cell at a time. The
pieces follow the Python rules exactly (tests/test_speed_fixes.py and tests/test_export_tables.py
compare the two):
- money: the exact decimal text of the minor units, in the row's currency or the home currency;
- flags true/false; integers as digits; days as stored ('2026-08-03'); times as Python's isoformat
  of the stored UTC time;
- text made harmless (a leading ' before = + - @ tab CR, after any leading quotes) wherever the
  Python export makes it harmless, and quoted as Python's csv module quotes (comma, double quote,
  CR or LF: lines end with CR LF, tracker.io.text.LINE_END). A column with few different texts,
  all plain, is checked once (`all_plain`), in the same statement; any other is checked row by row.
Where the time goes (SQLite's work per row): every function call costs about as much as reading a
column, so values the schema keeps from being NULL skip the NULL checks, amounts are written by the
line's own printf, and harmless text is recognised by comparisons before any function is called.
Another database, or a column type not listed above, gives None: the caller writes it in Python.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Table, case, cast, func, literal, or_, select
from sqlalchemy.sql.elements import ColumnClause, ColumnElement
from sqlmodel import Session

from tracker.io.text import FORMULA_START, LINE_END
from tracker.io.text import harmless as harmless_text
from tracker.ledger.models import Client, Gig, Payment, Skill
from tracker.ledger.money import exponent

Text = ColumnElement[Any]


class Piece(NamedTuple):
    """One field of a line: its printf format ('%s', or '%s%d.%02d' for an amount) and its SQL values.

    `stored` is the stored text of a text field (which may need double quotes), else None.
    """

    shape: str
    values: tuple[Any, ...]
    stored: Any = None


def csv_line(cells: list[str]) -> str:
    """Return one row as Python's csv module writes it for the export (without the line end)."""
    out = io.StringIO()
    csv.writer(out, lineterminator=LINE_END).writerow(cells)
    return out.getvalue()[:-len(LINE_END)]


QUOTED = [c for c in (",", '"', "\n", "\r") if csv_line([f"a{c}b", "x"]).startswith('"')]
RISKY = [*FORMULA_START, "'"]  # text starting otherwise is harmless as it is


def supported(session: Session) -> bool:
    """Return True when the database is SQLite (the SQL below is SQLite's)."""
    return session.get_bind().dialect.name == "sqlite"


def text(value: str) -> Text:
    """Return a constant text."""
    return literal(value, String)


def whole(value: Any) -> Piece:
    """Return a value as printf's %s writes it: text as it is, integers as digits, NULL as ''."""
    return Piece("%s", (value,))


def may_be_null(value: Any) -> bool:
    """Return False only for a column the schema keeps from being NULL."""
    return getattr(value, "nullable", True) is not False


def field(value: Text, raw: Any) -> Text:
    """Return a text written as a CSV field: in double quotes (doubled inside) when it needs them.

    `raw` is the stored text `value` was made from by adding a leading quote (harmless), which never
    changes whether a field needs quotes: checking it is quicker.
    """
    in_quotes = text('"').concat(func.replace(value, text('"'), text('""'), type_=String)).concat(text('"'))
    return case((or_(*[func.instr(raw, text(c)) > 0 for c in QUOTED]), in_quotes), else_=value)


def harmless(value: Any) -> Text:
    """Return tracker.io.text.harmless of a text; NULL stays NULL, which printf writes as ''.

    Every formula start and the quote sort before 'A' and are not digits, so a text from 'A' on or
    starting with a digit is harmless as it is: two comparisons, no function call, for most texts.
    """
    first = func.substr(value, 1, 1, type_=String)
    after_quotes = func.substr(func.ltrim(value, text("'"), type_=String), 1, 1, type_=String)
    return case((value >= text("A"), value), ((value >= text("0")) & (value < text(":")), value),
                (first.not_in(RISKY), value), (after_quotes.in_(FORMULA_START), text("'").concat(value)),
                else_=value)


def written(value: Any) -> Piece:
    """Return a stored text made harmless (and quoted where needed, see `line`)."""
    return Piece("%s", (harmless(value),), value)


def constant(value: str) -> Piece:
    """Return a text that is the same in every row (the home currency) as a finished field."""
    return whole(text(csv_line([harmless_text(value), "x"])[:-2]))


def amount(minor: Any, places: int) -> Piece:
    """Return tracker.ledger.money.amount_text of minor units (not NULL) with a fixed number of decimals."""
    if places == 0:
        return Piece("%d", (minor,))
    power = 10**places
    sign = case((minor < 0, text("-")), else_=text(""))
    return Piece(f"%s%d.%0{places}d", (sign, func.abs(minor // power), func.abs(minor % power)))


def nested(piece: Piece) -> Text:
    """Return a piece's text as one SQL value."""
    return func.printf(text(piece.shape), *piece.values, type_=String)


def in_currency(minor: Any, currency: Any, codes: list[str]) -> Piece:
    """Return amount text in each row's own currency, for the currency codes the table holds."""
    by_places: dict[int, list[str]] = {}
    for code in codes:
        by_places.setdefault(exponent(code), []).append(code)
    if len(by_places) == 1 and not may_be_null(minor) and not may_be_null(currency):
        return amount(minor, next(iter(by_places)))  # every row has the same decimals
    whens = [(currency.in_(same), nested(amount(minor, places)))
             for places, same in sorted(by_places.items())]
    return whole(case((minor.is_(None), text("")), *whens, else_=text("")))


def in_home(minor: Any, home: str) -> Piece:
    """Return amount text in the home currency."""
    if not may_be_null(minor):
        return amount(minor, exponent(home))
    return whole(case((minor.is_(None), text("")), else_=nested(amount(minor, exponent(home)))))


class IsoTimes(dict[Any, str]):
    """`iso_time` of each stored time, worked out in Python once per different stored text.

    The payments of one import share one creation time: looking it up is quicker than SQLite cutting
    the same text into pieces 200,000 times. A stored value that is not text raises TypeError.
    """

    def __missing__(self, stored: Any) -> str:
        if not isinstance(stored, str):
            raise TypeError(f"a time stored as {type(stored).__name__}")
        clock = stored[11:19] if stored[19:] == ".000000" else stored[11:]
        self[stored] = written = f"{stored[:10]}T{clock}+00:00"
        return written


def iso_time(stored: Any) -> Piece:
    """Return Python's isoformat of a UTC time stored as 'YYYY-MM-DD HH:MM:SS.ffffff' ('' for NULL)."""
    clock = case((func.substr(stored, 20, type_=String) == text(".000000"), func.substr(stored, 12, 8)),
                 else_=func.substr(stored, 12, type_=String))
    time = Piece("%sT%s+00:00", (func.substr(stored, 1, 10, type_=String), clock))
    return whole(case((stored.is_(None), text("")), else_=nested(time))) if may_be_null(stored) else time


def column_text(table: Table, column: Any, home: str, codes: list[str]) -> Piece | None:
    """Return a table column's exported text (tables_csv's rules), or None for a type not handled."""
    kind = getattr(column.type, "impl", column.type)
    if column.name.endswith("_minor") and isinstance(kind, Integer):
        if "_home_" in column.name or "currency" not in table.columns:
            return in_home(column, home)  # digits, a point and a sign: never quoted
        return in_currency(column, table.c.currency, codes)
    if isinstance(kind, Boolean):
        null = [(column.is_(None), text(""))] if may_be_null(column) else []
        return whole(case(*null, (cast(column, Integer) != 0, text("true")), else_=text("false")))
    if isinstance(kind, DateTime):
        return iso_time(column)  # digits, dashes, colons, T and +: never quoted
    if isinstance(kind, (Date, Integer)):
        return whole(column)  # as stored, or digits
    if isinstance(kind, String):
        return written(column)
    return None


def currencies(session: Session, table: Any) -> list[str]:
    """Return the currency codes a table holds (none if it has no currency column)."""
    if "currency" not in table.columns:
        return []
    return [c for c in session.execute(select(table.c.currency).distinct()).scalars() if c is not None]


def table_csv(session: Session, table: Table, home: str, day: Any = None, start: date | None = None,
              end: date | None = None) -> bytes | None:
    """Return one table's CSV file as tables_csv writes it, or None (write it in Python)."""
    if not supported(session):
        return None
    codes = currencies(session, table)
    pieces = [column_text(table, c, home, codes) for c in table.columns]
    if any(p is None for p in pieces):
        return None
    names = [c.name.removesuffix("_minor") for c in table.columns]
    if any(c.name.endswith("_minor") and ("_home_" in c.name or "currency" not in table.columns)
           for c in table.columns):
        names.append("home_currency")
        pieces.append(constant(home))
    query = select(line(pieces)).select_from(table).order_by(*table.primary_key.columns)
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


def line(pieces: list[Piece]) -> Text:
    """Return the fields joined with commas into one line, by one printf (quicker than || in SQLite).

    A line of one text that is never NULL is that text (cast as text, which costs SQLite half of a
    printf; it gives the same text, a blob read as text too).
    """
    if len(pieces) == 1 and pieces[0].shape == "%s" and pieces[0].stored is not None \
            and not may_be_null(pieces[0].stored):
        return cast(as_field(pieces[0].values[0], pieces[0].stored), String)
    shape = ",".join(p.shape for p in pieces)
    values = [v if p.stored is None else as_field(v, p.stored) for p in pieces for v in p.values]
    return func.printf(text(shape), *values, type_=String)


def as_field(value: Text, stored: Any) -> Text:
    """Return a text as a CSV field: as stored when its column holds only plain texts, else row by row."""
    if not isinstance(stored, ColumnClause) or stored.table is None:  # not a column of a table
        return field(value, stored)
    return case((all_plain(stored), stored), else_=field(value, stored))


FEW = 10_000  # a column with fewer different texts than this is checked once per file, not row by row


def all_plain(column: ColumnClause[Any]) -> Text:
    """Return SQL that is true when every text of the column is written exactly as it is stored.

    The column's different texts are read once (SQLite runs a subquery that depends on no row only
    once) in the same statement as the lines, so both see the same rows: when there are fewer than
    FEW and none needs double quotes or a leading ', no row's text is looked at again. Words the app
    writes (kinds, statuses, currencies, months, rates, platforms, categories) are such columns.
    """
    texts = select(column.label("text")).distinct().limit(FEW).subquery()
    each = texts.c.text
    odd = or_(*[func.instr(each, text(c)) > 0 for c in QUOTED], harmless(each) != each)
    return (select((func.count() < FEW) & (func.coalesce(func.max(case((odd, 1), else_=0)), 0) == 0))
            .select_from(texts).scalar_subquery())


def fetched(session: Session, query: Any) -> list[Any]:
    """Return the query's rows as the driver gives them.

    Taken from the driver's cursor: they need no conversion, and SQLAlchemy's rows would cost a
    quarter of a second per 200,000.
    """
    result = session.connection().execute(query)  # Core: a cursor result, whatever the query selects from
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def finished(session: Session, names: list[str], query: Any) -> bytes:
    """Return the CSV file: the header, then the line the query gives for each row."""
    return csv_file(names, [row for (row,) in fetched(session, query)])


def csv_file(names: list[str], lines: list[str]) -> bytes:
    """Return the CSV file of a header and finished lines, in UTF-8 with a byte-order mark."""
    return (LINE_END.join([csv_line(names), *lines]) + LINE_END).encode("utf-8-sig")


def payments_csv(session: Session, home: str, names: list[str], start: date | None = None,
                 end: date | None = None) -> bytes | None:
    """Return payments_detailed.csv (columns `names`) as tracker.io.export writes it, or None (Python).

    SQLite writes each payment's fields before and after its client, gig and skill, in the order of
    the table (read straight through, which is much quicker than in date order through the index);
    Python sorts them by date (text dates sort as in SQLite) and adds the names, written once per
    client and gig rather than once per payment. The names are read after the payments, so every
    payment's client and gig are there.
    """
    if not supported(session):
        return None
    codes = currencies(session, Payment.__table__)
    p = Payment.__table__.c
    before = [whole(p.id), whole(p.paid_on), written(p.kind), written(p.status)]
    after = [written(p.platform), written(p.currency),
             *(in_currency(m, p.currency, codes) for m in (p.gross_minor, p.platform_fee_minor,
                                                           p.transfer_fee_minor)),
             written(p.rate), constant(home),
             *(in_home(m, home) for m in (p.gross_home_minor, p.fees_home_minor, p.net_home_minor)),
             written(p.source), written(p.external_ref), written(p.note)]
    query = within(select(p.paid_on, p.client_id, p.gig_id, line(before), line(after)), p.paid_on, start, end)
    rows = fetched(session, query.order_by(p.id))
    try:
        rows.sort(key=itemgetter(0))  # by date; payments of one day stay in id order (the sort is stable)
    except TypeError:  # dates stored as more than one type (a hand-made file): SQLite's order of types
        rows = fetched(session, query.order_by(p.paid_on, p.id))
    clients, gigs = gig_names(session)
    return csv_file(names, [f"{first},{clients.get(client, '')},{gigs.get(gig, ',')},{rest}"
                            for _, client, gig, first, rest in rows])


def gig_names(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    """Return each client's name, and each gig's title and skill, as fields of payments_detailed.csv."""
    clients = dict(fetched(session, select(Client.__table__.c.id, line([written(Client.__table__.c.name)]))))
    gig, skill = Gig.__table__.c, Skill.__table__.c
    query = (select(gig.id, line([written(gig.title), written(skill.name)]))
             .select_from(Gig.__table__).outerjoin(Skill.__table__, gig.skill_id == skill.id))
    return clients, dict(fetched(session, query))
