"""Statement formats: each module turns a Sheet's rows into ImportRows (or Refusals).

A format module has NAME, SOURCE (the `source` stored with what it imports), `matches(sheet)` (the
header says it is this format) and `parse(sheet, options)`. Detection tries them in FORMATS order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

from tracker.io.csvread import Sheet
from tracker.io.importers import mapped, payoneer, paypal, tracker_csv, upwork
from tracker.io.rows import ImportRow, Refusal
from tracker.ledger.errors import InvalidInput

FORMATS: dict[str, ModuleType] = {m.NAME: m for m in (tracker_csv, upwork, payoneer, paypal)}
CHOICES = ("auto", *FORMATS, mapped.NAME)


@dataclass(frozen=True)
class ReadOptions:
    """What a format may need besides the file: the home currency, a date order, a column mapping."""

    home: str
    date_order: str | None = None
    mapping: mapped.Mapping | None = field(default=None)


def detect(sheet: Sheet) -> str:
    """Return the name of the format whose header this file has, or refuse an unknown header."""
    for name, module in FORMATS.items():
        if module.matches(sheet):
            return name
    raise InvalidInput("This file's columns do not match a statement we know (tracker export, "
                       "Upwork, Payoneer, PayPal). Choose “mapped” and say which column is which.",
                       field="file")


def parser(name: str) -> Callable[[Sheet, ReadOptions], list[ImportRow | Refusal]]:
    """Return the parse function of a format by name."""
    if name == mapped.NAME:
        return mapped.parse
    if name not in FORMATS:
        raise InvalidInput("“{name}” is not a format we know. Choose one of: {options}.",
                           field="format", name=name, options=", ".join(CHOICES))
    return FORMATS[name].parse
