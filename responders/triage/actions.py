"""Every staff write, each with its audit event: copying a reply, statuses, reports, the triage
stamp, dates, settings and where review text may be sent (the language model). Pages call these; none of them writes a table or the journal itself.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from typing import Any

from sqlmodel import Session, col, select

from responders import guard as guard_module
from responders import policy
from responders.deadlines import RULES, local_date
from responders.guard import GuardResult
from responders.links import google_link
from responders.people.accounts import Account
from responders.people.roles import require
from responders.profiles import get_profile
from responders.removal import Bundle, record_submission
from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.store.settings import (
    PracticeSettings,
    Signatory,
    get_setting,
    save_signatory,
    set_setting,
)
from responders.timeutil import utcnow
from responders.triage import llm_choice
from responders.triage.confirmation import confirm_review_reply, is_confirmed
from responders.triage.journal import record_event
from responders.triage.queue import LAST_TRIAGE_KEY, triage_leftovers
from responders.vocabulary import AuditAction, Severity, Status, Verdict


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class CopyOutcome:
    """What `copy_reply` decided. `allowed` only when the guard's verdict on `text` is `pass`
    (or `review` and a praticien confirmed this exact text)."""

    allowed: bool
    verdict: str
    text: str
    sha256: str
    event_id: int | None
    findings: list[dict[str, Any]] = field(default_factory=list)
    google_url: str | None = None
    marked_answered: bool = False
    message: str = ""


def guard_reply(session: Session, review_id: int, text: str) -> GuardResult:
    """The guard's verdict on `text` as a reply to this review: the review's current text, its
    author's name (unless anonymous) and the listing's profile, else the practice's."""
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    revision = (
        session.get(ReviewRevision, review.current_revision_id)
        if review.current_revision_id is not None
        else None
    )
    location = session.get(Location, review.location_id)
    profile = (location.profile if location is not None else None) or PracticeSettings.load(
        session
    ).profile
    # read through the module, so a test can stand in for the guard
    return guard_module.check(
        text,
        review=(revision.text_original if revision is not None else None) or None,
        reviewer_name=None if review.is_anonymous else review.author_display_name,
        profile=profile,
    )


def copy_reply(
    session: Session,
    review_id: int,
    text: str,
    *,
    user: str,
    template_id: str | None = None,
    mark_answered: bool = True,
    replaces: str | None = None,
) -> CopyOutcome:
    """The only way a reply leaves the dashboard. The guard runs here, on this exact text (with
    the review and its author as context). A `pass` verdict is copied: journaled with its SHA-256
    and verdict, and the review is marked answered (undoable with `undo_status`). A `review`
    verdict is copied only once a praticien confirmed this exact text. Anything else is refused
    and the refusal is journaled too (the rule names and the text's SHA-256 only: the refused
    text may hold what must not leak).

    `replaces` is the reply already published on Google that this text is meant to replace (the
    « Réponses déjà publiées » page): its SHA-256 is journaled with the copy, so the journal tells
    a replacement from a first answer; the review keeps its status (it is already answered)."""
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    digest = text_digest(text)
    replaced = {"replaces_sha256": text_digest(replaces)} if replaces is not None else {}
    result = guard_reply(session, review_id, text) if text.strip() else None
    verdict = str(result.verdict) if result is not None else str(Verdict.BLOCK)
    findings = [f.to_dict() for f in result.findings] if result is not None else []
    confirmed = verdict == Verdict.REVIEW and is_confirmed(session, review_id, text)
    if verdict != Verdict.PASS and not confirmed:
        event = record_event(
            session,
            user=user,
            action=AuditAction.COPY_REFUSED,
            review_id=review_id,
            detail={
                "sha256": digest,
                "verdict": verdict,
                "template_id": template_id,
                "findings": [
                    {
                        "rule": f.get("rule"),
                        "pattern": f.get("pattern"),
                        "severity": f.get("severity"),
                        "explanation": f.get("explanation"),
                    }
                    for f in findings
                    if f.get("severity") != Severity.WARN
                ],
                **replaced,
            },
        )
        session.flush()
        message = (
            "Cette réponse doit d'abord être relue et confirmée par un praticien : le contrôle ne "
            "peut pas garantir qu'elle ne révèle rien."
            if verdict == Verdict.REVIEW
            else "Copie refusée : cette réponse révèle ou risque de révéler des informations protégées. "
            "Modifiez-la ou choisissez une autre réponse type."
            if findings
            else "Copie refusée : la réponse est vide."
        )
        return CopyOutcome(False, verdict, text, digest, event.id, findings, message=message)
    assert result is not None
    event = record_event(
        session,
        user=user,
        action=AuditAction.REPLY_COPIED,
        review_id=review_id,
        text=text,
        detail={
            "sha256": digest,
            "verdict": verdict,
            "confirmed": confirmed,
            "guard": result.to_dict(),
            "template_id": template_id,
            **replaced,
        },
    )
    answered = False
    if mark_answered and review.status != Status.ANSWERED:
        set_status(session, review_id, Status.ANSWERED, user=user, detail={"via": "copie"})
        answered = True
    session.flush()
    return CopyOutcome(
        True,
        verdict,
        text,
        digest,
        event.id,
        findings,
        google_link(review.review_url),
        answered,
        "Réponse copiée : collez-la sur Google.",
    )


