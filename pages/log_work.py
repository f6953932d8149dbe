"""Log work: a payment, a gig with its payment, or an expense; then the latest entries, to change."""

from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from tracker.guidance import advice, notes
from tracker.i18n import N_
from tracker.ledger.models import ExpenseCategory, GigStatus, PaymentStatus, Platform
from tracker.ledger.money import rate_to_text
from tracker.reports.choices import Choice
from tracker.reports.facade import Reports
from tracker.services import payments
from tracker.services.clients import default_platform
from tracker.services.expenses import ExpenseInput, create_expense, delete_expense, update_expense
from tracker.services.payments import PaymentInput, rate_or_received
from tracker.services.settings import fee_percent, home_currency
from tracker.services.work import create_gig_with_payment, gig_of_payment
from tracker.web import forms, nav, state, tables, widgets
from tracker.web.state import _

HOME = state.read(home_currency)
PICK_LIMIT = 500
GIG_STATUSES = [GigStatus.ACTIVE.value, GigStatus.DELIVERED.value, GigStatus.PAID.value]
PAYMENT_LABELS = {"gross": N_("Amount the client paid"), "fee": N_("Platform fee"),  # the tabs' money fields
                  "transfer": N_("Transfer / withdrawal fee"), "rate": N_("Taka received for 1 unit (rate)"),
                  "received": N_("Or: taka received in all")}
ENTRY_TEXTS = {"payment": (N_("Payment to change"), N_("this payment"), N_("The payment is changed."),
                           N_("The payment is deleted.")),
               "expense": (N_("Expense to change"), N_("this expense"), N_("The expense is changed."),
                           N_("The expense is deleted."))}
GIG_LABELS = {"gross": N_("Amount paid for the gig"), "fee": N_("Platform fee on it"),
              "transfer": N_("Transfer fee on it"), "rate": N_("Rate for it (taka for 1 unit)"),
              "received": N_("Or: taka received for it")}


def currency_select(key: str, default: str) -> str:
    """Return the chosen currency (outside the form, so that the form follows it)."""
    options = widgets.currency_options()
    return st.selectbox(_("Currency"), options, index=options.index(default), key=key)


def platform_select(key: str, client_id: int | None) -> str:
    """Return the chosen platform (the client's when another client is chosen); own website: S15 note."""
    seen = f"_{key}_client"
    if st.session_state.get(seen) != client_id:
        st.session_state[seen] = client_id
        platform = state.read(default_platform, client_id=client_id)
        if platform:
            st.session_state[key] = platform
    chosen = st.selectbox(_("Platform"), [p.value for p in Platform], key=key, format_func=_)
    if advice.own_website(chosen):
        widgets.advice(notes.OWN_WEBSITE)
    return chosen


def day_input(where: Any, label: str, value: date, form: str) -> date:
    """Return the date picked in a form's date field (in a column or the form itself)."""
    return where.date_input(label, value=value, format="YYYY-MM-DD", key=f"{form}_date")


def rate_default(currency: str) -> str:
    """Return the last rate used for a currency as text, or '' if none yet."""
    rate = state.read(Reports.last_rate, currency)
    return "" if rate is None else rate_to_text(rate)


def money_fields(form: str, currency: str, platform: str, labels: dict[str, str]) -> dict[str, Any]:
    """Draw amount, fees and rate (or taka received) inside a form; return them as PaymentInput fields."""
    texts = {field: _(text) for field, text in labels.items()}
    gross_col, fee_col, transfer_col = st.columns(3)
    gross = gross_col.text_input(texts["gross"], placeholder="250.00", key=f"{form}_gross")
    fee = fee_col.text_input(texts["fee"], value=f"{rate_to_text(state.read(fee_percent, platform))}%",
                             key=f"{form}_fee",
                             help=_("An amount like 25.00, or a percent of the amount like 10%."))
    transfer = transfer_col.text_input(texts["transfer"], value="0", key=f"{form}_transfer")
    values: dict[str, Any] = {"gross": gross, "platform_fee": fee, "transfer_fee": transfer}
    if currency == HOME:
        return values
    suggested = rate_default(currency)
    rate_col, received_col = st.columns(2)
    rate = rate_col.text_input(texts["rate"], value=suggested, placeholder="122.50", key=f"{form}_rate",
                               help=_("Filled in with the last rate you used for this currency."))
    received = received_col.text_input(
        texts["received"], key=f"{form}_received",
        help=_("Or the taka that reached you in all; the rate is then worked out from it."))
    return {**values, **rate_or_received(rate=rate, received=received, suggested=suggested)}


