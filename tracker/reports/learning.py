"""Skills and learning: skills with learning time and reviews, sessions, reviews, learning against earning.

Learning against earning and the hourly rates sum each gig's cleared payments once, in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, case, col, func, literal, null, select, union_all

from tracker.ledger.models import (
    DEFAULT_SKILL_CATEGORIES,
    Client,
    Gig,
    LearningSession,
    MentorReview,
    Payment,
    PaymentStatus,
    Skill,
)

CHOICE_LIMIT = 1000
UNKNOWN = ""
BY_SKILL, BY_CLIENT = "skill", "client"


def skill_categories(session: Session) -> list[str]:
    """Return the article's kinds of work (S12), then the person's own, without repeats."""
    own = session.exec(select(Skill.category).distinct().order_by(Skill.category)).all()
    return [*DEFAULT_SKILL_CATEGORIES, *[c for c in own if c not in DEFAULT_SKILL_CATEGORIES]]


@dataclass(frozen=True)
class SkillRow:
    """One skill as the Skills page lists it: stored codes, minutes learned, reviews, latest verdict."""

    id: int
    name: str
    category: str
    stage: str
    minutes_learned: int
    last_learned: date | None
    mentor_reviews: int
    latest_verdict: str


def skills_overview(session: Session) -> list[SkillRow]:
    """Return every skill with minutes learned, last learning day, reviews and the latest verdict."""
    learned = (select(LearningSession.skill_id, func.sum(LearningSession.minutes).label("minutes"),
                      func.max(LearningSession.learned_on).label("last"))
               .group_by(LearningSession.skill_id).subquery())
    reviewed = (select(MentorReview.skill_id, func.count().label("reviews"),
                       func.max(MentorReview.id).label("latest"))
                .group_by(MentorReview.skill_id).subquery())
    rows = session.exec(
        select(Skill, learned.c.minutes, learned.c.last, reviewed.c.reviews, MentorReview.verdict)
        .join(learned, learned.c.skill_id == Skill.id, isouter=True)
        .join(reviewed, reviewed.c.skill_id == Skill.id, isouter=True)
        .join(MentorReview, MentorReview.id == reviewed.c.latest, isouter=True)
        .order_by(func.lower(Skill.name))
    ).all()
    return [SkillRow(id=s.id or 0, name=s.name, category=s.category, stage=s.stage,
                     minutes_learned=int(minutes or 0), last_learned=last, mentor_reviews=int(reviews or 0),
                     latest_verdict=verdict or "")
            for s, minutes, last, reviews, verdict in rows]


@dataclass(frozen=True)
class LearningRow:
    """One learning session: its day, skill, minutes and note."""

    id: int
    learned_on: date
    skill: str
    minutes: int
    note: str


def recent_learning(session: Session, limit: int = 20) -> list[LearningRow]:
    """Return the newest learning sessions with their skill's name."""
    rows = session.exec(
        select(LearningSession, Skill.name).join(Skill, col(LearningSession.skill_id) == Skill.id)
        .order_by(col(LearningSession.learned_on).desc(), col(LearningSession.id).desc()).limit(limit)
    ).all()
    return [LearningRow(id=r.id or 0, learned_on=r.learned_on, skill=name, minutes=r.minutes, note=r.note)
            for r, name in rows]


@dataclass(frozen=True)
class ReviewRow:
    """One mentor review: its day, skill, reviewer, verdict code and notes."""

    id: int
    reviewed_on: date
    skill: str
    reviewer: str
    verdict: str
    notes: str


def recent_reviews(session: Session, limit: int = 20) -> list[ReviewRow]:
    """Return the newest mentor reviews with their skill's name."""
    rows = session.exec(
        select(MentorReview, Skill.name).join(Skill, col(MentorReview.skill_id) == Skill.id)
        .order_by(col(MentorReview.reviewed_on).desc(), col(MentorReview.id).desc()).limit(limit)
    ).all()
    return [ReviewRow(id=r.id or 0, reviewed_on=r.reviewed_on, skill=name, reviewer=r.reviewer,
                      verdict=r.verdict, notes=r.notes) for r, name in rows]


def skill(session: Session, skill_id: int) -> Skill | None:
    """Return one skill (for pre-filling its edit form)."""
    return session.get(Skill, skill_id)


def learning(session: Session, session_id: int) -> LearningSession | None:
    """Return one learning session (for pre-filling its edit form)."""
    return session.get(LearningSession, session_id)


def review(session: Session, review_id: int) -> MentorReview | None:
    """Return one mentor review (for pre-filling its edit form)."""
    return session.get(MentorReview, review_id)


