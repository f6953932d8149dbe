"""Guidance: a newcomer's path, and the readiness checklist."""

import streamlit as st

from tracker import ui
from tracker.guidance import PATH
from tracker.ui import _

ui.page_title(_("Guidance"))
st.subheader(_("Before you start"))
ui.readiness_checklist()

st.subheader(_("The path"))
for tip in PATH:
    with st.container(border=True):
        st.markdown(f"**{_(tip.title)}**")
        st.write(_(tip.text))
        st.caption(_("Source point {id}").format(id=tip.source))
