"""Streamlit entry point: sign-in, then navigation over the pages the person's role may open.
Run with `make run`."""

import streamlit as st

from app_pages.common import sign_out, signed_in
from responders.people.roles import pages_for

st.set_page_config(page_title="responders — avis Google du cabinet", page_icon=":material/stethoscope:", layout="wide")

PAGES = {
    "triage": ("Triage", ":material/inbox:"),
    "importer": ("Importer", ":material/upload_file:"),
    "tableau_de_bord": ("Tableau de bord", ":material/monitoring:"),
    "avocat": ("Avocat", ":material/gavel:"),
    "journal": ("Journal", ":material/history:"),
    "reglages": ("Réglages", ":material/settings:"),
}

account = signed_in()
if account is None:
    pages = [st.Page("app_pages/connexion.py", title="Connexion", icon=":material/login:", default=True)]
else:
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
st.navigation(pages).run()
