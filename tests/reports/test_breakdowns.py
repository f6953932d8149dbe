"""The breakdowns (tracker/reports/breakdowns.py): the combined readers give what one query per figure
gives."""

from __future__ import annotations

import random

import pytest
from sqlmodel import Session, col, func, select

from tracker.ledger.models import Client, Gig, LearningSession, Payment, PaymentStatus, Skill
from tracker.reports import breakdowns
from tracker.services.payments import PaymentInput, create_payment


def test_months_with_income_are_the_distinct_months(session: Session) -> None:
    rng = random.Random(3)
    for _ in range(60):
        month = f"20{rng.randint(24, 26)}-{rng.randint(1, 12):02d}"
        create_payment(session=session, data=PaymentInput(
            paid_on=f"{month}-{rng.randint(1, 28):02d}", gross=str(rng.randint(1, 900)), currency="BDT",
            kind=rng.choice(["payment", "refund"]), status=rng.choice(["cleared", "pending"])))
    for last in ("2024-01", "2025-06", "2026-12", "2027-03"):
        distinct = set(session.exec(select(Payment.month).where(
            Payment.status == PaymentStatus.CLEARED.value, Payment.net_home_minor > 0,
            Payment.month <= last).distinct()).all())
        found = breakdowns.income_months(session, last)
        assert set(found) == distinct and found == sorted(found, reverse=True)


def plain_per_gig(session: Session):  # noqa: ANN201  (a subquery)
    """Return every gig's first cleared payment day and cleared net, the way it was written before."""
    return (select(Payment.gig_id, func.min(Payment.paid_on).label("first"),
                   func.sum(Payment.net_home_minor).label("net"))
            .where(Payment.status == PaymentStatus.CLEARED.value, col(Payment.gig_id).is_not(None))
            .group_by(Payment.gig_id).subquery())


def plain_learning(session: Session) -> list[breakdowns.SkillReturn]:
    """Return learning against earning with one query per figure, as before the combined query."""
    learned = (select(LearningSession.skill_id, func.sum(LearningSession.minutes).label("minutes"))
               .group_by(LearningSession.skill_id).subquery())
    per_gig = plain_per_gig(session)
    earned = (select(Gig.skill_id, func.min(per_gig.c.first).label("first"),
                     func.sum(per_gig.c.net).label("net"))
              .join(Gig, per_gig.c.gig_id == Gig.id).group_by(Gig.skill_id).subquery())
    rows = session.exec(select(Skill.name, learned.c.minutes, earned.c.first, earned.c.net)
                        .join(learned, learned.c.skill_id == Skill.id, isouter=True)
                        .join(earned, earned.c.skill_id == Skill.id, isouter=True)
                        .order_by(func.lower(Skill.name), Skill.id)).all()
    return [breakdowns.SkillReturn(skill=name, minutes_learned=int(minutes or 0), first_earning=first,
                                   net_minor=int(net or 0)) for name, minutes, first, net in rows]


def plain_rates(session: Session, by: str) -> list[breakdowns.HourlyRate]:
    """Return the hourly rates by skill or client with a query of their own, as before."""
    per_gig = plain_per_gig(session)
    owner, key = (Skill, Gig.skill_id) if by == "skill" else (Client, Gig.client_id)
    rows = session.exec(select(owner.name, func.sum(Gig.minutes_worked), func.sum(per_gig.c.net))
                        .join(per_gig, per_gig.c.gig_id == Gig.id).join(owner, col(key) == owner.id)
                        .where(Gig.minutes_worked > 0).group_by(key, owner.name)
                        .order_by(func.sum(per_gig.c.net).desc(), key)).all()
    return [breakdowns.HourlyRate(name=n, minutes_worked=int(m), net_minor=int(net)) for n, m, net in rows]


def test_learning_and_rates_match_one_query_per_figure(busy: Session) -> None:
    combined = breakdowns.learning_and_rates(busy)
    assert combined.skills == plain_learning(busy)
    assert combined.by_skill == plain_rates(busy, "skill") and combined.by_skill
    assert combined.by_client == plain_rates(busy, "client") and combined.by_client
    assert [s.skill for s in combined.skills] == ["Banner", "logo design", "SEO", "Unused"]
    assert combined.skills[-1].first_earning is None and combined.skills[-1].net_minor == 0


@pytest.mark.parametrize(("first", "last"), [("2025-01", "2026-12"), ("2026-03", "2026-08"),
                                             ("2027-01", "2027-06")])
def test_income_sources_match_each_breakdown(busy: Session, first: str, last: str) -> None:
    sources = breakdowns.income_sources(busy, first, last)
    assert sources.by_category == breakdowns.income_by_category(busy, first, last)
    assert sources.by_platform == breakdowns.income_by_platform(busy, first, last)
    assert sources.by_client == breakdowns.income_by_client(busy, first, last)
    assert sources.largest_client_share == breakdowns.largest_client_share(busy, first, last)
