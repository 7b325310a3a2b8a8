"""Importer: upload review files (several at once, .zip included), then read the summary."""

from __future__ import annotations

import streamlit as st

from app_pages.common import KEY_IMPORT_RESULT, get_engine, require_page
from responders.importers.batch import import_uploads, safe_name
from responders.profiles import PROFILES
from responders.views.import_report import errors_frame, summary_lines
from responders.views.render import md_escape

account = require_page("importer")
# the column mapping offered when a table's columns are not recognised: field -> French label
MAPPED_FIELDS = {
    "text": "Texte de l'avis", "rating": "Note (étoiles)", "date": "Date de publication",
    "author": "Auteur", "reply": "Réponse du cabinet",
}

st.title("Importer des avis")
st.write(
    "Déposez les fichiers exportés de Google (API Business Profile, Google Takeout en .zip, "
    "Outscraper, Apify, SerpApi, Places) ou un CSV/Excel. Réimporter un fichier ne crée pas de "
    "doublon ; un avis modifié est conservé comme nouvelle version."
)
uploads = st.file_uploader(
    "Fichiers d'avis : JSON, CSV, Excel (.xlsx) ou archive .zip, plusieurs à la fois",
    accept_multiple_files=True, key="uploads",
    help="Glissez les fichiers dans le cadre ou cliquez sur le bouton pour les choisir "
         "(200 Mo au plus par fichier). Un fichier qui n'est pas un export d'avis est signalé, "
         "les autres sont importés.",
)
st.caption("Glissez-déposez vos fichiers dans le cadre ci-dessus, ou cliquez sur le bouton pour les "
           "choisir (200 Mo au plus par fichier).")
location = st.text_input(
    "Nom de l'établissement (seulement si le fichier ne l'indique pas)", value="",
    placeholder="ex. Cabinet dentaire des Tilleuls",
)
profile_options = ["", *PROFILES]
profile = st.selectbox(
    "Profil d'un nouvel établissement", profile_options, key="import-profile",
    format_func=lambda p: "celui du cabinet (Réglages)" if not p else PROFILES[p].label,
    help="S'applique seulement aux établissements que ce fichier fait découvrir ; un établissement "
    "déjà connu garde son profil. Indispensable si vos établissements sont en France et au Québec : "
    "délais et lois en dépendent.",
)


def run_import(files: list[tuple[str, bytes]], mappings: dict[str, dict[str, str]] | None = None) -> None:
    bar = st.progress(0.0, text="Lecture des fichiers…")

    def progress(done: int, total: int, message: str) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=message)

    result = import_uploads(get_engine(), files, location=location or None, mappings=mappings, progress=progress,
                            profile=profile or None)
    bar.progress(1.0, text="Import et classement terminés." if result.imported else "Aucun fichier importé.")
    st.session_state[KEY_IMPORT_RESULT] = result.to_dict()


if st.button("Importer", type="primary", disabled=not uploads):
    run_import([(upload.name, upload.getvalue()) for upload in uploads or []])

result = st.session_state.get(KEY_IMPORT_RESULT)
if result:
    summary = result.get("summary")
    refused = result.get("refused", [])
    if summary:
        st.subheader("Résultat du dernier import")
        if result.get("imported"):
            st.write("Fichiers importés : " + ", ".join(f"« {md_escape(n)} »" for n in result["imported"]))
        for line in summary_lines(summary):
            st.write(line)
        errors = errors_frame(summary)
        if not errors.empty:
            st.warning("Certains avis n'ont pas pu être importés (le reste l'a été) :")
            st.dataframe(errors, hide_index=True, width="stretch")
    if refused:
        st.error(f"{len(refused)} fichier(s) non importé(s)" + (" ; les autres l'ont été." if summary else "."))
        for position, item in enumerate(refused):
            st.markdown(f"- {md_escape(item['message'])}")
            if not item.get("columns"):
                continue
            name = item["name"]
            with st.container(border=True, key=f"mapping-{position}"):
                st.write(f"Colonnes de « {md_escape(name)} »")
                choices = [""] + list(item["columns"])
                cols = st.columns(len(MAPPED_FIELDS))
                mapping = {}
                for col, (field_name, label) in zip(cols, MAPPED_FIELDS.items(), strict=True):
                    chosen = col.selectbox(label, choices, key=f"map-{position}-{field_name}",
                                           format_func=lambda c: c or "— aucune —")
                    if chosen:
                        mapping[field_name] = chosen
                content = next((u.getvalue() for u in uploads or [] if safe_name(u.name) == name), None)
                if content is None:
                    st.caption("Déposez de nouveau ce fichier ci-dessus pour l'importer avec ces colonnes.")
                if st.button(f"Importer « {md_escape(name)} » avec ces colonnes", key=f"map-import-{position}",
                             disabled=content is None or not ({"text", "rating"} & set(mapping))):
                    assert content is not None
                    run_import([(name, content)], {name: mapping})
                    st.rerun()
    if result.get("imported"):
        try:
            st.page_link("app_pages/triage.py", label="Aller au triage", icon=":material/inbox:")
        except st.errors.StreamlitPageNotFoundError:  # the page run on its own (tests)
            st.caption("Ouvrez la page « Triage » dans le menu.")
