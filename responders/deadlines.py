"""Limitation periods for acting against a review, per jurisdiction.

France: three calendar months from the first publication (« trois mois révolus », art. 65
of the loi du 29 juillet 1881); a re-publication may open a new three months, so an edited
review also gets an alternative date computed from its edit. Québec: one year from the day
the practitioner learned of the review (C.c.Q. art. 2929); until staff set a date of
knowledge (with a reason), it is taken to be the publication date: the conservative reading,
which never gives more time than the law may allow. The import day is used only when the
publication date is unknown.

`review_deadline` is the one function the queue, the triage card, the lawyer dossier and the
digest call: it reads only the review's own columns, so every screen agrees.

Dates are counted in the practice's own time zone: a review posted at 23:30 UTC on
30 November was published on 1 December in Paris.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from responders.profiles import Jurisdiction, Profile, get_profile
from responders.store.models import Review, ReviewRevision
from responders.timeutil import as_utc, utcnow

Basis = Literal["publication", "knowledge"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One jurisdiction's limitation period, as data."""

    jurisdiction: Jurisdiction
    months: int
    basis: Basis
    legal_basis: str
    timezone: str
    start_label: str


RULES: dict[str, Rule] = {
    "FR": Rule(
        "FR",
        3,
        "publication",
        "art. 65 de la loi du 29 juillet 1881 (trois mois révolus)",
        "Europe/Paris",
        "première publication de l'avis",
    ),
    "QC": Rule(
        "QC",
        12,
        "knowledge",
        "C.c.Q. art. 2929 (un an)",
        "America/Montreal",
        "date de connaissance de l'avis",
    ),
}

# Google stamps updateTime a little after createTime on untouched reviews.
EDIT_TOLERANCE = timedelta(minutes=1)


