"""Builds the weekly digest as a French e-mail (RFC 5322).

An e-mail is not a secure channel: by default the digest carries counts, dates and links, no
review text and no reviewer name. The practice can opt in (`digest_include_text`).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from sqlmodel import Session, col, select

from responders.deadlines import RULES, local_date, review_deadline
from responders.profiles import get_profile
from responders.store.models import Location, Review, ReviewRevision
from responders.store.settings import PracticeSettings, get_setting
from responders.timeutil import as_utc, utcnow

LABELS_FR = {
    "praise": "éloge",
    "criticism": "critique",
    "insult": "injure",
    "defamation": "diffamation",
    None: "non classé",
}
LEGAL_LABELS = ("insult", "defamation")
HORIZONS = (7, 15, 30)
DEFAULT_APP_URL = "http://127.0.0.1:8501"
INCLUDE_TEXT_KEY = "digest_include_text"
APP_URL_KEY = "app_url"
EXCERPT_CHARS = 200


@dataclass(slots=True)
class DeadlineCase:
    review_id: int
    location: str
    label: str | None
    due: date
    days_left: int
    status: str
    author: str | None = None
    excerpt: str | None = None


@dataclass(slots=True)
class Digest:
    since: datetime
    until: datetime
    new_by_location: dict[str, Counter[str | None]] = field(default_factory=dict)
    deadlines: list[DeadlineCase] = field(default_factory=list)
    awaiting_google: list[tuple[int, str, str]] = field(default_factory=list)
    removal_due: list[tuple[int, str, str]] = field(default_factory=list)  # (review, place, step)
    flagged_replies: int = 0
    bursts: list[tuple[str, str]] = field(default_factory=list)  # (establishment, French reason)
    app_url: str = DEFAULT_APP_URL
    include_text: bool = False
    practice: str = ""

    @property
    def subject(self) -> str:
        urgent = sum(1 for d in self.deadlines if d.days_left <= 7)
        new = sum(sum(c.values()) for c in self.new_by_location.values())
        head = f"Avis Google : {new} nouvel(s) avis cette semaine"
        if urgent:
            head += f", {urgent} délai(s) à moins de 8 jours"
        return f"{head} — {self.practice}" if self.practice else head

    def body(self) -> str:
        lines = [
            "Bonjour,",
            "",
            f"Voici le point sur les avis Google du {self.since:%d/%m/%Y} au {self.until:%d/%m/%Y}.",
            "",
            "1. Nouveaux avis",
        ]
        if not self.new_by_location:
            lines.append("   Aucun nouvel avis.")
        for location, counts in sorted(self.new_by_location.items()):
            detail = ", ".join(
                f"{n} {LABELS_FR.get(label, label)}"
                for label, n in sorted(counts.items(), key=lambda kv: str(kv[0]))
            )
            lines.append(f"   - {location} : {sum(counts.values())} ({detail})")
        lines += ["", "2. Délais pour agir (injure, diffamation, transmis à l'avocat)"]
        if not self.deadlines:
            lines.append("   Aucun délai dans les 30 prochains jours.")
        for horizon in HORIZONS:
            lower = 0 if horizon == HORIZONS[0] else HORIZONS[HORIZONS.index(horizon) - 1] + 1
            cases = [d for d in self.deadlines if lower <= d.days_left <= horizon]
            if not cases:
                continue
            lines.append(f"   Sous {horizon} jours :")
            for case in cases:
                line = (
                    f"   - avis n° {case.review_id} ({case.location}, {LABELS_FR.get(case.label, case.label)}) :"
                    f" dernier jour le {case.due:%d/%m/%Y}, {case.days_left} jour(s) restant(s)"
                )
                lines.append(line)
                if self.include_text and case.author:
                    lines.append(f"       auteur : {case.author}")
                if self.include_text and case.excerpt:
                    lines.append(f"       extrait : « {case.excerpt} »")
        lines += ["", "3. Signalements à Google en attente de décision"]
        if not self.awaiting_google and not self.removal_due:
            lines.append("   Aucun.")
        for review_id, location, since in self.awaiting_google:
            lines.append(f"   - avis n° {review_id} ({location}), signalé le {since}")
        if self.removal_due:
            lines.append(f"   Refus de Google : recours à déposer sous {HORIZONS[-1]} jours :")
        for review_id, location, step in self.removal_due:
            lines.append(f"   - avis n° {review_id} ({location}) : {step}")
        lines += ["", "4. Réponses déjà publiées qui posent problème (secret professionnel)"]
        lines.append(
            f"   {self.flagged_replies} réponse(s) à corriger ou supprimer sur Google."
            if self.flagged_replies
            else "   Aucune."
        )
        lines += ["", "5. Rafales d'avis négatifs (possible campagne contre le cabinet)"]
        if not self.bursts:
            lines.append("   Aucune.")
        for location, reason in self.bursts:
            lines.append(f"   - {location} : {reason}")
        lines += [
            "",
            f"Ouvrir le tableau de bord : {self.app_url}",
            "",
            "Ce message ne contient "
            + (
                "des extraits d'avis que parce que le cabinet l'a choisi dans les Réglages : "
                "ne le transférez pas."
                if self.include_text
                else "ni texte d'avis ni nom d'auteur : un e-mail n'est pas un canal sûr."
            ),
            "Délais indicatifs, à valider par l'avocat ; ne pas attendre le dernier jour.",
        ]
        return "\n".join(lines) + "\n"

    def to_message(self, sender: str, recipients: list[str]) -> EmailMessage:
        message = EmailMessage()
        message["Subject"] = self.subject
        message["From"] = sender
        message["To"] = ", ".join(recipients)
        message["Date"] = format_datetime(self.until)
        domain = sender.rpartition("@")[2] or "localhost"
        message["Message-ID"] = make_msgid(domain=domain)
        message.set_content(self.body(), charset="utf-8")
        return message


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "oui", "yes", "on"}
    return bool(value)


def build_digest(
    session: Session,
    *,
    days: int = 7,
    now: datetime | None = None,
    settings: PracticeSettings | None = None,
    include_text: bool | None = None,
) -> Digest:
    if days < 1:
        raise ValueError("La période du résumé doit compter au moins un jour.")
    settings = settings or PracticeSettings.load(session)
    until = as_utc(now) or utcnow()
    since = until - timedelta(days=days)
    if include_text is None:
        include_text = _truthy(get_setting(session, INCLUDE_TEXT_KEY, False))
    app_url = os.environ.get("RESPONDERS_APP_URL") or str(
        get_setting(session, APP_URL_KEY, DEFAULT_APP_URL)
    )
    digest = Digest(
        since=since,
        until=until,
        app_url=app_url,
        include_text=include_text,
        practice=settings.practice_name,
    )
    locations = {loc.id: loc for loc in session.exec(select(Location)).all()}

    def name(location_id: int) -> str:
        loc = locations.get(location_id)
        return (loc.name or loc.key) if loc else "?"

    for review in session.exec(
        select(Review).where(col(Review.first_seen_at) >= since, col(Review.first_seen_at) <= until)
    ).all():
        digest.new_by_location.setdefault(name(review.location_id), Counter())[review.label] += 1

    legal = session.exec(
        select(Review, ReviewRevision)
        .outerjoin(ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id))
        .where((col(Review.label).in_(LEGAL_LABELS)) | (col(Review.for_lawyer) == True))  # noqa: E712
    ).all()
    for review, revision in legal:
        loc = locations.get(review.location_id)
        profile = get_profile((loc.profile if loc else None) or settings.profile)
        today = local_date(until, RULES[profile.jurisdiction].timezone)
        deadline = review_deadline(review, profile, today=today)
        due = deadline.next_due
        if due is None or deadline.expired:
            continue
        left = (due - today).days
        if 0 <= left <= HORIZONS[-1]:
            text = (revision.text_original or "") if revision else ""
            digest.deadlines.append(
                DeadlineCase(
                    review_id=int(review.id or 0),
                    location=name(review.location_id),
                    label=review.label,
                    due=due,
                    days_left=left,
                    status=review.status,
                    author=review.author_display_name if include_text else None,
                    excerpt=(text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else ""))
                    if include_text and text
                    else None,
                )
            )
    digest.deadlines.sort(key=lambda d: (d.days_left, d.review_id))

    # the same query as the dashboard's counts, so the two never disagree
    from responders.removal.tracking import removal_overview

    overview = removal_overview(session, today=until.date())
    involved = [a.review_id for a in overview.awaiting] + [d.review_id for d in overview.due_soon]
    reviews = {
        r.id: r for r in session.exec(select(Review).where(col(Review.id).in_(involved))).all()
    }

    def where(review_id: int) -> str:
        reported = reviews.get(review_id)
        return name(reported.location_id) if reported else "?"

    for awaiting in overview.awaiting:
        digest.awaiting_google.append(
            (awaiting.review_id, where(awaiting.review_id), awaiting.since_fr)
        )
    for step in overview.due_soon:
        digest.removal_due.append(
            (
                step.review_id,
                where(step.review_id),
                f"{step.label} Dernier jour : {step.due:%d/%m/%Y} ({step.days_left} jour(s)).",
            )
        )

    from responders.audit import audit_replies
    from responders.bursts import stored_bursts

    digest.bursts = [(name(b.location_id), b.reason) for b in stored_bursts(session, since=since)]

    digest.flagged_replies = sum(
        1 for a in audit_replies(session, settings=settings, only_flagged=True) if not a.corrected
    )
    return digest
