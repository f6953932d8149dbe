"""The gate in the browser: open on this computer; elsewhere a password or an OpenID Connect login first.

The rules (who gets in how) live in tracker.access, which the command line uses too.
"""

from __future__ import annotations

import time
from typing import Any

import streamlit as st

from tracker import access
from tracker.web.state import _


def let_in() -> None:
    """Stop this run unless the person may see the app (tracker.access): open on this computer;
    elsewhere only after the password from the secrets or an OpenID Connect login; else refuse."""
    secrets = _secrets()
    rule = access.decide(st.get_option("server.address"), secrets)
    if rule.way == "open" or st.session_state.get("_signed_in"):
        return
    if rule.way == "login" and st.user.get("is_logged_in"):
        return
    st.title(_("Freelance tracker"))
    if rule.way == "refused":
        st.error(_(rule.reason))
    elif rule.way == "login":
        provider = access.login_provider(secrets)
        st.button(_("Sign in"), on_click=st.login, args=[provider] if provider else [])
    else:
        _password_form(access.password_of(secrets) or "")
    st.stop()


def _password_form(expected: str) -> None:
    """Ask for the password; a right one signs this browser session in, a wrong one waits a second."""
    with st.form("sign_in"):
        given = st.text_input(_("Password"), type="password")
        if st.form_submit_button(_("Open the app")):
            if access.password_matches(given, expected):
                st.session_state["_signed_in"] = True
                st.rerun()
            time.sleep(1)  # slows down guessing
            st.error(_("That is not the password."))


def _secrets() -> dict[str, Any]:
    """Return Streamlit's secrets as a dict ({} when there is no secrets file)."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:  # StreamlitSecretNotFoundError is one
        return {}


def sign_out_button() -> None:
    """In the sidebar, a Sign out button when the app asked for a password or a login."""
    if st.session_state.get("_signed_in"):
        st.sidebar.button(_("Sign out"), on_click=st.session_state.pop, args=["_signed_in", None])
    elif access.login_configured(_secrets()) and st.user.get("is_logged_in"):
        st.sidebar.button(_("Sign out"), on_click=st.logout)
