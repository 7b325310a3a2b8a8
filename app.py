"""Streamlit entry point: navigation only. Run with `make run`."""

import logging

import streamlit as st

from responders.errors import UnusableInput

LOG = logging.getLogger("responders.app")

# An emoji favicon is drawn by the browser: a Material icon would be fetched from Google's font
# server on every page load, and the practice configured no outbound request.
st.set_page_config(page_title="responders — avis Google du cabinet", page_icon="🩺", layout="wide")

pages = [
    st.Page("app_pages/triage.py", title="Triage", icon=":material/inbox:", default=True),
    st.Page("app_pages/importer.py", title="Importer", icon=":material/upload_file:"),
    st.Page("app_pages/tableau_de_bord.py", title="Tableau de bord", icon=":material/monitoring:"),
    st.Page("app_pages/avocat.py", title="Avocat", icon=":material/gavel:"),
    st.Page("app_pages/retraits.py", title="Retraits", icon=":material/flag:"),
    st.Page("app_pages/reponses_publiees.py", title="Réponses déjà publiées", icon=":material/rate_review:"),
    st.Page("app_pages/journal.py", title="Journal", icon=":material/history:"),
    st.Page("app_pages/reglages.py", title="Réglages", icon=":material/settings:"),
]
page = st.navigation(pages)
try:
    page.run()
except UnusableInput as exc:  # expected: the database or a file cannot be used, said in French
    st.error(str(exc))
except Exception:
    # A visitor never sees a traceback (.streamlit/config.toml: showErrorDetails = "none"); the
    # details go to the server's log, where the person who runs it can read them.
    LOG.exception("Erreur inattendue sur la page « %s »", page.title)
    st.error(
        "Une erreur inattendue est survenue sur cette page. Rien n'a été perdu : réessayez, et si "
        "l'erreur revient, signalez-la à la personne qui gère l'application (le détail est dans "
        "le journal du serveur)."
    )