def add_months(day: date, months: int) -> date:
    """Same day-of-month `months` later, clamped to the month's last day (30 Nov + 3 = 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def local_date(moment: datetime, timezone: str) -> date:
    aware = as_utc(moment)
    assert aware is not None
    return aware.astimezone(ZoneInfo(timezone)).date()


def today_in(jurisdiction: str) -> date:
    return local_date(utcnow(), RULES[jurisdiction].timezone)


@dataclass(frozen=True, slots=True)
class Deadline:
    """The deadline of one review. `due` is the last day to act (counted by `rule`)."""

    jurisdiction: Jurisdiction
    basis: Basis
    legal_basis: str
    start: date | None
    due: date | None
    days_left: int | None
    edited: bool
    alternative_start: date | None
    alternative_due: date | None
    alternative_days_left: int | None
    note: str

    @property
    def expired(self) -> bool:
        """True when every known date has passed; unknown dates are never called expired."""
        lefts = [d for d in (self.days_left, self.alternative_days_left) if d is not None]
        return bool(lefts) and all(d < 0 for d in lefts)

    @property
    def next_due(self) -> date | None:
        """The nearest date still open, else the latest passed one."""
        dues = [
            (due, left)
            for due, left in (
                (self.due, self.days_left),
                (self.alternative_due, self.alternative_days_left),
            )
            if due is not None and left is not None
        ]
        open_dues = [due for due, left in dues if left >= 0]
        if open_dues:
            return min(open_dues)
        return max((due for due, _ in dues), default=None)

    @property
    def next_days_left(self) -> int | None:
        """Days left until `next_due`."""
        if self.next_due is not None and self.next_due == self.alternative_due:
            return self.alternative_days_left
        return self.days_left

    def sort_key(self) -> tuple[int, date]:
        """Open deadlines first (nearest first), then unknown ones, then expired ones."""
        nxt = self.next_due
        if nxt is None:
            return (1, date.max)
        return (2 if self.expired else 0, nxt)

    def to_dict(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "jurisdiction": self.jurisdiction,
            "basis": self.basis,
            "legal_basis": self.legal_basis,
            "start": iso(self.start),
            "due": iso(self.due),
            "days_left": self.days_left,
            "expired": self.expired,
            "edited": self.edited,
            "alternative_start": iso(self.alternative_start),
            "alternative_due": iso(self.alternative_due),
            "alternative_days_left": self.alternative_days_left,
            "note": self.note,
        }


def is_edited(
    created_at: datetime | None, updated_at: datetime | None, revision_count: int
) -> bool:
    if revision_count > 1:
        return True
    if created_at is None or updated_at is None:
        return False
    return bool(as_utc(updated_at) - as_utc(created_at) > EDIT_TOLERANCE)  # type: ignore[operator]


def compute_deadline(
    jurisdiction: str,
    *,
    created_at: datetime | None,
    updated_at: datetime | None = None,
    knowledge_date: datetime | None = None,
    first_seen_at: datetime | None = None,
    revision_count: int = 1,
    latest_capture_at: datetime | None = None,
    today: date | None = None,
) -> Deadline:
    """The deadline from plain values, so every case can be tested without a database.

    `latest_capture_at` is when the product first saw the newest text of an edited review:
    it stands in for the edit date when the source gives none.
    """
    rule = RULES[jurisdiction]
    today = today or today_in(jurisdiction)
    edited = is_edited(created_at, updated_at, revision_count)

    notes: list[str] = []

    def span(moment: datetime | None) -> tuple[date | None, date | None, int | None]:
        if moment is None:
            return None, None, None
        try:
            start = local_date(moment, rule.timezone)
            due = add_months(start, rule.months)
        except (OverflowError, ValueError):  # a corrupt year 9999 or year 1 in the source
            notes.append(
                f"Date hors limites ({as_utc(moment).date().isoformat()}) : "  # type: ignore[union-attr]
                "délai à établir par l'avocat."
            )
            return None, None, None
        return start, due, (due - today).days

    if rule.basis == "publication":
        start, due, left = span(created_at)
        if created_at is None:
            notes.append("Date de publication inconnue : délai à établir par l'avocat.")
    else:
        knowledge = knowledge_date or created_at or first_seen_at
        start, due, left = span(knowledge)
        if knowledge_date is None and created_at is not None:
            notes.append(
                "Date de connaissance non renseignée : le délai court par prudence depuis la "
                "publication de l'avis ; indiquez la date où le cabinet en a eu connaissance."
            )
        elif knowledge_date is None and first_seen_at is not None:
            notes.append(
                "Date de publication inconnue : le délai court depuis le premier import, "
                "à corriger si l'avis a été connu plus tôt."
            )
        if knowledge is None:
            notes.append("Date de connaissance inconnue : à renseigner.")

    alt_start = alt_due = alt_left = None
    if edited:
        # the source's own edit time beats our capture time, which can only be later
        changed_at = updated_at if is_edited(created_at, updated_at, 1) else latest_capture_at
        if rule.basis == "publication":
            alt_start, alt_due, alt_left = span(changed_at)
            notes.append(
                "Avis modifié après sa publication : si l'avocat retient une nouvelle "
                "publication, un nouveau délai de trois mois court à partir de la modification."
            )
        else:
            if changed_at is not None and (
                start is None or local_date(changed_at, rule.timezone) > start
            ):
                alt_start, alt_due, alt_left = span(changed_at)
            notes.append(
                "Avis modifié : le nouveau texte a pu être connu plus tard ; délai à "
                "apprécier par l'avocat pour chaque version."
            )
    if left is not None and left < 0 and not (alt_left is not None and alt_left >= 0):
        notes.append("Délai dépassé.")
    notes.append("Calcul indicatif, à valider par l'avocat ; ne pas attendre le dernier jour.")
    return Deadline(
        jurisdiction=rule.jurisdiction,
        basis=rule.basis,
        legal_basis=rule.legal_basis,
        start=start,
        due=due,
        days_left=left,
        edited=edited,
        alternative_start=alt_start,
        alternative_due=alt_due,
        alternative_days_left=alt_left,
        note=" ".join(notes),
    )


def review_deadline(
    review: Review,
    profile: str | Profile,
    *,
    revisions: Sequence[ReviewRevision] = (),
    today: date | None = None,
) -> Deadline:
    """The deadline of a stored review under `profile`'s jurisdiction.

    Only the review's columns count (`revisions` only confirms that it was edited), so a
    caller holding the revisions and one holding the bare row get the same dates. For an
    edit the source did not date, the capture of the newest text (`changed_at`) stands in.
    """
    prof = profile if isinstance(profile, Profile) else get_profile(profile)
    count = max(review.revision_count or 1, len(revisions))
    latest_capture = review.changed_at if count > 1 else None
    return compute_deadline(
        prof.jurisdiction,
        created_at=review.created_at,
        updated_at=review.updated_at,
        knowledge_date=review.knowledge_date,
        first_seen_at=review.first_seen_at,
        revision_count=count,
        latest_capture_at=latest_capture,
        today=today,
    )
