"""What one statement row becomes (an ImportRow, or a Refusal), and the parsing every format shares:
signed amounts with thousands separators, dates in the forms statements use, column lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any

from tracker.i18n import fill
from tracker.io.csvread import Sheet
from tracker.ledger.errors import InvalidInput
from tracker.ledger.money import MAX_RATE_DECIMALS, bounded, exponent, parse_decimal, parse_minor, to_minor

MONTHS = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_WORDY = re.compile(r"^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})$")
_MINUS = str.maketrans({"−": "-", "–": "-"})
_UNSIGNED = re.compile(r"[0-9]+(?:\.[0-9]*)?")  # '1200.00': no sign, symbol or separator to weigh
_SIMPLE = re.compile(r"(-?)([0-9]{1,20})(?:\.([0-9]*))?")  # '-107.85' as written: short enough for int()


class RowKind(StrEnum):
    """What a row is: money in, money given back, a platform fee, money out, or a transfer."""

    PAYMENT = "payment"
    REFUND = "refund"
    FEE = "fee"
    EXPENSE = "expense"
    TRANSFER = "transfer"


@dataclass(slots=True)
class ImportRow:
    """One statement row, understood: amounts in minor units (positive, except a fee's sign)."""

    number: int
    kind: RowKind
    day: date | None
    currency: str
    amount: int
    source: str
    ref: str
    client: str = ""
    platform_fee: int = 0
    transfer_fee: int = 0
    pending: bool = False
    category: str = "other"
    fee_for: str = ""
    rate: Decimal | None = None
    platform: str | None = None
    note: str = ""
    gig: str = ""
    skill: str = ""
    expected_net_home: int | None = None
    merged: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A row that cannot be imported: its number and the reason (an English template and params)."""

    number: int
    message: str
    params: tuple[tuple[str, Any], ...] = ()
    ref: str = ""

    @classmethod
    def of(cls, number: int, err: InvalidInput, ref: str = "") -> Refusal:
        """Return the refusal for an InvalidInput raised while reading row `number`."""
        return cls(number, err.message, tuple(err.params.items()), ref)

    def text(self, translate: Callable[[str], str] = str) -> str:
        """Return the reason in words, translated by `translate` when given."""
        return fill(self.message, dict(self.params), translate)


def signed_minor(text: str, currency: str, *, field: str = "amount") -> int:
    """Return signed minor units for statement text: '1,200.00', '-$12.00', '(5.00)', '−3'.

    Most cells are plain ('1078.52', '-107.85') and counted at once; the others (and plain ones with
    more decimals than the currency has, to be refused) take `_signed_minor`.
    """
    simple = _SIMPLE.fullmatch(text)
    if simple is not None:
        sign, whole, part = simple.groups()
        part = part.rstrip("0") if part else ""
        decimals = exponent(currency)
        if len(part) <= decimals:
            minor = bounded(int(whole + part.ljust(decimals, "0")), field=field)
            return -minor if sign else minor
    return _signed_minor(text, currency, field=field)


@lru_cache(maxsize=4096)
def _signed_minor(text: str, currency: str, *, field: str = "amount") -> int:
    """Return signed minor units for any statement text (see signed_minor), or refuse it."""
    cleaned = text.strip().translate(_MINUS).replace(" ", "")
    bracketed = cleaned.startswith("(") and cleaned.endswith(")")
    negative = bracketed or cleaned.startswith("-")
    cleaned = cleaned[1:-1] if bracketed else cleaned[1:] if cleaned[:1] in ("+", "-") else cleaned
    if not cleaned:
        raise InvalidInput("The {field} is missing.", field=field)
    if _UNSIGNED.fullmatch(cleaned):  # most cells: the same minor units, counted without a Decimal
        minor = parse_minor(cleaned, currency, field=field)
        return -minor if negative else minor
    value = parse_decimal(cleaned, field=field)
    if cleaned[:1] in ("+", "-") or (value < 0 and negative):  # '--5', '(-5)', '-$-5': a sign twice
        raise InvalidInput("“{text}” is not a number. Type digits, like 1,250.50.", field=field,
                           text=text.strip())
    minor = to_minor(value, currency, field=field)
    return -minor if negative else minor


@lru_cache(maxsize=64)
def places(currency: str) -> int:
    """Return the currency's number of decimals (cached: statements repeat a few currencies)."""
    return exponent(currency)


def optional_minor(text: str, currency: str, *, field: str) -> int:
    """Return signed minor units, 0 for an empty cell."""
    return signed_minor(text, currency, field=field) if text.strip() else 0


@lru_cache(maxsize=4096)
def wordy_date(text: str) -> date:
    """Return the date of 'Aug 3, 2026', 'Jan 01, 2023' or 'August 3 2026'; refuse anything else."""
    match = _WORDY.match(text.strip())
    month = MONTHS.get(match.group(1).lower()) if match else None
    if match is None or month is None:
        return iso_or_refuse(text)
    return real_date(int(match.group(3)), month, int(match.group(2)), text)


@lru_cache(maxsize=4096)
def numeric_date(text: str, order: str) -> date:
    """Return the date of '08/03/2026' read as `order` ('mdy' or 'dmy'), or of '2026-08-03'."""
    match = _NUMERIC.match(text.strip())
    if match is None:
        return wordy_date(text)
    a, b, c = (int(g) for g in match.groups())
    if len(match.group(1)) == 4:
        return real_date(a, b, c, text)
    year = c + 2000 if c < 100 else c
    return real_date(year, a, b, text) if order == "mdy" else real_date(year, b, a, text)


def iso_or_refuse(text: str) -> date:
    """Return the date of ISO text 'YYYY-MM-DD', or refuse the text as a date."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("“{text}” is not a date.", field="date", text=text.strip()) from None


def real_date(year: int, month: int, day: int, text: str) -> date:
    """Return the date, or refuse one that does not exist (like 31/02)."""
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput("“{text}” is not a date that exists.", field="date",
                           text=text.strip()) from None


def date_order(texts: Iterable[str]) -> str | None:
    """Return 'dmy' or 'mdy' if some numeric date shows it (a part over 12), else None."""
    seen = set()
    for text in texts:
        match = _NUMERIC.match(text.strip())
        if match is None or len(match.group(1)) == 4:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            seen.add("dmy")
        elif second > 12 >= first:
            seen.add("mdy")
    if len(seen) > 1:
        raise InvalidInput("Some dates in this file are day/month and others month/day; the file "
                           "cannot be read safely.", field="date")
    return seen.pop() if seen else None


def ambiguous_date(texts: Iterable[str]) -> str | None:
    """Return the first numeric date that reads differently as day/month and month/day, or None."""
    for text in texts:
        match = _NUMERIC.match(text.strip())
        if match and len(match.group(1)) != 4 and int(match.group(1)) != int(match.group(2)):
            return text.strip()
    return None


def rate_between(home_minor: int, home: str, minor: int, currency: str) -> Decimal | None:
    """Return home ÷ amount in major units to ten decimals (a rate stated by the file), or None."""
    if not home_minor or not minor:
        return None
    ratio = (Decimal(abs(home_minor)).scaleb(-exponent(home))
             / Decimal(abs(minor)).scaleb(-exponent(currency)))
    return ratio.quantize(Decimal(1).scaleb(-MAX_RATE_DECIMALS), rounding=ROUND_HALF_UP).normalize()


class Columns:
    """The columns a format uses, found by normalised name; refuses a file missing a required one."""

    def __init__(self, sheet: Sheet, required: dict[str, tuple[str, ...]],
                 optional: dict[str, tuple[str, ...]] | None = None) -> None:
        self.where: dict[str, int | None] = {}
        missing = []
        for key, names in required.items():
            self.where[key] = sheet.position(*names)
            if self.where[key] is None:
                missing.append(" or ".join(f"“{n}”" for n in names))
        if missing:
            raise InvalidInput("The file has no column {columns}, which this format needs.",
                               field="file", columns=", ".join(missing))
        for key, names in (optional or {}).items():
            self.where[key] = sheet.position(*names)
        self._present = [(key, at) for key, at in self.where.items() if at is not None]
        self._blank = {key: "" for key, at in self.where.items() if at is None}

    def cells(self, row: list[str]) -> dict[str, str]:
        """Return the row's cells by key ('' for an optional column the file lacks)."""
        cells = {key: row[at].strip() for key, at in self._present}
        if self._blank:
            cells.update(self._blank)
        return cells


def each_row(sheet: Sheet, columns: Columns,
             build: Callable[[int, dict[str, str]], ImportRow]) -> list[ImportRow | Refusal]:
    """Return build(number, cells) for every row; a row that raises InvalidInput becomes a Refusal."""
    result: list[ImportRow | Refusal] = []
    for number, row in zip(sheet.numbers, sheet.rows, strict=True):
        cells = columns.cells(row)
        try:
            result.append(build(number, cells))
        except InvalidInput as err:
            result.append(Refusal.of(number, err, cells.get("ref", "")))
    return result


def each_line(sheet: Sheet, build: Callable[[int, list[str]], ImportRow],
              ref_at: int | None) -> list[ImportRow | Refusal]:
    """Return build(number, row) for every row, for a format that reads its cells by position.

    Like each_row, without a dict of every cell per row; a refusal keeps the row's reference, the
    cell at `ref_at`.
    """
    result: list[ImportRow | Refusal] = []
    for number, row in zip(sheet.numbers, sheet.rows, strict=True):
        try:
            result.append(build(number, row))
        except InvalidInput as err:
            result.append(Refusal.of(number, err, "" if ref_at is None else row[ref_at].strip()))
    return result


class DateOrderNeeded(InvalidInput):
    """The file's dates could be day/month or month/day; the person has to say which."""


def chosen_date_order(texts: list[str], given: str | None) -> str:
    """Return the date order given, else the one the file shows, else refuse with DateOrderNeeded."""
    if given:
        if given not in ("dmy", "mdy"):
            raise InvalidInput("The date order is “dmy” (day first) or “mdy” (month first), not "
                               "“{given}”.", field="date order", given=given)
        return given
    found = date_order(texts)
    if found:
        return found
    example = ambiguous_date(texts)
    if example:
        raise DateOrderNeeded("The dates in this file could be day/month or month/day (like "
                              "{example}). Say which: day first (dmy) or month first (mdy).",
                              field="date order", example=example)
    return "mdy"
