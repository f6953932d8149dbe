"""The situation checks that decide where a piece of guidance is shown (tracker/advice.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session

from tracker.guidance import advice, notes
from tracker.ledger.errors import InvalidInput
from tracker.ledger.months import add_months
from tracker.reports.forecast import Outlook
from tracker.services.checklist import set_checklist_item
from tracker.services.clients import ClientInput, create_client
from tracker.services.common import month_of
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.goals import set_goal
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import delete_setting, get_setting, set_setting
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    add_review,
    create_skill,
    log_learning,
    update_skill,
)

TODAY = date(2026, 11, 21)


def skill(session: Session, stage: str = "learning", name: str = "Logo design") -> int:
    """Store a skill at a stage; return its id."""
    return create_skill(session=session, data=SkillInput(name=name, category="graphic design",
                                                         stage=stage)).id


def review(session: Session, skill_id: int, verdict: str) -> None:
    """Store a mentor's verdict on a skill."""
    add_review(session=session, data=ReviewInput(skill_id=skill_id, reviewed_on="2026-08-02",
                                                 reviewer="Karim", verdict=verdict))


def pay(session: Session, day: date | str, taka: str = "10,000") -> None:
    """Store a cleared payment in taka."""
    create_payment(session=session, data=PaymentInput(paid_on=day, gross=taka, currency="BDT"))


def learn(session: Session, day: date) -> None:
    """Store half an hour of learning on a day."""
    skill_id = skill(session, name=f"Skill {day}")
    log_learning(session=session, data=LearningInput(skill_id=skill_id, learned_on=day, minutes=30))


def test_a_new_database_is_empty_and_needs_the_welcome(session: Session) -> None:
    assert advice.database_is_empty(session)
    assert advice.needs_onboarding(session)


@pytest.mark.parametrize("what", ["goal", "setting", "checklist", "expense"])
def test_goals_settings_checklist_and_expenses_leave_it_empty(session: Session, what: str) -> None:
    {"goal": lambda: set_goal(session=session, target="50,000", valid_from="2026-01"),
     "setting": lambda: set_setting(session=session, key="language", value="bn"),
     "checklist": lambda: set_checklist_item(session=session, key="phone", done=True),
     "expense": lambda: create_expense(session=session, data=ExpenseInput(spent_on="2026-08-01",
                                                                           amount="500"))}[what]()
    assert advice.database_is_empty(session)


@pytest.mark.parametrize("what", ["payment", "skill", "client"])
def test_a_payment_skill_or_client_ends_the_first_start(session: Session, what: str) -> None:
    {"payment": lambda: pay(session, "2026-08-01"), "skill": lambda: skill(session),
     "client": lambda: create_client(session=session, data=ClientInput(name="Acme"))}[what]()
    assert not advice.database_is_empty(session)
    assert not advice.needs_onboarding(session)


@pytest.mark.parametrize("how", ["done", "skipped", "demo"])
def test_a_finished_or_skipped_welcome_does_not_come_back(session: Session, how: str) -> None:
    set_setting(session=session, key="onboarded", value=how)
    assert advice.database_is_empty(session)
    assert not advice.needs_onboarding(session)


def test_the_onboarded_setting_takes_only_its_words_and_can_be_cleared(session: Session) -> None:
    with pytest.raises(InvalidInput, match="done, skipped or demo"):
        set_setting(session=session, key="onboarded", value="maybe")
    set_setting(session=session, key="onboarded", value="done")
    delete_setting(session=session, key="onboarded")
    assert get_setting(session, "onboarded") == ""
    assert advice.needs_onboarding(session), "Settings can bring the welcome back"


def test_skill_approval(session: Session) -> None:
    fresh, not_yet, ready = skill(session, name="A"), skill(session, name="B"), skill(session, name="C")
    review(session, not_yet, "not yet")
    review(session, ready, "ready")
    update_skill(session=session, skill_id=ready, data=SkillInput(name="C", category="x", stage="learning"))
    assert advice.skill_unapproved(session, fresh)
    assert advice.skill_unapproved(session, not_yet)
    assert not advice.skill_unapproved(session, ready), "a mentor said ready, whatever the stage says"
    assert not advice.skill_unapproved(session, skill(session, "mentor-approved", "D"))
    assert not advice.skill_unapproved(session, skill(session, "earning", "E"))
    assert advice.skill_unapproved(session, skill(session, "practising", "F"))
    assert not advice.skill_unapproved(session, None)
    assert not advice.skill_unapproved(session, 999)


@pytest.mark.parametrize(("platform", "expected"), [("own website", True), ("Upwork", False),
                                                    ("direct", False), (None, False)])
def test_own_website(platform: str | None, expected: bool) -> None:
    assert advice.own_website(platform) is expected


@pytest.mark.parametrize(("status", "expected"), [("declined", True), ("lost", False),
                                                  ("cancelled", False), ("lead", False), (None, False)])
def test_declining(status: str | None, expected: bool) -> None:
    assert advice.declining(status) is expected
    assert advice.declining(status, "proposal sent") is expected


