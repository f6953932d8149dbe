"""Log work: a payment, a gig with its payment, or an expense; then the latest entries, to change."""

from datetime import date
from typing import Any

import streamlit as st

from tracker.guidance import advice, notes
from tracker.ledger.models import ExpenseCategory, GigStatus, PaymentStatus, Platform
from tracker.ledger.money import rate_to_text
from tracker.reports.choices import Choice
from tracker.reports.facade import Reports
from tracker.services.expenses import ExpenseInput, create_expense, delete_expense, update_expense
from tracker.services.gigs import GigInput
from tracker.services.payments import PaymentInput, create_payment, delete_payment, update_payment
from tracker.services.settings import fee_percent, home_currency
from tracker.services.work import create_gig_with_payment
from tracker.web import tables, ui
from tracker.web.ui import _

HOME = ui.read(home_currency)
PICK_LIMIT = 500
GIG_STATUSES = [GigStatus.ACTIVE.value, GigStatus.DELIVERED.value, GigStatus.PAID.value]


def currency_select(key: str, default: str) -> str:
    """Return the chosen currency (outside the form, so that the form follows it)."""
    options = ui.currency_options()
    return st.selectbox(_("Currency"), options, index=options.index(default), key=key)


def platform_select(key: str, client_id: int | None) -> str:
    """Return the chosen platform (the client's when another client is chosen); own website: S15 note."""
    seen = f"_{key}_client"
    if st.session_state.get(seen) != client_id:
        st.session_state[seen] = client_id
        platform = ui.read(Reports.client_platform, client_id)
        if platform:
            st.session_state[key] = platform
    chosen = st.selectbox(_("Platform"), [p.value for p in Platform], key=key, format_func=_)
    if advice.own_website(chosen):
        ui.advice(notes.OWN_WEBSITE)
    return chosen


def day_input(where: Any, label: str, value: date, form: str) -> date:
    """Return the date picked in a form's date field (in a column or the form itself)."""
    return where.date_input(label, value=value, format="YYYY-MM-DD", key=f"{form}_date")


def fee_default(platform: str) -> str:
    """Return the platform's default fee as percent text, like '10%'."""
    return f"{rate_to_text(ui.read(fee_percent, platform))}%"


def rate_default(currency: str) -> str:
    """Return the last rate used for a currency as text, or '' if none yet."""
    rate = ui.read(Reports.last_rate, currency)
    return "" if rate is None else rate_to_text(rate)


def money_fields(form: str, currency: str, platform: str, labels: dict[str, str]) -> dict[str, Any]:
    """Draw amount, fees and rate (or taka received) inside a form; return them as PaymentInput fields."""
    gross_col, fee_col, transfer_col = st.columns(3)
    gross = gross_col.text_input(labels["gross"], placeholder="250.00", key=f"{form}_gross")
    fee = fee_col.text_input(labels["fee"], value=fee_default(platform), key=f"{form}_fee",
                             help=_("An amount like 25.00, or a percent of the amount like 10%."))
    transfer = transfer_col.text_input(labels["transfer"], value="0", key=f"{form}_transfer")
    values: dict[str, Any] = {"gross": gross, "platform_fee": fee, "transfer_fee": transfer}
    if currency == HOME:
        return values
    suggested = rate_default(currency)
    rate_col, received_col = st.columns(2)
    rate = rate_col.text_input(labels["rate"], value=suggested, placeholder="122.50", key=f"{form}_rate",
                               help=_("Filled in with the last rate you used for this currency."))
    received = received_col.text_input(
        labels["received"], key=f"{form}_received",
        help=_("Or the taka that reached you in all; the rate is then worked out from it."))
    if received.strip() and rate == suggested:
        rate = ""  # the suggested rate gives way to the taka actually received
    return {**values, "rate": rate or None, "received_home": received or None}


def payment_labels() -> dict[str, str]:
    """Return the labels of the payment tab's money fields."""
    return {"gross": _("Amount the client paid"), "fee": _("Platform fee"),
            "transfer": _("Transfer / withdrawal fee"), "rate": _("Taka received for 1 unit (rate)"),
            "received": _("Or: taka received in all")}


def gig_labels() -> dict[str, str]:
    """Return the labels of the gig tab's money fields (distinct from the payment tab's)."""
    return {"gross": _("Amount paid for the gig"), "fee": _("Platform fee on it"),
            "transfer": _("Transfer fee on it"), "rate": _("Rate for it (taka for 1 unit)"),
            "received": _("Or: taka received for it")}


