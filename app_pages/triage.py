"""Triage: the week's new or changed reviews, most urgent first, each with a guarded reply."""

from __future__ import annotations

import streamlit as st
from sqlmodel import select

from app_pages.common import (
    KEY_APPROVED,
    KEY_CONFIRM_FINISH,
    KEY_CONFIRM_LAWYER,
    KEY_PAGE,
    KEY_REPHRASE_NOTE,
    NOT_LEGAL_ADVICE,
    current_user,
    db_session,
    load_core,
    plain,
    require_page,
    secret,
)
from responders.drafting import draft
from responders.guard import check
from responders.links import report_link
from responders.people.roles import can
from responders.policy import load_policy_overrides
from responders.profiles import get_profile
from responders.store.models import Location
from responders.store.settings import PracticeSettings
from responders.triage import actions, queue
from responders.triage.confirmation import confirm_review_reply, is_confirmed, verdict_of
from responders.views import settings_view
from responders.views.leftovers import leftovers_frame
from responders.views.render import highlighted_html, md_escape
from responders.vocabulary import LABEL_FR, STATUS_FR, ReplyAction, Severity, Status

PAGE_SIZE = 10

account = require_page("triage")
load_core()
st.title("Triage des avis")
st.caption(NOT_LEGAL_ADVICE)

with db_session() as session:
    settings = PracticeSettings.load(session)
    locations = {loc.id: loc.name or loc.key for loc in session.exec(select(Location)).all()}
    stamp = queue.last_triage_at(session)
    policy_overrides = load_policy_overrides(session) or None
    rephrase = settings_view.rephraser(session, secret("RESPONDERS_LLM_API_KEY"))
user = current_user(settings.user_name)
approved: dict[int, str] = st.session_state.setdefault(KEY_APPROVED, {})
st.session_state.setdefault(KEY_REPHRASE_NOTE, {})

with st.expander("Filtres", expanded=False):
    col1, col2, col3 = st.columns(3)
    chosen_locations = col1.multiselect("Établissement", list(locations), format_func=locations.get, key="filter-locations", placeholder="Tous")
    chosen_labels = col2.multiselect("Catégorie", list(LABEL_FR), format_func=LABEL_FR.get, key="filter-labels", placeholder="Tous")
    chosen_status = col3.multiselect("Statut", list(STATUS_FR), format_func=STATUS_FR.get, key="filter-statuses", placeholder="Tous")
    col4, col5, col6 = st.columns(3)
    chosen_stars = col4.multiselect("Étoiles", [1, 2, 3, 4, 5], key="filter-stars", placeholder="Tous")
    period = col5.date_input("Période (publication)", value=(), format="DD/MM/YYYY")
    only_new = col6.toggle("Seulement les nouveaux depuis le dernier triage", value=True)

since, until = queue.period_bounds(period)
filters = queue.QueueFilters(
    locations=tuple(chosen_locations), labels=tuple(chosen_labels), statuses=tuple(chosen_status),
    stars=tuple(chosen_stars), since=since, until=until, only_new=only_new,
)
page = max(1, int(st.session_state.get(KEY_PAGE, 1)))
with db_session() as session:
    shown = queue.queue_page(
        session, filters, jurisdiction=get_profile(settings.profile).jurisdiction,
        offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE,
    )
focus = str(st.query_params.get("avis", ""))
if focus.isdigit():  # a link from the Journal: that review alone, whatever its status
    shown = queue.QueuePage(total=1, review_ids=[int(focus)])
    st.info("Seul l'avis ouvert depuis le journal est affiché.")
    if st.button("Revenir à la file complète", key="unfocus"):
        del st.query_params["avis"]
        st.rerun()

top = st.columns([3, 1])
top[0].write(f"**{shown.total}** avis à traiter" + (
    f" — dernier triage terminé le {stamp:%d/%m/%Y à %H:%M} (UTC)" if stamp else ""))
if top[1].button("Terminer le triage", help="Les prochains avis à traiter seront ceux reçus ou modifiés "
                 "après maintenant ; les cas juridiques non traités restent dans la file."):
    st.session_state[KEY_CONFIRM_FINISH] = True
if st.session_state.get(KEY_CONFIRM_FINISH):
    with db_session() as session:
        leftovers = queue.triage_leftovers(session, profile=settings.profile)
    with st.container(border=True, key="finish-triage"):
        staying = [o for o in leftovers if o.stays]
        leaving = [o for o in leftovers if not o.stays]
        st.write(f"**Fin du triage** : {len(staying)} avis restent dans la file (diffamation, injure, "
                 f"« à vérifier » ou « à revoir », tant que personne n'a agi), {len(leaving)} en sortent "
                 "sans action.")
        if leftovers:
            st.dataframe(leftovers_frame(leftovers), hide_index=True, width="stretch")
        confirm = st.columns(2)
        if confirm[0].button("Confirmer la fin du triage", type="primary", key="finish-confirm"):
            with db_session() as session:
                actions.finish_triage(session, user=user, profile=settings.profile)
            st.session_state[KEY_CONFIRM_FINISH] = False
            st.session_state[KEY_PAGE] = 1
            st.rerun()
        if confirm[1].button("Annuler", key="finish-cancel"):
            st.session_state[KEY_CONFIRM_FINISH] = False
            st.rerun()

