"""Clients: who pays you, what they paid, what they still owe; add, edit, archive or delete them."""

from datetime import date

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
from tracker.web import tables, ui
from tracker.web.ui import _

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
    overview = ui.read(Reports.clients_overview, date.today())
    if not overview:
        st.info(_("No clients yet. Add the first one above."))
        return
    late = sum(1 for row in overview if row.overdue)
    if late:
        st.warning(_("{count} client(s) have not paid for work delivered more than {days} days ago. "
                     "Ask for the payment before you take new work from them (S18).")
                   .format(count=ui.number(late), days=ui.number(OVERDUE_DAYS)), icon=":material/schedule:")
    tables.show(overview, tables.CLIENTS, ui.present(), key="client_list")
    st.caption(_("Net income counts cleared payments, in your home currency. Open: the agreed price of "
                 "active or delivered gigs with no payment yet. Overdue: delivered more than {days} "
                 "days ago and still not paid.").format(days=ui.number(OVERDUE_DAYS)))


def edit_client(client_id: int) -> None:
    """Draw the edit form for one client, pre-filled from the database, and save changes."""
    data = ui.read(Reports.client_input, client_id)
    if data is None:
        return
    form = ui.form_key(f"client_edit_{client_id}")
    with st.form(form):
        typed = client_fields(form, data)
        archived = st.checkbox(_("Archived (hidden from pickers, kept in the books)"),
                               value=data.archived, key=f"{form}.archived")
        pressed = st.form_submit_button(_("Save changes"))
    if pressed:
        client = ui.write(update_client, client_id=client_id,
                          data=typed.model_copy(update={"archived": archived}))
        if client is not None:
            ui.saved(f"client_edit_{client_id}", _("Saved {name}.").format(name=client.name))
    remove_client(client_id, data.name)


def client_warning(client_id: int) -> None:
    """Show the S18 warning, the signs seen and what to check, for a client that shows a warning sign."""
    risk = ui.read(advice.client_risk, client_id, date.today())
    if not risk.applies:
        return
    ui.advice(notes.CHECK_CLIENT, "warning")
    st.markdown("\n".join(f"- {_(sign).format(days=ui.number(OVERDUE_DAYS))}" for sign in risk.reasons))
    st.caption(_("What to check"))
    st.markdown("\n".join(f"- {_(check)}" for check in notes.CLIENT_CHECKS))


def remove_client(client_id: int, name: str) -> None:
    """Delete a client after a confirmation; when refused, offer to archive instead."""
    refused = f"client_refused_{client_id}"
    if ui.confirm_delete(name, key=f"client_{client_id}"):
        if ui.write(delete_client, client_id=client_id) is not None:
            ui.saved("client_pick", _("Deleted {name}.").format(name=name))
        else:
            st.session_state[refused] = True
    if st.session_state.get(refused):
        st.caption(_("Archiving keeps the client's gigs and payments in your books and hides the "
                     "client from the pickers."))
        archive = st.button(_("Archive instead"), key=f"client_{client_id}_archive",
                            icon=":material/archive:")
        if archive and ui.write(archive_client, client_id=client_id) is not None:
            st.session_state.pop(refused, None)
            ui.saved(f"client_edit_{client_id}", _("Archived {name}.").format(name=name))


ui.page_title(_("Clients"))
st.caption(_("Look a client up before you work for them, and ask early when a payment is late (S18)."))
add_form = ui.form_key("client")
with st.form(add_form):
    new = client_fields(add_form, ClientInput(name=""))
    added = st.form_submit_button(_("Add client"), type="primary")
if added:
    client = ui.write(create_client, data=new)
    if client is not None:
        ui.saved("client", _("Added {name}.").format(name=client.name))

client_list()

st.subheader(_("Change a client"))
chosen = ui.pick(_("Client to change"), ui.read(Reports.client_choices, None, True),
                 key=ui.form_key("client_pick"))
if chosen is not None:
    client_warning(chosen)
    edit_client(chosen)
