"""Importer: upload review files (several at once, .zip included), then read the summary."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from app_pages.common import KEY_IMPORT_RESULT, get_engine, require_page
from responders.errors import UnusableInput
from responders.importers import import_paths
from responders.profiles import PROFILES
from responders.views.import_report import errors_frame, summary_lines
from responders.views.render import md_escape

account = require_page("importer")
st.title("Importer des avis")
st.write(
    "Déposez les fichiers exportés de Google (API Business Profile, Google Takeout en .zip, "
    "Outscraper, Apify, SerpApi, Places) ou un CSV/Excel. Réimporter un fichier ne crée pas de "
    "doublon ; un avis modifié est conservé comme nouvelle version."
)
uploads = st.file_uploader(
    "Fichiers d'avis", type=["json", "csv", "xlsx", "zip", "txt"], accept_multiple_files=True
)
location = st.text_input(
    "Nom de l'établissement (seulement si le fichier ne l'indique pas)", value=""
)
profile_options = ["", *PROFILES]
profile = st.selectbox(
    "Profil d'un nouvel établissement", profile_options, key="import-profile",
    format_func=lambda p: "celui du cabinet (Réglages)" if not p else PROFILES[p].label,
    help="S'applique seulement aux établissements que ce fichier fait découvrir ; un établissement "
    "déjà connu garde son profil. Indispensable si vos établissements sont en France et au Québec : "
    "délais et lois en dépendent.",
)

if st.button("Importer", type="primary", disabled=not uploads):
    bar = st.progress(0.0, text="Lecture des fichiers…")

    def progress(done: int, total: int, message: str) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=message)

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for upload in uploads or []:
            target = Path(folder) / Path(upload.name).name
            target.write_bytes(upload.getvalue())
            paths.append(target)
        try:
            summary = import_paths(get_engine(), paths, location=location or None, progress=progress,
                                   profile=profile or None)
        except UnusableInput as exc:
            bar.empty()
            st.error(f"Rien n'a été importé. {md_escape(str(exc))}")
        else:
            bar.progress(1.0, text="Import et classement terminés.")
            st.session_state[KEY_IMPORT_RESULT] = summary.to_dict()

result = st.session_state.get(KEY_IMPORT_RESULT)
if result:
    st.subheader("Résultat du dernier import")
    for line in summary_lines(result):
        st.write(line)
    errors = errors_frame(result)
    if not errors.empty:
        st.warning("Certains avis n'ont pas pu être importés (le reste l'a été) :")
        st.dataframe(errors, hide_index=True, width="stretch")
    st.page_link("app_pages/triage.py", label="Aller au triage", icon=":material/inbox:")