@dataclass(slots=True)
class ConfirmOutcome:
    """What `confirm_reply` decided: `confirmed` when the praticien's confirmation was recorded."""

    confirmed: bool
    sha256: str
    message: str


def confirm_reply(session: Session, review_id: int, text: str, *, by: Account) -> ConfirmOutcome:
    """A person asks to confirm a reply « à vérifier » (`confirmation.confirm_review_reply`, which
    guards the exact text). A refusal is journaled too, under the person's name, and returned
    rather than raised, so the caller's transaction keeps the journal line: a role that may not
    confirm, a reply the guard blocks, or one that needs no confirmation."""
    digest = text_digest(text)
    try:
        confirm_review_reply(session, review_id, text, by)
    except (PermissionError, ValueError) as exc:
        reason = str(exc)
        record_event(
            session,
            user=by.name,
            action=AuditAction.ACTION_REFUSED,
            review_id=review_id,
            detail={
                "action": "confirm_review_reply",
                "role": by.role,
                "sha256": digest,
                "reason": reason,
            },
        )
        session.flush()
        return ConfirmOutcome(False, digest, reason)
    session.flush()
    return ConfirmOutcome(True, digest, "Réponse relue et confirmée : elle peut être copiée.")


def set_status(
    session: Session,
    review_id: int,
    status: str,
    *,
    user: str,
    detail: dict[str, Any] | None = None,
) -> None:
    """A new status for a review; sending it to the lawyer is journaled as such too."""
    try:
        new = Status(status)
    except ValueError:
        raise ValueError(f"Statut inconnu : {status}") from None
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    previous = review.status
    # undoing a transmission puts the lawyer flag back as it was
    extra = {"for_lawyer_before": review.for_lawyer} if new == Status.LAWYER else {}
    review.status = new
    if new == Status.LAWYER:
        review.for_lawyer = True
    session.add(review)
    record_event(
        session,
        user=user,
        action=AuditAction.STATUS,
        review_id=review_id,
        detail={"from": previous, "to": new, **extra, **(detail or {})},
    )
    if new == Status.LAWYER:
        # the dossier reads this event (and its optional target) for the review
        target = (detail or {}).get("target")
        record_event(
            session,
            user=user,
            action=AuditAction.SEND_TO_LAWYER,
            review_id=review_id,
            detail={"target": target} if target else {},
        )


def send_to_lawyer(
    session: Session, review_id: int, *, user: str, target: str | None = None
) -> None:
    """Transmits a review to the lawyer; `target` names who is aimed at, when staff know it."""
    set_status(
        session, review_id, Status.LAWYER, user=user, detail={"target": target} if target else None
    )


def record_google_report(
    session: Session, review_id: int, *, user: str, reference: str = "", outcome: str = ""
) -> None:
    set_status(session, review_id, Status.REPORTED, user=user)
    record_event(
        session,
        user=user,
        action=AuditAction.GOOGLE_REPORT,
        review_id=review_id,
        detail={"date": utcnow().isoformat(), "reference": reference, "outcome": outcome},
    )


def finish_triage(
    session: Session, *, user: str, at: datetime | None = None, profile: str = "fr-dentiste"
) -> datetime:
    """Stamps the week: the next queue starts from reviews new or changed after this moment,
    plus whatever `triage_leftovers` keeps (legal candidates, « à vérifier », « à revoir »). The
    journal lists which reviews stayed and which left the queue, so nothing leaves it unseen."""
    leftovers = triage_leftovers(session, profile=profile)
    at = at or utcnow()
    set_setting(session, LAST_TRIAGE_KEY, at.isoformat())
    record_event(
        session,
        user=user,
        action=AuditAction.TRIAGE_FINISHED,
        detail={
            "at": at.isoformat(),
            "kept": [o.review_id for o in leftovers if o.stays],
            "left": [o.review_id for o in leftovers if not o.stays],
        },
    )
    return at


