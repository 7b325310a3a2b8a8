"""Where the removal requests stand, for the dashboard and the weekly digest alike.

Both must show the same figures, so both read this one query: a request counts once per review,
its newest state wins (a refusal followed by an internal complaint is awaiting Google again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from responders.removal.routes import ROUTES, next_step, requests_for
from responders.store.models import AuditEvent
from responders.timeutil import as_utc, utcnow
from responders.vocabulary import AuditAction

# a next step whose deadline falls within this many days is "near" (the digest's widest horizon)
NEAR_DAYS = 30


@dataclass(frozen=True, slots=True)
class AwaitingGoogle:
    """A request filed with Google (or a report recorded from the triage card) with no decision."""

    review_id: int
    since: date | None
    route: str | None  # None: a « Signaler l'avis » recorded from the triage card, no route chosen

    @property
    def since_fr(self) -> str:
        when = f"{self.since:%d/%m/%Y}" if self.since else "?"
        return f"{when} ({ROUTES[self.route]})" if self.route else when


@dataclass(frozen=True, slots=True)
class StepDue:
    """Google refused: the next route has a legal deadline, and it is near."""

    review_id: int
    request_id: int
    next_route: str | None
    label: str
    due: date
    days_left: int


@dataclass(slots=True)
class RemovalOverview:
    awaiting: list[AwaitingGoogle] = field(default_factory=list)
    due_soon: list[StepDue] = field(default_factory=list)


def removal_overview(
    session: Session, *, today: date | None = None, near_days: int = NEAR_DAYS
) -> RemovalOverview:
    """Reviews awaiting Google's decision, and refusals whose next step is due within `near_days`
    (an expired one is left out: the law's window has closed, the lawyer decides what remains)."""
    today = today or utcnow().date()
    latest_report: dict[int, AuditEvent] = {}
    for event in session.exec(
        select(AuditEvent)
        .where(col(AuditEvent.action) == AuditAction.GOOGLE_REPORT)
        .order_by(col(AuditEvent.at), col(AuditEvent.id))
    ).all():
        if event.review_id is not None:
            latest_report[event.review_id] = event
    awaiting: dict[int, AwaitingGoogle] = {}
    for review_id, event in latest_report.items():
        if str(event.detail.get("outcome") or "").strip():
            continue  # the card recorded Google's answer
        when = as_utc(event.at)
        awaiting[review_id] = AwaitingGoogle(review_id, when.date() if when else None, None)
    newest: dict[int, int] = {}
    requests = requests_for(session)
    for index, request in enumerate(requests):  # ordered by review, then id: the last one wins
        newest[request.review_id] = index
        if request.decision == "pending":
            awaiting[request.review_id] = AwaitingGoogle(
                request.review_id, request.submitted_on, request.route
            )
        else:
            awaiting.pop(request.review_id, None)
    due_soon = []
    for index in newest.values():
        request = requests[index]
        if request.decision != "refused":
            continue
        step = next_step(request, today=today)
        if step.due is None or step.days_left is None or not 0 <= step.days_left <= near_days:
            continue
        due_soon.append(
            StepDue(
                request.review_id,
                int(request.id or 0),
                step.route,
                step.label,
                step.due,
                step.days_left,
            )
        )
    return RemovalOverview(
        awaiting=[awaiting[r] for r in sorted(awaiting)],
        due_soon=sorted(due_soon, key=lambda s: (s.days_left, s.review_id)),
    )
