"""Shared widgets: tabs, pickers, the delete confirmation, guidance boxes, charts, the language switch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import streamlit as st

from tracker.guidance import CHECKLIST_LABELS, Tip
from tracker.ledger.money import known_currencies
from tracker.reports.choices import Choice
from tracker.reports.facade import Reports
from tracker.services import checklist
from tracker.web import state
from tracker.web.state import _

COMMON_CURRENCIES = ["USD", "BDT", "EUR", "GBP", "CAD", "AUD", "INR", "AED", "SGD", "JPY"]
LANGUAGE_NAMES = {"bn": "বাংলা", "en": "English"}  # each in its own language, Bengali first


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


def client_picker(label: str, *, key: str, current: int | None = None) -> int | None:
    """Return the id of a chosen client, or None; newest first, type to search."""
    return pick(label, state.read(Reports.client_choices, current), key=key, none_label=_("— none —"),
                current=current)


def confirm_delete(what: str, *, key: str) -> bool:
    """Return True once the person ticked 'yes' and pressed delete for this record."""
    sure = st.checkbox(_("Yes, delete {what}").format(what=state.plain(what)), key=f"{key}_sure")
    pressed = st.button(_("Delete"), key=f"{key}_delete", type="secondary", disabled=not sure,
                        icon=":material/delete:")
    return bool(sure and pressed)


def currency_options() -> list[str]:
    """Return currency codes, the common ones first."""
    rest = [c for c in known_currencies() if c not in COMMON_CURRENCIES]
    return COMMON_CURRENCIES + rest


def readiness_checklist() -> None:
    """Draw the five things to have before starting (S8), each ticked and saved at once."""
    items = state.read(checklist.checklist)
    st.caption(_("{done} of {total} ready").format(done=state.number(sum(i.done for i in items)),
                                                   total=state.number(len(items))))
    for item in items:
        ticked = st.checkbox(_(CHECKLIST_LABELS[item.key]), value=item.done, key=f"check_{item.key}")
        if ticked != item.done:
            state.write(checklist.set_checklist_item, key=item.key, done=ticked, note=item.note)
            st.rerun()


def language_picker(key: str = "language_choice") -> None:
    """Draw a language switch; a change applies to the whole app at once and is remembered."""
    st.session_state[key] = state.language()  # follows a switch made elsewhere (the sidebar, Settings)
    st.radio(_("Language"), list(LANGUAGE_NAMES), format_func=LANGUAGE_NAMES.get, horizontal=True,
             key=key, on_change=lambda: state.choose_language(st.session_state[key]))


def chart(builder: Callable[..., Any], *args: Any, key: str | None = None) -> None:
    """Draw a figure from tracker.web.charts, with labels, numbers, days and months in the person's form."""
    st.plotly_chart(builder(*args, state.present()), key=key, config={"displaylogo": False})


def advice(tip: Tip, kind: str = "info") -> None:
    """Show one piece of guidance where it helps, with the source point it comes from."""
    box = getattr(st, kind)
    box(f"**{_(tip.title)}** — {_(tip.text)}  \n" + _("Source point {id}").format(id=tip.source),
        icon=":material/lightbulb:")


def keep_advice(place: str, tips: Iterable[Tip]) -> None:
    """Keep tips to show at a place on the next run (a save reruns the page and empties its form)."""
    st.session_state[f"_advice_{place}"] = tuple(tips)


def kept_advice(place: str) -> None:
    """Show, once, the tips kept for a place."""
    for tip in st.session_state.pop(f"_advice_{place}", ()):
        advice(tip)


def go_button(label: str, page: str, *, key: str, primary: bool = False, icon: str | None = None) -> None:
    """Draw a button that opens another page of the app (a file under pages/)."""
    if st.button(label, key=key, type="primary" if primary else "secondary", icon=icon):
        st.switch_page(page)


def progress_bar(text: str) -> Callable[[float], None]:
    """Draw a progress bar; return the function that moves it (a share done from 0 to 1)."""
    bar = st.progress(0.0, text=text)
    return lambda done: bar.progress(min(max(float(done), 0.0), 1.0), text=text)
