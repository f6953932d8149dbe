"""Settings: the monthly goal (kept per month) and the home currency."""

import streamlit as st

from tracker import ui
from tracker.services.goals import DEFAULT_GOAL_MINOR, goal_history, set_goal
from tracker.services.settings import home_currency
from tracker.ui import _

ui.page_title(_("Settings"))
st.subheader(_("Monthly goal"))
with st.form(ui.form_key("goal")):
    amount, since = st.columns(2)
    target = amount.text_input(_("Net income goal per month (taka)"), value="1,00,000")
    valid_from = since.text_input(_("From month (YYYY-MM)"), value=ui.this_month())
    saved = st.form_submit_button(_("Save goal"))
if saved:
    goal = ui.write(set_goal, target=target, valid_from=valid_from)
    if goal is not None:
        ui.saved("goal", _("From {month} your goal is {amount} a month.").format(
            month=goal.valid_from, amount=ui.money(goal.target_minor, whole=True)))

goals = ui.read(goal_history)
if goals:
    st.dataframe({_("From month"): [g.valid_from for g in goals],
                  _("Goal"): [ui.money(g.target_minor, whole=True) for g in goals]}, hide_index=True)
else:
    st.info(_("Your goal is the default {amount} a month.").format(amount=ui.money(DEFAULT_GOAL_MINOR, whole=True)))
st.subheader(_("Home currency"))
st.write(ui.read(home_currency))
