"""Support for the property tests (Hypothesis): hostile values, strategies, EXAMPLES settings, outcome(),
a fresh database.

Profiles (tests/conftest.py): `dev` (the default) explores 100 new examples per test; `ci` (chosen when
CI=true) runs 150 derandomized ones, the same every time. Neither has a deadline nor writes a
.hypothesis folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlmodel import Session, func, select

from tracker.db.engine import make_engine
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Expense, Gig, Payment, Skill

CURRENCIES = ["USD", "BDT", "JPY", "KWD", "EUR"]
HOSTILE = ["", " ", "1e400", "NaN", "inf", "--5", "(-5)", "৫০০০", "১,০০,০০০.৫০", "Feb 30, 2026",
           "Aug 3, 2026", "08/03/2026", "31/12/2026", "2026-08-03", "2026-02-30", "9999-01-01", "250.00",
           "-25.00", "(5.00)", "1,200.00", "0", "0.001", "9" * 30, "USD", "BDT", "XXX", "usd", "Completed",
           "Pending", "Fixed Price", "Hourly", "Service Fee", "Refund", "Withdrawal", "Withdrawal Fee",
           "Connects", "Payment Received", "Express Checkout Payment", "Credit", "Debit", "Memo", "payment",
           "refund", "cleared", "pending", "122.50", "0.0000000001", "=HYPERLINK(\"http://evil.example\",\"x\")",
           "@SUM(1+1)", "+cmd|' /C calc'!A0", "<script>alert(1)</script>", "[x](javascript:alert(1))",
           "Upwork", "Fiverr", "নদী ডিজাইন", "Ref ID 701", "\\N", "'=1+1", "a\nb", "\u202e"]
cells = st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(exclude_characters="\x00"), max_size=30))


@contextmanager
def fresh_database(template: Path, folder: Path) -> Iterator[Session]:
    """Yield a session on a new copy of the migrated template database (deleted afterwards)."""
    path = folder / "example.db"
    shutil.copyfile(template, path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with Session(engine, expire_on_commit=False) as session:
            yield session
    finally:
        engine.dispose()
        for leftover in folder.glob("example.db*"):
            leftover.unlink()


def stored(session: Session) -> tuple[int, ...]:
    """Return how many payments, expenses, clients, gigs and skills are stored."""
    return tuple(session.exec(select(func.count()).select_from(m)).one()
                 for m in (Payment, Expense, Client, Gig, Skill))



numbery = st.text(alphabet="0123456789০১২৩৪৫৬৭৮৯,.-+ eE৳$()%", max_size=25)
EXAMPLES = settings(max_examples=150 if os.environ.get("CI") else 100, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def outcome(read: object, *args: object) -> object:
    """Return what reading gives: the minor units, or the refusal's message and parameters."""
    try:
        return read(*args)  # type: ignore[operator]
    except InvalidInput as err:
        return err.message, err.params
