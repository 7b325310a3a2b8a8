"""The lawyer dossier: every defamation or insult candidate, most urgent deadline first.

The dossier is built from the review as published, the captures the product made of it
(and the files staff attached), the classifier's passages and the practice's own actions.
Nothing else is read: of the raw source records only the reviewer's Google profile link, no
free-form note, nothing from a patient file.

Two scopes: `candidates` (every defamation or insult, and whatever staff marked for the
lawyer) and `transmitted` (only what was actually transmitted to the lawyer: the « avocat »
status, the for_lawyer flag or a `send_to_lawyer` audit event). Only what is strictly
necessary may be disclosed, so the page's main download is the transmitted one.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, or_, select

from responders.classify.store import current_classifications
from responders.deadlines import Deadline, review_deadline, today_in
from responders.export.digest import DIGEST_METHOD, iso, revision_record, revision_sha256
from responders.export.law import (
    ACTION_DETAIL_KEYS,
    ACTION_LABELS,
    DETAIL_LABELS,
    JURISDICTIONS_FR,
    LABELS_FR,
    LAWS,
    NOT_LEGAL_ADVICE,
    QUALIFICATION_NOTES,
    QUALIFICATIONS_FR,
    SECRECY_REMINDER,
    SEND_TO_LAWYER,
    VALIDATION,
    articles_for,
    guess_target,
)
from responders.export.notice import google_notice
from responders.export.profile_link import profile_link
from responders.profiles import Profile, get_profile
from responders.store.captures import CaptureInfo, captures_of
from responders.store.models import AuditEvent, Classification, Location, Review, ReviewRevision
from responders.store.settings import PracticeSettings, Signatory, load_signatories
from responders.timeutil import as_utc, utcnow
from responders.vocabulary import LEGAL_LABELS, STATUS_FR, AuditAction

DOSSIER_KIND = "responders.lawyer_dossier"
DOSSIER_VERSION = 2
LAWYER_LABELS = LEGAL_LABELS
Scope = Literal["candidates", "transmitted"]
SCOPES: tuple[Scope, ...] = ("candidates", "transmitted")
SCOPES_FR = {
    "candidates": "tous les avis candidats (diffamation, injure, ou marqués pour l'avocat)",
    "transmitted": "avis transmis à l'avocat",
}
TRANSMITTED_STATUS = "avocat"
# detail keys of a status change whose values are status codes
_STATUS_KEYS = ("from", "to", "old", "new", "status")


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _french_date(value: str) -> str:
    """« 2026-09-12 » or an ISO instant as « 12/09/2026 » (UTC); any other text unchanged."""
    if not _ISO_DAY.match(value):
        return value
    try:
        if len(value) == 10:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        moment = as_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return value
    return moment.strftime("%d/%m/%Y %H:%M UTC") if moment else value


def status_fr(code: str | None) -> str:
    """The French name of a triage status (never the raw code)."""
    if not code:
        return "—"
    return STATUS_FR.get(code, code.replace("_", " "))


@dataclass(frozen=True, slots=True)
class PassageEvidence:
    number: int
    start: int
    end: int
    text: str
    # which current text the offsets point into: "original", "translated", or None (to check)
    located_in: str | None
    qualification: str
    qualification_fr: str
    articles: tuple[str, ...]
    rule: str
    explanation: str
    validation: str = VALIDATION

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "located_in": self.located_in,
            "qualification": self.qualification,
            "qualification_fr": self.qualification_fr,
            "articles": list(self.articles),
            "rule": self.rule,
            "explanation": self.explanation,
            "validation": self.validation,
        }


@dataclass(frozen=True, slots=True)
class RevisionEvidence:
    record: dict[str, Any]  # the digested fields, see digest.DIGEST_FIELDS
    import_digest: str
    sha256: str

    @property
    def number(self) -> int:
        return int(self.record["number"])

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.record.items() if k != "google_id"}
        out["import_digest"] = self.import_digest
        out["sha256"] = self.sha256
        return out


@dataclass(frozen=True, slots=True)
class ActionEvidence:
    at: datetime | None
    user: str
    action: str
    label: str
    text: str | None
    detail: dict[str, Any]

    def detail_fr(self) -> dict[str, str]:
        """The detail as a person reads it: French keys, French status names."""
        out = {}
        for key, value in self.detail.items():
            if value in (None, ""):
                continue
            if self.action == "status" and key in _STATUS_KEYS:
                value = status_fr(str(value))
            out[DETAIL_LABELS.get(key, key)] = _french_date(str(value))
        return out

    @property
    def by(self) -> str:
        return self.user or "utilisateur non renseigné"

    def summary(self) -> str:
        parts = [f"{self.label} (par {self.by})"]
        parts += [f"{k} : {v}" for k, v in self.detail_fr().items()]
        if self.text:
            parts.append(f"« {self.text} »")
        when = self.at.strftime("%d/%m/%Y") if self.at else "date inconnue"
        return f"{when} — " + ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": iso(self.at),
            "user": self.user,
            "action": self.action,
            "label": self.label,
            "text": self.text,
            "detail": self.detail,
            "summary": self.summary(),
        }


@dataclass(frozen=True, slots=True)
class CaptureEvidence:
    """A file staff attached to the review, with the SHA-256 of its exact bytes."""

    number: int
    capture_id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime | None
    added_by: str

    @classmethod
    def of(cls, number: int, info: CaptureInfo) -> CaptureEvidence:
        return cls(
            number,
            info.id,
            info.filename,
            info.media_type,
            info.size,
            info.sha256,
            info.added_at,
            info.added_by,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "capture_id": self.capture_id,
            "filename": self.filename,
            "media_type": self.media_type,
            "size": self.size,
            "sha256": self.sha256,
            "added_at": iso(self.added_at),
            "added_by": self.added_by,
        }


@dataclass(slots=True)
class DossierEntry:
    rank: int
    review_id: int
    google_id: str | None
    location_key: str
    location_name: str
    review_url: str | None
    flag_url: str | None
    author_display_name: str | None
    is_anonymous: bool
    rating: int | None
    created_at: datetime | None
    updated_at: datetime | None
    first_seen_at: datetime | None
    last_seen_at: datetime | None
    status: str
    for_lawyer: bool
    label: str | None
    confidence: float | None
    classification: dict[str, Any] | None
    text_original: str | None
    text_translated: str | None
    language: str | None
    passages: list[PassageEvidence]
    target: str
    profile: Profile
    deadline: Deadline
    revisions: list[RevisionEvidence]
    actions: list[ActionEvidence]
    notice: str = ""
    reviewer_profile_url: str | None = None
    # the review belongs to a burst of low ratings (possible campaign): the detector's reason
    burst: str | None = None
    # the listing's own signatory; None when the practice-wide notifier signs
    signatory: Signatory | None = None
    transmitted: bool = False
    captures: list[CaptureEvidence] = field(default_factory=list)
    # who signs the notice, resolved with the dossier's settings
    notifier: Signatory = field(default_factory=Signatory)

    @property
    def status_fr(self) -> str:
        return status_fr(self.status)

    @property
    def jurisdiction_fr(self) -> str:
        return JURISDICTIONS_FR.get(self.profile.jurisdiction, self.profile.jurisdiction)

    @property
    def law(self) -> str:
        return LAWS.get(self.profile.jurisdiction, "")

    def signer(self, settings: PracticeSettings) -> Signatory:
        """Who signs this entry's notice: the listing's own signatory, else the practice's."""
        own = self.signatory or Signatory()
        return Signatory(
            name=own.name.strip() or settings.notifier_name.strip(),
            email=own.email.strip() or settings.notifier_email.strip(),
        )

    def acting_for(self, settings: PracticeSettings) -> str:
        if self.signatory and self.location_name:
            return self.location_name
        return settings.practice_name.strip()

    @property
    def label_fr(self) -> str:
        if self.label is None:
            return "non classé"
        return LABELS_FR.get(self.label, self.label)

    @property
    def author(self) -> str:
        if not self.author_display_name:
            return "auteur anonyme"
        return self.author_display_name + (" (anonyme)" if self.is_anonymous else "")

    @property
    def current_sha256(self) -> str | None:
        return self.revisions[-1].sha256 if self.revisions else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "review_id": self.review_id,
            "google_id": self.google_id,
            "location": {"key": self.location_key, "name": self.location_name},
            "review_url": self.review_url,
            "flag_url": self.flag_url,
            "reviewer": {
                "display_name": self.author_display_name,
                "is_anonymous": self.is_anonymous,
                "profile_url": self.reviewer_profile_url,
            },
            "rating": self.rating,
            "created_at": iso(self.created_at),
            "updated_at": iso(self.updated_at),
            "edited": self.deadline.edited,
            "first_seen_at": iso(self.first_seen_at),
            "last_seen_at": iso(self.last_seen_at),
            "status": self.status,
            "status_fr": self.status_fr,
            "for_lawyer": self.for_lawyer,
            "transmitted": self.transmitted,
            "burst": self.burst,
            "label": self.label,
            "label_fr": self.label_fr,
            "confidence": self.confidence,
            "classification": self.classification,
            "text_original": self.text_original,
            "text_translated": self.text_translated,
            "language": self.language,
            "passages": [p.to_dict() for p in self.passages],
            "target": {"value": self.target, "validation": VALIDATION},
            "profile": self.profile.name,
            "jurisdiction": self.profile.jurisdiction,
            "jurisdiction_fr": self.jurisdiction_fr,
            "law": self.law,
            # who signs this entry's notice; `listing` says whether the listing has its own
            "signatory": {
                "name": self.notifier.name,
                "email": self.notifier.email,
                "listing": bool(self.signatory),
            },
            "deadline": self.deadline.to_dict(),
            "revisions": [r.to_dict() for r in self.revisions],
            "captures": [c.to_dict() for c in self.captures],
            "actions": [a.to_dict() for a in self.actions],
            "google_notice": self.notice,
        }


