"""When a piece of guidance applies: small checks on the person's own records.

Each check answers one question for one place in the app (the Dashboard, the gig forms, a client);
the page shows the matching tip from tracker.guidance.notes with `widgets.advice` only when it is true.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, exists, func, select

from tracker.db.contents import is_empty
from tracker.guidance import N_, Tip
from tracker.guidance import notes as tips
from tracker.ledger.models import (
    Client,
    GigStatus,
    LearningSession,
    MentorReview,
    Payment,
    Platform,
    Skill,
    SkillStage,
    Verdict,
)
from tracker.ledger.months import add_months
from tracker.reports.forecast import Outlook
from tracker.reports.month import income_streak, monthly_net
from tracker.reports.owed import overdue_by_client
from tracker.services.common import month_of
from tracker.services.settings import get_setting

GAP_DAYS = 14  # no learning and no payment for this many days: nudge back (S5)
STREAK_MONTHS = 2  # months in a row with income that deserve a word of encouragement (S5)
APPROVED_STAGES = (SkillStage.MENTOR_APPROVED.value, SkillStage.EARNING.value)


def database_is_empty(session: Session) -> bool:
    """Return True when there are no payments, skills and clients yet (a first start)."""
    return is_empty(session, (Payment, Skill, Client))


def needs_onboarding(session: Session) -> bool:
    """Return True when the welcome steps should open: an empty database, never onboarded or skipped."""
    return not get_setting(session, "onboarded") and database_is_empty(session)


def skill_unapproved(session: Session, skill_id: int | None) -> bool:
    """Return True for a skill no mentor called ready, whose stage is not mentor-approved or earning."""
    skill = session.get(Skill, skill_id) if skill_id is not None else None
    if skill is None or skill.stage in APPROVED_STAGES:
        return False
    ready = select(exists().where(MentorReview.skill_id == skill.id,
                                  MentorReview.verdict == Verdict.READY.value))
    return not session.exec(ready).one()


def own_website(platform: str | None) -> bool:
    """Return True when the work comes through the person's own website (S15)."""
    return platform == Platform.OWN_WEBSITE.value


def declining(status: str | None, current: str | None = None) -> bool:
    """Return True when a gig is being moved to declined (S4) from another status."""
    return status == GigStatus.DECLINED.value and current != GigStatus.DECLINED.value


def gig_tips(session: Session, skill_id: int | None, platform: str | None = None) -> tuple[Tip, ...]:
    """Return the notes for a gig: S9 for an unapproved skill, S15 for the person's own website."""
    due = ((tips.UNAPPROVED_SKILL, skill_unapproved(session, skill_id)),
           (tips.OWN_WEBSITE, own_website(platform)))
    return tuple(tip for tip, applies in due if applies)


@dataclass(frozen=True)
class ClientRisk:
    """What makes a client worth checking (S18); `reasons` says it in words."""

    overdue: bool
    unverified: bool
    asks_upfront: bool

    @property
    def applies(self) -> bool:
        """Return True if any warning sign is there."""
        return self.overdue or self.unverified or self.asks_upfront

    @property
    def reasons(self) -> list[str]:
        """Return the warning signs as English message ids, in a fixed order."""
        signs = [(self.overdue, N_("Delivered work from them is unpaid for more than {days} days.")),
                 (self.unverified, N_("Their payment method is not verified.")),
                 (self.asks_upfront, N_("They asked you for money before giving you work."))]
        return [text for present, text in signs if present]


def client_risk(session: Session, client_id: int | None, today: date) -> ClientRisk:
    """Return a client's warning signs: overdue unpaid work, unverified payment, money asked up front."""
    client = session.get(Client, client_id) if client_id is not None else None
    if client is None:
        return ClientRisk(overdue=False, unverified=False, asks_upfront=False)
    return ClientRisk(overdue=client.id in overdue_by_client(session, today),
                      unverified=not client.payment_verified, asks_upfront=client.asks_upfront)


@dataclass(frozen=True)
class Momentum:
    """Months in a row with income, and this month's net against last month's (S5)."""

    income_streak: int
    this_month_minor: int
    last_month_minor: int

    @property
    def beat_last_month(self) -> bool:
        """Return True when this month already earned more than the whole of last month."""
        return self.this_month_minor > max(self.last_month_minor, 0)

    @property
    def applies(self) -> bool:
        """Return True when there is something to encourage: a streak, or a better month."""
        return self.income_streak >= STREAK_MONTHS or self.beat_last_month


def momentum(session: Session, today: date) -> Momentum:
    """Return the income streak and this month's and last month's net income."""
    current = month_of(today)
    last, this = monthly_net(session, add_months(current, -1), current)
    return Momentum(income_streak=income_streak(session, current), this_month_minor=this.net_minor,
                    last_month_minor=last.net_minor)


def days_since_activity(session: Session, today: date) -> int | None:
    """Return the days since the last learning session or payment up to today, or None if neither."""
    learned = session.exec(select(func.max(LearningSession.learned_on))
                           .where(col(LearningSession.learned_on) <= today)).one()
    paid = session.exec(select(func.max(Payment.paid_on)).where(col(Payment.paid_on) <= today)).one()
    days = [d for d in (learned, paid) if d is not None]
    if not days:
        return None
    return (today - max(_as_date(d) for d in days)).days


def _as_date(value: date | str) -> date:
    """Return a date from what the database gave (a date, or ISO text)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def long_gap(days: int | None) -> bool:
    """Return True after GAP_DAYS or more without learning or payments (never for a first start)."""
    return days is not None and days >= GAP_DAYS


def forecast_tips(outlook: Outlook) -> tuple[Tip, ...]:
    """Return the realism shown beside the forecast: S19 always, S1 once there is a line to read."""
    if outlook is Outlook.NEED_MORE_DATA:
        return (tips.TAKES_TIME,)
    return (tips.GOAL_IS_REAL, tips.TAKES_TIME)
