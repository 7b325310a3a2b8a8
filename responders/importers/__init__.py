"""Import: files, folders and .zip archives in any known shape -> stored reviews and revisions.

Every path is read and checked before anything is written: if one cannot be used at all,
`UnusableInput` is raised and the database is untouched. Then each file is stored in its own
transaction (see ingest.py for matching, revisions and idempotence).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from responders.errors import UnusableInput
from responders.importers.base import ParsedFile
from responders.importers.detect import FORMATS, load_path
from responders.importers.generic_csv import parse_mapping
from responders.importers.ingest import FileResult, new_listing_keys, resolve_locations, store_file
from responders.importers.record import NormalizedReview
from responders.profiles import get_profile
from responders.store.engine import session_scope
from responders.timeutil import utcnow

Progress = Callable[[int, int, str], None]


@dataclass
class ImportSummary:
    files: int = 0
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    older: int = 0  # states older than the current one, kept as revisions (never made current)
    errors: list[dict[str, Any]] = field(default_factory=list)
    results: list[FileResult] = field(default_factory=list)  # per file, for messages

    def add(self, result: FileResult) -> None:
        self.results.append(result)
        self.read += result.read
        self.new += result.new
        self.updated += result.updated
        self.unchanged += result.unchanged
        self.rejected += result.rejected
        self.older += result.older
        self.errors.extend(result.errors)

    def to_dict(self) -> dict[str, Any]:
        """The CONTRACTS.md summary keys, plus `older` (states older than the current one)."""
        return {
            "files": self.files,
            "read": self.read,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "older": self.older,
            "errors": [
                {"file": e["file"], "record": e["record"], "reason": e["reason"]}
                for e in self.errors
            ],
        }


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are built: the import creates a few
    objects per review and none of them form cycles, yet each collection walks them all
    (a tenth of the import time on 100,000 reviews)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_paths(
    paths: Iterable[str | Path] | str | Path,
    *,
    location: str | None = None,
    fmt: str = "auto",
    mapping: str | dict[str, str] | None = None,
    progress: Progress | None = None,
) -> list[ParsedFile]:
    """Parse and check every path; raises UnusableInput before anything is written."""
    if isinstance(paths, str | Path):
        paths = [paths]
    paths = list(paths)
    columns = parse_mapping(mapping)
    now = utcnow()
    units: list[ParsedFile] = []
    for position, path in enumerate(paths):
        if progress:
            progress(position, len(paths), f"Lecture de {path}")
        units.extend(load_path(path, fmt=fmt, mapping=columns or None, now=now))
    for unit in units:
        resolve_locations(unit, location)
    return units


def check_new_listings(session: Any, units: list[ParsedFile]) -> None:
    """No silent default when it matters: a file naming a listing the practice does not know,
    in a practice whose listings follow two jurisdictions, needs its profile."""
    from responders.listings import effective_jurisdictions
    from responders.store.settings import PracticeSettings

    practice = PracticeSettings.load(session)
    if len(effective_jurisdictions(session, practice.profile)) < 2:
        return
    for unit in units:
        unknown = new_listing_keys(session, unit)
        if unknown:
            names = sorted(
                {
                    rec.location_name or rec.location_key or ""
                    for _, rec in unit.records
                    if rec.location_key in unknown
                }
            )
            raise UnusableInput(
                f"{unit.label} : établissement inconnu ({', '.join(names)}). Les établissements du "
                "cabinet relèvent de deux juridictions (France et Québec) : précisez le profil de "
                "ce nouvel établissement (délais et lois en dépendent) — « Profil d'un nouvel "
                "établissement » sur la page Importer, ou --profile qc-medecin / --profile "
                "fr-dentiste en ligne de commande. S'il s'agit d'un établissement déjà connu sous "
                "un autre identifiant, importez-le avec son profil puis fusionnez les deux fiches "
                "dans Réglages."
            )


def import_paths(
    engine: Engine,
    paths: Iterable[str | Path] | str | Path,
    *,
    location: str | None = None,
    fmt: str = "auto",
    mapping: str | dict[str, str] | None = None,
    classify: bool = True,
    progress: Progress | None = None,
    profile: str | None = None,
) -> ImportSummary:
    """`profile` goes to the listings the import creates; without it, a new listing follows
    the practice-wide profile, unless the practice's listings span two jurisdictions: then
    UnusableInput says so and nothing is written."""
    if profile is not None:
        try:
            get_profile(profile)
        except ValueError as exc:
            raise UnusableInput(str(exc)) from None
    with _no_gc_pauses():
        units = read_paths(paths, location=location, fmt=fmt, mapping=mapping, progress=progress)
        if profile is None:
            with session_scope(engine) as session:
                check_new_listings(session, units)
        summary = ImportSummary(files=len(units))
        total = sum(len(unit.records) for unit in units)
        done = 0
        for unit in units:
            if progress:
                progress(done, total, f"Enregistrement de {unit.label}")
            try:
                with session_scope(engine) as session:
                    result = store_file(
                        session,
                        unit,
                        classify=classify,
                        progress=progress,
                        done_before=done,
                        total=total,
                        profile=profile,
                    )
            except Exception as exc:
                # the files before this one are stored (one transaction each): the command still
                # reports them, then the failure
                exc.partial_summary = summary  # type: ignore[attr-defined]
                exc.failed_file = unit.label  # type: ignore[attr-defined]
                raise
            summary.add(result)
            done += len(unit.records)
    if progress:
        progress(total, total, "Import terminé")
    return summary


__all__ = ["FORMATS", "ImportSummary", "NormalizedReview", "import_paths", "read_paths"]