def payment_tab() -> None:
    """Draw the payment form and store what it says."""
    currency = currency_select("payment_currency", "USD")
    client_id = widgets.client_picker(_("Client (optional)"), key=widgets.form_key("payment") + "_client")
    platform = platform_select("payment_platform", client_id)
    form = widgets.form_key("payment") + f"_{currency}_{platform}"
    with st.form(form):
        paid_on = day_input(st, _("Date"), state.today(), form)
        money = money_fields(form, currency, platform, PAYMENT_LABELS)
        note = st.text_input(_("Note (optional)"), key=f"{form}_note")
        pressed = st.form_submit_button(_("Save payment"), type="primary", key=f"{form}_save")
    if pressed:
        data = PaymentInput(paid_on=paid_on, currency=currency, platform=platform, client_id=client_id,
                            note=note, **money)
        payment = state.write(payments.create_payment, data=data)
        if payment is not None:
            widgets.saved("payment", _("Saved: {net} net.").format(
                net=state.money(payment.net_home_minor, HOME)))


def gig_tab() -> None:
    """Draw the form for a gig and its payment, and store both together."""
    currency = currency_select("gig_currency", "USD")
    client_id = widgets.client_picker(_("Client (optional)"), key=widgets.form_key("gig") + "_client")
    platform = platform_select("gig_platform", client_id)
    form = widgets.form_key("gig") + f"_{currency}_{platform}"
    with st.form(form):
        title = st.text_input(_("Gig title"), key=f"{form}_title")
        skill_id = widgets.pick(_("Skill (optional)"), state.read(Reports.skill_choices), key=f"{form}_skill",
                           none_label=_("— none —"))
        status_col, hours_col, day_col = st.columns(3)
        status = status_col.selectbox(_("Gig status"), GIG_STATUSES, index=GIG_STATUSES.index("paid"),
                                      key=f"{form}_status", format_func=_)
        hours = hours_col.text_input(_("Hours worked (optional)"), key=f"{form}_hours")
        paid_on = day_input(day_col, _("Date paid"), state.today(), form)
        money = money_fields(form, currency, platform, GIG_LABELS)
        note = st.text_input(_("Note (optional)"), key=f"{form}_note")
        pressed = st.form_submit_button(_("Save gig and payment"), type="primary", key=f"{form}_save")
    if pressed:
        data = PaymentInput(paid_on=paid_on, currency=currency, platform=platform, client_id=client_id,
                            note=note, **money)
        gig = gig_of_payment(title=title, client_id=client_id, skill_id=skill_id, status=status, hours=hours,
                             payment=data)
        saved = state.write(create_gig_with_payment, gig=gig, payment=data)
        if saved is not None:
            widgets.keep_advice("log_gig", state.read(advice.gig_tips, saved[0].skill_id))
            widgets.saved("gig", _("Saved “{title}” and its payment: {net} net.").format(
                title=saved[0].title, net=state.money(saved[1].net_home_minor, HOME)))
    widgets.kept_advice("log_gig")


def expense_tab() -> None:
    """Draw the expense form and store what it says."""
    currency = currency_select("expense_currency", HOME)
    form = widgets.form_key("expense") + f"_{currency}"
    with st.form(form):
        day_col, amount_col, category_col = st.columns(3)
        spent_on = day_input(day_col, _("Date"), state.today(), form)
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
        expense = state.write(create_expense, data=data)
        if expense is not None:
            widgets.saved("expense", _("Saved: {amount} spent.").format(
                amount=state.money(expense.amount_home_minor, HOME)))


def label(*parts: object) -> str:
    """Return the non-empty parts of an entry joined for a picker, like '2026-08-03 · $250.00 · Acme'."""
    return " · ".join(str(part) for part in parts if part)


def stored_row(form: str, day: date | str, label: str, field: str, data: Any) -> tuple[date, str, str]:
    """Draw a stored entry's date, amount (its `field`) and currency pre-filled; return them as typed."""
    day_col, amount_col, currency_col = st.columns(3)
    options = widgets.currency_options()
    return (day_input(day_col, _("Date"), day, form),
            amount_col.text_input(label, value=str(getattr(data, field)), key=f"{form}_{field}"),
            currency_col.selectbox(_("Currency"), options, index=options.index(data.currency),
                                   key=f"{form}_currency"))


