"""Skills and learning page: add, change and delete skills, learning time and mentor reviews."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import assert_clean, count, press, rows
from tracker.ledger.models import ChecklistItem, LearningSession, MentorReview, Skill

Open = Callable[[str], AppTest]


def add_skill(at: AppTest, name: str, own: str = "") -> AppTest:
    """Type a skill into the add form and save it."""
    at.text_input(key="skill_name").input(name)
    at.text_input(key="skill_own").input(own)
    return press(at, "Add skill")


def test_add_a_skill_with_the_persons_own_kind_of_work(open_page: Open) -> None:
    at = add_skill(open_page("skills"), "Bookkeeping", own="accounting")
    assert_clean(at)
    [skill] = rows(Skill)
    assert (skill.name, skill.category, skill.stage) == ("Bookkeeping", "accounting", "learning")
    assert at.success[0].value == "Added Bookkeeping."


def test_empty_and_duplicate_names_are_refused(open_page: Open, filled: Session) -> None:
    at = add_skill(open_page("skills"), "  ")
    assert "Please give the skill name." in at.error[0].value
    at = add_skill(open_page("skills"), "logo design")
    assert "already" in at.error[0].value
    assert count(Skill) == 1


def test_change_a_skills_stage(open_page: Open, filled: Session) -> None:
    at = open_page("skills")
    skill_id = rows(Skill)[0].id
    at.selectbox(key=f"skill_edit_{skill_id}_0_stage").set_value("earning")
    at.button(key=f"skill_edit_{skill_id}_0_save").click().run()
    assert_clean(at)
    assert rows(Skill)[0].stage == "earning"


def test_delete_a_skill_with_its_history_once_confirmed(open_page: Open, session: Session) -> None:
    at = add_skill(open_page("skills"), "HTML")
    skill_id = rows(Skill)[0].id
    at = open_page("skills")
    at.number_input(key="learning_minutes").set_value(30)
    at = press(at, "Save learning time")
    assert count(LearningSession) == 1
    assert at.button(key="skill_remove_delete").disabled
    at.checkbox(key="skill_remove_sure").check().run()
    at.button(key="skill_remove_delete").click().run()
    assert_clean(at)
    assert (count(Skill), count(LearningSession)) == (0, 0), skill_id


def test_log_learning_time_and_refuse_zero_minutes(open_page: Open, filled: Session) -> None:
    at = open_page("skills")
    at.date_input(key="learning_day").set_value(date(2026, 8, 9))
    at.number_input(key="learning_minutes").set_value(45)
    at = press(at, "Save learning time")
    assert_clean(at)
    assert "Saved 45 minutes." in at.success[0].value
    assert sorted(r.minutes for r in rows(LearningSession)) == [45, 90]
    at.number_input(key="learning_minutes").set_value(0)
    at = press(at, "Save learning time")
    assert "between 1 and 1440" in at.error[0].value
    assert count(LearningSession) == 2


def test_change_and_delete_learning_time(open_page: Open, filled: Session) -> None:
    at = open_page("skills")
    session_id = rows(LearningSession)[0].id
    at.number_input(key=f"learning_edit_{session_id}_0_minutes").set_value(120)
    at.button(key=f"learning_edit_{session_id}_0_save").click().run()
    assert [r.minutes for r in rows(LearningSession)] == [120]
    at.checkbox(key="learning_remove_sure").check().run()
    at.button(key="learning_remove_delete").click().run()
    assert count(LearningSession) == 0
    assert [i.value for i in at.info] == ["Deleted."]


def test_a_ready_review_approves_the_skill_and_can_be_changed(open_page: Open, session: Session) -> None:
    add_skill(open_page("skills"), "SEO")
    at = open_page("skills")
    at.text_input(key="review_reviewer").input("Nasrin")
    at.radio(key="review_verdict").set_value("ready")
    at = press(at, "Save review")
    assert_clean(at)
    assert rows(Skill)[0].stage == "mentor-approved"
    review_id = rows(MentorReview)[0].id
    at.radio(key=f"review_edit_{review_id}_0_verdict").set_value("not yet")
    at.text_input(key=f"review_edit_{review_id}_0_reviewer").input("Nasrin Akter")
    at.button(key=f"review_edit_{review_id}_0_save").click().run()
    [review] = rows(MentorReview)
    assert (review.verdict, review.reviewer) == ("not yet", "Nasrin Akter")


def test_a_review_needs_a_mentor_name(open_page: Open, filled: Session) -> None:
    at = press(open_page("skills"), "Save review")
    assert "Please give the reviewer." in at.error[0].value
    assert count(MentorReview) == 1


def test_readiness_checklist_on_the_skills_page(open_page: Open) -> None:
    at = open_page("skills")
    at.checkbox(key="check_phone").check().run()
    assert_clean(at)
    assert [(i.key, i.done) for i in rows(ChecklistItem)] == [("phone", True)]
