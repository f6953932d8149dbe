"""Upwork "transaction history" exports, older and newer layouts.

Amounts are signed US dollars: money in positive, fees and withdrawals negative. Hourly, Fixed Price
and Bonus rows are income from the client named in Team; Refund reduces income; a Service Fee is the
platform fee of the payment whose Ref ID its description names (positive: a fee given back with a
refund); Withdrawal Fee is a transfer fee, kept as an expense; Membership Fee, Connects, Subscription
and taxes on fees (GST, VAT) are expenses; Withdrawal is a transfer. The row's reference is its
Transaction ID (newer layout) or Ref ID (older layout).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from tracker.i18n import N_
from tracker.io.csvread import Sheet
from tracker.io.rows import (
    Columns,
    ImportRow,
    Refusal,
    RowKind,
    each_line,
    optional_minor,
    rate_between,
    signed_minor,
    wordy_date,
)
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import ExpenseCategory, Platform

if TYPE_CHECKING:
    from tracker.io.importers import ReadOptions

NAME = SOURCE = "upwork"
CURRENCY = "USD"
INCOME = {"hourly", "fixedprice", "bonus", "milestone"}
EXPENSES = {"membershipfee": ExpenseCategory.MEMBERSHIP, "connects": ExpenseCategory.CONNECTS,
            "subscription": ExpenseCategory.MEMBERSHIP, "gst": ExpenseCategory.OTHER,
            "vat": ExpenseCategory.OTHER, "salestax": ExpenseCategory.OTHER,
            "withdrawalfee": ExpenseCategory.OTHER}
DESCRIPTIONS = ("Description", "Transaction Summary", "Transaction Summary Details", "Description 1",
                "Description 2", "Description 3", "Entered Description")
TEXT_KEYS = tuple(f"text{i}" for i in range(len(DESCRIPTIONS)))
UPWORK = Platform.UPWORK.value
_PAYMENT, _REFUND, _FEE, _EXPENSE, _TRANSFER = (RowKind.PAYMENT, RowKind.REFUND, RowKind.FEE, RowKind.EXPENSE,
                                                RowKind.TRANSFER)  # read once: a row reads several
_REF_IN_TEXT = re.compile(r"ref\.?\s*id\s*[:#]?\s*(\w+)", re.IGNORECASE)


def matches(sheet: Sheet) -> bool:
    """Return True if the header is an Upwork transaction history (either layout)."""
    return (sheet.has("Date", "Team", "Freelancer") and sheet.position("Type", "Transaction Type")
            is not None and sheet.position("Transaction ID", "Ref ID") is not None)


def parse(sheet: Sheet, options: ReadOptions) -> list[ImportRow | Refusal]:
    """Return each row as an ImportRow, or a Refusal naming the row and the reason."""
    columns = Columns(
        sheet,
        required={"date": ("Date",), "ref": ("Transaction ID", "Ref ID"),
                  "type": ("Transaction Type", "Type"), "amount": ("Amount $", "Amount")},
        optional={"team": ("Team",), "related": ("Ref ID",), "local": ("Amount in local currency",),
                  "local_currency": ("Currency",),
                  **{key: (name,) for key, name in zip(TEXT_KEYS, DESCRIPTIONS, strict=True)}})
    at, home = Layout.of(columns.where), options.home
    return each_line(sheet, lambda number, row: upwork_row(number, row, at, home), at.ref)


@dataclass(frozen=True, slots=True)
class Layout:
    """Which column of this file holds what a row needs (None: the file has no such column).

    Rows are read by position, not through a dict of every cell: 100,000 rows read a third faster.
    """

    date: int
    ref: int
    type: int
    amount: int
    team: int | None
    related: int | None
    local: int | None
    local_currency: int | None
    texts: tuple[int, ...]  # the description columns the file has, in the order they are joined

    @classmethod
    def of(cls, where: dict[str, int | None]) -> Layout:
        """Return the layout of the columns found (see Columns.where)."""
        required = {key: where[key] for key in ("date", "ref", "type", "amount")}
        return cls(**required, team=where["team"], related=where["related"],  # type: ignore[arg-type]
                   local=where["local"], local_currency=where["local_currency"],
                   texts=tuple(at for at in (where[key] for key in TEXT_KEYS) if at is not None))


def upwork_row(number: int, row: list[str], at: Layout, home: str) -> ImportRow:
    """Return what one Upwork row is; refuse an unknown type or an amount with the wrong sign."""
    type_text, amount_text = row[at.type].strip(), row[at.amount].strip()
    kind = type_key(type_text)
    value = signed_minor(amount_text, CURRENCY)
    text = " — ".join([t for t in [row[i].strip() for i in at.texts] if t])
    ref = row[at.ref].strip()
    found = ImportRow(number=number, kind=_TRANSFER, day=wordy_date(row[at.date].strip()),
                      currency=CURRENCY, amount=abs(value), source=SOURCE, ref=ref,
                      client=_cell(row, at.team), platform=UPWORK, note=text[:2000],
                      rate=_file_rate(_cell(row, at.local_currency), _cell(row, at.local), home, value))
    if not ref:
        raise InvalidInput("The row has no transaction reference (Ref ID).", field="reference")
    if kind in INCOME or kind == "refund":
        want_positive = kind != "refund"
        if value == 0 or (value > 0) != want_positive:
            raise InvalidInput("A “{type}” row should be {way}, but its amount is {amount}.",
                               field="amount", type=type_text, amount=amount_text,
                               way=N_("money in") if want_positive else N_("money out"))
        found.kind = _PAYMENT if want_positive else _REFUND
    elif kind == "servicefee":
        found.kind, found.amount = _FEE, value
        found.fee_for = _fee_target(text, _cell(row, at.related), ref)
    elif kind in EXPENSES:
        found.kind, found.category = _EXPENSE, EXPENSES[kind].value
        if value > 0:  # money back on an expense (connects returned): income
            found.kind, found.note = _PAYMENT, f"Money back: {type_text}. {text}"[:2000]
    elif kind != "withdrawal":
        raise InvalidInput("A row of type “{type}” is not one we know how to count.", field="type",
                           type=type_text)
    return found


def _cell(row: list[str], at: int | None) -> str:
    """Return the row's cell at a position, stripped; '' for a column the file does not have."""
    return "" if at is None else row[at].strip()


@lru_cache(maxsize=256)
def type_key(text: str) -> str:
    """Return a row type reduced to lower-case letters ('Fixed-price' → 'fixedprice')."""
    return re.sub(r"[^a-z]", "", text.lower())


def _fee_target(text: str, related: str, ref: str) -> str:
    """Return the Ref ID of the payment a Service Fee belongs to ('' if it names none)."""
    lowered = text.lower()  # the search starts at the first "ref": a match starts with r, e, f in any case
    start = lowered.find("ref") if len(lowered) == len(text) else 0
    found = _REF_IN_TEXT.search(text, start) if start >= 0 else None
    if found:
        return found.group(1)
    return related if related and related != ref else ""


def _file_rate(local_currency: str, local: str, home: str, value: int) -> Decimal | None:
    """Return the rate the file states (a local amount in the home currency), or None."""
    if local_currency.upper() != home or not local:
        return None
    return rate_between(optional_minor(local, home, field="amount in local currency"), home,
                        value, CURRENCY)
