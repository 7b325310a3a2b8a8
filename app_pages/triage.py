"""Triage: the week's new or changed reviews, most urgent first, each with a guarded reply."""

from __future__ import annotations

import streamlit as st
from sqlmodel import select

from app_pages.common import (
    KEY_APPROVED,
    KEY_PAGE,
    KEY_REPHRASE_NOTE,
    NOT_LEGAL_ADVICE,
    current_user,
    db_session,
    load_core,
    plain,
    secret,
)
from responders import settings_view, triage
from responders.drafting import draft
from responders.guard import check
from responders.models import Location
from responders.policy import load_policy_overrides
from responders.profiles import get_profile
from responders.render import highlighted_html, md_escape
from responders.settings import PracticeSettings

PAGE_SIZE = 10

load_core()
st.title("Triage des avis")
st.caption(NOT_LEGAL_ADVICE)

with db_session() as session:
    settings = PracticeSettings.load(session)
    locations = {loc.id: loc.name or loc.key for loc in session.exec(select(Location)).all()}
    stamp = triage.last_triage_at(session)
    policy_overrides = load_policy_overrides(session) or None
    rephrase = settings_view.rephraser(session, secret("RESPONDERS_LLM_API_KEY"))
user = current_user(settings.user_name)
approved: dict[int, str] = st.session_state.setdefault(KEY_APPROVED, {})
st.session_state.setdefault(KEY_REPHRASE_NOTE, {})

with st.expander("Filtres", expanded=False):
    col1, col2, col3 = st.columns(3)
    chosen_locations = col1.multiselect("Établissement", list(locations), format_func=locations.get, key="filter-locations", placeholder="Tous")
    chosen_labels = col2.multiselect("Catégorie", list(triage.LABELS_FR), format_func=triage.LABELS_FR.get, key="filter-labels", placeholder="Tous")
    chosen_status = col3.multiselect("Statut", list(triage.STATUSES), format_func=triage.STATUSES.get, key="filter-statuses", placeholder="Tous")
    col4, col5, col6 = st.columns(3)
    chosen_stars = col4.multiselect("Étoiles", [1, 2, 3, 4, 5], key="filter-stars", placeholder="Tous")
    period = col5.date_input("Période (publication)", value=(), format="DD/MM/YYYY")
    only_new = col6.toggle("Seulement les nouveaux depuis le dernier triage", value=True)

since, until = triage.period_bounds(period)
filters = triage.QueueFilters(
    locations=tuple(chosen_locations), labels=tuple(chosen_labels), statuses=tuple(chosen_status),
    stars=tuple(chosen_stars), since=since, until=until, only_new=only_new,
)
page = max(1, int(st.session_state.get(KEY_PAGE, 1)))
with db_session() as session:
    queue = triage.queue_page(
        session, filters, jurisdiction=get_profile(settings.profile).jurisdiction,
        offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE,
    )

top = st.columns([3, 1])
top[0].write(f"**{queue.total}** avis à traiter" + (
    f" — dernier triage terminé le {stamp:%d/%m/%Y à %H:%M} (UTC)" if stamp else ""))
if top[1].button("Terminer le triage", help="Les prochains avis à traiter seront ceux reçus ou modifiés après maintenant."):
    with db_session() as session:
        triage.finish_triage(session, user=user)
    st.session_state[KEY_PAGE] = 1
    st.rerun()

