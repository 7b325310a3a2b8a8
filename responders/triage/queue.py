"""The weekly triage: which reviews to look at, in which order, and what staff did with them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import case, func, or_, select
from sqlmodel import Session, col

from responders.classify.store import current_classifications
from responders.deadlines import Deadline, compute_deadline, review_deadline
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
# Statuses that take a review out of the queue until it changes again.
DONE_STATUSES = frozenset({"repondu", "ne_pas_repondre", "avocat", "signale"})
LAST_TRIAGE_KEY = "last_triage_at"


@dataclass(frozen=True, slots=True)
class QueueFilters:
    locations: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    stars: tuple[int, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    only_new: bool = True
    search: str = ""  # words found in the review's text or its author's name
    without_text: bool | None = None  # True: rating-only reviews; False: with a comment


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
    if filters.search.strip() or filters.without_text is not None:
        query = query.outerjoin(ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id))
        body = func.coalesce(col(ReviewRevision.text_original), "")
        for word in filters.search.split():
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(or_(
                body.ilike(pattern, escape="\\"),
                func.coalesce(col(Review.author_display_name), "").ilike(pattern, escape="\\"),
            ))
        if filters.without_text is True:
            query = query.where(func.trim(body) == "")
        elif filters.without_text is False:
            query = query.where(func.trim(body) != "")
    if filters.only_new:
        stamp = last_triage_at(session)
        changed = func.coalesce(col(Review.changed_at), col(Review.first_seen_at))
        if stamp is not None:
            query = query.where((changed > stamp) | (col(Review.status) == "a_revoir"))
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
    legal = _filtered(session, filters, [
        col(Review.id), col(Review.label), col(Review.created_at), col(Review.knowledge_date),
        col(Review.first_seen_at), col(Review.location_id),
    ]).where(col(Review.label).in_(("defamation", "insult")))
    # a group can hold French and Québec listings: each follows its own jurisdiction
    jurisdictions = {
        loc_id: get_profile(profile).jurisdiction
        for loc_id, profile in session.execute(select(col(Location.id), col(Location.profile))).all()
        if profile
    }
    candidates = []
    for review_id, label, created, knowledge, first_seen, location_id in session.execute(legal).all():
        jurisdiction_here = jurisdictions.get(location_id, jurisdiction)
        # open deadlines nearest first, then unknown ones, then those already past
        urgency = legal_deadline(jurisdiction_here, created, knowledge, first_seen).sort_key()
        candidates.append((LABEL_RANK[label], urgency, -(created.timestamp() if created else 0), review_id))
    candidates.sort()
    ids = [c[-1] for c in candidates[offset: offset + limit]]
    if len(ids) < limit:
        rest_offset = max(0, offset - len(candidates))
        rank = case((col(Review.label) == "criticism", 2), (col(Review.label) == "praise", 3), else_=4)
        rest = (
            _filtered(session, filters, [Review.id])
            .where(or_(col(Review.label).is_(None), col(Review.label).not_in(("defamation", "insult"))))
            .order_by(rank, col(Review.created_at).desc().nulls_last(), col(Review.id).desc())
            .offset(rest_offset)
            .limit(limit - len(ids))
        )
        ids.extend(session.execute(rest).scalars().all())
    return QueuePage(total=int(total), review_ids=[int(i) for i in ids])


def queue_ids(session: Session, filters: QueueFilters) -> list[int]:
    """Every review the filters select (for bulk actions), in id order."""
    query = _filtered(session, filters, [col(Review.id)]).order_by(col(Review.id))
    return [int(i) for i in session.execute(query).scalars().all()]


def legal_deadline(jurisdiction: str, created_at: Any, knowledge_date: Any, first_seen_at: Any) -> Deadline:
    return compute_deadline(
        jurisdiction, created_at=_py(created_at), knowledge_date=_py(knowledge_date),
        first_seen_at=_py(first_seen_at),
    )


def _py(value: Any) -> datetime | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return as_utc(value)


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
        edited = bool(
            (updated and created and updated > created and (updated - created).total_seconds() > 60)
            or review.revision_count > 1
        )
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
        if by_id[review.id].label in ("defamation", "insult"):
            deadline = review_deadline(review, item_profile)
            by_id[review.id].deadline = deadline.next_due
            by_id[review.id].days_left = (
                deadline.alternative_days_left
                if deadline.next_due == deadline.alternative_due else deadline.days_left
            )
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
    extra = {"for_lawyer_before": review.for_lawyer} if status == "avocat" else {}
    review.status = status
    if status == "avocat":
        review.for_lawyer = True
    session.add(review)
    record_event(session, user=user, action="status", review_id=review_id,
                 detail={"from": previous, "to": status, **extra, **(detail or {})})


def record_google_report(session: Session, review_id: int, *, user: str, reference: str = "",
                         outcome: str = "") -> None:
    set_status(session, review_id, "signale", user=user)
    record_event(session, user=user, action="google_report", review_id=review_id,
                 detail={"date": utcnow().isoformat(), "reference": reference, "outcome": outcome})


def finish_triage(session: Session, *, user: str, at: datetime | None = None) -> datetime:
    """Stamps the week: the next queue starts from reviews new or changed after this moment."""
    at = at or utcnow()
    setting = session.get(Setting, LAST_TRIAGE_KEY) or Setting(key=LAST_TRIAGE_KEY)
    setting.value = at.isoformat()
    setting.updated_at = at
    session.add(setting)
    record_event(session, user=user, action="triage_finished", detail={"at": at.isoformat()})
    return at


def period_bounds(period: Any, profile: str | None = None) -> tuple[datetime | None, datetime | None]:
    """Turns a date_input value (nothing, one date or a pair) into aware UTC bounds; the days
    are the practice's own days when `profile` is given (midnight in Paris or Montréal)."""
    from datetime import UTC, time
    from zoneinfo import ZoneInfo

    from responders.deadlines import RULES

    zone = ZoneInfo(RULES[get_profile(profile).jurisdiction].timezone) if profile else UTC
    dates = list(period) if isinstance(period, list | tuple) else [period] if period else []
    if not dates:
        return None, None
    since = datetime.combine(dates[0], time.min, tzinfo=zone).astimezone(UTC)
    until = datetime.combine(dates[-1], time.max, tzinfo=zone).astimezone(UTC) if len(dates) > 1 else None
    return since, until


