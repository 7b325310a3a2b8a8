"""A reply the guard can neither clear nor block (verdict `review`) may be copied only after a
praticien has read and confirmed that exact text: the confirmation is an audit event holding the
text's SHA-256, under the praticien's name."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlmodel import Session, col, select

from responders import guard as guard_module
from responders.people.accounts import Account
from responders.people.roles import require
from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.store.settings import PracticeSettings
from responders.triage.journal import record_event
from responders.vocabulary import AuditAction

CONFIRMED = AuditAction.REVIEW_CONFIRMED


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def verdict_of(result: Any) -> str:
    """`pass`, `review` or `block`, whether or not the guard already gives a verdict of its own."""
    return str(getattr(result, "verdict", "pass" if result.allowed else "block"))


def guard_context(session: Session, review_id: int) -> tuple[str | None, str | None, str]:
    """What the guard checks a reply against, read from the database: the review's current
    text, its author's name (unless anonymous) and the listing's profile."""
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    revision = (
        session.get(ReviewRevision, review.current_revision_id)
        if review.current_revision_id
        else None
    )
    location = session.get(Location, review.location_id)
    profile = (location.profile if location else None) or PracticeSettings.load(session).profile
    author = None if review.is_anonymous else review.author_display_name
    return (revision.text_original if revision else None) or None, author, profile


def check_reply(session: Session, review_id: int, text: str) -> Any:
    review_text, author, profile = guard_context(session, review_id)
    return guard_module.check(text, review=review_text, reviewer_name=author, profile=profile)


def confirm_review_reply(session: Session, review_id: int, text: str, user: Account) -> AuditEvent:
    """A praticien confirms a `review`-verdict reply. The guard runs here on the exact text:
    a blocked reply cannot be confirmed, and one that passes needs no confirmation."""
    require(user.role, "confirm_review_reply")
    result = check_reply(session, review_id, text)
    verdict = verdict_of(result)
    if verdict == "block":
        raise PermissionError(
            "Cette réponse est bloquée par le contrôle : elle ne peut pas être confirmée."
        )
    if verdict != "review":
        raise ValueError("Cette réponse a passé le contrôle : elle n'a pas besoin de confirmation.")
    findings = [f.to_dict() for f in getattr(result, "findings", [])]
    return record_event(
        session,
        user=user.name,
        action=CONFIRMED,
        review_id=review_id,
        text=text,
        detail={
            "sha256": text_digest(text),
            "verdict": verdict,
            "role": user.role,
            "findings": findings,
        },
    )


def is_confirmed(session: Session, review_id: int, text: str) -> bool:
    """True when a praticien confirmed exactly this text for this review."""
    digest = text_digest(text)
    events = session.exec(
        select(AuditEvent).where(
            col(AuditEvent.action) == CONFIRMED, col(AuditEvent.review_id) == review_id
        )
    ).all()
    return any(isinstance(e.detail, dict) and e.detail.get("sha256") == digest for e in events)
