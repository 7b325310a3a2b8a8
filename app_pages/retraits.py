"""Retraits: the route to get an unlawful review removed, the request filed, Google's answer."""

from __future__ import annotations

import streamlit as st
from sqlmodel import col, select

from app_pages.common import db_session, plain, require_page
from app_pages.dates import day_field
from responders.bursts import stored_bursts
from responders.classify.store import current_classifications
from responders.links import google_link
from responders.removal import (
    CATEGORIES,
    DECISIONS_FR,
    ROUTES,
    Bundle,
    bundles_by_review,
    burst_bundle,
    extortion_bundles,
    next_step,
    record_decision,
    record_submission,
    requests_for,
    suggest_route,
)
from responders.store.models import Location, Review, ReviewRevision
from responders.store.settings import PracticeSettings
from responders.timeutil import utcnow
from responders.triage.actions import record_extortion_message, submit_removal_bundle

account = require_page("retraits")

st.title("Retraits d'avis")
st.caption(
    "Le produit prépare la demande et suit les délais ; c'est vous qui la déposez auprès de Google, "
    "puis qui enregistrez ici la date, la référence et la décision."
)
with db_session() as session:
    settings = PracticeSettings.load(session)
    bursts = stored_bursts(session)
    cases = extortion_bundles(session)
    burst_bundles = [burst_bundle(session, burst) for burst in bursts]
    bundles = bundles_by_review(session, bursts)
    rows = session.exec(
        select(Review, ReviewRevision, Location)
        .join(Location, col(Location.id) == col(Review.location_id))
        .outerjoin(ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id))
        .where(col(Review.label).in_(["insult", "defamation"]) | col(Review.id).in_(list(bundles)))
        .order_by(col(Review.created_at).desc())
    ).all()
    ids = [int(r.id or 0) for r, _, _ in rows]
    passages = {rid: c.passages for rid, c in current_classifications(session, ids).items()}
    requests = requests_for(session, sorted(set(ids) | set(bundles)))
    # the reviews a blackmail message may concern: the low ratings, newest first
    candidates = session.exec(
        select(Review, Location)
        .join(Location, col(Location.id) == col(Review.location_id))
        .where(col(Review.rating) <= 3)
        .order_by(col(Review.created_at).desc())
        .limit(300)
    ).all()
user = account.name

by_review: dict[int, list] = {}
for request in requests:
    by_review.setdefault(request.review_id, []).append(request)


def bundle_block(bundle: Bundle, key: str) -> None:
    """A grouped report: every review involved, the text to paste, then the filing once done."""
    st.text(f"Voie proposée : {bundle.route_fr}"
            + (f" · catégorie « {bundle.category_fr} »" if bundle.category_fr else "")
            + f" · {len(bundle.reviews)} avis signalés ensemble")
    # reviewers' names and the blackmail message are untrusted: code block, never Markdown
    st.code(bundle.text, language=None, wrap_lines=True)
    filed = [r for rid in bundle.review_ids for r in by_review.get(rid, []) if r.route == bundle.route]
    if {r.review_id for r in filed} >= set(bundle.review_ids):
        first = filed[0]
        when = f"{first.submitted_on:%d/%m/%Y}" if first.submitted_on else "?"
        reference = f" (référence {first.reference})" if first.reference else ""
        st.text(f"Signalement groupé déposé le {when} par {first.submitted_by}{reference} : "
                "décision à enregistrer sur chaque avis ci-dessous.")
        return
    with st.form(key=f"bundle-{key}"):
        reference = st.text_input("Référence donnée par Google", key=f"bundle-ref-{key}")
        day = day_field("Date du dépôt", value=utcnow().date(), key=f"bundle-day-{key}")
        if st.form_submit_button(f"Enregistrer le signalement groupé déposé ({len(bundle.reviews)} avis)"):
            with db_session() as session:
                submit_removal_bundle(session, bundle, user=user, reference=reference, submitted_on=day)
            st.rerun()


if bursts:
    st.subheader("Rafales d'avis négatifs")
    names = {}
    with db_session() as session:
        names = {loc.id: loc.name or loc.key for loc in session.exec(select(Location)).all()}
    for burst, bundle in zip(bursts, burst_bundles, strict=True):
        with st.container(border=True, key=f"burst-{burst.location_id}-{burst.start:%Y%m%d%H%M}"):
            st.text(f"{names.get(burst.location_id, '?')} · du {burst.start:%d/%m/%Y} au {burst.end:%d/%m/%Y} : {burst.reason}")
            bundle_block(bundle, f"burst-{burst.location_id}-{burst.start:%Y%m%d%H%M}")

st.subheader("Chantage aux avis")
st.caption(
    "Une personne exige une contrepartie (remboursement, soin gratuit, argent) contre le retrait d'avis "
    "négatifs ou pour ne pas en publier : Google a un formulaire dédié. Enregistrez le message reçu et "
    "tous les avis qu'il concerne ; le signalement les liste tous, avec le message comme preuve."
)
for case, bundle in cases:
    with st.container(border=True, key=f"case-{case.case}"):
        received = f"{case.received_on:%d/%m/%Y}" if case.received_on else "date inconnue"
        st.text(f"Message reçu le {received}, enregistré par {case.recorded_by}")
        bundle_block(bundle, f"case-{case.case}")
with st.expander("Enregistrer un message de chantage reçu"):
    with st.form(key="extortion-form"):
        message = st.text_area("Message reçu (copiez-le tel quel : courriel, SMS, message Google)",
                               key="extortion-message")
        options = {int(r.id or 0): (r, loc) for r, loc in candidates}
        chosen = st.multiselect(
            "Avis concernés", list(options), key="extortion-reviews",
            format_func=lambda rid: (
                f"n° {rid} · {options[rid][1].name or options[rid][1].key} · "
                f"{options[rid][0].created_at:%d/%m/%Y} · {options[rid][0].rating or '—'} ★ · "
                f"{options[rid][0].author_display_name or 'Anonyme'}"
            ),
        )
        received_on = day_field("Reçu le", value=utcnow().date(), key="extortion-day")
        if st.form_submit_button("Enregistrer le message"):
            try:
                with db_session() as session:
                    record_extortion_message(session, chosen, message, user=user, received_on=received_on)
            except (ValueError, LookupError) as exc:
                st.error(str(exc))
            else:
                st.rerun()

st.subheader("Avis à faire retirer")
if not rows:
    st.info("Aucun avis injurieux, diffamatoire ou suspect pour l'instant.")

for review, revision, location in rows:
    rid = int(review.id or 0)
    text = (revision.text_original if revision else None) or ""
    bundle = bundles.get(rid)
    suggestion = suggest_route(
        label=review.label, text=text, passages=passages.get(rid, []), bundle=bundle,
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
        if bundle is not None and not history:
            st.caption(f"Cet avis fait partie d'un signalement groupé de {len(bundle.reviews)} avis "
                       f"({bundle.route_fr}) : déposez-le et enregistrez-le plus haut, pour tous les avis.")
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
            day = day_field("Date du dépôt", value=utcnow().date(), key=f"day-{rid}")
            if st.form_submit_button("Enregistrer la demande déposée"):
                with db_session() as session:
                    record_submission(session, rid, route=route, category=category, user=user,
                                      reference=reference, text=suggestion.text if suggestion else "",
                                      submitted_on=day)
                st.rerun()
