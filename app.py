"""Streamlit entry point: navigation only. Run with `make run`."""

import streamlit as st

st.set_page_config(page_title="responders — avis Google du cabinet", page_icon="🩺", layout="wide")

pages = [
    st.Page("app_pages/triage.py", title="Triage", icon="📥", default=True),
    st.Page("app_pages/importer.py", title="Importer", icon="📤"),
    st.Page("app_pages/tableau_de_bord.py", title="Tableau de bord", icon="📊"),
    st.Page("app_pages/avocat.py", title="Avocat", icon="⚖️"),
    st.Page("app_pages/journal.py", title="Journal", icon="🗒️"),
    st.Page("app_pages/reglages.py", title="Réglages", icon="⚙️"),
]
st.navigation(pages).run()
