"""The dossier as tables (one row per review, per passage, per revision, per action).

CSV and XLSX share these column definitions, so both say the same thing under the same
headers. Values stay typed here (dates, numbers, text); each writer formats them.
Times are shown in UTC, dates of deadlines in the practice's own calendar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from responders.export.dossier import (
    ActionEvidence,
    CaptureEvidence,
    Dossier,
    PassageEvidence,
    RevisionEvidence,
)
from responders.export.law import VALIDATION

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A text cell can never be read as a formula by Excel or LibreOffice."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def yes_no(value: bool) -> str:
    return "oui" if value else "non"


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    value: Callable[..., Any]
    width: int = 14  # XLSX column width, in characters


REVIEW_COLUMNS: tuple[Column, ...] = (
    Column("Rang", lambda e: e.rank, 6),
    Column("Date limite", lambda e: e.deadline.due, 12),
    Column("Jours restants", lambda e: e.deadline.days_left, 9),
    Column("Avis modifié", lambda e: yes_no(e.deadline.edited), 8),
    Column("Date limite si republication", lambda e: e.deadline.alternative_due, 12),
    Column("Jours restants si republication", lambda e: e.deadline.alternative_days_left, 9),
    Column("Point de départ du délai", lambda e: e.deadline.start, 12),
    Column("Base légale du délai", lambda e: e.deadline.legal_basis, 24),
    Column("Remarque sur le délai", lambda e: e.deadline.note, 40),
    Column("Établissement", lambda e: e.location_name, 24),
    Column("Juridiction", lambda e: e.jurisdiction_fr, 12),
    Column("Droit applicable", lambda e: e.law, 30),
    Column("Signataire de la notification", lambda e: _signer(e.notifier), 24),
    Column("URL de l'avis", lambda e: e.review_url or "", 30),
    Column("Identifiant Google de l'avis", lambda e: e.google_id or "", 20),
    Column("Auteur (nom affiché)", lambda e: e.author_display_name or "", 20),
    Column("Auteur anonyme", lambda e: yes_no(e.is_anonymous), 8),
    Column("Profil Google de l'auteur", lambda e: e.reviewer_profile_url or "", 30),
    Column("Rafale d'avis négatifs", lambda e: e.burst or "", 30),
    Column("Note (étoiles)", lambda e: e.rating, 7),
    Column("Publié le (UTC)", lambda e: e.created_at, 17),
    Column("Modifié le (UTC)", lambda e: e.updated_at, 17),
    Column("Qualification proposée de l'avis", lambda e: e.label_fr, 14),
    Column("Transmis à l'avocat par le cabinet", lambda e: yes_no(e.transmitted), 8),
    Column("Cible", lambda e: e.target, 24),
    Column("Profil", lambda e: e.profile.label, 18),
    Column("Statut", lambda e: e.status_fr, 12),
    Column("Texte original (verbatim)", lambda e: e.text_original or "", 60),
    Column("Traduction Google", lambda e: e.text_translated or "", 40),
    Column("Nombre de passages", lambda e: len(e.passages), 8),
    Column("Versions capturées", lambda e: len(e.revisions), 8),
    Column("Première capture (UTC)", lambda e: e.first_seen_at, 17),
    Column("Dernière capture (UTC)", lambda e: e.last_seen_at, 17),
    Column("SHA-256 de la version actuelle", lambda e: e.current_sha256 or "", 20),
    Column(
        "Captures jointes (SHA-256)",
        lambda e: "\n".join(f"{c.filename} : {c.sha256}" for c in e.captures),
        40,
    ),
    Column("Actions du cabinet", lambda e: "\n".join(a.summary() for a in e.actions), 40),
)

PASSAGE_COLUMNS: tuple[Column, ...] = (
    Column("Rang de l'avis", lambda e, p: e.rank, 6),
    Column("Date limite", lambda e, p: e.deadline.due, 12),
    Column("Identifiant Google de l'avis", lambda e, p: e.google_id or "", 20),
    Column("Auteur (nom affiché)", lambda e, p: e.author, 20),
    Column("N° du passage", lambda e, p: p.number if p else None, 6),
    Column("Passage (verbatim)", lambda e, p: p.text if p else "", 50),
    Column("Début", lambda e, p: p.start if p else None, 7),
    Column("Fin", lambda e, p: p.end if p else None, 7),
    Column("Texte de référence des positions", lambda e, p: _located(p), 12),
    Column("Qualification proposée", lambda e, p: p.qualification_fr if p else "", 14),
    Column("Articles", lambda e, p: "\n".join(p.articles) if p else "", 30),
    Column("Validation", lambda e, p: VALIDATION, 14),
    Column("Explication", lambda e, p: p.explanation if p else "aucun passage relevé", 40),
    Column("Règle", lambda e, p: p.rule if p else "", 16),
)

REVISION_COLUMNS: tuple[Column, ...] = (
    Column("Rang de l'avis", lambda e, r: e.rank, 6),
    Column("Identifiant Google de l'avis", lambda e, r: e.google_id or "", 20),
    Column("Version", lambda e, r: r.number, 7),
    Column("Capturée le (UTC)", lambda e, r: _parse(r.record["captured_at"]), 17),
    Column("Source", lambda e, r: r.record["source"], 10),
    Column("Note", lambda e, r: r.record["rating"], 6),
    Column("Texte original", lambda e, r: r.record["text_original"] or "", 50),
    Column("Traduction Google", lambda e, r: r.record["text_translated"] or "", 30),
    Column(
        "Modifiée selon la source (UTC)", lambda e, r: _parse(r.record["source_updated_at"]), 17
    ),
    Column("Réponse du cabinet", lambda e, r: r.record["owner_reply_text"] or "", 30),
    Column("SHA-256", lambda e, r: r.sha256, 66),
)

ACTION_COLUMNS: tuple[Column, ...] = (
    Column("Rang de l'avis", lambda e, a: e.rank, 6),
    Column("Identifiant Google de l'avis", lambda e, a: e.google_id or "", 20),
    Column("Date (UTC)", lambda e, a: a.at, 17),
    Column("Utilisateur", lambda e, a: a.user, 14),
    Column("Action", lambda e, a: a.label, 18),
    Column(
        "Détail",
        lambda e, a: "\n".join(f"{k} : {v}" for k, v in a.detail_fr().items()),
        30,
    ),
    Column("Texte", lambda e, a: a.text or "", 40),
)


CAPTURE_COLUMNS: tuple[Column, ...] = (
    Column("Rang de l'avis", lambda e, c: e.rank, 6),
    Column("Identifiant Google de l'avis", lambda e, c: e.google_id or "", 20),
    Column("N° de la capture", lambda e, c: c.number, 6),
    Column("Fichier", lambda e, c: c.filename, 24),
    Column("Type", lambda e, c: c.media_type, 12),
    Column("Taille (octets)", lambda e, c: c.size, 10),
    Column("Jointe le (UTC)", lambda e, c: c.added_at, 17),
    Column("Jointe par", lambda e, c: c.added_by, 14),
    Column("SHA-256", lambda e, c: c.sha256, 66),
)


def _signer(signatory: Any) -> str:
    parts = [p for p in (signatory.name, signatory.email) if p]
    return " — ".join(parts) if parts else "à compléter dans Réglages"


def _located(passage: PassageEvidence | None) -> str:
    if passage is None:
        return ""
    return {"original": "texte original", "translated": "traduction"}.get(
        passage.located_in or "", "à vérifier"
    )


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


# the CSV: every review column, then the passage's own columns (one row per passage)
FLAT_COLUMNS: tuple[Column, ...] = REVIEW_COLUMNS + PASSAGE_COLUMNS[4:]


def flat_rows(dossier: Dossier) -> Iterator[list[Any]]:
    for entry in dossier.entries:
        passages: list[PassageEvidence | None] = list(entry.passages) or [None]
        for passage in passages:
            yield [c.value(entry) for c in REVIEW_COLUMNS] + [
                c.value(entry, passage) for c in PASSAGE_COLUMNS[4:]
            ]


def review_rows(dossier: Dossier) -> Iterator[list[Any]]:
    for entry in dossier.entries:
        yield [c.value(entry) for c in REVIEW_COLUMNS]


def passage_rows(dossier: Dossier) -> Iterator[list[Any]]:
    """One row per passage; a review without passages still gets one row."""
    for entry in dossier.entries:
        passages: list[PassageEvidence | None] = list(entry.passages) or [None]
        for passage in passages:
            yield [c.value(entry, passage) for c in PASSAGE_COLUMNS]


def revision_rows(dossier: Dossier) -> Iterator[list[Any]]:
    for entry in dossier.entries:
        revision: RevisionEvidence
        for revision in entry.revisions:
            yield [c.value(entry, revision) for c in REVISION_COLUMNS]


def capture_rows(dossier: Dossier) -> Iterator[list[Any]]:
    for entry in dossier.entries:
        capture: CaptureEvidence
        for capture in entry.captures:
            yield [c.value(entry, capture) for c in CAPTURE_COLUMNS]


def action_rows(dossier: Dossier) -> Iterator[list[Any]]:
    for entry in dossier.entries:
        action: ActionEvidence
        for action in entry.actions:
            yield [c.value(entry, action) for c in ACTION_COLUMNS]


def format_value(value: Any) -> str:
    """Text for CSV and PDF: French dates, times in UTC, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int | float):
        # numbers are written by the product, never by a reviewer: left as numbers
        return str(value)
    return neutralise(str(value))
