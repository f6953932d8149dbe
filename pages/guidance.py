"""Guidance: a newcomer's path, and the readiness checklist."""

import streamlit as st

from tracker import ui
from tracker.guidance import CHECKLIST_LABELS, PATH
from tracker.services.checklist import checklist, set_checklist_item
from tracker.ui import _

ui.page_title(_("Guidance"))
st.subheader(_("Before you start"))
items = ui.read(checklist)
done = sum(1 for item in items if item.done)
st.caption(_("{done} of {total} ready").format(done=done, total=len(items)))
for item in items:
    ticked = st.checkbox(_(CHECKLIST_LABELS[item.key]), value=item.done, key=f"check_{item.key}")
    if ticked != item.done:
        ui.write(set_checklist_item, key=item.key, done=ticked, note=item.note)
        st.rerun()

st.subheader(_("The path"))
for tip in PATH:
    with st.container(border=True):
        st.markdown(f"**{_(tip.title)}**")
        st.write(_(tip.text))
        st.caption(_("Source point {id}").format(id=tip.source))
