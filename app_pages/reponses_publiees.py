"""Réponses déjà publiées: owner replies on Google that reveal care or the relationship."""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from app_pages.common import db_session, load_core, plain, require_page
from app_pages.copy_button import copy_button, fresh_event
from responders.audit import ReplyAudit, audit_replies, mark_corrected
from responders.links import google_link
from responders.store.settings import PracticeSettings
from responders.triage import actions

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


def handle_copy(audit: ReplyAudit, event: Any) -> bool:
    """The copy button reported a click: the core guards the copied text again and journals it
    (who, SHA-256, verdict, and the published reply it replaces). True when acted on."""
    event = fresh_event(event)
    if event is None:
        return False
    copied = event.get("text") if isinstance(event.get("text"), str) else audit.replacement or ""
    with db_session() as session:
        outcome = actions.copy_reply(session, audit.review_id, copied, user=user,
                                     mark_answered=False, replaces=audit.reply)
    if not outcome.allowed:
        st.toast(outcome.message, icon=":material/block:")
    elif event.get("event") == "failed":
        st.toast("Le navigateur a refusé l'accès au presse-papiers : sélectionnez la réponse de "
                 "remplacement et copiez-la (Ctrl+C).", icon=":material/warning:")
    else:
        st.toast("Réponse de remplacement copiée : collez-la sur Google à la place de l'ancienne.",
                 icon=":material/content_copy:")
    return True


def on_copy(audit: ReplyAudit) -> None:
    handle_copy(audit, st.session_state.get(f"copy-published-{audit.review_id}"))


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
        link = google_link(audit.review_url)
        if audit.replacement:
            st.caption("Réponse de remplacement (modèle validé, contrôle passé)")
            plain(audit.replacement)
            # the same one-click copy as on Triage: the frame gets only this guarded text, and the
            # click is journaled by the core (`copy_reply`), which guards it once more
            event = copy_button(
                audit.replacement, key=f"copy-published-{audit.review_id}", url=link,
                label="Copier la réponse de remplacement" + (" et ouvrir Google" if link else ""),
                help="Copie la réponse de remplacement et l'inscrit au journal ; "
                     "remplacez ensuite l'ancienne réponse sur Google.",
                on_change=partial(on_copy, audit),
            )
            if handle_copy(audit, event):  # a click the callback did not see (a restored session, a test)
                st.rerun()
        else:
            st.caption(audit.replacement_reason)
        if link:
            st.link_button("Ouvrir l'avis sur Google pour modifier ou supprimer la réponse", link)
        if audit.corrected:
            st.text(f"Marquée « corrigée » par {audit.corrected_by}.")
        elif st.button("Marquer « corrigée »", key=f"corrected-{audit.review_id}"):
            with db_session() as session:
                mark_corrected(session, audit, user=user)
            st.rerun()
