"""Settings: the monthly goal (kept per month), home currency, platform fees, language."""

from typing import Any

import streamlit as st

from tracker.demo import profile as demo
from tracker.ledger.models import Platform
from tracker.reports.choices import Choice
from tracker.services import goals
from tracker.services import settings as service
from tracker.web import forms, nav, state, widgets
from tracker.web.state import _


def goal_fields(key: str, goal: tuple[str, str]) -> tuple[str, str]:
    """Draw a stored goal's amount and first month pre-filled; return them as typed."""
    amount, since = st.columns(2)
    return (amount.text_input(_("Goal"), value=goal[0], key=f"{key}_target"),
            since.text_input(_("From month (YYYY-MM)"), value=goal[1], key=f"{key}_from"))


def change_goal(history: list[Any]) -> None:
    """Let the person pick a goal and change its amount or first month, or delete it."""
    stored = {g.id: (state.money(g.target_minor, whole=True), g.valid_from) for g in history}
    listed = [Choice(id=g.id, label=state.month(g.valid_from)) for g in history]
    found = forms.picked(_("Goal to change"), listed, key="goal_edit_pick", load=stored.get)
    if found is None:
        return
    goal_id, data = found
    forms.change_record(data, forms.Change(
        form=widgets.form_key(f"goal_edit_{goal_id}"), empties=f"goal_edit_{goal_id}", fields=goal_fields,
        save=lambda typed: None if state.write(goals.update_goal, goal_id=goal_id, target=typed[0],
                                               valid_from=typed[1]) is None else _("Saved."),
        delete=forms.deletes(goals.delete_goal, _("Deleted."), goal_id=goal_id), what=state.month(data[1]),
        delete_key="goal_remove", deleted_empties="goal_remove", deleted_kind="info"))


nav.page_title(_("Settings"))
goal_tab, money_tab, language_tab = widgets.tabs(
    [_("Monthly goal"), _("Currency and fees"), _("Language")],
    key="settings_tabs",
)

with goal_tab:
    st.caption(_("A new goal applies from the month you choose; earlier months keep their goal."))
    with st.form(widgets.form_key("goal")):
        amount, since = st.columns(2)
        target = amount.text_input(_("Net income goal per month (taka)"), value="1,00,000", key="goal_target")
        valid_from = since.text_input(_("From month (YYYY-MM)"), value=state.this_month(), key="goal_from")
        saved = st.form_submit_button(_("Save goal"))
    if saved and (goal := state.write(goals.set_goal, target=target, valid_from=valid_from)) is not None:
        widgets.saved(
            "goal",
            _("From {month} your goal is {amount} a month.").format(
                month=state.month(goal.valid_from), amount=state.money(goal.target_minor, whole=True)
            ),
        )
    history = state.read(goals.goal_history)
    if not history:
        st.info(
            _("Your goal is the default {amount} a month.").format(
                amount=state.money(goals.DEFAULT_GOAL_MINOR, whole=True)
            )
        )
    else:
        st.dataframe(
            {
                _("From month"): [state.month(g.valid_from) for g in history],
                _("Goal"): [state.money(g.target_minor, whole=True) for g in history],
            },
            hide_index=True,
        )
        change_goal(history)

with money_tab:
    st.subheader(_("Home currency"))
    currencies = widgets.currency_options()
    home = state.read(service.home_currency)
    with st.form(widgets.form_key("home")):
        code = st.selectbox(_("Home currency"), currencies, index=currencies.index(home), key="home_code")
        st.caption(_("It can change only before the first payment or expense is logged."))
        if (
            st.form_submit_button(_("Save currency"))
            and state.write(service.set_setting, key="home_currency", value=code) is not None
        ):
            widgets.saved("home", _("Saved."))
    st.subheader(_("Default platform fee"))
    st.caption(_("Pre-filled on new payments from that platform; you can still change it each time."))
    with st.form(widgets.form_key("fees")):
        fees = {
            p.value: st.text_input(
                _("{platform} fee (%)").format(platform=_(p.value)),
                value=str(state.read(service.fee_percent, p.value)),
                key=f"fee_{p.value}",
            )
            for p in Platform
        }
        if (
            st.form_submit_button(_("Save fees"))
            and state.write(service.set_fee_percents, fees=fees) is not None
        ):
            widgets.saved("fees", _("Saved."))

with language_tab:
    widgets.language_picker()
    digits_on = state.read(service.get_setting, "bengali_digits") != "off"
    if st.toggle(_("Bengali digits (০১২৩৪৫৬৭৮৯) in Bengali"), value=digits_on, key="bengali_digits",
                 help=_("Amounts, numbers and dates in Bengali digits when the app is in Bengali; off: "
                        "0123456789.")) != digits_on and state.done(
            service.set_setting, key="bengali_digits", value="off" if digits_on else "on"):
        st.rerun()

st.divider()
st.subheader(_("Welcome steps"))
st.caption(_("Go through the first-start questions again: language, currency, goal, skills, readiness."))
if st.button(_("Show the welcome steps again"), key="welcome_again", icon=":material/replay:") and state.done(
    service.delete_setting, key="onboarded"
):
    st.switch_page("pages/welcome.py")

st.subheader(_("Demo data"))
demo_records = sum(state.read(demo.demo_counts).values())
st.caption(
    _(
        "Demo records in your books: {count}. Their names end in “(demo)”; removing them keeps "
        "every record of your own."
    ).format(count=state.number(demo_records))
)
if (
    st.button(
        _("Remove demo data"), key="demo_remove", icon=":material/delete_sweep:", disabled=not demo_records
    )
    and state.write(demo.remove_demo) is not None
):
    widgets.saved("demo_remove", _("The demo data is removed."))
