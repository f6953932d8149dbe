"""payment.csv and payments_detailed.csv from one reading of the payments on SQLite: each field written once.

The two files hold mostly the same fields in another order. SQLite writes each run of fields the
files share (`RUNS`) once per payment, with tracker.io.csv_lines' rules; Python puts the runs of
each line together and adds the client, gig and skill names of the flat file. The bytes are the
ones the two files have when written on their own (tests compare them); this takes about a third
less time, as most of it is SQLite writing fields. A payment table laid out otherwise (after a later
migration) gives None: each file is then written on its own.
"""

from __future__ import annotations

from datetime import date
from operator import itemgetter

from sqlmodel import Session, select

from tracker.io.csv_lines import (
    IsoTimes,
    column_text,
    csv_file,
    csv_line,
    currencies,
    fetched,
    gig_names,
    line,
    may_be_null,
    supported,
    within,
)
from tracker.io.text import harmless
from tracker.ledger.models import Payment

# The payment table's columns, in order, cut into the runs that payments_detailed.csv uses too.
RUNS = {
    "start": ("id", "paid_on"),
    "month": ("month",),
    "kind": ("kind",),
    "links": ("client_id", "gig_id"),
    "money": ("platform", "currency", "gross_minor", "platform_fee_minor", "transfer_fee_minor", "rate"),
    "home": ("gross_home_minor", "fees_home_minor", "net_home_minor"),
    "status": ("status",),
    "text": ("source", "external_ref", "note"),
    "made": ("created_at",),
}


def both_files(session: Session, home: str, detailed_names: list[str], start: date | None = None,
               end: date | None = None) -> tuple[bytes, bytes] | None:
    """Return (payment.csv, payments_detailed.csv) for the date range, or None (write each on its own).

    The creation time is read as stored and written by Python (IsoTimes), once per different time.
    """
    table = Payment.__table__
    if not supported(session) or [c.name for c in table.columns] != [n for run in RUNS.values() for n in run]:
        return None
    p = table.c
    if may_be_null(p.created_at):
        return None
    codes = currencies(session, table)
    pieces = {c.name: column_text(table, c, home, codes) for c in table.columns}
    runs = [line([pieces[name] for name in names]) for names in RUNS.values() if names != ("created_at",)]
    rows = fetched(session, within(select(p.paid_on, p.client_id, p.gig_id, *runs, p.created_at),
                                   p.paid_on, start, end).order_by(p.id))
    home_field = csv_line([harmless(home), "x"])[:-2]
    names = [c.name.removesuffix("_minor") for c in table.columns] + ["home_currency"]
    times = IsoTimes()
    try:
        payment = csv_file(names, [
            f"{first},{month},{kind},{links},{money},{home_money},{status},{text},{times[made]},{home_field}"
            for _d, _c, _g, first, month, kind, links, money, home_money, status, text, made in rows])
        rows.sort(key=itemgetter(0))  # by date; payments of one day stay in id order (the sort is stable)
    except TypeError:  # times or dates stored as other than text (a hand-made file): each file on its own
        return None
    clients, gigs = gig_names(session)  # read after the payments: every payment's client and gig is there
    detailed = csv_file(detailed_names, [
        f"{first},{kind},{status},{clients.get(client, '')},{gigs.get(gig, ',')},{money},{home_field},"
        f"{home_money},{text}"
        for _d, client, gig, first, _m, kind, _l, money, home_money, status, text, _made in rows])
    return payment, detailed
