"""Who may open the app: nobody needs to sign in on this computer; anywhere else, a password or a login.

The app is served on 127.0.0.1 (loopback) by default, where only the person at this computer can
reach it. When the server is bound to any other address (a server, a LAN), the app requires either
a password from Streamlit's secrets (`[tracker] password = "..."` in .streamlit/secrets.toml),
compared in constant time, or an OpenID Connect login configured in the secrets' `[auth]` section
(Streamlit's `st.login`). With neither it refuses to serve anything. A password set in the secrets
is asked for on loopback too: whoever sets one expects it to be asked.
"""

from __future__ import annotations

import hmac
import ipaddress
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tracker.db.config import PROJECT_ROOT
from tracker.i18n import N_

Way = Literal["open", "password", "login", "refused"]
MIN_PASSWORD = 8
LOGIN_KEYS = ("redirect_uri", "cookie_secret")  # Streamlit's own two; the provider's keys come beside them
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
SECRETS_FILES = (Path.home() / ".streamlit" / "secrets.toml", PROJECT_ROOT / ".streamlit" / "secrets.toml")


@dataclass(frozen=True)
class Access:
    """How the app lets people in, and (when it refuses) why, as an English msgid."""

    way: Way
    reason: str = ""


def is_loopback(address: str | None) -> bool:
    """Return True if a server bound to this address is reachable only from this computer."""
    host = (address or "").strip().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name or "" (every address): reachable from elsewhere


def password_of(secrets: Mapping[str, Any]) -> str | None:
    """Return the password configured in the secrets (`[tracker] password`), or None."""
    section = secrets.get("tracker")
    password = section.get("password") if isinstance(section, Mapping) else None
    return password if isinstance(password, str) and password else None


def login_configured(secrets: Mapping[str, Any]) -> bool:
    """Return True if the secrets' [auth] section has what st.login needs (one provider, flat or named)."""
    auth = secrets.get("auth")
    if not isinstance(auth, Mapping) or not all(auth.get(key) for key in LOGIN_KEYS):
        return False
    providers = [auth, *(value for value in auth.values() if isinstance(value, Mapping))]
    return any(all(provider.get(key) for key in PROVIDER_KEYS) for provider in providers)


def login_provider(secrets: Mapping[str, Any]) -> str | None:
    """Return the name of the [auth.<name>] provider to sign in with, or None for a flat [auth] one."""
    auth = secrets.get("auth")
    if not isinstance(auth, Mapping) or all(auth.get(key) for key in PROVIDER_KEYS):
        return None
    named = [name for name, value in auth.items()
             if isinstance(value, Mapping) and all(value.get(key) for key in PROVIDER_KEYS)]
    return named[0] if named else None


def decide(address: str | None, secrets: Mapping[str, Any]) -> Access:
    """Return how people get in, for a server bound to address with these secrets."""
    password = password_of(secrets)
    if password is not None and len(password) < MIN_PASSWORD:
        return Access("refused", N_("The password in the secrets is too short: use at least 8 characters."))
    if password is not None:
        return Access("password")
    if login_configured(secrets):
        return Access("login")
    if is_loopback(address):
        return Access("open")
    return Access("refused", N_("This app is served to other computers, so it needs a password or a login. "
                                "Set one in .streamlit/secrets.toml (see the README, 'Hosting it on a "
                                "server')."))


def password_matches(given: str, expected: str) -> bool:
    """Return True if the typed password is the configured one (compared in constant time)."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def read_secrets(files: tuple[Path, ...] | None = None) -> dict[str, Any]:
    """Return the secrets Streamlit would read (later files win), for checks made before it starts."""
    merged: dict[str, Any] = {}
    for file in SECRETS_FILES if files is None else files:
        if file.is_file():
            merged.update(tomllib.loads(file.read_text(encoding="utf-8")))
    return merged
