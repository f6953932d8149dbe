"""Months as 'YYYY-MM' text, and the small values the month figures are made of (no database here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tracker.ledger.errors import InvalidInput
from tracker.ledger.money import to_latin_digits

EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
DEFAULT_GOAL_MINOR = 100_000_00  # ৳1,00,000 a month (S1), until a goal is set


@dataclass(frozen=True)
class MonthSummary:
    """One month in the home currency, minor units: gross − fees − expenses = net; pending apart."""

    month: str
    currency: str
    goal_minor: int
    gross_minor: int
    fees_minor: int
    expenses_minor: int
    pending_minor: int

    @property
    def net_minor(self) -> int:
        """Return cleared gross less fees less expenses."""
        return self.gross_minor - self.fees_minor - self.expenses_minor

    @property
    def progress(self) -> Decimal:
        """Return net divided by the goal (0.275625 for ৳27,562.50 of ৳1,00,000)."""
        return Decimal(self.net_minor) / Decimal(self.goal_minor) if self.goal_minor else Decimal(0)

    @property
    def remaining_minor(self) -> int:
        """Return what is left to reach the goal (0 once reached)."""
        return max(self.goal_minor - self.net_minor, 0)


@dataclass(frozen=True)
class MonthNet:
    """One month's net income and the goal that applied to it, in home-currency minor units."""

    month: str
    net_minor: int
    goal_minor: int


def month_of(day: date) -> str:
    """Return the 'YYYY-MM' month a date falls in."""
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(value: str | date) -> str:
    """Return a valid 'YYYY-MM' month from text like '2026-8' or '2026-08', or a date."""
    if isinstance(value, date):
        return month_of(value)
    text = to_latin_digits(str(value).strip())
    parts = text.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise InvalidInput("“{text}” is not a month. Use YYYY-MM, like 2026-08.", field="month",
                           text=str(value))
    year, month = int(parts[0]), int(parts[1])
    if not (1 <= month <= 12 and EARLIEST_YEAR <= year <= LATEST_YEAR):
        raise InvalidInput("“{text}” is not a month. Use YYYY-MM, like 2026-08.", field="month",
                           text=str(value))
    return f"{year:04d}-{month:02d}"


def goal_in(goals: list[tuple[str, int]], month: str) -> int:
    """Return the goal for a month from (valid_from, target) pairs sorted by month, else the default."""
    target = DEFAULT_GOAL_MINOR
    for valid_from, minor in goals:
        if valid_from <= month:
            target = minor
    return target


def month_start(month: str) -> date:
    """Return the first day of a 'YYYY-MM' month."""
    return date(int(month[:4]), int(month[5:7]), 1)


def add_months(month: str, count: int) -> str:
    """Return the month `count` months after (or before, if negative) a 'YYYY-MM' month."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    """Return every month from first to last, both included."""
    span = (int(last[:4]) * 12 + int(last[5:7])) - (int(first[:4]) * 12 + int(first[5:7]))
    return [add_months(first, i) for i in range(span + 1)]


def round_half_up(value: Decimal) -> int:
    """Return the nearest whole number, halves away from zero."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
