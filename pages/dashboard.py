"""Dashboard: this month's net income against the goal."""

import streamlit as st

from tracker import reports, tables, ui
from tracker.ui import _

ui.page_title(_("Dashboard"))
months = sorted({ui.this_month(), *ui.read(tables.months_with_payments)}, reverse=True)
month = st.selectbox(_("Month"), months, index=0, key="dashboard_month")
summary = ui.read(reports.month_summary, month)

net, share, remaining = st.columns(3)
net.metric(_("Net income"), ui.money(summary.net_minor))
share.metric(_("Of your goal"), ui.percent(summary.progress),
             help=_("Goal for this month: {goal}").format(goal=ui.money(summary.goal_minor, whole=True)))
remaining.metric(_("Still to go"), ui.money(summary.remaining_minor))
st.progress(min(max(float(summary.progress), 0.0), 1.0))
st.caption(_("Net income = money clients paid − platform and transfer fees − expenses, in taka, "
             "counting only cleared payments."))
if summary.pending_minor:
    st.info(_("Pending, not counted yet: {amount}").format(amount=ui.money(summary.pending_minor)))
