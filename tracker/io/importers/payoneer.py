"""Payoneer account activity exports.

Dates are MM/DD/YYYY. A credit is income from the payer in Source, except money arriving from a
marketplace (Upwork, Fiverr, Freelancer.com): that income was counted where it was earned, so here it
is a transfer. A debit described as a fee is a transfer fee (kept as an expense); other debits
(withdrawals to a bank, card spending) are transfers. A status other than Completed means pending.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from tracker.io.csvread import Sheet
from tracker.io.rows import (
    Columns,
    ImportRow,
    Refusal,
    RowKind,
    each_row,
    numeric_date,
    optional_minor,
    rate_between,
)
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import ExpenseCategory, Platform
from tracker.ledger.money import normalize_currency

if TYPE_CHECKING:
    from tracker.io.importers import ReadOptions

NAME = SOURCE = "payoneer"
MARKETPLACE = re.compile(r"\bupwork\b|\bfiverr\b|freelancer\.com|freelancer\s+(?:technology|limited|"
                         r"ltd|international)", re.IGNORECASE)
FEE = re.compile(r"\bfees?\b|\bcharges?\b", re.IGNORECASE)


def matches(sheet: Sheet) -> bool:
    """Return True if the header is a Payoneer account activity export."""
    return sheet.has("Transaction Date", "Credit Amount", "Debit Amount")


def parse(sheet: Sheet, options: ReadOptions) -> list[ImportRow | Refusal]:
    """Return each row as an ImportRow, or a Refusal naming the row and the reason."""
    columns = Columns(
        sheet,
        required={"date": ("Transaction Date",), "credit": ("Credit Amount",),
                  "debit": ("Debit Amount",), "currency": ("Currency",)},
        optional={"ref": ("Transaction ID",), "reference": ("Reference ID",),
                  "description": ("Description",), "more": ("Additional Description",),
                  "status": ("Status",), "source": ("Source",), "target": ("Target",),
                  "transfer": ("Transfer Amount",), "transfer_currency": ("Transfer Amount Currency",)})
    return each_row(sheet, columns, lambda n, cells: payoneer_row(n, cells, options.home))


def payoneer_row(number: int, cells: dict[str, str], home: str) -> ImportRow:
    """Return what one Payoneer row is; refuse a row with no amount, or with both a credit and a debit."""
    currency = normalize_currency(cells["currency"])
    credit = optional_minor(cells["credit"], currency, field="credit amount")
    debit = optional_minor(cells["debit"], currency, field="debit amount")
    if bool(credit) == bool(debit):
        raise InvalidInput("The row needs either a credit or a debit amount (not both, not neither).",
                           field="amount")
    description = " — ".join(t for t in (cells["description"], cells["more"]) if t)
    row = ImportRow(number=number, kind=RowKind.TRANSFER, day=numeric_date(cells["date"], "mdy"),
                    currency=currency, amount=abs(credit or debit), source=SOURCE,
                    ref=cells["ref"] or cells["reference"], client=cells["source"],
                    pending=cells["status"].strip().lower() not in ("completed", ""),
                    platform=Platform.DIRECT.value, note=description[:2000])
    if not row.ref:
        raise InvalidInput("The row has no Transaction ID.", field="reference")
    if credit and not MARKETPLACE.search(f"{cells['source']} {description}"):
        row.kind = RowKind.PAYMENT
        row.rate = _file_rate(cells, home, credit, currency)
    elif debit and FEE.search(description):
        row.kind, row.category, row.client = RowKind.EXPENSE, ExpenseCategory.OTHER.value, ""
    return row


def _file_rate(cells: dict[str, str], home: str, minor: int, currency: str) -> Decimal | None:
    """Return the rate the file states (a transfer amount in the home currency), or None."""
    if cells["transfer_currency"].strip().upper() != home or not cells["transfer"].strip():
        return None
    return rate_between(optional_minor(cells["transfer"], home, field="transfer amount"), home,
                        minor, currency)
