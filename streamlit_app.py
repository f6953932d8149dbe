"""Entry point: page config, the shared sidebar, navigation over the pages. Nothing else."""

import streamlit as st

from tracker import ui

st.set_page_config(page_title="Freelance tracker", page_icon="৳", layout="wide")
page = ui.navigation()
ui.sidebar()
page.run()
