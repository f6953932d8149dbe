"""Clients: who pays you, what they paid, what they still owe; add, edit, archive or delete them."""


import streamlit as st

from tracker.guidance import advice, notes
from tracker.ledger.models import Platform
from tracker.reports.facade import Reports
from tracker.reports.owed import OVERDUE_DAYS
from tracker.services.clients import (
    ClientInput,
    archive_client,
    create_client,
    delete_client,
    update_client,
)
from tracker.web import forms, nav, state, tables, widgets
from tracker.web.state import _

PLATFORMS = [p.value for p in Platform]


def client_fields(key: str, data: ClientInput) -> ClientInput:
    """Draw the client's fields pre-filled with `data`; return what the person typed."""
    name, platform, country = st.columns([2, 1, 1])
    return ClientInput(
        name=name.text_input(_("Client name"), value=data.name, key=f"{key}.name"),
        platform=platform.selectbox(_("Platform"), PLATFORMS, index=PLATFORMS.index(data.platform),
                                    format_func=_, key=f"{key}.platform"),
        country=country.text_input(_("Country"), value=data.country, key=f"{key}.country"),
        payment_verified=st.checkbox(_("Payment method verified"), value=data.payment_verified,
                                     key=f"{key}.verified"),
        asks_upfront=st.checkbox(_("Asked me for money up front (a fee, a deposit, a paid “training”)"),
                                 value=data.asks_upfront, key=f"{key}.upfront"),
        notes=st.text_area(_("Notes"), value=data.notes, key=f"{key}.notes", height=80,
                           placeholder=_("What you found out about them, how they like to work")),
        archived=data.archived,
    )


def client_list() -> None:
    """Show every client with what they paid, what is open, what is overdue."""
    overview = state.read(Reports.clients_overview, state.today())
    if not overview:
        st.info(_("No clients yet. Add the first one above."))
        return
    late = sum(1 for row in overview if row.overdue)
    if late:
        st.warning(state.ngettext("{count} client has not paid for work delivered more than {days} days ago. "
                                  "Ask for the payment before you take new work from them (S18).",
                                  "{count} clients have not paid for work delivered more than {days} days "
                                  "ago. Ask for the payment before you take new work from them (S18).", late)
                   .format(count=state.number(late), days=state.number(OVERDUE_DAYS)),
                   icon=":material/schedule:")
    tables.show(overview, tables.CLIENTS, state.present(), key="client_list")
    st.caption(_("Net income counts cleared payments, in your home currency. Open: the agreed price of "
                 "active or delivered gigs with no payment yet. Overdue: delivered more than {days} "
                 "days ago and still not paid.").format(days=state.number(OVERDUE_DAYS)))


def edit_client(client_id: int) -> None:
    """Draw the edit form for one client, pre-filled from the database; save changes, or delete it."""
    data = state.read(Reports.client_input, client_id)
    if data is None:
        return
    name = f"client_edit_{client_id}"
    forms.change_record(data, forms.Change(
        form=widgets.form_key(name), empties=name, fields=edited_client, what=data.name,
        save=lambda typed: None if (client := state.write(update_client, client_id=client_id, data=typed))
        is None else _("Saved {name}.").format(name=client.name),
        delete=lambda: deleted_client(client_id, data.name), delete_key=f"client_{client_id}",
        deleted_empties="client_pick"))
    offer_archive(client_id, data.name)


def edited_client(key: str, data: ClientInput) -> ClientInput:
    """Draw a stored client's fields and the Archived tick; return what the person typed."""
    typed = client_fields(key, data)
    archived = st.checkbox(_("Archived (hidden from pickers, kept in the books)"), value=data.archived,
                           key=f"{key}.archived")
    return typed.model_copy(update={"archived": archived})


def client_warning(client_id: int) -> None:
    """Show the S18 warning, the signs seen and what to check, for a client that shows a warning sign."""
    risk = state.read(advice.client_risk, client_id, state.today())
    if not risk.applies:
        return
    widgets.advice(notes.CHECK_CLIENT, "warning")
    st.markdown("\n".join(f"- {_(sign).format(days=state.number(OVERDUE_DAYS))}" for sign in risk.reasons))
    st.caption(_("What to check"))
    st.markdown("\n".join(f"- {_(check)}" for check in notes.CLIENT_CHECKS))


def deleted_client(client_id: int, name: str) -> str | None:
    """Delete a client; return the message, or None when refused (then archiving is offered)."""
    if state.write(delete_client, client_id=client_id) is not None:
        return _("Deleted {name}.").format(name=name)
    st.session_state[f"client_refused_{client_id}"] = True
    return None


def offer_archive(client_id: int, name: str) -> None:
    """When a client could not be deleted, offer to archive them instead."""
    refused = f"client_refused_{client_id}"
    if st.session_state.get(refused):
        st.caption(_("Archiving keeps the client's gigs and payments in your books and hides the "
                     "client from the pickers."))
        archive = st.button(_("Archive instead"), key=f"client_{client_id}_archive",
                            icon=":material/archive:")
        if archive and state.write(archive_client, client_id=client_id) is not None:
            st.session_state.pop(refused, None)
            widgets.saved(f"client_edit_{client_id}", _("Archived {name}.").format(name=name))


nav.page_title(_("Clients"))
st.caption(_("Look a client up before you work for them, and ask early when a payment is late (S18)."))
add_form = widgets.form_key("client")
with st.form(add_form):
    new = client_fields(add_form, ClientInput(name=""))
    added = st.form_submit_button(_("Add client"), type="primary")
if added:
    client = state.write(create_client, data=new)
    if client is not None:
        widgets.saved("client", _("Added {name}.").format(name=client.name))

client_list()

st.subheader(_("Change a client"))
chosen = widgets.pick(_("Client to change"), state.read(Reports.client_choices, None, True),
                 key=widgets.form_key("client_pick"))
if chosen is not None:
    client_warning(chosen)
    edit_client(chosen)
