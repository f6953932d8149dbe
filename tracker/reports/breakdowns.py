"""Where the money comes from, the pipeline, learning against earning, hourly rates, streaks.

Every figure is cleared net income in home-currency minor units over a range of months, summed
in the database with GROUP BY; nothing loads every payment into Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlmodel import Session, case, col, exists, func, literal, null, select, union_all

from tracker.ledger.models import Client, Gig, GigStatus, LearningSession, Payment, PaymentStatus, Skill
from tracker.reports.month import add_months
from tracker.reports.pipeline import OVERDUE_DAYS, agreed_value

TOP_CLIENTS = 10
RISKY_SHARE = Decimal("0.5")  # above this, one client is most of the income
WON = (GigStatus.ACTIVE.value, GigStatus.DELIVERED.value, GigStatus.PAID.value)
UNKNOWN = ""
BY_SKILL, BY_CLIENT = "skill", "client"


@dataclass(frozen=True)
class Share:
    """One slice of income: a name and its net income."""

    name: str
    net_minor: int


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


def _cleared_in(first: str, last: str) -> list:
    """Return the WHERE terms for cleared payments in a month range."""
    return [Payment.status == PaymentStatus.CLEARED.value, Payment.month >= first, Payment.month <= last]


def income_by_category(session: Session, first: str, last: str) -> list[Share]:
    """Return net income by the skill category of each payment's gig, largest first."""
    per_gig = (select(Payment.gig_id, func.sum(Payment.net_home_minor).label("net"))  # from the index
               .where(*_cleared_in(first, last)).group_by(Payment.gig_id).subquery())
    category, net = func.coalesce(Skill.category, UNKNOWN), func.sum(per_gig.c.net)
    rows = session.exec(
        select(category, net).select_from(per_gig)
        .join(Gig, per_gig.c.gig_id == Gig.id, isouter=True)
        .join(Skill, col(Gig.skill_id) == Skill.id, isouter=True)
        .group_by(category).order_by(net.desc())).all()
    return [Share(name=name, net_minor=int(net)) for name, net in rows]


def income_by_platform(session: Session, first: str, last: str) -> list[Share]:
    """Return net income by platform, largest first."""
    platform = func.coalesce(Payment.platform, UNKNOWN)
    rows = session.exec(
        select(platform, func.sum(Payment.net_home_minor)).where(*_cleared_in(first, last))
        .group_by(platform).order_by(func.sum(Payment.net_home_minor).desc())).all()
    return [Share(name=name, net_minor=int(net)) for name, net in rows]


def income_by_client(session: Session, first: str, last: str) -> list[Share]:
    """Return the top clients by net income, largest first (payments without a client apart)."""
    rows = session.exec(
        select(func.coalesce(Client.name, UNKNOWN), func.sum(Payment.net_home_minor))
        .join(Client, col(Payment.client_id) == Client.id, isouter=True)
        .where(*_cleared_in(first, last)).group_by(Payment.client_id, Client.name)
        .order_by(func.sum(Payment.net_home_minor).desc()).limit(TOP_CLIENTS)).all()
    return [Share(name=name, net_minor=int(net)) for name, net in rows]


def largest_client_share(session: Session, first: str, last: str) -> Decimal | None:
    """Return the largest named client's share of all net income (concentration risk), or None."""
    total = session.exec(select(func.sum(Payment.net_home_minor)).where(*_cleared_in(first, last))).one()
    return client_share(income_by_client(session, first, last), int(total or 0))


def client_share(top_clients: list[Share], total_minor: int) -> Decimal | None:
    """Return the largest named client's share of the total (clients largest first), or None."""
    named = [s for s in top_clients if s.name != UNKNOWN]
    if total_minor <= 0 or not named:
        return None
    return Decimal(named[0].net_minor) / Decimal(total_minor)


@dataclass(frozen=True)
class Sources:
    """Where a range of months' income came from: by kind of work, platform and client."""

    by_category: list[Share]
    by_platform: list[Share]
    by_client: list[Share]
    largest_client_share: Decimal | None


