"""Clients: who pays you, with what they paid so far."""

import streamlit as st

from tracker import tables, ui
from tracker.models import Platform
from tracker.services.clients import ClientInput, create_client
from tracker.ui import _

ui.page_title(_("Clients"))
with st.form(ui.form_key("client")):
    name, platform, country = st.columns([2, 1, 1])
    client_name = name.text_input(_("Client name"))
    client_platform = platform.selectbox(_("Platform"), [p.value for p in Platform])
    client_country = country.text_input(_("Country"))
    verified = st.checkbox(_("Payment method verified"))
    added = st.form_submit_button(_("Add client"))
if added:
    client = ui.write(create_client, data=ClientInput(name=client_name, platform=client_platform,
                                                      country=client_country,
                                                      payment_verified=verified))
    if client is not None:
        ui.saved("client", _("Added {name}.").format(name=client.name))

overview = ui.read(tables.clients_overview)
if overview.empty:
    st.info(_("No clients yet. Add the first one above."))
else:
    st.dataframe(overview, hide_index=True)
