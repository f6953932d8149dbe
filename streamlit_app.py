"""Entry point: page config, who may come in, the shared sidebar, navigation over the pages. Nothing else."""

import streamlit as st

from tracker.web import nav

st.set_page_config(page_title="Freelance tracker", page_icon="৳", layout="wide")
page = nav.start()  # a new run: its memo, the access gate, the navigation
nav.sidebar()
page.run()
