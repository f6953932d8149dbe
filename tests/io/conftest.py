"""Fixtures of the io tests: a database whose text needs quoting and making harmless.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import Session

from tests.strategies import CURRENCIES
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import SkillInput, create_skill

AWKWARD = ["plain", "Comma, Ltd", 'Say "hi"', "two\nlines", "carriage\rreturn", "=SUM(A1)", "+1", "-minus",
           "@at", "\ttab", "'=quoted", "''+twice", "নদী ডিজাইন", "", "x\r\ny", "old\rMac\rnote"]


@pytest.fixture
def awkward(session: Session) -> Session:
    """A database whose text needs quoting and making harmless, with amounts in odd currencies."""
    skill = create_skill(session=session, data=SkillInput(name="=Skill, \"x\"", category="-cat"))
    for number, name in enumerate(AWKWARD):
        client = create_client(session=session, data=ClientInput(
            name=f"{name} {number}" if name else f"client {number}", notes=name, archived=number % 2 == 0))
        gig = create_gig(session=session, data=GigInput(title=name or "untitled", client_id=client.id,
                                                        skill_id=skill.id, price="10", currency="JPY"))
        currency = CURRENCIES[number % len(CURRENCIES)]
        create_payment(session=session, data=PaymentInput(
            paid_on=date(2026, 8, 1 + number), gross="12.345" if currency == "KWD" else "1500",
            currency=currency, rate=None if currency == "BDT" else "121.1234567891", gig_id=gig.id,
            kind="refund" if number % 3 == 0 else "payment", note=name, external_ref=name or None,
            source=name[:20] or "manual"))
        create_expense(session=session, data=ExpenseInput(
            spent_on=date(2026, 9, 1 + number), amount="7.5" if currency != "JPY" else "7", currency=currency,
            rate=None if currency == "BDT" else "130.5", note=name, category="connects"))
    session.execute(text("UPDATE payment SET created_at = '2026-08-01 10:00:00.000000' WHERE id % 2 = 0"))
    session.commit()
    return session