def set_knowledge_date(
    session: Session, review_id: int, day: date, *, user: str, reason: str = ""
) -> None:
    """Québec's one-year clock starts when the practitioner learned of the review. Until this is
    set it counts from publication (the conservative reading); staff set the real date later."""
    set_knowledge_dates(session, [review_id], day, user=user, reason=reason)


def set_knowledge_dates(
    session: Session, review_ids: list[int], day: date, *, user: str, reason: str
) -> int:
    """The same date of knowledge for several reviews (a week's batch read together), with the
    reason, one journal event per review. Refused before the review was published."""
    if not review_ids:
        return 0
    reviews = []
    for review_id in review_ids:
        review = session.get(Review, review_id)
        if review is None:
            raise LookupError(f"Avis {review_id} introuvable.")
        published = (
            local_date(review.created_at, RULES["QC"].timezone) if review.created_at else None
        )
        if published is not None and day < published:
            raise ValueError(
                f"Avis {review_id} : la date de connaissance ({day:%d/%m/%Y}) précède la "
                f"publication de l'avis ({published:%d/%m/%Y})."
            )
        reviews.append(review)
    for review in reviews:
        previous = review.knowledge_date
        review.knowledge_date = datetime.combine(day, time(12, 0), tzinfo=UTC)
        session.add(review)
        record_event(
            session,
            user=user,
            action=AuditAction.KNOWLEDGE_DATE,
            review_id=review.id,
            detail={
                "from": previous.date().isoformat() if previous else None,
                "to": day.isoformat(),
                "reason": reason.strip(),
            },
        )
    return len(reviews)


def set_location_profile(
    session: Session, location_id: int, profile: str | None, *, user: str
) -> None:
    """A listing's own profile (a group may hold French and Québec practices); None follows
    the practice-wide profile."""
    if profile is not None:
        get_profile(profile)
    location = session.get(Location, location_id)
    if location is None:
        raise LookupError(f"Établissement {location_id} introuvable.")
    previous = location.profile
    location.profile = profile
    session.add(location)
    record_event(
        session,
        user=user,
        action=AuditAction.SETTINGS,
        detail={
            "section": "établissement",
            "location": location.key,
            "from": previous,
            "to": profile,
        },
    )


def save_listing_signatory(
    session: Session, location_key: str, signatory: Signatory, *, user: str
) -> None:
    """Who signs the removal requests of one listing (empty: nobody named), journaled."""
    save_signatory(session, location_key, signatory)
    record_event(
        session,
        user=user,
        action=AuditAction.SETTINGS,
        detail={"section": "signataire", "location": location_key, "to": signatory.name},
    )


def save_practice_settings(session: Session, settings: PracticeSettings, *, user: str) -> None:
    settings.save(session)
    record_event(
        session,
        user=user,
        action=AuditAction.SETTINGS,
        detail={"section": "cabinet", "profile": settings.profile},
    )


def save_reply_policy(session: Session, choices: Mapping[str, str], *, user: str) -> dict[str, str]:
    """Stores the practice's overrides (empty choices restore the defaults), journaled."""
    clean = policy.save_policy_overrides(session, {k: v for k, v in choices.items() if v})
    record_event(
        session,
        user=user,
        action=AuditAction.SETTINGS,
        detail={"section": "politique", "overrides": dict(choices)},
    )
    return clean


def bulk_set_status(
    session: Session, review_ids: Iterable[int], status: str, *, user: str
) -> list[int]:
    """One status for several reviews, one audit event per review. Returns the ids changed."""
    try:
        status = Status(status)
    except ValueError:
        raise ValueError(f"Statut inconnu : {status}") from None
    ids = list(dict.fromkeys(int(i) for i in review_ids))
    found = (
        set(session.exec(select(Review.id).where(col(Review.id).in_(ids))).all()) if ids else set()
    )
    missing = [i for i in ids if i not in found]
    if missing:
        raise LookupError(f"Avis introuvable(s) : {', '.join(map(str, missing))}.")
    changed = []
    for review_id in ids:
        review = session.get(Review, review_id)
        assert review is not None
        if review.status == status:
            continue
        set_status(session, review_id, status, user=user, detail={"bulk": len(ids)})
        changed.append(review_id)
    return changed


