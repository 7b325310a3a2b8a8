"""Retraits: the route to get an unlawful review removed, the request filed, Google's answer."""

from __future__ import annotations

import streamlit as st
from sqlmodel import col, select

from app_pages.common import db_session, plain, require_page
from responders.bursts import stored_bursts
from responders.classify.store import current_classifications
from responders.links import google_link
from responders.removal import (
    CATEGORIES,
    DECISIONS_FR,
    ROUTES,
    next_step,
    record_decision,
    record_submission,
    requests_for,
    suggest_route,
)
from responders.store.models import Location, Review, ReviewRevision
from responders.store.settings import PracticeSettings
from responders.timeutil import utcnow

account = require_page("retraits")

st.title("Retraits d'avis")
st.caption(
    "Le produit prépare la demande et suit les délais ; c'est vous qui la déposez auprès de Google, "
    "puis qui enregistrez ici la date, la référence et la décision."
)
with db_session() as session:
    settings = PracticeSettings.load(session)
    bursts = stored_bursts(session)
    in_burst = {rid for b in bursts for rid in b.review_ids}
    rows = session.exec(
        select(Review, ReviewRevision, Location)
        .join(Location, col(Location.id) == col(Review.location_id))
        .outerjoin(ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id))
        .where(col(Review.label).in_(["insult", "defamation"]) | col(Review.id).in_(list(in_burst)))
        .order_by(col(Review.created_at).desc())
    ).all()
    ids = [int(r.id or 0) for r, _, _ in rows]
    passages = {rid: c.passages for rid, c in current_classifications(session, ids).items()}
    requests = requests_for(session, ids)
user = account.name

if bursts:
    st.subheader("Rafales d'avis négatifs")
    names = {}
    with db_session() as session:
        names = {loc.id: loc.name or loc.key for loc in session.exec(select(Location)).all()}
    for burst in bursts:
        st.text(f"{names.get(burst.location_id, '?')} · du {burst.start:%d/%m/%Y} au {burst.end:%d/%m/%Y} : {burst.reason}")

if not rows:
    st.info("Aucun avis injurieux, diffamatoire ou suspect pour l'instant.")

by_review: dict[int, list] = {}
for request in requests:
    by_review.setdefault(request.review_id, []).append(request)

for review, revision, location in rows:
    rid = int(review.id or 0)
    text = (revision.text_original if revision else None) or ""
    suggestion = suggest_route(
        label=review.label, text=text, passages=passages.get(rid, []), in_burst=rid in in_burst,
        review_url=google_link(review.review_url),
    )
    with st.container(border=True, key=f"removal-{rid}"):
        st.text(f"Avis n° {rid} · {location.name or location.key} · {review.rating or '—'} ★")
        plain(text)
        history = by_review.get(rid, [])
        for request in history:
            step = next_step(request)
            line = (f"{ROUTES[request.route]} déposé le {request.submitted_on:%d/%m/%Y} par {request.submitted_by}"
                    if request.submitted_on else ROUTES[request.route])
            st.text(f"{line} · {DECISIONS_FR[request.decision]}")
            st.text(step.label + (f" Dernier jour : {step.due:%d/%m/%Y} ({step.days_left} jour(s))." if step.due else ""))
            if request.decision == "pending":
                cols = st.columns(2)
                if cols[0].button("Google a retiré l'avis", key=f"removed-{request.id}"):
                    with db_session() as session:
                        record_decision(session, int(request.id or 0), decision="removed", user=user)
                    st.rerun()
                if cols[1].button("Google a refusé", key=f"refused-{request.id}"):
                    with db_session() as session:
                        record_decision(session, int(request.id or 0), decision="refused", user=user)
                    st.rerun()
        if suggestion is None and not history:
            st.caption("Aucune voie de retrait proposée.")
            continue
        if suggestion is not None and not history:
            st.text(f"Voie proposée : {suggestion.route_fr}"
                    + (f" · catégorie « {suggestion.category_fr} »" if suggestion.category_fr else ""))
            st.caption(suggestion.reason)
            st.code(suggestion.text, language=None, wrap_lines=True)
        with st.form(key=f"submit-{rid}"):
            routes = list(ROUTES)
            default_route = suggestion.route if suggestion else "google_flag"
            if history and next_step(history[-1]).route:
                default_route = next_step(history[-1]).route or default_route
            route = st.selectbox("Voie", routes, index=routes.index(default_route), format_func=ROUTES.get,
                                 key=f"route-{rid}")
            categories = [None, *CATEGORIES]
            default_cat = suggestion.category if suggestion else None
            category = st.selectbox("Catégorie du règlement de Google", categories,
                                    index=categories.index(default_cat),
                                    format_func=lambda c: "—" if c is None else CATEGORIES[c], key=f"cat-{rid}")
            reference = st.text_input("Référence donnée par Google", key=f"ref-{rid}")
            day = st.date_input("Date du dépôt", value=utcnow().date(), format="DD/MM/YYYY", key=f"day-{rid}")
            if st.form_submit_button("Enregistrer la demande déposée"):
                with db_session() as session:
                    record_submission(session, rid, route=route, category=category, user=user,
                                      reference=reference, text=suggestion.text if suggestion else "",
                                      submitted_on=day)
                st.rerun()
