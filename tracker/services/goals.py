"""Monthly net income goals, each valid from a month on (the past keeps its own goal)."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session, col, select

from tracker.ledger.models import Goal
from tracker.ledger.money import parse_amount
from tracker.ledger.months import DEFAULT_GOAL_MINOR as DEFAULT_GOAL_MINOR
from tracker.ledger.months import goal_in
from tracker.services.common import existing, parse_month, remove, writing
from tracker.services.settings import home_currency


def set_goal(*, session: Session, target: str | Decimal | int, valid_from: str) -> Goal:
    """Set the goal from a month on (replacing a goal set for that same month); return it."""
    month = parse_month(valid_from)
    minor = parse_amount(target, home_currency(session), field="goal")
    with writing(session):
        goal = session.exec(select(Goal).where(Goal.valid_from == month)).first()
        goal = goal or Goal(valid_from=month, target_minor=minor)
        goal.target_minor = minor
        session.add(goal)
    session.refresh(goal)
    return goal


def update_goal(*, session: Session, goal_id: int, target: str | Decimal | int,
                valid_from: str) -> Goal:
    """Change a goal's amount or first month; return it."""
    goal = existing(session, Goal, goal_id, field="goal")
    month = parse_month(valid_from)
    minor = parse_amount(target, home_currency(session), field="goal")
    with writing(session):
        goal.valid_from, goal.target_minor = month, minor
        session.add(goal)
    session.refresh(goal)
    return goal


def delete_goal(*, session: Session, goal_id: int) -> None:
    """Remove a goal; the one before it (or the default) applies again."""
    goal = existing(session, Goal, goal_id, field="goal")
    remove(session, goal)


def goal_for_month(session: Session, month: str) -> int:
    """Return the goal in minor units of the home currency that applies to a 'YYYY-MM' month."""
    return goal_in(goal_steps(session), month)


def goal_steps(session: Session) -> list[tuple[str, int]]:
    """Return every goal as (valid from, target) pairs, oldest first: what `goal_in` reads."""
    return [(str(g.valid_from), int(g.target_minor)) for g in reversed(goal_history(session))]


def goal_history(session: Session) -> list[Goal]:
    """Return every goal set, newest month first."""
    return list(session.exec(select(Goal).order_by(col(Goal.valid_from).desc())).all())
