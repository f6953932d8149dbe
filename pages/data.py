"""Data: what is stored, and downloads of it."""

import streamlit as st

from tracker import tables, ui
from tracker.io.export import payments_csv
from tracker.ui import _

ui.page_title(_("Data"))
counts = ui.read(tables.record_counts)
st.dataframe({_("Table"): list(counts), _("Rows"): list(counts.values())}, hide_index=True)
st.download_button(_("Download payments (CSV)"), data=ui.read(payments_csv),
                   file_name="payments.csv", mime="text/csv", icon=":material/download:",
                   on_click="ignore")
st.caption(_("Your data lives in {where}. Copy that file to back it up.").format(where=ui.db_url()))
