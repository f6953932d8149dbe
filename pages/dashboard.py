"""Dashboard: where I stand against the goal this month, when I will reach it, where money comes from."""

import streamlit as st

from tracker.guidance import advice, notes
from tracker.ledger.months import add_months
from tracker.present import outlook_sentence
from tracker.reports.facade import Reports
from tracker.reports.forecast import Outlook
from tracker.reports.owed import OVERDUE_DAYS
from tracker.reports.pipeline import win_rate
from tracker.reports.sources import RISKY_SHARE
from tracker.web import charts, nav, state, tables, widgets
from tracker.web.state import _

nav.page_title(_("Dashboard"))
today = state.today()
current = state.this_month()
months = sorted({current, *state.read(Reports.months_with_payments)}, reverse=True)
month = st.selectbox(_("Month"), months, index=0, key="dashboard_month", format_func=state.month)
pace = state.read(Reports.month_pace, month, today)
summary = pace.summary
home = summary.currency
if state.read(advice.database_is_empty):
    widgets.advice(notes.START_PATH)
    widgets.go_button(
        _("Add the skill you are learning"),
        "pages/skills.py",
        key="start_path",
        primary=True,
        icon=":material/school:",
    )

net, share, remaining = st.columns(3)
net.metric(_("Net income"), state.money(summary.net_minor, home))
goal_text = state.money(summary.goal_minor, home, whole=True)
share.metric(
    _("Of your goal"),
    state.percent(summary.progress),
    help=_("Goal for this month: {goal}").format(goal=goal_text),
)
remaining.metric(_("Still to go"), state.money(summary.remaining_minor, home))
days, needed, projected = st.columns(3)
days.metric(_("Days left"), state.number(pace.days_left))
needed.metric(_("Needed per day"), state.money(pace.daily_needed_minor, home))
projected.metric(_("Month end at this pace"), state.money(pace.projected_minor, home))
st.progress(min(max(float(summary.progress), 0.0), 1.0))
st.caption(
    _(
        "Net income = money clients paid − platform and transfer fees − expenses, in taka, "
        "counting only cleared payments."
    )
)
if summary.pending_minor:
    st.info(_("Pending, not counted yet: {amount}").format(amount=state.money(summary.pending_minor, home)))
if state.read(advice.momentum, today).applies:
    widgets.advice(notes.KEEP_AT_IT, "success")
if advice.long_gap(away := state.read(advice.days_since_activity, today)):
    widgets.advice(notes.COME_BACK)
    st.caption(_("Your last learning time or payment is from {days} days ago.").format(
        days=state.number(away)))


def show_progress() -> None:
    """Draw the months' net income, this month's days, and the forecast."""
    span = st.radio(
        _("Months shown"),
        [12, 24],
        horizontal=True,
        key="dashboard_span",
        format_func=lambda n: _("{count} months").format(count=state.number(n)),
    )
    series = state.read(Reports.monthly_net, add_months(month, 1 - span), month)
    widgets.chart(charts.monthly_net_chart, series, key="chart_monthly")
    widgets.chart(
        charts.month_progress_chart,
        month,
        state.read(Reports.daily_net, month),
        summary.goal_minor,
        key="chart_month",
    )
    outlook = state.read(Reports.outlook_and_history, today)
    forecast = outlook.forecast
    if forecast.outlook is Outlook.NEED_MORE_DATA:
        st.info(
            _("The forecast needs at least three complete months of income; it has {count}.").format(
                count=state.number(len(forecast.months_used))
            )
        )
    else:
        widgets.chart(charts.forecast_chart, outlook.history, forecast, summary.goal_minor,
                      key="chart_forecast")
        kind, sentence = outlook_sentence(forecast, state.present())
        getattr(st, kind)(sentence)
    for tip in advice.forecast_tips(forecast.outlook):
        widgets.advice(tip)
    st.caption(
        _(
            "How the forecast works: a straight line fitted (least squares) through net income of "
            "the last six complete months; the current month is left out because it is not over."
        )
    )


def show_sources() -> None:
    """Draw the twelve months' income by kind of work, platform and client, and the largest client's share."""
    first = add_months(month, -11)
    st.caption(_("The twelve months up to {month}.").format(month=state.month(month)))
    sources = state.read(Reports.income_sources, first, month)
    for title, rows, words in [
        (_("By kind of work"), sources.by_category, True),
        (_("By platform"), sources.by_platform, True),
        (_("Top 10 clients"), sources.by_client, False),  # names the person typed
    ]:
        if rows:
            names = [(_(r.name) if words else r.name) if r.name else _("not linked") for r in rows]
            widgets.chart(charts.shares_chart, title, names, [r.net_minor for r in rows], key=title)
    largest = sources.largest_client_share
    if largest is not None:
        st.metric(_("Share of your largest client"), state.percent(largest))
        if largest > RISKY_SHARE:
            st.warning(
                _(
                    "More than half of your income comes from one client. If they stop, most of "
                    "your income stops; look for a second steady client."
                )
            )


def show_gigs() -> None:
    """Draw the pipeline: gigs per status, the share of proposals won, agreed values."""
    counts = state.read(Reports.pipeline_counts)
    widgets.chart(charts.pipeline_chart, counts, key="chart_pipeline")
    rate = win_rate(counts)
    st.metric(
        _("Proposals won"),
        state.percent(rate) if rate is not None else "—",
        help=_(
            "Won (active, delivered or paid) ÷ won and lost. Leads, open proposals, declined "
            "and cancelled gigs are not counted."
        ),
    )
    tables.show(state.read(Reports.totals_by_status), tables.PIPELINE, state.present())


def show_learning() -> None:
    """Draw learning against earning per skill, and net income per hour worked by skill and client."""
    rates = state.read(Reports.learning_and_rates)
    st.subheader(_("Learning against earning"))
    tables.show(rates.skills, tables.LEARNED, state.present())
    for title, rows in [(_("Per hour worked, by skill"), rates.by_skill),
                        (_("Per hour worked, by client"), rates.by_client)]:
        st.subheader(title)
        tables.show(rows, tables.HOURLY, state.present(), key=title)


def show_owed() -> None:
    """Draw delivered work not paid yet, the income streak and the days learned."""
    unpaid = state.read(Reports.money_owed, today)
    st.caption(
        _(
            "Delivered work not paid yet, oldest first. After {days} days it counts as overdue: "
            "check on the client, and do not start new work for them until they pay (S18)."
        ).format(days=state.number(OVERDUE_DAYS))
    )
    if unpaid:
        tables.show(unpaid, tables.OWED, state.present())
    else:
        st.success(_("Nobody owes you for delivered work."))
    streak, studied = st.columns(2)
    streak.metric(_("Months in a row with income"), state.number(state.read(Reports.income_streak, current)))
    studied.metric(_("Days you learned, last 30"), state.number(state.read(Reports.learning_days, today)))


widgets.keep_widgets("dashboard_span")  # its tab may be closed in this run
widgets.lazy_tabs(
    {
        _("Progress"): show_progress,
        _("Where money comes from"): show_sources,
        _("Gigs"): show_gigs,
        _("Learning and rates"): show_learning,
        _("Owed to you"): show_owed,
    },
    key="dashboard_tabs",
)
