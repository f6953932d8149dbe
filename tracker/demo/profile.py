"""A demo profile: six months of a newcomer's journey up to this month, loaded in one go, removed in one.

Every demo record is marked, so that `remove_demo` deletes those and nothing else:
- skills, learning sessions, mentor reviews, clients and gigs have `demo` = true (migration 0002);
- payments and expenses have source "demo" and an external reference starting with "demo:".
Names also end in "(demo)", so that the person sees which records are the demo's.
Dates count back from today: the journey starts five months before this month and ends in it.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, SQLModel, col, func, or_, select

from tracker.demo.data import CLIENTS, EXPENSES, GIGS, LEARNING, PAYMENTS, REVIEWS, SKILLS, When
from tracker.ledger import clock
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Expense, Gig, LearningSession, MentorReview, Payment, Skill
from tracker.ledger.money import HOME_CURRENCY
from tracker.ledger.months import add_months
from tracker.services.clients import ClientInput, client_values
from tracker.services.common import month_of, writing
from tracker.services.expenses import ExpenseInput, expense_values
from tracker.services.gigs import GigInput, gig_values
from tracker.services.payments import PaymentInput, payment_values
from tracker.services.settings import home_currency
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    learning_values,
    review_values,
    skill_values,
)

DEMO_SOURCE = "demo"
REF_PREFIX = "demo:"
FLAGGED = (LearningSession, MentorReview, Gig, Client, Skill)  # in the order they can be deleted
MONEY = (Payment, Expense)


def day(today: date, when: When) -> date:
    """Return the date of a demo event: (months before this month, day) or ('ago', days before today)."""
    if when[0] == "ago":
        return today - timedelta(days=when[1])
    month = add_months(month_of(today), -when[0])
    year, number = int(month[:4]), int(month[5:])
    last = today.day if when[0] == 0 else monthrange(year, number)[1]
    return date(year, number, min(when[1], last))


def _demo_money(model: type[Payment] | type[Expense]) -> Any:
    """Return the WHERE clause that picks the demo's payments or expenses."""
    return (model.source == DEMO_SOURCE) & col(model.external_ref).startswith(REF_PREFIX)


def demo_counts(session: Session) -> dict[str, int]:
    """Return how many demo records each table holds, by table name (skills first, expenses last)."""
    counts: dict[str, int] = {}
    for model in (Skill, LearningSession, MentorReview, Client, Gig, Payment, Expense):
        where = _demo_money(model) if model in MONEY else col(model.demo).is_(True)
        counts[model.__tablename__] = session.exec(select(func.count()).select_from(model).where(where)).one()
    return counts


def has_demo(session: Session) -> bool:
    """Return True if any demo record is in the database."""
    return any(demo_counts(session).values())


def load_demo(session: Session, today: date | None = None) -> dict[str, int]:
    """Store the whole demo profile in one transaction (or nothing); return the records per table."""
    if has_demo(session):
        raise InvalidInput("The demo data is loaded already. Remove it first to load it again.",
                           field="demo")
    if home_currency(session) != HOME_CURRENCY:
        raise InvalidInput("The demo data is in taka; it needs BDT as the home currency.", field="demo")
    today = today or clock.today()
    with writing(session):
        skills = _add(session, [Skill(**skill_values(session, SkillInput(**s), skill_id=None), demo=True)
                                for s in SKILLS.values()], SKILLS)
        _add(session, [_learning(session, today, skills, *row) for row in LEARNING])
        _add(session, [_review(session, today, skills, *row) for row in REVIEWS])
        clients = _add(session, [Client(**client_values(session, ClientInput(**c), client_id=None),
                                        demo=True) for c in CLIENTS.values()], CLIENTS)
        gigs = _add(session, [_gig(session, today, skills, clients, g) for g in GIGS.values()], GIGS)
        _add(session, [_payment(session, today, gigs, number, *row)
                       for number, row in enumerate(PAYMENTS, start=1)])
        _add(session, [_expense(session, today, number, *row)
                       for number, row in enumerate(EXPENSES, start=1)])
    return demo_counts(session)


