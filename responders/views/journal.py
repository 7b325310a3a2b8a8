"""The audit trail as French sentences: who did what, on which review, filterable, exported to
CSV without formula injection. No raw JSON, no « None », no internal numbers on screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import Any

import pandas as pd
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from responders.store.models import AuditEvent, Location, Review
from responders.store.settings import PracticeSettings
from responders.timeutil import utcnow
from responders.triage.queue import practice_time, zone_name
from responders.vocabulary import AUDIT_ACTION_FR

ACTIONS_FR: dict[str, str] = {
    **AUDIT_ACTION_FR,
    "reply_copied": "Réponse copiée",
    "copy_refused": "Copie refusée",
    "review_confirmed": "Réponse à vérifier confirmée",
    "status": "Statut modifié",
    "google_report": "Signalement Google",
    "triage_finished": "Triage terminé",
    "send_to_lawyer": "Transmis à l'avocat",
    "settings": "Réglages modifiés",
    "llm_settings": "Modèle de langage modifié",
    "knowledge_date": "Date de connaissance modifiée",
    "sign_in": "Connexion",
    "sign_in_refused": "Connexion refusée",
    "sign_out": "Déconnexion",
    "user_added": "Compte créé",
    "user_removed": "Compte supprimé",
    "password_changed": "Mot de passe changé",
    "action_refused": "Action refusée",
}
# Actions that were refused (by the guard, a role or a password): shown so people see attempts too.
REFUSED_ACTIONS = frozenset({"copy_refused", "sign_in_refused", "action_refused"})
# Times are read in the practice's own time zone: the listing's for an event about a review,
# the practice's default otherwise (a journal may hold Paris and Montréal listings).
DATE = "Date"
ZONE = "Fuseau"
COLUMNS = [
    DATE,
    ZONE,
    "Personne",
    "Action",
    "Ce qui s'est passé",
    "Avis",
    "Lien",
    "Sur Google",
    "Texte",
]
STATUSES_FR = {
    "nouveau": "Nouveau",
    "a_revoir": "À revoir",
    "repondu": "Répondu",
    "ne_pas_repondre": "Ne pas répondre",
    "avocat": "Transmis à l'avocat",
    "signale": "Signalé à Google",
}
ROLES_FR = {"secretariat": "secrétariat", "praticien": "praticien", "avocat": "avocat"}
SECTIONS_FR = {
    "cabinet": "Réglages du cabinet",
    "politique": "Politique de réponse",
    "établissement": "Profil d'un établissement",
}
VERDICTS_FR = {
    "pass": "contrôle réussi",
    "review": "à vérifier",
    "block": "bloquée par le contrôle",
}


def _text(value: Any, empty: str = "non renseigné") -> str:
    if value is None or value == "":
        return empty
    return str(value)


def _day(value: Any) -> str:
    if not value:
        return "non renseignée"
    try:
        return datetime.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)


def _verdict(detail: dict[str, Any]) -> str | None:
    raw = detail.get("guard")
    guard: dict[str, Any] = raw if isinstance(raw, dict) else {}
    verdict = detail.get("verdict") or guard.get("verdict")
    if verdict is None and "allowed" in guard:
        verdict = "pass" if guard["allowed"] else "block"
    return VERDICTS_FR.get(str(verdict)) if verdict else None


def _copied(d: dict[str, Any]) -> str:
    verdict = _verdict(d)
    what = (
        "La réponse de remplacement d'une réponse déjà publiée a été copiée pour la corriger sur Google"
        if d.get("replaces_sha256")
        else "La réponse a été copiée pour être publiée sur Google"
    )
    return what + (f" ({verdict})." if verdict else ".")


def _copy_refused(d: dict[str, Any]) -> str:
    verdict = _verdict(d)
    reasons = [
        str(f.get("explanation"))
        for f in (d.get("findings") or d.get("guard", {}).get("findings") or [])
        if isinstance(f, dict) and f.get("explanation")
    ]
    sentence = "La copie a été refusée"
    sentence += f" ({verdict})" if verdict else ""
    return sentence + (" : " + " ; ".join(reasons[:3]) + "." if reasons else ".")


def _status(d: dict[str, Any]) -> str:
    before = STATUSES_FR.get(str(d.get("from")), _text(d.get("from")))
    after = STATUSES_FR.get(str(d.get("to")), _text(d.get("to")))
    return f"Statut changé : « {before} » devient « {after} »."


def _settings(d: dict[str, Any]) -> str:
    section = str(d.get("section") or "")
    if section == "établissement":
        before = _text(d.get("from"), "profil du cabinet")
        after = _text(d.get("to"), "profil du cabinet")
        return f"Profil d'un établissement changé : {before} devient {after}."
    if section == "politique":
        return "Politique de réponse modifiée."
    if section == "cabinet":
        profile = d.get("profile")
        return "Réglages du cabinet modifiés" + (f" (profil {profile})." if profile else ".")
    if section == "comptes de démonstration":
        return "Comptes de démonstration supprimés."
    return f"{SECTIONS_FR.get(section, 'Réglages')} modifiés."


def _llm(d: dict[str, Any]) -> str:
    parts = []
    if d.get("from_url") != d.get("to_url"):
        parts.append(
            f"adresse du modèle changée : {_text(d.get('from_url'), 'aucune')} devient "
            f"{_text(d.get('to_url'), 'aucune')}"
        )
    if d.get("model"):
        parts.append(f"modèle « {d['model']} »")
    if d.get("engine"):
        parts.append(f"moteur « {d['engine']} »")
    if d.get("key_bound") is True:
        parts.append("clé d'API saisie à nouveau pour cette adresse")
    elif d.get("key_bound") is False and d.get("from_url") != d.get("to_url"):
        parts.append(
            "la clé d'API ne sera pas envoyée à cette adresse tant qu'elle n'aura pas été saisie à nouveau"
        )
    if d.get("tested"):
        parts.append("connexion testée : " + ("réussie" if d.get("test_ok") else "échec"))
    return (
        ("Modèle de langage : " + " ; ".join(parts) + ".")
        if parts
        else "Réglages du modèle de langage enregistrés."
    )


SENTENCES: dict[str, Callable[[dict[str, Any]], str]] = {
    "reply_copied": _copied,
    "copy_refused": _copy_refused,
    "review_confirmed": lambda d: (
        "Le praticien a relu et confirmé la réponse « à vérifier » : elle peut être copiée."
    ),
    "status": _status,
    "google_report": lambda d: (
        "Avis signalé à Google" + (f" (référence {d['reference']})." if d.get("reference") else ".")
    ),
    "triage_finished": lambda d: (
        "Triage de la semaine terminé : les prochains avis à traiter seront les nouveaux."
    ),
    "send_to_lawyer": lambda d: "Avis transmis à l'avocat.",
    "settings": _settings,
    "llm_settings": _llm,
    "knowledge_date": lambda d: (
        f"Date de connaissance corrigée : {_day(d.get('from'))} devient {_day(d.get('to'))}."
    ),
    "sign_in": lambda d: (
        "Connexion" + (" par le fournisseur d'identité." if d.get("method") == "oidc" else ".")
    ),
    "sign_in_refused": lambda d: (
        "Connexion refusée : "
        + (
            "trop de tentatives, compte bloqué pour un quart d'heure."
            if d.get("reason") == "locked"
            else "nom ou mot de passe incorrect."
        )
    ),
    "sign_out": lambda d: "Déconnexion.",
    "user_added": lambda d: (
        f"Compte « {_text(d.get('name'))} » créé ({ROLES_FR.get(str(d.get('role')), 'rôle inconnu')})"
        + (", compte de démonstration." if d.get("demo") else ".")
    ),
    "user_removed": lambda d: f"Compte « {_text(d.get('name'))} » supprimé.",
    "password_changed": lambda d: f"Mot de passe du compte « {_text(d.get('name'))} » changé.",
    "action_refused": lambda d: (
        f"Action refusée : {_text(d.get('reason'), 'rôle insuffisant').rstrip('.')}."
    ),
    # the message itself stays out of the sentence: it is the blackmailer's text
    "extortion_recorded": lambda d: (
        f"Message de chantage enregistré (reçu le {_day(d.get('received_on'))}), "
        f"concernant {len(d.get('review_ids') or [])} avis."
    ),
}


def sentence(action: str, detail: dict[str, Any] | None) -> str:
    """What happened, in one French sentence (an action this version does not know keeps its name)."""
    make = SENTENCES.get(action)
    if make is None:
        return f"{ACTIONS_FR.get(action, action)}."
    try:
        return make(detail or {})
    except (AttributeError, TypeError, KeyError):  # an older or unexpected detail shape
        return f"{ACTIONS_FR.get(action, action)}."


def _review_labels(
    session: Session, review_ids: set[int]
) -> dict[int, tuple[str, str | None, str | None]]:
    if not review_ids:
        return {}
    rows = session.execute(
        sa_select(
            col(Review.id),
            col(Review.author_display_name),
            col(Review.is_anonymous),
            col(Review.rating),
            col(Review.created_at),
            col(Location.name),
            col(Review.review_url),
            col(Location.profile),
        )
        .join(Location, col(Location.id) == col(Review.location_id))
        .where(col(Review.id).in_(review_ids))
    ).all()
    labels = {}
    for rid, author, anonymous, rating, created, location, url, profile in rows:
        who = author or ("auteur anonyme" if anonymous else "auteur inconnu")
        parts = [f"Avis de {who}"]
        if rating:
            parts.append("★" * int(rating))
        if location:
            parts.append(str(location))
        if created:
            parts.append(f"du {created:%d/%m/%Y}")
        labels[int(rid)] = (" · ".join(parts), url, profile)
    return labels


def review_link(review_id: int) -> str:
    """The dashboard's address of one review (the Triage page opens it alone)."""
    return f"/?avis={review_id}"


