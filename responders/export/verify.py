"""Compare a JSON dossier with the database: what changed since it was written.

Four things can differ: the dossier file itself (a digest no longer matches the fields
printed next to it), a stored capture (its recomputed digest differs, or it is gone), a
file attached to the review (its bytes no longer give the printed SHA-256, or it is gone),
or the review (missing, or captured again with a new text since the export).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from sqlmodel import Session, col, select

from responders.errors import UnusableInput
from responders.export.digest import DIGEST_FIELDS, record_sha256, revision_record
from responders.export.dossier import DOSSIER_KIND
from responders.store.models import Location, Review, ReviewCapture, ReviewRevision

ChangeKind = Literal[
    "dossier_altered",
    "review_missing",
    "revision_missing",
    "revision_changed",
    "new_revisions",
    "capture_missing",
    "capture_changed",
    "new_captures",
]

FIELD_NAMES_FR = {
    "google_id": "identifiant Google",
    "number": "numéro de version",
    "captured_at": "date de capture",
    "source": "source",
    "rating": "note",
    "text_original": "texte original",
    "text_translated": "traduction",
    "language": "langue",
    "source_updated_at": "date de modification selon la source",
    "owner_reply_text": "réponse du cabinet",
    "owner_reply_at": "date de la réponse du cabinet",
}


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    rank: int | None
    review_id: int | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rank": self.rank,
            "review_id": self.review_id,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class VerifyReport:
    reviews: int
    revisions: int
    changes: list[Change]
    captures: int = 0

    @property
    def identical(self) -> bool:
        return not self.changes

    def lines(self) -> list[str]:
        if self.identical:
            attached = f", {self.captures} capture(s) jointe(s)" if self.captures else ""
            return [
                f"Dossier identique à la base : {self.reviews} avis et {self.revisions} "
                f"versions vérifiés{attached}, empreintes SHA-256 concordantes."
            ]
        return [c.message for c in self.changes] + [
            f"{len(self.changes)} différence(s) sur {self.reviews} avis vérifiés."
        ]


def _entries(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict) or data.get("kind") != DOSSIER_KIND:
        raise UnusableInput(
            "ce fichier n'est pas un dossier JSON produit par « responders export lawyer "
            "--format json »."
        )
    entries = data.get("entries")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise UnusableInput("la liste « entries » du dossier est absente ou illisible.")
    return entries


def _find_review(session: Session, entry: dict[str, Any]) -> Review | None:
    review = (
        session.get(Review, entry.get("review_id"))
        if isinstance(entry.get("review_id"), int)
        else None
    )
    google_id = entry.get("google_id")
    if review is not None and (google_id is None or review.external_id == google_id):
        return review
    # the database may have been rebuilt by a new import: look the review up by its Google id
    location_key = (entry.get("location") or {}).get("key")
    if google_id is None or location_key is None:
        return None
    return session.exec(
        select(Review)
        .join(Location, col(Location.id) == col(Review.location_id))
        .where(Review.external_id == google_id, Location.key == location_key)
    ).first()


def _verify_captures(session: Session, entry: dict[str, Any], review: Review, change: Any) -> int:
    """Each attached file printed in the dossier still gives its printed SHA-256."""
    printed = [c for c in entry.get("captures") or [] if isinstance(c, dict)]
    stored = {
        c.id: c
        for c in session.exec(
            select(ReviewCapture).where(ReviewCapture.review_id == review.id)
        ).all()
    }
    for item in printed:
        name = item.get("filename") or "sans nom"
        capture = stored.get(item.get("capture_id"))
        if capture is None:
            by_digest = [c for c in stored.values() if c.sha256 == item.get("sha256")]
            capture = by_digest[0] if by_digest else None
        if capture is None:
            change(
                "capture_missing",
                f"la capture jointe « {name} » n'existe plus dans la base.",
                review.id,
            )
            continue
        if hashlib.sha256(bytes(capture.data)).hexdigest() != item.get("sha256"):
            change(
                "capture_changed",
                f"la capture jointe « {name} » ne correspond plus à son empreinte SHA-256 : "
                "le fichier enregistré ou le dossier a été modifié.",
                review.id,
            )
    known = {c.get("capture_id") for c in printed} | {c.get("sha256") for c in printed}
    new = [c for c in stored.values() if c.id not in known and c.sha256 not in known]
    if new:
        change(
            "new_captures",
            f"{len(new)} capture(s) jointe(s) depuis l'export ("
            + ", ".join(c.filename for c in new)
            + ") : refaites le dossier pour les y inclure.",
            review.id,
        )
    return len(printed)


def _verify_entry(session: Session, entry: dict[str, Any]) -> tuple[list[Change], int, int]:
    rank = entry.get("rank") if isinstance(entry.get("rank"), int) else None
    who = f"Avis n° {rank} ({entry.get('google_id') or 'sans identifiant Google'})"
    printed_revisions = [r for r in entry.get("revisions") or [] if isinstance(r, dict)]
    changes: list[Change] = []

    def change(kind: ChangeKind, message: str, review_id: Any) -> None:
        review_id = review_id if isinstance(review_id, int) else None
        changes.append(Change(kind, rank, review_id, f"{who} : {message}"))

    for printed in printed_revisions:
        if record_sha256({**printed, "google_id": entry.get("google_id")}) != printed.get("sha256"):
            change(
                "dossier_altered",
                f"la version {printed.get('number')} imprimée dans le dossier ne correspond plus "
                "à son empreinte : le fichier du dossier a été modifié après l'export.",
                entry.get("review_id"),
            )

    review = _find_review(session, entry)
    if review is None:
        change(
            "review_missing",
            "introuvable dans la base (supprimé, ou base différente de celle de l'export).",
            entry.get("review_id"),
        )
        return changes, 0, 0
    stored = {
        r.number: r
        for r in session.exec(
            select(ReviewRevision).where(ReviewRevision.review_id == review.id)
        ).all()
    }
    for printed in printed_revisions:
        number = printed.get("number")
        revision = stored.get(number) if isinstance(number, int) else None
        if revision is None:
            change(
                "revision_missing", f"la version {number} n'existe plus dans la base.", review.id
            )
            continue
        now = revision_record(review.external_id, revision)
        if record_sha256(now) != printed.get("sha256"):
            fields = [
                FIELD_NAMES_FR[k]
                for k in DIGEST_FIELDS
                if now.get(k) != printed.get(k, entry.get(k))
            ]
            change(
                "revision_changed",
                f"la version {number} enregistrée a changé depuis l'export "
                f"({', '.join(fields) or 'contenu'}) : l'empreinte SHA-256 ne correspond plus.",
                review.id,
            )
    known = {r.get("number") for r in printed_revisions}
    new = [stored[n] for n in sorted(stored) if n not in known]
    if new:
        dates = ", ".join(
            r.captured_at.strftime("%d/%m/%Y") if r.captured_at else "date inconnue" for r in new
        )
        change(
            "new_revisions",
            f"{len(new)} nouvelle(s) version(s) capturée(s) depuis l'export (le {dates}) : "
            "le texte de l'avis a changé, refaites le dossier.",
            review.id,
        )
    attached = _verify_captures(session, entry, review, change)
    return changes, len(printed_revisions), attached


def verify_dossier(session: Session, data: Any) -> VerifyReport:
    """Every difference between the dossier `data` (parsed JSON) and the database."""
    entries = _entries(data)
    changes: list[Change] = []
    checked = attached = 0
    for entry in entries:
        found, count, files = _verify_entry(session, entry)
        changes += found
        checked += count
        attached += files
    return VerifyReport(reviews=len(entries), revisions=checked, changes=changes, captures=attached)
