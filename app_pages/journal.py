"""Journal: who did what, as French sentences, refused attempts included; filters and CSV export."""

from __future__ import annotations

import streamlit as st

from app_pages.common import db_session, require_page
from app_pages.dates import period_field
from responders.views import journal

account = require_page("journal")
st.title("Journal")
st.caption(
    "Chaque connexion, copie de réponse (et copie refusée), changement de statut, signalement, "
    "envoi à l'avocat ou changement de réglage est enregistré ici, au nom de la personne connectée."
)
with db_session() as session:
    frame = journal.events_frame(session)
    today = journal.practice_today(session)

col1, col2, col3 = st.columns(3)
users = col1.multiselect("Personne", sorted(frame["Personne"].unique()) if not frame.empty else [],
                         placeholder="Toutes", key="journal-users")
actions = col2.multiselect("Action", sorted(frame["Action"].unique()) if not frame.empty else [],
                           placeholder="Toutes", key="journal-actions")
# days as the practice lives them (the journal's dates are in its time zone)
since, until = period_field("Période", key="journal-period", container=col3, today=today)
shown = journal.filter_events(frame, actions=actions, users=users, since=since, until=until)
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
