"""The Avocat page's table and downloads: one line per candidate, deadline as a countdown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlmodel import Session

from responders.export import MEDIA_TYPES, Dossier, build_dossier, dossier_bytes
from responders.store.captures import CaptureInfo
from responders.store.settings import PracticeSettings
from responders.timeutil import utcnow

COLUMNS = [
    "Rang",
    "Échéance",
    "Jours restants",
    "Catégorie",
    "Établissement",
    "Publié le",
    "Modifié",
    "Statut",
    "Transmis",
    "Captures",
]


def countdown_frame(dossier: Dossier) -> pd.DataFrame:
    rows = []
    for entry in dossier.entries:
        deadline = entry.deadline
        due = deadline.next_due
        left = deadline.next_days_left
        rows.append(
            {
                "Rang": entry.rank,
                "Échéance": due.strftime("%d/%m/%Y") if due else "à établir",
                "Jours restants": "dépassé"
                if left is not None and left < 0
                else ("—" if left is None else str(left)),
                "Catégorie": entry.label_fr,
                "Établissement": entry.location_name,
                "Publié le": entry.created_at.strftime("%d/%m/%Y") if entry.created_at else "",
                "Modifié": "oui" if deadline.edited else "non",
                "Statut": entry.status_fr,
                "Transmis": "oui" if entry.transmitted else "non",
                "Captures": len(entry.captures),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


@dataclass(frozen=True, slots=True)
class PreparedFile:
    """A dossier file built when asked, kept until the next one is asked for."""

    scope: str
    fmt: str
    data: bytes
    file_name: str
    mime: str
    count: int
    built_at: datetime


def prepare_dossier_file(
    session: Session, *, scope: str, fmt: str, settings: PracticeSettings | None = None
) -> PreparedFile:
    """Build the dossier of `scope` in `fmt`, the bytes a download button hands out."""
    settings = settings or PracticeSettings.load(session)
    dossier = build_dossier(session, profile=settings.profile, settings=settings, scope=scope)  # type: ignore[arg-type]
    stem = "dossier-avocat-transmis" if scope == "transmitted" else "dossier-avocat-candidats"
    return PreparedFile(
        scope=scope,
        fmt=fmt,
        data=dossier_bytes(dossier, fmt),
        file_name=f"{stem}-{dossier.today:%Y-%m-%d}.{fmt}",
        mime=MEDIA_TYPES[fmt],
        count=len(dossier.entries),
        built_at=utcnow(),
    )


def captures_frame(captures: list[CaptureInfo]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Fichier": c.filename,
                "Jointe le (UTC)": c.added_at.strftime("%d/%m/%Y %H:%M") if c.added_at else "",
                "Par": c.added_by,
                "Taille (Ko)": max(1, round(c.size / 1024)),
                "SHA-256": c.sha256,
            }
            for c in captures
        ],
        columns=["Fichier", "Jointe le (UTC)", "Par", "Taille (Ko)", "SHA-256"],
    )
