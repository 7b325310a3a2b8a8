"""Every staff write, each with its audit event: copying a reply, statuses, reports, the triage
stamp, dates and settings. Pages call these; none of them writes a table or the journal itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from sqlmodel import Session

from responders import guard as guard_module
from responders import policy
from responders.deadlines import RULES, local_date
from responders.guard import GuardResult
from responders.profiles import get_profile
from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.store.settings import PracticeSettings, set_setting
from responders.timeutil import utcnow
from responders.triage.confirmation import is_confirmed
from responders.triage.journal import record_event
from responders.triage.queue import LAST_TRIAGE_KEY, triage_leftovers
from responders.vocabulary import AuditAction, Severity, Status, Verdict


class CopyRefused(PermissionError):
    """A reply the guard did not allow; the message is French, for staff."""

    def __init__(self, result: GuardResult) -> None:
        super().__init__(
            "Cette réponse doit d'abord être relue et confirmée par un praticien : le contrôle ne "
            "peut pas garantir qu'elle ne révèle rien."
            if result.verdict == Verdict.REVIEW else
            "Cette réponse n'a pas passé le contrôle du secret médical : elle ne peut pas être "
            "copiée. Modifiez-la ou choisissez une autre réponse type."
        )
        self.result = result


def guard_reply(session: Session, review_id: int, text: str) -> GuardResult:
    """The guard's verdict on `text` as a reply to this review: the review's current text, its
    author's name (unless anonymous) and the listing's profile, else the practice's."""
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    revision = (
        session.get(ReviewRevision, review.current_revision_id)
        if review.current_revision_id is not None else None
    )
    location = session.get(Location, review.location_id)
    profile = (location.profile if location is not None else None) or PracticeSettings.load(session).profile
    # read through the module, so a test can stand in for the guard
    return guard_module.check(
        text,
        review=(revision.text_original if revision is not None else None) or None,
        reviewer_name=None if review.is_anonymous else review.author_display_name,
        profile=profile,
    )


def copy_reply(
    session: Session, *, review_id: int, user: str, text: str, template_id: str | None = None,
) -> AuditEvent:
    """The only way a reply leaves the dashboard. The guard runs here, on this exact text; a
    reply it does not allow is refused with `CopyRefused`, and the refusal is journaled and
    committed before raising (the rule names only: the refused text may hold what must not
    leak)."""
    result = guard_reply(session, review_id, text)
    confirmed = result.verdict == Verdict.REVIEW and is_confirmed(session, review_id, text)
    if not result.allowed and not confirmed:
        record_event(session, user=user, action=AuditAction.COPY_REFUSED, review_id=review_id, detail={
            "verdict": str(result.verdict),
            "findings": [
                {"rule": f.rule, "pattern": f.pattern, "severity": str(f.severity)}
                for f in result.findings if f.severity != Severity.WARN
            ],
            "template_id": template_id,
        })
        session.commit()
        raise CopyRefused(result)
    return record_event(session, user=user, action=AuditAction.REPLY_COPIED, review_id=review_id,
                        text=text, detail={"guard": result.to_dict(), "template_id": template_id})


def set_status(session: Session, review_id: int, status: str, *, user: str,
               detail: dict[str, Any] | None = None) -> None:
    """A new status for a review; sending it to the lawyer is journaled as such too."""
    try:
        new = Status(status)
    except ValueError:
        raise ValueError(f"Statut inconnu : {status}") from None
    review = session.get(Review, review_id)
    if review is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    previous = review.status
    review.status = new
    if new == Status.LAWYER:
        review.for_lawyer = True
    session.add(review)
    record_event(session, user=user, action=AuditAction.STATUS, review_id=review_id,
                 detail={"from": previous, "to": new, **(detail or {})})
    if new == Status.LAWYER:
        # the dossier reads this event (and its optional target) for the review
        target = (detail or {}).get("target")
        record_event(session, user=user, action=AuditAction.SEND_TO_LAWYER, review_id=review_id,
                     detail={"target": target} if target else {})


