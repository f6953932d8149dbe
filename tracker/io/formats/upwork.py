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
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from tracker.errors import InvalidInput
from tracker.i18n import N_
from tracker.io.csvread import Sheet
from tracker.io.rows import (
    Columns,
    ImportRow,
    Refusal,
    RowKind,
    each_row,
    optional_minor,
    rate_between,
    signed_minor,
    wordy_date,
)
from tracker.models import ExpenseCategory, Platform

if TYPE_CHECKING:
    from tracker.io.formats import ReadOptions

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
    return each_row(sheet, columns, lambda n, cells: upwork_row(n, cells, options.home))


def upwork_row(number: int, cells: dict[str, str], home: str) -> ImportRow:
    """Return what one Upwork row is; refuse an unknown type or an amount with the wrong sign."""
    kind = type_key(cells["type"])
    value = signed_minor(cells["amount"], CURRENCY)
    text = " — ".join([t for t in map(cells.__getitem__, TEXT_KEYS) if t])
    row = ImportRow(number=number, kind=RowKind.TRANSFER, day=wordy_date(cells["date"]),
                    currency=CURRENCY, amount=abs(value), source=SOURCE, ref=cells["ref"],
                    client=cells["team"], platform=Platform.UPWORK.value, note=text[:2000],
                    rate=_file_rate(cells, home, value))
    if not row.ref:
        raise InvalidInput("The row has no transaction reference (Ref ID).", field="reference")
    if kind in INCOME or kind == "refund":
        want_positive = kind != "refund"
        if value == 0 or (value > 0) != want_positive:
            raise InvalidInput("A “{type}” row should be {way}, but its amount is {amount}.",
                               field="amount", type=cells["type"], amount=cells["amount"],
                               way=N_("money in") if want_positive else N_("money out"))
        row.kind = RowKind.PAYMENT if want_positive else RowKind.REFUND
    elif kind == "servicefee":
        row.kind, row.amount, row.fee_for = RowKind.FEE, value, _fee_target(cells, text)
    elif kind in EXPENSES:
        row.kind, row.category = RowKind.EXPENSE, EXPENSES[kind].value
        if value > 0:  # money back on an expense (connects returned): income
            row.kind, row.note = RowKind.PAYMENT, f"Money back: {cells['type']}. {text}"[:2000]
    elif kind != "withdrawal":
        raise InvalidInput("A row of type “{type}” is not one we know how to count.", field="type",
                           type=cells["type"])
    return row


@lru_cache(maxsize=256)
def type_key(text: str) -> str:
    """Return a row type reduced to lower-case letters ('Fixed-price' → 'fixedprice')."""
    return re.sub(r"[^a-z]", "", text.lower())


def _fee_target(cells: dict[str, str], text: str) -> str:
    """Return the Ref ID of the payment a Service Fee belongs to ('' if it names none)."""
    found = _REF_IN_TEXT.search(text)
    if found:
        return found.group(1)
    related = cells["related"]
    return related if related and related != cells["ref"] else ""


def _file_rate(cells: dict[str, str], home: str, value: int) -> Decimal | None:
    """Return the rate the file states (a local amount in the home currency), or None."""
    if cells["local_currency"].strip().upper() != home or not cells["local"].strip():
        return None
    return rate_between(optional_minor(cells["local"], home, field="amount in local currency"), home,
                        value, CURRENCY)
