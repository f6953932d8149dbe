"""Skills and learning: skills and their stage, learning time, mentor reviews, readiness."""

from datetime import date

import streamlit as st

from tracker.i18n import N_
from tracker.ledger.models import SkillStage, Verdict
from tracker.reports.facade import Reports
from tracker.services import skills as service
from tracker.web import tables, ui
from tracker.web.ui import _

ui.page_title(_("Skills and learning"))
skills_tab, learning_tab, reviews_tab, ready_tab = ui.tabs(
    [_("Skills"), _("Learning time"), _("Mentor reviews"), _("Ready to start?")],
    key="skills_tabs",
)


def skill_form(key: str, current: service.SkillInput | None, button: str) -> service.SkillInput | None:
    """Draw a skill form (empty or pre-filled); return what was typed when saved."""
    categories = ui.read(Reports.skill_categories)
    stages = [s.value for s in SkillStage]
    with st.form(ui.form_key(key)):
        name = st.text_input(_("Skill"), value=current.name if current else "", key=f"{key}_name")
        kind, own = st.columns(2)
        index = categories.index(current.category) if current and current.category in categories else 0
        category = kind.selectbox(_("Kind of work"), categories, index=index, key=f"{key}_category",
                                  format_func=_)
        typed = own.text_input(_("…or your own kind of work"), key=f"{key}_own")
        stage = st.selectbox(
            _("Stage"),
            stages,
            key=f"{key}_stage",
            index=stages.index(current.stage) if current else 0,
            format_func=lambda s: _(s),
        )
        note = st.text_input(_("Note (optional)"), value=current.note if current else "", key=f"{key}_note")
        if st.form_submit_button(_(button), key=f"{key}_save"):
            return service.SkillInput(name=name, category=typed.strip() or category, stage=stage, note=note)
    return None


with skills_tab:
    overview = ui.read(Reports.skills_overview)
    if not overview:
        st.info(_("No skills yet. Understand the field, learn one skill well, then start working."))
    else:
        tables.show(overview, tables.SKILLS, ui.present())
    st.subheader(_("Add a skill"))
    new = skill_form("skill", None, N_("Add skill"))
    if new is not None and (created := ui.write(service.create_skill, data=new)) is not None:
        ui.saved("skill", _("Added {name}.").format(name=created.name))
    known = ui.read(Reports.skill_choices)
    if known:
        st.subheader(_("Change or delete a skill"))
        chosen = ui.pick(_("Skill to change"), known, key="skill_edit_pick")
        record = ui.read(Reports.skill, chosen)
        if record is not None:
            current = service.SkillInput(
                name=record.name, category=record.category, stage=record.stage, note=record.note
            )
            edited = skill_form(f"skill_edit_{chosen}", current, N_("Save changes"))
            if edited is not None and ui.write(service.update_skill, skill_id=chosen, data=edited):
                ui.saved(f"skill_edit_{chosen}", _("Saved."))
            st.caption(_("Deleting a skill also deletes its learning time and mentor reviews."))
            if ui.confirm_delete(record.name, key="skill_remove") and ui.done(
                service.delete_skill, skill_id=chosen, history="delete"
            ):
                ui.saved("skill_remove", _("Deleted {name}.").format(name=record.name), "info")


def learning_form(
    key: str,
    current: service.LearningInput | None,
    button: str,
) -> service.LearningInput | None:
    """Draw a learning-time form; return what was typed when saved."""
    with st.form(ui.form_key(key)):
        skill_id = ui.pick(
            _("Skill"),
            ui.read(Reports.skill_choices),
            key=f"{key}_skill",
            current=current.skill_id if current else None,
        )
        day, minutes = st.columns(2)
        learned_on = day.date_input(
            _("Day"),
            value=current.learned_on if current else date.today(),
            format="YYYY-MM-DD",
            key=f"{key}_day",
        )
        spent = minutes.number_input(
            _("Minutes"),
            min_value=0,
            max_value=24 * 60,
            step=15,
            value=int(current.minutes) if current else 30,
            key=f"{key}_minutes",
        )
        note = st.text_input(
            _("What you learned (optional)"), value=current.note if current else "", key=f"{key}_note"
        )
        if st.form_submit_button(_(button), key=f"{key}_save"):
            return service.LearningInput(skill_id=skill_id, learned_on=learned_on, minutes=spent, note=note)
    return None


