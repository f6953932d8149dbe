"""Gigs: the pipeline from lead to paid (S11); add a gig, move it along, edit or delete it."""

from datetime import date
from typing import Any

import streamlit as st

from tracker.guidance import advice, notes
from tracker.i18n import N_
from tracker.i18n.words import decline_reason_text
from tracker.ledger.models import DeclineReason, GigStatus, Platform, Pricing
from tracker.reports.facade import Reports
from tracker.reports.pipeline import LIST_LIMIT
from tracker.services.clients import default_platform
from tracker.services.gigs import GigInput, count_payments, create_gig, delete_gig, move_gig, update_gig
from tracker.web import forms, nav, state, tables, widgets
from tracker.web.state import _

STATUSES = [s.value for s in GigStatus]
FROM_CLIENT = N_("the client's platform")
PLATFORMS = [p.value for p in Platform]
PRICINGS = [p.value for p in Pricing]
EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)
OTHER = "other"  # the person's own words follow
REASONS = [*(r.value for r in DeclineReason), OTHER]


def day_input(column: Any, label: str, value: date | str | None,
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
        client_id = widgets.pick(_("Client"), state.read(Reports.client_choices, data.client_id),
                            key=f"{key}.client", none_label=_("— none —"), current=data.client_id)
    with skill:
        skill_id = widgets.pick(_("Skill"), state.read(Reports.skill_choices, data.skill_id),
                           key=f"{key}.skill", none_label=_("— none —"), current=data.skill_id)
    platform, pricing, status = st.columns(3)
    price, currency, hours = st.columns(3)
    started, due, delivered, closed = st.columns(4)
    currencies = widgets.currency_options()
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
        decline_reason=reason_input(data.decline_reason, key),
        note=st.text_area(_("Note"), value=data.note, key=f"{key}.note", height=68),
    )


def reason_input(stored: str, key: str) -> str:
    """Draw the decline reason (a code shown in words); return the stored code unless it was changed."""
    shown = decline_reason_text(stored, state.language())
    typed = st.text_input(_("Why you declined it (only for declined work)"), value=shown, key=f"{key}.reason")
    return stored if typed == shown else typed


def reason_label(choice: str) -> str:
    """Return a decline reason offered to choose, in words."""
    return _("Other") if choice == OTHER else decline_reason_text(choice, state.language())


def pipeline_summary() -> None:
    """Show how many gigs, and how much agreed money, sit at each status."""
    tables.show(state.read(Reports.totals_by_status), tables.PIPELINE, state.present(), key="gig_summary")
    st.caption(_("Hourly work counts the hours worked so far at the agreed price per hour."))


def gig_list() -> None:
    """Show the newest gigs of the chosen status."""
    status = st.selectbox(_("Show gigs that are"), [None, *STATUSES], key="gig_filter",
                          format_func=lambda s: _("any status") if s is None else _(s))
    table = state.read(Reports.gigs, status, LIST_LIMIT)
    if not table:
        st.info(_("No gigs here yet. Add a lead as soon as you hear of work."))
        return
    tables.show(table, tables.GIGS, state.present(), key="gig_list")
    st.caption(_("The newest {limit} at most.").format(limit=state.number(LIST_LIMIT)))


def add_gig() -> None:
    """Draw the form for a new gig and store it."""
    form = widgets.form_key("gig_add")
    with st.form(form):
        typed = gig_fields(form, GigInput(title="", price="", hours_worked="", platform=FROM_CLIENT),
                           platforms=[FROM_CLIENT, *PLATFORMS])
        pressed = st.form_submit_button(_("Add gig"), type="primary")
    if pressed:
        if typed.platform == FROM_CLIENT:
            typed.platform = state.read(default_platform, client_id=typed.client_id,
                                        fallback=Platform.DIRECT.value)
        gig = state.write(create_gig, data=typed)
        if gig is not None:
            widgets.keep_advice("gig_add", state.read(advice.gig_tips, gig.skill_id, gig.platform))
            widgets.saved("gig_add", _("Added {title}.").format(title=gig.title))
    widgets.kept_advice("gig_add")


