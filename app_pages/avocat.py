"""Avocat: defamation and insult candidates by deadline, the dossier downloads, the notice to Google."""

from __future__ import annotations

import streamlit as st

from app_pages.common import NOT_LEGAL_ADVICE, current_user, db_session, plain, require_page
from responders.export import FORMATS, MEDIA_TYPES, build_dossier, dossier_bytes
from responders.people.roles import can
from responders.store.settings import PracticeSettings
from responders.triage import queue
from responders.views.lawyer_view import countdown_frame

account = require_page("avocat")
st.title("Dossier pour l'avocat")
st.caption(NOT_LEGAL_ADVICE)
st.info(
    "Secret médical : ne transmettez que ce qui est strictement nécessaire à la défense. "
    "Le dossier ne contient que l'avis publié et les actions du cabinet, jamais le dossier du patient."
)

with db_session() as session:
    settings = PracticeSettings.load(session)
    dossier = build_dossier(session, profile=settings.profile, settings=settings)

if not dossier.entries:
    st.success("Aucun avis diffamatoire ou injurieux à transmettre pour l'instant.")
    st.stop()

missing = settings.missing_for_notice()
if missing:
    st.warning("À compléter dans Réglages pour la notification à Google : " + ", ".join(missing) + ".")

st.subheader(f"{len(dossier.entries)} avis candidat(s), le plus urgent en premier")
st.dataframe(countdown_frame(dossier), hide_index=True, width="stretch")

cols = st.columns(len(FORMATS))
for col, fmt in zip(cols, FORMATS, strict=True):
    col.download_button(
        f"Télécharger ({fmt.upper()})", data=dossier_bytes(dossier, fmt),
        file_name=f"dossier-avocat.{fmt}", mime=MEDIA_TYPES[fmt], key=f"download-{fmt}",
    )

st.subheader("Notification à Google (DSA, art. 16)")
choices = {entry.review_id: f"{entry.rank}. {entry.location_name} — {entry.label_fr}" for entry in dossier.entries}
chosen = st.selectbox("Avis", list(choices), format_func=choices.get)
entry = next(e for e in dossier.entries if e.review_id == chosen)
plain(entry.text_original or "")
if entry.profile.jurisdiction == "QC":
    known = entry.deadline.start
    day = st.date_input(
        "Date de connaissance de l'avis (point de départ du délai d'un an, C.c.Q. art. 2929)",
        value=known, format="DD/MM/YYYY", key=f"knowledge-{entry.review_id}",
        disabled=not can(account.role, "edit_knowledge_date"),
    )
    if day and day != known and can(account.role, "edit_knowledge_date") and st.button("Enregistrer la date de connaissance"):
        with db_session() as session:
            queue.set_knowledge_date(session, entry.review_id, day, user=current_user(settings.user_name))
        st.rerun()
st.code(entry.notice, language=None, wrap_lines=True)
if entry.flag_url or entry.review_url:
    st.link_button("Ouvrir le formulaire de signalement Google", entry.flag_url or entry.review_url or "")
