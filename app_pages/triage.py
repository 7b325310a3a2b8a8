"""Triage: the week's new or changed reviews, most urgent first, each with a guarded reply."""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st
from sqlmodel import select

from app_pages.common import (
    KEY_BULK_PENDING,
    KEY_CONFIRM_FINISH,
    KEY_CONFIRM_LAWYER,
    KEY_FAILED_COPY,
    KEY_LAST_ACTION,
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
from app_pages.copy_button import copy_button, fresh_event
from app_pages.dates import period_field
from app_pages.focus import acted_on, move_focus, plan_focus
from responders.drafting import draft
from responders.guard import check
from responders.links import google_link, report_link
from responders.people.roles import can
from responders.policy import load_policy_overrides
from responders.profiles import get_profile
from responders.store.models import Location
from responders.store.settings import PracticeSettings
from responders.timeutil import utcnow
from responders.triage import actions, queue
from responders.triage.confirmation import is_confirmed, verdict_of
from responders.views import settings_view
from responders.views.leftovers import leftovers_frame
from responders.views.render import highlighted_html, md_escape
from responders.vocabulary import LABEL_FR, STATUS_FR, Severity, Status

PAGE_SIZE = 10
BULK_STATUSES = (Status.NO_REPLY, Status.TO_REVIEW, Status.ANSWERED, Status.LAWYER)
COMMENT_CHOICES = {None: "Tous", False: "Avec commentaire", True: "Note seule (sans commentaire)"}

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
st.session_state.setdefault(KEY_REPHRASE_NOTE, {})
failed_copies: dict[int, str] = st.session_state.setdefault(KEY_FAILED_COPY, {})


def remember(message: str, ids: list[int], *, refused: bool = False) -> None:
    st.session_state[KEY_LAST_ACTION] = {"message": message, "ids": ids, "refused": refused}


def status_fr(status: str) -> str:
    return STATUS_FR.get(status, status)


def act(review_id: int, status: str) -> None:
    with db_session() as session:
        actions.set_status(session, review_id, status, user=user)
    remember(f"Avis marqué « {status_fr(status)} ».", [review_id])
    acted_on(review_id)


search = st.text_input(
    "Rechercher", key="filter-search", placeholder="Un mot de l'avis ou le nom de l'auteur",
    help="Cherche dans le texte des avis et le nom des auteurs (tous les mots donnés). Validez avec Entrée.",
)
with st.expander("Filtres", expanded=False):
    col1, col2, col3 = st.columns(3)
    chosen_locations = col1.multiselect("Établissement", list(locations), format_func=locations.get, key="filter-locations", placeholder="Tous")
    chosen_labels = col2.multiselect("Catégorie", list(LABEL_FR), format_func=LABEL_FR.get, key="filter-labels", placeholder="Tous")
    chosen_status = col3.multiselect("Statut", list(STATUS_FR), format_func=STATUS_FR.get, key="filter-statuses", placeholder="Tous")
    col4, col5, col6 = st.columns(3)
    chosen_stars = col4.multiselect("Étoiles", [1, 2, 3, 4, 5], key="filter-stars", placeholder="Toutes")
    comment = col5.selectbox("Commentaire", list(COMMENT_CHOICES), format_func=COMMENT_CHOICES.get, key="filter-comment")
    first_day, last_day = period_field(
        "Période de publication", key="filter-period", container=col6,
        today=queue.practice_time(utcnow(), settings.profile).date(),
    )
    only_new = st.toggle("Seulement les nouveaux depuis le dernier triage", value=True, key="filter-only-new")

since, until = queue.period_bounds(first_day, last_day, settings.profile)
filters = queue.QueueFilters(
    locations=tuple(chosen_locations), labels=tuple(chosen_labels), statuses=tuple(chosen_status),
    stars=tuple(chosen_stars), since=since, until=until, only_new=only_new, search=search or "",
    without_text=comment,
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

# The last change, with its undo, stays at the top until the next one.
last = st.session_state.get(KEY_LAST_ACTION)
if last:
    with st.container(horizontal=True, vertical_alignment="center", key="last-action"):
        (st.error if last.get("refused") else st.success)(last["message"])
        if last["ids"] and st.button("Annuler", key="undo-last", help="Remet le statut que ces avis avaient avant ce changement."):
            problems = []
            with db_session() as session:
                for review_id in last["ids"]:
                    try:
                        actions.undo_status(session, review_id, user=user)
                    except (LookupError, ValueError) as exc:
                        problems.append(str(exc))
            st.session_state.pop(KEY_LAST_ACTION, None)
            if problems:
                st.session_state[KEY_LAST_ACTION] = {"message": "Annulation partielle : " + " ".join(problems), "ids": []}
            st.rerun()

stamp_text = (f" — dernier triage terminé le {queue.practice_time(stamp, settings.profile):%d/%m/%Y à %H:%M} "
              f"({queue.zone_name(settings.profile)})") if stamp else ""
with st.container(horizontal=True, vertical_alignment="center"):
    st.markdown(f"**{shown.total}** avis à traiter{stamp_text}", width="stretch")
    if st.button("Terminer le triage", help="Les prochains avis à traiter seront ceux reçus ou modifiés après "
                 "maintenant ; les cas juridiques non traités restent dans la file."):
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
            st.session_state.pop(KEY_LAST_ACTION, None)
            st.rerun()
        if confirm[1].button("Annuler", key="finish-cancel"):
            st.session_state[KEY_CONFIRM_FINISH] = False
            st.rerun()

with st.expander("Actions groupées", expanded=bool(st.session_state.get(KEY_BULK_PENDING))):
    pending = st.session_state.get(KEY_BULK_PENDING)
    if pending:
        st.warning(f"Confirmer : {len(pending['ids'])} avis passeront au statut « {status_fr(pending['status'])} ». "
                   "Chaque changement est inscrit au journal et pourra être annulé.")
        with st.container(horizontal=True):
            if st.button("Confirmer", key="bulk-confirm", type="primary"):
                with db_session() as session:
                    changed = actions.bulk_set_status(session, pending["ids"], pending["status"], user=user)
                st.session_state.pop(KEY_BULK_PENDING, None)
                remember(f"{len(changed)} avis marqués « {status_fr(pending['status'])} ».", changed)
                st.rerun()
            if st.button("Ne rien changer", key="bulk-cancel"):
                st.session_state.pop(KEY_BULK_PENDING, None)
                st.rerun()
    else:
        st.caption("S'applique à tous les avis de la liste filtrée, toutes pages comprises. "
                   "Exemple : filtre « Éloge » et « Note seule », puis « Ne pas répondre ».")
        with st.container(horizontal=True, vertical_alignment="bottom"):
            bulk_status = st.selectbox("Nouveau statut", BULK_STATUSES, format_func=status_fr, key="bulk-status", width=260)
            if st.button(f"Appliquer aux {shown.total} avis…", key="bulk-apply", disabled=not shown.total):
                with db_session() as session:
                    st.session_state[KEY_BULK_PENDING] = {"status": bulk_status, "ids": queue.queue_ids(session, filters)}
                st.rerun()

pages = max(1, -(-shown.total // PAGE_SIZE))
if page > pages:  # the filters shrank the queue under the page being shown
    st.session_state[KEY_PAGE] = 1
    st.rerun()
if pages > 1:
    st.number_input("Page", min_value=1, max_value=pages, step=1, key=KEY_PAGE)
with db_session() as session:
    items = queue.load_items(session, shown.review_ids, profile=settings.profile)
# after an action, keyboard focus goes to the next card rather than the top of the page
focus_plan = plan_focus([item.review_id for item in items])

if not items:
    st.info("Aucun avis à traiter avec ces filtres. Importez de nouveaux avis ou changez les filtres.")


def handle_copy_event(review_id: int, author: str, event: Any, text: str, template_id: str | None) -> bool:
    """The copy button reported a click: the core guards and journals; the page only reports.
    `text` is the reply that was on screen when the button was drawn. True when acted on."""
    event = fresh_event(event)
    if event is None:
        return False
    kind = event.get("event")
    # what the browser copied, or for a refused button the reply on screen
    copied = event.get("text") if kind in ("copied", "failed") and isinstance(event.get("text"), str) else text
    with db_session() as session:
        outcome = actions.copy_reply(session, review_id=review_id, user=user, text=copied,
                                     template_id=template_id, mark_answered=kind == "copied")
    if not outcome.allowed:
        remember(outcome.message, [], refused=True)
        st.toast(outcome.message, icon=":material/block:")
    elif kind == "failed":
        failed_copies[review_id] = copied
    else:
        failed_copies.pop(review_id, None)
        acted_on(review_id)
        remember(f"Réponse copiée pour l'avis de {md_escape(author)} : collez-la sur Google. "
                 "L'avis est marqué « Répondu ».", [review_id])
        st.toast("Réponse copiée : collez-la sur Google.", icon=":material/content_copy:")
    return True


def on_copy(review_id: int, author: str, text: str, template_id: str | None) -> None:
    """Runs before the rerun the click started, so the queue is drawn once, already updated."""
    handle_copy_event(review_id, author, st.session_state.get(f"copy-{review_id}"), text, template_id)


def on_report(review_id: int) -> None:
    with db_session() as session:
        actions.record_google_report(session, review_id, user=user)
    remember("Avis marqué « Signalé à Google ».", [review_id])
    acted_on(review_id)


def on_undo(review_id: int) -> None:
    try:
        with db_session() as session:
            restored = actions.undo_status(session, review_id, user=user)
    except (LookupError, ValueError) as exc:
        remember(str(exc), [], refused=True)
    else:
        st.session_state.pop(KEY_LAST_ACTION, None)
        st.toast(f"Statut « {status_fr(restored)} » remis.", icon=":material/undo:")


def ask_lawyer(review_id: int | None) -> None:
    st.session_state[KEY_CONFIRM_LAWYER] = review_id


def on_lawyer(review_id: int) -> None:
    with db_session() as session:
        actions.send_to_lawyer(session, review_id, user=user)
    st.session_state[KEY_CONFIRM_LAWYER] = None
    remember(f"Avis transmis à l'avocat (au nom de {user}).", [review_id])
    acted_on(review_id)


def on_confirm(review_id: int, text: str) -> None:
    """A praticien confirms the reply « à vérifier » shown when the button was drawn: the core
    guards that exact text again and journals the confirmation (or the refusal)."""
    with db_session() as session:
        outcome = actions.confirm_reply(session, review_id, text, by=account)
    if not outcome.confirmed:
        remember(outcome.message, [], refused=True)


def on_done(review_id: int) -> None:
    failed_copies.pop(review_id, None)
    act(review_id, Status.ANSWERED)


for item in items:
    with st.container(border=True, key=f"card-{item.review_id}"):
        stars = "★" * (item.rating or 0) + "☆" * (5 - (item.rating or 0)) if item.rating else "sans note"
        head = st.columns([3, 2])
        head[0].markdown(f"**{LABEL_FR.get(item.label or '', 'Non classé')}** · {stars}")
        head[1].caption(queue.dates_line(item))
        st.caption(f"{md_escape(item.location)} · statut : {status_fr(item.status)}")
        if item.check:
            st.error(md_escape(queue.check_line(item)))
        if item.deadline:
            st.warning(queue.deadline_line(item))
        if item.removal:
            st.info(item.removal)
        if item.burst:
            st.warning(md_escape(item.burst) + " Voir la page « Retraits » pour le signalement à Google.")
        if item.bundle:
            # the text holds reviewers' names and the blackmail message: shown as code, never Markdown
            with st.expander(md_escape(item.bundle_title)):
                st.code(item.bundle, language=None, wrap_lines=True)
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
        text = st.text_area("Réponse proposée (modifiable)", value=result.reply or "", key=key, height=120,
                            help="Après une modification, cliquez hors du cadre (ou Ctrl+Entrée) pour la faire vérifier.")
        verdict = check(text, review=item.text or None,
                        reviewer_name=item.author if not item.is_anonymous else None,
                        profile=item.profile) if text.strip() else None
        kind = verdict_of(verdict) if verdict is not None else None
        confirmed = False
        if kind == "review":
            with db_session() as session:
                confirmed = is_confirmed(session, item.review_id, text)
        # only text the guard passed (or a praticien confirmed) ever reaches the copy button
        passes = kind == "pass" or confirmed
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
                st.button("Je confirme cette réponse (praticien)", key=f"confirm-{item.review_id}",
                          on_click=on_confirm, args=(item.review_id, text),
                          help="Votre nom et l'empreinte de ce texte exact sont inscrits au journal.")
            else:
                st.caption("Demandez à un praticien de se connecter pour la relire et la confirmer.")
        elif verdict is not None:
            if confirmed:
                st.success("Réponse relue et confirmée par un praticien.")
            for finding in verdict.findings:
                plain(f"⚠️ « {finding.text} » : {finding.explanation}")

        google = google_link(item.review_url)
        if text.strip():
            # the frame receives exactly the text just guarded, and only when it passed
            event = copy_button(
                text if passes else None, key=f"copy-{item.review_id}", url=google,
                label="Copier la réponse" + (" et ouvrir Google" if google else ""),
                help="Copie la réponse, l'inscrit au journal et marque l'avis « Répondu » (annulable).",
                refused_help="Corrigez la réponse : le contrôle l'a refusée.",
                on_change=partial(on_copy, item.review_id, item.author, text, result.template_id),
            )
            # a click not handled by the callback yet (a session restored, a test): handled here
            if handle_copy_event(item.review_id, item.author, event, text, result.template_id):
                st.rerun()
        if item.review_id in failed_copies:
            st.error("Le navigateur a refusé l'accès au presse-papiers : sélectionnez le texte ci-dessous, "
                     "copiez-le (Ctrl+C), puis marquez l'avis « Répondu ».")
            st.code(failed_copies[item.review_id], language=None, wrap_lines=True)

        with st.container(horizontal=True, key=f"actions-{item.review_id}"):
            # callbacks: the change is made before the rerun, so the page is drawn once
            if item.review_id in failed_copies:
                st.button("Marquer « Répondu »", key=f"done-{item.review_id}", on_click=on_done, args=(item.review_id,))
            st.button("Ne pas répondre", key=f"noreply-{item.review_id}", on_click=act,
                      args=(item.review_id, Status.NO_REPLY))
            st.button("À l'avocat", key=f"lawyer-{item.review_id}", help="Transmettre l'avis à l'avocat du cabinet.",
                      on_click=ask_lawyer, args=(item.review_id,))
            st.button("À revoir", key=f"later-{item.review_id}", on_click=act, args=(item.review_id, Status.TO_REVIEW))
            if item.status != Status.NEW:
                st.button("Annuler le dernier changement", key=f"undo-{item.review_id}", on_click=on_undo,
                          args=(item.review_id,), help="Remet le statut que l'avis avait avant.")
            flag = report_link(item.flag_url, item.review_url)  # only https links to Google's hosts
            if flag:
                st.link_button("Signaler à Google", flag)
                st.button("Signalement fait", key=f"report-{item.review_id}", on_click=on_report,
                          args=(item.review_id,))
        if st.session_state.get(KEY_CONFIRM_LAWYER) == item.review_id:
            st.warning(
                "Transmettre cet avis à l'avocat ? Votre nom et l'heure seront enregistrés au journal, "
                "et l'avis figurera parmi les avis transmis du dossier. Ne transmettez que ce qui est "
                "strictement nécessaire à la défense (secret médical)."
            )
            with st.container(horizontal=True):
                st.button("Confirmer la transmission", key=f"lawyer-confirm-{item.review_id}", type="primary",
                          on_click=on_lawyer, args=(item.review_id,))
                st.button("Annuler", key=f"lawyer-cancel-{item.review_id}", on_click=ask_lawyer, args=(None,))


if focus_plan is not None:
    move_focus(*focus_plan)


def go_to(number: int) -> None:
    st.session_state[KEY_PAGE] = number


if pages > 1:
    with st.container(horizontal=True, vertical_alignment="center", key="pager-bottom"):
        st.button("← Page précédente", key="page-prev", disabled=page <= 1, on_click=go_to, args=(page - 1,))
        st.caption(f"Page {page} sur {pages}")
        st.button("Page suivante →", key="page-next", disabled=page >= pages, on_click=go_to, args=(page + 1,))
