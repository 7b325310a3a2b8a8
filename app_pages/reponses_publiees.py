"""Réponses déjà publiées: owner replies on Google that reveal care or the relationship."""

from __future__ import annotations

import streamlit as st

from app_pages.common import db_session, load_core, plain, require_page
from responders.audit import audit_replies, mark_corrected
from responders.links import google_link
from responders.store.settings import PracticeSettings

VERDICTS = {"block": "Révèle une information protégée", "review": "À relire par le praticien"}

account = require_page("reponses_publiees")

st.title("Réponses déjà publiées")
st.caption(
    "Chaque réponse déjà publiée sous un avis passe le même contrôle du secret professionnel "
    "qu'une nouvelle réponse. Corrigez ou supprimez sur Google celles qui sont signalées ici."
)
load_core()
with db_session() as session:
    settings = PracticeSettings.load(session)
    audits = audit_replies(session, settings=settings, only_flagged=True)
user = account.name

open_audits = [a for a in audits if not a.corrected]
st.metric("Réponses à corriger", len(open_audits))
show_done = st.toggle("Afficher aussi les réponses déjà marquées « corrigée »", value=False)
shown = audits if show_done else open_audits
if not shown:
    st.success("Aucune réponse publiée ne pose problème.")

for audit in shown:
    with st.container(border=True, key=f"published-{audit.review_id}"):
        st.text(f"{audit.location} · {VERDICTS.get(audit.verdict, audit.verdict)}")
        st.caption("Réponse publiée")
        plain(audit.reply)
        for finding in audit.findings:
            st.text(f"• « {finding.get('text', '')} » : {finding.get('explanation', '')}")
        if audit.replacement:
            st.caption("Réponse de remplacement (modèle validé, contrôle passé)")
            st.code(audit.replacement, language=None, wrap_lines=True)
        else:
            st.caption(audit.replacement_reason)
        link = google_link(audit.review_url)
        if link:
            st.link_button("Ouvrir l'avis sur Google pour modifier ou supprimer la réponse", link)
        if audit.corrected:
            st.text(f"Marquée « corrigée » par {audit.corrected_by}.")
        elif st.button("Marquer « corrigée »", key=f"corrected-{audit.review_id}"):
            with db_session() as session:
                mark_corrected(session, audit, user=user)
            st.rerun()