@dataclass(slots=True)
class Dossier:
    generated_at: datetime
    today: date
    profile: Profile
    settings: PracticeSettings
    entries: list[DossierEntry] = field(default_factory=list)
    scope: Scope = "candidates"

    @property
    def scope_fr(self) -> str:
        return SCOPES_FR[self.scope]

    def establishments(self) -> list[dict[str, Any]]:
        """Every listing in the dossier, in order of first appearance, with its own profile,
        jurisdiction, law and signatory, and how many of its reviews are in the dossier."""
        out: dict[str, dict[str, Any]] = {}
        for entry in self.entries:
            item = out.get(entry.location_key)
            if item is None:
                signer = entry.notifier
                item = out[entry.location_key] = {
                    "key": entry.location_key,
                    "name": entry.location_name,
                    "profile": entry.profile.name,
                    "profile_label": entry.profile.label,
                    "jurisdiction": entry.profile.jurisdiction,
                    "jurisdiction_fr": entry.jurisdiction_fr,
                    "law": entry.law,
                    "signatory": {"name": signer.name, "email": signer.email},
                    "acting_for": entry.acting_for(self.settings),
                    "count": 0,
                }
            item["count"] += 1
        return list(out.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": DOSSIER_KIND,
            "version": DOSSIER_VERSION,
            "scope": self.scope,
            "scope_fr": self.scope_fr,
            "generated_at": iso(self.generated_at),
            "today": self.today.isoformat(),
            "profile": {
                "name": self.profile.name,
                "label": self.profile.label,
                "jurisdiction": self.profile.jurisdiction,
            },
            "practice": {
                "name": self.settings.practice_name,
                "notifier_name": self.settings.notifier_name,
                "notifier_email": self.settings.notifier_email,
            },
            "not_legal_advice": NOT_LEGAL_ADVICE,
            "qualification_note": QUALIFICATION_NOTES[self.profile.jurisdiction],
            "secrecy_reminder": SECRECY_REMINDER,
            "digest_method": DIGEST_METHOD,
            "capture_digest_method": CAPTURE_DIGEST_METHOD,
            "establishments": self.establishments(),
            "count": len(self.entries),
            "entries": [e.to_dict() for e in self.entries],
        }


