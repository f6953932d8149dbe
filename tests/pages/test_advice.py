"""Guidance in place: each note appears in its situation, on its page, and not otherwise."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import assert_clean
from tracker.db.config import PROJECT_ROOT
from tracker.guidance import Tip, notes
from tracker.ledger.months import add_months
from tracker.services.clients import ClientInput, create_client
from tracker.services.common import month_of
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import set_setting
from tracker.services.skills import LearningInput, SkillInput, create_skill, log_learning

Open = Callable[[str], AppTest]
TODAY = date(2026, 5, 20)  # the frozen day of tests/conftest.py


@pytest.fixture(autouse=True)
def _on_today(frozen_today: date) -> None:
    """Run every test here with the app's clock stopped on TODAY."""
    assert frozen_today == TODAY


def shown(block: Any) -> list[Tip]:
    """Return the notes shown with widgets.advice in a page or a tab, in page order (repeats kept)."""
    boxes = [*block.info, *block.warning, *block.success]
    return [tip for box in boxes for tip in notes.NOTES
            if box.value.startswith(f"**{tip.title}**") and f"Source point {tip.source}" in box.value]


def outside_tabs(at: AppTest) -> list[Tip]:
    """Return the notes shown outside every tab (under the add forms), in page order."""
    outside = shown(at)
    for tip in (t for tab in at.tabs for t in shown(tab)):
        outside.remove(tip)
    return outside


def skill(session: Session, stage: str = "learning", name: str = "Logo design") -> int:
    """Store a skill at a stage; return its id."""
    return create_skill(session=session, data=SkillInput(name=name, category="graphic design",
                                                         stage=stage)).id


def gig(session: Session, **fields: Any) -> int:
    """Store a gig; return its id."""
    return create_gig(session=session, data=GigInput(**{"title": "Logo", **fields})).id


def key(elements: Any, pattern: str) -> Any:
    """Return the one widget whose key matches the pattern ('#' stands for a form's generation)."""
    regex = re.compile(re.escape(pattern).replace("\\#", r"\d+"))
    found = [e for e in elements if e.key and regex.fullmatch(e.key)]
    assert len(found) == 1, [e.key for e in elements]
    return found[0]


# --- Dashboard: the S2 path, S5 encouragement and nudge, S1/S19 beside the forecast ---------------

def test_an_empty_dashboard_shows_the_path_and_a_start_button(open_page: Open) -> None:
    at = open_page("dashboard")
    assert_clean(at)
    assert shown(at) == [notes.START_PATH, notes.TAKES_TIME]
    assert at.button(key="start_path").label == "Add the skill you are learning"


def test_the_start_button_opens_the_skills_page(db_url: str) -> None:
    with _session() as s:
        set_setting(session=s, key="onboarded", value="skipped")
    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30).run()
    assert at.title[0].value == "Dashboard"
    at.button(key="start_path").click().run()
    assert_clean(at)
    assert at.title[0].value == "Skills and learning"


def test_the_path_is_gone_once_there_is_a_record(open_page: Open, session: Session) -> None:
    skill(session)
    at = open_page("dashboard")
    assert notes.START_PATH not in shown(at)
    assert not [b for b in at.button if b.key == "start_path"]


def test_income_two_months_running_is_encouraged(open_page: Open, session: Session) -> None:
    for day in (f"{add_months(month_of(TODAY), -1)}-10", TODAY):
        create_payment(session=session, data=PaymentInput(paid_on=day, gross="5,000", currency="BDT"))
    at = open_page("dashboard")
    assert_clean(at)
    assert shown(at).count(notes.KEEP_AT_IT) == 1
    assert notes.COME_BACK not in shown(at) and notes.START_PATH not in shown(at)


def test_one_old_payment_gets_a_nudge_not_praise(open_page: Open, session: Session) -> None:
    create_payment(session=session, data=PaymentInput(paid_on=TODAY - timedelta(days=75), gross="5,000",
                                                      currency="BDT"))
    at = open_page("dashboard")
    assert notes.KEEP_AT_IT not in shown(at)
    assert shown(at).count(notes.COME_BACK) == 1
    assert any("from 75 days ago" in c.value for c in at.caption)


@pytest.mark.parametrize(("days_ago", "nudged"), [(20, True), (14, True), (13, False), (0, False)])
def test_a_long_gap_in_learning_gets_a_nudge(open_page: Open, session: Session, days_ago: int,
                                             nudged: bool) -> None:
    log_learning(session=session, data=LearningInput(skill_id=skill(session), minutes=30,
                                                     learned_on=TODAY - timedelta(days=days_ago)))
    assert (notes.COME_BACK in shown(open_page("dashboard"))) is nudged


