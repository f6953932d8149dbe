"""SQLModel tables (the nouns of DESIGN.md) and the words each field may take.

Money columns end in `_minor` (integer minor units). `*_home_minor` columns hold the amount already
converted into the home currency at write time, so that a month's total is a plain indexed SUM.
Rates are exact decimals stored as text. `month` columns ('YYYY-MM') are derived from the date at
write time, so that grouping by month is an indexed GROUP BY on every database.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Index, Integer, Table, UniqueConstraint
from sqlmodel import Field, SQLModel

from tracker.ledger.clock import utc_now

# Minor units up to tracker.ledger.money.MAX_MINOR (10**15) need 64 bits: BIGINT on PostgreSQL, whose INTEGER
# stops at 2,147,483,647 (৳2,14,74,836.47). SQLite's INTEGER is 64 bits already (and stays INTEGER).
MONEY = BigInteger().with_variant(Integer(), "sqlite")


class SkillStage(StrEnum):
    """Where a person is with a skill (S2, S9): learn, practise, get a mentor's yes, earn."""

    LEARNING = "learning"
    PRACTISING = "practising"
    MENTOR_APPROVED = "mentor-approved"
    EARNING = "earning"


class Verdict(StrEnum):
    """A mentor's verdict on a skill (S9)."""

    READY = "ready"
    NOT_YET = "not yet"


class Platform(StrEnum):
    """Where work comes from (S15 adds the person's own website)."""

    UPWORK = "Upwork"
    FIVERR = "Fiverr"
    FREELANCER = "Freelancer.com"
    DIRECT = "direct"
    OWN_WEBSITE = "own website"
    OTHER = "other"


class Pricing(StrEnum):
    """How a gig is priced."""

    FIXED = "fixed"
    HOURLY = "hourly"


class GigStatus(StrEnum):
    """The gig pipeline (S11), from lead to paid, with the ways it can end early (S4)."""

    LEAD = "lead"
    PROPOSAL_SENT = "proposal sent"
    ACTIVE = "active"
    DELIVERED = "delivered"
    PAID = "paid"
    LOST = "lost"
    DECLINED = "declined"
    CANCELLED = "cancelled"


class DeclineReason(StrEnum):
    """Why work was declined (S4), stored as a code; a person's own words are stored as they wrote them."""

    PRINCIPLES = "principles"
    BUDGET = "budget"
    SKILL = "skill"
    TRUST = "trust"
    TIME = "time"


class PaymentKind(StrEnum):
    """Money in, or money given back."""

    PAYMENT = "payment"
    REFUND = "refund"


class PaymentStatus(StrEnum):
    """Only cleared money counts as earned; pending money is shown apart."""

    CLEARED = "cleared"
    PENDING = "pending"


class ExpenseCategory(StrEnum):
    """Money out for the work."""

    CONNECTS = "connects"
    MEMBERSHIP = "membership"
    EQUIPMENT = "equipment"
    INTERNET = "internet"
    TRAINING = "training"
    OTHER = "other"


DEFAULT_SKILL_CATEGORIES = (  # S12
    "web design", "AutoCAD", "search engine optimisation", "data entry", "editing",
    "content writing", "graphic design", "animation design",
)
CHECKLIST_KEYS = ("computer", "internet", "phone", "workplace", "skill")  # S8
MANUAL_SOURCE = "manual"

# Named constraints, so that later migrations can alter them on SQLite and PostgreSQL alike.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Skill(SQLModel, table=True):
    """A skill being learned or sold."""

    __tablename__ = "skill"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    category: str = Field(max_length=80, index=True)
    stage: str = Field(default=SkillStage.LEARNING.value, max_length=20)
    note: str = Field(default="", max_length=2000)
    created_at: datetime = Field(default_factory=utc_now)
    demo: bool = False  # a record of the demo profile (tracker/demo.py), removed with it


class LearningSession(SQLModel, table=True):
    """Time spent learning one skill on one day."""

    __tablename__ = "learning_session"
    __table_args__ = (Index("ix_learning_session_skill_day", "skill_id", "learned_on"),)
    id: int | None = Field(default=None, primary_key=True)
    skill_id: int = Field(foreign_key="skill.id")
    learned_on: date = Field(index=True)
    minutes: int
    note: str = Field(default="", max_length=2000)
    demo: bool = False  # a record of the demo profile (tracker/demo.py), removed with it


class MentorReview(SQLModel, table=True):
    """A mentor's look at a person's work in a skill (S9)."""

    __tablename__ = "mentor_review"
    id: int | None = Field(default=None, primary_key=True)
    skill_id: int = Field(foreign_key="skill.id", index=True)
    reviewed_on: date
    reviewer: str = Field(max_length=120)
    verdict: str = Field(max_length=20)
    notes: str = Field(default="", max_length=4000)
    demo: bool = False  # a record of the demo profile (tracker/demo.py), removed with it


class Client(SQLModel, table=True):
    """Someone who pays for work."""

    __tablename__ = "client"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, index=True)
    platform: str = Field(default=Platform.DIRECT.value, max_length=40)
    country: str = Field(default="", max_length=80)
    payment_verified: bool = False
    asks_upfront: bool = False  # asked for money before giving work or "training" (S18)
    notes: str = Field(default="", max_length=4000)
    archived: bool = False
    created_at: datetime = Field(default_factory=utc_now)
    demo: bool = False  # a record of the demo profile (tracker/demo.py), removed with it


