"""What a script run shares: the per-run memo and language, the cached engine, sessions, reads and writes."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from contextvars import ContextVar
from datetime import date
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine
from sqlmodel import Session

from tracker.db.config import load_config
from tracker.db.engine import get_engine, run_write
from tracker.i18n import DEFAULT_LANGUAGE, LANGUAGES, WORD_PARAMS, fill, translate, translate_plural
from tracker.io.autobackup import daily_backup, open_database
from tracker.ledger import clock
from tracker.ledger.errors import InvalidInput
from tracker.present import Present
from tracker.reports.facade import reader_subject
from tracker.services import settings
from tracker.services.common import month_of

R = TypeVar("R")
REPEAT_SECONDS = 10
_RUN: ContextVar[dict[str, Any] | None] = ContextVar("tracker_run", default=None)
_ROUTED: ContextVar[bool] = ContextVar("tracker_routed", default=False)


def start_run(*, routed: bool = False) -> None:
    """Start this script run's memo (the router does, first thing in every run; so does a page on its own)."""
    _RUN.set({})
    _ROUTED.set(routed)


def this_run() -> dict[str, Any]:
    """Return the dict that lasts for this script run only (a new one each call before a run started).

    It holds what every number and message of a run needs but what would cost a cached read each
    time (the language, the digits). A write in the run empties it (`forget_this_run`), so what
    follows a save in the same run reads the new settings. Streamlit runs each session's script in
    its own thread, and a new thread starts with no memo; the router starts a new one every run.
    """
    run = _RUN.get()
    return {} if run is None else run


def routed_here() -> bool:
    """Return True (once) when the router started this run, False for a page that Streamlit ran alone."""
    routed = _ROUTED.get()
    _ROUTED.set(False)
    return routed


def forget_this_run() -> None:
    """Empty this run's remembered settings (after a write, or a language switch)."""
    this_run().clear()


def language() -> str:
    """Return the language the person chose (this session, else Settings, else English), once a run."""
    run = this_run()
    if "language" not in run:
        run["language"] = _chosen_language()
    return run["language"]


def _chosen_language() -> str:
    """Return the language the person chose, read now (this session, else Settings, else English)."""
    chosen = st.session_state.get("language")
    if chosen in LANGUAGES:
        return chosen
    stored = read(settings.get_setting, "language")
    return stored if stored in LANGUAGES else DEFAULT_LANGUAGE


def _(message: str) -> str:
    """Return a message in the person's language."""
    return translate(message, language())


def bengali() -> bool:
    """Return True when numbers are written in Bengali digits (Bengali, unless turned off); once a run."""
    run = this_run()
    if "bengali" not in run:
        run["bengali"] = language() == "bn" and read(settings.get_setting, "bengali_digits") != "off"
    return run["bengali"]


def choose_language(code: str) -> bool:
    """Store the person's language and switch the app to it at once; return True unless refused."""
    if read(settings.get_setting, "language") != code and write(
            settings.set_setting, key="language", value=code) is None:
        return False
    st.session_state["language"] = code
    forget_this_run()
    return True


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the form of a message for a count, in the person's language."""
    return translate_plural(singular, plural, count, language())


@st.cache_resource(show_spinner=False)
def _engine(db_url: str) -> Engine:
    """Return the migrated engine for this database, once per server process."""
    return open_database(db_url)


def db_url() -> str:
    """Return the database URL the app uses (TRACKER_DB_URL or data/tracker.db)."""
    return load_config().db_url


def session() -> Session:
    """Return a new database session; use it in a `with` block."""
    return Session(_engine(db_url()), expire_on_commit=False)


@st.cache_data(show_spinner=False, max_entries=256)
def _read(url: str, name: str, _reader: Callable[..., R], args: tuple[Any, ...],
          kwargs: tuple[tuple[str, Any], ...] = ()) -> R:
    """Return a reader's result for a database, cached by its name until the next write.

    A method of the facade (`Reports.month_pace`) is called on `Reports(session)`; any other reader
    (a service's, a guidance rule's) on the session itself.
    """
    with Session(_engine(url), expire_on_commit=False) as s:
        return _reader(reader_subject(_reader, s), *args, **dict(kwargs))


