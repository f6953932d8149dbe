"""CSV export: exact decimal money with its currency, ISO dates, UTF-8 with a byte-order mark.

`payments_frame` is the flat payments file (payments_detailed.csv): each payment with its client,
gig, skill and platform. `tracker.io.tables_csv` writes one file per table and the monthly summary.
Text cells are made harmless for spreadsheets (see tracker.io.text); numbers stay numbers.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from tracker.io.text import FORMULA_START, harmless
from tracker.models import Client, Gig, Payment, Skill
from tracker.money import amount_text
from tracker.services.settings import home_currency

__all__ = ["FORMULA_START", "PAYMENT_COLUMNS", "csv_bytes", "harmless", "payments_csv", "payments_frame"]

PAYMENT_COLUMNS = [
    "id", "date", "kind", "status", "client", "gig", "skill", "platform", "currency", "gross",
    "platform_fee", "transfer_fee", "rate", "home_currency", "gross_home", "fees_home", "net_home",
    "source", "external_ref", "note",
]


def payments_frame(session: Session, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Return every payment (in the date range, if given), oldest first, with its client, gig and skill."""
    home = home_currency(session)
    skill = aliased(Skill)
    query = (select(Payment, Client.name, Gig.title, skill.name)
             .join(Client, col(Payment.client_id) == Client.id, isouter=True)
             .join(Gig, col(Payment.gig_id) == Gig.id, isouter=True)
             .join(skill, col(Gig.skill_id) == skill.id, isouter=True)
             .order_by(col(Payment.paid_on), col(Payment.id)))
    if start is not None:
        query = query.where(col(Payment.paid_on) >= start)
    if end is not None:
        query = query.where(col(Payment.paid_on) <= end)
    records = [payment_record(p, client, gig, skill_name, home)
               for p, client, gig, skill_name in session.exec(query).all()]
    return pd.DataFrame.from_records(records, columns=PAYMENT_COLUMNS)


def payment_record(p: Payment, client: str | None, gig: str | None, skill: str | None,
                   home: str) -> dict[str, object]:
    """Return one payment's row of the flat payments file."""
    return {
        "id": p.id, "date": p.paid_on.isoformat(), "kind": p.kind, "status": p.status,
        "client": harmless(client), "gig": harmless(gig), "skill": harmless(skill),
        "platform": p.platform or "", "currency": p.currency,
        "gross": amount_text(p.gross_minor, p.currency),
        "platform_fee": amount_text(p.platform_fee_minor, p.currency),
        "transfer_fee": amount_text(p.transfer_fee_minor, p.currency), "rate": p.rate,
        "home_currency": home, "gross_home": amount_text(p.gross_home_minor, home),
        "fees_home": amount_text(p.fees_home_minor, home),
        "net_home": amount_text(p.net_home_minor, home), "source": harmless(p.source),
        "external_ref": harmless(p.external_ref), "note": harmless(p.note),
    }


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return the frame as CSV bytes in UTF-8 with a byte-order mark (Excel shows Bengali)."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def payments_csv(session: Session, start: date | None = None, end: date | None = None) -> bytes:
    """Return the payments (in the date range, if given) as a CSV file's bytes."""
    return csv_bytes(payments_frame(session, start, end))
