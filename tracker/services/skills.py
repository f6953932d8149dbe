"""Skills, learning sessions and mentor reviews (S2, S9, S12)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from sqlmodel import Session, SQLModel, col, func, select

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Gig, LearningSession, MentorReview, Skill, SkillStage, Verdict
from tracker.services.common import (
    choice,
    existing,
    non_negative_int,
    optional_text,
    parse_day,
    remove,
    replace_fields,
    required_text,
    store,
    writing,
)

MAX_MINUTES_A_DAY = 24 * 60


class SkillInput(SQLModel):
    """What a person says about a skill."""

    name: str
    category: str
    stage: str = SkillStage.LEARNING.value
    note: str = ""


class LearningInput(SQLModel):
    """Minutes spent learning a skill on a day."""

    skill_id: int | None
    learned_on: date | str
    minutes: int | str
    note: str = ""


class ReviewInput(SQLModel):
    """A mentor's verdict on a skill."""

    skill_id: int | None
    reviewed_on: date | str
    reviewer: str
    verdict: str
    notes: str = ""


def create_skill(*, session: Session, data: SkillInput) -> Skill:
    """Check and store a skill; return it."""
    return store(session, Skill(**skill_values(session, data, skill_id=None)))


def update_skill(*, session: Session, skill_id: int, data: SkillInput) -> Skill:
    """Replace a skill's fields; return it."""
    skill = existing(session, Skill, skill_id, field="skill")
    return replace_fields(session, skill, skill_values(session, data, skill_id=skill_id))


def delete_skill(*, session: Session, skill_id: int,
                 history: Literal["refuse", "delete"] = "refuse") -> None:
    """Delete a skill no gig uses; its learning and reviews go too only if asked."""
    skill = existing(session, Skill, skill_id, field="skill")
    gigs = session.exec(select(func.count()).where(Gig.skill_id == skill_id)).one()
    if gigs:
        raise InvalidInput("{count} gig uses the skill “{name}”. Change its skill first.",
                           plural="{count} gigs use the skill “{name}”. Change their skill first.",
                           field="skill", count=gigs, name=skill.name)
    sessions = list(session.exec(select(LearningSession).where(LearningSession.skill_id == skill_id)))
    reviews = list(session.exec(select(MentorReview).where(MentorReview.skill_id == skill_id)))
    if (sessions or reviews) and history == "refuse":
        raise InvalidInput("“{name}” has {sessions} learning sessions and {reviews} mentor reviews. "
                           "Confirm that they should be deleted too.", field="skill",
                           name=skill.name, sessions=len(sessions), reviews=len(reviews))
    with writing(session):
        for row in [*sessions, *reviews]:
            session.delete(row)
        session.flush()
        session.delete(skill)


def skill_values(session: Session, data: SkillInput, *, skill_id: int | None) -> dict[str, Any]:
    """Return checked column values; refuse a name another skill already has."""
    name = required_text(data.name, field="skill name", max_length=Skill.name)
    same = select(Skill.id).where(func.lower(Skill.name) == name.lower())
    if skill_id is not None:
        same = same.where(col(Skill.id) != skill_id)
    if session.exec(same).first() is not None:
        raise InvalidInput("You have a skill called “{name}” already.", field="skill name",
                           name=name)
    return {"name": name,
            "category": required_text(data.category, field="category", max_length=Skill.category),
            "stage": choice(data.stage, SkillStage, field="stage"),
            "note": optional_text(data.note, field="note", max_length=Skill.note)}


def log_learning(*, session: Session, data: LearningInput) -> LearningSession:
    """Store minutes of learning for a skill on a day; return the session."""
    return store(session, LearningSession(**learning_values(session, data)))


def update_learning(*, session: Session, session_id: int, data: LearningInput) -> LearningSession:
    """Replace a learning session's fields; return it."""
    row = existing(session, LearningSession, session_id, field="learning session")
    return replace_fields(session, row, learning_values(session, data))


def delete_learning(*, session: Session, session_id: int) -> None:
    """Delete one learning session."""
    row = existing(session, LearningSession, session_id, field="learning session")
    remove(session, row)


def learning_values(session: Session, data: LearningInput) -> dict[str, Any]:
    """Return checked values for a learning session."""
    minutes = non_negative_int(data.minutes, field="minutes")
    if not 0 < minutes <= MAX_MINUTES_A_DAY:
        raise InvalidInput("Minutes learned must be between 1 and {most}.", field="minutes",
                           most=MAX_MINUTES_A_DAY)
    return {"skill_id": existing(session, Skill, data.skill_id, field="skill").id,
            "learned_on": parse_day(data.learned_on, field="date"), "minutes": minutes,
            "note": optional_text(data.note, field="note", max_length=LearningSession.note)}


def add_review(*, session: Session, data: ReviewInput) -> MentorReview:
    """Store a mentor review; a 'ready' verdict moves a learning skill to mentor-approved."""
    row = MentorReview(**review_values(session, data))
    skill = existing(session, Skill, row.skill_id, field="skill")
    with writing(session):
        session.add(row)
        early = (SkillStage.LEARNING.value, SkillStage.PRACTISING.value)
        if row.verdict == Verdict.READY.value and skill.stage in early:
            skill.stage = SkillStage.MENTOR_APPROVED.value
            session.add(skill)
    session.refresh(row)
    return row


def update_review(*, session: Session, review_id: int, data: ReviewInput) -> MentorReview:
    """Replace a review's fields; return it."""
    row = existing(session, MentorReview, review_id, field="mentor review")
    return replace_fields(session, row, review_values(session, data))


def delete_review(*, session: Session, review_id: int) -> None:
    """Delete one mentor review."""
    row = existing(session, MentorReview, review_id, field="mentor review")
    remove(session, row)


def review_values(session: Session, data: ReviewInput) -> dict[str, Any]:
    """Return checked values for a mentor review."""
    return {"skill_id": existing(session, Skill, data.skill_id, field="skill").id,
            "reviewed_on": parse_day(data.reviewed_on, field="date"),
            "reviewer": required_text(data.reviewer, field="reviewer", max_length=MentorReview.reviewer),
            "verdict": choice(data.verdict, Verdict, field="verdict"),
            "notes": optional_text(data.notes, field="notes", max_length=MentorReview.notes)}
