"""Journal: who did what, as French sentences, refused attempts included; filters and CSV export."""

from __future__ import annotations

import streamlit as st

from app_pages.common import db_session, require_page
from responders.views import journal

account = require_page("journal")
st.title("Journal")
st.caption(
    "Chaque connexion, copie de réponse (et copie refusée), changement de statut, signalement, "
    "envoi à l'avocat ou changement de réglage est enregistré ici, au nom de la personne connectée."
)
with db_session() as session:
    frame = journal.events_frame(session)

col1, col2, col3 = st.columns(3)
users = col1.multiselect("Personne", sorted(frame["Personne"].unique()) if not frame.empty else [],
                         placeholder="Toutes", key="journal-users")
actions = col2.multiselect("Action", sorted(frame["Action"].unique()) if not frame.empty else [],
                           placeholder="Toutes", key="journal-actions")
period = col3.date_input("Période", value=(), format="DD/MM/YYYY", key="journal-period")
days = list(period) if isinstance(period, list | tuple) else [period] if period else []
shown = journal.filter_events(
    frame, actions=actions, users=users,
    since=days[0] if days else None, until=days[-1] if days else None,
)
st.dataframe(
    shown, hide_index=True, width="stretch",
    column_config={
        journal.DATE: st.column_config.DatetimeColumn(
            "Date (heure du cabinet)", format="DD/MM/YYYY HH:mm"
        ),
        "Lien": st.column_config.LinkColumn("Lien", display_text="Ouvrir l'avis"),
        "Sur Google": st.column_config.LinkColumn("Sur Google", display_text="Voir sur Google"),
    },
)
st.download_button(
    "Exporter en CSV", data=journal.to_csv(shown), file_name="journal.csv", mime="text/csv",
    disabled=shown.empty,
)
