"""Skills and learning: skills and their stage, learning time, mentor reviews, readiness."""

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from tracker.i18n import N_
from tracker.ledger.models import SkillStage, Verdict
from tracker.reports.facade import Reports
from tracker.services import skills as service
from tracker.web import forms, nav, state, tables, widgets
from tracker.web.state import _

T = TypeVar("T")

nav.page_title(_("Skills and learning"))
skills_tab, learning_tab, reviews_tab, ready_tab = widgets.tabs(
    [_("Skills"), _("Learning time"), _("Mentor reviews"), _("Ready to start?")],
    key="skills_tabs",
)


def new_record(key: str, fields: Callable[[str, T | None], T], button: str) -> T | None:
    """Draw an empty form of a kind of record; return what was typed when its button is pressed."""
    with st.form(widgets.form_key(key)):
        typed = fields(key, None)
        pressed = st.form_submit_button(_(button), key=f"{key}_save")
    return typed if pressed else None


def change_recent(label: str, listed: list[Any], *, name: str, load: Callable[[int], T | None],
                  change: Callable[[int, str, T], forms.Change[T]]) -> None:
    """Let the person pick one of the listed records and change or delete it (the one edit flow)."""
    found = forms.picked(label, listed, key=f"{name}_edit_pick", load=load)
    if found is not None:
        record_id, data = found
        forms.change_record(data, change(record_id, widgets.form_key(f"{name}_edit_{record_id}"), data))


def skill_fields(key: str, current: service.SkillInput | None) -> service.SkillInput:
    """Draw a skill's fields (empty or pre-filled); return what was typed."""
    categories = state.read(Reports.skill_categories)
    stages = [s.value for s in SkillStage]
    name = st.text_input(_("Skill"), value=current.name if current else "", key=f"{key}_name")
    kind, own = st.columns(2)
    index = categories.index(current.category) if current and current.category in categories else 0
    category = kind.selectbox(_("Kind of work"), categories, index=index, key=f"{key}_category",
                              format_func=_)
    typed = own.text_input(_("…or your own kind of work"), key=f"{key}_own")
    stage = st.selectbox(_("Stage"), stages, key=f"{key}_stage",
                         index=stages.index(current.stage) if current else 0, format_func=lambda s: _(s))
    note = st.text_input(_("Note (optional)"), value=current.note if current else "", key=f"{key}_note")
    return service.SkillInput(name=name, category=typed.strip() or category, stage=stage, note=note)


def skill_input(skill_id: int) -> service.SkillInput | None:
    """Return a stored skill as the input that pre-fills its form, or None when it is gone."""
    record = state.read(Reports.skill, skill_id)
    return None if record is None else service.SkillInput(
        name=record.name, category=record.category, stage=record.stage, note=record.note)


def skill_change(skill_id: int, form: str, data: service.SkillInput) -> forms.Change[service.SkillInput]:
    """Return how a skill is changed, and deleted with its learning time and reviews."""
    return forms.Change(
        form=form, empties=f"skill_edit_{skill_id}", fields=skill_fields, what=data.name,
        save=forms.saves(service.update_skill, _("Saved."), skill_id=skill_id),
        delete=forms.deletes(service.delete_skill, _("Deleted {name}.").format(name=data.name),
                             skill_id=skill_id, history="delete"),
        delete_key="skill_remove", deleted_empties="skill_remove", deleted_kind="info",
        delete_note=_("Deleting a skill also deletes its learning time and mentor reviews."))


with skills_tab:
    overview = state.read(Reports.skills_overview)
    if not overview:
        st.info(_("No skills yet. Understand the field, learn one skill well, then start working."))
    else:
        tables.show(overview, tables.SKILLS, state.present())
    st.subheader(_("Add a skill"))
    new = new_record("skill", skill_fields, N_("Add skill"))
    if new is not None and (created := state.write(service.create_skill, data=new)) is not None:
        widgets.saved("skill", _("Added {name}.").format(name=created.name))
    known = state.read(Reports.skill_choices)
    if known:
        st.subheader(_("Change or delete a skill"))
        change_recent(_("Skill to change"), known, name="skill", load=skill_input, change=skill_change)


def learning_fields(key: str, current: service.LearningInput | None) -> service.LearningInput:
    """Draw a learning time's fields (empty or pre-filled); return what was typed."""
    skill_id = widgets.pick(_("Skill"), state.read(Reports.skill_choices), key=f"{key}_skill",
                            current=current.skill_id if current else None)
    day, minutes = st.columns(2)
    learned_on = day.date_input(_("Day"), value=current.learned_on if current else state.today(),
                                format="YYYY-MM-DD", key=f"{key}_day")
    spent = minutes.number_input(_("Minutes"), min_value=0, max_value=24 * 60, step=15,
                                 value=int(current.minutes) if current else 30, key=f"{key}_minutes")
    note = st.text_input(_("What you learned (optional)"), value=current.note if current else "",
                         key=f"{key}_note")
    return service.LearningInput(skill_id=skill_id, learned_on=learned_on, minutes=spent, note=note)


