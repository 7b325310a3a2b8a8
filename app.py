"""Streamlit entry point: sign-in, then navigation over the pages the person's role may open.
Run with `make run`."""

import logging

import streamlit as st

from app_pages.common import load_core, sign_out, signed_in
from responders.errors import UnusableInput
from responders.people.roles import pages_for

LOG = logging.getLogger("responders.app")

# An emoji favicon is drawn by the browser: a Material icon would be fetched from Google's font
# server on every page load, and the practice configured no outbound request.
st.set_page_config(page_title="responders — avis Google du cabinet", page_icon="🩺", layout="wide")
load_core()  # once per server; already warm when started by scripts/serve.py (`make run`)

PAGES = {
    "triage": ("Triage", ":material/inbox:"),
    "importer": ("Importer", ":material/upload_file:"),
    "tableau_de_bord": ("Tableau de bord", ":material/monitoring:"),
    "avocat": ("Avocat", ":material/gavel:"),
    "retraits": ("Retraits", ":material/flag:"),
    "reponses_publiees": ("Réponses déjà publiées", ":material/rate_review:"),
    "journal": ("Journal", ":material/history:"),
    "reglages": ("Réglages", ":material/settings:"),
}

account = signed_in()
if account is None:
    # every page's address leads to the sign-in page (a reload or a bookmark lands there, with no
    # "page not found"); after signing in, the same address opens the page itself
    sign_in = "app_pages/connexion.py"
    pages = [st.Page(sign_in, title="Connexion", icon=":material/login:", default=True)] + [
        st.Page(sign_in, title=title, url_path=name) for name, (title, _icon) in PAGES.items() if name != "triage"
    ]
    st.navigation(pages, position="hidden").run()
    st.stop()

allowed = pages_for(account.role)
pages = [
    st.Page(f"app_pages/{name}.py", title=PAGES[name][0], icon=PAGES[name][1], default=i == 0)
    for i, name in enumerate(allowed)
]
with st.sidebar:
    st.text(f"{account.name} — {account.role_fr}")
    if account.demo:
        st.caption("compte de démonstration")
    if st.button("Se déconnecter", key="sign-out"):
        sign_out()
        st.rerun()
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
