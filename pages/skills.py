"""Skills and learning: what you are learning, and how far each skill has come."""

import streamlit as st

from tracker import tables, ui
from tracker.models import DEFAULT_SKILL_CATEGORIES, SkillStage
from tracker.services.skills import SkillInput, create_skill
from tracker.ui import _

ui.page_title(_("Skills and learning"))
with st.form(ui.form_key("skill")):
    name, category, stage = st.columns([2, 1, 1])
    skill_name = name.text_input(_("Skill"))
    skill_category = category.selectbox(_("Kind of work"), DEFAULT_SKILL_CATEGORIES)
    skill_stage = stage.selectbox(_("Stage"), [s.value for s in SkillStage])
    added = st.form_submit_button(_("Add skill"))
if added:
    skill = ui.write(create_skill, data=SkillInput(name=skill_name, category=skill_category,
                                                   stage=skill_stage))
    if skill is not None:
        ui.saved("skill", _("Added {name}.").format(name=skill.name))

overview = ui.read(tables.skills_overview)
if overview.empty:
    st.info(_("No skills yet. Understand the field, learn one skill well, then start working."))
else:
    st.dataframe(overview, hide_index=True)
