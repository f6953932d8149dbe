"""The demo profile: loads in one transaction, refuses a second load, removes only itself."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from click.testing import CliRunner
from sqlmodel import Session, select

from tracker.cli.main import main
from tracker.demo.profile import day, demo_counts, has_demo, load_demo, remove_demo
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import (
    Client,
    Expense,
    Gig,
    LearningSession,
    MentorReview,
    Payment,
    tables_in_order,
)
from tracker.ledger.months import add_months
from tracker.reports.owed import money_owed
from tracker.services.checklist import set_checklist_item
from tracker.services.clients import ClientInput, create_client
from tracker.services.common import month_of
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.goals import set_goal
from tracker.services.payments import PaymentInput, create_payment, update_payment
from tracker.services.payments import input_of as payment_input
from tracker.services.settings import set_setting
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    add_review,
    create_skill,
    log_learning,
)

TODAY = date(2026, 11, 21)
LOADED = {"skill": 2, "learning_session": 12, "mentor_review": 2, "client": 5, "gig": 11, "payment": 7,
          "expense": 6}
NOTHING = dict.fromkeys(LOADED, 0)


def everything(session: Session) -> dict[str, list[dict[str, Any]]]:
    """Return every row of every table, as stored, by table name."""
    session.expire_all()
    return {t.name: [dict(r._mapping) for r in session.execute(select(t)).all()] for t in tables_in_order()}


def real_records(session: Session) -> None:
    """Store one record of the person's own in every table."""
    skill = create_skill(session=session, data=SkillInput(name="WordPress", category="web design")).id
    log_learning(session=session, data=LearningInput(skill_id=skill, learned_on="2026-08-01", minutes=45))
    add_review(session=session, data=ReviewInput(skill_id=skill, reviewed_on="2026-08-02", reviewer="Rina",
                                                 verdict="not yet"))
    client = create_client(session=session, data=ClientInput(name="Acme Ltd", platform="Upwork")).id
    gig = create_gig(session=session, data=GigInput(title="Site", client_id=client, skill_id=skill,
                                                    price="300", status="paid")).id
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="300", platform_fee="10%",
                                                      rate="122.50", gig_id=gig))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-04", gross="1,000", currency="BDT",
                                                      source="demo"))  # an odd source, but not the demo's
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-04", amount="1,200",
                                                      category="internet"))
    set_goal(session=session, target="80,000", valid_from="2026-06")
    set_setting(session=session, key="language", value="bn")
    set_checklist_item(session=session, key="phone", done=True)


def test_load_stores_the_whole_journey(session: Session) -> None:
    assert load_demo(session, TODAY) == LOADED
    assert demo_counts(session) == LOADED and has_demo(session)
    assert all(name.endswith("(demo)") for name in session.exec(select(Client.name)).all())
    assert all(title.endswith("(demo)") for title in session.exec(select(Gig.title)).all())


@pytest.mark.parametrize("today", [TODAY, date(2027, 1, 1), date(2026, 3, 31), date(2028, 2, 29),
                                   date(2026, 12, 31)])
def test_the_journey_spans_six_months_up_to_today(session: Session, today: date) -> None:
    load_demo(session, today)
    days = [*session.exec(select(Payment.paid_on)), *session.exec(select(Expense.spent_on)),
            *session.exec(select(LearningSession.learned_on)),
            *session.exec(select(MentorReview.reviewed_on))]
    months = {month_of(d) for d in days}
    assert max(days) <= today
    assert min(months) == add_months(month_of(today), -5) and month_of(today) in months
    assert len(months) == 6


