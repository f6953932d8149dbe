"""Tests for tracker.services.skills: skills, learning time, mentor reviews and safe deletes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, select

from tests.databases import count
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import LearningSession, MentorReview, Skill
from tracker.services.gigs import GigInput, create_gig
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    add_review,
    create_skill,
    delete_learning,
    delete_review,
    delete_skill,
    log_learning,
    update_learning,
    update_review,
    update_skill,
)


def reread(session: Session, model: type[Any], row_id: int) -> Any:
    """Return a row as the database holds it."""
    session.expire_all()
    return session.exec(select(model).where(model.id == row_id)).one()


def web(session: Session, **changes: Any) -> Skill:
    """Store the skill 'Web design' (with changes) and return it."""
    return create_skill(session=session, data=SkillInput(**{"name": "Web design", "category": "web design",
                                                             **changes}))


def lesson(skill_id: int | None, /, **changes: Any) -> LearningInput:
    """Return 45 minutes of learning on 2026-08-03, with changes."""
    return LearningInput(**{"skill_id": skill_id, "learned_on": "2026-08-03", "minutes": 45, **changes})


def review(skill_id: int | None, /, **changes: Any) -> ReviewInput:
    """Return a 'not yet' review by Nadia on 2026-08-10, with changes."""
    return ReviewInput(**{"skill_id": skill_id, "reviewed_on": "2026-08-10", "reviewer": "Nadia",
                          "verdict": "not yet", **changes})


def test_skill_is_stored_exactly(session: Session) -> None:
    s = create_skill(session=session, data=SkillInput(name=" Web design ", category="web design",
                                                      stage="Practising", note=" HTML first "))
    stored = reread(session, Skill, s.id)
    assert (stored.name, stored.category, stored.stage, stored.note) == (
        "Web design", "web design", "practising", "HTML first")
    assert web(session, name="SEO").stage == "learning"


BAD_SKILLS: list[tuple[str, dict[str, Any]]] = [
    ("missing name", {"name": ""}),
    ("name too long", {"name": "n" * 121}),
    ("duplicate name", {"name": "web design"}),
    ("duplicate name, other case", {"name": " WEB DESIGN "}),
    ("missing category", {"category": "  "}),
    ("category too long", {"category": "c" * 81}),
    ("unknown stage", {"stage": "expert"}),
    ("note too long", {"note": "x" * 2001}),
]


@pytest.mark.parametrize("changes", [c for _, c in BAD_SKILLS], ids=[n for n, _ in BAD_SKILLS])
def test_bad_skill_is_refused_and_writes_nothing(session: Session, changes: dict[str, Any]) -> None:
    web(session)
    with pytest.raises(InvalidInput):
        create_skill(session=session, data=SkillInput(**{"name": "SEO", "category": "seo", **changes}))
    assert count(session, Skill) == 1


def test_update_skill_replaces_fields(session: Session) -> None:
    s = web(session, note="old")
    update_skill(session=session, skill_id=s.id,
                 data=SkillInput(name="WEB DESIGN", category="web", stage="earning"))
    stored = reread(session, Skill, s.id)
    assert (stored.name, stored.category, stored.stage, stored.note) == ("WEB DESIGN", "web", "earning", "")


@pytest.mark.parametrize("changes", [{"name": ""}, {"name": "seo"}, {"stage": "guru"}])
def test_bad_skill_update_leaves_it_unchanged(session: Session, changes: dict[str, Any]) -> None:
    web(session, name="SEO")
    s = web(session)
    before = reread(session, Skill, s.id).model_dump()
    with pytest.raises(InvalidInput):
        update_skill(session=session, skill_id=s.id,
                     data=SkillInput(**{"name": "Web design", "category": "web design", **changes}))
    assert reread(session, Skill, s.id).model_dump() == before


@pytest.mark.parametrize(("minutes", "stored"), [(45, 45), ("90", 90), ("৯০", 90), (1, 1), (1440, 1440)])
def test_learning_is_stored_exactly(session: Session, minutes: Any, stored: int) -> None:
    s = web(session)
    row = log_learning(session=session, data=lesson(s.id, minutes=minutes, learned_on="২০২৬-০৮-০৩"))
    again = reread(session, LearningSession, row.id)
    assert (again.skill_id, again.learned_on, again.minutes) == (s.id, date(2026, 8, 3), stored)


BAD_LEARNING: list[tuple[str, dict[str, Any]]] = [
    ("zero minutes", {"minutes": 0}),
    ("zero minutes as text", {"minutes": "0"}),
    ("more than a day", {"minutes": 1441}),
    ("negative minutes", {"minutes": "-5"}),
    ("minutes not a number", {"minutes": "an hour"}),
    ("fractional minutes", {"minutes": "1.5"}),
    ("empty minutes", {"minutes": ""}),
    ("impossible date", {"learned_on": "2026-02-30"}),
    ("missing date", {"learned_on": ""}),
    ("no skill", {"skill_id": None}),
    ("unknown skill", {"skill_id": 999}),
    ("note too long", {"note": "x" * 2001}),
]


@pytest.mark.parametrize("changes", [c for _, c in BAD_LEARNING], ids=[n for n, _ in BAD_LEARNING])
def test_bad_learning_is_refused_and_writes_nothing(session: Session, changes: dict[str, Any]) -> None:
    s = web(session)
    log_learning(session=session, data=lesson(s.id))
    with pytest.raises(InvalidInput):
        log_learning(session=session, data=lesson(s.id, **changes))
    assert count(session, LearningSession) == 1


def test_update_learning_and_bad_update(session: Session) -> None:
    s = web(session)
    row = log_learning(session=session, data=lesson(s.id))
    update_learning(session=session, session_id=row.id,
                    data=lesson(s.id, minutes=120, learned_on="2026-08-04"))
    stored = reread(session, LearningSession, row.id)
    assert (stored.minutes, stored.learned_on) == (120, date(2026, 8, 4))
    before = stored.model_dump()
    with pytest.raises(InvalidInput):
        update_learning(session=session, session_id=row.id, data=lesson(s.id, minutes=2000))
    assert reread(session, LearningSession, row.id).model_dump() == before


@pytest.mark.parametrize(("stage", "verdict", "after"), [
    ("learning", "ready", "mentor-approved"),
    ("practising", "ready", "mentor-approved"),
    ("practising", "Ready", "mentor-approved"),
    ("learning", "not yet", "learning"),
    ("practising", "Not Yet", "practising"),
    ("earning", "ready", "earning"),
    ("mentor-approved", "not yet", "mentor-approved"),
])
def test_review_verdict_moves_stage(session: Session, stage: str, verdict: str, after: str) -> None:
    s = web(session, stage=stage)
    row = add_review(session=session, data=review(s.id, verdict=verdict, notes=" good layout "))
    stored = reread(session, MentorReview, row.id)
    assert (stored.skill_id, stored.reviewed_on, stored.reviewer) == (s.id, date(2026, 8, 10), "Nadia")
    assert (stored.verdict, stored.notes) == (verdict.lower(), "good layout")
    assert reread(session, Skill, s.id).stage == after


BAD_REVIEWS: list[tuple[str, dict[str, Any]]] = [
    ("unknown verdict", {"verdict": "maybe"}),
    ("missing reviewer", {"reviewer": " "}),
    ("reviewer too long", {"reviewer": "r" * 121}),
    ("impossible date", {"reviewed_on": "2026-02-30"}),
    ("unknown skill", {"skill_id": 999}),
    ("notes too long", {"notes": "x" * 4001, "verdict": "ready"}),
]


@pytest.mark.parametrize("changes", [c for _, c in BAD_REVIEWS], ids=[n for n, _ in BAD_REVIEWS])
def test_bad_review_is_refused_and_writes_nothing(session: Session, changes: dict[str, Any]) -> None:
    """The skill's stage does not move either."""
    s = web(session)
    with pytest.raises(InvalidInput):
        add_review(session=session, data=review(s.id, **changes))
    assert count(session, MentorReview) == 0
    assert reread(session, Skill, s.id).stage == "learning"


