"""Rows for tests, written the way an import writes them: a listing, a review with its captured
revisions (the last one current) and, when a label is given, the classification of that
revision. Every test that needs stored reviews builds them here."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session

from responders.store.models import Classification, Location, Review, ReviewRevision

# (original text, Google's translation or None)
Texts = Sequence[tuple[str | None, str | None]]


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def make_location(session: Session, key: str = "loc-1", name: str = "Cabinet", **fields: Any) -> Location:
    location = Location(key=key, name=name, **fields)
    session.add(location)
    session.flush()
    return location


def make_review(
    session: Session,
    location: Location,
    key: str,
    text: str | None = None,
    *,
    translated: str | None = None,
    texts: Texts | None = None,
    captured: Sequence[datetime | None] | None = None,
    rating: int | None = None,
    label: str | None = None,
    passages: Sequence[dict[str, Any]] = (),
    confidence: float = 0.9,
    source: str = "gbp",
    raw: dict[str, Any] | None = None,
    owner_reply_text: str | None = None,
    owner_reply_at: datetime | None = None,
    **fields: Any,
) -> Review:
    """A review of `location` with one revision per entry of `texts` (default: `text` and its
    `translation`), captured at the matching `captured` moment (default: `created_at`).

    With `label`, the review carries it (as the import keeps it on the row) and its current
    revision gets a Classification with `passages`. Other keywords are Review columns."""
    texts = list(texts) if texts is not None else [(text, translated)]
    moments = list(captured) if captured is not None else [fields.get("created_at")] * len(texts)
    if len(moments) != len(texts):
        raise ValueError("one capture moment per text")
    fields.setdefault("external_id", f"g-{key}")
    fields.setdefault("fingerprint", _digest(key))
    fields.setdefault("review_url", f"https://maps.google.com/?review={key}")
    fields.setdefault("first_seen_at", moments[0])
    fields.setdefault("last_seen_at", moments[-1])
    review = Review(location_id=location.id, source=source, rating=rating, label=label,
                    revision_count=len(texts), **fields)
    session.add(review)
    session.flush()
    revision = None
    for number, ((original, translation), when) in enumerate(zip(texts, moments, strict=True), start=1):
        last = number == len(texts)
        revision = ReviewRevision(
            review_id=review.id, number=number, captured_at=when, source=source, rating=rating,
            text_original=original, text_translated=translation,
            language="fr" if translation is None else "en",
            raw={"comment": original, **(raw or {})},
            digest=_digest(f"{key}{number}"),
            owner_reply_text=owner_reply_text if last else None,
            owner_reply_at=owner_reply_at if last else None,
        )
        session.add(revision)
        session.flush()
    assert revision is not None
    review.current_revision_id = revision.id
    session.add(review)
    if label is not None:
        classify_as(session, review, label, passages=passages, confidence=confidence, created_at=moments[-1])
    session.flush()
    return review


def add_revision(
    session: Session, review: Review, text: str | None, *, captured_at: datetime | None = None,
    translated: str | None = None, **fields: Any,
) -> ReviewRevision:
    """A newer capture of `review`, made current (its classification is not touched)."""
    number = review.revision_count + 1
    revision = ReviewRevision(
        review_id=review.id, number=number, captured_at=captured_at, source=review.source,
        rating=fields.pop("rating", review.rating), text_original=text, text_translated=translated,
        digest=fields.pop("digest", _digest(f"{review.external_id}{number}")), **fields,
    )
    session.add(revision)
    session.flush()
    review.current_revision_id = revision.id
    review.revision_count = number
    session.add(review)
    session.flush()
    return revision


def classify_as(
    session: Session, review: Review, label: str, *, passages: Sequence[dict[str, Any]] = (),
    confidence: float = 0.9, created_at: datetime | None = None,
) -> Classification:
    """A classification of the review's current revision, and the label kept on the review."""
    assert review.current_revision_id is not None
    classification = Classification(
        review_id=review.id, revision_id=review.current_revision_id, label=label, confidence=confidence,
        passages=list(passages), engine="rules", version="1", created_at=created_at,
    )
    session.add(classification)
    review.label = label  # type: ignore[assignment]
    session.add(review)
    session.flush()
    return classification


def passage(text: str, fragment: str, qualification: str, rule: str, explanation: str) -> dict[str, Any]:
    """A classifier passage for `fragment`, with its offsets in `text`."""
    start = text.index(fragment)
    return {
        "start": start,
        "end": start + len(fragment),
        "text": fragment,
        "qualification": qualification,
        "rule": rule,
        "explanation": explanation,
    }


def make_burst_history(
    session: Session,
    location: Location,
    *,
    start: datetime,
    after_days: int,
    texts: Sequence[str],
    authors: Sequence[str | None] | None = None,
    calm: int = 200,
) -> list[int]:
    """Ordinary reviews every three days from `start`, then one 1-star review per text, six
    hours apart, `after_days` after `start`: the history of a listing hit by a burst."""
    from datetime import timedelta

    for i in range(calm):
        make_review(session, location, f"calm{i}", f"Avis ordinaire {i}", rating=5 if i % 6 else 2,
                    created_at=start + timedelta(days=3 * i))
    return [
        int(make_review(session, location, f"bomb{k}", text, rating=1,
                        author_display_name=authors[k] if authors else None,
                        created_at=start + timedelta(days=after_days, hours=6 * k)).id or 0)
        for k, text in enumerate(texts)
    ]