def test_the_forecast_comes_with_realism(open_page: Open, session: Session) -> None:
    for months_back in (3, 2, 1):
        create_payment(session=session, data=PaymentInput(
            paid_on=f"{add_months(month_of(TODAY), -months_back)}-10", gross="20,000", currency="BDT"))
    at = open_page("dashboard")
    assert_clean(at)
    progress = at.tabs[0]
    assert shown(progress) == [notes.GOAL_IS_REAL, notes.TAKES_TIME]
    assert all(not shown(tab) for tab in at.tabs[1:]), "only beside the forecast"


# --- Gigs: S9 for an unapproved skill, S15 for the own website, S4 when declining -----------------

def test_editing_a_gig_whose_skill_no_mentor_approved_shows_the_s9_note(open_page: Open,
                                                                        session: Session) -> None:
    gig(session, skill_id=skill(session))
    at = open_page("gigs")
    assert_clean(at)
    move_tab, edit_tab, _delete_tab = at.tabs
    assert shown(edit_tab) == [notes.UNAPPROVED_SKILL]
    assert shown(move_tab) == []


@pytest.mark.parametrize("stage", ["mentor-approved", "earning"])
def test_an_approved_skill_or_no_skill_shows_no_s9_note(open_page: Open, session: Session,
                                                       stage: str) -> None:
    gig(session, skill_id=skill(session, stage))
    gig(session, title="No skill")
    at = open_page("gigs")
    assert shown(at) == []
    key(at.selectbox, "gig_pick_#").set_value(1).run()
    assert shown(at) == []


def add_gig(at: AppTest, **choices: Any) -> AppTest:
    """Type a title, choose the given selectboxes of the add form, and press Add gig."""
    key(at.text_input, "gig_add_#.title").input("Logo for a bakery")
    for name, value in choices.items():
        key(at.selectbox, f"gig_add_#.{name}").set_value(value)
    return at.button[0].click().run()


def test_adding_a_gig_with_an_unapproved_skill_shows_the_note_under_the_form(open_page: Open,
                                                                          session: Session) -> None:
    skill_id = skill(session)
    at = add_gig(open_page("gigs"), skill=skill_id)
    assert_clean(at)
    assert at.success[0].value == "Added Logo for a bakery."
    assert outside_tabs(at) == [notes.UNAPPROVED_SKILL], "under the add form"
    assert shown(at.tabs[1]) == [notes.UNAPPROVED_SKILL], "the new gig, picked in the edit tab"
    at.run()
    assert shown(at) == [notes.UNAPPROVED_SKILL], "shown once after the save; the edit tab keeps its own"


def test_adding_a_gig_with_an_approved_skill_shows_no_note(open_page: Open, session: Session) -> None:
    skill_id = skill(session, "earning")
    at = add_gig(open_page("gigs"), skill=skill_id, platform="Upwork")
    assert_clean(at)
    assert shown(at) == []


def test_the_own_website_gets_the_s15_note_on_the_gig_forms(open_page: Open, session: Session) -> None:
    at = add_gig(open_page("gigs"), platform="own website")
    assert outside_tabs(at) == [notes.OWN_WEBSITE]
    assert shown(at.tabs[1]) == [notes.OWN_WEBSITE], "and when editing such a gig"


@pytest.mark.parametrize(("status", "expected"), [("declined", [notes.SAY_NO]), ("lost", []),
                                                  ("active", [])])
def test_saying_no_is_a_right_when_declining(open_page: Open, session: Session, status: str,
                                            expected: list[Tip]) -> None:
    gig_id = gig(session, status="lead")
    at = open_page("gigs")
    key(at.selectbox, f"gig_{gig_id}_#.move_status").set_value(status).run()
    assert shown(at.tabs[0]) == expected
    assert shown(at) == expected


# --- Log work: S15 when the platform is the own website, S9 after saving a gig ---------------------

@pytest.mark.parametrize("tab", ["payment", "gig"])
def test_choosing_the_own_website_shows_s15_in_that_tab(open_page: Open, tab: str) -> None:
    at = open_page("log_work")
    assert shown(at) == []
    at.selectbox(key=f"{tab}_platform").set_value("own website").run()
    assert_clean(at)
    index = 0 if tab == "payment" else 1
    assert shown(at.tabs[index]) == [notes.OWN_WEBSITE]
    assert shown(at) == [notes.OWN_WEBSITE]


def log_gig(at: AppTest, skill_id: int) -> AppTest:
    """Fill the gig tab with a paid gig in taka for a skill and save it."""
    at.selectbox(key="gig_currency").set_value("BDT").run()
    forms = [e for e in at.selectbox if e.key and e.key.startswith("gig_") and e.key.endswith("_skill")]
    forms[0].set_value(skill_id)
    for name, text in (("title", "Shop logo"), ("gross", "5,000")):
        [box] = [e for e in at.text_input if e.key and e.key.startswith("gig_") and e.key.endswith(name)]
        box.input(text)
    [save] = [b for b in at.button if b.key and b.key.startswith("gig_") and b.key.endswith("_save")]
    return save.click().run()