pages = max(1, -(-queue.total // PAGE_SIZE))
if page > pages:  # the filters shrank the queue under the page being shown
    st.session_state[KEY_PAGE] = 1
    st.rerun()
if pages > 1:
    st.number_input("Page", min_value=1, max_value=pages, step=1, key=KEY_PAGE)
with db_session() as session:
    items = triage.load_items(session, queue.review_ids, profile=settings.profile)

if not items:
    st.info("Aucun avis à traiter avec ces filtres. Importez de nouveaux avis ou changez les filtres.")


def act(review_id: int, status: str, **detail: str) -> None:
    with db_session() as session:
        triage.set_status(session, review_id, status, user=user, detail=detail or None)


for item in items:
    with st.container(border=True, key=f"card-{item.review_id}"):
        stars = "★" * (item.rating or 0) + "☆" * (5 - (item.rating or 0)) if item.rating else "sans note"
        head = st.columns([3, 2])
        head[0].markdown(f"**{triage.LABELS_FR.get(item.label or '', 'Non classé')}** · {stars}")
        head[1].caption(triage.dates_line(item))
        st.caption(f"{md_escape(item.location)} · statut : {triage.STATUSES.get(item.status, item.status)}")
        if item.check:
            st.error(md_escape(triage.check_line(item)))
        if item.deadline:
            st.warning(triage.deadline_line(item))
        plain(f"Auteur : {item.author}")
        if item.text:
            st.html(highlighted_html(item.text, item.passages))
        else:
            st.caption("Avis sans commentaire (note seule).")
        if item.text_translated:
            with st.expander("Traduction Google"):
                plain(item.text_translated)
        for passage in item.passages:
            plain(f"« {passage['text']} » — {passage['explanation']}")
        if item.owner_reply:
            with st.expander("Réponse déjà publiée"):
                plain(item.owner_reply)

        result = draft(
            item.text or None, item.rating, profile=item.profile, label=item.label,
            reviewer_name=item.author if not item.is_anonymous else None,
            seed_key=str(item.review_id), practice=settings.practice_name or None,
            contact=settings.contact or None, policy_overrides=policy_overrides,
        )
        action_fr = {"reply": "Répondre", "no_reply": "Ne pas répondre", "escalate": "Transmettre"}
        st.write(f"Action recommandée : **{action_fr.get(result.action, result.action)}**")
        if result.reason:
            st.caption(md_escape(result.reason))

        key = f"reply-{item.review_id}"
        if rephrase is not None and result.reply:
            def rephrase_now(item=item, key=key) -> None:  # type: ignore[no-untyped-def]
                better = draft(
                    item.text or None, item.rating, profile=item.profile, label=item.label,
                    reviewer_name=None if item.is_anonymous else item.author,
                    seed_key=str(item.review_id), practice=settings.practice_name or None,
                    contact=settings.contact or None, policy_overrides=policy_overrides, rephrase=rephrase,
                )
                if better.reply:
                    st.session_state[key] = better.reply
                st.session_state[KEY_REPHRASE_NOTE][item.review_id] = better.reason

            st.button("Adapter le ton (modèle de langage)", key=f"rephrase-{item.review_id}",
                      on_click=rephrase_now, help="Seul le texte de l'avis et la réponse type sont envoyés.")
            note = st.session_state.setdefault(KEY_REPHRASE_NOTE, {}).get(item.review_id)
            if note:
                plain(note)
        text = st.text_area("Réponse proposée (modifiable)", value=result.reply or "", key=key, height=120)
        verdict = check(text, review=item.text or None,
                        reviewer_name=item.author if not item.is_anonymous else None,
                        profile=item.profile) if text.strip() else None
        if verdict is not None and not verdict.allowed:
            st.error("Cette réponse ne peut pas être publiée : elle révèle ou risque de révéler des informations protégées.")
            st.html(highlighted_html(text, [f.to_dict() for f in verdict.findings], kind_key="severity"))
            for finding in verdict.findings:
                plain(f"{'⛔' if finding.severity == 'block' else '⚠️'} « {finding.text} » : {finding.explanation}")
        elif verdict is not None:
            for finding in verdict.findings:
                plain(f"⚠️ « {finding.text} » : {finding.explanation}")
            if approved.get(item.review_id) == text:
                st.success("Copie enregistrée. Cliquez sur l'icône de copie à droite du cadre, puis collez la réponse sur Google.")
                st.code(text, language=None, wrap_lines=True)
                if st.button("Marquer « répondu »", key=f"done-{item.review_id}"):
                    act(item.review_id, "repondu")
                    st.rerun()
            elif st.button("Copier la réponse", key=f"copy-{item.review_id}", type="primary"):
                with db_session() as session:
                    triage.record_copy(session, review_id=item.review_id, user=user, text=text,
                                       guard=verdict.to_dict(), template_id=result.template_id)
                approved[item.review_id] = text
                st.rerun()

        cols = st.columns(4)
        if cols[0].button("Ne pas répondre", key=f"noreply-{item.review_id}"):
            act(item.review_id, "ne_pas_repondre")
            st.rerun()
        if cols[1].button("Transmettre à l'avocat", key=f"lawyer-{item.review_id}"):
            act(item.review_id, "avocat")
            st.rerun()
        link = item.flag_url or item.review_url
        if link:
            cols[2].link_button("Signaler à Google", link)
            if cols[2].button("Signalement fait", key=f"report-{item.review_id}"):
                with db_session() as session:
                    triage.record_google_report(session, item.review_id, user=user)
                st.rerun()
        if cols[3].button("À revoir", key=f"later-{item.review_id}"):
            act(item.review_id, "a_revoir")
            st.rerun()
