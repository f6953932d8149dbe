"""Two worked examples shared by the readers' tests: `scenario` (income by source, learning, pipeline)
and `book` (what clients owe, gigs in four currencies). Expected values are worked out by hand in the
tests; in `book`, "today" is 2026-09-01 unless a test says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from sqlmodel import Session

from tracker.services.clients import ClientInput, create_client
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import LearningInput, SkillInput, create_skill, log_learning


@pytest.fixture
def scenario(session: Session) -> Session:
    """Two skills, two clients, six gigs, four cleared payments and one pending."""
    logo = create_skill(session=session, data=SkillInput(name="Logo", category="graphic design")).id
    site = create_skill(session=session, data=SkillInput(name="WordPress", category="web design")).id
    acme = create_client(session=session, data=ClientInput(name="Acme", platform="Upwork")).id
    bright = create_client(session=session, data=ClientInput(name="Bright", platform="direct")).id

    def gig(title: str, status: str, **kw: object) -> int:
        data = GigInput(title=title, status=status, currency="BDT", **kw)
        return create_gig(session=session, data=data).id

    g1 = gig("Logo", "paid", client_id=acme, skill_id=logo, platform="Upwork", hours_worked="10")
    g2 = gig("Site", "paid", client_id=bright, skill_id=site, platform="direct", hours_worked="20")
    for title, status in [("Lead", "lead"), ("Lost", "lost"), ("Active", "active")]:
        gig(title, status)
    gig("Casino site", "declined", decline_reason="against my principles")

    def pay(day: str, taka: str, **kw: object) -> None:
        create_payment(session=session, data=PaymentInput(paid_on=day, gross=taka, currency="BDT", **kw))

    pay("2026-08-10", "12,000", gig_id=g1)
    pay("2026-09-05", "3,000", gig_id=g1)
    pay("2026-09-12", "21,000", gig_id=g2)
    pay("2026-09-15", "5,000", client_id=acme)
    pay("2026-09-20", "9,999", client_id=acme, status="pending")
    for day, minutes in [("2026-09-01", 120), ("2026-09-20", 60)]:
        log_learning(session=session, data=LearningInput(skill_id=logo, learned_on=day, minutes=minutes))
    return session


@dataclass
class Book:
    """The ids of the worked example's records."""

    acme: int
    bakery: int
    corner: int
    gigs: dict[str, int]


def gig(session: Session, title: str, **values: Any) -> int:
    """Store a gig and return its id."""
    return create_gig(session=session, data=GigInput(title=title, **values)).id


def pay(session: Session, **values: Any) -> None:
    """Store a payment."""
    create_payment(session=session, data=PaymentInput(**values))


@pytest.fixture
def book(session: Session) -> Book:
    """Three clients, ten gigs in four currencies, and payments of every kind (see comments)."""
    acme = create_client(session=session, data=ClientInput(name="Acme")).id
    bakery = create_client(session=session, data=ClientInput(name="bakery")).id
    corner = create_client(session=session, data=ClientInput(name="Corner")).id
    g = {
        "active": gig(session, "Site", client_id=acme, price="300", status="active"),
        "late_bdt": gig(session, "Banner", client_id=acme, price="5000", currency="BDT",
                        status="delivered", delivered_on="2026-08-17"),          # 15 days: overdue
        "hourly": gig(session, "Fixes", client_id=acme, pricing="hourly", price="12.50",
                      hours_worked="0.33", status="delivered", delivered_on="2026-08-18"),  # 14 days
        "paid_for": gig(session, "Logo", client_id=acme, price="100", status="delivered",
                        delivered_on="2026-07-01"),                              # has a payment
        "lead": gig(session, "Maybe", client_id=acme, price="999", status="lead"),
        "paid": gig(session, "Card", client_id=acme, price="50", status="paid"),
        "undated": gig(session, "Flyer", client_id=acme, price="70", status="delivered"),
        "no_client": gig(session, "Own", price="40", status="delivered", delivered_on="2026-07-01"),
        "late_eur": gig(session, "Menu", client_id=bakery, price="80", currency="EUR",
                        status="delivered", delivered_on="2026-08-01"),
        "bakery_active": gig(session, "Poster", client_id=bakery, price="20", status="active"),
        "declined": gig(session, "Casino", client_id=bakery, price="60", status="declined",
                        decline_reason="principles"),
    }
    # Acme, cleared: 250 − 25 at 122.50 = 30,625.00 − 3,062.50 = 27,562.50; ৳5,000.00 on 08-10;
    # a refund of $10 at 120 = −1,200.00 on 08-20. Pending $100 (for "paid_for") is not counted.
    pay(session, paid_on="2026-08-03", gross="250", platform_fee="25", rate="122.50", client_id=acme)
    pay(session, paid_on="2026-08-10", gross="5000", currency="BDT", client_id=acme)
    pay(session, paid_on="2026-08-20", gross="10", rate="120", kind="refund", client_id=acme)
    pay(session, paid_on="2026-09-01", gross="100", rate="120", status="pending", gig_id=g["paid_for"])
    return Book(acme, bakery, corner, g)