def send_to_lawyer(session: Session, review_id: int, *, user: str, target: str | None = None) -> None:
    """Transmits a review to the lawyer; `target` names who is aimed at, when staff know it."""
    set_status(session, review_id, Status.LAWYER, user=user, detail={"target": target} if target else None)


def record_google_report(session: Session, review_id: int, *, user: str, reference: str = "",
                         outcome: str = "") -> None:
    set_status(session, review_id, Status.REPORTED, user=user)
    record_event(session, user=user, action=AuditAction.GOOGLE_REPORT, review_id=review_id,
                 detail={"date": utcnow().isoformat(), "reference": reference, "outcome": outcome})


def finish_triage(
    session: Session, *, user: str, at: datetime | None = None, profile: str = "fr-dentiste"
) -> datetime:
    """Stamps the week: the next queue starts from reviews new or changed after this moment,
    plus whatever `triage_leftovers` keeps (legal candidates, « à vérifier », « à revoir »). The
    journal lists which reviews stayed and which left the queue, so nothing leaves it unseen."""
    leftovers = triage_leftovers(session, profile=profile)
    at = at or utcnow()
    set_setting(session, LAST_TRIAGE_KEY, at.isoformat())
    record_event(session, user=user, action=AuditAction.TRIAGE_FINISHED, detail={
        "at": at.isoformat(),
        "kept": [o.review_id for o in leftovers if o.stays],
        "left": [o.review_id for o in leftovers if not o.stays],
    })
    return at


def set_knowledge_date(session: Session, review_id: int, day: date, *, user: str, reason: str = "") -> None:
    """Québec's one-year clock starts when the practitioner learned of the review. Until this is
    set it counts from publication (the conservative reading); staff set the real date later."""
    set_knowledge_dates(session, [review_id], day, user=user, reason=reason)


def set_knowledge_dates(
    session: Session, review_ids: list[int], day: date, *, user: str, reason: str
) -> int:
    """The same date of knowledge for several reviews (a week's batch read together), with the
    reason, one journal event per review. Refused before the review was published."""
    if not review_ids:
        return 0
    reviews = []
    for review_id in review_ids:
        review = session.get(Review, review_id)
        if review is None:
            raise LookupError(f"Avis {review_id} introuvable.")
        published = local_date(review.created_at, RULES["QC"].timezone) if review.created_at else None
        if published is not None and day < published:
            raise ValueError(
                f"Avis {review_id} : la date de connaissance ({day:%d/%m/%Y}) précède la "
                f"publication de l'avis ({published:%d/%m/%Y})."
            )
        reviews.append(review)
    for review in reviews:
        previous = review.knowledge_date
        review.knowledge_date = datetime.combine(day, time(12, 0), tzinfo=UTC)
        session.add(review)
        record_event(session, user=user, action=AuditAction.KNOWLEDGE_DATE, review_id=review.id, detail={
            "from": previous.date().isoformat() if previous else None, "to": day.isoformat(),
            "reason": reason.strip(),
        })
    return len(reviews)


def set_location_profile(session: Session, location_id: int, profile: str | None, *, user: str) -> None:
    """A listing's own profile (a group may hold French and Québec practices); None follows
    the practice-wide profile."""
    if profile is not None:
        get_profile(profile)
    location = session.get(Location, location_id)
    if location is None:
        raise LookupError(f"Établissement {location_id} introuvable.")
    previous = location.profile
    location.profile = profile
    session.add(location)
    record_event(session, user=user, action=AuditAction.SETTINGS, detail={
        "section": "établissement", "location": location.key, "from": previous, "to": profile,
    })


def save_practice_settings(session: Session, settings: PracticeSettings, *, user: str) -> None:
    settings.save(session)
    record_event(session, user=user, action=AuditAction.SETTINGS,
                 detail={"section": "cabinet", "profile": settings.profile})


def save_reply_policy(session: Session, choices: Mapping[str, str], *, user: str) -> dict[str, str]:
    """Stores the practice's overrides (empty choices restore the defaults), journaled."""
    clean = policy.save_policy_overrides(session, {k: v for k, v in choices.items() if v})
    record_event(session, user=user, action=AuditAction.SETTINGS,
                 detail={"section": "politique", "overrides": dict(choices)})
    return clean