def _last_undoable(session: Session, review_id: int) -> AuditEvent | None:
    undone = {
        int(e.detail.get("event_id", 0))
        for e in session.exec(
            select(AuditEvent).where(
                AuditEvent.review_id == review_id, AuditEvent.action == AuditAction.STATUS_UNDONE
            )
        )
    }
    events = session.exec(
        select(AuditEvent)
        .where(AuditEvent.review_id == review_id, AuditEvent.action == AuditAction.STATUS)
        .order_by(col(AuditEvent.id).desc())
    )
    for event in events:
        if event.id not in undone:
            return event
    return None


def undo_status(session: Session, review_id: int, *, user: str) -> str:
    """Puts back the status a review had before its last (not yet undone) status change.

    Refused when the review's status changed since that event some other way. Journaled as
    `status_undone`. Returns the status restored.
    """
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    event = _last_undoable(session, review_id)
    if event is None:
        raise LookupError("Aucun changement de statut à annuler pour cet avis.")
    before, after = event.detail.get("from"), event.detail.get("to")
    if review.status != after or before not in set(Status):
        raise ValueError("Le statut de cet avis a changé depuis : rien n'a été annulé.")
    review.status = before
    if after == Status.LAWYER:
        review.for_lawyer = bool(event.detail.get("for_lawyer_before", False))
    session.add(review)
    record_event(
        session,
        user=user,
        action=AuditAction.STATUS_UNDONE,
        review_id=review_id,
        detail={"event_id": event.id, "from": after, "to": before},
    )
    return str(before)


def record_extortion_message(
    session: Session,
    review_ids: Iterable[int],
    message: str,
    *,
    user: str,
    received_on: date | None = None,
) -> str:
    """A person records the blackmail message received and the reviews it concerns: one journal
    event per review (each review's history shows it), all sharing one case key, returned."""
    import uuid

    ids = sorted({int(i) for i in review_ids})
    text = message.strip()
    if not user.strip():
        raise ValueError("Indiquez qui enregistre le message : l'action est inscrite au journal.")
    if not text:
        raise ValueError(
            "Collez le message de chantage reçu : c'est la preuve jointe au signalement."
        )
    if not ids:
        raise ValueError("Choisissez au moins un avis concerné par ce message.")
    known = set(session.exec(select(Review.id).where(col(Review.id).in_(ids))).all())
    missing = [i for i in ids if i not in known]
    if missing:
        raise LookupError("Avis introuvable(s) : " + ", ".join(map(str, missing)) + ".")
    case = uuid.uuid4().hex  # groups the per-review events; carries no meaning of its own
    received = (received_on or utcnow().date()).isoformat()
    for review_id in ids:
        record_event(
            session,
            user=user.strip(),
            action=AuditAction.EXTORTION_RECORDED,
            review_id=review_id,
            text=text,
            detail={"case": case, "review_ids": ids, "received_on": received},
        )
    session.flush()
    return case


def submit_removal_bundle(
    session: Session,
    bundle: Bundle,
    *,
    user: str,
    reference: str = "",
    submitted_on: date | None = None,
) -> list[int]:
    """One grouped report filed with Google (`removal.bundle.Bundle`): a request per review, all
    with the same reference and text, so each review's card and clock follow the same answer."""
    requests = [
        record_submission(
            session,
            review_id,
            route=bundle.route,
            category=bundle.category,
            user=user,
            reference=reference,
            text=bundle.text,
            submitted_on=submitted_on,
        )
        for review_id in bundle.review_ids
    ]
    return [int(r.id or 0) for r in requests]


def _journal_llm(session: Session, user: str, detail: dict[str, object]) -> None:
    """Where review text is sent, and every test of a new address, is a settings event."""
    record_event(
        session,
        user=user,
        action=AuditAction.SETTINGS,
        detail={"section": llm_choice.LLM_SECTION, **detail},
    )