def test_the_story_a_newcomer_would_recognise(session: Session) -> None:
    load_demo(session, TODAY)
    verdicts = session.exec(select(MentorReview.verdict).order_by(MentorReview.reviewed_on)).all()
    assert verdicts == ["not yet", "ready"]
    first_lesson = session.exec(select(LearningSession).order_by(LearningSession.learned_on)).first()
    assert first_lesson is not None and "First lesson" in first_lesson.note
    dollars = session.exec(select(Payment).where(Payment.currency == "USD")).all()
    assert {p.platform for p in dollars} == {"Upwork", "Fiverr"}
    assert all(Decimal("120") <= Decimal(p.rate) <= Decimal("123") for p in dollars)
    assert all(p.platform_fee_minor > 0 and p.transfer_fee_minor > 0 for p in dollars)
    taka = session.exec(select(Payment).where(Payment.currency == "BDT")).all()
    assert taka and {p.platform for p in taka} == {"direct"}
    declined = session.exec(select(Gig).where(Gig.status == "declined")).all()
    assert [g.decline_reason for g in declined] == ["principles"], "a code, shown in words"
    owed = money_owed(session, TODAY)
    assert [o.title for o in owed] == ["Poster series (demo)"] and owed[0].days_overdue > 0
    first_gig = min(session.exec(select(Gig.started_on).where(Gig.started_on.is_not(None))).all())
    assert first_gig >= session.exec(
        select(MentorReview.reviewed_on).where(MentorReview.verdict == "ready")).one(), "after the yes"


def test_a_second_load_is_refused_and_changes_nothing(session: Session) -> None:
    load_demo(session, TODAY)
    before = everything(session)
    with pytest.raises(InvalidInput, match="loaded already"):
        load_demo(session, TODAY)
    assert everything(session) == before


def test_a_refused_load_writes_nothing(session: Session) -> None:
    """The second demo skill's name is taken: the first one, added before it, is rolled back too."""
    create_skill(session=session, data=SkillInput(name="Data entry (demo)", category="data entry"))
    before = everything(session)
    with pytest.raises(InvalidInput, match="already"):
        load_demo(session, TODAY)
    assert everything(session) == before
    assert demo_counts(session) == NOTHING


def test_the_demo_needs_taka_as_home_currency(session: Session) -> None:
    set_setting(session=session, key="home_currency", value="USD")
    with pytest.raises(InvalidInput, match="BDT"):
        load_demo(session, TODAY)
    assert demo_counts(session) == NOTHING


def test_remove_leaves_the_persons_own_records_exactly_as_they_were(session: Session) -> None:
    real_records(session)
    before = everything(session)
    load_demo(session, TODAY)
    assert remove_demo(session) == LOADED
    assert everything(session) == before
    assert not has_demo(session)
    assert load_demo(session, TODAY) == LOADED, "it can be loaded again after removal"


def test_an_edited_demo_payment_is_still_the_demos(session: Session) -> None:
    load_demo(session, TODAY)
    payment = session.exec(select(Payment)).first()
    assert payment is not None
    update_payment(session=session, payment_id=payment.id,
                   data=payment_input(payment).model_copy(update={"note": "changed"}))
    remove_demo(session)
    assert session.exec(select(Payment)).all() == []


def test_remove_refuses_while_own_records_point_at_demo_ones(session: Session) -> None:
    load_demo(session, TODAY)
    gig = session.exec(select(Gig).where(Gig.status == "delivered")).one()
    create_payment(session=session, data=PaymentInput(paid_on="2026-11-20", gross="60", rate="122",
                                                      gig_id=gig.id))
    before = everything(session)
    with pytest.raises(InvalidInput, match="1 of your own records point at demo records"):
        remove_demo(session)
    assert everything(session) == before


def test_day_keeps_dates_inside_their_month_and_before_today() -> None:
    assert day(date(2026, 3, 31), (1, 31)) == date(2026, 2, 28)
    assert day(date(2026, 3, 2), (0, 15)) == date(2026, 3, 2)
    assert day(date(2027, 1, 5), (2, 10)) == date(2026, 11, 10)
    assert day(date(2026, 3, 2), ("ago", 3)) == date(2026, 2, 27)


def test_cli_loads_refuses_twice_and_removes(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    runner = CliRunner()
    loaded = runner.invoke(main, ["--db", url, "demo"])
    assert loaded.exit_code == 0, loaded.output
    assert loaded.output.startswith("Loaded the demo data: 2 skill, 12 learning_session")
    again = runner.invoke(main, ["--db", url, "demo"])
    assert again.exit_code == 1 and "loaded already" in again.output
    removed = runner.invoke(main, ["--db", url, "demo", "--remove"])
    assert removed.exit_code == 0, removed.output
    assert removed.output.startswith("Removed the demo data: 2 skill")
    nothing = runner.invoke(main, ["--db", url, "demo", "--remove"])
    assert nothing.exit_code == 0 and nothing.output == "There is no demo data.\n"