pages = max(1, -(-shown.total // PAGE_SIZE))
if page > pages:  # the filters shrank the queue under the page being shown
    st.session_state[KEY_PAGE] = 1
    st.rerun()
if pages > 1:
    st.number_input("Page", min_value=1, max_value=pages, step=1, key=KEY_PAGE)
with db_session() as session:
    items = queue.load_items(session, shown.review_ids, profile=settings.profile)

if not items:
    st.info("Aucun avis à traiter avec ces filtres. Importez de nouveaux avis ou changez les filtres.")


def act(review_id: int, status: str, **detail: str) -> None:
    with db_session() as session:
        actions.set_status(session, review_id, status, user=user, detail=detail or None)


for item in items:
    with st.container(border=True, key=f"card-{item.review_id}"):
        stars = "★" * (item.rating or 0) + "☆" * (5 - (item.rating or 0)) if item.rating else "sans note"
        head = st.columns([3, 2])
        head[0].markdown(f"**{LABEL_FR.get(item.label, 'Non classé') if item.label else 'Non classé'}** · {stars}")
        head[1].caption(queue.dates_line(item))
        st.caption(f"{md_escape(item.location)} · statut : {STATUS_FR.get(item.status, item.status)}")
        if item.check:
            st.error(md_escape(queue.check_line(item)))
        if item.deadline:
            st.warning(queue.deadline_line(item))
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
        action_fr = {ReplyAction.REPLY: "Répondre", ReplyAction.NO_REPLY: "Ne pas répondre",
                     ReplyAction.ESCALATE: "Transmettre"}
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
        kind = verdict_of(verdict) if verdict is not None else None
        confirmed = False
        if kind == "review":
            with db_session() as session:
                confirmed = is_confirmed(session, item.review_id, text)
        if kind == "block":
            st.error("Cette réponse ne peut pas être publiée : elle révèle ou risque de révéler des informations protégées.")
            st.html(highlighted_html(text, [f.to_dict() for f in verdict.findings], kind_key="severity"))
            for finding in verdict.findings:
                plain(f"{'⛔' if finding.severity == Severity.BLOCK else '⚠️'} « {finding.text} » : {finding.explanation}")
        elif verdict is not None and kind == "review" and not confirmed:
            st.warning(
                "À vérifier : le contrôle ne peut pas garantir que cette réponse ne révèle rien. "
                "Un praticien doit la relire et la confirmer avant qu'elle puisse être copiée."
            )
            st.html(highlighted_html(text, [f.to_dict() for f in verdict.findings], kind_key="severity"))
            for finding in verdict.findings:
                plain(f"⚠️ « {finding.text} » : {finding.explanation}")
            if can(account.role, "confirm_review_reply"):
                if st.button("Je confirme cette réponse (praticien)", key=f"confirm-{item.review_id}"):
                    try:
                        with db_session() as session:
                            confirm_review_reply(session, item.review_id, text, account)
                    except (PermissionError, ValueError) as exc:
                        st.error(str(exc))
                    else:
                        st.rerun()
            else:
                st.caption("Demandez à un praticien de se connecter pour la relire et la confirmer.")
        elif verdict is not None:
            if confirmed:
                st.success("Réponse relue et confirmée par un praticien.")
            for finding in verdict.findings:
                plain(f"⚠️ « {finding.text} » : {finding.explanation}")
            if approved.get(item.review_id) == text:
                st.success("Copie enregistrée. Cliquez sur l'icône de copie à droite du cadre, puis collez la réponse sur Google.")
                st.code(text, language=None, wrap_lines=True)
                if st.button("Marquer « répondu »", key=f"done-{item.review_id}"):
                    act(item.review_id, Status.ANSWERED)
                    st.rerun()
            elif st.button("Copier la réponse", key=f"copy-{item.review_id}", type="primary"):
                try:
                    with db_session() as session:
                        actions.copy_reply(session, review_id=item.review_id, user=user, text=text,
                                           template_id=result.template_id)
                except actions.CopyRefused as refused:
                    st.error(str(refused))
                else:
                    approved[item.review_id] = text
                    st.rerun()

        cols = st.columns(4)
        if cols[0].button("Ne pas répondre", key=f"noreply-{item.review_id}"):
            act(item.review_id, Status.NO_REPLY)
            st.rerun()
        if cols[1].button("Transmettre à l'avocat", key=f"lawyer-{item.review_id}"):
            st.session_state[KEY_CONFIRM_LAWYER] = item.review_id
        if st.session_state.get(KEY_CONFIRM_LAWYER) == item.review_id:
            st.warning(
                "Transmettre cet avis à l'avocat ? Votre nom et l'heure seront enregistrés au journal, "
                "et l'avis figurera parmi les avis transmis du dossier. Ne transmettez que ce qui est "
                "strictement nécessaire à la défense (secret médical)."
            )
            sure = st.columns(2)
            if sure[0].button("Confirmer la transmission", key=f"lawyer-confirm-{item.review_id}", type="primary"):
                with db_session() as session:
                    actions.send_to_lawyer(session, item.review_id, user=user)
                st.session_state[KEY_CONFIRM_LAWYER] = None
                st.rerun()
            if sure[1].button("Annuler", key=f"lawyer-cancel-{item.review_id}"):
                st.session_state[KEY_CONFIRM_LAWYER] = None
                st.rerun()
        if item.flag_url or item.review_url:
            link = report_link(item.flag_url, item.review_url)  # only https links to Google's hosts
            if link:
                cols[2].link_button("Signaler à Google", link)
            if cols[2].button("Signalement fait", key=f"report-{item.review_id}"):
                with db_session() as session:
                    actions.record_google_report(session, item.review_id, user=user)
                st.rerun()
        if cols[3].button("À revoir", key=f"later-{item.review_id}"):
            act(item.review_id, Status.TO_REVIEW)
            st.rerun()