def check_llm(
    session: Session,
    *,
    base_url: str,
    model: str,
    api_key: str | None = None,
    typed_key: str | None = None,
    user: str = "",
    by: Account | None = None,
) -> tuple[bool, str]:
    """« Tester la connexion »: asks the endpoint for one token. Never switches the model on
    and changes no setting: a success only records that this endpoint and model answered,
    which « Enregistrer » then requires before the model can be chosen. Journaled."""
    from responders.llm import LLMSettings, check_connection, key_binding
    from responders.timeutil import utcnow

    if by is not None:
        require(by.role, "change_llm")
        user = by.name
    try:
        llm = LLMSettings(base_url=base_url.strip(), model=model.strip())
    except ValueError as exc:
        return False, str(exc)
    typed_key = (typed_key or "").strip() or None
    if typed_key:
        probe = llm.with_api_key(typed_key)  # typed for this very address
    else:
        # a key from the environment or the secrets goes only to the address configured with it
        probe = replace(llm.with_api_key(api_key), key_binding=key_binding(session, os.environ))
    ok, message = check_connection(probe)
    if ok:
        set_setting(
            session,
            llm_choice.TESTED_KEY,
            {
                "base_url": llm.base_url,
                "model": llm.model,
                "at": utcnow().isoformat(),
                "user": user,
            },
        )
    _journal_llm(
        session,
        user,
        {"test": "réussi" if ok else "échoué", "base_url": llm.base_url, "model": llm.model},
    )
    return ok, message + ("" if ok else " Le modèle de langage n'a pas été activé.")


def save_llm(
    session: Session,
    *,
    engine: str,
    base_url: str,
    model: str,
    user: str = "",
    by: Account | None = None,
    api_key: str | None = None,
    typed_key: str | None = None,
    privacy_assessed: bool = False,
) -> tuple[bool, str]:
    """Stores the engine choice and the endpoint (never the key). Only a praticien may do it
    (PermissionError otherwise). Choosing a language model (`llm` or `auto`: review text is then
    sent to the endpoint) needs a successful test of this very endpoint and model and, when a
    listing follows Québec law, the practice's privacy assessment (Loi 25). A key from the
    environment or the secrets (`api_key`) is sent only to the address configured with it: a new
    address forgets that binding until the key is typed again (`typed_key`, kept only as its
    SHA-256). Every change of where review text is sent is journaled, with who."""
    from responders.llm import LLMSettings, bind_key, save_settings

    if by is not None:
        require(by.role, "change_llm")
        user = by.name
    if engine not in llm_choice.ENGINE_LABELS:
        return False, f"Moteur inconnu « {engine} »."
    before = llm_choice.destination(session)
    stored = get_setting(session, llm_choice.SETTING_KEY_LLM, {}) or {}
    previous_url = str(stored.get("base_url") or "") if isinstance(stored, dict) else ""
    typed_key = (typed_key or "").strip() or None
    key_bound: bool | None = None
    if engine == "rules" and not base_url.strip():
        set_setting(session, llm_choice.ENGINE_KEY, engine)
        message = "Moteur enregistré : règles hors ligne."
    else:
        try:
            llm = LLMSettings(base_url=base_url.strip(), model=model.strip())
        except ValueError as exc:
            return False, str(exc)
        if engine != "rules":
            if not llm_choice.tested_ok(session, llm.base_url, llm.model):
                return False, (
                    "Le modèle de langage n'est pas activé : testez d'abord la connexion avec cette "
                    "adresse et ce modèle (« Tester la connexion »), puis enregistrez."
                )
            if llm_choice.quebec_in_use(session) and not privacy_assessed and not llm.is_local:
                return False, "Le modèle de langage n'est pas activé. " + llm_choice.LOI_25_NOTICE
        changed = previous_url.rstrip("/") != llm.base_url.rstrip("/")
        save_settings(session, llm)
        set_setting(session, llm_choice.ENGINE_KEY, engine)
        if typed_key:
            bind_key(session, llm.base_url, typed_key)
            key_bound = True
        elif changed:
            bind_key(session, llm.base_url, None)
            key_bound = False
        message = (
            "Réglages du modèle enregistrés (la clé n'est jamais enregistrée)."
            if engine != "rules"
            else "Moteur enregistré : règles hors ligne (aucun texte n'est envoyé)."
        )
        if key_bound is False and api_key:
            message += (
                " La clé d'API de l'environnement ou des secrets ne sera pas envoyée à cette "
                "nouvelle adresse tant qu'un praticien ne l'aura pas saisie à nouveau."
            )
    after = llm_choice.destination(session)
    if after != before or key_bound is not None:
        detail: dict[str, object] = {"from": before, "to": after}
        if engine != "rules":
            detail["privacy_assessment"] = bool(privacy_assessed)
        if key_bound is not None:
            detail["key_bound"] = key_bound
        _journal_llm(session, user, detail)
    return True, message
