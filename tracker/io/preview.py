"""What an import plan shows before anything is written: small tables of rows to add, duplicates,
refused rows (with row number and reason) and transfers.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from tracker.io.plan import ImportPlan
from tracker.io.rows import ImportRow, Refusal
from tracker.ledger.money import amount_text

PREVIEW_LIMIT = 500
ROW_COLUMNS = ["row", "date", "kind", "client", "amount", "fee", "currency", "status", "reference",
               "fee_rows", "note"]
REFUSED_COLUMNS = ["row", "reason"]


def rows_frame(rows: list[ImportRow], translate: Callable[[str], str] = str,
               limit: int = PREVIEW_LIMIT) -> pd.DataFrame:
    """Return the first rows as a table: exact amounts, kinds and status in the person's language."""
    records = [{
        "row": r.number, "date": r.day.isoformat() if r.day else "", "kind": translate(r.kind.value),
        "client": r.client, "amount": amount_text(r.amount, r.currency),
        "fee": amount_text(r.platform_fee, r.currency) if r.platform_fee else "",
        "currency": r.currency, "status": translate("pending") if r.pending else translate("cleared"),
        "reference": r.ref, "fee_rows": ", ".join(map(str, r.merged)), "note": r.note[:80],
    } for r in rows[:limit]]
    return pd.DataFrame.from_records(records, columns=ROW_COLUMNS)


def refused_frame(refused: list[Refusal], translate: Callable[[str], str] = str,
                  limit: int = PREVIEW_LIMIT) -> pd.DataFrame:
    """Return the first refused rows with their reasons in the person's language."""
    return pd.DataFrame([[r.number, r.text(translate)] for r in refused[:limit]], columns=REFUSED_COLUMNS)


def counts(plan: ImportPlan) -> dict[str, int]:
    """Return how many rows of the file would be added, are duplicates, refused, transfers."""
    return {"add": plan.added_rows, "duplicates": plan.duplicate_rows, "refused": len(plan.refused),
            "transfers": len(plan.transfers)}
