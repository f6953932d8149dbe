"""Breakdowns for the Dashboard, on one hand-computed scenario (all amounts in taka, rate 1)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlmodel import Session

from tracker.reports import breakdowns as b
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


def shares(rows: list[b.Share]) -> list[tuple[str, int]]:
    """Return (name, whole taka) pairs."""
    return [(r.name, r.net_minor // 100) for r in rows]


def test_income_by_category_platform_and_client(scenario: Session) -> None:
    assert shares(b.income_by_category(scenario, "2026-08", "2026-09")) == [
        ("web design", 21000), ("graphic design", 15000), ("", 5000)]
    assert shares(b.income_by_platform(scenario, "2026-08", "2026-09")) == [
        ("direct", 21000), ("Upwork", 20000)]
    assert shares(b.income_by_client(scenario, "2026-08", "2026-09")) == [("Bright", 21000), ("Acme", 20000)]
    assert shares(b.income_by_client(scenario, "2026-08", "2026-08")) == [("Acme", 12000)]


def test_largest_client_share(scenario: Session) -> None:
    assert b.largest_client_share(scenario, "2026-08", "2026-09") == Decimal(21000) / Decimal(41000)
    assert b.largest_client_share(scenario, "2027-01", "2027-02") is None


def test_learning_against_earning(scenario: Session) -> None:
    logo, site = b.learning_against_earning(scenario)
    assert (logo.skill, logo.minutes_learned, logo.first_earning, logo.net_minor) == (
        "Logo", 180, date(2026, 8, 10), 1500000)
    assert logo.net_per_learning_hour_minor == 500000  # ৳15,000 over 3 hours
    assert (site.skill, site.minutes_learned, site.net_minor) == ("WordPress", 0, 2100000)
    assert site.net_per_learning_hour_minor is None


@pytest.mark.parametrize(("by", "expected"), [
    ("skill", [("WordPress", 1200, 2100000, 105000), ("Logo", 600, 1500000, 150000)]),
    ("client", [("Bright", 1200, 2100000, 105000), ("Acme", 600, 1500000, 150000)]),
])
def test_hourly_rates_count_only_gigs_with_hours(scenario: Session, by: str, expected: list) -> None:
    rates = b.hourly_rates(scenario, by)
    assert [(r.name, r.minutes_worked, r.net_minor, r.per_hour_minor) for r in rates] == expected


def test_pipeline_counts_and_win_rate(scenario: Session) -> None:
    counts = b.pipeline_counts(scenario)
    assert counts == {"lead": 1, "proposal sent": 0, "active": 1, "delivered": 0, "paid": 2, "lost": 1,
                      "declined": 1, "cancelled": 0}
    assert b.win_rate(counts) == Decimal("0.75")
    assert b.win_rate(dict.fromkeys(counts, 0)) is None


@pytest.mark.parametrize(("month", "streak"), [("2026-09", 2), ("2026-10", 2), ("2026-11", 0),
                                               ("2026-08", 1)])
def test_income_streak(scenario: Session, month: str, streak: int) -> None:
    assert b.income_streak(scenario, month) == streak


@pytest.mark.parametrize(("today", "days"), [(date(2026, 9, 30), 2), (date(2026, 10, 1), 1),
                                             (date(2026, 8, 31), 0)])
def test_learning_days_in_the_last_30(scenario: Session, today: date, days: int) -> None:
    assert b.learning_days(scenario, today) == days


def test_money_owed_lists_delivered_unpaid_gigs_oldest_first(session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme")).id

    def delivered(title: str, day: str | None, **kw: object) -> int:
        data = GigInput(title=title, client_id=acme, status="delivered", delivered_on=day, **kw)
        return create_gig(session=session, data=data).id

    delivered("Recent", "2026-11-15", price="100")
    delivered("Old", "2026-10-01", price="300")
    hourly = delivered("Hourly", "2026-10-20", pricing="hourly", price="12.50", hours_worked="3.5")
    paid = delivered("Paid already", "2026-09-01", price="50")
    create_payment(session=session, data=PaymentInput(paid_on="2026-09-10", gross="50", rate="120",
                                                      gig_id=paid))
    owed = b.money_owed(session, date(2026, 11, 21))
    assert [(o.title, o.amount_minor, o.days_since_delivery, o.days_overdue) for o in owed] == [
        ("Old", 30000, 51, 37), ("Hourly", 4375, 32, 18), ("Recent", 10000, 6, 0)]
    assert owed[1].gig_id == hourly and owed[0].client == "Acme"
