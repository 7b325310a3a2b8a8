"""Every stored owner reply (current revision of each review) checked by the guard."""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.store.settings import PracticeSettings
from responders.timeutil import utcnow
from responders.vocabulary import AuditAction

# the audit event written when a person has edited or deleted a flagged reply on Google
CORRECTED = AuditAction.REPLY_CORRECTED


def reply_digest(text: str) -> str:
    """Identifies one wording of a reply: a newer, different reply is audited afresh."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class ReplyAudit:
    review_id: int
    google_id: str | None
    location: str
    profile: str
    reply: str
    verdict: str
    findings: list[dict[str, Any]]
    replacement: str | None
    replacement_reason: str
    review_url: str | None
    corrected_by: str | None = None
    corrected_at: str | None = None
    review_text: str = field(default="", repr=False)

    @property
    def corrected(self) -> bool:
        return self.corrected_by is not None

    def to_dict(self) -> dict[str, Any]:
        """The `responders audit replies` output line (CONTRACTS.md)."""
        return {
            "review_id": self.review_id,
            "google_id": self.google_id,
            "location": self.location,
            "reply": self.reply,
            "verdict": self.verdict,
            "findings": self.findings,
            "replacement": self.replacement,
        }


def _verdict_of(result: Any) -> str:
    verdict = getattr(result, "verdict", None)
    if verdict:
        return str(verdict)
    return "pass" if result.allowed else "block"


def _corrections(session: Session, review_ids: list[int]) -> dict[tuple[int, str], AuditEvent]:
    if not review_ids:
        return {}
    events = session.exec(
        select(AuditEvent)
        .where(col(AuditEvent.action) == CORRECTED, col(AuditEvent.review_id).in_(review_ids))
        .order_by(col(AuditEvent.at))
    ).all()
    return {(int(e.review_id or 0), str(e.detail.get("reply_sha256", ""))): e for e in events}


def audit_replies(
    session: Session,
    *,
    settings: PracticeSettings | None = None,
    only_flagged: bool = False,
    check: Callable[..., Any] | None = None,
) -> list[ReplyAudit]:
    """One entry per review whose current state carries an owner reply, oldest review first."""
    settings = settings or PracticeSettings.load(session)
    check = check or importlib.import_module("responders.guard").check
    draft = importlib.import_module("responders.drafting").draft
    rows = session.exec(
        select(Review, ReviewRevision, Location)
        .join(ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id))
        .join(Location, col(Location.id) == col(Review.location_id))
        .where(col(ReviewRevision.owner_reply_text).is_not(None))
        .order_by(col(Review.id))
    ).all()
    corrections = _corrections(session, [int(r.id or 0) for r, _, _ in rows])
    audits: list[ReplyAudit] = []
    for review, revision, location in rows:
        reply = (revision.owner_reply_text or "").strip()
        if not reply:
            continue
        profile = location.profile or settings.profile
        text = revision.text_original or ""
        result = check(
            reply, review=text, reviewer_name=review.author_display_name, profile=profile
        )
        verdict = _verdict_of(result)
        if only_flagged and verdict == "pass":
            continue
        replacement: str | None = None
        reason = ""
        if verdict != "pass":
            proposal = draft(
                text,
                review.rating,
                profile=profile,
                reviewer_name=review.author_display_name,
                label=review.label,
                seed_key=f"audit|{review.id}",
                practice=settings.practice_name or None,
                contact=settings.contact or None,
            )
            replacement = proposal.reply
            reason = (
                "Réponse de remplacement tirée des modèles validés."
                if replacement
                else "La politique de réponse recommande de ne pas répondre : supprimez la réponse publiée. "
                + proposal.reason
            )
        event = corrections.get((int(review.id or 0), reply_digest(reply)))
        audits.append(
            ReplyAudit(
                review_id=int(review.id or 0),
                google_id=review.external_id,
                location=location.name or location.key,
                profile=profile,
                reply=reply,
                verdict=verdict,
                findings=[dict(f) for f in result.to_dict().get("findings", [])],
                replacement=replacement,
                replacement_reason=reason,
                review_url=review.review_url,
                corrected_by=event.user if event else None,
                corrected_at=event.at.isoformat() if event and event.at else None,
                review_text=text,
            )
        )
    return audits


def mark_corrected(session: Session, audit: ReplyAudit, *, user: str) -> AuditEvent:
    """A person says the flagged reply was edited or deleted on Google: journaled with their name."""
    if not user.strip():
        raise ValueError("Indiquez qui a corrigé la réponse : l'action est inscrite au journal.")
    event = AuditEvent(
        at=utcnow(),
        user=user.strip(),
        action=CORRECTED,
        review_id=audit.review_id,
        text=audit.reply,
        detail={"reply_sha256": reply_digest(audit.reply), "verdict": audit.verdict},
    )
    session.add(event)
    session.flush()
    return event


def summary_line(audits: list[ReplyAudit]) -> str:
    blocked = sum(1 for a in audits if a.verdict == "block")
    review = sum(1 for a in audits if a.verdict == "review")
    corrected = sum(1 for a in audits if a.verdict != "pass" and a.corrected)
    clean = len(audits) - blocked - review
    line = (
        f"{len(audits)} réponse(s) publiée(s) vérifiée(s) : {blocked} révèle(nt) une information "
        f"protégée, {review} à relire par le praticien, {clean} sans problème."
    )
    if corrected:
        line += f" {corrected} déjà marquée(s) « corrigée »."
    return line