with learning_tab:
    st.subheader(_("I learned today"))
    logged = learning_form("learning", None, N_("Save learning time"))
    if logged is not None and (row := ui.write(service.log_learning, data=logged)) is not None:
        ui.saved("learning", _("Saved {minutes} minutes. Keep going!").format(minutes=ui.number(row.minutes)))
    sessions = ui.read(Reports.recent_learning, 20)
    if sessions:
        tables.show(sessions, tables.LEARNING, ui.present())
        chosen = ui.pick(_("Learning time to change"),
                         tables.learning_picks(ui.read(Reports.learning_choices), ui.present()),
                         key="learning_edit_pick")
        record = ui.read(Reports.learning, chosen)
        if record is not None:
            current = service.LearningInput(
                skill_id=record.skill_id,
                learned_on=record.learned_on,
                minutes=record.minutes,
                note=record.note,
            )
            edited = learning_form(f"learning_edit_{chosen}", current, N_("Save changes"))
            if edited is not None and ui.write(service.update_learning, session_id=chosen, data=edited):
                ui.saved(f"learning_edit_{chosen}", _("Saved."))
            if ui.confirm_delete(_("this learning time"), key="learning_remove") and ui.done(
                service.delete_learning, session_id=chosen
            ):
                ui.saved("learning_remove", _("Deleted."), "info")


def review_form(key: str, current: service.ReviewInput | None, button: str) -> service.ReviewInput | None:
    """Draw a mentor review form; return what was typed when saved."""
    verdicts = [v.value for v in Verdict]
    with st.form(ui.form_key(key)):
        skill_id = ui.pick(
            _("Skill"),
            ui.read(Reports.skill_choices),
            key=f"{key}_skill",
            current=current.skill_id if current else None,
        )
        day, who = st.columns(2)
        reviewed_on = day.date_input(
            _("Day"),
            value=current.reviewed_on if current else date.today(),
            format="YYYY-MM-DD",
            key=f"{key}_day",
        )
        reviewer = who.text_input(
            _("Mentor"), value=current.reviewer if current else "", key=f"{key}_reviewer"
        )
        verdict = st.radio(
            _("Verdict"),
            verdicts,
            horizontal=True,
            key=f"{key}_verdict",
            index=verdicts.index(current.verdict) if current else 1,
            format_func=lambda v: _(v),
        )
        notes = st.text_area(
            _("What the mentor said"), value=current.notes if current else "", key=f"{key}_notes"
        )
        if st.form_submit_button(_(button), key=f"{key}_save"):
            return service.ReviewInput(
                skill_id=skill_id, reviewed_on=reviewed_on, reviewer=reviewer, verdict=verdict, notes=notes
            )
    return None


with reviews_tab:
    st.caption(_("Show your work to a mentor and start selling a skill when they say it is ready (S9)."))
    added = review_form("review", None, N_("Save review"))
    if added is not None and ui.write(service.add_review, data=added) is not None:
        ui.saved("review", _("Review saved."))
    reviews = ui.read(Reports.recent_reviews, 20)
    if reviews:
        tables.show(reviews, tables.REVIEWS, ui.present())
        picks = tables.review_picks(ui.read(Reports.review_choices), ui.present())
        chosen = ui.pick(_("Review to change"), picks, key="review_edit_pick")
        record = ui.read(Reports.review, chosen)
        if record is not None:
            current = service.ReviewInput(
                skill_id=record.skill_id,
                reviewed_on=record.reviewed_on,
                reviewer=record.reviewer,
                verdict=record.verdict,
                notes=record.notes,
            )
            edited = review_form(f"review_edit_{chosen}", current, N_("Save changes"))
            if edited is not None and ui.write(service.update_review, review_id=chosen, data=edited):
                ui.saved(f"review_edit_{chosen}", _("Saved."))
            if ui.confirm_delete(_("this review"), key="review_remove") and ui.done(
                service.delete_review, review_id=chosen
            ):
                ui.saved("review_remove", _("Deleted."), "info")

with ready_tab:
    ui.readiness_checklist()
