"""Skills page readers: hours learned, last day, reviews and latest verdict, choices newest first."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from tracker.ledger.models import DEFAULT_SKILL_CATEGORIES
from tracker.reports import choices, learning
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    add_review,
    create_skill,
    log_learning,
)


def make_skill(session: Session, name: str, category: str = "web design") -> int:
    """Store a skill and return its id."""
    return create_skill(session=session, data=SkillInput(name=name, category=category)).id


@pytest.mark.parametrize(("minutes", "text"), [(0, "0.0"), (90, "1.5"), (3, "0.1"), (2, "0.0"),
                                               (125, "2.1"), (600, "10.0")])
def test_hours_text_rounds_to_a_tenth_half_up(minutes: int, text: str) -> None:
    assert learning.hours_text(minutes) == text


def test_overview_sums_learning_and_shows_the_latest_verdict(session: Session) -> None:
    logo = make_skill(session, "Logo design", "graphic design")
    make_skill(session, "SEO", "search engine optimisation")
    for day, minutes in [("2026-08-01", 45), ("2026-08-03", 45), ("2026-07-30", 30)]:
        log_learning(session=session, data=LearningInput(skill_id=logo, learned_on=day, minutes=minutes))
    add_review(session=session, data=ReviewInput(skill_id=logo, reviewed_on="2026-08-02",
                                                 reviewer="Karim", verdict="not yet"))
    add_review(session=session, data=ReviewInput(skill_id=logo, reviewed_on="2026-08-10",
                                                 reviewer="Karim", verdict="ready"))
    frame = learning.skills_overview(session).set_index("name")
    assert frame.loc["Logo design", "hours_learned"] == "2.0"
    assert str(frame.loc["Logo design", "last_learned"]) == "2026-08-03"
    assert frame.loc["Logo design", "mentor_reviews"] == 2
    assert frame.loc["Logo design", "latest_verdict"] == "ready"
    assert frame.loc["Logo design", "stage"] == "mentor-approved"
    assert frame.loc["SEO", "hours_learned"] == "0.0"
    assert frame.loc["SEO", "latest_verdict"] == ""


def test_categories_are_the_articles_then_the_persons_own(session: Session) -> None:
    make_skill(session, "Bookkeeping", "accounting")
    make_skill(session, "HTML", "web design")
    categories = learning.skill_categories(session)
    assert categories[: len(DEFAULT_SKILL_CATEGORIES)] == list(DEFAULT_SKILL_CATEGORIES)
    assert categories[len(DEFAULT_SKILL_CATEGORIES):] == ["accounting"]


def test_choices_are_newest_first(session: Session) -> None:
    first, second = make_skill(session, "A"), make_skill(session, "B")
    assert [c.id for c in choices.skill_choices(session)] == [second, first]
    log_learning(session=session, data=LearningInput(skill_id=first, learned_on="2026-08-01", minutes=20))
    log_learning(session=session, data=LearningInput(skill_id=second, learned_on="2026-08-05", minutes=40))
    labels = [c.label for c in learning.learning_choices(session)]
    assert labels == ["2026-08-05 · B · 40 min", "2026-08-01 · A · 20 min"]
    assert list(learning.recent_learning(session)["minutes"]) == [40, 20]
