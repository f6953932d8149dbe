"""The one module that touches Streamlit: cached engine and readers, writes, shared widgets."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine
from sqlmodel import Session
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from tracker import access
from tracker.db.config import load_config
from tracker.db.engine import get_engine, run_write
from tracker.guidance import CHECKLIST_LABELS, Tip
from tracker.guidance import advice as situations
from tracker.i18n import DEFAULT_LANGUAGE, N_, WORD_PARAMS, fill, translate
from tracker.io.autobackup import daily_backup
from tracker.ledger.errors import InvalidInput
from tracker.ledger.money import known_currencies
from tracker.present import Present
from tracker.reports.choices import Choice
from tracker.reports.facade import Reports, reader_subject
from tracker.services import checklist, settings
from tracker.services.common import month_of
from tracker.services.settings import LANGUAGES

R = TypeVar("R")
_THIS_RUN = "_tracker_this_run"  # where this_run() keeps its dict, on Streamlit's run context
REPEAT_SECONDS = 10
ENTRYPOINT = "streamlit_app.py"
COMMON_CURRENCIES = ["USD", "BDT", "EUR", "GBP", "CAD", "AUD", "INR", "AED", "SGD", "JPY"]
PAGES = (  # file, title, icon
    ("pages/dashboard.py", N_("Dashboard"), ":material/monitoring:"),
    ("pages/log_work.py", N_("Log work"), ":material/edit_note:"),
    ("pages/clients.py", N_("Clients"), ":material/groups:"),
    ("pages/gigs.py", N_("Gigs"), ":material/work:"),
    ("pages/skills.py", N_("Skills and learning"), ":material/school:"),
    ("pages/guidance.py", N_("Guidance"), ":material/lightbulb:"),
    ("pages/data.py", N_("Data"), ":material/database:"),
    ("pages/settings.py", N_("Settings"), ":material/settings:"),
)


def this_run() -> dict[str, Any]:
    """Return a dict that lasts for this script run only: a new run (or a rerun) starts a new one.

    It holds what every number and message of a run needs but what would cost a cached read each
    time (the language, the digits). A write in the run empties it (`forget_this_run`), so what
    follows a save in the same run reads the new settings. Outside a script run it is always new.
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    marker = getattr(ctx, "cursors", None)  # Streamlit makes a new one for every script run
    if marker is None:
        return {}
    kept = getattr(ctx, _THIS_RUN, None)
    if kept is None or kept[0] is not marker:
        kept = (marker, {})
        setattr(ctx, _THIS_RUN, kept)
    return kept[1]


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


@st.cache_resource(show_spinner=False)
def _engine(db_url: str) -> Engine:
    """Return the migrated engine for this database, once per server process."""
    return get_engine(db_url)


def db_url() -> str:
    """Return the database URL the app uses (TRACKER_DB_URL or data/tracker.db)."""
    return load_config().db_url


def session() -> Session:
    """Return a new database session; use it in a `with` block."""
    return Session(_engine(db_url()), expire_on_commit=False)


@st.cache_data(show_spinner=False, max_entries=256)
def _read(url: str, name: str, _reader: Callable[..., R], args: tuple[Any, ...]) -> R:
    """Return a reader's result for a database, cached by its name until the next write.

    A method of the facade (`Reports.month_pace`) is called on `Reports(session)`; any other reader
    (a service's, a guidance rule's) on the session itself.
    """
    with Session(_engine(url), expire_on_commit=False) as s:
        return _reader(reader_subject(_reader, s), *args)


def read(reader: Callable[..., R], *args: Any) -> R:
    """Return `reader(Reports(session), *args)` for a facade method (`Reports.month_pace`), else
    `reader(session, *args)`; cached by the reader's qualified name and args; every write clears it."""
    return _read(db_url(), f"{reader.__module__}.{reader.__qualname__}", reader, args)


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


def tabs(labels: list[str], *, key: str) -> Sequence[Any]:
    """Return tabs that stay on the one in use across reruns (a save, a changed select box)."""
    return st.tabs(labels, key=key, on_change="rerun")


def lazy_tabs(tabs: dict[str, Callable[[], None]], *, key: str) -> None:
    """Draw tabs (label: function that draws its content); only the open tab's function runs.

    Opening another tab reruns the page, which then draws that tab; the first tab is open at first.
    """
    for container, draw in zip(st.tabs(list(tabs), key=key, on_change="rerun"), tabs.values(), strict=True):
        if container.open is not False:  # None: Streamlit does not say which is open; draw them all
            with container:
                draw()


