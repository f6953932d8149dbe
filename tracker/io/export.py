"""CSV export: exact decimal money with its currency, ISO dates, UTF-8 with a byte-order mark, CR LF
line ends (see tracker.io.text).

`payments_frame` is the flat payments file (payments_detailed.csv): each payment with its client,
gig, skill and platform. `tracker.io.tables_csv` writes one file per table and the monthly summary.
Text cells are made harmless for spreadsheets (see tracker.io.text), the app's own words too (kinds,
statuses, currencies: a restored, hand-edited backup may hold any text there); numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from tracker.io import csv_lines
from tracker.io.text import FORMULA_START, LINE_END, harmless
from tracker.ledger.models import Client, Gig, Payment, Skill
from tracker.ledger.money import amount_text, exponent
from tracker.services.settings import home_currency

__all__ = ["FORMULA_START", "PAYMENT_COLUMNS", "csv_bytes", "harmless", "harmless_all", "payments_csv",
           "payments_frame"]

PAYMENT_COLUMNS = [
    "id", "date", "kind", "status", "client", "gig", "skill", "platform", "currency", "gross",
    "platform_fee", "transfer_fee", "rate", "home_currency", "gross_home", "fees_home", "net_home",
    "source", "external_ref", "note",
]


def payments_frame(session: Session, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Return every payment (in the date range, if given), oldest first, with its client, gig and skill."""
    return pd.DataFrame(payment_columns(session, start, end), columns=PAYMENT_COLUMNS)


def payment_columns(session: Session, start: date | None = None,
                    end: date | None = None) -> dict[str, list[Any]]:
    """Return the flat payments file's columns (what `payment_record` gives each row, a column at a time)."""
    home = home_currency(session)
    skill = aliased(Skill)
    query = (select(*STORED, Client.name, Gig.title, skill.name)
             .join(Client, col(Payment.client_id) == Client.id, isouter=True)
             .join(Gig, col(Payment.gig_id) == Gig.id, isouter=True)
             .join(skill, col(Gig.skill_id) == skill.id, isouter=True)
             .order_by(col(Payment.paid_on), col(Payment.id)))
    if start is not None:
        query = query.where(col(Payment.paid_on) >= start)
    if end is not None:
        query = query.where(col(Payment.paid_on) <= end)
    rows = session.execute(query).all()
    names = [c.key for c in STORED] + ["client", "gig", "skill"]
    stored = dict(zip(names, zip(*rows, strict=True) if rows else [()] * len(names), strict=True))
    currency, homes = stored["currency"], [home] * len(rows)
    return {
        "id": list(stored["id"]), "date": [day.isoformat() for day in stored["paid_on"]],
        "kind": harmless_all(stored["kind"]), "status": harmless_all(stored["status"]),
        "client": harmless_all(stored["client"]), "gig": harmless_all(stored["gig"]),
        "skill": harmless_all(stored["skill"]), "platform": harmless_all(stored["platform"]),
        "currency": harmless_all(currency), "gross": amount_column(stored["gross_minor"], currency),
        "platform_fee": amount_column(stored["platform_fee_minor"], currency),
        "transfer_fee": amount_column(stored["transfer_fee_minor"], currency),
        "rate": harmless_all(stored["rate"]), "home_currency": [harmless(home)] * len(rows),
        "gross_home": amount_column(stored["gross_home_minor"], homes),
        "fees_home": amount_column(stored["fees_home_minor"], homes),
        "net_home": amount_column(stored["net_home_minor"], homes),
        "source": harmless_all(stored["source"]), "external_ref": harmless_all(stored["external_ref"]),
        "note": harmless_all(stored["note"]),
    }


STORED = (Payment.id, Payment.paid_on, Payment.kind, Payment.status, Payment.platform, Payment.currency,
          Payment.gross_minor, Payment.platform_fee_minor, Payment.transfer_fee_minor, Payment.rate,
          Payment.gross_home_minor, Payment.fees_home_minor, Payment.net_home_minor, Payment.source,
          Payment.external_ref, Payment.note)


RISKY_START = frozenset("".join(FORMULA_START) + "'")  # text starting otherwise is harmless as it is


def harmless_all(texts: Any) -> list[str]:
    """Return `harmless` of each text (None gives ''), checking only the texts that could need it."""
    return ["" if t is None else harmless(t) if t[:1] in RISKY_START else t for t in texts]


def amount_column(minors: Any, currencies: Any) -> list[str]:
    """Return `amount_text` of each amount in its currency (None gives ''), formatted a column at a time."""
    formats: dict[str, tuple[str, str, int] | None] = {}
    texts = []
    for minor, code in zip(minors, currencies, strict=True):
        if code not in formats:
            places = exponent(code)
            formats[code] = (f"-%d.%0{places}d", f"%d.%0{places}d", 10**places) if places > 0 else None
        shape = formats[code]
        if minor is None:
            texts.append("")
        elif shape is None or type(minor) is not int or abs(minor) >= 10**27:
            texts.append(amount_text(minor, code))
        elif minor < 0:
            texts.append(shape[0] % divmod(-minor, shape[2]))
        else:
            texts.append(shape[1] % divmod(minor, shape[2]))
    return texts


def columns_csv(columns: dict[str, list[Any]]) -> bytes:
    """Return equally long columns as CSV bytes: the same bytes `csv_bytes` gives for their DataFrame.

    Written with the csv module that pandas itself writes with (same quoting and line ends), without
    building a DataFrame first: for 200,000 payments, a fraction of the time.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerow(columns)
    writer.writerows(zip(*columns.values(), strict=True))
    return out.getvalue().encode("utf-8-sig")


def payment_record(p: Payment, client: str | None, gig: str | None, skill: str | None,
                   home: str) -> dict[str, object]:
    """Return one payment's row of the flat payments file."""
    return {
        "id": p.id, "date": p.paid_on.isoformat(), "kind": harmless(p.kind), "status": harmless(p.status),
        "client": harmless(client), "gig": harmless(gig), "skill": harmless(skill),
        "platform": harmless(p.platform), "currency": harmless(p.currency),
        "gross": amount_text(p.gross_minor, p.currency),
        "platform_fee": amount_text(p.platform_fee_minor, p.currency),
        "transfer_fee": amount_text(p.transfer_fee_minor, p.currency), "rate": harmless(p.rate),
        "home_currency": harmless(home), "gross_home": amount_text(p.gross_home_minor, home),
        "fees_home": amount_text(p.fees_home_minor, home),
        "net_home": amount_text(p.net_home_minor, home), "source": harmless(p.source),
        "external_ref": harmless(p.external_ref), "note": harmless(p.note),
    }


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return the frame as CSV bytes: UTF-8 with a byte-order mark (Excel shows Bengali), CR LF line ends."""
    return frame.to_csv(index=False, lineterminator=LINE_END).encode("utf-8-sig")


def payments_csv(session: Session, start: date | None = None, end: date | None = None) -> bytes:
    """Return the payments (in the date range, if given) as a CSV file's bytes (SQLite writes the lines)."""
    written = csv_lines.payments_csv(session, home_currency(session), PAYMENT_COLUMNS, start, end)
    return written if written is not None else columns_csv(payment_columns(session, start, end))
