"""Journal: the audit trail of what was copied, decided, reported or sent to the lawyer."""

from __future__ import annotations

import streamlit as st

from app_pages.common import db_session
from responders.views import journal

st.title("Journal")
st.caption("Chaque copie de réponse, changement de statut, signalement ou envoi à l'avocat est enregistré ici.")
with db_session() as session:
    frame = journal.events_frame(session)

col1, col2 = st.columns(2)
actions = col1.multiselect("Action", sorted(frame["Action"].unique()) if not frame.empty else [], placeholder="Tous")
users = col2.multiselect("Utilisateur", sorted(frame["Utilisateur"].unique()) if not frame.empty else [], placeholder="Tous")
shown = journal.filter_events(frame, actions=actions, users=users)
st.dataframe(shown, hide_index=True, width="stretch")
st.download_button(
    "Exporter en CSV", data=journal.to_csv(shown), file_name="journal.csv", mime="text/csv",
    disabled=shown.empty,
)