def keep_widgets(*keys: str) -> None:
    """Keep the values of widgets that this run may not draw (in a closed tab) until they are drawn again."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


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


def page_title(title: str) -> None:
    """Show the page title and any message left by the previous run (after a save)."""
    _hand_over_to_router(sys._getframe(1).f_globals.get("__file__", ""))
    let_in()
    _daily_backup(db_url(), today())
    st.title(title)
    for kind, text in st.session_state.pop("_flash", []):
        getattr(st, kind)(plain(text))  # messages name what a person typed: shown as typed


@st.cache_resource(show_spinner=False)
def _daily_backup(url: str, day: date) -> bool:
    """Take the day's automatic backup, once per server process, when the first page of the day opens."""
    daily_backup(_engine(url), day)
    return True


def form_key(name: str) -> str:
    """Return the key of a form; it changes after a save so that the form starts empty."""
    return f"{name}_{st.session_state.get('_form_gen_' + name, 0)}"


def saved(form: str, message: str, kind: str = "success") -> None:
    """After a successful write: keep the message, empty the form, and show the new state."""
    st.session_state.setdefault("_flash", []).append((kind, message))
    st.session_state["_form_gen_" + form] = st.session_state.get("_form_gen_" + form, 0) + 1
    st.rerun()


def pick(label: str, choices: list[Choice], *, key: str, none_label: str | None = None,
         current: int | None = None) -> int | None:
    """Return the id chosen from a list (newest first, type to search); None if none allowed."""
    options: list[int | None] = [c.id for c in choices]
    if none_label is not None:
        options.insert(0, None)
    labels = {c.id: c.label for c in choices}
    index = options.index(current) if current in options else 0
    if not options:
        st.selectbox(label, [_("— nothing to choose yet —")], key=key, disabled=True)
        return None
    return st.selectbox(label, options, index=index, key=key,
                        format_func=lambda i: none_label if i is None else labels.get(i, str(i)))


def confirm_delete(what: str, *, key: str) -> bool:
    """Return True once the person ticked 'yes' and pressed delete for this record."""
    sure = st.checkbox(_("Yes, delete {what}").format(what=plain(what)), key=f"{key}_sure")
    pressed = st.button(_("Delete"), key=f"{key}_delete", type="secondary", disabled=not sure,
                        icon=":material/delete:")
    return bool(sure and pressed)


def show_error(err: InvalidInput) -> None:
    """Show a refused input's message in the person's language."""
    params = {name: plain(value) if isinstance(value, str) and name not in WORD_PARAMS else value
              for name, value in err.params.items()}  # word params are msgids from the code, not typed
    st.error(fill(err.message, params, _), icon=":material/error:")


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


def currency_options() -> list[str]:
    """Return currency codes, the common ones first."""
    rest = [c for c in known_currencies() if c not in COMMON_CURRENCIES]
    return COMMON_CURRENCIES + rest


def this_month() -> str:
    """Return the current month as 'YYYY-MM'."""
    return month_of(date.today())


def navigation() -> Any:
    """Return the app's navigation over every page, titles in the person's language.

    On a first start (see `onboarding_due`) the welcome page opens first and is in the menu;
    otherwise it is hidden from the menu and opened only from Settings.
    If a page was opened before the router had ever run in this server (a bookmark or a reloaded
    tab right after `make run`), Streamlit ran it on its own; it handed over here, so go back to it.
    """
    due = onboarding_due()
    pages = [st.Page(path, title=_(title), icon=icon, default=i == 0 and not due)
             for i, (path, title, icon) in enumerate(PAGES)]
    welcome, title, icon = WELCOME
    pages.insert(0, st.Page(welcome, title=_(title), icon=icon, default=due,
                            visibility="visible" if due else "hidden"))
    chosen = st.navigation(pages)
    st.session_state["_routed"] = True
    wanted = st.session_state.pop("_open_page", None)
    if wanted in {path for path, _title, _icon in (*PAGES, WELCOME)}:
        st.switch_page(wanted)
    return chosen


def _hand_over_to_router(page_file: str) -> None:
    """Send a page that Streamlit ran in its legacy pages/ mode (no router yet) through the router."""
    # Streamlit keeps this flag true until some session has run st.navigation (its docs say the
    # pages/ folder is ignored from then on); it is false for a page tested on its own.
    if st.session_state.get("_routed") or not PagesManager.uses_pages_directory:
        return
    path = Path(page_file).resolve()
    st.session_state["_open_page"] = f"{path.parent.name}/{path.name}"
    st.switch_page(ENTRYPOINT)


