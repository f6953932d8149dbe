"""What the Skills page lists: skills with learning time and reviews, sessions, reviews, choices."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from sqlmodel import Session, col, func, select

from tracker.i18n import N_, translate
from tracker.ledger.models import DEFAULT_SKILL_CATEGORIES, LearningSession, MentorReview, Skill
from tracker.present import format_day, format_number
from tracker.reports.choices import Choice

CHOICE_LIMIT = 1000


def skill_categories(session: Session) -> list[str]:
    """Return the article's kinds of work (S12), then the person's own, without repeats."""
    own = session.exec(select(Skill.category).distinct().order_by(Skill.category)).all()
    return [*DEFAULT_SKILL_CATEGORIES, *[c for c in own if c not in DEFAULT_SKILL_CATEGORIES]]


def skills_overview(session: Session, language: str = "en") -> pd.DataFrame:
    """Return every skill with hours learned, last learning day, reviews and the latest verdict.

    Kind of work, stage and verdict are in the language (the stored English words when "en").
    """
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
    return pd.DataFrame.from_records(
        [{"id": s.id, "name": s.name, "category": translate(s.category, language),
          "stage": translate(s.stage, language), "hours_learned": hours_text(int(minutes or 0)),
          "last_learned": last, "mentor_reviews": int(reviews or 0),
          "latest_verdict": translate(verdict, language) if verdict else ""}
         for s, minutes, last, reviews, verdict in rows],
        columns=["id", "name", "category", "stage", "hours_learned", "last_learned",
                 "mentor_reviews", "latest_verdict"],
    )


def hours_text(minutes: int, places: int = 1) -> str:
    """Return minutes as hours, rounded half up ('90' → '1.5'; with places=2, '1.50')."""
    return str((Decimal(minutes) / 60).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def recent_learning(session: Session, limit: int = 20) -> pd.DataFrame:
    """Return the newest learning sessions with their skill's name."""
    rows = session.exec(
        select(LearningSession, Skill.name).join(Skill, col(LearningSession.skill_id) == Skill.id)
        .order_by(col(LearningSession.learned_on).desc(), col(LearningSession.id).desc()).limit(limit)
    ).all()
    return pd.DataFrame.from_records(
        [{"id": r.id, "date": r.learned_on, "skill": name, "minutes": r.minutes, "note": r.note}
         for r, name in rows], columns=["id", "date", "skill", "minutes", "note"])


def recent_reviews(session: Session, limit: int = 20, language: str = "en") -> pd.DataFrame:
    """Return the newest mentor reviews with their skill's name, the verdict in the language."""
    rows = session.exec(
        select(MentorReview, Skill.name).join(Skill, col(MentorReview.skill_id) == Skill.id)
        .order_by(col(MentorReview.reviewed_on).desc(), col(MentorReview.id).desc()).limit(limit)
    ).all()
    return pd.DataFrame.from_records(
        [{"id": r.id, "date": r.reviewed_on, "skill": name, "reviewer": r.reviewer,
          "verdict": translate(r.verdict, language), "notes": r.notes} for r, name in rows],
        columns=["id", "date", "skill", "reviewer", "verdict", "notes"])



def learning_choices(session: Session, language: str = "en", bengali_digits: bool = False) -> list[Choice]:
    """Return learning sessions to pick from, newest first, labelled by day, skill and minutes."""
    rows = session.exec(
        select(LearningSession.id, LearningSession.learned_on, Skill.name, LearningSession.minutes)
        .join(Skill, col(LearningSession.skill_id) == Skill.id)
        .order_by(col(LearningSession.learned_on).desc(), col(LearningSession.id).desc())
        .limit(CHOICE_LIMIT)).all()
    spent = translate(N_("{minutes} min"), language)
    return [Choice(id=i, label=f"{format_day(day, language, bengali_digits=bengali_digits)} · {name} · "
                   + spent.format(minutes=format_number(minutes, bengali_digits=bengali_digits)))
            for i, day, name, minutes in rows]


def review_choices(session: Session, language: str = "en", bengali_digits: bool = False) -> list[Choice]:
    """Return mentor reviews to pick from, newest first, labelled by day, skill and reviewer."""
    rows = session.exec(
        select(MentorReview.id, MentorReview.reviewed_on, Skill.name, MentorReview.reviewer)
        .join(Skill, col(MentorReview.skill_id) == Skill.id)
        .order_by(col(MentorReview.reviewed_on).desc(), col(MentorReview.id).desc())
        .limit(CHOICE_LIMIT)).all()
    return [Choice(id=i, label=f"{format_day(day, language, bengali_digits=bengali_digits)} · {name} · {who}")
            for i, day, name, who in rows]


def skill(session: Session, skill_id: int) -> Skill | None:
    """Return one skill (for pre-filling its edit form)."""
    return session.get(Skill, skill_id)


def learning(session: Session, session_id: int) -> LearningSession | None:
    """Return one learning session (for pre-filling its edit form)."""
    return session.get(LearningSession, session_id)


def review(session: Session, review_id: int) -> MentorReview | None:
    """Return one mentor review (for pre-filling its edit form)."""
    return session.get(MentorReview, review_id)
