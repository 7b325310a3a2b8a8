"""Grouped reports: one request to Google for every review of a campaign.

Google's extortion form and its fake-engagement report are judged on the whole pattern: a
single review of a burst looks like an unhappy patient, the eight of them posted in two days do
not. So the bundle lists every review involved (link, date, rating, author as Google shows it)
and, for extortion, quotes the blackmail message received as evidence.

The blackmail message is recorded by a person (`triage.actions.record_extortion_message`) as
one journal event per review it concerns, all sharing a case key: each review's history then
shows it, and `extortion_cases` puts the case back together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from responders.links import google_link
from responders.removal.routes import RouteNames
from responders.store.models import AuditEvent, Location, Review
from responders.timeutil import as_utc
from responders.vocabulary import AuditAction

_EXTORTION_INTRO = (
    "Ces avis sont utilisés pour faire pression sur l'établissement : leur auteur, ou une personne "
    "agissant avec lui, menace de publier des avis négatifs ou propose de les retirer contre une "
    "contrepartie. Le message reçu est joint comme preuve."
)
_FAKE_ENGAGEMENT_INTRO = (
    "Ces avis forment une série d'avis négatifs publiés en quelques heures, sans rapport avec une "
    "expérience réelle : faux engagement au sens du règlement de Google. Ils sont signalés ensemble "
    "parce que c'est leur accumulation qui révèle la campagne."
)


@dataclass(frozen=True, slots=True)
class BundledReview:
    review_id: int
    location: str
    link: str | None  # only an https link to a Google host; anything else is left out
    created_at: datetime | None
    rating: int | None
    author: str | None  # as stored (the name Google displays), None when it shows none

    def line(self) -> str:
        when = f"{self.created_at:%d/%m/%Y %H:%M} (UTC)" if self.created_at else "date inconnue"
        stars = f"{self.rating} ★" if self.rating is not None else "sans note"
        who = f"« {' '.join(self.author.split())} »" if self.author else "auteur anonyme"
        where = self.link or "lien Google non disponible"
        return f"- {when} · {stars} · {who} · {self.location} · {where}"


@dataclass(frozen=True, slots=True)
class Bundle(RouteNames):
    route: str  # "extortion" or "google_flag"
    category: str | None  # "fake_engagement" for a flag
    reviews: tuple[BundledReview, ...]
    message: str | None = None
    received_on: date | None = None
    reason: str = ""

    @property
    def review_ids(self) -> list[int]:
        return [r.review_id for r in self.reviews]

    @property
    def text(self) -> str:
        """What the person pastes into Google's form."""
        intro = _EXTORTION_INTRO if self.route == "extortion" else _FAKE_ENGAGEMENT_INTRO
        lines = [intro, "", f"Avis concernés ({len(self.reviews)}) :"]
        lines += [r.line() for r in self.reviews]
        if self.message:
            received = f", reçu le {self.received_on:%d/%m/%Y}" if self.received_on else ""
            lines += [
                "",
                f"Message reçu{received} (preuve) :",
                f"« {' '.join(self.message.split())} »",
            ]
        return "\n".join(lines)


def bundled_reviews(session: Session, review_ids: Iterable[int]) -> tuple[BundledReview, ...]:
    """The stored facts of each review, oldest first (unknown ids are skipped)."""
    ids = sorted(set(review_ids))
    rows = session.exec(
        select(Review, Location)
        .join(Location, col(Location.id) == col(Review.location_id))
        .where(col(Review.id).in_(ids))
    ).all()
    found = [
        BundledReview(
            review_id=int(review.id or 0),
            location=location.name or location.key,
            link=google_link(review.review_url),
            created_at=as_utc(review.created_at),
            rating=review.rating,
            author=None if review.is_anonymous else (review.author_display_name or None),
        )
        for review, location in rows
    ]
    return tuple(sorted(found, key=lambda r: (r.created_at is None, r.created_at, r.review_id)))


def build_bundle(
    session: Session,
    review_ids: Sequence[int],
    *,
    message: str | None = None,
    received_on: date | None = None,
    reason: str = "",
) -> Bundle:
    """Extortion when a blackmail message is given, else a fake-engagement flag."""
    reviews = bundled_reviews(session, review_ids)
    if not reviews:
        raise ValueError("Aucun avis retrouvé pour ce signalement groupé.")
    message = (message or "").strip() or None
    if message:
        return Bundle(
            "extortion",
            None,
            reviews,
            message,
            received_on,
            reason
            or "Un message demande une contrepartie contre le retrait ou l'absence d'avis négatifs.",
        )
    return Bundle(
        "google_flag",
        "fake_engagement",
        reviews,
        reason=reason or "Série d'avis négatifs inhabituelle pour cet établissement.",
    )


def burst_bundle(session: Session, burst, message: str | None = None) -> Bundle:  # type: ignore[no-untyped-def]
    """Every review of a burst (`responders.bursts.Burst`), in one report."""
    return build_bundle(session, burst.review_ids, message=message, reason=burst.reason)


@dataclass(frozen=True, slots=True)
class ExtortionCase:
    case: str
    review_ids: list[int]
    message: str
    received_on: date | None
    recorded_by: str
    recorded_at: datetime | None

    def bundle(self, session: Session) -> Bundle:
        return build_bundle(
            session, self.review_ids, message=self.message, received_on=self.received_on
        )


def extortion_cases(session: Session) -> list[ExtortionCase]:
    """Every blackmail message recorded, with the reviews it concerns, oldest first."""
    cases: dict[str, ExtortionCase] = {}
    for event in session.exec(
        select(AuditEvent)
        .where(col(AuditEvent.action) == AuditAction.EXTORTION_RECORDED)
        .order_by(col(AuditEvent.at), col(AuditEvent.id))
    ).all():
        detail = event.detail or {}
        key = str(detail.get("case") or event.id)
        if key in cases:
            continue  # the same case, journaled once per review it concerns
        received = detail.get("received_on")
        try:
            received_on = date.fromisoformat(str(received)) if received else None
        except ValueError:
            received_on = None
        ids = [int(i) for i in detail.get("review_ids") or [] if str(i).isdigit()]
        if not ids and event.review_id is not None:
            ids = [event.review_id]
        cases[key] = ExtortionCase(
            key, ids, event.text or "", received_on, event.user, as_utc(event.at)
        )
    return list(cases.values())


def extortion_bundles(session: Session) -> list[tuple[ExtortionCase, Bundle]]:
    """Each recorded blackmail case with its grouped report (a case none of whose reviews is
    stored any more is left out: there is nothing left to report)."""
    found = []
    for case in extortion_cases(session):
        try:
            found.append((case, case.bundle(session)))
        except ValueError:
            continue
    return found


def bundles_by_review(session: Session, bursts: Sequence[Any] | None = None) -> dict[int, Bundle]:
    """The grouped report each review belongs to: its extortion case when one was recorded
    (the message is the stronger evidence), else its burst. `bursts`: the stored bursts when
    the caller already has them (the detector reads every low rating)."""
    if bursts is None:
        from responders.bursts import stored_bursts

        bursts = stored_bursts(session)
    found: dict[int, Bundle] = {}
    for burst in bursts:
        bundle = burst_bundle(session, burst)
        for review_id in bundle.review_ids:
            found[review_id] = bundle
    for _case, bundle in extortion_bundles(session):
        for review_id in bundle.review_ids:
            found[review_id] = bundle
    return found
