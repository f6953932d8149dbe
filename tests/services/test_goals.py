"""Goals (tracker/services/goals.py): a goal is valid from its month on; bad goals are refused."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import Session, select

from tests.databases import count
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Goal
from tracker.services.goals import (
    DEFAULT_GOAL_MINOR,
    delete_goal,
    goal_for_month,
    goal_history,
    set_goal,
    update_goal,
)


def test_default_goal_is_one_lakh_taka(session: Session) -> None:
    assert DEFAULT_GOAL_MINOR == 10_000_000
    assert goal_for_month(session, "2026-08") == 10_000_000


def test_goal_applies_from_its_month_on(session: Session) -> None:
    """Goals from 2026-01 (৳80,000) and 2026-07 (৳1,20,000); earlier months keep the default."""
    set_goal(session=session, target="৳80,000", valid_from="2026-01")
    set_goal(session=session, target="1,20,000", valid_from="2026-07")
    expected = {"2025-12": 10_000_000, "2026-01": 8_000_000, "2026-03": 8_000_000,
                "2026-06": 8_000_000, "2026-07": 12_000_000, "2026-12": 12_000_000}
    assert {month: goal_for_month(session, month) for month in expected} == expected


@pytest.mark.parametrize(("target", "month", "minor", "stored_month"), [
    ("80000", "2026-01", 8_000_000, "2026-01"),
    ("৳1,00,000.50", "2026-8", 10_000_050, "2026-08"),
    ("১২০০০০", "২০২৬-০৭", 12_000_000, "2026-07"),
    (150000, "2030-12", 15_000_000, "2030-12"),
])
def test_set_goal_stores_exactly(session: Session, target: Any, month: str, minor: int,
                                 stored_month: str) -> None:
    goal = set_goal(session=session, target=target, valid_from=month)
    session.expire_all()
    assert session.exec(select(Goal.valid_from, Goal.target_minor)).all() == [(stored_month, minor)]
    assert goal.id is not None


def test_set_goal_for_the_same_month_replaces(session: Session) -> None:
    first = set_goal(session=session, target="80000", valid_from="2026-01")
    again = set_goal(session=session, target="90000", valid_from="2026-1")
    assert again.id == first.id
    assert count(session, Goal) == 1
    assert goal_for_month(session, "2026-05") == 9_000_000


BAD_GOALS: list[tuple[str, str, str]] = [
    ("month 13", "80000", "2026-13"),
    ("month 0", "80000", "2026-00"),
    ("slashes", "80000", "2026/07"),
    ("words", "80000", "July 2026"),
    ("a whole date", "80000", "2026-07-01"),
    ("empty month", "80000", ""),
    ("year out of range", "80000", "1850-01"),
    ("zero target", "0", "2026-07"),
    ("negative target", "-5000", "2026-07"),
    ("target not a number", "lots", "2026-07"),
    ("target with three decimals", "1.005", "2026-07"),
]


@pytest.mark.parametrize(("target", "month"), [(t, m) for _, t, m in BAD_GOALS],
                         ids=[n for n, _, _ in BAD_GOALS])
def test_bad_goal_is_refused_and_writes_nothing(session: Session, target: str, month: str) -> None:
    set_goal(session=session, target="80000", valid_from="2026-01")
    with pytest.raises(InvalidInput):
        set_goal(session=session, target=target, valid_from=month)
    assert count(session, Goal) == 1
    assert goal_for_month(session, "2026-12") == 8_000_000


def test_update_goal_and_bad_updates(session: Session) -> None:
    """A bad amount, bad month or a month another goal has leaves the goal as it was."""
    set_goal(session=session, target="80000", valid_from="2026-01")
    goal = set_goal(session=session, target="100000", valid_from="2026-07")
    update_goal(session=session, goal_id=goal.id, target="110000", valid_from="2026-06")
    assert goal_for_month(session, "2026-06") == 11_000_000
    for target, month in (("0", "2026-06"), ("110000", "2026-6-1"), ("95000", "2026-01")):
        with pytest.raises(InvalidInput):
            update_goal(session=session, goal_id=goal.id, target=target, valid_from=month)
        session.expire_all()
        assert session.exec(select(Goal.valid_from, Goal.target_minor).where(Goal.id == goal.id)).one() == (
            "2026-06", 11_000_000)


def test_goal_history_is_newest_first(session: Session) -> None:
    set_goal(session=session, target="80000", valid_from="2026-01")
    set_goal(session=session, target="120000", valid_from="2026-07")
    set_goal(session=session, target="50000", valid_from="2025-06")
    assert [g.valid_from for g in goal_history(session)] == ["2026-07", "2026-01", "2025-06"]


def test_delete_goal_brings_back_the_one_before(session: Session) -> None:
    set_goal(session=session, target="80000", valid_from="2026-01")
    later = set_goal(session=session, target="120000", valid_from="2026-07")
    delete_goal(session=session, goal_id=later.id)
    assert count(session, Goal) == 1
    assert goal_for_month(session, "2026-12") == 8_000_000
