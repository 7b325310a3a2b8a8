"""Which route fits a review, the pre-filled wording, and what comes next after Google decides.

Routes, in the order a practice meets them:
- `google_flag`: « Signaler l'avis » in Google Business Profile, with the policy category that
  fits (Google removes content that breaks its own rules, whatever the law says);
- `extortion`: Google's form for reviews used to extort the business (since October 2025),
  with the reviews involved and the blackmail message as evidence;
- `legal_notice`: the legal removal request, a notice under the DSA art. 16 (the dossier's notice);
- `internal_complaint`: after a refusal, the complaint to Google's internal system (DSA art. 20),
  within six months of the decision;
- `out_of_court`: then a certified out-of-court dispute settlement body (DSA art. 21).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from responders.deadlines import add_months
from responders.store.models import AuditEvent, RemovalRequest
from responders.timeutil import utcnow
from responders.vocabulary import AuditAction

if TYPE_CHECKING:  # bundle.py imports this module's tables of routes
    from responders.removal.bundle import Bundle

ROUTES = {
    "google_flag": "Signalement à Google (« Signaler l'avis »)",
    "extortion": "Signalement d'extorsion à Google",
    "legal_notice": "Demande de retrait pour contenu illicite (DSA, art. 16)",
    "internal_complaint": "Réclamation interne contre la décision (DSA, art. 20)",
    "out_of_court": "Organisme de règlement extrajudiciaire certifié (DSA, art. 21)",
}
CATEGORIES = {
    "conflict_of_interest": "Conflit d'intérêts",
    "off_topic": "Hors sujet",
    "harassment": "Harcèlement ou intimidation",
    "hate": "Discrimination ou incitation à la haine",
    "personal_information": "Informations personnelles",
    "fake_engagement": "Faux engagement",
    "profanity": "Grossièretés",
}
DECISIONS_FR = {"pending": "en attente de Google", "removed": "retiré", "refused": "refusé"}
COMPLAINT_MONTHS = 6

_WORDING = {
    "conflict_of_interest": (
        "Cet avis ne relate pas une expérience de client : il émane d'une personne en situation de "
        "conflit d'intérêts avec l'établissement (concurrent, ancien employé ou proche d'un tel)."
    ),
    "off_topic": (
        "Cet avis ne porte pas sur une expérience au sein de l'établissement : il traite d'un sujet "
        "sans rapport (débat général, politique, autre lieu)."
    ),
    "harassment": (
        "Cet avis contient des propos injurieux et personnels visant un membre de l'équipe, "
        "contraires au règlement de Google sur le harcèlement et l'intimidation."
    ),
    "hate": (
        "Cet avis contient des propos discriminatoires ou haineux, contraires au règlement de Google."
    ),
    "personal_information": (
        "Cet avis publie des informations personnelles (coordonnées, informations privées) contraires "
        "au règlement de Google sur les informations personnelles."
    ),
    "fake_engagement": (
        "Cet avis fait partie d'une série d'avis négatifs publiés en quelques heures, sans rapport "
        "avec une expérience réelle : faux engagement au sens du règlement de Google."
    ),
    "profanity": "Cet avis contient des grossièretés, contraires au règlement de Google.",
}
_CONTACT = re.compile(r"(?:\+?\d[\d .-]{7,}\d)|(?:[\w.+-]+@[\w-]+\.[\w.]+)", re.UNICODE)
_HATE = re.compile(
    r"\b(?:race|racis\w*|noirs?|arabes?|juifs?|musulmans?|immigr\w*|étrangers?|couleur de peau|"
    r"homo\w*|black|jews?|muslims?|immigrants?|foreigners?)\b",
    re.IGNORECASE,
)


class RouteNames:
    """French names of a route and of its Google category, for pages, dossiers and digests."""

    __slots__ = ()
    route: str
    category: str | None

    @property
    def route_fr(self) -> str:
        return ROUTES[self.route]

    @property
    def category_fr(self) -> str | None:
        return CATEGORIES.get(self.category) if self.category else None


@dataclass(frozen=True, slots=True)
class RouteSuggestion(RouteNames):
    route: str
    category: str | None
    reason: str
    text: str


def _quotes(passages: list[dict[str, Any]]) -> str:
    quoted = [" ".join(str(p.get("text", "")).split()) for p in passages if p.get("text")]
    return "\n".join(f"« {q} »" for q in quoted[:5])


def suggest_route(
    *,
    label: str | None,
    text: str | None,
    passages: list[dict[str, Any]] | None = None,
    bundle: Bundle | None = None,
    review_url: str | None = None,
) -> RouteSuggestion | None:
    """The first route to try for one review, or None when it is lawful criticism or praise.

    A review that is part of a campaign (a burst, or the reviews a blackmail message concerns)
    is reported with all the others: `bundle` then gives the route and the text, which lists
    every review involved (see `removal.bundle`)."""
    passages = passages or []
    body = text or ""
    where = f"\nAdresse de l'avis : {review_url}" if review_url else ""
    if bundle is not None and bundle.reviews:
        return RouteSuggestion(
            bundle.route,
            bundle.category,
            f"{bundle.reason} Signalement groupé des {len(bundle.reviews)} avis concernés.",
            bundle.text,
        )
    if label == "defamation":
        return RouteSuggestion(
            "legal_notice",
            None,
            "L'avis impute un fait précis portant atteinte à l'honneur : voie légale (DSA, art. 16), "
            "notification pré-remplie dans le dossier de l'avocat.",
            "Voir la notification pré-remplie du dossier de l'avocat (passages cités, fondement, "
            "déclaration de bonne foi).\n" + _quotes(passages) + where,
        )
    if label == "insult":
        category = "hate" if _HATE.search(body) else "harassment"
        return RouteSuggestion(
            "google_flag",
            category,
            "Propos injurieux : le règlement de Google suffit, sans procédure judiciaire.",
            _WORDING[category] + ("\nPassages : " + _quotes(passages) if passages else "") + where,
        )
    if _CONTACT.search(body):
        return RouteSuggestion(
            "google_flag",
            "personal_information",
            "L'avis publie des coordonnées.",
            _WORDING["personal_information"] + where,
        )
    return None


def record_submission(
    session: Session,
    review_id: int,
    *,
    route: str,
    user: str,
    category: str | None = None,
    reference: str = "",
    text: str = "",
    submitted_on: date | None = None,
) -> RemovalRequest:
    """A person filed the request with Google: journaled with their name."""
    if route not in ROUTES:
        raise ValueError(f"Voie inconnue : {route}. Choisissez parmi : {', '.join(ROUTES)}.")
    if category is not None and category not in CATEGORIES:
        raise ValueError(f"Catégorie inconnue : {category}.")
    if not user.strip():
        raise ValueError("Indiquez qui a déposé la demande : l'action est inscrite au journal.")
    now = utcnow()
    request = RemovalRequest(
        review_id=review_id,
        route=route,
        category=category,
        reference=reference.strip(),
        text=text,
        submitted_on=submitted_on or now.date(),
        submitted_by=user.strip(),
        decision="pending",
        created_at=now,
    )
    session.add(request)
    session.flush()
    session.add(
        AuditEvent(
            at=now,
            user=user.strip(),
            action=AuditAction.REMOVAL_SUBMITTED,
            review_id=review_id,
            detail={
                "route": route,
                "category": category,
                "reference": reference.strip(),
                "request_id": request.id,
            },
        )
    )
    return request


def record_decision(
    session: Session,
    request_id: int,
    *,
    decision: str,
    user: str,
    decided_on: date | None = None,
) -> RemovalRequest:
    if decision not in DECISIONS_FR or decision == "pending":
        raise ValueError("Décision attendue : « removed » (retiré) ou « refused » (refusé).")
    request = session.get(RemovalRequest, request_id)
    if request is None:
        raise LookupError(f"Demande {request_id} introuvable.")
    if not user.strip():
        raise ValueError("Indiquez qui enregistre la décision : l'action est inscrite au journal.")
    now = utcnow()
    request.decision = decision
    request.decided_on = decided_on or now.date()
    request.decision_by = user.strip()
    session.add(request)
    session.add(
        AuditEvent(
            at=now,
            user=user.strip(),
            action=AuditAction.REMOVAL_DECISION,
            review_id=request.review_id,
            detail={
                "request_id": request.id,
                "route": request.route,
                "decision": decision,
                "decided_on": request.decided_on.isoformat(),
            },
        )
    )
    session.flush()
    return request


def requests_for(session: Session, review_ids: list[int] | None = None) -> list[RemovalRequest]:
    query = select(RemovalRequest).order_by(col(RemovalRequest.review_id), col(RemovalRequest.id))
    if review_ids is not None:
        query = query.where(col(RemovalRequest.review_id).in_(review_ids))
    return list(session.exec(query).all())


@dataclass(frozen=True, slots=True)
class NextStep:
    route: str | None
    label: str
    due: date | None = None
    days_left: int | None = None


def next_step(request: RemovalRequest, today: date | None = None) -> NextStep:
    """Where the case stands and what the person does next, with its deadline when the law sets one."""
    today = today or utcnow().date()
    if request.decision == "pending":
        return NextStep(None, f"{ROUTES[request.route]} : en attente de la décision de Google.")
    if request.decision == "removed":
        return NextStep(None, "Avis retiré : dossier clos (conservez la preuve du retrait).")
    decided = request.decided_on or today
    if request.route == "google_flag":
        return NextStep(
            "legal_notice",
            "Refus au titre du règlement de Google : si l'avis est illicite, demande de retrait pour "
            "contenu illicite (DSA, art. 16), ou réclamation interne (DSA, art. 20).",
            add_months(decided, COMPLAINT_MONTHS),
            (add_months(decided, COMPLAINT_MONTHS) - today).days,
        )
    if request.route in ("legal_notice", "extortion"):
        due = add_months(decided, COMPLAINT_MONTHS)
        return NextStep(
            "internal_complaint",
            "Refus : réclamation interne contre la décision (DSA, art. 20) dans les six mois.",
            due,
            (due - today).days,
        )
    if request.route == "internal_complaint":
        return NextStep(
            "out_of_court",
            "Réclamation rejetée : saisir un organisme de règlement extrajudiciaire certifié "
            "(DSA, art. 21), ou l'avocat pour une action en justice.",
        )
    return NextStep(None, "Voie extrajudiciaire épuisée : voir avec l'avocat.")
