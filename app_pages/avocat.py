"""Avocat: defamation and insult candidates by deadline, the dossier downloads, the notice to Google."""

from __future__ import annotations

import logging

import streamlit as st

from app_pages.common import (
    KEY_DOSSIER_FILE,
    NOT_LEGAL_ADVICE,
    current_user,
    db_session,
    plain,
    require_page,
)
from app_pages.dates import day_field
from responders.export import FORMATS, build_dossier
from responders.links import report_link
from responders.people.roles import can
from responders.store.captures import ACCEPTED, add_capture, capture_bytes, captures_of
from responders.store.settings import PracticeSettings
from responders.triage import actions
from responders.views.lawyer_view import captures_frame, countdown_frame, prepare_dossier_file
from responders.views.render import md_escape

LOG = logging.getLogger(__name__)

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
if missing and any(not (e.notifier.name and e.notifier.email) for e in dossier.entries):
    st.warning("À compléter dans Réglages pour la notification à Google : " + ", ".join(missing) + ".")

prepared = st.session_state.setdefault(KEY_DOSSIER_FILE, {})


def download_block(scope: str, count: int, label: str, *, primary: bool) -> None:
    """A button that builds the file when asked, then the button that downloads it."""
    fmt = st.radio("Format", FORMATS, index=FORMATS.index("pdf"), format_func=str.upper, horizontal=True,
                   key=f"format-{scope}")
    if st.button(label, key=f"prepare-{scope}", type="primary" if primary else "secondary"):
        try:
            with st.spinner("Préparation du dossier…"), db_session() as session:
                prepared[scope] = prepare_dossier_file(session, scope=scope, fmt=fmt, settings=settings)
        except Exception:  # one format failing on one review must not take the page down
            LOG.exception("dossier %s (%s) impossible à créer", fmt, scope)
            prepared.pop(scope, None)
            st.error(
                f"Le dossier {fmt.upper()} n'a pas pu être créé (le détail est dans le journal du "
                "serveur). Essayez un autre format : le JSON contient le texte exact."
            )
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
st.code(entry.notice, language=None, wrap_lines=True)
link = report_link(entry.flag_url, entry.review_url)  # only https links to Google's own hosts
if link:
    st.link_button("Ouvrir le formulaire de signalement Google", link)

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

quebec = {e.review_id: f"{e.rank}. {e.location_name} — {e.label_fr} — délai depuis le "
          f"{e.deadline.start:%d/%m/%Y}" if e.deadline.start else f"{e.rank}. {e.location_name}"
          for e in dossier.entries if e.profile.jurisdiction == "QC"}
if quebec and can(account.role, "edit_knowledge_date"):
    st.subheader("Date de connaissance (Québec, C.c.Q. art. 2929)")
    st.caption(
        "Le délai d'un an court depuis le jour où le cabinet a eu connaissance de l'avis. Tant "
        "qu'aucune date n'est indiquée, il court par prudence depuis la publication. Indiquez la "
        "date et la raison (ex. « avis découvert lors du tri hebdomadaire ») ; elles sont journalisées."
    )
    with st.form("knowledge-form"):
        picked = st.multiselect("Avis concernés", list(quebec), format_func=quebec.get, key="knowledge-reviews",
                                placeholder="Choisissez un ou plusieurs avis")
        day = day_field("Date de connaissance", value=None, key="knowledge-day")
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
