"""Gigs: the pipeline from lead to paid (S11); add a gig, move it along, edit or delete it."""

from datetime import date

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tracker.guidance import advice, notes
from tracker.i18n import N_
from tracker.ledger.models import GigStatus, Platform, Pricing
from tracker.reports.facade import Reports
from tracker.reports.pipeline import LIST_LIMIT
from tracker.services.gigs import GigInput, count_payments, create_gig, delete_gig, move_gig, update_gig
from tracker.web import tables, ui
from tracker.web.ui import _

STATUSES = [s.value for s in GigStatus]
FROM_CLIENT = N_("the client's platform")
PLATFORMS = [p.value for p in Platform]
PRICINGS = [p.value for p in Pricing]
EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)
PRINCIPLES = _("The work is against my principles")
OTHER = _("Other")
REASONS = [PRINCIPLES, _("The budget is too low"), _("I do not have the skill for it yet"),
           _("The client does not look trustworthy"), _("I have no time for it now"), OTHER]


def day_input(column: DeltaGenerator, label: str, value: date | str | None,
              key: str) -> date | None:
    """Draw an optional date picker; return the chosen day or None."""
    return column.date_input(label, value=value, min_value=EARLIEST, max_value=LATEST,
                             format="YYYY-MM-DD", key=key)


def gig_fields(key: str, data: GigInput, platforms: list[str] = PLATFORMS) -> GigInput:
    """Draw every field of a gig pre-filled with `data`; return what the person typed."""
    title = st.text_input(_("What is the work?"), value=data.title, key=f"{key}.title",
                          placeholder=_("Logo for a bakery"))
    who, skill = st.columns(2)
    with who:
        client_id = ui.pick(_("Client"), ui.read(Reports.client_choices, data.client_id),
                            key=f"{key}.client", none_label=_("— none —"), current=data.client_id)
    with skill:
        skill_id = ui.pick(_("Skill"), ui.read(Reports.skill_choices, data.skill_id),
                           key=f"{key}.skill", none_label=_("— none —"), current=data.skill_id)
    platform, pricing, status = st.columns(3)
    price, currency, hours = st.columns(3)
    started, due, delivered, closed = st.columns(4)
    currencies = ui.currency_options()
    return GigInput(
        title=title, client_id=client_id, skill_id=skill_id,
        platform=platform.selectbox(_("Platform"), platforms, index=platforms.index(data.platform),
                                    format_func=_,
                                    key=f"{key}.platform"),
        pricing=pricing.selectbox(_("Fixed or hourly"), PRICINGS, index=PRICINGS.index(data.pricing),
                                  format_func=_, key=f"{key}.pricing"),
        status=status.selectbox(_("Status"), STATUSES, index=STATUSES.index(data.status),
                                format_func=_, key=f"{key}.status"),
        price=price.text_input(_("Agreed price (per hour for hourly work)"), value=str(data.price),
                               key=f"{key}.price", placeholder="250.00"),
        currency=currency.selectbox(_("Currency"), currencies, index=currencies.index(data.currency),
                                    key=f"{key}.currency"),
        hours_worked=hours.text_input(_("Hours worked"), value=str(data.hours_worked), key=f"{key}.hours",
                                      placeholder="1.5"),
        started_on=day_input(started, _("Started"), data.started_on, f"{key}.started"),
        due_on=day_input(due, _("Due"), data.due_on, f"{key}.due"),
        delivered_on=day_input(delivered, _("Delivered"), data.delivered_on, f"{key}.delivered"),
        closed_on=day_input(closed, _("Closed"), data.closed_on, f"{key}.closed"),
        decline_reason=st.text_input(_("Why you declined it (only for declined work)"),
                                     value=data.decline_reason, key=f"{key}.reason"),
        note=st.text_area(_("Note"), value=data.note, key=f"{key}.note", height=68),
    )


def pipeline_summary() -> None:
    """Show how many gigs, and how much agreed money, sit at each status."""
    tables.show(ui.read(Reports.totals_by_status), tables.PIPELINE, ui.present(), key="gig_summary")
    st.caption(_("Hourly work counts the hours worked so far at the agreed price per hour."))


def gig_list() -> None:
    """Show the newest gigs of the chosen status."""
    status = st.selectbox(_("Show gigs that are"), [None, *STATUSES], key="gig_filter",
                          format_func=lambda s: _("any status") if s is None else _(s))
    table = ui.read(Reports.gigs, status, LIST_LIMIT)
    if not table:
        st.info(_("No gigs here yet. Add a lead as soon as you hear of work."))
        return
    tables.show(table, tables.GIGS, ui.present(), key="gig_list")
    st.caption(_("The newest {limit} at most.").format(limit=ui.number(LIST_LIMIT)))