def sidebar() -> None:
    """Draw the shared sidebar: this month's progress towards the goal, and the language switch."""
    summary = read(Reports.month_summary, this_month())
    with st.sidebar:
        st.caption(_("This month"))
        st.markdown(f"**{money(summary.net_minor)}** / {money(summary.goal_minor, whole=True)}")
        st.progress(min(max(float(summary.progress), 0.0), 1.0))
        language_picker(key="sidebar_language")
    sign_out_button()


def client_picker(label: str, *, key: str, current: int | None = None) -> int | None:
    """Return the id of a chosen client, or None; newest first, type to search."""
    return pick(label, read(Reports.client_choices, current), key=key, none_label=_("— none —"),
                current=current)


def readiness_checklist() -> None:
    """Draw the five things to have before starting (S8), each ticked and saved at once."""
    items = read(checklist.checklist)
    st.caption(_("{done} of {total} ready").format(done=number(sum(i.done for i in items)),
                                                   total=number(len(items))))
    for item in items:
        ticked = st.checkbox(_(CHECKLIST_LABELS[item.key]), value=item.done, key=f"check_{item.key}")
        if ticked != item.done:
            write(checklist.set_checklist_item, key=item.key, done=ticked, note=item.note)
            st.rerun()


def language_picker(key: str = "language_choice") -> None:
    """Draw a language switch; a change applies to the whole app at once and is remembered."""
    st.session_state[key] = language()  # follows a switch made elsewhere (the sidebar, Settings)
    st.radio(_("Language"), list(LANGUAGE_NAMES), format_func=LANGUAGE_NAMES.get, horizontal=True,
             key=key, on_change=lambda: choose_language(st.session_state[key]))


def bengali() -> bool:
    """Return True when numbers are written in Bengali digits (Bengali, unless turned off); once a run."""
    run = this_run()
    if "bengali" not in run:
        run["bengali"] = language() == "bn" and read(settings.get_setting, "bengali_digits") != "off"
    return run["bengali"]


def chart(builder: Callable[..., Any], *args: Any, key: str | None = None) -> None:
    """Draw a figure from tracker.web.charts, with labels, numbers, days and months in the person's form."""
    st.plotly_chart(builder(*args, present()), key=key, config={"displaylogo": False})


def today() -> date:
    """Return today's date (one place, so that pages agree)."""
    return date.today()


def advice(tip: Tip, kind: str = "info") -> None:
    """Show one piece of guidance where it helps, with the source point it comes from."""
    box = getattr(st, kind)
    box(f"**{_(tip.title)}** — {_(tip.text)}  \n" + _("Source point {id}").format(id=tip.source),
        icon=":material/lightbulb:")


WELCOME = ("pages/welcome.py", N_("Welcome"), ":material/waving_hand:")
LANGUAGE_NAMES = {"bn": "বাংলা", "en": "English"}  # each in its own language, Bengali first


def onboarding_due() -> bool:
    """Return True when the welcome steps open first: an empty database, never finished or skipped."""
    return read(situations.needs_onboarding)


def choose_language(code: str) -> bool:
    """Store the person's language and switch the app to it at once; return True unless refused."""
    if read(settings.get_setting, "language") != code and write(
            settings.set_setting, key="language", value=code) is None:
        return False
    st.session_state["language"] = code
    forget_this_run()
    return True


def go_button(label: str, page: str, *, key: str, primary: bool = False, icon: str | None = None) -> None:
    """Draw a button that opens another page of the app (a file under pages/)."""
    if st.button(label, key=key, type="primary" if primary else "secondary", icon=icon):
        st.switch_page(page)


def keep_advice(place: str, tips: Iterable[Tip]) -> None:
    """Keep tips to show at a place on the next run (a save reruns the page and empties its form)."""
    st.session_state[f"_advice_{place}"] = tuple(tips)


def kept_advice(place: str) -> None:
    """Show, once, the tips kept for a place."""
    for tip in st.session_state.pop(f"_advice_{place}", ()):
        advice(tip)


def attempt(reader: Callable[..., R], *args: Any) -> R | None:
    """Return `read(reader, *args)`, or None with the message shown when the input is refused."""
    try:
        return read(reader, *args)
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


def progress_bar(text: str) -> Callable[[float], None]:
    """Draw a progress bar; return the function that moves it (a share done from 0 to 1)."""
    bar = st.progress(0.0, text=text)
    return lambda done: bar.progress(min(max(float(done), 0.0), 1.0), text=text)


def checked(function: Callable[..., R], *args: Any, **kwargs: Any) -> R | None:
    """Return `function(*args, **kwargs)` (no database), or None with the message shown if refused."""
    try:
        return function(*args, **kwargs)
    except InvalidInput as err:
        show_error(err)
        return None
