"""tracker/web/access.py: the gate lets everyone in on loopback, asks for the password elsewhere."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

PASSWORD = "shapla-ফুল-2026"


def gated() -> None:
    """Pass the gate, then show what only those let in see, and the sign-out button."""
    import streamlit as st

    from tracker.web import access

    access.let_in()
    st.markdown("inside")
    access.sign_out_button()


def test_on_loopback_the_gate_is_open(db_url: str) -> None:
    at = AppTest.from_function(gated, default_timeout=30).run()
    assert [m.value for m in at.markdown] == ["inside"] and not at.sidebar.button


def test_elsewhere_without_secrets_nothing_is_shown(db_url: str, served_to_everyone: None) -> None:
    at = AppTest.from_function(gated, default_timeout=30).run()
    assert "needs a password or a login" in at.error[0].value and not at.markdown


def test_the_password_signs_in_and_sign_out_locks_again(db_url: str) -> None:
    at = AppTest.from_function(gated, default_timeout=30)
    at.secrets["tracker"] = {"password": PASSWORD}
    at.run()
    assert at.text_input[0].label == "Password" and not at.markdown
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert [m.value for m in at.markdown] == ["inside"]
    at.sidebar.button[0].click().run()
    assert at.text_input[0].label == "Password" and not at.markdown
