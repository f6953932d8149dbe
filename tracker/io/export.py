"""CSV export: exact decimal money with its currency, ISO dates, UTF-8 with a byte-order mark."""

from __future__ import annotations

import pandas as pd
from sqlmodel import Session, col, select

from tracker.models import Client, Gig, Payment
from tracker.money import amount_text
from tracker.services.settings import home_currency

PAYMENT_COLUMNS = [
    "id", "date", "kind", "status", "client", "gig", "platform", "currency", "gross",
    "platform_fee", "transfer_fee", "rate", "home_currency", "gross_home", "fees_home", "net_home",
    "source", "external_ref", "note",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def harmless(text: str | None) -> str:
    """Return text that a spreadsheet will not run as a formula (a leading ' is added)."""
    text = text or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def payments_frame(session: Session) -> pd.DataFrame:
    """Return every payment, oldest first, with client and gig names, money as exact text."""
    home = home_currency(session)
    rows = session.exec(
        select(Payment, Client.name, Gig.title)
        .join(Client, col(Payment.client_id) == Client.id, isouter=True)
        .join(Gig, col(Payment.gig_id) == Gig.id, isouter=True)
        .order_by(col(Payment.paid_on), col(Payment.id))
    ).all()
    records = [
        {
            "id": p.id, "date": p.paid_on.isoformat(), "kind": p.kind, "status": p.status,
            "client": harmless(client), "gig": harmless(gig), "platform": p.platform or "",
            "currency": p.currency, "gross": amount_text(p.gross_minor, p.currency),
            "platform_fee": amount_text(p.platform_fee_minor, p.currency),
            "transfer_fee": amount_text(p.transfer_fee_minor, p.currency), "rate": p.rate,
            "home_currency": home, "gross_home": amount_text(p.gross_home_minor, home),
            "fees_home": amount_text(p.fees_home_minor, home),
            "net_home": amount_text(p.net_home_minor, home), "source": p.source,
            "external_ref": harmless(p.external_ref), "note": harmless(p.note),
        }
        for p, client, gig in rows
    ]
    return pd.DataFrame.from_records(records, columns=PAYMENT_COLUMNS)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return the frame as CSV bytes in UTF-8 with a byte-order mark (Excel shows Bengali)."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def payments_csv(session: Session) -> bytes:
    """Return all payments as a CSV file's bytes."""
    return csv_bytes(payments_frame(session))