def read(reader: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """Return `reader(Reports(session), *args)` for a facade method (`Reports.month_pace`), else
    `reader(session, *args)`; cached by the reader's qualified name and args; every write clears it."""
    name = f"{reader.__module__}.{reader.__qualname__}"
    return _read(db_url(), name, reader, args, tuple(sorted(kwargs.items())))


def write(service: Callable[..., R], **kwargs: Any) -> R | None:
    """Call a service with a session; return its result, or None (message shown) if refused.

    The same call repeated within a few seconds (a double click) is not written twice.
    """
    ok, result = _call(service, kwargs)
    return result if ok else None


def done(service: Callable[..., Any], **kwargs: Any) -> bool:
    """Call a service for its effect (a delete); return True unless it was refused."""
    return _call(service, kwargs)[0]


def _call(service: Callable[..., R], kwargs: dict[str, Any]) -> tuple[bool, R | None]:
    """Run a service once in its own session; return (succeeded, result)."""
    fingerprint = f"{service.__module__}.{service.__qualname__}:{kwargs!r}"
    last = st.session_state.get("_last_write")
    if last and last[0] == fingerprint and time.monotonic() - last[1] < REPEAT_SECONDS:
        st.info(_("That was saved a moment ago, so it was not saved twice."))
        return False, None

    def once() -> R:
        """Run the service in a new session."""
        with session() as s:
            return service(session=s, **kwargs)

    try:
        result = run_write(once)  # tried again while another program holds the database
    except InvalidInput as err:
        show_error(err)
        return False, None
    st.session_state["_last_write"] = (fingerprint, time.monotonic())
    st.cache_data.clear()
    forget_this_run()
    return True, result


def attempt(reader: Callable[..., R], *args: Any) -> R | None:
    """Return `read(reader, *args)`, or None with the message shown when the input is refused."""
    try:
        return read(reader, *args)
    except InvalidInput as err:
        show_error(err)
        return None


def checked(function: Callable[..., R], *args: Any, **kwargs: Any) -> R | None:
    """Return `function(*args, **kwargs)` (no database), or None with the message shown if refused."""
    try:
        return function(*args, **kwargs)
    except InvalidInput as err:
        show_error(err)
        return None


def lazily(reader: Callable[..., R], *args: Any) -> Callable[[], R]:
    """Return a function that runs `reader(session, *args)` when called (a download, on its click)."""
    url = db_url()

    def run() -> R:
        """Return the reader's result from a fresh session."""
        with Session(get_engine(url), expire_on_commit=False) as s:
            return reader(s, *args)

    return run


def show_error(err: InvalidInput) -> None:
    """Show a refused input's message in the person's language."""
    params = {
        name: plain(value) if isinstance(value, str) and name not in WORD_PARAMS else value
        for name, value in err.params.items()
    }  # word params are msgids from the code, not typed
    st.error(fill(err.message, params, _, err.plural, ngettext), icon=":material/error:")


def backup_once_a_day() -> None:
    """Take the day's automatic backup when the first page of the day opens (once per server process)."""
    _daily_backup(db_url(), today())


@st.cache_resource(show_spinner=False)
def _daily_backup(url: str, day: date) -> bool:
    """Take the day's automatic backup, once per server process; return True."""
    daily_backup(_engine(url), day)
    return True


def today() -> date:
    """Return today's date (one place, so that pages agree)."""
    return clock.today()


def this_month() -> str:
    """Return the current month as 'YYYY-MM'."""
    return month_of(clock.today())


_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\d+(?=[.)](?:\s|$))|)([#+.)-])")


def plain(text: str) -> str:
    """Return text that Streamlit's Markdown shows as typed: no HTML, links, images or emphasis.

    Markdown characters get a backslash, line breaks become spaces, and what would start a heading
    or a list at the start of the text is escaped. Put a person's text (a client's name, a note)
    through this before it goes into st.markdown, st.caption, a message box or a label.
    """
    flat = _MARKUP.sub(r"\\\1", " ".join(str(text).splitlines()).strip())
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat, count=1)


def present() -> Present:
    """Return the run's formatter (language, digits, home currency), built once a run."""
    run = this_run()
    if "present" not in run:
        run["present"] = Present(language=language(), bengali_digits=bengali(),
                                 home_currency=read(settings.home_currency))
    return run["present"]


def money(minor: int, currency: str | None = None, *, whole: bool = False) -> str:
    """Return an amount formatted for the person, in the home currency unless another is given."""
    return present().money(minor, currency, whole=whole)


def number(value: int) -> str:
    """Return a whole number in the person's digits, lakh-grouped."""
    return present().number(value)


def day(value: date | str | None) -> str:
    """Return a day as the person reads it ('2026-08-03'; in Bengali '৩ আগস্ট ২০২৬'); '' for none."""
    return present().day(value)


def days(frame: Any, *columns: str) -> Any:
    """Return a table whose date columns read as days do for the person (English keeps real dates)."""
    return present().days(frame, *columns)


def month(value: str) -> str:
    """Return a 'YYYY-MM' month as the person reads it (in Bengali 'আগস্ট ২০২৬')."""
    return present().month(value)


def percent(ratio: Any) -> str:
    """Return a ratio as a percent for the person."""
    return present().percent(ratio)
