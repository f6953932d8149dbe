"""The one formatter: money, numbers, percentages, hours, days, months and stored codes, for people.

`Present` is bound once per run (language, Bengali digits, home currency); pages, tables, charts and
the command line's table all format through it. Money uses Babel's CLDR patterns: taka in lakh and
crore grouping (1,00,000), other currencies their usual form. English keeps ISO days ('2026-08-03')
and months ('2026-08'), the form the date pickers use; Bengali writes month names ('৩ আগস্ট ২০২৬',
'আগস্ট ২০২৬'). Digits are Bengali in Bengali unless the person turned that off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_decimal_symbol, get_group_symbol, parse_pattern

from tracker.i18n import translate
from tracker.ledger.money import from_minor, to_bengali_digits
from tracker.reports.forecast import Forecast, Outlook

BENGALI = "bn"
DAY_PATTERN, MONTH_PATTERN = "d MMMM y", "MMMM y"
TAKA_PATTERN = "#,##,##0"  # lakh and crore grouping: 1,00,00,000
NOTHING = "—"
Amounts = tuple[tuple[str, int], ...]


def format_money(minor: int, currency: str, *, bengali_digits: bool = False,
                 whole: bool = False) -> str:
    """Return the amount as a person reads it: '৳1,00,000', '৳27,562.50', '$250.00'.

    Taka uses lakh and crore grouping; other currencies their usual form. `whole` drops the
    decimals when they are zero (for headlines like the goal). Bengali digits are optional.
    """
    if currency == "BDT" and type(minor) is int:
        text = _taka(minor, whole=whole)
        return to_bengali_digits(text) if bengali_digits else text
    value = from_minor(minor, currency)
    if whole and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    if currency == "BDT":
        pattern = TAKA_PATTERN if value.as_tuple().exponent == 0 else TAKA_PATTERN + ".00"
        text = format_decimal(abs(value), format=pattern, locale="en_IN", decimal_quantization=False)
        text = ("-" if value < 0 else "") + "৳" + text
    elif whole and value.as_tuple().exponent == 0:  # a whole amount: no decimals ('¥300,000', '$100')
        text = format_currency(value, currency, format="¤#,##0", locale="en_US", currency_digits=False)
    else:
        text = format_currency(value, currency, locale="en_US")
    return to_bengali_digits(text) if bengali_digits else text


@lru_cache(maxsize=1)
def _lakh_form() -> tuple[int, int, str, str]:
    """Return Babel's grouping for taka (3, then 2: lakh and crore) and en_IN's group and decimal signs."""
    grouping = parse_pattern(TAKA_PATTERN).grouping
    locale = Locale.parse("en_IN")
    return grouping[0], grouping[1], get_group_symbol(locale), get_decimal_symbol(locale)


def _taka(minor: int, *, whole: bool) -> str:
    """Return whole minor units of taka as format_decimal writes them with TAKA_PATTERN ('৳1,00,000.00').

    The same text, without parsing the pattern and the locale for every amount: a table of 4,000
    amounts took a tenth of a second in Babel. tests/test_present.py compares the two.
    """
    first, rest, group, point = _lakh_form()
    taka, poisha = divmod(abs(minor), 100)
    digits = str(taka)
    if len(digits) > first:
        head, tail = digits[:-first], digits[-first:]
        parts = [head[max(end - rest, 0):end] for end in range(len(head), 0, -rest)]
        digits = group.join([*reversed(parts), tail])
    decimals = "" if whole and poisha == 0 else f"{point}{poisha:02d}"
    return f"{'-' if minor < 0 else ''}৳{digits}{decimals}"


def format_percent(ratio: Decimal, *, bengali_digits: bool = False) -> str:
    """Return a ratio as a percent with two decimals (0.275625 → '27.56%')."""
    text = f"{(ratio * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"
    return to_bengali_digits(text) if bengali_digits else text


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


def hours_text(minutes: int, places: int = 1) -> str:
    """Return minutes as hours, rounded half up ('90' → '1.5'; with places=2, '1.50')."""
    return str((Decimal(minutes) / 60).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Present:
    """The person's way of reading values, bound once per run: language, digits, home currency."""

    language: str
    bengali_digits: bool
    home_currency: str

    def money(self, minor: int, currency: str | None = None, *, whole: bool = False) -> str:
        """Return an amount ('৳1,00,000.00'), in the home currency unless another is given."""
        return format_money(minor, currency or self.home_currency, whole=whole,
                            bengali_digits=self.bengali_digits)

    def amounts(self, amounts: Amounts) -> str:
        """Return amounts in several currencies, '$300.00 + ৳5,000.00', or '—' for none."""
        return " + ".join(self.money(minor, code) for code, minor in amounts) if amounts else NOTHING

    def number(self, value: int | Decimal) -> str:
        """Return a number in the person's digits, lakh-grouped."""
        return format_number(value, bengali_digits=self.bengali_digits)

    def percent(self, ratio: Decimal) -> str:
        """Return a ratio as a percent with two decimals ('27.56%')."""
        return format_percent(ratio, bengali_digits=self.bengali_digits)

    def hours(self, minutes: int, places: int = 1) -> str:
        """Return minutes as hours ('1.5'), rounded half up."""
        return hours_text(minutes, places)

    def day(self, value: date | str | None) -> str:
        """Return a day ('2026-08-03'; in Bengali '৩ আগস্ট ২০২৬'); '' for none."""
        return format_day(value, self.language, bengali_digits=self.bengali_digits)

    def day_cell(self, value: date | None) -> date | str | None:
        """Return a day for a table: English keeps the date itself (sortable), Bengali its text."""
        return value if self.language != BENGALI else self.day(value)

    def month(self, value: str) -> str:
        """Return a 'YYYY-MM' month ('2026-08'; in Bengali 'আগস্ট ২০২৬')."""
        return format_month(value, self.language, bengali_digits=self.bengali_digits)

    def label(self, code: str) -> str:
        """Return a stored code (a status, a platform, a verdict) or a message in the person's language."""
        return translate(code, self.language)

    def digits(self, text: str) -> str:
        """Return text with the person's digits."""
        return digits(text, self.bengali_digits)

    def days(self, frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
        """Return a table whose date columns read as days do for the person (English keeps real dates)."""
        return with_days(frame, columns, self.day) if self.language == BENGALI else frame


def outlook_sentence(forecast: Forecast, present: Present) -> tuple[str, str]:
    """Return (kind, sentence) saying what the trend means: kind is success, info or warning."""
    label = present.label
    if forecast.outlook is Outlook.REACHED:
        return "success", label("At your recent pace you are at the goal already. Keep it steady.")
    if forecast.outlook is Outlook.ON_TRACK:
        return "info", label("At your recent pace you reach the goal in {month}.").format(
            month=present.month(forecast.goal_month or ""))
    if forecast.growth_needed is None:
        return "warning", label("At this pace the goal is not reached. Earn in a month first; the "
                                "forecast grows from there.")
    return "warning", label("At this pace the goal is not reached. Growing {growth} a month would "
                            "reach it within a year.").format(growth=present.percent(forecast.growth_needed))
