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
    # every page's address leads to the sign-in page (a reload or a bookmark lands there, with no
    # "page not found"); after signing in, the same address opens the page itself
    sign_in = "app_pages/connexion.py"
    pages = [st.Page(sign_in, title="Connexion", icon=":material/login:", default=True)] + [
        st.Page(sign_in, title=title, url_path=name) for name, (title, _icon) in PAGES.items() if name != "triage"
    ]
    st.navigation(pages, position="hidden").run()
    st.stop()
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
