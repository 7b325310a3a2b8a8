"""The weekly triage: which reviews to look at, in which order, and what staff did with them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import case, func, or_, select
from sqlmodel import Session, col

from responders.classify.store import current_classifications
from responders.deadlines import RULES, local_date, review_deadline
from responders.profiles import get_profile
from responders.store.models import AuditEvent, Location, Review, ReviewRevision, Setting
from responders.timeutil import as_utc, utcnow

LABEL_RANK = {"defamation": 0, "insult": 1, "criticism": 2, "praise": 3, None: 4}
LABELS_FR = {
    "defamation": "Diffamation (à valider)",
    "insult": "Injure (à valider)",
    "criticism": "Critique",
    "praise": "Éloge",
}
STATUSES = {
    "nouveau": "Nouveau",
    "a_revoir": "À revoir",
    "repondu": "Répondu",
    "ne_pas_repondre": "Ne pas répondre",
    "avocat": "Transmis à l'avocat",
    "signale": "Signalé à Google",
}
# The audit action of a transmission to the lawyer: written here, read by the lawyer dossier.
SEND_TO_LAWYER = "send_to_lawyer"
# Statuses that take a review out of the queue until it changes again.
DONE_STATUSES = frozenset({"repondu", "ne_pas_repondre", "avocat", "signale"})
LAST_TRIAGE_KEY = "last_triage_at"
LEGAL_LABELS = ("defamation", "insult")
# A deadline this close keeps a review in the queue and in the list shown before the week ends.
URGENT_DAYS = 30


@dataclass(frozen=True, slots=True)
class QueueFilters:
    locations: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    stars: tuple[int, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    only_new: bool = True


@dataclass(slots=True)
class TriageItem:
    review_id: int
    location: str
    author: str
    is_anonymous: bool
    rating: int | None
    created_at: datetime | None
    updated_at: datetime | None
    edited: bool
    text: str
    text_translated: str | None
    owner_reply: str | None
    review_url: str | None
    flag_url: str | None
    status: str
    label: str | None
    confidence: float
    passages: list[dict[str, Any]] = field(default_factory=list)
    deadline: date | None = None
    days_left: int | None = None
    deadline_note: str = ""
    profile: str = "fr-dentiste"


def last_triage_at(session: Session) -> datetime | None:
    setting = session.get(Setting, LAST_TRIAGE_KEY)
    if setting is None or not setting.value:
        return None
    return as_utc(datetime.fromisoformat(setting.value))


@dataclass(frozen=True, slots=True)
class QueuePage:
    total: int
    review_ids: list[int]


def _filtered(session: Session, filters: QueueFilters, columns: list[Any]):  # type: ignore[no-untyped-def]
    query = select(*columns).select_from(Review)
    if filters.locations:
        query = query.where(col(Review.location_id).in_(filters.locations))
    if filters.statuses:
        query = query.where(col(Review.status).in_(filters.statuses))
    if filters.stars:
        query = query.where(col(Review.rating).in_(filters.stars))
    if filters.labels:
        query = query.where(col(Review.label).in_(filters.labels))
    if filters.since:
        query = query.where(col(Review.created_at) >= filters.since)
    if filters.until:
        query = query.where(col(Review.created_at) <= filters.until)
    if filters.only_new:
        stamp = last_triage_at(session)
        changed = func.coalesce(col(Review.changed_at), col(Review.first_seen_at))
        if stamp is not None:
            query = query.where(
                (changed > stamp) | (col(Review.status) == "a_revoir") | _kept_after_triage()
            )
        if not filters.statuses:
            query = query.where(col(Review.status).not_in(DONE_STATUSES))
    return query


def queue_page(
    session: Session, filters: QueueFilters, *, jurisdiction: str = "FR", offset: int = 0,
    limit: int = 10,
) -> QueuePage:
    """One page of the queue, most urgent first, and the queue's length.

    Urgency: defamation by nearest legal deadline, then insult by deadline, then criticism,
    praise and unclassified reviews, newest first. Deadlines are computed in Python, so only
    for the few legal candidates; the long tail is ordered and paginated by the database.
    """
    total = session.execute(
        _filtered(session, filters, [func.count(col(Review.id))])
    ).scalar_one()
    legal = _filtered(session, filters, [Review]).where(col(Review.label).in_(LEGAL_LABELS))
    # a group can hold French and Québec listings: each follows its own jurisdiction
    profiles = _location_profiles(session)
    default = _profile_for(jurisdiction)
    candidates = []
    for review in session.execute(legal).scalars().all():
        # open deadlines nearest first, then unknown ones, then those already past
        urgency = review_deadline(review, profiles.get(review.location_id) or default).sort_key()
        created = review.created_at
        candidates.append((LABEL_RANK[review.label], urgency, -(created.timestamp() if created else 0), review.id))
    candidates.sort()
    ids = [c[-1] for c in candidates[offset: offset + limit]]
    if len(ids) < limit:
        rest_offset = max(0, offset - len(candidates))
        rank = case((col(Review.label) == "criticism", 2), (col(Review.label) == "praise", 3), else_=4)
        rest = (
            _filtered(session, filters, [Review.id])
            .where(or_(col(Review.label).is_(None), col(Review.label).not_in(LEGAL_LABELS)))
            .order_by(rank, col(Review.created_at).desc().nulls_last(), col(Review.id).desc())
            .offset(rest_offset)
            .limit(limit - len(ids))
        )
        ids.extend(session.execute(rest).scalars().all())
    return QueuePage(total=int(total), review_ids=[int(i) for i in ids])


def _location_profiles(session: Session) -> dict[int, str]:
    return {
        int(loc_id): profile
        for loc_id, profile in session.execute(select(col(Location.id), col(Location.profile))).all()
        if profile
    }


def _profile_for(jurisdiction: str) -> str:
    """The practice-wide default as a profile name (deadlines depend on the jurisdiction only)."""
    return "qc-medecin" if jurisdiction == "QC" else "fr-dentiste"


def _kept_after_triage() -> Any:
    """What ending the week never takes out of the queue while nobody has acted on it: legal
    candidates (their deadline runs, often within 30 days) and reviews the classifier flagged
    « à vérifier » (`needs_check`). The flag is a column added by the classifier's own
    migration; the condition applies once that column exists."""
    kept = col(Review.label).in_(LEGAL_LABELS)
    check = getattr(Review, "needs_check", None)
    if check is not None:
        kept = kept | (check == True)  # noqa: E712  (SQL expression)
    return kept & col(Review.status).not_in(DONE_STATUSES)


def load_items(session: Session, review_ids: list[int], profile: str = "fr-dentiste") -> list[TriageItem]:
    """Full details for one page of the queue, in the order given."""
    if not review_ids:
        return []
    query = (
        select(Review, ReviewRevision, col(Location.name), col(Location.profile))
        .join(Location, col(Location.id) == col(Review.location_id))
        .outerjoin(ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id))
        .where(col(Review.id).in_(review_ids))
    )
    classifications = current_classifications(session, review_ids)
    by_id: dict[int, TriageItem] = {}
    for review, revision, location_name, location_profile in session.execute(query).all():
        classification = classifications.get(review.id)
        item_profile = location_profile or profile
        created = review.created_at
        updated = review.updated_at
        deadline = review_deadline(review, item_profile)
        edited = deadline.edited
        by_id[review.id] = TriageItem(
            review_id=review.id,
            location=location_name,
            author=review.author_display_name or ("Anonyme" if review.is_anonymous else "—"),
            is_anonymous=review.is_anonymous,
            rating=review.rating,
            created_at=created,
            updated_at=updated,
            edited=edited,
            text=(revision.text_original if revision else None) or "",
            text_translated=revision.text_translated if revision else None,
            owner_reply=revision.owner_reply_text if revision else None,
            review_url=review.review_url,
            flag_url=review.flag_url,
            status=review.status,
            label=classification.label if classification else review.label,
            confidence=classification.confidence if classification else 0.0,
            passages=list(classification.passages) if classification else [],
            profile=item_profile,
        )
        if by_id[review.id].label in LEGAL_LABELS:
            by_id[review.id].deadline = deadline.next_due
            by_id[review.id].days_left = deadline.next_days_left
            by_id[review.id].deadline_note = deadline.note
    return [by_id[i] for i in review_ids if i in by_id]


def record_event(
    session: Session, *, user: str, action: str, review_id: int | None = None,
    text: str | None = None, detail: dict[str, Any] | None = None,
) -> AuditEvent:
    event = AuditEvent(at=utcnow(), user=user or "", action=action, review_id=review_id,
                       text=text, detail=detail or {})
    session.add(event)
    return event


def record_copy(session: Session, *, review_id: int, user: str, text: str, guard: dict[str, Any],
                template_id: str | None = None) -> AuditEvent:
    """The only way a reply leaves the dashboard: refused unless the guard allowed this exact text."""
    if not guard.get("allowed"):
        raise PermissionError("Cette réponse n'a pas passé le contrôle : elle ne peut pas être copiée.")
    return record_event(session, user=user, action="reply_copied", review_id=review_id, text=text,
                        detail={"guard": guard, "template_id": template_id})


def set_status(session: Session, review_id: int, status: str, *, user: str,
               detail: dict[str, Any] | None = None) -> None:
    if status not in STATUSES:
        raise ValueError(f"Statut inconnu : {status}")
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    previous = review.status
    review.status = status
    if status == "avocat":
        review.for_lawyer = True
    session.add(review)
    record_event(session, user=user, action="status", review_id=review_id,
                 detail={"from": previous, "to": status, **(detail or {})})


def send_to_lawyer(session: Session, review_id: int, *, user: str, target: str | None = None) -> AuditEvent:
    """« Transmettre à l'avocat »: the status, and a `send_to_lawyer` event saying who and when
    (the dossier lists it among the actions and reads the target of the words from it)."""
    set_status(session, review_id, "avocat", user=user)
    detail: dict[str, Any] = {"at": utcnow().isoformat()}
    if target:
        detail["target"] = target
    return record_event(session, user=user, action=SEND_TO_LAWYER, review_id=review_id, detail=detail)


def record_google_report(session: Session, review_id: int, *, user: str, reference: str = "",
                         outcome: str = "") -> None:
    set_status(session, review_id, "signale", user=user)
    record_event(session, user=user, action="google_report", review_id=review_id,
                 detail={"date": utcnow().isoformat(), "reference": reference, "outcome": outcome})


@dataclass(frozen=True, slots=True)
class Leftover:
    """A review still in the queue when the week is ended, and whether it stays there."""

    review_id: int
    location: str
    label: str | None
    status: str
    due: date | None
    days_left: int | None
    stays: bool
    reason: str

    def to_row(self) -> dict[str, Any]:
        return {
            "Avis": self.review_id,
            "Établissement": self.location,
            "Catégorie": LABELS_FR.get(self.label or "", "Non classé"),
            "Statut": STATUSES.get(self.status, self.status),
            "Délai pour agir": self.due.strftime("%d/%m/%Y") if self.due else "",
            "Jours restants": self.days_left,
            "Après le triage": "reste dans la file" if self.stays else "sort de la file",
            "Pourquoi": self.reason,
        }


def leftovers_frame(leftovers: list[Leftover]) -> pd.DataFrame:
    """The list shown before the week ends, one row per review left."""
    return pd.DataFrame([o.to_row() for o in leftovers], columns=LEFTOVER_COLUMNS)


LEFTOVER_COLUMNS = ["Avis", "Établissement", "Catégorie", "Statut", "Délai pour agir", "Jours restants",
                    "Après le triage", "Pourquoi"]


def triage_leftovers(session: Session, *, profile: str = "fr-dentiste") -> list[Leftover]:
    """Everything the week's queue still holds, untouched: what « Terminer le triage » would
    leave behind. Legal candidates (deadline running), reviews flagged « à vérifier » and those
    put « à revoir » stay in the queue; the others leave it and are listed so that someone
    confirms it. Staying ones come first, nearest deadline first."""
    query = _filtered(session, QueueFilters(), [Review, col(Location.name), col(Location.key), col(Location.profile)])
    query = query.join(Location, col(Location.id) == col(Review.location_id))
    out = []
    for review, name, key, location_profile in session.execute(query).all():
        deadline = review_deadline(review, location_profile or profile)
        legal = review.label in LEGAL_LABELS
        flagged = bool(getattr(review, "needs_check", False))
        left = deadline.next_days_left if legal else None
        reasons = []
        if legal and left is not None and left <= URGENT_DAYS:
            reasons.append("délai expiré" if left < 0 else f"délai dans {left} jour(s)")
        if legal:
            reasons.append(LABELS_FR[review.label])
        if flagged:
            reasons.append("à vérifier")
        if review.status == "a_revoir":
            reasons.append("marqué « à revoir »")
        stays = bool(reasons)
        out.append(Leftover(
            review_id=int(review.id), location=name or key, label=review.label, status=review.status,
            due=deadline.next_due if legal else None, days_left=left, stays=stays,
            reason=", ".join(reasons) if reasons else "aucune action en attente",
        ))
    # open deadlines nearest first, then unknown ones, then those already past (as the queue)
    out.sort(key=lambda o: (
        not o.stays,
        0 if o.days_left is not None and o.days_left >= 0 else 1 if o.days_left is None else 2,
        o.days_left if o.days_left is not None else 0,
        o.review_id,
    ))
    return out


def finish_triage(
    session: Session, *, user: str, at: datetime | None = None, profile: str = "fr-dentiste"
) -> datetime:
    """Stamps the week: the next queue starts from reviews new or changed after this moment,
    plus whatever `triage_leftovers` keeps. The journal lists which reviews stayed and which
    left the queue, so nothing leaves it unseen."""
    leftovers = triage_leftovers(session, profile=profile)
    at = at or utcnow()
    setting = session.get(Setting, LAST_TRIAGE_KEY) or Setting(key=LAST_TRIAGE_KEY)
    setting.value = at.isoformat()
    setting.updated_at = at
    session.add(setting)
    record_event(session, user=user, action="triage_finished", detail={
        "at": at.isoformat(),
        "kept": [o.review_id for o in leftovers if o.stays],
        "left": [o.review_id for o in leftovers if not o.stays],
    })
    return at


def period_bounds(period: Any) -> tuple[datetime | None, datetime | None]:
    """Turns a date_input value (nothing, one date or a pair) into aware UTC bounds."""
    from datetime import UTC, time

    dates = list(period) if isinstance(period, list | tuple) else [period] if period else []
    if not dates:
        return None, None
    since = datetime.combine(dates[0], time.min, tzinfo=UTC)
    until = datetime.combine(dates[-1], time.max, tzinfo=UTC) if len(dates) > 1 else None
    return since, until


def dates_line(item: TriageItem) -> str:
    parts = []
    if item.created_at:
        parts.append(f"publié le {item.created_at:%d/%m/%Y}")
    if item.edited and item.updated_at:
        parts.append(f"modifié le {item.updated_at:%d/%m/%Y}")
    elif item.edited:
        parts.append("modifié")
    return " · ".join(parts)


def deadline_line(item: TriageItem) -> str:
    if item.deadline is None:
        return ""
    left = item.days_left
    when = "délai dépassé" if left is not None and left < 0 else f"{left} jour(s) restant(s)"
    return f"Délai pour agir : {item.deadline:%d/%m/%Y} ({when}). {item.deadline_note}"


def set_knowledge_date(session: Session, review_id: int, day: date, *, user: str, reason: str = "") -> None:
    """Québec's one-year clock starts when the practitioner learned of the review. Until this is
    set it counts from publication (the conservative reading); staff set the real date later."""
    set_knowledge_dates(session, [review_id], day, user=user, reason=reason)


def set_knowledge_dates(
    session: Session, review_ids: list[int], day: date, *, user: str, reason: str
) -> int:
    """The same date of knowledge for several reviews (a week's batch read together), with the
    reason, one journal event per review. Refused before the review was published."""
    from datetime import UTC, time

    if not review_ids:
        return 0
    reviews = []
    for review_id in review_ids:
        review = session.get(Review, review_id)
        if review is None:
            raise LookupError(f"Avis {review_id} introuvable.")
        published = local_date(review.created_at, RULES["QC"].timezone) if review.created_at else None
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
        record_event(session, user=user, action="knowledge_date", review_id=review.id, detail={
            "from": previous.date().isoformat() if previous else None, "to": day.isoformat(),
            "reason": reason.strip(),
        })
    return len(reviews)


def set_location_profile(session: Session, location_id: int, profile: str | None, *, user: str) -> None:
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
    record_event(session, user=user, action="settings", detail={
        "section": "établissement", "location": location.key, "from": previous, "to": profile,
    })