CAPTURE_DIGEST_METHOD = (
    "SHA-256 des octets exacts du fichier joint (capture d'écran ou impression de l'avis), "
    "tel qu'il a été déposé dans le produit."
)


def _newest_classification_ids() -> Any:
    # rows are only appended, so the highest id of a review is its current classification
    return select(func.max(Classification.id)).group_by(col(Classification.review_id))


def entry_for(
    session: Session,
    review_id: int,
    *,
    profile: str | Profile,
    today: date | None = None,
    settings: PracticeSettings | None = None,
) -> DossierEntry | None:
    """The dossier entry (evidence, deadline, notice) of one review, or None if it is unknown."""
    dossier = build_dossier(
        session, profile=profile, today=today, settings=settings, review_ids=[review_id]
    )
    return dossier.entries[0] if dossier.entries else None


def _passages(
    classification: Classification | None,
    revision: ReviewRevision | None,
    jurisdiction: str,
) -> list[PassageEvidence]:
    if classification is None:
        return []
    texts = {
        "original": (revision.text_original if revision else None) or "",
        "translated": (revision.text_translated if revision else None) or "",
    }
    out = []
    raw = sorted(
        (p for p in classification.passages or [] if isinstance(p, dict)),
        key=lambda p: (int(p.get("start", 0)), int(p.get("end", 0))),
    )
    for number, item in enumerate(raw, start=1):
        start, end, text = (
            int(item.get("start", 0)),
            int(item.get("end", 0)),
            str(item.get("text", "")),
        )
        located = next((name for name, t in texts.items() if text and t[start:end] == text), None)
        qualification = str(item.get("qualification", ""))
        out.append(
            PassageEvidence(
                number=number,
                start=start,
                end=end,
                text=text,
                located_in=located,
                qualification=qualification,
                qualification_fr=QUALIFICATIONS_FR.get(qualification, qualification),
                articles=articles_for(jurisdiction, qualification),
                rule=str(item.get("rule", "")),
                explanation=str(item.get("explanation", "")),
            )
        )
    return out


