"""The audit trail: the one place an `AuditEvent` is written, and where it is read back."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from responders.store.models import AuditEvent
from responders.timeutil import utcnow
from responders.vocabulary import AuditAction


def record_event(
    session: Session,
    *,
    user: str,
    action: AuditAction,
    review_id: int | None = None,
    text: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Adds one event to the caller's transaction (an unknown action raises ValueError)."""
    event = AuditEvent(
        at=utcnow(),
        user=user or "",
        action=AuditAction(action),
        review_id=review_id,
        text=text,
        detail=detail or {},
    )
    session.add(event)
    return event


def recent_events(session: Session, limit: int = 5000) -> list[AuditEvent]:
    """The newest events first."""
    return list(
        session.exec(select(AuditEvent).order_by(col(AuditEvent.id).desc()).limit(limit)).all()
    )
