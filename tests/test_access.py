"""Who may open the app: open on loopback, a password or a login elsewhere, refused with neither."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.access import decide, is_loopback, login_configured, password_matches, read_secrets

PASSWORD = {"tracker": {"password": "correct horse battery"}}
LOGIN = {"auth": {"redirect_uri": "https://tracker.example.com/oauth2callback",
                  "cookie_secret": "s3cr3t-s3cr3t", "client_id": "id", "client_secret": "secret",
                  "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"}}


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_addresses(address: str) -> None:
    assert is_loopback(address)


@pytest.mark.parametrize("address", ["0.0.0.0", "", None, "192.168.1.20", "::", "tracker.example.com"])
def test_other_addresses_are_reachable_from_elsewhere(address: str | None) -> None:
    assert not is_loopback(address)


def test_loopback_without_secrets_is_open() -> None:
    assert decide("127.0.0.1", {}).way == "open"


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", ""])
def test_any_other_address_without_a_password_or_login_is_refused(address: str) -> None:
    access = decide(address, {})
    assert access.way == "refused"
    assert "password" in access.reason


def test_a_password_in_the_secrets_is_asked_for_everywhere() -> None:
    assert decide("0.0.0.0", PASSWORD).way == "password"
    assert decide("127.0.0.1", PASSWORD).way == "password"


def test_a_short_password_is_refused_with_the_reason() -> None:
    access = decide("0.0.0.0", {"tracker": {"password": "1234"}})
    assert access.way == "refused"
    assert "at least 8" in access.reason


@pytest.mark.parametrize("secrets", [{"tracker": {"password": ""}}, {"tracker": {"password": 12345678}},
                                     {"tracker": "password"}, {"password": "top level is not ours"}])
def test_an_empty_or_misplaced_password_does_not_count(secrets: dict) -> None:
    assert decide("0.0.0.0", secrets).way == "refused"


def test_a_complete_oidc_login_is_used() -> None:
    assert login_configured(LOGIN)
    assert decide("0.0.0.0", LOGIN).way == "login"


def test_a_named_provider_counts_too() -> None:
    auth = {key: LOGIN["auth"][key] for key in ("redirect_uri", "cookie_secret")}
    provider = {key: LOGIN["auth"][key] for key in ("client_id", "client_secret", "server_metadata_url")}
    assert decide("0.0.0.0", {"auth": {**auth, "google": provider}}).way == "login"


@pytest.mark.parametrize("missing", ["redirect_uri", "cookie_secret", "client_id", "server_metadata_url"])
def test_an_incomplete_login_is_not_a_login(missing: str) -> None:
    auth = {key: value for key, value in LOGIN["auth"].items() if key != missing}
    assert decide("0.0.0.0", {"auth": auth}).way == "refused"


def test_password_comparison() -> None:
    assert password_matches("correct horse battery", "correct horse battery")
    assert not password_matches("correct horse batter", "correct horse battery")
    assert not password_matches("", "correct horse battery")
    assert password_matches("পাসওয়ার্ড-১২৩৪", "পাসওয়ার্ড-১২৩৪")


def test_secrets_files_are_merged_later_wins(tmp_path: Path) -> None:
    home, project = tmp_path / "home.toml", tmp_path / "project.toml"
    home.write_text('[tracker]\npassword = "from home folder"\n', encoding="utf-8")
    project.write_text('[tracker]\npassword = "from the project"\n', encoding="utf-8")
    merged = read_secrets((home, project, tmp_path / "missing.toml"))
    assert merged["tracker"]["password"] == "from the project"
    assert read_secrets((tmp_path / "missing.toml",)) == {}


def test_check_access_refuses_another_address_without_a_password(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from tracker import access
    from tracker.cli.main import main

    secrets = tmp_path / "secrets.toml"
    monkeypatch.setattr(access, "SECRETS_FILES", (secrets,))
    refused = CliRunner().invoke(main, ["check-access", "--address", "0.0.0.0"])
    assert refused.exit_code == 1 and "needs a password or a login" in refused.output
    assert CliRunner().invoke(main, ["check-access"]).exit_code == 0  # 127.0.0.1
    secrets.write_text('[tracker]\npassword = "correct horse battery"\n', encoding="utf-8")
    allowed = CliRunner().invoke(main, ["check-access", "--address", "0.0.0.0"])
    assert allowed.exit_code == 0 and "asks for the password" in allowed.output
