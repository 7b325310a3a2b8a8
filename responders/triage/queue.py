"""The weekly triage: which reviews to look at, in which order, and what staff did with them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlmodel import Session, col

from responders.classify.store import current_classifications
from responders.deadlines import review_deadline
from responders.profiles import get_profile
from responders.store.models import Location, Review, ReviewRevision
from responders.store.settings import get_setting
from responders.timeutil import as_utc
from responders.vocabulary import DONE_STATUSES, LABEL_FR, LEGAL_LABELS, STATUS_FR, Label, Status

LABEL_RANK: dict[str | None, int] = {
    Label.DEFAMATION: 0,
    Label.INSULT: 1,
    Label.CRITICISM: 2,
    Label.PRAISE: 3,
    None: 4,
}
# A review the classifier could not clear (« à vérifier ») is sorted with the legal cases,
# after the defamations and insults, by the same deadline.
CHECK_RANK = 1.5
LAST_TRIAGE_KEY = "last_triage_at"
# a legal candidate whose deadline falls within this many days is called urgent
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
    check: bool = False
    check_reason: str | None = None
    deadline: date | None = None
    days_left: int | None = None
    deadline_note: str = ""
    profile: str = "fr-dentiste"
    # where a removal request filed with Google stands, and what comes next ("" when none)
    removal: str = ""
    # the burst of low ratings this review belongs to (possible campaign), "" when none
    burst: str = ""
    # the grouped report to Google this review belongs to (every review of its burst or of its
    # extortion case, and the blackmail message): a title and the text to paste, "" when none
    bundle_title: str = ""
    bundle: str = ""


def last_triage_at(session: Session) -> datetime | None:
    value = get_setting(session, LAST_TRIAGE_KEY)
    if not value:
        return None
    return as_utc(datetime.fromisoformat(value))


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
        query = query.outerjoin(
            ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id)
        )
        body = func.coalesce(col(ReviewRevision.text_original), "")
        for word in filters.search.split():
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(
                or_(
                    body.ilike(pattern, escape="\\"),
                    func.coalesce(col(Review.author_display_name), "").ilike(pattern, escape="\\"),
                )
            )
        if filters.without_text is True:
            query = query.where(func.trim(body) == "")
        elif filters.without_text is False:
            query = query.where(func.trim(body) != "")
    if filters.only_new:
        stamp = last_triage_at(session)
        changed = func.coalesce(col(Review.changed_at), col(Review.first_seen_at))
        if stamp is not None:
            query = query.where(
                (changed > stamp) | (col(Review.status) == Status.TO_REVIEW) | _kept_after_triage()
            )
        if not filters.statuses:
            query = query.where(col(Review.status).not_in(DONE_STATUSES))
    return query


def queue_page(
    session: Session,
    filters: QueueFilters,
    *,
    jurisdiction: str = "FR",
    offset: int = 0,
    limit: int = 10,
) -> QueuePage:
    """One page of the queue, most urgent first, and the queue's length.

    Urgency: defamation by nearest legal deadline, then insult by deadline, then the reviews
    the classifier could not clear (« à vérifier ») by deadline, then criticism, praise and
    unclassified reviews, newest first. Deadlines are computed in Python, so only
    for the few legal candidates; the long tail is ordered and paginated by the database.
    """
    total = session.execute(_filtered(session, filters, [func.count(col(Review.id))])).scalar_one()
    legal = _filtered(session, filters, [Review]).where(
        or_(col(Review.label).in_(LEGAL_LABELS), col(Review.needs_check))
    )
    # a group can hold French and Québec listings: each follows its own jurisdiction
    profiles = _location_profiles(session)
    default = _profile_for(jurisdiction)
    candidates = []
    for review in session.execute(legal).scalars().all():
        # open deadlines nearest first, then unknown ones, then those already past
        urgency = review_deadline(review, profiles.get(review.location_id) or default).sort_key()
        created = review.created_at
        rank = (
            LABEL_RANK[review.label]
            if review.label in LEGAL_LABELS or not review.needs_check
            else CHECK_RANK
        )
        candidates.append((rank, urgency, -(created.timestamp() if created else 0), review.id))
    candidates.sort()
    ids = [c[-1] for c in candidates[offset : offset + limit]]
    if len(ids) < limit:
        rest_offset = max(0, offset - len(candidates))
        order = case(
            (col(Review.label) == Label.CRITICISM, 2),
            (col(Review.label) == Label.PRAISE, 3),
            else_=4,
        )
        rest = (
            _filtered(session, filters, [Review.id])
            .where(or_(col(Review.label).is_(None), col(Review.label).not_in(LEGAL_LABELS)))
            .where(~col(Review.needs_check))
            .order_by(order, col(Review.created_at).desc().nulls_last(), col(Review.id).desc())
            .offset(rest_offset)
            .limit(limit - len(ids))
        )
        ids.extend(session.execute(rest).scalars().all())
    return QueuePage(total=int(total), review_ids=[int(i) for i in ids])


def _location_profiles(session: Session) -> dict[int, str]:
    return {
        int(loc_id): profile
        for loc_id, profile in session.execute(
            select(col(Location.id), col(Location.profile))
        ).all()
        if profile
    }


def queue_ids(session: Session, filters: QueueFilters) -> list[int]:
    """Every review the filters select (for bulk actions), in id order."""
    query = _filtered(session, filters, [col(Review.id)]).order_by(col(Review.id))
    return [int(i) for i in session.execute(query).scalars().all()]


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


def load_items(
    session: Session, review_ids: list[int], profile: str = "fr-dentiste"
) -> list[TriageItem]:
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
            check=bool(classification.needs_check) if classification else bool(review.needs_check),
            check_reason=classification.check_reason if classification else None,
            profile=item_profile,
        )
        if by_id[review.id].label in LEGAL_LABELS or by_id[review.id].check:
            deadline = review_deadline(review, item_profile)
            by_id[review.id].deadline = deadline.next_due
            by_id[review.id].days_left = deadline.next_days_left
            by_id[review.id].deadline_note = deadline.note
    from responders.bursts import stored_bursts
    from responders.removal import ROUTES, bundles_by_review, next_step, requests_for

    bursts = stored_bursts(session)
    for burst in bursts:
        for review_id in burst.review_ids:
            if review_id in by_id:
                by_id[review_id].burst = "Rafale d'avis négatifs : " + burst.reason
    for review_id, bundle in bundles_by_review(session, bursts).items():
        if review_id in by_id:
            by_id[review_id].bundle_title = (
                f"Signalement groupé proposé : {bundle.route_fr}"
                + (f" · catégorie « {bundle.category_fr} »" if bundle.category_fr else "")
                + f" · {len(bundle.reviews)} avis"
            )
            by_id[review_id].bundle = bundle.text

    for request in requests_for(session, list(by_id)):  # the newest request of each review wins
        step = next_step(request)
        due = f" Dernier jour : {step.due:%d/%m/%Y}." if step.due else ""
        by_id[request.review_id].removal = f"Retrait — {ROUTES[request.route]} : {step.label}{due}"
    return [by_id[i] for i in review_ids if i in by_id]


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
            "Catégorie": LABEL_FR.get(self.label or "", "Non classé"),
            "Statut": STATUS_FR.get(self.status, self.status),
            "Délai pour agir": self.due.strftime("%d/%m/%Y") if self.due else "",
            "Jours restants": self.days_left,
            "Après le triage": "reste dans la file" if self.stays else "sort de la file",
            "Pourquoi": self.reason,
        }


def triage_leftovers(session: Session, *, profile: str = "fr-dentiste") -> list[Leftover]:
    """Everything the week's queue still holds, untouched: what « Terminer le triage » would
    leave behind. Legal candidates (deadline running), reviews flagged « à vérifier » and those
    put « à revoir » stay in the queue; the others leave it and are listed so that someone
    confirms it. Staying ones come first, nearest deadline first."""
    query = _filtered(
        session,
        QueueFilters(),
        [Review, col(Location.name), col(Location.key), col(Location.profile)],
    )
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
            reasons.append(LABEL_FR[review.label])
        if flagged:
            reasons.append("à vérifier")
        if review.status == Status.TO_REVIEW:
            reasons.append("marqué « à revoir »")
        stays = bool(reasons)
        out.append(
            Leftover(
                review_id=int(review.id),
                location=name or key,
                label=review.label,
                status=review.status,
                due=deadline.next_due if legal else None,
                days_left=left,
                stays=stays,
                reason=", ".join(reasons) if reasons else "aucune action en attente",
            )
        )
    # open deadlines nearest first, then unknown ones, then those already past (as the queue)
    out.sort(
        key=lambda o: (
            not o.stays,
            0 if o.days_left is not None and o.days_left >= 0 else 1 if o.days_left is None else 2,
            o.days_left if o.days_left is not None else 0,
            o.review_id,
        )
    )
    return out


def period_bounds(
    first: date | None, last: date | None, profile: str | None = None
) -> tuple[datetime | None, datetime | None]:
    """The first and last day of a period (either may be open) as aware UTC bounds; the days
    are the practice's own days when `profile` is given (midnight in Paris or Montréal)."""
    from datetime import UTC, time
    from zoneinfo import ZoneInfo

    from responders.deadlines import RULES

    zone = ZoneInfo(RULES[get_profile(profile).jurisdiction].timezone) if profile else UTC
    since = datetime.combine(first, time.min, tzinfo=zone).astimezone(UTC) if first else None
    until = datetime.combine(last, time.max, tzinfo=zone).astimezone(UTC) if last else None
    return since, until


def practice_time(moment: datetime, profile: str) -> datetime:
    """`moment` in the practice's own time zone (Europe/Paris or America/Montreal)."""
    from zoneinfo import ZoneInfo

    from responders.deadlines import RULES

    aware = as_utc(moment)
    assert aware is not None
    try:
        return aware.astimezone(ZoneInfo(RULES[get_profile(profile).jurisdiction].timezone))
    except OverflowError:  # a date at the edge of the calendar (year 9999) stays in UTC
        return aware


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


def check_line(item: TriageItem) -> str:
    """« À vérifier : … » when the classifier could not clear the review; else ""."""
    if not item.check:
        return ""
    reason = (
        item.check_reason or "le moteur n'a pas pu écarter une imputation ou une injure"
    ).strip()
    return f"À vérifier : {reason[0].lower() + reason[1:] if reason else reason}"


def deadline_line(item: TriageItem) -> str:
    if item.deadline is None:
        return ""
    left = item.days_left
    when = "délai dépassé" if left is not None and left < 0 else f"{left} jour(s) restant(s)"
    return f"Délai pour agir : {item.deadline:%d/%m/%Y} ({when}). {item.deadline_note}"
