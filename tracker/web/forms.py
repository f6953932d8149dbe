"""The one edit flow of the app: pick a record, change it in a pre-filled form, save it or delete it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import streamlit as st

from tracker.reports.choices import Choice
from tracker.web import state
from tracker.web.state import _
from tracker.web.widgets import confirm_delete, pick, saved

T = TypeVar("T")


@dataclass(frozen=True)
class Change(Generic[T]):
    """How one record is changed: its form, its fields, its save and (when it may go) its delete."""

    form: str  # the form's key; its fields' keys start with it, the Save button is f"{form}_save"
    empties: str  # the form (see widgets.form_key) started afresh after a save
    fields: Callable[[str, T], T]  # draws the fields pre-filled under a key; returns what was typed
    save: Callable[[T], str | None]  # writes what was typed; returns the message, None when refused
    delete: Callable[[], str | None] | None = None  # deletes it; returns the message, None when refused
    what: str = ""  # the record as named in "Yes, delete …"
    delete_key: str = ""  # key of the tick and the Delete button (the form's key when empty)
    deleted_empties: str = ""  # the form (the picker's) started afresh after a delete; else `empties`
    deleted_kind: str = "success"  # the box the message after a delete is shown in
    delete_note: str = ""  # what else a delete takes with it, said above the tick


def picked(label: str, choices: list[Choice], *, key: str,
           load: Callable[[int], T | None]) -> tuple[int, T] | None:
    """Return the id and the stored values of the record picked from the list, or None for none."""
    chosen = pick(label, choices, key=key)
    data = load(chosen) if chosen is not None else None
    return None if chosen is None or data is None else (chosen, data)


def edit_form(data: T, change: Change[T]) -> None:
    """Draw the record's form pre-filled with `data`; save what was typed when Save is pressed."""
    with st.form(change.form):
        typed = change.fields(change.form, data)
        pressed = st.form_submit_button(_("Save changes"), type="primary", key=f"{change.form}_save")
    if pressed and (message := change.save(typed)) is not None:
        saved(change.empties, message)


def delete_button(change: Change[Any]) -> None:
    """Draw the 'yes, delete' tick and the Delete button; delete the record once both are used."""
    if change.delete is None:
        return
    if change.delete_note:
        st.caption(change.delete_note)
    if confirm_delete(change.what, key=change.delete_key or change.form) and (
            message := change.delete()) is not None:
        saved(change.deleted_empties or change.empties, message, change.deleted_kind)


def change_record(data: T, change: Change[T]) -> None:
    """Draw a record's pre-filled form with its Save, then its Delete: the one edit flow."""
    edit_form(data, change)
    delete_button(change)


def saves(service: Callable[..., Any], message: str, **ids: Any) -> Callable[[Any], str | None]:
    """Return a Change's save: `service(data=typed, **ids)`, then the message (None when refused)."""
    return lambda typed: message if state.write(service, data=typed, **ids) is not None else None


def deletes(service: Callable[..., Any], message: str, **kwargs: Any) -> Callable[[], str | None]:
    """Return a Change's delete: `service(**kwargs)`, then the message (None when refused)."""
    return lambda: message if state.done(service, **kwargs) else None
