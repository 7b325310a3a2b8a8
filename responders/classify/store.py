"""Classifications in the database: label every review revision not yet seen by this engine.

`classify_pending` runs inside the import transaction, so it reads only what it needs, inserts
in bulk and never commits itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, func, insert, select, update
from sqlmodel import Session, col

from responders.classify import ENGINE_VERSION, classify
from responders.store.models import Classification, Review, ReviewRevision
from responders.timeutil import utcnow

ENGINE = "rules"
BATCH = 2000


def _pending(session: Session) -> Any:
    done = (
        select(col(Classification.id))
        .where(
            col(Classification.revision_id) == col(ReviewRevision.id),
            col(Classification.engine) == ENGINE,
            col(Classification.version) == ENGINE_VERSION,
        )
        .exists()
    )
    return (
        select(
            col(Review.id),
            col(ReviewRevision.id),
            col(ReviewRevision.text_original),
            col(ReviewRevision.text_translated),
            col(ReviewRevision.rating),
            col(Review.rating),
        )
        .join(ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id))
        .where(~done)
        .order_by(col(Review.id))
    )


def classify_pending(session: Session) -> int:
    """Classify the current revision of every review that has no classification by this
    engine version; returns how many rows were inserted. The caller commits."""
    now = utcnow()
    rows: list[dict[str, Any]] = []
    count = 0
    for (
        review_id,
        revision_id,
        original,
        translated,
        revision_rating,
        review_rating,
    ) in session.execute(_pending(session)).all():
        text = original if original and original.strip() else (translated or "")
        rating = revision_rating if revision_rating is not None else review_rating
        result = classify(text, rating)
        rows.append(
            {
                "review_id": review_id,
                "revision_id": revision_id,
                "label": result.label,
                "confidence": result.confidence,
                "passages": [p.to_dict() for p in result.passages],
                "engine": ENGINE,
                "version": ENGINE_VERSION,
                "created_at": now,
                "needs_check": result.check,
                "check_reason": result.check_reason,
            }
        )
        if len(rows) >= BATCH:
            count += _store(session, rows)
            rows = []
    if rows:
        count += _store(session, rows)
    return count


def _store(session: Session, rows: list[dict[str, Any]]) -> int:
    session.execute(insert(Classification), rows)
    # the review keeps its current label too, so the queue and the charts need no join
    session.execute(
        update(Review),
        [
            {"id": r["review_id"], "label": r["label"], "needs_check": r["needs_check"]}
            for r in rows
        ],
    )
    return len(rows)


def current_classifications(
    session: Session, review_ids: Iterable[int] | None = None
) -> dict[int, Classification]:
    """The newest classification of each review (optionally only of `review_ids`)."""
    newest = select(col(Classification.review_id), func.max(col(Classification.id)).label("newest"))
    ids = None if review_ids is None else list(review_ids)
    if ids is not None:
        if not ids:
            return {}
        newest = newest.where(col(Classification.review_id).in_(ids))
    latest = newest.group_by(col(Classification.review_id)).subquery()
    statement = select(Classification).join(
        latest,
        and_(
            col(Classification.review_id) == latest.c.review_id,
            col(Classification.id) == latest.c.newest,
        ),
    )
    return {row.review_id: row for row in session.execute(statement).scalars().all()}
