"""Entry point: page config, who may come in, the shared sidebar, navigation over the pages. Nothing else."""

import streamlit as st

from tracker.web import ui

st.set_page_config(page_title="Freelance tracker", page_icon="৳", layout="wide")
ui.let_in()  # on any address but 127.0.0.1: a password or a login first, or nothing at all
page = ui.navigation()
ui.sidebar()
page.run()