def income_sources(session: Session, first: str, last: str) -> Sources:
    """Return the range's income by category, platform and top client, and the largest client's share.

    Every cleared payment falls in exactly one platform (or none, counted as ''), so the platforms
    add up to the total: the share needs no query of its own.
    """
    by_platform = income_by_platform(session, first, last)
    by_client = income_by_client(session, first, last)
    return Sources(by_category=income_by_category(session, first, last), by_platform=by_platform,
                   by_client=by_client,
                   largest_client_share=client_share(by_client, sum(s.net_minor for s in by_platform)))


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


def learning_against_earning(session: Session) -> list[SkillReturn]:
    """Return, per skill: minutes learned, first cleared payment, and lifetime net income."""
    return learning_and_rates(session).skills


def hourly_rates(session: Session, by: str) -> list[HourlyRate]:
    """Return net income per hour worked by 'skill' or 'client', over gigs with hours logged."""
    rates = learning_and_rates(session)
    return rates.by_skill if by == BY_SKILL else rates.by_client


def pipeline_counts(session: Session) -> dict[str, int]:
    """Return how many gigs are in each status (every status listed, 0 where none)."""
    rows = dict(session.exec(select(Gig.status, func.count()).group_by(Gig.status)).all())
    return {status.value: int(rows.get(status.value, 0)) for status in GigStatus}


def win_rate(counts: dict[str, int]) -> Decimal | None:
    """Return won ÷ (won + lost): won is active, delivered or paid; None before any is decided."""
    won = sum(counts[s] for s in WON)
    decided = won + counts[GigStatus.LOST.value]
    return Decimal(won) / Decimal(decided) if decided else None


def income_months(session: Session, last: str) -> list[str]:
    """Return the months up to `last` with cleared income, newest first.

    One index seek per month (a recursive query steps from each month to the one before it with
    income), instead of reading every payment: ten years are 120 seeks, not 200,000 rows.
    """
    earned = (Payment.status == PaymentStatus.CLEARED.value, Payment.net_home_minor > 0)
    newest = select(Payment.month).where(*earned, Payment.month <= last)
    months = select(newest.order_by(col(Payment.month).desc()).limit(1).scalar_subquery().label("month")) \
        .cte("income_months", recursive=True)
    before = (select(Payment.month).where(*earned, Payment.month < months.c.month)
              .order_by(col(Payment.month).desc()).limit(1).scalar_subquery())
    months = months.union_all(select(before).where(months.c.month.is_not(None)))
    return [m for m in session.exec(select(months.c.month)).all() if m is not None]


def income_streak(session: Session, current_month: str) -> int:
    """Return how many months in a row had cleared income, ending this month or the last one."""
    months = set(income_months(session, current_month))
    month = current_month if current_month in months else add_months(current_month, -1)
    streak = 0
    while month in months:
        streak, month = streak + 1, add_months(month, -1)
    return streak


def learning_days(session: Session, today: date, days: int = 30) -> int:
    """Return on how many of the last `days` days (today included) some learning was logged."""
    since = today - timedelta(days=days - 1)
    return int(session.exec(select(func.count(func.distinct(LearningSession.learned_on))).where(
        LearningSession.learned_on >= since, LearningSession.learned_on <= today)).one())


@dataclass(frozen=True)
class Owed:
    """A delivered gig with no payment yet: what is owed, since when, how late (S18)."""

    gig_id: int
    title: str
    client: str
    delivered_on: date | None
    currency: str
    amount_minor: int
    days_since_delivery: int
    days_overdue: int


def money_owed(session: Session, today: date) -> list[Owed]:
    """Return delivered gigs without a payment, oldest delivery first, with days overdue."""
    paid = exists().where(col(Payment.gig_id) == col(Gig.id))
    rows = session.exec(
        select(Gig.id, Gig.title, func.coalesce(Client.name, UNKNOWN), Gig.delivered_on, Gig.currency,
               agreed_value())
        .join(Client, col(Gig.client_id) == Client.id, isouter=True)
        .where(Gig.status == GigStatus.DELIVERED.value, ~paid)
        .order_by(col(Gig.delivered_on).is_(None), col(Gig.delivered_on), col(Gig.id))).all()
    owed = []
    for gig_id, title, client, delivered, currency, minor in rows:
        since = (today - delivered).days if delivered else 0
        owed.append(Owed(gig_id=gig_id, title=title, client=client, delivered_on=delivered,
                         currency=currency, amount_minor=int(minor or 0), days_since_delivery=since,
                         days_overdue=max(since - OVERDUE_DAYS, 0)))
    return owed
