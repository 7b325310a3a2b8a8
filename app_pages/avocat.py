"""Avocat: defamation and insult candidates by deadline, the dossier downloads, the notice to Google."""

from __future__ import annotations

import streamlit as st

from app_pages.common import NOT_LEGAL_ADVICE, current_user, db_session, plain
from responders.export import FORMATS, MEDIA_TYPES, build_dossier, dossier_download
from responders.links import report_link
from responders.store.settings import PracticeSettings
from responders.triage import actions
from responders.views.lawyer_view import countdown_frame

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
    download = dossier_download(dossier, fmt)  # each format on its own: one failure hides no other
    if download.data is None:
        col.error(download.error)
        continue
    col.download_button(
        f"Télécharger ({fmt.upper()})", data=download.data,
        file_name=f"dossier-avocat.{fmt}", mime=MEDIA_TYPES[fmt], key=f"download-{fmt}",
    )

st.subheader("Notification à Google (DSA, art. 16)")
choices = {entry.review_id: f"{entry.rank}. {entry.location_name} — {entry.label_fr}" for entry in dossier.entries}
chosen = st.selectbox("Avis", list(choices), format_func=choices.get)
entry = next(e for e in dossier.entries if e.review_id == chosen)
plain(entry.text_original or "")
st.code(entry.notice, language=None, wrap_lines=True)
link = report_link(entry.flag_url, entry.review_url)  # only https links to Google's own hosts
if link:
    st.link_button("Ouvrir le formulaire de signalement Google", link)

quebec = {e.review_id: f"{e.rank}. {e.location_name} — {e.label_fr} — délai depuis le "
          f"{e.deadline.start:%d/%m/%Y}" if e.deadline.start else f"{e.rank}. {e.location_name}"
          for e in dossier.entries if e.profile.jurisdiction == "QC"}
if quebec:
    st.subheader("Date de connaissance (Québec, C.c.Q. art. 2929)")
    st.caption(
        "Le délai d'un an court depuis le jour où le cabinet a eu connaissance de l'avis. Tant "
        "qu'aucune date n'est indiquée, il court par prudence depuis la publication. Indiquez la "
        "date et la raison (ex. « avis découvert lors du tri hebdomadaire ») ; elles sont journalisées."
    )
    with st.form("knowledge-form"):
        picked = st.multiselect("Avis concernés", list(quebec), format_func=quebec.get, key="knowledge-reviews",
                                placeholder="Choisissez un ou plusieurs avis")
        day = st.date_input("Date de connaissance", value=None, format="DD/MM/YYYY", key="knowledge-day")
        reason = st.text_input("Raison", key="knowledge-reason")
        saved = st.form_submit_button("Enregistrer la date de connaissance")
    if saved:
        if not picked or day is None or not reason.strip():
            st.error("Choisissez au moins un avis, une date et indiquez la raison.")
        else:
            try:
                with db_session() as session:
                    count = actions.set_knowledge_dates(
                        session, list(picked), day, user=current_user(settings.user_name), reason=reason
                    )
            except ValueError as exc:
                st.error(str(exc))
            else:
                st.success(f"Date de connaissance enregistrée pour {count} avis.")
                st.rerun()
