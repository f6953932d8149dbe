"""Numbers, days and months as a person reads them, in English or Bengali (Babel's CLDR data).

English keeps ISO days ('2026-08-03') and months ('2026-08'), the form the date pickers use.
Bengali writes month names ('৩ আগস্ট ২০২৬', 'আগস্ট ২০২৬'); its digits are Bengali unless the
person turned that off (the `bengali_digits` setting). Numbers use lakh grouping in both languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from tracker.ledger.money import to_bengali_digits

BENGALI = "bn"
DAY_PATTERN, MONTH_PATTERN = "d MMMM y", "MMMM y"


def digits(text: str, bengali_digits: bool) -> str:
    """Return the text with Bengali digits when asked, else unchanged."""
    return to_bengali_digits(text) if bengali_digits else text


def format_number(value: int | Decimal, *, bengali_digits: bool = False) -> str:
    """Return a number with lakh and crore grouping: 100000 → '1,00,000' (or '১,০০,০০০')."""
    return digits(format_decimal(value, locale="en_IN"), bengali_digits)


def as_day(value: date | str | None) -> date | None:
    """Return a date from a date, a datetime or ISO text ('2026-08-03'); None stays None."""
    if value is None or value == "" or (not isinstance(value, str | date) and pd.isna(value)):
        return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def format_day(value: date | str | None, language: str, *, bengali_digits: bool = False) -> str:
    """Return a day: '2026-08-03' in English, '৩ আগস্ট ২০২৬' in Bengali; '' for no day."""
    day = as_day(value)
    if day is None:
        return ""
    if language != BENGALI:
        return day.isoformat()
    return digits(format_date(day, DAY_PATTERN, locale=BENGALI), bengali_digits)


def format_month(month: str, language: str, *, bengali_digits: bool = False) -> str:
    """Return a 'YYYY-MM' month: unchanged in English, 'আগস্ট ২০২৬' in Bengali."""
    if language != BENGALI:
        return month
    year, number = (int(part) for part in month.split("-"))
    return digits(format_date(date(year, number, 1), MONTH_PATTERN, locale=BENGALI), bengali_digits)


def with_days(frame: pd.DataFrame, columns: Iterable[str], day: Callable[[Any], str]) -> pd.DataFrame:
    """Return a copy of a table whose date columns are written by `day` (the person's form)."""
    present = [c for c in columns if c in frame.columns]
    return frame.assign(**{c: frame[c].map(day) for c in present}) if present else frame
