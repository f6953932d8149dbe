"""Served beyond this computer, the app shows nothing without the password (or a login); on loopback, all."""

from __future__ import annotations

from sqlmodel import Session
from streamlit import config
from streamlit.testing.v1 import AppTest

from tracker.db.config import PROJECT_ROOT

PASSWORD = "shapla-ফুল-2026"
ROUTER = str(PROJECT_ROOT / "streamlit_app.py")
DASHBOARD = str(PROJECT_ROOT / "pages" / "dashboard.py")


def app(script: str, secrets: dict | None = None) -> AppTest:
    """Return an AppTest of a script with these secrets, run once."""
    at = AppTest.from_file(script, default_timeout=30)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    return at.run()


def shown_text(at: AppTest) -> str:
    """Return everything the run drew as text: titles, markdown, metrics, captions, alerts."""
    parts = [e.value for e in [*at.title, *at.markdown, *at.caption, *at.error, *at.info, *at.success]]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def test_without_a_password_or_login_nothing_is_shown(db_url: str, filled: Session,
                                                      served_to_everyone: None) -> None:
    at = app(ROUTER)
    assert not at.exception
    assert "needs a password or a login" in at.error[0].value
    assert "27,562.50" not in shown_text(at) and not at.metric and not at.dataframe
    assert not at.sidebar.markdown, "the sidebar's income is not drawn either"


def test_a_page_run_on_its_own_is_refused_too(db_url: str, filled: Session, served_to_everyone: None) -> None:
    at = app(DASHBOARD)
    assert "needs a password or a login" in at.error[0].value
    assert not at.metric and not at.dataframe


def test_the_password_lets_this_session_in(db_url: str, filled: Session, served_to_everyone: None) -> None:
    at = app(DASHBOARD, {"tracker": {"password": PASSWORD}})
    assert not at.metric and "27,562.50" not in shown_text(at)
    at.text_input[0].input("wrong password")
    at.button[0].click().run()
    assert at.error[0].value == "That is not the password."
    assert not at.metric
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Dashboard" and at.metric, "signed in: the page is drawn"
    at.run()
    assert at.metric, "still signed in on the next run of this session"


def test_sign_out_locks_the_session_again(db_url: str, filled: Session, served_to_everyone: None) -> None:
    at = app(ROUTER, {"tracker": {"password": PASSWORD}})
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert at.sidebar.markdown
    next(b for b in at.sidebar.button if b.label == "Sign out").click().run()
    assert at.text_input[0].label == "Password" and not at.sidebar.markdown


def test_a_password_is_asked_for_on_loopback_too(db_url: str, filled: Session) -> None:
    assert config.get_option("server.address") == "127.0.0.1"
    at = app(DASHBOARD, {"tracker": {"password": PASSWORD}})
    assert at.text_input[0].label == "Password" and not at.metric


def test_an_oidc_login_offers_sign_in_and_shows_nothing_else(db_url: str, filled: Session,
                                                             served_to_everyone: None) -> None:
    auth = {"redirect_uri": "https://tracker.example.com/oauth2callback", "cookie_secret": "x" * 32,
            "client_id": "id", "client_secret": "secret",
            "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"}
    at = app(ROUTER, {"auth": auth})
    assert [b.label for b in at.button] == ["Sign in"]
    assert not at.metric and not at.sidebar.markdown


def test_on_loopback_without_secrets_the_app_opens(db_url: str, filled: Session) -> None:
    at = app(DASHBOARD)
    assert not at.exception and not at.error and at.metric


def test_the_password_screen_speaks_bengali(db_url: str, filled: Session, served_to_everyone: None) -> None:
    from tracker.services.settings import set_setting

    set_setting(session=filled, key="language", value="bn")
    at = app(ROUTER, {"tracker": {"password": PASSWORD}})
    assert at.text_input[0].label == "পাসওয়ার্ড" and at.button[0].label == "অ্যাপ খুলুন"
    at.text_input[0].input("ভুল")
    at.button[0].click().run()
    assert at.error[0].value == "পাসওয়ার্ডটি ঠিক নয়।"
    refused = app(ROUTER)
    assert "পাসওয়ার্ড বা লগইন লাগবে" in refused.error[0].value
