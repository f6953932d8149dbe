"""Platform fees that come as rows of their own (Upwork's Service Fee), joined to their payment.

A fee row names the reference of its payment. When that payment is in the same file, the fees
are added up and become its platform fee (for a refund: the fee given back). When the payment is
not in the file (it came in an earlier import), or the fees have the wrong sign for it, each fee
row stands alone: a fee charged is an expense (category other), a fee given back is money in. The
month's net income is the same either way; only where the fee shows differs.
"""

from __future__ import annotations

from collections import defaultdict

from tracker.io.rows import ImportRow, Refusal, RowKind
from tracker.ledger.models import ExpenseCategory


def merge_fees(rows: list[ImportRow], refused: list[Refusal]) -> tuple[list[ImportRow], list[Refusal]]:
    """Return the rows with fee rows joined to their payments (or standing alone), and new refusals."""
    payments = {r.ref: r for r in rows if r.kind in (RowKind.PAYMENT, RowKind.REFUND)}
    refused_refs = {r.ref: r.number for r in refused if r.ref}
    fees: dict[str, list[ImportRow]] = defaultdict(list)
    kept: list[ImportRow] = []
    problems: list[Refusal] = []
    for row in rows:
        if row.kind != RowKind.FEE:
            kept.append(row)
        elif row.fee_for in payments:
            fees[row.fee_for].append(row)
        elif row.fee_for in refused_refs:
            problems.append(Refusal(row.number, "This fee belongs to the payment in row {row}, which "
                                    "was refused.", (("field", "fee"), ("row", refused_refs[row.fee_for])),
                                    row.ref))
        else:
            kept.append(standalone(row))
    for ref, group in fees.items():
        kept.extend(_join(payments[ref], group))
    return sorted(kept, key=lambda r: r.number), problems


def _join(payment: ImportRow, group: list[ImportRow]) -> list[ImportRow]:
    """Return the fee rows left standing alone after joining what fits to the payment."""
    total = sum(fee.amount for fee in group)
    fits = total <= 0 if payment.kind == RowKind.PAYMENT else total >= 0
    if not fits:
        return [standalone(fee) for fee in group]
    payment.platform_fee += abs(total)
    payment.merged.extend(fee.number for fee in group)
    return []


def standalone(fee: ImportRow) -> ImportRow:
    """Return a fee row as a row of its own: an expense if charged, money in if given back."""
    target = f" for Ref ID {fee.fee_for}" if fee.fee_for else ""
    if fee.amount < 0:
        fee.kind, fee.category = RowKind.EXPENSE, ExpenseCategory.OTHER.value
        fee.note = f"Service fee{target}. {fee.note}".strip()[:2000]
    else:
        fee.kind = RowKind.PAYMENT
        fee.note = f"Service fee given back{target}. {fee.note}".strip()[:2000]
    fee.amount = abs(fee.amount)
    return fee