def _add(session: Session, records: list[Any], keys: dict[str, Any] | None = None) -> dict[str, int]:
    """Add records and flush them; return their new ids by the demo data's keys (if given)."""
    session.add_all(records)
    session.flush()
    return {key: record.id for key, record in zip(keys or {}, records, strict=False)}


def _learning(session: Session, today: date, skills: dict[str, int], skill: str, when: When,
              minutes: int, note: str) -> LearningSession:
    """Return a checked demo learning session."""
    data = LearningInput(skill_id=skills[skill], learned_on=day(today, when), minutes=minutes, note=note)
    return LearningSession(**learning_values(session, data), demo=True)


def _review(session: Session, today: date, skills: dict[str, int], skill: str, when: When,
            reviewer: str, verdict: str, notes: str) -> MentorReview:
    """Return a checked demo mentor review."""
    data = ReviewInput(skill_id=skills[skill], reviewed_on=day(today, when), reviewer=reviewer,
                       verdict=verdict, notes=notes)
    return MentorReview(**review_values(session, data), demo=True)


def _gig(session: Session, today: date, skills: dict[str, int], clients: dict[str, int],
         values: dict[str, Any]) -> Gig:
    """Return a checked demo gig, its client, skill and dates resolved."""
    fields = dict(values)
    fields["client_id"] = clients.get(fields.pop("client", ""))
    fields["skill_id"] = skills.get(fields.pop("skill", ""))
    for name in ("started_on", "delivered_on", "closed_on"):
        if fields.get(name) is not None:
            fields[name] = day(today, fields[name])
    return Gig(**gig_values(session, GigInput(**fields)), demo=True)


def _payment(session: Session, today: date, gigs: dict[str, int], number: int, gig: str, when: When,
             money: dict[str, str]) -> Payment:
    """Return a checked demo payment for one of the demo's gigs."""
    data = PaymentInput(paid_on=day(today, when), gig_id=gigs[gig], source=DEMO_SOURCE,
                        external_ref=f"{REF_PREFIX}payment:{number}", **money)
    return Payment(**payment_values(session, data))


def _expense(session: Session, today: date, number: int, when: When, money: dict[str, str]) -> Expense:
    """Return a checked demo expense."""
    data = ExpenseInput(spent_on=day(today, when), source=DEMO_SOURCE,
                        external_ref=f"{REF_PREFIX}expense:{number}", **money)
    return Expense(**expense_values(session, data))


def real_records_linked_to_demo(session: Session) -> int:
    """Return how many of the person's own records point at a demo skill, client or gig."""
    demo_skill = select(Skill.id).where(col(Skill.demo).is_(True))
    demo_client = select(Client.id).where(col(Client.demo).is_(True))
    demo_gig = select(Gig.id).where(col(Gig.demo).is_(True))
    checks: list[tuple[type[SQLModel], Any]] = [
        (LearningSession, col(LearningSession.skill_id).in_(demo_skill)
         & col(LearningSession.demo).is_(False)),
        (MentorReview, col(MentorReview.skill_id).in_(demo_skill) & col(MentorReview.demo).is_(False)),
        (Gig, or_(col(Gig.skill_id).in_(demo_skill), col(Gig.client_id).in_(demo_client))
         & col(Gig.demo).is_(False)),
        (Payment, or_(col(Payment.client_id).in_(demo_client), col(Payment.gig_id).in_(demo_gig))
         & ~_demo_money(Payment)),
    ]
    return sum(session.exec(select(func.count()).select_from(model).where(where)).one()
               for model, where in checks)


def remove_demo(session: Session) -> dict[str, int]:
    """Delete every demo record in one transaction, never the person's own; return what went, by table."""
    linked = real_records_linked_to_demo(session)
    if linked:
        raise InvalidInput("{count} of your own records point at demo records (like a payment for a "
                           "demo gig). Move them to your own skill, client or gig, or delete them, "
                           "then remove the demo data.", field="demo", count=linked)
    counts = demo_counts(session)
    with writing(session):
        for model in MONEY:
            for record in session.exec(select(model).where(_demo_money(model))).all():
                session.delete(record)
        session.flush()
        for model in FLAGGED:
            for record in session.exec(select(model).where(col(model.demo).is_(True))).all():
                session.delete(record)
            session.flush()
    return counts
