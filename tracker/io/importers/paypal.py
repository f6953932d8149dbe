"""PayPal activity downloads (the column set varies; only the columns used are required).

A payment received (Type containing "Payment", Balance Impact Credit) is income from Name, its
negative Fee the platform fee. A Refund given (Balance Impact Debit) reduces income and may return
part of the fee. Withdrawals, currency conversions, holds, authorisations, deposits, Memo rows,
payments sent and refunds received are transfers: not income. A status other than Completed means
pending. The date order depends on the account's country: read from the file when it shows it,
otherwise the person says it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.io.csvread import Sheet
from tracker.io.rows import (
    Columns,
    ImportRow,
    Refusal,
    RowKind,
    chosen_date_order,
    each_row,
    numeric_date,
    optional_minor,
    signed_minor,
)
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Platform
from tracker.ledger.money import normalize_currency

if TYPE_CHECKING:
    from tracker.io.importers import ReadOptions

NAME = SOURCE = "paypal"
NOT_INCOME = ("withdraw", "conversion", "hold", "authori", "deposit", "transfer", "memo")


def matches(sheet: Sheet) -> bool:
    """Return True if the header is a PayPal activity download."""
    return sheet.has("Date", "Type", "Currency", "Gross", "Transaction ID")


def parse(sheet: Sheet, options: ReadOptions) -> list[ImportRow | Refusal]:
    """Return each row as an ImportRow, or a Refusal naming the row and the reason."""
    columns = Columns(
        sheet,
        required={"date": ("Date",), "type": ("Type",), "currency": ("Currency",),
                  "gross": ("Gross",), "ref": ("Transaction ID",)},
        optional={"name": ("Name",), "status": ("Status",), "fee": ("Fee",),
                  "impact": ("Balance Impact",), "subject": ("Subject", "Item Title"),
                  "note": ("Note",)})
    at = columns.where["date"]
    order = chosen_date_order([row[at] for row in sheet.rows if at is not None], options.date_order)
    return each_row(sheet, columns, lambda n, cells: paypal_row(n, cells, order))


def paypal_row(number: int, cells: dict[str, str], order: str) -> ImportRow:
    """Return what one PayPal row is; refuse a type we do not know."""
    currency = normalize_currency(cells["currency"])
    gross = signed_minor(cells["gross"], currency, field="gross")
    fee = optional_minor(cells["fee"], currency, field="fee")
    kind = cells["type"].strip().lower()
    impact = cells["impact"].strip().lower() or ("credit" if gross > 0 else "debit")
    note = " — ".join(t for t in (cells["type"], cells["subject"], cells["note"]) if t)[:2000]
    row = ImportRow(number=number, kind=RowKind.TRANSFER, day=numeric_date(cells["date"], order),
                    currency=currency, amount=abs(gross), source=SOURCE, ref=cells["ref"],
                    client=cells["name"], platform=Platform.DIRECT.value, note=note,
                    pending=cells["status"].strip().lower() not in ("completed", ""))
    if not row.ref:
        raise InvalidInput("The row has no Transaction ID.", field="reference")
    if impact == "memo" or any(word in kind for word in NOT_INCOME):
        return row
    if "refund" in kind or "reversal" in kind:
        if impact == "debit":
            if fee < 0:
                raise InvalidInput("A refund with a fee charged ({fee}) is not one we know how to "
                                   "count.", field="fee", fee=cells["fee"])
            row.kind, row.platform_fee = RowKind.REFUND, fee
        return row
    if "payment" in kind:
        if impact == "credit":
            if fee > 0:
                raise InvalidInput("A payment received with a positive fee ({fee}) is not one we "
                                   "know how to count.", field="fee", fee=cells["fee"])
            row.kind, row.platform_fee = RowKind.PAYMENT, -fee
        return row
    raise InvalidInput("A row of type “{type}” is not one we know how to count.", field="type",
                       type=cells["type"])