def test_a_gig_declined_already_is_not_being_declined() -> None:
    assert not advice.declining("declined", "declined")


def test_gig_tips(session: Session) -> None:
    unapproved, approved = skill(session, name="A"), skill(session, "earning", "B")
    assert advice.gig_tips(session, unapproved) == (notes.UNAPPROVED_SKILL,)
    assert advice.gig_tips(session, approved, "own website") == (notes.OWN_WEBSITE,)
    assert advice.gig_tips(session, unapproved, "own website") == (notes.UNAPPROVED_SKILL,
                                                                   notes.OWN_WEBSITE)
    assert advice.gig_tips(session, None, "Upwork") == ()


def client(session: Session, **fields: object) -> int:
    """Store a client; return its id."""
    return create_client(session=session, data=ClientInput(name=f"C{fields}", **fields)).id


def test_a_verified_client_with_nothing_late_is_fine(session: Session) -> None:
    risk = advice.client_risk(session, client(session, payment_verified=True), TODAY)
    assert not risk.applies and risk.reasons == []


def test_client_warning_signs(session: Session) -> None:
    unverified = advice.client_risk(session, client(session), TODAY)
    assert unverified.applies and unverified.reasons == ["Their payment method is not verified."]
    upfront = advice.client_risk(session, client(session, payment_verified=True, asks_upfront=True), TODAY)
    assert upfront.reasons == ["They asked you for money before giving you work."]


@pytest.mark.parametrize(("days_ago", "overdue"), [(15, True), (14, False), (3, False)])
def test_unpaid_delivered_work_is_overdue_after_fourteen_days(session: Session, days_ago: int,
                                                              overdue: bool) -> None:
    client_id = client(session, payment_verified=True)
    create_gig(session=session, data=GigInput(title="Banner", client_id=client_id, status="delivered",
                                              price="80", delivered_on=TODAY - timedelta(days=days_ago)))
    risk = advice.client_risk(session, client_id, TODAY)
    assert risk.overdue is overdue and risk.applies is overdue
    if overdue:
        assert risk.reasons == ["Delivered work from them is unpaid for more than {days} days."]


def test_no_client_no_warning(session: Session) -> None:
    assert not advice.client_risk(session, None, TODAY).applies
    assert not advice.client_risk(session, 999, TODAY).applies


def month_day(months_back: int, day: int = 10) -> str:
    """Return a day of a month counted back from TODAY's month."""
    return f"{add_months(month_of(TODAY), -months_back)}-{day:02d}"


def test_momentum_two_months_in_a_row(session: Session) -> None:
    pay(session, month_day(2))
    pay(session, month_day(1))
    seen = advice.momentum(session, TODAY)
    assert (seen.income_streak, seen.this_month_minor, seen.last_month_minor) == (2, 0, 10_000_00)
    assert seen.applies and not seen.beat_last_month


def test_momentum_a_month_that_beats_the_last(session: Session) -> None:
    pay(session, month_day(1), "5,000")
    pay(session, month_day(0, 3), "6,000")
    assert advice.momentum(session, TODAY).beat_last_month
    assert advice.momentum(session, TODAY).applies


@pytest.mark.parametrize(("payments", "expected"), [
    ([], False),
    ([(1, "5,000")], False),  # last month only: a streak of one, this month not better
    ([(3, "5,000"), (1, "5,000")], False),  # a hole in between
    ([(1, "6,000"), (0, "5,000")], True),  # a streak of two
])
def test_momentum_needs_a_streak_or_a_better_month(session: Session, payments: list[tuple[int, str]],
                                                    expected: bool) -> None:
    for months_back, taka in payments:
        pay(session, month_day(months_back, 3), taka)
    assert advice.momentum(session, TODAY).applies is expected


def test_days_since_activity(session: Session) -> None:
    assert advice.days_since_activity(session, TODAY) is None
    learn(session, TODAY - timedelta(days=30))
    assert advice.days_since_activity(session, TODAY) == 30
    pay(session, TODAY - timedelta(days=13))
    assert advice.days_since_activity(session, TODAY) == 13
    learn(session, TODAY + timedelta(days=2))  # a slip of the date picker does not hide a gap
    assert advice.days_since_activity(session, TODAY) == 13


@pytest.mark.parametrize(("days", "gap"), [(None, False), (0, False), (13, False), (14, True), (90, True)])
def test_a_long_gap_is_fourteen_days_or_more(days: int | None, gap: bool) -> None:
    assert advice.long_gap(days) is gap


@pytest.mark.parametrize(("outlook", "tips"), [
    (Outlook.NEED_MORE_DATA, (notes.TAKES_TIME,)),
    (Outlook.NOT_AT_THIS_PACE, (notes.GOAL_IS_REAL, notes.TAKES_TIME)),
    (Outlook.ON_TRACK, (notes.GOAL_IS_REAL, notes.TAKES_TIME)),
    (Outlook.REACHED, (notes.GOAL_IS_REAL, notes.TAKES_TIME)),
])
def test_forecast_realism(outlook: Outlook, tips: tuple) -> None:
    assert advice.forecast_tips(outlook) == tips