def test_update_review_and_bad_update(session: Session) -> None:
    s = web(session)
    row = add_review(session=session, data=review(s.id))
    update_review(session=session, review_id=row.id, data=review(s.id, reviewer="Karim", notes="ok"))
    stored = reread(session, MentorReview, row.id)
    assert (stored.reviewer, stored.notes) == ("Karim", "ok")
    before = stored.model_dump()
    with pytest.raises(InvalidInput):
        update_review(session=session, review_id=row.id, data=review(s.id, verdict="soon"))
    assert reread(session, MentorReview, row.id).model_dump() == before


def test_delete_skill_refused_while_a_gig_uses_it(session: Session) -> None:
    s = web(session)
    create_gig(session=session, data=GigInput(title="Landing page", skill_id=s.id))
    for history in ("refuse", "delete"):
        with pytest.raises(InvalidInput, match="^1 gig uses the skill “Web design”. Change its skill first"):
            delete_skill(session=session, skill_id=s.id, history=history)  # type: ignore[arg-type]
    assert count(session, Skill) == 1
    create_gig(session=session, data=GigInput(title="Shop", skill_id=s.id))
    with pytest.raises(InvalidInput, match="^2 gigs use the skill .* Change their skill first.$"):
        delete_skill(session=session, skill_id=s.id)


