"""Streamlit entry point: navigation only. Run with `make run`."""

import streamlit as st

from app_pages.common import load_core

st.set_page_config(page_title="responders — avis Google du cabinet", page_icon=":material/stethoscope:", layout="wide")
load_core()  # once per server; already warm when started by scripts/serve.py (`make run`)

pages = [
    st.Page("app_pages/triage.py", title="Triage", icon=":material/inbox:", default=True),
    st.Page("app_pages/importer.py", title="Importer", icon=":material/upload_file:"),
    st.Page("app_pages/tableau_de_bord.py", title="Tableau de bord", icon=":material/monitoring:"),
    st.Page("app_pages/avocat.py", title="Avocat", icon=":material/gavel:"),
    st.Page("app_pages/journal.py", title="Journal", icon=":material/history:"),
    st.Page("app_pages/reglages.py", title="Réglages", icon=":material/settings:"),
]
st.navigation(pages).run()
