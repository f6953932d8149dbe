"""Log work: record a payment (the everyday form) and see the latest entries."""

from datetime import date

import streamlit as st

from tracker import tables, ui
from tracker.services.payments import PaymentInput, create_payment
from tracker.ui import _

ui.page_title(_("Log work"))
st.subheader(_("A payment you received"))
with st.form(ui.form_key("payment")):
    when, amount, currency = st.columns([1, 1, 1])
    paid_on = when.date_input(_("Date"), value=date.today(), format="YYYY-MM-DD")
    gross = amount.text_input(_("Amount the client paid"), placeholder="250.00")
    code = currency.selectbox(_("Currency"), ui.currency_options())
    fee, transfer, rate = st.columns([1, 1, 1])
    platform_fee = fee.text_input(_("Platform fee"), value="0",
                                  help=_("What Upwork, Fiverr or others kept, in the same currency."))
    transfer_fee = transfer.text_input(_("Transfer / withdrawal fee"), value="0")
    rate_text = rate.text_input(_("Taka received for 1 unit (rate)"), placeholder="122.50",
                                help=_("Leave empty for a payment in taka."))
    client_id = ui.client_picker(_("Client (optional)"), key="payment_client")
    note = st.text_input(_("Note (optional)"))
    saved = st.form_submit_button(_("Save payment"), type="primary")

if saved:
    data = PaymentInput(paid_on=paid_on, gross=gross, currency=code, platform_fee=platform_fee,
                        transfer_fee=transfer_fee, rate=rate_text or None, client_id=client_id,
                        note=note)
    payment = ui.write(create_payment, data=data)
    if payment is not None:
        ui.saved("payment", _("Saved: {net} net.").format(net=ui.money(payment.net_home_minor)))

st.subheader(_("Latest payments"))
recent = ui.read(tables.recent_payments, 20)
if recent.empty:
    st.info(_("No payments yet. Your first one goes in the form above."))
else:
    st.dataframe(recent, hide_index=True)