class Gig(SQLModel, table=True):
    """A piece of work, from a lead to paid (or lost, declined, cancelled)."""

    __tablename__ = "gig"
    __table_args__ = (  # covers the pipeline's counts and agreed values by status and currency
        Index("ix_gig_status", "status", "currency", "pricing", "price_minor", "minutes_worked"),
    )
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    client_id: int | None = Field(default=None, foreign_key="client.id", index=True)
    skill_id: int | None = Field(default=None, foreign_key="skill.id", index=True)
    platform: str = Field(default=Platform.DIRECT.value, max_length=40)
    pricing: str = Field(default=Pricing.FIXED.value, max_length=10)
    price_minor: int = Field(default=0, sa_type=MONEY)
    currency: str = Field(default="USD", max_length=3)
    minutes_worked: int = 0
    status: str = Field(default=GigStatus.LEAD.value, max_length=20)
    started_on: date | None = None
    due_on: date | None = None
    delivered_on: date | None = None
    closed_on: date | None = None
    decline_reason: str = Field(default="", max_length=2000)
    note: str = Field(default="", max_length=4000)
    created_at: datetime = Field(default_factory=utc_now)
    demo: bool = False  # a record of the demo profile (tracker/demo.py), removed with it


class Payment(SQLModel, table=True):
    """Money in (or a refund out): gross, fees, the rate received, and the taka it came to."""

    __tablename__ = "payment"
    __table_args__ = (
        UniqueConstraint("source", "external_ref", name="uq_payment_source_ref"),
        # Covering indexes: a month range's sums, days, and breakdowns by client, gig and platform are
        # read from the index alone; so are lifetime sums per gig (hourly rates, learning vs earning).
        Index("ix_payment_month_status", "month", "status", "gross_home_minor", "fees_home_minor",
              "net_home_minor", "client_id", "gig_id", "platform", "paid_on"),
        Index("ix_payment_client_month", "client_id", "month"),
        Index("ix_payment_platform_month", "platform", "month"),
        Index("ix_payment_gig", "gig_id", "status", "net_home_minor", "paid_on"),
    )
    id: int | None = Field(default=None, primary_key=True)
    paid_on: date = Field(index=True)
    month: str = Field(max_length=7)
    kind: str = Field(default=PaymentKind.PAYMENT.value, max_length=10)
    client_id: int | None = Field(default=None, foreign_key="client.id")
    gig_id: int | None = Field(default=None, foreign_key="gig.id")
    platform: str | None = Field(default=None, max_length=40)
    currency: str = Field(max_length=3)
    gross_minor: int = Field(sa_type=MONEY)
    platform_fee_minor: int = Field(default=0, sa_type=MONEY)
    transfer_fee_minor: int = Field(default=0, sa_type=MONEY)
    rate: str = Field(max_length=40)
    gross_home_minor: int = Field(sa_type=MONEY)
    fees_home_minor: int = Field(sa_type=MONEY)
    net_home_minor: int = Field(sa_type=MONEY)
    status: str = Field(default=PaymentStatus.CLEARED.value, max_length=10)
    source: str = Field(default=MANUAL_SOURCE, max_length=20)
    external_ref: str | None = Field(default=None, max_length=120)
    note: str = Field(default="", max_length=2000)
    created_at: datetime = Field(default_factory=utc_now)


class Expense(SQLModel, table=True):
    """Money out for the work: connects, membership, internet, equipment, training."""

    __tablename__ = "expense"
    __table_args__ = (
        UniqueConstraint("source", "external_ref", name="uq_expense_source_ref"),
        Index("ix_expense_month", "month", "amount_home_minor"),
    )
    id: int | None = Field(default=None, primary_key=True)
    spent_on: date = Field(index=True)
    month: str = Field(max_length=7)
    category: str = Field(max_length=20)
    currency: str = Field(max_length=3)
    amount_minor: int = Field(sa_type=MONEY)
    rate: str = Field(max_length=40)
    amount_home_minor: int = Field(sa_type=MONEY)
    source: str = Field(default=MANUAL_SOURCE, max_length=20)
    external_ref: str | None = Field(default=None, max_length=120)
    note: str = Field(default="", max_length=2000)
    created_at: datetime = Field(default_factory=utc_now)


class Goal(SQLModel, table=True):
    """A monthly net income target, valid from a month on, so that a new goal keeps the past."""

    __tablename__ = "goal"
    id: int | None = Field(default=None, primary_key=True)
    valid_from: str = Field(max_length=7, unique=True)
    target_minor: int = Field(sa_type=MONEY)
    created_at: datetime = Field(default_factory=utc_now)


class Setting(SQLModel, table=True):
    """One named setting (home currency, language, default fee rates)."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(max_length=400)


class ChecklistItem(SQLModel, table=True):
    """One of the five things to have before starting (S8), ticked or not."""

    __tablename__ = "checklist_item"
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=20, unique=True)
    done: bool = False
    done_on: date | None = None
    note: str = Field(default="", max_length=2000)


def tables_in_order() -> list[Table]:
    """Return every table of the models as defined above: parents before children, the order a person
    reads them in (counts, backup, restore, export); tests/ledger/test_models.py checks the parents."""
    return list(SQLModel.metadata.tables.values())