def edit_entry(kind: str, choices: list[Choice], load: Callable[..., Any], fields: Callable[..., Any],
               update: Callable[..., Any], delete: Callable[..., Any]) -> None:
    """Pick a payment or an expense (`kind`), change it in its pre-filled form, or delete it."""
    pick_label, what, changed, deleted = (_(text) for text in ENTRY_TEXTS[kind])
    name = f"edit_{kind}"
    found = forms.picked(pick_label, choices, key=widgets.form_key(name) + "_pick",
                         load=lambda i: state.read(load, i))
    if found is not None:
        record_id, data = found
        ids = {f"{kind}_id": record_id}
        forms.change_record(data, forms.Change(
            form=widgets.form_key(name) + f"_{record_id}", empties=name, fields=fields, what=what,
            save=forms.saves(update, changed, **ids), delete=forms.deletes(delete, deleted, **ids)))


def payment_fields(form: str, data: PaymentInput) -> PaymentInput:
    """Draw a stored payment's fields pre-filled inside its form; return what the person typed."""
    paid_on, gross, currency = stored_row(form, data.paid_on, _("Amount the client paid"), "gross", data)
    fee_col, transfer_col, rate_col, received_col = st.columns(4)
    fee = fee_col.text_input(_("Platform fee"), value=str(data.platform_fee), key=f"{form}_fee")
    transfer = transfer_col.text_input(_("Transfer / withdrawal fee"), value=str(data.transfer_fee),
                                       key=f"{form}_transfer")
    rate = rate_col.text_input(_("Taka received for 1 unit (rate)"), value=str(data.rate), key=f"{form}_rate")
    received = received_col.text_input(_("Or: taka received in all"), key=f"{form}_received",
                                       help=_("Empty the rate to give the taka received instead."))
    statuses = [s.value for s in PaymentStatus]
    status = st.selectbox(_("Status"), statuses, index=statuses.index(data.status), key=f"{form}_status",
                          format_func=_)
    note = st.text_input(_("Note (optional)"), value=data.note, key=f"{form}_note")
    return data.model_copy(update={
        "paid_on": paid_on, "gross": gross, "currency": currency, "platform_fee": fee,
        "transfer_fee": transfer, "rate": rate or None, "received_home": received or None,
        "status": status, "note": note})


def edit_payment() -> None:
    """Pick a payment, change it in a pre-filled form, or delete it."""
    rows = state.read(Reports.recent_payments, PICK_LIMIT)
    choices = [Choice(r.id, label(state.day(r.paid_on), state.money(r.gross_minor, r.currency),
                                  r.client or (_(r.platform) if r.platform else ""))) for r in rows]
    edit_entry("payment", choices, Reports.payment_input, payment_fields, payments.update_payment,
               payments.delete_payment)


def expense_fields(form: str, data: ExpenseInput) -> ExpenseInput:
    """Draw a stored expense's fields pre-filled inside its form; return what the person typed."""
    spent_on, amount, currency = stored_row(form, data.spent_on, _("Amount spent"), "amount", data)
    rate_col, category_col = st.columns(2)
    rate = rate_col.text_input(_("Taka for 1 unit (rate)"), value=str(data.rate), key=f"{form}_rate",
                               help=_("Leave empty (or 1) for an expense in taka."))
    categories = [c.value for c in ExpenseCategory]
    category = category_col.selectbox(_("Category"), categories, index=categories.index(data.category),
                                      key=f"{form}_category", format_func=_)
    note = st.text_input(_("Note (optional)"), value=data.note, key=f"{form}_note")
    return data.model_copy(update={"spent_on": spent_on, "amount": amount, "currency": currency,
                                   "rate": rate or None, "category": category, "note": note})


def edit_expense() -> None:
    """Pick an expense, change it in a pre-filled form, or delete it."""
    rows = state.read(Reports.recent_expenses, PICK_LIMIT)
    choices = [Choice(r.id, label(state.day(r.spent_on), state.money(r.amount_minor, r.currency),
                                  _(r.category), r.note))
               for r in rows]
    edit_entry("expense", choices, Reports.expense_input, expense_fields, update_expense, delete_expense)


nav.page_title(_("Log work"))
payment, gig, expense = widgets.tabs([_("Payment"), _("Gig and its payment"), _("Expense")],
                                     key="log_work_tabs")
with payment:
    payment_tab()
with gig:
    gig_tab()
with expense:
    expense_tab()

for title, recent, columns, change, expander, nothing in (
        (_("Latest payments"), Reports.recent_payments, tables.PAYMENTS, edit_payment,
         _("Change or delete a payment"), _("No payments yet. Your first one goes in the form above.")),
        (_("Latest expenses"), Reports.recent_expenses, tables.EXPENSES, edit_expense,
         _("Change or delete an expense"), _("No expenses yet."))):
    st.subheader(title)
    if latest := state.read(recent, 20):
        tables.show(latest, columns, state.present())
        with st.expander(expander):
            change()
    else:
        st.info(nothing)