def add_gig() -> None:
    """Draw the form for a new gig and store it."""
    form = ui.form_key("gig_add")
    with st.form(form):
        typed = gig_fields(form, GigInput(title="", price="", hours_worked="", platform=FROM_CLIENT),
                           platforms=[FROM_CLIENT, *PLATFORMS])
        pressed = st.form_submit_button(_("Add gig"), type="primary")
    if pressed:
        if typed.platform == FROM_CLIENT:
            typed.platform = ui.read(Reports.client_platform, typed.client_id) or Platform.DIRECT.value
        gig = ui.write(create_gig, data=typed)
        if gig is not None:
            ui.keep_advice("gig_add", ui.read(advice.gig_tips, gig.skill_id, gig.platform))
            ui.saved("gig_add", _("Added {title}.").format(title=gig.title))
    ui.kept_advice("gig_add")


def move_along(gig_id: int, data: GigInput, key: str) -> None:
    """Let the person choose a gig's next status (and a reason to decline) and update its hours."""
    status, hours = st.columns(2)
    new_status = status.selectbox(_("New status"), STATUSES, index=STATUSES.index(data.status),
                                  format_func=_, key=f"{key}.move_status")
    worked = hours.text_input(_("Hours worked"), value=str(data.hours_worked), key=f"{key}.move_hours")
    reason = ""
    if new_status == GigStatus.DECLINED.value:
        if advice.declining(new_status, data.status):
            ui.advice(notes.SAY_NO)
        preset = st.radio(_("Why do you decline it?"), REASONS, index=None, key=f"{key}.move_reason")
        other = st.text_input(_("Your reason"), key=f"{key}.move_other") if preset == OTHER else ""
        reason = other if preset == OTHER else preset or ""
    if st.button(_("Move gig"), key=f"{key}.move", type="primary"):
        gig = ui.write(move_gig, gig_id=gig_id, status=new_status, reason=reason, hours_worked=worked)
        if gig is not None:
            ui.saved(f"gig_{gig_id}", _("{title} is now: {status}.").format(title=gig.title,
                                                                            status=_(gig.status)))


def edit_gig(gig_id: int, data: GigInput, key: str) -> None:
    """Draw the gig's edit form, pre-filled from the database, and save changes."""
    with st.form(f"{key}.edit"):
        typed = gig_fields(f"{key}.edit", data)
        pressed = st.form_submit_button(_("Save changes"))
    if pressed:
        gig = ui.write(update_gig, gig_id=gig_id, data=typed)
        if gig is not None:
            ui.saved(f"gig_{gig_id}", _("Saved {title}.").format(title=gig.title))
    for tip in ui.read(advice.gig_tips, data.skill_id, data.platform):
        ui.advice(tip)


def remove_gig(gig_id: int, data: GigInput, key: str) -> None:
    """Delete a gig after a confirmation, asking first what happens to its payments."""
    payments = ui.read(count_payments, gig_id)
    how = "refuse"
    if payments:
        how = st.radio(_("This gig has {count} payment(s). What should happen to them?")
                       .format(count=ui.number(payments)), ["keep", "delete"], key=f"{key}.payments",
                       format_func=lambda h: _("Keep them, without the gig") if h == "keep"
                       else _("Delete them too"))
    sure = ui.confirm_delete(data.title, key=f"{key}.remove")
    if sure and ui.write(delete_gig, gig_id=gig_id, payments=how) is not None:
        ui.saved("gig_pick", _("Deleted {title}.").format(title=data.title))


def change_gig() -> None:
    """Let the person pick a gig, then move it along, edit it or delete it."""
    gig_id = ui.pick(_("Gig to change"), tables.gig_picks(ui.read(Reports.gig_choices, None), ui.present()),
                     key=ui.form_key("gig_pick"))
    data = ui.read(Reports.gig_input, gig_id) if gig_id is not None else None
    if gig_id is None or data is None:
        return
    key = ui.form_key(f"gig_{gig_id}")
    move, edit, delete = ui.tabs([_("Move along"), _("Edit"), _("Delete")], key="gig_change_tabs")
    with move:
        move_along(gig_id, data, key)
    with edit:
        edit_gig(gig_id, data, key)
    with delete:
        remove_gig(gig_id, data, key)


ui.page_title(_("Gigs"))
st.caption(_("Find work, agree the work and the price before you start, deliver, then get paid (S11)."))
pipeline_summary()
st.subheader(_("Your gigs"))
gig_list()
st.subheader(_("Add a gig"))
add_gig()
st.subheader(_("Change a gig"))
change_gig()
