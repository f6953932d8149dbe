"""Turning ImportRows into checked column values with the same checks the forms use
(payments.counted_payment_values, which payment_values ends in; expenses.expense_values), and the
exchange rates they need. A row's amounts are already counted in minor units: they are checked as
counted, not written out as text and read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from tracker.io.rows import ImportRow, Refusal, RowKind
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, PaymentKind, PaymentStatus
from tracker.ledger.money import from_minor, normalize_currency, parse_rate
from tracker.services.common import optional_text, parse_day
from tracker.services.expenses import ExpenseInput, expense_values
from tracker.services.payments import counted_payment_values

_PAYMENT, _REFUND = PaymentKind.PAYMENT.value, PaymentKind.REFUND.value
_ROW_EXPENSE, _ROW_REFUND = RowKind.EXPENSE, RowKind.REFUND
_CLEARED, _PENDING = PaymentStatus.CLEARED.value, PaymentStatus.PENDING.value


def given_rates(pairs: tuple[tuple[str, str], ...]) -> dict[str, Decimal]:
    """Return the rates the person gave, by currency; refuse an unknown currency or a bad rate."""
    return {normalize_currency(code): parse_rate(text, field=f"rate for {code.strip().upper()}")
            for code, text in pairs if str(text).strip()}


def missing_rates(rows: list[ImportRow], rates: dict[str, Decimal], home: str) -> list[str]:
    """Return the currencies (sorted) of rows to add that have no rate from the file or the person."""
    return sorted({r.currency for r in rows
                   if r.currency != home and r.rate is None and r.currency not in rates})


def build_values(session: Session, rows: list[ImportRow], rates: dict[str, Decimal],
                 home: str) -> tuple[list[ImportRow], list[dict[str, Any]], list[Refusal]]:
    """Return (rows kept, their column values, refusals) after checking every row like a form would."""
    kept, values, refused = [], [], []
    for row in rows:
        try:
            optional_text(row.client, field="client name", max_length=Client.name)
            values.append(row_values(session, row, rates.get(row.currency), home))
            kept.append(row)
        except InvalidInput as err:
            refused.append(Refusal.of(row.number, err, row.ref))
            refused.extend(Refusal(n, "This fee belongs to the payment in row {row}, which was refused.",
                                   (("field", "fee"), ("row", row.number))) for n in row.merged)
    return kept, values, refused


def row_values(session: Session, row: ImportRow, rate: Decimal | None, home: str) -> dict[str, Any]:
    """Return the column values of the payment or expense a row becomes."""
    rate = row.rate if row.rate is not None else rate
    if row.currency == home:
        rate = None
    if row.kind == _ROW_EXPENSE:
        values = expense_values(session, ExpenseInput(
            spent_on=row.day, amount=from_minor(row.amount, row.currency), currency=row.currency,
            rate=rate, category=row.category, source=row.source, external_ref=row.ref or None,
            note=row.note))
        values["table"] = "expense"  # the builders' dicts are new each time: marked, not copied
        return values
    day = parse_day(row.day, field="date")
    assert day is not None
    data = StatementPayment(kind=_REFUND if row.kind == _ROW_REFUND else _PAYMENT,
                            status=_PENDING if row.pending else _CLEARED, rate=rate, platform=row.platform,
                            source=row.source, external_ref=row.ref or None, note=row.note)
    counted = (day, normalize_currency(row.currency), row.amount, row.platform_fee, row.transfer_fee)
    values = counted_payment_values(session, data, *counted)
    expected = row.expected_net_home
    if expected is not None and expected != values["net_home_minor"] and row.currency != home:
        # Entered with the taka received: the stored rate was derived; derive it the same way again.
        data.rate, data.received_home = None, from_minor(abs(expected), home)
        again = counted_payment_values(session, data, *counted)
        values = again if again["net_home_minor"] == expected else values
    values["table"] = "payment"
    return values


@dataclass(slots=True)
class StatementPayment:
    """What a statement row says about a payment besides its date, currency and amounts (which it has
    already counted in minor units): the rest of a PaymentInput, for `counted_payment_values`.
    """

    kind: str
    status: str
    rate: Decimal | None
    platform: str | None
    source: str
    external_ref: str | None
    note: str
    received_home: Decimal | None = None
    client_id: int | None = None
    gig_id: int | None = None