def payment_tab() -> None:
    """Draw the payment form and store what it says."""
    currency = currency_select("payment_currency", "USD")
    client_id = ui.client_picker(_("Client (optional)"), key=ui.form_key("payment") + "_client")
    platform = platform_select("payment_platform", client_id)
    form = ui.form_key("payment") + f"_{currency}_{platform}"
    with st.form(form):
        paid_on = day_input(st, _("Date"), date.today(), form)
        money = money_fields(form, currency, platform, payment_labels())
        note = st.text_input(_("Note (optional)"), key=f"{form}_note")
        pressed = st.form_submit_button(_("Save payment"), type="primary", key=f"{form}_save")
    if pressed:
        data = PaymentInput(paid_on=paid_on, currency=currency, platform=platform, client_id=client_id,
                            note=note, **money)
        payment = ui.write(create_payment, data=data)
        if payment is not None:
            ui.saved("payment", _("Saved: {net} net.").format(net=ui.money(payment.net_home_minor, HOME)))


def gig_tab() -> None:
    """Draw the form for a gig and its payment, and store both together."""
    currency = currency_select("gig_currency", "USD")
    client_id = ui.client_picker(_("Client (optional)"), key=ui.form_key("gig") + "_client")
    platform = platform_select("gig_platform", client_id)
    form = ui.form_key("gig") + f"_{currency}_{platform}"
    with st.form(form):
        title = st.text_input(_("Gig title"), key=f"{form}_title")
        skill_id = ui.pick(_("Skill (optional)"), ui.read(Reports.skill_choices), key=f"{form}_skill",
                           none_label=_("— none —"))
        status_col, hours_col, day_col = st.columns(3)
        status = status_col.selectbox(_("Gig status"), GIG_STATUSES, index=GIG_STATUSES.index("paid"),
                                      key=f"{form}_status", format_func=_)
        hours = hours_col.text_input(_("Hours worked (optional)"), key=f"{form}_hours")
        paid_on = day_input(day_col, _("Date paid"), date.today(), form)
        money = money_fields(form, currency, platform, gig_labels())
        note = st.text_input(_("Note (optional)"), key=f"{form}_note")
        pressed = st.form_submit_button(_("Save gig and payment"), type="primary", key=f"{form}_save")
    if pressed:
        gig = GigInput(title=title, client_id=client_id, skill_id=skill_id, platform=platform,
                       price=money["gross"], currency=currency, hours_worked=hours or "0", status=status,
                       closed_on=paid_on if status == GigStatus.PAID.value else None)
        data = PaymentInput(paid_on=paid_on, currency=currency, platform=platform, client_id=client_id,
                            note=note, **money)
        saved = ui.write(create_gig_with_payment, gig=gig, payment=data)
        if saved is not None:
            ui.keep_advice("log_gig", ui.read(advice.gig_tips, saved[0].skill_id))
            ui.saved("gig", _("Saved “{title}” and its payment: {net} net.").format(
                title=saved[0].title, net=ui.money(saved[1].net_home_minor, HOME)))
    ui.kept_advice("log_gig")


def expense_tab() -> None:
    """Draw the expense form and store what it says."""
    currency = currency_select("expense_currency", HOME)
    form = ui.form_key("expense") + f"_{currency}"
    with st.form(form):
        day_col, amount_col, category_col = st.columns(3)
        spent_on = day_input(day_col, _("Date"), date.today(), form)
        amount = amount_col.text_input(_("Amount spent"), placeholder="1,000", key=f"{form}_amount")
        category = category_col.selectbox(_("Category"), [c.value for c in ExpenseCategory],
                                          key=f"{form}_category", format_func=_)
        rate = None
        if currency != HOME:
            rate = st.text_input(_("Taka for 1 unit (rate)"), value=rate_default(currency),
                                 placeholder="122.50", key=f"{form}_rate")
        note = st.text_input(_("Note (optional)"), key=f"{form}_note")
        pressed = st.form_submit_button(_("Save expense"), type="primary", key=f"{form}_save")
    if pressed:
        data = ExpenseInput(spent_on=spent_on, amount=amount, currency=currency, rate=rate or None,
                            category=category, note=note)
        expense = ui.write(create_expense, data=data)
        if expense is not None:
            ui.saved("expense", _("Saved: {amount} spent.").format(
                amount=ui.money(expense.amount_home_minor, HOME)))


def label(*parts: object) -> str:
    """Return the non-empty parts of an entry joined for a picker, like '2026-08-03 · $250.00 · Acme'."""
    return " · ".join(str(part) for part in parts if part)


