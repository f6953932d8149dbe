"""The welcome steps: shown first on an empty database, finished, skipped, demo data, and again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import streamlit as st
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import assert_clean, count, press, rows
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import open_session
from tracker.demo.profile import demo_counts, load_demo
from tracker.ledger.models import ChecklistItem, Goal, Skill
from tracker.services.common import month_of
from tracker.services.settings import get_setting, set_setting
from tracker.services.skills import SkillInput, create_skill


@pytest.fixture(autouse=True)
def no_language_left_behind() -> Iterator[None]:
    """Forget the language AppTest's format functions leave in Streamlit's session state outside a run.

    AppTest calls a widget's format function in the test's own thread; `state.language()` then stores the
    language in the session state Streamlit keeps for code outside a script run, where it would stay
    for the next tests (a Bengali "১২ months" in an English test).
    """
    yield
    if "language" in st.session_state:
        del st.session_state["language"]


def router() -> AppTest:
    """Run the app the way `streamlit run` does, with its navigation."""
    return AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30).run()


def setting(key: str) -> str:
    """Return a stored setting, read with a new session."""
    with open_session() as s:
        return get_setting(s, key)


def on_dashboard(at: AppTest) -> bool:
    """Return True when the Dashboard is the page shown (its month picker is there)."""
    return any(s.key == "dashboard_month" for s in at.selectbox)


def step(at: AppTest) -> int:
    """Return the welcome step shown (0 to 4)."""
    return at.session_state.get("welcome_step", 0)


def next_step(at: AppTest) -> AppTest:
    """Press Next (or Finish) on the step shown."""
    return at.button(key=f"welcome_next_{step(at)}").click().run()


def form_button(at: AppTest, form: str) -> Any:
    """Return the submit button of a form (any generation)."""
    [button] = [b for b in at.button if b.key and b.key.startswith(f"FormSubmitter:{form}_")]
    return button


def test_an_empty_database_opens_the_welcome_with_bengali_first(db_url: str) -> None:
    at = router()
    assert_clean(at)
    assert at.title[0].value == "Welcome"
    language = at.radio(key="welcome_language")
    assert language.options == ["বাংলা", "English"] and language.value == "bn"


def test_once_finished_the_dashboard_opens(db_url: str, session: Session) -> None:
    set_setting(session=session, key="onboarded", value="done")
    at = router()
    assert on_dashboard(at) and at.title[0].value == "Dashboard"


def test_with_records_the_dashboard_opens(db_url: str, session: Session) -> None:
    create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    assert on_dashboard(router())


def test_the_whole_welcome(db_url: str, frozen_today: date) -> None:
    at = next_step(router())  # Bengali, as offered
    assert_clean(at)
    assert setting("language") == "bn" and step(at) == 1
    assert at.selectbox(key="welcome_currency").value == "BDT"
    at = next_step(at)
    assert step(at) == 2
    assert at.text_input(key="welcome_goal").value == "৳১,০০,০০০", "the default goal, in Bengali digits"
    at.text_input(key="welcome_goal").input("1,50,000")
    at = next_step(at)
    assert_clean(at)
    assert [(g.valid_from, g.target_minor) for g in rows(Goal)] == [(month_of(frozen_today), 150_000_00)]
    [name] = [t for t in at.text_input if t.key and t.key.endswith("_name")]
    name.input("Logo design")
    [kind] = [s for s in at.selectbox if s.key and s.key.endswith("_category")]
    kind.set_value("graphic design")
    at = form_button(at, "welcome_skill").click().run()
    assert_clean(at)
    assert [(s.name, s.category, s.stage) for s in rows(Skill)] == [("Logo design", "graphic design",
                                                                      "learning")]
    assert "- Logo design" in [m.value for m in at.markdown]
    at = next_step(at)
    at.checkbox(key="check_computer").check().run()
    assert [(c.key, c.done) for c in rows(ChecklistItem)] == [("computer", True)]
    at = next_step(at)  # Finish
    assert_clean(at)
    assert setting("onboarded") == "done"
    assert on_dashboard(at)
    assert on_dashboard(router()), "the welcome does not come back"


def test_back_and_a_refused_goal(db_url: str) -> None:
    at = next_step(next_step(router()))
    at.text_input(key="welcome_goal").input("a lot")
    at = next_step(at)
    assert "কোনো সংখ্যা নয়" in at.error[0].value, "“is not a number”, in Bengali as chosen in step 1"
    assert step(at) == 2 and count(Goal) == 0
    at = at.button(key="welcome_back_2").click().run()
    assert step(at) == 1


def test_english_can_be_chosen(db_url: str) -> None:
    at = router()
    at.radio(key="welcome_language").set_value("en")
    at = next_step(at)
    assert setting("language") == "en" and step(at) == 1


def test_skip(db_url: str) -> None:
    at = press(router(), "Skip the welcome")
    assert_clean(at)
    assert setting("onboarded") == "skipped"
    assert on_dashboard(at)
    assert on_dashboard(router()), "skipped is remembered"


def test_try_with_demo_data(db_url: str) -> None:
    at = router().button(key="welcome_demo").click().run()
    assert_clean(at)
    assert setting("onboarded") == "demo"
    with open_session() as s:
        assert demo_counts(s)["gig"] == 11
    assert on_dashboard(at)


def test_settings_opens_the_welcome_again(db_url: str, session: Session) -> None:
    set_setting(session=session, key="onboarded", value="done")
    create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30)
    at.switch_page("pages/settings.py").run()  # straight there: no Dashboard widgets to carry along
    assert at.title[0].value == "Settings"
    at = at.button(key="welcome_again").click().run()
    assert_clean(at)
    assert setting("onboarded") == ""
    assert at.title[0].value == "Welcome"


def test_settings_removes_the_demo_data_and_keeps_own_records(open_page: Any, session: Session) -> None:
    create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    at = open_page("settings")
    assert at.button(key="demo_remove").disabled, "nothing to remove yet"
    load_demo(session)
    st.cache_data.clear()  # written here, not through the app, which clears it after every write
    at = open_page("settings")
    assert any(c.value.startswith("Demo records in your books: 45.") for c in at.caption)
    at = at.button(key="demo_remove").click().run()
    assert_clean(at)
    assert "The demo data is removed." in [s.value for s in at.success]
    assert not any(demo_counts(session).values())
    assert [s.name for s in rows(Skill)] == ["Logo design"]


@pytest.mark.parametrize("number", range(5))
def test_every_step_renders_on_its_own(open_page: Any, filled: Session, number: int) -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "pages" / "welcome.py"), default_timeout=30)
    at.session_state["welcome_step"] = number
    at.run()
    assert_clean(at)
    assert at.title[0].value == "Welcome"
    assert at.button(key=f"welcome_next_{number}").label == ("Finish" if number == 4 else "Next")
