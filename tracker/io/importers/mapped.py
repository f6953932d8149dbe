"""Mapped imports (Fiverr and any other source): the person says which column is which.

A mapping names the columns for the date and the amount (required) and, if the file has them, the
currency, description, client and reference. Positive amounts are payments from the client; negative
ones (withdrawals, mostly) are shown as transfers and not counted: record expenses by hand. A file
without a reference column gets one made from the row's content, so that importing it again adds
nothing. Mappings are saved as JSON in the data folder, under mappings/, to be used again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.db.config import load_config
from tracker.io.csvread import Sheet, normalise, read_sheet
from tracker.io.rows import (
    Columns,
    ImportRow,
    Refusal,
    RowKind,
    chosen_date_order,
    each_row,
    numeric_date,
    signed_minor,
)
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Platform
from tracker.ledger.money import normalize_currency
from tracker.services.common import choice

if TYPE_CHECKING:
    from tracker.io.importers import ReadOptions

NAME = "mapped"
FIELDS = ("date", "amount", "currency", "description", "client", "reference")
KEYS = {"reference": "ref"}  # the key every format uses for the row's reference
REQUIRED = ("date", "amount")


@dataclass(frozen=True)
class Mapping:
    """Which column holds what, the currency when no column says, the platform, a date order."""

    name: str = NAME
    columns: tuple[tuple[str, str], ...] = ()
    currency: str = "USD"
    platform: str = Platform.OTHER.value
    date_order: str | None = None

    @property
    def source(self) -> str:
        """Return the `source` stored with what this mapping imports (its name, ≤ 20 characters)."""
        return (re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") or NAME)[:20]


def make_mapping(name: str, columns: dict[str, str], *, currency: str = "USD",
                 platform: str = Platform.OTHER.value, date_order: str | None = None) -> Mapping:
    """Return a checked mapping; refuse unknown fields or a missing date or amount column."""
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise InvalidInput("“{field_name}” is not a column we can map. Map these: {options}.",
                           field="mapping", field_name=unknown[0], options=", ".join(FIELDS))
    chosen = {k: v.strip() for k, v in columns.items() if v and v.strip()}
    missing = [f for f in REQUIRED if f not in chosen]
    if missing:
        raise InvalidInput("Say which column holds the {what}.", field="mapping", what=missing[0])
    return Mapping(name=name.strip() or NAME, columns=tuple(sorted(chosen.items())),
                   currency=normalize_currency(currency),
                   platform=choice(platform, Platform, field="platform"), date_order=date_order or None)


def parse(sheet: Sheet, options: ReadOptions) -> list[ImportRow | Refusal]:
    """Return each row as an ImportRow, or a Refusal naming the row and the reason."""
    mapping = options.mapping
    if mapping is None:
        raise InvalidInput("A mapped import needs a mapping: say which column is the date and the "
                           "amount.", field="mapping")
    named = dict(mapping.columns)
    columns = Columns(sheet, required={f: (named[f],) for f in REQUIRED},
                      optional={KEYS.get(f, f): (named[f],) if f in named else () for f in FIELDS[2:]})
    at = columns.where["date"]
    order = chosen_date_order([r[at] for r in sheet.rows if at is not None],
                              options.date_order or mapping.date_order)
    seen: Counter[str] = Counter()
    return each_row(sheet, columns, lambda n, cells: mapped_row(n, cells, mapping, order, seen))


def mapped_row(number: int, cells: dict[str, str], mapping: Mapping, order: str,
               seen: Counter[str]) -> ImportRow:
    """Return what one mapped row is: a payment (money in) or a transfer (money out)."""
    currency = normalize_currency(cells["currency"] or mapping.currency)
    value = signed_minor(cells["amount"], currency)
    if value == 0:
        raise InvalidInput("The amount is zero.", field="amount")
    ref = cells["ref"]
    if not ref:
        content = "|".join(cells[f] for f in FIELDS[:-1])
        seen[content] += 1
        ref = f"row-{hashlib.sha256(content.encode()).hexdigest()[:16]}-{seen[content]}"
    return ImportRow(number=number, kind=RowKind.PAYMENT if value > 0 else RowKind.TRANSFER,
                     day=numeric_date(cells["date"], order), currency=currency, amount=abs(value),
                     source=mapping.source, ref=ref, client=cells["client"],
                     platform=mapping.platform, note=cells["description"][:2000])


def mappings_folder() -> Path:
    """Return the folder where mappings are saved."""
    return load_config().data_dir / "mappings"


def save_mapping(mapping: Mapping) -> Path:
    """Save a mapping as JSON under its source name; return the file written."""
    folder = mappings_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{mapping.source}.json"
    data = {**asdict(mapping), "columns": dict(mapping.columns)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def load_mapping(name: str) -> Mapping:
    """Return a saved mapping by name, or refuse a name with no saved mapping."""
    path = mappings_folder() / f"{Mapping(name=name).source}.json"
    if not path.exists():
        raise InvalidInput("There is no saved mapping called “{name}”.", field="mapping", name=name)
    data = json.loads(path.read_text(encoding="utf-8"))
    return make_mapping(data["name"], data["columns"], currency=data["currency"],
                        platform=data["platform"], date_order=data.get("date_order"))


def saved_mappings() -> list[str]:
    """Return the names of the saved mappings, sorted."""
    folder = mappings_folder()
    return sorted(json.loads(p.read_text(encoding="utf-8"))["name"] for p in folder.glob("*.json")) \
        if folder.exists() else []


def header_names(sheet: Sheet) -> list[str]:
    """Return the file's column names as written (for picking them in a mapping)."""
    return [h for h in sheet.headers if normalise(h)]


def file_columns(data: bytes) -> list[str]:
    """Return the column names of a CSV file's header, or refuse a file that is not CSV."""
    return header_names(read_sheet(data))


def guess_column(field: str, headers: list[str]) -> str:
    """Return the header that most likely holds a field ('' if none looks like it)."""
    hints = {"date": ("date",), "amount": ("amount", "gross", "total", "earning"),
             "currency": ("currency",), "description": ("description", "details", "title", "memo"),
             "client": ("buyer", "client", "customer", "name", "payer"),
             "reference": ("reference", "order", "transaction", "id")}
    for hint in hints.get(field, ()):
        for header in headers:
            if hint in normalise(header):
                return header
    return ""