def learning_input(session_id: int) -> service.LearningInput | None:
    """Return a stored learning time as the input that pre-fills its form, or None when it is gone."""
    record = state.read(Reports.learning, session_id)
    return None if record is None else service.LearningInput(
        skill_id=record.skill_id, learned_on=record.learned_on, minutes=record.minutes, note=record.note)


def learning_change(session_id: int, form: str, _data: service.LearningInput) -> forms.Change[Any]:
    """Return how a learning time is changed or deleted."""
    return forms.Change(
        form=form, empties=f"learning_edit_{session_id}", fields=learning_fields,
        what=_("this learning time"),
        save=forms.saves(service.update_learning, _("Saved."), session_id=session_id),
        delete=forms.deletes(service.delete_learning, _("Deleted."), session_id=session_id),
        delete_key="learning_remove", deleted_empties="learning_remove", deleted_kind="info")


with learning_tab:
    st.subheader(_("I learned today"))
    logged = new_record("learning", learning_fields, N_("Save learning time"))
    if logged is not None and (row := state.write(service.log_learning, data=logged)) is not None:
        widgets.saved("learning", _("Saved {minutes} minutes. Keep going!").format(
            minutes=state.number(row.minutes)))
    sessions = state.read(Reports.recent_learning, 20)
    if sessions:
        tables.show(sessions, tables.LEARNING, state.present())
        change_recent(_("Learning time to change"),
                      tables.learning_picks(state.read(Reports.learning_choices), state.present()),
                      name="learning", load=learning_input, change=learning_change)


def review_fields(key: str, current: service.ReviewInput | None) -> service.ReviewInput:
    """Draw a mentor review's fields (empty or pre-filled); return what was typed."""
    verdicts = [v.value for v in Verdict]
    skill_id = widgets.pick(_("Skill"), state.read(Reports.skill_choices), key=f"{key}_skill",
                            current=current.skill_id if current else None)
    day, who = st.columns(2)
    reviewed_on = day.date_input(_("Day"), value=current.reviewed_on if current else state.today(),
                                 format="YYYY-MM-DD", key=f"{key}_day")
    reviewer = who.text_input(_("Mentor"), value=current.reviewer if current else "", key=f"{key}_reviewer")
    verdict = st.radio(_("Verdict"), verdicts, horizontal=True, key=f"{key}_verdict",
                       index=verdicts.index(current.verdict) if current else 1, format_func=lambda v: _(v))
    notes = st.text_area(_("What the mentor said"), value=current.notes if current else "",
                         key=f"{key}_notes")
    return service.ReviewInput(skill_id=skill_id, reviewed_on=reviewed_on, reviewer=reviewer, verdict=verdict,
                               notes=notes)


def review_input(review_id: int) -> service.ReviewInput | None:
    """Return a stored review as the input that pre-fills its form, or None when it is gone."""
    record = state.read(Reports.review, review_id)
    return None if record is None else service.ReviewInput(
        skill_id=record.skill_id, reviewed_on=record.reviewed_on, reviewer=record.reviewer,
        verdict=record.verdict, notes=record.notes)


def review_change(review_id: int, form: str, _data: service.ReviewInput) -> forms.Change[Any]:
    """Return how a mentor review is changed or deleted."""
    return forms.Change(
        form=form, empties=f"review_edit_{review_id}", fields=review_fields, what=_("this review"),
        save=forms.saves(service.update_review, _("Saved."), review_id=review_id),
        delete=forms.deletes(service.delete_review, _("Deleted."), review_id=review_id),
        delete_key="review_remove", deleted_empties="review_remove", deleted_kind="info")


with reviews_tab:
    st.caption(_("Show your work to a mentor and start selling a skill when they say it is ready (S9)."))
    added = new_record("review", review_fields, N_("Save review"))
    if added is not None and state.write(service.add_review, data=added) is not None:
        widgets.saved("review", _("Review saved."))
    reviews = state.read(Reports.recent_reviews, 20)
    if reviews:
        tables.show(reviews, tables.REVIEWS, state.present())
        change_recent(_("Review to change"),
                      tables.review_picks(state.read(Reports.review_choices), state.present()),
                      name="review", load=review_input, change=review_change)

with ready_tab:
    widgets.readiness_checklist()
