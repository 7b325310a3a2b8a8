"""Tableau de bord: the figures a clinic manager shows at a staff meeting."""

from __future__ import annotations

import altair as alt
import streamlit as st
from sqlmodel import select

from app_pages.common import db_session, require_page
from responders.audit import audit_replies
from responders.bursts import stored_bursts
from responders.removal import NEAR_DAYS, removal_overview
from responders.store.models import Location
from responders.views import stats

account = require_page("tableau_de_bord")
st.title("Tableau de bord")
with db_session() as session:
    locations = {loc.id: loc.name or loc.key for loc in session.exec(select(Location)).all()}
chosen = st.multiselect("Établissement", list(locations), format_func=locations.get, placeholder="Tous")
with db_session() as session:
    frame = stats.reviews_frame(session, tuple(chosen))

if frame.empty:
    st.info("Aucun avis pour l'instant : importez un fichier depuis la page « Importer ».")
    st.stop()

summary = stats.reply_summary(frame)
with db_session() as session:
    flagged_replies = sum(1 for a in audit_replies(session, only_flagged=True) if not a.corrected)
    bursts = stored_bursts(session)
    removals = removal_overview(session)  # the digest's query: the two always agree
cols = st.columns(3)
cols[0].metric("Avis", f"{len(frame)}")
rated = frame["rating"].dropna()
cols[1].metric("Note moyenne", f"{rated.mean():.2f} ★" if len(rated) else "—")
cols[2].metric("Taux de réponse", f"{frame['replied_at'].notna().mean() * 100:.0f} %")
cols = st.columns(4)
cols[0].metric("Réponses publiées à corriger", f"{flagged_replies}",
               help="Réponses déjà publiées sur Google qui révèlent une information protégée : page « Réponses déjà publiées ».")
cols[1].metric("Rafales d'avis négatifs", f"{len(bursts)}",
               help="Séries inhabituelles d'avis à 1 ou 2 étoiles : page « Retraits ».")
cols[2].metric("Retraits en attente de Google", f"{len(removals.awaiting)}",
               help="Demandes de retrait déposées auprès de Google, sans décision enregistrée : page « Retraits ».")
cols[3].metric(f"Recours à déposer sous {NEAR_DAYS} jours", f"{len(removals.due_soon)}",
               help="Google a refusé le retrait et le délai de l'étape suivante (réclamation interne, DSA art. 20) "
                    "approche : page « Retraits ».")

st.subheader("Note moyenne par mois")
months, month_order = stats.long_for_chart(stats.rating_over_time(frame), stats.month_label,
                                           x="Mois", series="Établissement", value="Note moyenne")
st.altair_chart(alt.Chart(months).mark_line(point=True).encode(
    x=alt.X("Mois:N", sort=month_order, axis=alt.Axis(labelAngle=0)),
    y=alt.Y("Note moyenne:Q", scale=alt.Scale(domain=[1, 5])),
    color=alt.Color("Établissement:N", legend=alt.Legend(orient="bottom")),
    tooltip=["Mois", "Établissement", "Note moyenne"],
), width="stretch")
st.subheader("Catégories d'avis par semaine")
weeks, week_order = stats.long_for_chart(stats.labels_per_week(frame), stats.week_label,
                                         x="Semaine", series="Catégorie", value="Avis")
st.altair_chart(alt.Chart(weeks).mark_bar().encode(
    x=alt.X("Semaine:N", sort=week_order),
    y=alt.Y("Avis:Q", stack="zero"),
    color=alt.Color("Catégorie:N", legend=alt.Legend(orient="bottom")),
    tooltip=["Semaine", "Catégorie", "Avis"],
), width="stretch")
st.subheader("Réponses par établissement")
st.dataframe(summary, hide_index=True, width="stretch")
