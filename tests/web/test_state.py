"""tracker/web/state.py: writes are not repeated by a double click; refusals are shown, not raised.

The language and the digits are read once a script run: a switch shows from the next run on, and a
save within a run applies to what the run draws after it. The router starts each run's memo.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import streamlit as st
from sqlmodel import func, select
from streamlit.testing.v1 import AppTest

from tracker.db.engine import open_session
from tracker.ledger.models import Client
from tracker.services.settings import set_setting


def save_twice() -> None:
    """Run the same write twice in one script run, as a double click would."""
    from tracker.services.clients import ClientInput, create_client
    from tracker.web import state

    state.write(create_client, data=ClientInput(name="Acme"))
    state.write(create_client, data=ClientInput(name="Acme"))


def save_bad() -> None:
    """Write a client with no name."""
    from tracker.services.clients import ClientInput, create_client
    from tracker.web import state

    state.write(create_client, data=ClientInput(name=" "))


def clients() -> int:
    """Return how many clients are stored."""
    with open_session() as s:
        return s.exec(select(func.count()).select_from(Client)).one()


def test_a_double_click_writes_once(db_url: str) -> None:
    at = AppTest.from_function(save_twice, default_timeout=30).run()
    assert not at.exception
    assert clients() == 1
    assert "not saved twice" in at.info[0].value


def test_a_refusal_is_shown_in_words(db_url: str) -> None:
    at = AppTest.from_function(save_bad, default_timeout=30).run()
    assert not at.exception
    assert at.error[0].value == "Please give the client name."
    assert clients() == 0


def many_numbers() -> None:
    """As the router does, start the run; show a title and many amounts, then (when asked) switch to
    Bengali and show them again."""
    import streamlit as st

    from tracker.services import settings
    from tracker.web import state

    state.start_run(routed=True)
    st.markdown(state._("Dashboard") + " " + " ".join(state.money(n * 100) for n in range(1, 40)))
    if st.session_state.get("switch_now"):
        state.done(settings.set_setting, key="bengali_digits", value="off")
        state.choose_language("bn")
        st.markdown(state._("Dashboard") + " " + state.money(100))


def settings_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Return the list that collects the settings state.read is asked for."""
    from tracker.services import settings
    from tracker.web import state

    asked: list[str] = []
    original = state.read

    def recording(reader: Callable[..., object], *args: object) -> object:
        if reader is settings.get_setting:
            asked.append(str(args[0]))
        return original(reader, *args)

    monkeypatch.setattr(state, "read", recording)
    return asked


def test_the_language_is_read_once_a_run(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = settings_read(monkeypatch)
    at = AppTest.from_function(many_numbers, default_timeout=30).run()
    assert at.markdown[0].value.startswith("Dashboard ৳1.00 ৳2.00")
    assert asked == ["language"], "39 amounts and a title, one read"
    with open_session() as s:
        set_setting(session=s, key="language", value="bn")
    st.cache_data.clear()  # as every write does
    asked.clear()
    at.run()
    assert at.markdown[0].value.startswith("ড্যাশবোর্ড ৳১.০০ ৳২.০০"), "the next run is in Bengali"
    assert asked == ["language", "bengali_digits"]
    asked.clear()
    at.run()
    assert asked == ["language", "bengali_digits"], "every run reads them again, once"


def test_a_switch_within_a_run_applies_to_what_follows(db_url: str) -> None:
    at = AppTest.from_function(many_numbers, default_timeout=30)
    at.session_state["switch_now"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    first, after = (m.value for m in at.markdown)
    assert first.startswith("Dashboard ৳1.00")
    assert after == "ড্যাশবোর্ড ৳1.00", "Bengali words, digits turned off by the save before"


def test_before_a_run_starts_nothing_is_remembered() -> None:
    from tracker.web import state

    state.this_run()["language"] = "bn"
    assert state.this_run() == {}, "no run started in this thread: every call is a new dict"


def memo_marks() -> None:
    """Start a run, mark its memo, and show whether the mark of the previous run is still there."""
    import streamlit as st

    from tracker.web import state

    state.start_run(routed=True)
    st.markdown(f"left over: {state.this_run().get('mark')}")
    state.this_run()["mark"] = st.session_state.get("runs", 0)
    st.session_state["runs"] = st.session_state.get("runs", 0) + 1


def test_the_router_starts_a_new_memo_every_run(db_url: str) -> None:
    at = AppTest.from_function(memo_marks, default_timeout=30).run()
    assert at.markdown[0].value == "left over: None"
    at.run()
    assert at.markdown[0].value == "left over: None", "a new run: nothing of the last one"


def test_reads_pass_keyword_arguments(db_url: str) -> None:
    def script() -> None:
        import streamlit as st

        from tracker.services.clients import ClientInput, create_client, default_platform
        from tracker.web import state

        client = state.write(create_client, data=ClientInput(name="Acme", platform="Fiverr"))
        st.markdown(str(state.read(default_platform, client_id=client.id, fallback="direct")))
        st.markdown(str(state.read(default_platform, client_id=None, fallback="direct")))

    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [m.value for m in at.markdown] == ["Fiverr", "direct"]