def _actions(events: list[AuditEvent]) -> tuple[list[ActionEvidence], str | None]:
    actions = []
    target = None
    for event in events:
        keys = ACTION_DETAIL_KEYS.get(event.action, ())
        detail = {
            k: event.detail[k] for k in keys if isinstance(event.detail, dict) and k in event.detail
        }
        if event.action == AuditAction.SEND_TO_LAWYER and detail.get("target"):
            target = str(detail["target"])
        # only replies carry a text the practice wrote for the public; a blackmail message
        # recorded by staff is itself the evidence the lawyer needs
        text = (
            event.text
            if event.action
            in (
                AuditAction.REPLY_COPIED,
                AuditAction.REPLY_PUBLISHED,
                AuditAction.EXTORTION_RECORDED,
            )
            else None
        )
        actions.append(
            ActionEvidence(
                at=event.at,
                user=event.user,
                action=event.action,
                label=ACTION_LABELS.get(event.action, event.action),
                text=text,
                detail=detail,
            )
        )
    return actions, target


def build_dossier(
    session: Session,
    *,
    profile: str | Profile,
    today: date | None = None,
    settings: PracticeSettings | None = None,
    generated_at: datetime | None = None,
    review_ids: Collection[int] | None = None,
    scope: Scope = "candidates",
) -> Dossier:
    """Every review labelled defamation or insult, or marked for the lawyer, sorted by urgency.

    `scope="transmitted"` keeps only the reviews transmitted to the lawyer. With
    `review_ids`, exactly those reviews instead, whatever their label (for a page that shows
    the evidence or the notice of one review).
    """
    if scope not in SCOPES:
        raise ValueError(f"Périmètre inconnu « {scope} » : choisissez candidates ou transmitted.")
    prof = profile if isinstance(profile, Profile) else get_profile(profile)
    settings = settings or PracticeSettings.load(session)
    today = today or today_in(prof.jurisdiction)
    sent = select(AuditEvent.review_id).where(
        AuditEvent.action == SEND_TO_LAWYER, col(AuditEvent.review_id).is_not(None)
    )
    transmitted = or_(
        col(Review.for_lawyer).is_(True),
        col(Review.status) == TRANSMITTED_STATUS,
        col(Review.id).in_(sent),
    )
    condition: ColumnElement[bool]
    if review_ids is not None:
        condition = col(Review.id).in_(list(review_ids))
    elif scope == "transmitted":
        condition = transmitted
    else:
        flagged = select(Classification.review_id).where(
            col(Classification.id).in_(_newest_classification_ids()),
            col(Classification.label).in_(LAWYER_LABELS),
        )
        condition = or_(col(Review.id).in_(flagged), transmitted)
    reviews = session.exec(select(Review).where(condition)).all()
    sent_ids = set(
        session.exec(sent.where(col(AuditEvent.review_id).in_([r.id for r in reviews]))).all()
    )
    signatories = load_signatories(session)
    attached = captures_of(session, [r.id for r in reviews if r.id is not None])
    from responders.bursts import bursts_by_review

    bursts = bursts_by_review(session)
    classifications = current_classifications(session, [r.id for r in reviews if r.id is not None])
    ids = [r.id for r in reviews]
    locations = {loc.id: loc for loc in session.exec(select(Location)).all()}
    revisions: dict[int, list[ReviewRevision]] = {i: [] for i in ids if i is not None}
    for rev in session.exec(
        select(ReviewRevision)
        .where(col(ReviewRevision.review_id).in_(ids))
        .order_by(col(ReviewRevision.review_id), col(ReviewRevision.number), col(ReviewRevision.id))
    ).all():
        revisions[rev.review_id].append(rev)
    events: dict[int, list[AuditEvent]] = {i: [] for i in ids if i is not None}
    # sorted here, not in SQL: databases disagree on where a missing time goes
    for event in sorted(
        session.exec(select(AuditEvent).where(col(AuditEvent.review_id).in_(ids))).all(),
        key=lambda e: (e.at is not None, e.at or generated_at or utcnow(), e.id or 0),
    ):
        events[event.review_id].append(event)  # type: ignore[index]

    entries = []
    for review in reviews:
        assert review.id is not None
        revs = revisions[review.id]
        by_id = {r.id: r for r in revs}
        current = by_id.get(review.current_revision_id) or (revs[-1] if revs else None)
        # the current revision comes last (the "current version" of every format): an older
        # export imported later has a higher number but is not the current state
        revs = sorted(revs, key=lambda r: r is current)
        classification = classifications.get(review.id)
        classified = by_id.get(classification.revision_id) if classification else None
        # offsets are checked against the text shown in the dossier (the current one): a
        # passage found in an older version that no longer matches is marked for checking
        location = locations.get(review.location_id)
        # a group can hold French and Québec listings: each follows its own jurisdiction
        entry_prof = get_profile(location.profile) if location and location.profile else prof
        passages = _passages(classification, current, entry_prof.jurisdiction)
        actions, chosen_target = _actions(events[review.id])
        texts = [p.text for p in passages if p.qualification in LAWYER_LABELS]
        texts.append((current.text_original or "") if current else "")
        entries.append(
            DossierEntry(
                rank=0,
                review_id=review.id,
                google_id=review.external_id,
                location_key=location.key if location else "",
                location_name=location.name if location else "",
                review_url=review.review_url,
                flag_url=review.flag_url,
                author_display_name=review.author_display_name,
                is_anonymous=review.is_anonymous,
                rating=review.rating,
                created_at=review.created_at,
                updated_at=review.updated_at,
                first_seen_at=review.first_seen_at,
                last_seen_at=review.last_seen_at,
                status=review.status,
                for_lawyer=review.for_lawyer,
                label=classification.label if classification else None,
                confidence=classification.confidence if classification else None,
                classification=(
                    {
                        "engine": classification.engine,
                        "version": classification.version,
                        "revision_number": classified.number if classified else None,
                    }
                    if classification
                    else None
                ),
                text_original=current.text_original if current else None,
                text_translated=current.text_translated if current else None,
                language=current.language if current else None,
                passages=passages,
                target=chosen_target or guess_target(texts),
                profile=entry_prof,
                deadline=review_deadline(review, entry_prof, revisions=revs, today=today),
                revisions=[
                    RevisionEvidence(
                        record=revision_record(review.external_id, r),
                        import_digest=r.digest,
                        sha256=revision_sha256(review.external_id, r),
                    )
                    for r in revs
                ],
                actions=actions,
                reviewer_profile_url=profile_link(r.raw for r in revs),
                burst=bursts[review.id].reason if review.id in bursts else None,
                signatory=signatories.get(location.key) if location else None,
                transmitted=(
                    review.for_lawyer
                    or review.status == TRANSMITTED_STATUS
                    or review.id in sent_ids
                ),
                captures=[
                    CaptureEvidence.of(number, info)
                    for number, info in enumerate(attached.get(review.id, []), start=1)
                ],
            )
        )
    entries.sort(key=lambda e: (e.deadline.sort_key(), e.review_id))
    for rank, entry in enumerate(entries, start=1):
        entry.rank = rank
        entry.notifier = entry.signer(settings)
        entry.notice = google_notice(entry, settings, today=today)
    return Dossier(
        generated_at=generated_at or utcnow(),
        today=today,
        profile=prof,
        settings=settings,
        entries=entries,
        scope=scope,
    )