def move_along(gig_id: int, data: GigInput, key: str) -> None:
    """Let the person choose a gig's next status (and a reason to decline) and update its hours."""
    status, hours = st.columns(2)
    new_status = status.selectbox(_("New status"), STATUSES, index=STATUSES.index(data.status),
                                  format_func=_, key=f"{key}.move_status")
    worked = hours.text_input(_("Hours worked"), value=str(data.hours_worked), key=f"{key}.move_hours")
    reason = ""
    if new_status == GigStatus.DECLINED.value:
        if advice.declining(new_status, data.status):
            widgets.advice(notes.SAY_NO)
        preset = st.radio(_("Why do you decline it?"), REASONS, index=None, key=f"{key}.move_reason",
                          format_func=reason_label)
        other = st.text_input(_("Your reason"), key=f"{key}.move_other") if preset == OTHER else ""
        reason = other if preset == OTHER else preset or ""
    if st.button(_("Move gig"), key=f"{key}.move", type="primary"):
        gig = state.write(move_gig, gig_id=gig_id, status=new_status, reason=reason, hours_worked=worked)
        if gig is not None:
            widgets.saved(f"gig_{gig_id}", _("{title} is now: {status}.").format(title=gig.title,
                                                                            status=_(gig.status)))


def gig_change(gig_id: int, data: GigInput, key: str, payments: str = "refuse") -> forms.Change[GigInput]:
    """Return how a gig is edited (and deleted, its payments kept, deleted or refused as `payments` says)."""
    return forms.Change(
        form=f"{key}.edit", empties=f"gig_{gig_id}", fields=gig_fields, what=data.title,
        save=lambda typed: None if (gig := state.write(update_gig, gig_id=gig_id, data=typed)) is None
        else _("Saved {title}.").format(title=gig.title),
        delete=lambda: None if state.write(delete_gig, gig_id=gig_id, payments=payments) is None
        else _("Deleted {title}.").format(title=data.title),
        delete_key=f"{key}.remove", deleted_empties="gig_pick")


def edit_gig(gig_id: int, data: GigInput, key: str) -> None:
    """Draw the gig's edit form, pre-filled from the database, and save changes."""
    forms.edit_form(data, gig_change(gig_id, data, key))
    for tip in state.read(advice.gig_tips, data.skill_id, data.platform):
        widgets.advice(tip)


def remove_gig(gig_id: int, data: GigInput, key: str) -> None:
    """Delete a gig after a confirmation, asking first what happens to its payments."""
    payments = state.read(count_payments, gig_id)
    how = "refuse"
    if payments:
        how = st.radio(state.ngettext("This gig has {count} payment. What should happen to it?",
                                      "This gig has {count} payments. What should happen to them?", payments)
                       .format(count=state.number(payments)), ["keep", "delete"], key=f"{key}.payments",
                       format_func=lambda h: _("Keep them, without the gig") if h == "keep"
                       else _("Delete them too"))
    forms.delete_button(gig_change(gig_id, data, key, how))


def change_gig() -> None:
    """Let the person pick a gig, then move it along, edit it or delete it."""
    gig_id = widgets.pick(_("Gig to change"),
                          tables.gig_picks(state.read(Reports.gig_choices, None), state.present()),
                          key=widgets.form_key("gig_pick"))
    data = state.read(Reports.gig_input, gig_id) if gig_id is not None else None
    if gig_id is None or data is None:
        return
    key = widgets.form_key(f"gig_{gig_id}")
    move, edit, delete = widgets.tabs([_("Move along"), _("Edit"), _("Delete")], key="gig_change_tabs")
    with move:
        move_along(gig_id, data, key)
    with edit:
        edit_gig(gig_id, data, key)
    with delete:
        remove_gig(gig_id, data, key)


nav.page_title(_("Gigs"))
st.caption(_("Find work, agree the work and the price before you start, deliver, then get paid (S11)."))
pipeline_summary()
st.subheader(_("Your gigs"))
gig_list()
st.subheader(_("Add a gig"))
add_gig()
st.subheader(_("Change a gig"))
change_gig()
