"""Dashboard: where I stand against the goal this month, when I will reach it, where money comes from."""

import streamlit as st

from tracker import advice, breakdowns, charts, outlook, reports, tables, ui, views
from tracker.forecast import Outlook
from tracker.guidance import notes
from tracker.pipeline import OVERDUE_DAYS, totals_by_status
from tracker.ui import _

ui.page_title(_("Dashboard"))
today = ui.today()
current = ui.this_month()
months = sorted({current, *ui.read(tables.months_with_payments)}, reverse=True)
month = st.selectbox(_("Month"), months, index=0, key="dashboard_month", format_func=ui.month)
pace = ui.read(reports.month_pace, month, today)
summary = pace.summary
home = summary.currency
if ui.read(advice.database_is_empty):
    ui.advice(notes.START_PATH)
    ui.go_button(
        _("Add the skill you are learning"),
        "pages/skills.py",
        key="start_path",
        primary=True,
        icon=":material/school:",
    )

net, share, remaining = st.columns(3)
net.metric(_("Net income"), ui.money(summary.net_minor, home))
goal_text = ui.money(summary.goal_minor, home, whole=True)
share.metric(
    _("Of your goal"),
    ui.percent(summary.progress),
    help=_("Goal for this month: {goal}").format(goal=goal_text),
)
remaining.metric(_("Still to go"), ui.money(summary.remaining_minor, home))
days, needed, projected = st.columns(3)
days.metric(_("Days left"), ui.number(pace.days_left))
needed.metric(_("Needed per day"), ui.money(pace.daily_needed_minor, home))
projected.metric(_("Month end at this pace"), ui.money(pace.projected_minor, home))
st.progress(min(max(float(summary.progress), 0.0), 1.0))
st.caption(
    _(
        "Net income = money clients paid − platform and transfer fees − expenses, in taka, "
        "counting only cleared payments."
    )
)
if summary.pending_minor:
    st.info(_("Pending, not counted yet: {amount}").format(amount=ui.money(summary.pending_minor, home)))
if ui.read(advice.momentum, today).applies:
    ui.advice(notes.KEEP_AT_IT, "success")
if advice.long_gap(away := ui.read(advice.days_since_activity, today)):
    ui.advice(notes.COME_BACK)
    st.caption(_("Your last learning time or payment is from {days} days ago.").format(days=ui.number(away)))

progress_tab, sources_tab, pipeline_tab, learning_tab, owed_tab = ui.tabs(
    [_("Progress"), _("Where money comes from"), _("Gigs"), _("Learning and rates"), _("Owed to you")],
    key="dashboard_tabs",
)

with progress_tab:
    span = st.radio(
        _("Months shown"),
        [12, 24],
        horizontal=True,
        key="dashboard_span",
        format_func=lambda n: _("{count} months").format(count=ui.number(n)),
    )
    series = ui.read(reports.monthly_net, reports.add_months(month, 1 - span), month)
    ui.chart(charts.monthly_net_chart, series, home, key="chart_monthly")
    ui.chart(
        charts.month_progress_chart,
        month,
        ui.read(reports.daily_net, month),
        summary.goal_minor,
        home,
        key="chart_month",
    )
    forecast = ui.read(outlook.goal_outlook, today)
    if forecast.outlook is Outlook.NEED_MORE_DATA:
        st.info(
            _("The forecast needs at least three complete months of income; it has {count}.").format(
                count=ui.number(len(forecast.months_used))
            )
        )
    else:
        history = ui.read(reports.monthly_net, forecast.months_used[0], current)
        ui.chart(charts.forecast_chart, history, forecast, summary.goal_minor, home, key="chart_forecast")
        kind, sentence = views.forecast_text(forecast, ui.percent, _, ui.month)
        getattr(st, kind)(sentence)
    for tip in advice.forecast_tips(forecast.outlook):
        ui.advice(tip)
    st.caption(
        _(
            "How the forecast works: a straight line fitted (least squares) through net income of "
            "the last six complete months; the current month is left out because it is not over."
        )
    )

with sources_tab:
    first = reports.add_months(month, -11)
    st.caption(_("The twelve months up to {month}.").format(month=ui.month(month)))
    for title, reader, words in [
        (_("By kind of work"), breakdowns.income_by_category, True),
        (_("By platform"), breakdowns.income_by_platform, True),
        (_("Top 10 clients"), breakdowns.income_by_client, False),  # names the person typed
    ]:
        rows = ui.read(reader, first, month)
        if rows:
            names = [(_(r.name) if words else r.name) if r.name else _("not linked") for r in rows]
            ui.chart(charts.shares_chart, title, names, [r.net_minor for r in rows], home, key=title)
    largest = ui.read(breakdowns.largest_client_share, first, month)
    if largest is not None:
        st.metric(_("Share of your largest client"), ui.percent(largest))
        if largest > breakdowns.RISKY_SHARE:
            st.warning(
                _(
                    "More than half of your income comes from one client. If they stop, most of "
                    "your income stops; look for a second steady client."
                )
            )

with pipeline_tab:
    counts = ui.read(breakdowns.pipeline_counts)
    ui.chart(charts.pipeline_chart, counts, key="chart_pipeline")
    rate = breakdowns.win_rate(counts)
    st.metric(
        _("Proposals won"),
        ui.percent(rate) if rate is not None else "—",
        help=_(
            "Won (active, delivered or paid) ÷ won and lost. Leads, open proposals, declined "
            "and cancelled gigs are not counted."
        ),
    )
    st.dataframe(views.status_frame(ui.read(totals_by_status), _, ui.bengali()), hide_index=True)

with learning_tab:
    st.subheader(_("Learning against earning"))
    st.dataframe(
        views.learning_frame(ui.read(breakdowns.learning_against_earning), ui.money, _, ui.day),
        hide_index=True,
    )
    for title, by in [(_("Per hour worked, by skill"), "skill"), (_("Per hour worked, by client"), "client")]:
        st.subheader(title)
        st.dataframe(views.hourly_frame(ui.read(breakdowns.hourly_rates, by), ui.money, _), hide_index=True)

with owed_tab:
    owed = ui.read(breakdowns.money_owed, today)
    st.caption(
        _(
            "Delivered work not paid yet, oldest first. After {days} days it counts as overdue: "
            "check on the client, and do not start new work for them until they pay (S18)."
        ).format(days=ui.number(OVERDUE_DAYS))
    )
    if owed:
        st.dataframe(views.owed_frame(owed, ui.money, _, ui.day), hide_index=True)
    else:
        st.success(_("Nobody owes you for delivered work."))
    streak, studied = st.columns(2)
    streak.metric(_("Months in a row with income"), ui.number(ui.read(breakdowns.income_streak, current)))
    studied.metric(_("Days you learned, last 30"), ui.number(ui.read(breakdowns.learning_days, today)))
