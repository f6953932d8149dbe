"""What select boxes list: records newest first, limited, keeping the one being edited."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from tracker.reports import choices
from tracker.reports.choices import Choice, DayChoice, GigChoice
from tracker.services.clients import archive_client
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    add_review,
    create_skill,
    log_learning,
)


def test_gig_choices_newest_first_limited_keeping_the_current(session: Session, book: Any) -> None:
    listed = choices.gig_choices(session)
    assert [c.id for c in listed] == sorted(book.gigs.values(), reverse=True)
    assert listed[0] == GigChoice(book.gigs["declined"], "Casino", "bakery", "declined")
    no_client = next(c for c in listed if c.id == book.gigs["no_client"])
    assert (no_client.title, no_client.client, no_client.status) == ("Own", "", "delivered")
    first = book.gigs["active"]
    assert [c.id for c in choices.gig_choices(session, None, 2)] == [book.gigs["declined"],
                                                                            book.gigs["bakery_active"]]
    assert [c.id for c in choices.gig_choices(session, first, 2)][-1] == first


def test_skill_choices_newest_first_limited_keeping_the_current(session: Session) -> None:
    ids = [create_skill(session=session, data=SkillInput(name=n, category="editing")).id
           for n in ("Old", "Middle", "New")]
    assert choices.skill_choices(session) == [Choice(ids[2], "New"), Choice(ids[1], "Middle"),
                                               Choice(ids[0], "Old")]
    assert [c.id for c in choices.skill_choices(session, None, 2)] == [ids[2], ids[1]]
    assert [c.id for c in choices.skill_choices(session, ids[0], 2)] == [ids[2], ids[1], ids[0]]
    assert [c.id for c in choices.skill_choices(session, ids[1], 2)] == [ids[2], ids[1]]


def test_client_choices_hide_archived_unless_asked_or_current(session: Session, book: Any) -> None:
    archive_client(session=session, client_id=book.bakery)
    assert choices.client_choices(session) == [Choice(book.corner, "Corner"), Choice(book.acme, "Acme")]
    assert [c.id for c in choices.client_choices(session, None, True)] == [book.corner, book.bakery,
                                                                           book.acme]
    assert [c.id for c in choices.client_choices(session, book.bakery)] == [book.corner, book.acme,
                                                                            book.bakery]
    assert [c.id for c in choices.client_choices(session, book.acme, False, 1)] == [book.corner,
                                                                                    book.acme]


def test_skill_choices_are_labelled_by_name(session: Session) -> None:
    logo = create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    seo = create_skill(session=session, data=SkillInput(name="SEO", category="search engine optimisation"))
    assert [(c.id, c.label) for c in choices.skill_choices(session)] == [(seo.id, "SEO"),
                                                                        (logo.id, "Logo design")]


def test_learning_and_review_choices_newest_first(session: Session) -> None:
    first = create_skill(session=session, data=SkillInput(name="A", category="editing")).id
    second = create_skill(session=session, data=SkillInput(name="B", category="editing")).id
    one = log_learning(session=session, data=LearningInput(skill_id=first, learned_on="2026-08-01",
                                                           minutes=20))
    two = log_learning(session=session, data=LearningInput(skill_id=second, learned_on="2026-08-05",
                                                           minutes=40))
    assert choices.learning_choices(session) == [DayChoice(two.id, date(2026, 8, 5), "B", 40),
                                                 DayChoice(one.id, date(2026, 8, 1), "A", 20)]
    review = add_review(session=session, data=ReviewInput(skill_id=first, reviewed_on="2026-08-02",
                                                          reviewer="Karim", verdict="ready"))
    assert choices.review_choices(session) == [DayChoice(review.id, date(2026, 8, 2), "A", "Karim")]
