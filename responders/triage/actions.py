"""What staff do to a review from the queue: copy a guarded reply, change statuses in bulk, undo.

The copy rule lives here, not in the page: `copy_reply` runs the guard itself on the exact text
that leaves the dashboard and refuses anything whose verdict is not `pass`. Every attempt,
refused or not, leaves an audit event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from responders.guard import check
from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.store.settings import PracticeSettings
from responders.triage.queue import STATUSES, record_event, set_status

# Only these hosts are ever offered as links: a review's address comes from an imported file.
GOOGLE_HOSTS = frozenset({
    "www.google.com", "maps.google.com", "g.page", "business.google.com", "search.google.com",
})


def google_link(url: str | None) -> str | None:
    """`url` when it is an https address on one of Google's own hosts, else None."""
    if not url or not isinstance(url, str) or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.username or parts.password or parts.port not in (None, 443):
        return None
    if host in GOOGLE_HOSTS or (host == "goo.gl" and (parts.path == "/maps" or parts.path.startswith("/maps/"))):
        return url.strip()
    return None


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class CopyOutcome:
    """What `copy_reply` decided. `allowed` only when the guard's verdict on `text` is `pass`."""

    allowed: bool
    verdict: str
    text: str
    sha256: str
    event_id: int | None
    findings: list[dict[str, Any]] = field(default_factory=list)
    google_url: str | None = None
    marked_answered: bool = False
    message: str = ""


def guard_verdict(result: Any) -> str:
    return str(getattr(result, "verdict", "pass" if result.allowed else "block"))


def _context(session: Session, review: Review) -> tuple[str | None, str | None, str]:
    revision = session.get(ReviewRevision, review.current_revision_id) if review.current_revision_id else None
    location = session.get(Location, review.location_id)
    profile = (location.profile if location else None) or PracticeSettings.load(session).profile
    name = None if review.is_anonymous else review.author_display_name
    return (revision.text_original if revision else None) or None, name, profile


def copy_reply(
    session: Session, review_id: int, text: str, *, user: str, template_id: str | None = None,
    mark_answered: bool = True,
) -> CopyOutcome:
    """Copies `text` as the reply to a review, or refuses to.

    The guard runs here on this exact text (with the review and its author as context). Only a
    `pass` verdict is copied: the copy is journaled with its SHA-256 and verdict, and the review
    is marked answered (undoable with `undo_status`). Anything else is refused and the refusal is
    journaled too.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    review_text, reviewer_name, profile = _context(session, review)
    digest = text_digest(text)
    if not text.strip():
        result = None
        verdict, findings = "block", []
    else:
        result = check(text, review=review_text, reviewer_name=reviewer_name, profile=profile)
        verdict = guard_verdict(result)
        findings = [f.to_dict() for f in result.findings]
    if verdict != "pass":
        event = record_event(
            session, user=user, action="reply_copy_refused", review_id=review_id, text=text,
            detail={"sha256": digest, "verdict": verdict, "findings": findings, "template_id": template_id},
        )
        session.flush()
        message = (
            "Cette réponse doit être confirmée par un praticien avant d'être copiée."
            if verdict == "review" else
            "Copie refusée : cette réponse révèle ou risque de révéler des informations protégées."
            if findings else "Copie refusée : la réponse est vide."
        )
        return CopyOutcome(False, verdict, text, digest, event.id, findings, message=message)
    assert result is not None
    event = record_event(
        session, user=user, action="reply_copied", review_id=review_id, text=text,
        detail={"sha256": digest, "verdict": verdict, "guard": result.to_dict(), "template_id": template_id},
    )
    answered = False
    if mark_answered and review.status != "repondu":
        set_status(session, review_id, "repondu", user=user, detail={"via": "copie"})
        answered = True
    session.flush()
    return CopyOutcome(
        True, verdict, text, digest, event.id, findings, google_link(review.review_url), answered,
        "Réponse copiée : collez-la sur Google.",
    )


def bulk_set_status(session: Session, review_ids: Iterable[int], status: str, *, user: str) -> list[int]:
    """One status for several reviews, one audit event per review. Returns the ids changed."""
    if status not in STATUSES:
        raise ValueError(f"Statut inconnu : {status}")
    ids = list(dict.fromkeys(int(i) for i in review_ids))
    found = set(session.exec(select(Review.id).where(col(Review.id).in_(ids))).all()) if ids else set()
    missing = [i for i in ids if i not in found]
    if missing:
        raise LookupError(f"Avis introuvable(s) : {', '.join(map(str, missing))}.")
    changed = []
    for review_id in ids:
        review = session.get(Review, review_id)
        assert review is not None
        if review.status == status:
            continue
        set_status(session, review_id, status, user=user, detail={"bulk": len(ids)})
        changed.append(review_id)
    return changed


def _last_undoable(session: Session, review_id: int) -> AuditEvent | None:
    undone = {
        int(e.detail.get("event_id", 0))
        for e in session.exec(select(AuditEvent).where(
            AuditEvent.review_id == review_id, AuditEvent.action == "status_undone"))
    }
    events = session.exec(
        select(AuditEvent).where(AuditEvent.review_id == review_id, AuditEvent.action == "status")
        .order_by(col(AuditEvent.id).desc())
    )
    for event in events:
        if event.id not in undone:
            return event
    return None


def undo_status(session: Session, review_id: int, *, user: str) -> str:
    """Puts back the status a review had before its last (not yet undone) status change.

    Refused when the review's status changed since that event some other way. Journaled as
    `status_undone`. Returns the status restored.
    """
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    event = _last_undoable(session, review_id)
    if event is None:
        raise LookupError("Aucun changement de statut à annuler pour cet avis.")
    before, after = event.detail.get("from"), event.detail.get("to")
    if review.status != after or before not in STATUSES:
        raise ValueError("Le statut de cet avis a changé depuis : rien n'a été annulé.")
    review.status = before
    if after == "avocat":
        review.for_lawyer = bool(event.detail.get("for_lawyer_before", False))
    session.add(review)
    record_event(session, user=user, action="status_undone", review_id=review_id,
                 detail={"event_id": event.id, "from": after, "to": before})
    return str(before)