@pytest.mark.parametrize(("stage", "expected"), [("learning", [notes.UNAPPROVED_SKILL]), ("earning", [])])
def test_logging_a_gig_in_an_unapproved_skill_adds_a_gentle_note(open_page: Open, session: Session,
                                                                 stage: str, expected: list[Tip]) -> None:
    skill_id = skill(session, stage)
    at = log_gig(open_page("log_work"), skill_id)
    assert_clean(at)
    assert at.success[0].value.startswith("Saved “Shop logo” and its payment")
    assert shown(at.tabs[1]) == expected and shown(at) == expected
    at.run()
    assert shown(at) == [], "a note, not a block: gone at the next step"


# --- Clients: S18 for a picked client that shows a warning sign -----------------------------------

def test_an_unverified_client_gets_the_s18_warning_and_what_to_check(open_page: Open,
                                                                     session: Session) -> None:
    create_client(session=session, data=ClientInput(name="Unknown Co"))
    at = open_page("clients")
    assert_clean(at)
    assert shown(at) == [notes.CHECK_CLIENT]
    assert at.warning[-1].value.startswith(f"**{notes.CHECK_CLIENT.title}**")
    text = " ".join(m.value for m in at.markdown)
    assert "- Their payment method is not verified." in text
    assert "- Never pay to get work, a 'training' or a test task." in text


def test_a_verified_client_with_nothing_late_gets_no_warning(open_page: Open, session: Session) -> None:
    create_client(session=session, data=ClientInput(name="Good Co", payment_verified=True))
    assert shown(open_page("clients")) == []


def test_a_client_who_asks_for_money_up_front(open_page: Open) -> None:
    at = open_page("clients")
    key(at.text_input, "client_#.name").input("Quick Cash")
    key(at.checkbox, "client_#.verified").check()
    key(at.checkbox, "client_#.upfront").check()
    at.button[0].click().run()
    assert_clean(at)
    assert shown(at) == [notes.CHECK_CLIENT]
    assert "- They asked you for money before giving you work." in " ".join(m.value for m in at.markdown)
    assert key(at.checkbox, "client_edit_#_#.upfront").value is True, "stored and shown when editing"


def test_overdue_work_warns_when_that_client_is_picked(open_page: Open, session: Session) -> None:
    late = create_client(session=session, data=ClientInput(name="Slow Payer", payment_verified=True)).id
    gig(session, client_id=late, status="delivered", price="80", delivered_on=TODAY - timedelta(days=20))
    create_client(session=session, data=ClientInput(name="Good Co", payment_verified=True))
    at = open_page("clients")
    assert shown(at) == [], "the newest client, picked first, is fine"
    key(at.selectbox, "client_pick_#").set_value(late).run()
    assert shown(at) == [notes.CHECK_CLIENT]
    assert "unpaid for more than 14 days" in " ".join(m.value for m in at.markdown)


# --- nowhere else ----------------------------------------------------------------------------------

@pytest.fixture
def every_situation(session: Session) -> Session:
    """Store records that trigger every note somewhere: unapproved skill, risky client, own website."""
    client = create_client(session=session, data=ClientInput(name="Risky", asks_upfront=True)).id
    gig(session, client_id=client, skill_id=skill(session), platform="own website", status="delivered",
        delivered_on=TODAY - timedelta(days=30), price="50")
    gig(session, title="Betting banners", status="declined", decline_reason="Against my principles")
    return session


@pytest.mark.parametrize(("page", "allowed"), [
    ("dashboard", {"S5", "S19", "S1"}),
    ("clients", {"S18"}),
    ("log_work", set()),
    ("skills", set()),
    ("data", set()),
    ("settings", set()),
])
def test_notes_stay_in_their_places(open_page: Open, every_situation: Session, page: str,
                                    allowed: set[str]) -> None:
    at = open_page(page)
    assert_clean(at)
    assert {tip.source for tip in shown(at)} <= allowed


def test_the_gigs_page_shows_only_the_gig_notes(open_page: Open, every_situation: Session) -> None:
    at = open_page("gigs")
    assert shown(at) == []  # the declined gig, newest, is picked: its skill and platform are fine
    key(at.selectbox, "gig_pick_#").set_value(1).run()
    assert shown(at) == [notes.UNAPPROVED_SKILL, notes.OWN_WEBSITE]


def _session() -> Any:
    """Return a session on the test database."""
    from tracker.db.engine import open_session

    return open_session()