def practice_time(moment: datetime, profile: str) -> datetime:
    """`moment` in the practice's own time zone (Europe/Paris or America/Montreal)."""
    from zoneinfo import ZoneInfo

    from responders.deadlines import RULES

    aware = as_utc(moment)
    assert aware is not None
    return aware.astimezone(ZoneInfo(RULES[get_profile(profile).jurisdiction].timezone))


def zone_name(profile: str) -> str:
    return "heure du Québec" if get_profile(profile).jurisdiction == "QC" else "heure de Paris"


def dates_line(item: TriageItem) -> str:
    parts = []
    if item.created_at:
        parts.append(f"publié le {practice_time(item.created_at, item.profile):%d/%m/%Y}")
    if item.edited and item.updated_at:
        parts.append(f"modifié le {practice_time(item.updated_at, item.profile):%d/%m/%Y}")
    elif item.edited:
        parts.append("modifié")
    return " · ".join(parts)


def deadline_line(item: TriageItem) -> str:
    if item.deadline is None:
        return ""
    left = item.days_left
    when = "délai dépassé" if left is not None and left < 0 else f"{left} jour(s) restant(s)"
    return f"Délai pour agir : {item.deadline:%d/%m/%Y} ({when}). {item.deadline_note}"


def set_knowledge_date(session: Session, review_id: int, day: date, *, user: str) -> None:
    """Québec's one-year clock starts when the practitioner learned of the review: staff can
    correct the default (the first import) when they knew earlier."""
    from datetime import UTC, time

    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    previous = review.knowledge_date
    review.knowledge_date = datetime.combine(day, time(12, 0), tzinfo=UTC)
    session.add(review)
    record_event(session, user=user, action="knowledge_date", review_id=review_id, detail={
        "from": previous.date().isoformat() if previous else None, "to": day.isoformat(),
    })


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
