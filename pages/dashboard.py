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
from tracker.web import charts, tables, ui
from tracker.web.ui import _

ui.page_title(_("Dashboard"))
today = ui.today()
current = ui.this_month()
months = sorted({current, *ui.read(Reports.months_with_payments)}, reverse=True)
month = st.selectbox(_("Month"), months, index=0, key="dashboard_month", format_func=ui.month)
pace = ui.read(Reports.month_pace, month, today)
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


def show_progress() -> None:
    """Draw the months' net income, this month's days, and the forecast."""
    span = st.radio(
        _("Months shown"),
        [12, 24],
        horizontal=True,
        key="dashboard_span",
        format_func=lambda n: _("{count} months").format(count=ui.number(n)),
    )
    series = ui.read(Reports.monthly_net, add_months(month, 1 - span), month)
    ui.chart(charts.monthly_net_chart, series, key="chart_monthly")
    ui.chart(
        charts.month_progress_chart,
        month,
        ui.read(Reports.daily_net, month),
        summary.goal_minor,
        key="chart_month",
    )
    outlook = ui.read(Reports.outlook_and_history, today)
    forecast = outlook.forecast
    if forecast.outlook is Outlook.NEED_MORE_DATA:
        st.info(
            _("The forecast needs at least three complete months of income; it has {count}.").format(
                count=ui.number(len(forecast.months_used))
            )
        )
    else:
        ui.chart(charts.forecast_chart, outlook.history, forecast, summary.goal_minor, key="chart_forecast")
        kind, sentence = outlook_sentence(forecast, ui.present())
        getattr(st, kind)(sentence)
    for tip in advice.forecast_tips(forecast.outlook):
        ui.advice(tip)
    st.caption(
        _(
            "How the forecast works: a straight line fitted (least squares) through net income of "
            "the last six complete months; the current month is left out because it is not over."
        )
    )


def show_sources() -> None:
    """Draw the twelve months' income by kind of work, platform and client, and the largest client's share."""
    first = add_months(month, -11)
    st.caption(_("The twelve months up to {month}.").format(month=ui.month(month)))
    sources = ui.read(Reports.income_sources, first, month)
    for title, rows, words in [
        (_("By kind of work"), sources.by_category, True),
        (_("By platform"), sources.by_platform, True),
        (_("Top 10 clients"), sources.by_client, False),  # names the person typed
    ]:
        if rows:
            names = [(_(r.name) if words else r.name) if r.name else _("not linked") for r in rows]
            ui.chart(charts.shares_chart, title, names, [r.net_minor for r in rows], key=title)
    largest = sources.largest_client_share
    if largest is not None:
        st.metric(_("Share of your largest client"), ui.percent(largest))
        if largest > RISKY_SHARE:
            st.warning(
                _(
                    "More than half of your income comes from one client. If they stop, most of "
                    "your income stops; look for a second steady client."
                )
            )


def show_gigs() -> None:
    """Draw the pipeline: gigs per status, the share of proposals won, agreed values."""
    counts = ui.read(Reports.pipeline_counts)
    ui.chart(charts.pipeline_chart, counts, key="chart_pipeline")
    rate = win_rate(counts)
    st.metric(
        _("Proposals won"),
        ui.percent(rate) if rate is not None else "—",
        help=_(
            "Won (active, delivered or paid) ÷ won and lost. Leads, open proposals, declined "
            "and cancelled gigs are not counted."
        ),
    )
    tables.show(ui.read(Reports.totals_by_status), tables.PIPELINE, ui.present())


def show_learning() -> None:
    """Draw learning against earning per skill, and net income per hour worked by skill and client."""
    rates = ui.read(Reports.learning_and_rates)
    st.subheader(_("Learning against earning"))
    tables.show(rates.skills, tables.LEARNED, ui.present())
    for title, rows in [(_("Per hour worked, by skill"), rates.by_skill),
                        (_("Per hour worked, by client"), rates.by_client)]:
        st.subheader(title)
        tables.show(rows, tables.HOURLY, ui.present(), key=title)


def show_owed() -> None:
    """Draw delivered work not paid yet, the income streak and the days learned."""
    unpaid = ui.read(Reports.money_owed, today)
    st.caption(
        _(
            "Delivered work not paid yet, oldest first. After {days} days it counts as overdue: "
            "check on the client, and do not start new work for them until they pay (S18)."
        ).format(days=ui.number(OVERDUE_DAYS))
    )
    if unpaid:
        tables.show(unpaid, tables.OWED, ui.present())
    else:
        st.success(_("Nobody owes you for delivered work."))
    streak, studied = st.columns(2)
    streak.metric(_("Months in a row with income"), ui.number(ui.read(Reports.income_streak, current)))
    studied.metric(_("Days you learned, last 30"), ui.number(ui.read(Reports.learning_days, today)))


ui.keep_widgets("dashboard_span")  # its tab may be closed in this run
ui.lazy_tabs(
    {
        _("Progress"): show_progress,
        _("Where money comes from"): show_sources,
        _("Gigs"): show_gigs,
        _("Learning and rates"): show_learning,
        _("Owed to you"): show_owed,
    },
    key="dashboard_tabs",
)
