"""The project's own CSV exports, read back: payments (payments_detailed.csv or payments.csv) and
expenses (expense.csv). Each row keeps its source and reference; text made harmless for spreadsheets
on export is restored; amounts, rates and home-currency figures are taken as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.io.csv import unharmless
from tracker.io.csvread import Sheet
from tracker.io.rows import Columns, ImportRow, Refusal, RowKind, each_row, iso_or_refuse, signed_minor
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import MANUAL_SOURCE, PaymentKind, PaymentStatus
from tracker.ledger.money import normalize_currency, parse_rate

if TYPE_CHECKING:
    from tracker.io.importers import ReadOptions

NAME = "tracker"
SOURCE = MANUAL_SOURCE
PAYMENT_HEADER = ("date", "kind", "status", "currency", "gross", "platform_fee", "transfer_fee", "rate",
                  "source", "external_ref")
EXPENSE_HEADER = ("spent_on", "category", "currency", "amount", "rate", "source", "external_ref")
COMMON = {"source": ("source",), "ref": ("external_ref",), "note": ("note",), "home": ("home_currency",)}


def matches(sheet: Sheet) -> bool:
    """Return True if the header is the tracker's payments or expenses export."""
    return sheet.has(*PAYMENT_HEADER) or sheet.has(*EXPENSE_HEADER)


def parse(sheet: Sheet, options: ReadOptions) -> list[ImportRow | Refusal]:
    """Return each row as an ImportRow, or a Refusal naming the row and the reason."""
    if sheet.has(*PAYMENT_HEADER):
        columns = Columns(sheet, required={n: (n,) for n in PAYMENT_HEADER},
                          optional={**COMMON, "client": ("client",), "gig": ("gig",),
                                    "skill": ("skill",), "platform": ("platform",),
                                    "net_home": ("net_home",)})
        return each_row(sheet, columns, lambda n, cells: payment_row(n, cells, options.home))
    columns = Columns(sheet, required={n: (n,) for n in EXPENSE_HEADER}, optional=COMMON)
    return each_row(sheet, columns, lambda n, cells: expense_row(n, cells, options.home))


def payment_row(number: int, cells: dict[str, str], home: str) -> ImportRow:
    """Return the payment or refund one exported row describes."""
    currency = _checked(cells, home)
    refund = cells["kind"].strip().lower() == PaymentKind.REFUND.value
    expected = cells["net_home"]
    return ImportRow(
        number=number, kind=RowKind.REFUND if refund else RowKind.PAYMENT,
        day=iso_or_refuse(cells["date"]), currency=currency,
        amount=abs(signed_minor(cells["gross"], currency)),
        platform_fee=abs(signed_minor(cells["platform_fee"] or "0", currency, field="platform fee")),
        transfer_fee=abs(signed_minor(cells["transfer_fee"] or "0", currency, field="transfer fee")),
        rate=parse_rate(cells["rate"]), source=cells["source"] or MANUAL_SOURCE,
        ref=unharmless(cells["ref"]), client=unharmless(cells["client"]), gig=unharmless(cells["gig"]),
        skill=unharmless(cells["skill"]), platform=cells["platform"] or None,
        pending=cells["status"].strip().lower() == PaymentStatus.PENDING.value,
        note=unharmless(cells["note"]),
        expected_net_home=signed_minor(expected, home, field="net_home") if expected else None)


def expense_row(number: int, cells: dict[str, str], home: str) -> ImportRow:
    """Return the expense one exported row describes."""
    currency = _checked(cells, home)
    return ImportRow(
        number=number, kind=RowKind.EXPENSE, day=iso_or_refuse(cells["spent_on"]), currency=currency,
        amount=signed_minor(cells["amount"], currency), category=cells["category"],
        rate=parse_rate(cells["rate"]), source=cells["source"] or MANUAL_SOURCE,
        ref=unharmless(cells["ref"]), note=unharmless(cells["note"]))


def _checked(cells: dict[str, str], home: str) -> str:
    """Return the row's currency; refuse a row exported from a database with another home currency."""
    exported = cells["home"].strip().upper()
    if exported and exported != home:
        raise InvalidInput("This row was exported from a database that counts in {exported}; this one "
                           "counts in {home}.", field="home currency", exported=exported, home=home)
    return normalize_currency(cells["currency"])
