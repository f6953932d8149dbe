"""Guidance: a newcomer's path in seven steps, each tip with its source point; the checklist in step 2."""

import streamlit as st

from tracker.guidance import SECTIONS
from tracker.web import nav, state, widgets
from tracker.web.state import _

nav.page_title(_("Guidance"))
st.caption(_("The path the source articles advise, step by step, in our own words. Each tip names the "
             "point of the articles it comes from."))

for number, section in enumerate(SECTIONS, start=1):
    st.subheader(_("{number}. {title}").format(number=state.number(number), title=_(section.title)))
    st.caption(_(section.intro))
    for tip in section.tips:
        with st.container(border=True):
            st.markdown(f"**{_(tip.title)}**")
            st.write(_(tip.text))
            st.caption(_("Source point {id}").format(id=tip.source))
    if section.key == "ready":
        widgets.readiness_checklist()
