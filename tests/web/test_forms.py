"""tracker/web/forms.py: the one edit flow: pick, a pre-filled form, save or (after a tick) delete."""

from __future__ import annotations

from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from tracker.db.engine import open_session
from tracker.ledger.models import Client
from tracker.services.clients import ClientInput, create_client


def edit_clients() -> None:
    """Pick a client, rename it in its pre-filled form, or delete it."""
    import streamlit as st

    from tracker.reports import choices, pipeline
    from tracker.services.clients import delete_client, update_client
    from tracker.web import forms, state, widgets

    found = forms.picked("Client to change", state.read(choices.client_choices, None, True),
                         key=widgets.form_key("clients") + "_pick",
                         load=lambda i: state.read(pipeline.client_input, i))
    if found is None:
        st.markdown("nothing to change")
        return
    client_id, data = found
    forms.change_record(data, forms.Change(
        form=widgets.form_key("clients") + f"_{client_id}", empties="clients", what=data.name,
        fields=lambda key, d: d.model_copy(update={"name": st.text_input("Name", d.name, key=f"{key}_name")}),
        save=forms.saves(update_client, "Saved.", client_id=client_id),
        delete=forms.deletes(delete_client, "Deleted.", client_id=client_id)))


def names() -> list[str]:
    """Return the stored clients' names."""
    with open_session() as s:
        return [c.name for c in s.exec(select(Client)).all()]


def test_nothing_to_pick_draws_no_form(db_url: str) -> None:
    at = AppTest.from_function(edit_clients, default_timeout=30).run()
    assert at.markdown[0].value == "nothing to change" and not at.text_input


def test_the_form_is_pre_filled_and_saves_what_was_typed(db_url: str, session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme"))
    at = AppTest.from_function(edit_clients, default_timeout=30).run()
    field = at.text_input(key=f"clients_0_{acme.id}_name")
    assert field.value == "Acme"
    field.input("Acme Ltd")
    at.button(key=f"clients_0_{acme.id}_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert names() == ["Acme Ltd"]
    assert at.text_input(key=f"clients_1_{acme.id}_name").value == "Acme Ltd", "a fresh form, new values"


def test_a_refused_save_shows_why_and_changes_nothing(db_url: str, session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme"))
    at = AppTest.from_function(edit_clients, default_timeout=30).run()
    at.text_input(key=f"clients_0_{acme.id}_name").input(" ")
    at.button(key=f"clients_0_{acme.id}_save").click().run()
    assert at.error[0].value == "Please give the client name."
    assert names() == ["Acme"]


def test_delete_takes_the_tick_then_the_button(db_url: str, session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme"))
    at = AppTest.from_function(edit_clients, default_timeout=30).run()
    assert at.checkbox(key=f"clients_0_{acme.id}_sure").label == "Yes, delete Acme"
    assert at.button(key=f"clients_0_{acme.id}_delete").disabled
    at.checkbox(key=f"clients_0_{acme.id}_sure").check().run()
    at.button(key=f"clients_0_{acme.id}_delete").click().run()
    assert names() == []
    assert at.markdown[0].value == "nothing to change"
