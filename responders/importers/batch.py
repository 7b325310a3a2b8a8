"""Uploads from the dashboard: several files at once, named as the person named them.

Each file is checked on its own: a PDF or a photo is recognised by its first bytes and named
for what it is; a table whose columns are not recognised is reported with its columns so the
page can offer a column mapping; every other file of the batch is imported all the same.
Messages never show the server's temporary folder, and never mention command-line options.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from responders.errors import UnusableInput
from responders.importers import ImportSummary, Progress, import_paths, read_paths

# (what it is, first bytes); checked in order
_MAGIC: tuple[tuple[str, bytes], ...] = (
    ("un PDF", b"%PDF"),
    ("une image PNG", b"\x89PNG\r\n\x1a\n"),
    ("une image JPEG", b"\xff\xd8\xff"),
    ("une image GIF", b"GIF8"),
    ("un document RTF (traitement de texte)", b"{\\rtf"),
    ("un programme Windows", b"MZ"),
    ("une archive RAR", b"Rar!"),
    ("une archive 7-Zip", b"7z\xbc\xaf\x27\x1c"),
    ("une archive gzip", b"\x1f\x8b"),
)
_ZIP_DOCUMENTS = (
    ("word/document.xml", "un document Word"),
    ("ppt/presentation.xml", "une présentation PowerPoint"),
    ("content.xml", "un document OpenDocument (LibreOffice)"),
)


def what_is(data: bytes) -> str | None:
    """What a file is when it is clearly not an export of reviews ("un PDF"), else None."""
    head = data[:64]
    for name, magic in _MAGIC:
        if head.startswith(magic):
            return name
    if head[4:8] == b"ftyp":
        kind = head[8:12]
        return (
            "une photo HEIC"
            if kind in (b"heic", b"heix", b"mif1")
            else "une vidéo ou un fichier audio"
        )
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "une image WebP"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        for member, name in _ZIP_DOCUMENTS:
            if member in names:
                return name
        return None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return "une page web (HTML)"
    return None


def safe_name(name: str) -> str:
    """The file's own name, without any folder a browser may send, never empty."""
    base = re.split(r"[\\/]", name or "")[-1].strip().replace("\x00", "")
    return base if base not in ("", ".", "..") else "fichier"


@dataclass
class Refused:
    name: str
    message: str
    columns: list[str] = field(default_factory=list)  # set when a column mapping would help

    @property
    def needs_mapping(self) -> bool:
        return bool(self.columns)


@dataclass
class BatchResult:
    summary: ImportSummary | None
    imported: list[str] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary.to_dict() if self.summary else None,
            "imported": list(self.imported),
            "refused": [
                {"name": r.name, "message": r.message, "columns": list(r.columns)}
                for r in self.refused
            ],
        }


_OPTION = re.compile(
    r"\s*(?:\(précisez les colonnes avec --mapping[^)]*\)|Indiquez-les avec --mapping.*$)"
)


def _for_people(message: str, folder: Path) -> str:
    for prefix in (f"{folder}/", f"{folder.resolve()}/", str(folder), str(folder.resolve())):
        message = message.replace(prefix, "")
    message = _OPTION.sub("", message).rstrip()
    message = message.replace("--format", "le format").replace(
        "--mapping", "la correspondance des colonnes"
    )
    return message


def _columns(data: bytes, name: str) -> list[str]:
    from responders.importers.tabular import read_csv, read_xlsx

    try:
        table = read_xlsx(data, name) if data.startswith(b"PK") else read_csv(data, name)
    except UnusableInput:
        return []
    return [h for h in table.headers if h]


def import_uploads(
    engine: Engine,
    files: list[tuple[str, bytes]],
    *,
    location: str | None = None,
    mappings: dict[str, dict[str, str]] | None = None,
    progress: Progress | None = None,
    profile: str | None = None,
) -> BatchResult:
    """Imports every usable file of `files` ((name as uploaded, content)); lists every other one.

    `mappings` gives, per file name, the column mapping chosen in the page (field -> column).
    """
    mappings = mappings or {}
    result = BatchResult(summary=None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        good: list[tuple[Path, str]] = []
        for position, (raw_name, data) in enumerate(files):
            name = safe_name(raw_name)
            kind = what_is(data)
            if kind:
                result.refused.append(
                    Refused(
                        name,
                        f"{name} : ce fichier est {kind}, pas un export d'avis. "
                        "Déposez le fichier exporté de Google (JSON, CSV, Excel ou .zip).",
                    )
                )
                continue
            target = folder / str(position) / name
            target.parent.mkdir()
            target.write_bytes(data)
            try:
                read_paths([target], location=location, mapping=mappings.get(name) or None)
            except UnusableInput as exc:
                message = _for_people(str(exc), target.parent)
                columns = (
                    _columns(data, name)
                    if "--mapping" in str(exc) and not data.startswith(b"{")
                    else []
                )
                if columns:
                    message += (
                        " Choisissez ci-dessous les colonnes qui contiennent le texte et la note."
                    )
                result.refused.append(Refused(name, message, columns))
                continue
            good.append((target, name))
            if progress:
                progress(position + 1, len(files), f"Lecture de {name}")
        if good:
            by_mapping: dict[str, list[Path]] = {}
            for target, name in good:
                by_mapping.setdefault(name, []).append(target)
            summary = ImportSummary()
            stored: list[str] = []
            for name, targets in by_mapping.items():
                try:
                    part = import_paths(
                        engine,
                        targets,
                        location=location,
                        mapping=mappings.get(name) or None,
                        progress=progress,
                        profile=profile,
                    )
                except (
                    UnusableInput
                ) as exc:  # e.g. a new listing whose profile must be chosen first
                    result.refused.append(Refused(name, _for_people(str(exc), folder)))
                    continue
                stored.append(name)
                summary.files += part.files
                for file_result in part.results:
                    summary.add(file_result)
            for error in summary.errors:
                error["file"] = _for_people(str(error.get("file", "")), folder)
                error["file"] = re.sub(r"^\d+/", "", error["file"])
            result.summary = summary
            result.imported = stored
    for refused in result.refused:
        refused.message = re.sub(r"^\d+/", "", refused.message)
    return result
