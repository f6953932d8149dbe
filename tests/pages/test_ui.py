"""The Streamlit seam: writes are not repeated by a double click; refusals are shown, not raised."""

from __future__ import annotations

from sqlmodel import func, select
from streamlit.testing.v1 import AppTest

from tracker.db import open_session
from tracker.models import Client


def save_twice() -> None:
    """Run the same write twice in one script run, as a double click would."""
    from tracker import ui
    from tracker.services.clients import ClientInput, create_client

    ui.write(create_client, data=ClientInput(name="Acme"))
    ui.write(create_client, data=ClientInput(name="Acme"))


def save_bad() -> None:
    """Write a client with no name."""
    from tracker import ui
    from tracker.services.clients import ClientInput, create_client

    ui.write(create_client, data=ClientInput(name=" "))


def clients() -> int:
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