@dataclass(frozen=True)
class SkillReturn:
    """A skill's learning time against what it earned."""

    skill: str
    minutes_learned: int
    first_earning: date | None
    net_minor: int

    @property
    def net_per_learning_hour_minor(self) -> int | None:
        """Return net income per hour learned, or None before any learning was logged."""
        return None if not self.minutes_learned else self.net_minor * 60 // self.minutes_learned


@dataclass(frozen=True)
class HourlyRate:
    """Net income per hour worked, over gigs with hours logged."""

    name: str
    minutes_worked: int
    net_minor: int

    @property
    def per_hour_minor(self) -> int:
        """Return net income per hour worked (floor, in minor units)."""
        return self.net_minor * 60 // self.minutes_worked



@dataclass(frozen=True)
class LearningAndRates:
    """Learning against earning per skill, and net income per hour worked by skill and by client."""

    skills: list[SkillReturn]
    by_skill: list[HourlyRate]
    by_client: list[HourlyRate]


def learning_and_rates(session: Session) -> LearningAndRates:
    """Return learning against earning and the hourly rates, summing each gig's payments only once.

    One query sums every gig's cleared payments (the slow part: it reads every payment) and groups
    the gigs by skill and, those with hours logged, by client; the skills and their learning time
    are a small query of their own.
    """
    per_gig = (select(Payment.gig_id, func.min(Payment.paid_on).label("first"),  # from ix_payment_gig
                      func.sum(Payment.net_home_minor).label("net"))
               .where(Payment.status == PaymentStatus.CLEARED.value, col(Payment.gig_id).is_not(None))
               .group_by(Payment.gig_id).subquery())
    gigs = (select(Gig.skill_id, Gig.client_id, Gig.minutes_worked, per_gig.c.first, per_gig.c.net)
            .join(per_gig, per_gig.c.gig_id == Gig.id).cte("paid_gigs"))
    worked = gigs.c.minutes_worked > 0
    per_skill = (select(literal(BY_SKILL), gigs.c.skill_id, literal(UNKNOWN),
                        func.sum(case((worked, gigs.c.minutes_worked))), func.sum(case((worked, gigs.c.net))),
                        func.min(gigs.c.first), func.sum(gigs.c.net))
                 .where(gigs.c.skill_id.is_not(None)).group_by(gigs.c.skill_id))
    per_client = (select(literal(BY_CLIENT), gigs.c.client_id, Client.name, func.sum(gigs.c.minutes_worked),
                         func.sum(gigs.c.net), null(), null())
                  .join(Client, col(Client.id) == gigs.c.client_id).where(worked)
                  .group_by(gigs.c.client_id, Client.name))
    sums = {(by, key): row for by, key, *row in session.exec(union_all(per_skill, per_client)).all()}
    learned = (select(LearningSession.skill_id, func.sum(LearningSession.minutes).label("minutes"))
               .group_by(LearningSession.skill_id).subquery())
    skills = session.exec(select(Skill.id, Skill.name, learned.c.minutes)
                          .join(learned, learned.c.skill_id == Skill.id, isouter=True)
                          .order_by(func.lower(Skill.name))).all()
    returns = []
    for skill_id, name, minutes in skills:
        _name, _minutes, _worked_net, first, net = sums.get((BY_SKILL, skill_id), (None,) * 5)
        returns.append(SkillReturn(skill=name, minutes_learned=int(minutes or 0), first_earning=first,
                                   net_minor=int(net or 0)))
    names = {(BY_SKILL, skill_id): name for skill_id, name, _minutes in skills}
    return LearningAndRates(skills=returns, by_skill=_rates(sums, BY_SKILL, names),
                            by_client=_rates(sums, BY_CLIENT, {}))


def _rates(sums: dict[tuple[str, int], list], by: str, names: dict[tuple[str, int], str]) -> list[HourlyRate]:
    """Return the hourly rates of the skills or clients with gigs that have hours, largest net first."""
    rates = [(key, HourlyRate(name=names.get((kind, key), name), minutes_worked=int(minutes),
                              net_minor=int(net)))
             for (kind, key), (name, minutes, net, *_rest) in sums.items() if kind == by and minutes]
    return [rate for _key, rate in sorted(rates, key=lambda r: (-r[1].net_minor, r[0]))]


def learning_days(session: Session, today: date, days: int = 30) -> int:
    """Return on how many of the last `days` days (today included) some learning was logged."""
    since = today - timedelta(days=days - 1)
    return int(session.exec(select(func.count(func.distinct(LearningSession.learned_on))).where(
        LearningSession.learned_on >= since, LearningSession.learned_on <= today)).one())