def edit_payment() -> None:
    """Pick a payment, change it in a pre-filled form, or delete it."""
    rows = ui.read(Reports.recent_payments, PICK_LIMIT)
    choices = [Choice(r.id, label(ui.day(r.paid_on), ui.money(r.gross_minor, r.currency),
                                  r.client or (_(r.platform) if r.platform else ""))) for r in rows]
    payment_id = ui.pick(_("Payment to change"), choices, key=ui.form_key("edit_payment") + "_pick")
    data = ui.read(Reports.payment_input, payment_id)
    if payment_id is None or data is None:
        return
    form = ui.form_key("edit_payment") + f"_{payment_id}"
    with st.form(form):
        day_col, gross_col, currency_col = st.columns(3)
        paid_on = day_input(day_col, _("Date"), data.paid_on, form)
        gross = gross_col.text_input(_("Amount the client paid"), value=str(data.gross), key=f"{form}_gross")
        options = ui.currency_options()
        currency = currency_col.selectbox(_("Currency"), options, index=options.index(data.currency),
                                          key=f"{form}_currency")
        fee_col, transfer_col, rate_col, received_col = st.columns(4)
        fee = fee_col.text_input(_("Platform fee"), value=str(data.platform_fee), key=f"{form}_fee")
        transfer = transfer_col.text_input(_("Transfer / withdrawal fee"), value=str(data.transfer_fee),
                                           key=f"{form}_transfer")
        rate = rate_col.text_input(_("Taka received for 1 unit (rate)"), value=str(data.rate),
                                   key=f"{form}_rate")
        received = received_col.text_input(_("Or: taka received in all"), key=f"{form}_received",
                                           help=_("Empty the rate to give the taka received instead."))
        statuses = [s.value for s in PaymentStatus]
        status = st.selectbox(_("Status"), statuses, index=statuses.index(data.status), key=f"{form}_status",
                              format_func=_)
        note = st.text_input(_("Note (optional)"), value=data.note, key=f"{form}_note")
        pressed = st.form_submit_button(_("Save changes"), type="primary", key=f"{form}_save")
    if pressed:
        changed = data.model_copy(update={
            "paid_on": paid_on, "gross": gross, "currency": currency, "platform_fee": fee,
            "transfer_fee": transfer, "rate": rate or None, "received_home": received or None,
            "status": status, "note": note})
        if ui.write(update_payment, payment_id=payment_id, data=changed) is not None:
            ui.saved("edit_payment", _("The payment is changed."))
    if ui.confirm_delete(_("this payment"), key=form) and ui.done(delete_payment, payment_id=payment_id):
        ui.saved("edit_payment", _("The payment is deleted."))


def edit_expense() -> None:
    """Pick an expense, change it in a pre-filled form, or delete it."""
    rows = ui.read(Reports.recent_expenses, PICK_LIMIT)
    choices = [Choice(r.id, label(ui.day(r.spent_on), ui.money(r.amount_minor, r.currency), _(r.category),
                                  r.note))
               for r in rows]
    expense_id = ui.pick(_("Expense to change"), choices, key=ui.form_key("edit_expense") + "_pick")
    data = ui.read(Reports.expense_input, expense_id)
    if expense_id is None or data is None:
        return
    form = ui.form_key("edit_expense") + f"_{expense_id}"
    with st.form(form):
        day_col, amount_col, currency_col = st.columns(3)
        spent_on = day_input(day_col, _("Date"), data.spent_on, form)
        amount = amount_col.text_input(_("Amount spent"), value=str(data.amount), key=f"{form}_amount")
        options = ui.currency_options()
        currency = currency_col.selectbox(_("Currency"), options, index=options.index(data.currency),
                                          key=f"{form}_currency")
        rate_col, category_col = st.columns(2)
        rate = rate_col.text_input(_("Taka for 1 unit (rate)"), value=str(data.rate), key=f"{form}_rate",
                                   help=_("Leave empty (or 1) for an expense in taka."))
        categories = [c.value for c in ExpenseCategory]
        category = category_col.selectbox(_("Category"), categories, index=categories.index(data.category),
                                          key=f"{form}_category", format_func=_)
        note = st.text_input(_("Note (optional)"), value=data.note, key=f"{form}_note")
        pressed = st.form_submit_button(_("Save changes"), type="primary", key=f"{form}_save")
    if pressed:
        changed = data.model_copy(update={"spent_on": spent_on, "amount": amount, "currency": currency,
                                          "rate": rate or None, "category": category, "note": note})
        if ui.write(update_expense, expense_id=expense_id, data=changed) is not None:
            ui.saved("edit_expense", _("The expense is changed."))
    if ui.confirm_delete(_("this expense"), key=form) and ui.done(delete_expense, expense_id=expense_id):
        ui.saved("edit_expense", _("The expense is deleted."))


ui.page_title(_("Log work"))
payment, gig, expense = ui.tabs([_("Payment"), _("Gig and its payment"), _("Expense")], key="log_work_tabs")
with payment:
    payment_tab()
with gig:
    gig_tab()
with expense:
    expense_tab()

st.subheader(_("Latest payments"))
recent_payments = ui.read(Reports.recent_payments, 20)
if recent_payments:
    tables.show(recent_payments, tables.PAYMENTS, ui.present())
    with st.expander(_("Change or delete a payment")):
        edit_payment()
else:
    st.info(_("No payments yet. Your first one goes in the form above."))
st.subheader(_("Latest expenses"))
recent_expenses = ui.read(Reports.recent_expenses, 20)
if recent_expenses:
    tables.show(recent_expenses, tables.EXPENSES, ui.present())
    with st.expander(_("Change or delete an expense")):
        edit_expense()
else:
    st.info(_("No expenses yet."))