def test_delete_skill_with_history_needs_confirmation(session: Session) -> None:
    s = web(session)
    log_learning(session=session, data=lesson(s.id))
    add_review(session=session, data=review(s.id))
    with pytest.raises(InvalidInput):
        delete_skill(session=session, skill_id=s.id)
    assert (count(session, Skill), count(session, LearningSession), count(session, MentorReview)) == (1, 1, 1)


def test_delete_skill_with_history_delete_removes_only_its_history(session: Session) -> None:
    s = web(session)
    other = web(session, name="SEO")
    log_learning(session=session, data=lesson(s.id))
    log_learning(session=session, data=lesson(s.id, minutes=30))
    add_review(session=session, data=review(s.id))
    kept_lesson = log_learning(session=session, data=lesson(other.id))
    kept_review = add_review(session=session, data=review(other.id))
    delete_skill(session=session, skill_id=s.id, history="delete")
    session.expire_all()
    assert session.exec(select(Skill.id)).all() == [other.id]
    assert session.exec(select(LearningSession.id)).all() == [kept_lesson.id]
    assert session.exec(select(MentorReview.id)).all() == [kept_review.id]


def test_delete_skill_without_history(session: Session) -> None:
    s = web(session)
    delete_skill(session=session, skill_id=s.id)
    assert count(session, Skill) == 0


def test_delete_learning(session: Session) -> None:
    s = web(session)
    keep = log_learning(session=session, data=lesson(s.id))
    row = log_learning(session=session, data=lesson(s.id, minutes=30))
    delete_learning(session=session, session_id=row.id)
    session.expire_all()
    assert session.exec(select(LearningSession.id)).all() == [keep.id]
    assert count(session, Skill) == 1


def test_delete_review(session: Session) -> None:
    s = web(session)
    keep = add_review(session=session, data=review(s.id))
    rev = add_review(session=session, data=review(s.id, reviewer="Karim"))
    delete_review(session=session, review_id=rev.id)
    session.expire_all()
    assert session.exec(select(MentorReview.id)).all() == [keep.id]
    assert count(session, Skill) == 1


def test_unknown_ids_are_refused(session: Session) -> None:
    for call in (lambda: delete_skill(session=session, skill_id=999),
                 lambda: delete_learning(session=session, session_id=999),
                 lambda: delete_review(session=session, review_id=999),
                 lambda: update_skill(session=session, skill_id=999,
                                      data=SkillInput(name="a", category="b"))):
        with pytest.raises(InvalidInput):
            call()