def events_frame(session: Session, limit: int = 5000) -> pd.DataFrame:
    events = session.exec(select(AuditEvent).order_by(col(AuditEvent.id).desc()).limit(limit)).all()
    reviews = _review_labels(session, {e.review_id for e in events if e.review_id is not None})
    default = PracticeSettings.load(session).profile
    rows = []
    for e in events:
        label, google, listing_profile = (
            reviews.get(e.review_id, ("", None, None))
            if e.review_id is not None
            else ("", None, None)
        )
        profile = listing_profile or default
        local = practice_time(e.at, profile) if e.at else None
        rows.append(
            {
                DATE: pd.Timestamp(local.replace(tzinfo=None)) if local else pd.NaT,
                ZONE: zone_name(profile),
                "Personne": e.user or "personne non identifiée",
                "Action": ACTIONS_FR.get(e.action, e.action),
                "Ce qui s'est passé": sentence(e.action, e.detail),
                "Avis": label,
                "Lien": review_link(e.review_id) if e.review_id is not None else None,
                "Sur Google": google or None,
                "Texte": e.text or "",
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame[DATE] = pd.to_datetime(frame[DATE])
    return frame


def practice_today(session: Session) -> date:
    """Today as the practice's default time zone reads it (periods count its days)."""
    return practice_time(utcnow(), PracticeSettings.load(session).profile).date()


def filter_events(
    frame: pd.DataFrame,
    *,
    actions: Sequence[str] = (),
    users: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
) -> pd.DataFrame:
    if actions:
        frame = frame[frame["Action"].isin(actions)]
    if users:
        frame = frame[frame["Personne"].isin(users)]
    # days as the practice lives them: each line's own local date
    if since is not None:
        frame = frame[frame[DATE] >= pd.Timestamp(datetime.combine(since, time.min))]
    if until is not None:
        frame = frame[frame[DATE] <= pd.Timestamp(datetime.combine(until, time.max))]
    return frame


def to_csv(frame: pd.DataFrame) -> bytes:
    from responders.export.tables import neutralise

    out = frame.copy()
    out[DATE] = out[DATE].map(lambda t: "" if pd.isna(t) else t.strftime("%d/%m/%Y %H:%M:%S"))
    out = out.fillna("")
    safe = out.map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return bytes(safe.to_csv(index=False, sep=";").encode("utf-8-sig"))
