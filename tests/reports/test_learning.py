"""Skills page readers and learning against earning: hours learned, last day, reviews, latest verdict,
hourly rates, days learned."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, col, func, select

from tracker.ledger.models import (
    DEFAULT_SKILL_CATEGORIES,
    Client,
    Gig,
    LearningSession,
    Payment,
    PaymentStatus,
    Skill,
)
from tracker.reports import learning
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    add_review,
    create_skill,
    log_learning,
)


def make_skill(session: Session, name: str, category: str = "web design") -> int:
    """Store a skill and return its id."""
    return create_skill(session=session, data=SkillInput(name=name, category=category)).id


def test_overview_sums_learning_and_shows_the_latest_verdict(session: Session) -> None:
    logo = make_skill(session, "Logo design", "graphic design")
    make_skill(session, "SEO", "search engine optimisation")
    for day, minutes in [("2026-08-01", 45), ("2026-08-03", 45), ("2026-07-30", 30)]:
        log_learning(session=session, data=LearningInput(skill_id=logo, learned_on=day, minutes=minutes))
    add_review(session=session, data=ReviewInput(skill_id=logo, reviewed_on="2026-08-02",
                                                 reviewer="Karim", verdict="not yet"))
    add_review(session=session, data=ReviewInput(skill_id=logo, reviewed_on="2026-08-10",
                                                 reviewer="Karim", verdict="ready"))
    rows = {row.name: row for row in learning.skills_overview(session)}
    assert list(rows) == ["Logo design", "SEO"]
    assert rows["Logo design"].minutes_learned == 120  # shown as "2.0" hours (tests/web/test_tables.py)
    assert rows["Logo design"].last_learned == date(2026, 8, 3)
    assert rows["Logo design"].mentor_reviews == 2
    assert rows["Logo design"].latest_verdict == "ready"
    assert rows["Logo design"].stage == "mentor-approved"
    assert rows["SEO"].minutes_learned == 0
    assert rows["SEO"].latest_verdict == ""


def test_categories_are_the_articles_then_the_persons_own(session: Session) -> None:
    make_skill(session, "Bookkeeping", "accounting")
    make_skill(session, "HTML", "web design")
    categories = learning.skill_categories(session)
    assert categories[: len(DEFAULT_SKILL_CATEGORIES)] == list(DEFAULT_SKILL_CATEGORIES)
    assert categories[len(DEFAULT_SKILL_CATEGORIES):] == ["accounting"]


def test_recent_learning_is_newest_first(session: Session) -> None:
    first, second = make_skill(session, "A"), make_skill(session, "B")
    log_learning(session=session, data=LearningInput(skill_id=first, learned_on="2026-08-01", minutes=20))
    log_learning(session=session, data=LearningInput(skill_id=second, learned_on="2026-08-05", minutes=40))
    assert [r.minutes for r in learning.recent_learning(session)] == [40, 20]
    assert [r.skill for r in learning.recent_learning(session, 1)] == ["B"]


def test_recent_reviews_keep_the_verdict_code(session: Session) -> None:
    logo = make_skill(session, "Logo design")
    add_review(session=session, data=ReviewInput(skill_id=logo, reviewed_on="2026-08-02",
                                                 reviewer="Karim", verdict="not yet"))
    [review] = learning.recent_reviews(session)
    assert (review.reviewed_on, review.skill, review.reviewer, review.verdict) == (
        date(2026, 8, 2), "Logo design", "Karim", "not yet")


def test_learning_against_earning(scenario: Session) -> None:
    logo, site = learning.learning_and_rates(scenario).skills
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
    found = learning.learning_and_rates(scenario)
    rates = found.by_skill if by == "skill" else found.by_client
    assert [(r.name, r.minutes_worked, r.net_minor, r.per_hour_minor) for r in rates] == expected


@pytest.mark.parametrize(("today", "days"), [(date(2026, 9, 30), 2), (date(2026, 10, 1), 1),
                                             (date(2026, 8, 31), 0)])
def test_learning_days_in_the_last_30(scenario: Session, today: date, days: int) -> None:
    assert learning.learning_days(scenario, today) == days


def plain_per_gig(session: Session):  # noqa: ANN201  (a subquery)
    """Return every gig's first cleared payment day and cleared net, the way it was written before."""
    return (select(Payment.gig_id, func.min(Payment.paid_on).label("first"),
                   func.sum(Payment.net_home_minor).label("net"))
            .where(Payment.status == PaymentStatus.CLEARED.value, col(Payment.gig_id).is_not(None))
            .group_by(Payment.gig_id).subquery())


def plain_learning(session: Session) -> list[learning.SkillReturn]:
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
    return [learning.SkillReturn(skill=name, minutes_learned=int(minutes or 0), first_earning=first,
                                   net_minor=int(net or 0)) for name, minutes, first, net in rows]


def plain_rates(session: Session, by: str) -> list[learning.HourlyRate]:
    """Return the hourly rates by skill or client with a query of their own, as before."""
    per_gig = plain_per_gig(session)
    owner, key = (Skill, Gig.skill_id) if by == "skill" else (Client, Gig.client_id)
    rows = session.exec(select(owner.name, func.sum(Gig.minutes_worked), func.sum(per_gig.c.net))
                        .join(per_gig, per_gig.c.gig_id == Gig.id).join(owner, col(key) == owner.id)
                        .where(Gig.minutes_worked > 0).group_by(key, owner.name)
                        .order_by(func.sum(per_gig.c.net).desc(), key)).all()
    return [learning.HourlyRate(name=n, minutes_worked=int(m), net_minor=int(net)) for n, m, net in rows]


def test_learning_and_rates_match_one_query_per_figure(busy: Session) -> None:
    combined = learning.learning_and_rates(busy)
    assert combined.skills == plain_learning(busy)
    assert combined.by_skill == plain_rates(busy, "skill") and combined.by_skill
    assert combined.by_client == plain_rates(busy, "client") and combined.by_client
    assert [s.skill for s in combined.skills] == ["Banner", "logo design", "SEO", "Unused"]
    assert combined.skills[-1].first_earning is None and combined.skills[-1].net_minor == 0
