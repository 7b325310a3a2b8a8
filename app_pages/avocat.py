"""Avocat: defamation and insult candidates by deadline, the dossier downloads, the notice to Google."""

from __future__ import annotations

import streamlit as st

from app_pages.common import KEY_DOSSIER_FILE, NOT_LEGAL_ADVICE, current_user, db_session, plain
from responders.export import FORMATS, build_dossier
from responders.store.captures import ACCEPTED, add_capture, capture_bytes, captures_of
from responders.store.settings import PracticeSettings
from responders.triage import queue
from responders.views.lawyer_view import captures_frame, countdown_frame, prepare_dossier_file
from responders.views.render import md_escape

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
if missing and any(not (e.notifier.name and e.notifier.email) for e in dossier.entries):
    st.warning("À compléter dans Réglages pour la notification à Google : " + ", ".join(missing) + ".")

prepared = st.session_state.setdefault(KEY_DOSSIER_FILE, {})


def download_block(scope: str, count: int, label: str, *, primary: bool) -> None:
    """A button that builds the file when asked, then the button that downloads it."""
    fmt = st.radio("Format", FORMATS, index=FORMATS.index("pdf"), format_func=str.upper, horizontal=True,
                   key=f"format-{scope}")
    if st.button(label, key=f"prepare-{scope}", type="primary" if primary else "secondary"):
        with st.spinner("Préparation du dossier…"), db_session() as session:
            prepared[scope] = prepare_dossier_file(session, scope=scope, fmt=fmt, settings=settings)
    ready = prepared.get(scope)
    if ready is not None:
        st.download_button(
            f"Télécharger {ready.file_name} ({ready.count} avis)", data=ready.data,
            file_name=ready.file_name, mime=ready.mime, key=f"download-{scope}",
            type="primary" if primary else "secondary",
        )
        st.caption(f"Préparé à {ready.built_at:%H:%M:%S} UTC ; préparez-le à nouveau après toute modification.")


transmitted = [e for e in dossier.entries if e.transmitted]
st.subheader(f"Dossier transmis à l'avocat ({len(transmitted)} avis)")
if transmitted:
    download_block("transmitted", len(transmitted), "Préparer le dossier des avis transmis", primary=True)
else:
    st.info("Aucun avis transmis à l'avocat pour l'instant : utilisez « Transmettre à l'avocat » dans le triage.")
with st.expander(f"Tous les candidats ({len(dossier.entries)} avis) — à ne transmettre que si nécessaire"):
    download_block("candidates", len(dossier.entries), "Préparer le dossier de tous les candidats", primary=False)

st.subheader(f"{len(dossier.entries)} avis candidat(s), le plus urgent en premier")
st.dataframe(countdown_frame(dossier), hide_index=True, width="stretch")

st.subheader("Notification à Google (DSA, art. 16)")
choices = {entry.review_id: f"{entry.rank}. {entry.location_name} — {entry.label_fr}" for entry in dossier.entries}
chosen = st.selectbox("Avis", list(choices), format_func=choices.get, key="lawyer-review")
entry = next(e for e in dossier.entries if e.review_id == chosen)
plain(entry.text_original or "")
if entry.reviewer_profile_url:
    st.link_button("Profil Google de l'auteur", entry.reviewer_profile_url)
if entry.profile.jurisdiction == "QC":
    known = entry.deadline.start
    day = st.date_input(
        "Date de connaissance de l'avis (point de départ du délai d'un an, C.c.Q. art. 2929)",
        value=known, format="DD/MM/YYYY", key=f"knowledge-{entry.review_id}",
    )
    if day and day != known and st.button("Enregistrer la date de connaissance"):
        with db_session() as session:
            queue.set_knowledge_date(session, entry.review_id, day, user=current_user(settings.user_name))
        st.rerun()
st.code(entry.notice, language=None, wrap_lines=True)
if entry.flag_url or entry.review_url:
    st.link_button("Ouvrir le formulaire de signalement Google", entry.flag_url or entry.review_url or "")

st.subheader("Captures de l'avis")
st.caption(
    "Joignez une capture d'écran de l'avis tel qu'il est publié (" + ACCEPTED + ", 10 Mo au plus) : "
    "le fichier est conservé à l'identique avec son empreinte SHA-256, reprise dans le dossier."
)
with db_session() as session:
    attached = captures_of(session, [entry.review_id])[entry.review_id]
if attached:
    st.dataframe(captures_frame(attached), hide_index=True, width="stretch")
    names = {c.id: f"{c.filename} ({c.sha256[:12]}…)" for c in attached}
    shown = st.selectbox("Capture à télécharger", list(names), format_func=names.get, key=f"capture-pick-{entry.review_id}")
    if st.button("Préparer le téléchargement de la capture", key=f"capture-prepare-{entry.review_id}"):
        with db_session() as session:
            data = capture_bytes(session, shown)
        capture = next(c for c in attached if c.id == shown)
        if data is not None:
            st.download_button(f"Télécharger {md_escape(capture.filename)}", data=data, file_name=capture.filename,
                               mime=capture.media_type, key=f"capture-download-{shown}")
upload = st.file_uploader("Capture d'écran de l'avis", type=["png", "jpg", "jpeg", "gif", "webp", "pdf"],
                          key=f"capture-upload-{entry.review_id}")
if upload is not None and st.button("Joindre la capture à l'avis", key=f"capture-add-{entry.review_id}"):
    try:
        with db_session() as session:
            info = add_capture(session, entry.review_id, upload.getvalue(), filename=upload.name,
                               user=current_user(settings.user_name))
    except ValueError as exc:
        st.error(str(exc))
    else:
        st.success(f"Capture jointe : SHA-256 {info.sha256}.")
        prepared.clear()  # a dossier prepared earlier no longer lists every capture
        st.rerun()
