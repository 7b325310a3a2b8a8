"""What every shape module hands back: the records of one file and the records it refused."""

from __future__ import annotations

import functools
import json
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from responders.errors import UnusableInput
from responders.importers.record import NormalizedReview
from responders.importers.tabular import Table
from responders.importers.values import has_surrogate
from responders.timeutil import utcnow


class RecordError(ValueError):
    """One record cannot be imported (French reason); the rest of the file goes on."""


# What one bad value can raise while a record is converted: each rejects that record only.
# OverflowError: dates or numbers beyond what Python represents; RecursionError: absurd nesting.
RECORD_ERRORS = (ValueError, OverflowError, RecursionError, ArithmeticError, UnicodeError)

# Google Maps reviews began in 2007; a publication before 2000 or after tomorrow is a corrupt
# value (year 9999, an epoch in milliseconds read as seconds), and would break every deadline.
EARLIEST_DATE = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=2)
DATE_FIELDS = (
    ("created_at", "de publication"),
    ("updated_at", "de modification"),
    ("owner_reply_at", "de réponse"),
)
TEXT_FIELDS = (
    "external_id",
    "location_key",
    "location_name",
    "text_original",
    "text_translated",
    "language",
    "author_display_name",
    "owner_reply_text",
    "review_url",
    "flag_url",
)


def check_record(record: NormalizedReview, latest: datetime) -> NormalizedReview:
    """Checks on the normalized record, whatever the shape: plausible dates, storable text."""
    for name, what in DATE_FIELDS:
        value = getattr(record, name)
        if value is not None and not EARLIEST_DATE <= value <= latest:
            raise RecordError(f"date {what} invraisemblable : {value.date().isoformat()}")
    for name in TEXT_FIELDS:
        value = getattr(record, name)
        if isinstance(value, str) and has_surrogate(value):
            raise RecordError(
                "caractère invalide (moitié de paire UTF-16 isolée) : texte corrompu à l'export"
            )
    if record.rating is not None and not (
        isinstance(record.rating, int) and 1 <= record.rating <= 5
    ):
        raise RecordError(f"note invalide : « {record.rating} » (attendu : un entier de 1 à 5)")
    return record


@dataclass
class Context:
    """Facts a shape needs besides the content: where the file sits, when it is read."""

    label: str  # the file as the user will recognise it in messages
    now: datetime = field(default_factory=utcnow)
    location_key: str | None = None  # given by the container (Takeout folder), if any
    location_name: str | None = None
    mapping: dict[str, str] | None = None


@dataclass
class ParsedFile:
    label: str
    shape: str
    records: list[tuple[int, NormalizedReview]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    read: int = 0

    def reject(self, number: int, reason: str, label: str | None = None) -> None:
        self.errors.append({"file": label or self.label, "record": number, "reason": reason})


def collect(
    parsed: ParsedFile,
    items: Iterable[tuple[int, Any]],
    convert: Callable[[Any], NormalizedReview],
    label: str | None = None,
) -> ParsedFile:
    """Convert each (number, item); a bad value (see RECORD_ERRORS) rejects that item only."""
    latest = utcnow() + FUTURE_SLACK
    for number, item in items:
        parsed.read += 1
        try:
            if not isinstance(item, dict):
                raise RecordError("enregistrement inattendu : un objet JSON était attendu")
            parsed.records.append((number, check_record(convert(item), latest)))
        except RECORD_ERRORS as exc:
            parsed.reject(number, _reason(exc), label)
    return parsed


def placed_reviews(
    items: Iterable[Any], place_of: Callable[[dict[str, Any]], tuple[str | None, str | None]]
) -> Iterator[tuple[Any, str | None, str | None]]:
    """(review, place key, place name) for each review: an item holding a "reviews" list is a
    place (read by `place_of`), any other item is a review of no known place."""
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("reviews"), list):
            key, name = place_of(item)
            for review in item["reviews"]:
                yield review, key, name
        else:
            yield item, None, None


def collect_placed(
    parsed: ParsedFile,
    placed: Iterable[tuple[Any, str | None, str | None]],
    convert: Callable[..., NormalizedReview],
) -> ParsedFile:
    """Like `collect` for reviews listed under their place: each (item, place key, place name)
    is converted with `convert(item, key=..., name=...)`."""
    for number, (item, key, name) in enumerate(placed, start=1):
        collect(parsed, [(number, item)], functools.partial(convert, key=key, name=name))
    return parsed


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RecordError | ValueError) and str(exc):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "objet JSON imbriqué trop profondément"
    return f"valeur hors limites ({type(exc).__name__})"


JSON_ERRORS = {
    "Expecting value": "valeur attendue",
    "Expecting ',' delimiter": "virgule attendue",
    "Expecting ':' delimiter": "deux-points attendus",
    "Expecting property name": "nom de champ entre guillemets attendu",
    "Unterminated string": "texte entre guillemets non terminé",
    "Extra data": "données en trop après la fin du JSON",
    "Invalid control character": "caractère de contrôle interdit dans un texte",
    "Invalid \\escape": "séquence d'échappement invalide",
}


def load_json(data: bytes, label: str) -> Any:
    """Parse JSON bytes or raise UnusableInput saying which line and why."""
    if not data.strip():
        raise UnusableInput(f"{label} : le fichier est vide. Exportez de nouveau les avis.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnusableInput(
            f"{label} : ligne {line}, le fichier n'est pas encodé en UTF-8 (octet {exc.start}). "
            "Un fichier JSON doit être en UTF-8 : exportez-le de nouveau sans le modifier."
        ) from None
    try:
        return _parse_json(text)
    except RecursionError:
        raise UnusableInput(
            f"{label} : JSON imbriqué sur plus de {DEEPEST_JSON} niveaux : ce n'est pas un export d'avis."
        ) from None
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Extra data"):
            lines = _json_lines(text)  # JSON Lines, as Apify and others can export
            if lines is not None:
                return lines
        stripped = text.rstrip()
        truncated = exc.pos >= len(stripped) - 1 or not stripped.endswith(("}", "]"))
        if truncated:
            why = "le fichier semble tronqué (téléchargement incomplet ?)"
        else:
            why = next((fr for en, fr in JSON_ERRORS.items() if exc.msg.startswith(en)), exc.msg)
        raise UnusableInput(
            f"{label} : ligne {exc.lineno}, colonne {exc.colno}, JSON invalide : {why}. "
            "Téléchargez ou exportez de nouveau le fichier."
        ) from None


DEEPEST_JSON = 3000  # nesting the parser accepts; deeper objects are refused per record later
LONGEST_INT = 100  # digits; a longer number is kept as its text (Python refuses beyond 4,300)


def _parse_int(digits: str) -> int | str:
    return int(digits) if len(digits) <= LONGEST_INT else digits


def _parse_json(text: str) -> Any:
    """json.loads, with room for a record nested 1,000 deep (refused later, alone) and without
    failing on integers of thousands of digits."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except RecursionError:
        limit = sys.getrecursionlimit()
        if limit >= DEEPEST_JSON + 200:
            raise
        sys.setrecursionlimit(DEEPEST_JSON + 200)
        try:
            return json.loads(text, parse_int=_parse_int)
        finally:
            sys.setrecursionlimit(limit)


def _json_lines(text: str) -> list[Any] | None:
    items = []
    for line in text.splitlines():
        if line.strip():
            try:
                items.append(_parse_json(line))
            except (json.JSONDecodeError, RecursionError):
                return None
    return items


# Decompressed size limits for archives (.zip exports, and the .xlsx workbooks that are zips
# too): a review export is a few megabytes, a 1.5 MB « zip bomb » once took 3 GB of memory.
MAX_UNZIPPED_ENTRY = 256 * 1024 * 1024  # one file inside the archive
MAX_UNZIPPED_TOTAL = 1024 * 1024 * 1024  # every file of one archive together
_MB = 1024 * 1024


class ZipBudget:
    """Reads an archive's files while counting what they decompress to: the declared size is
    checked before reading, the actual size while streaming (a header can lie)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.used = 0

    def check_declared(self, archive: zipfile.ZipFile) -> None:
        total = 0
        for info in archive.infolist():
            self._check(info.filename, info.file_size)
            total += info.file_size
        if total > MAX_UNZIPPED_TOTAL:
            raise self._refusal("l'archive", total, MAX_UNZIPPED_TOTAL)

    def read(self, archive: zipfile.ZipFile, name: str) -> bytes:
        info = archive.getinfo(name)
        self._check(name, info.file_size)
        chunks: list[bytes] = []
        size = 0
        with archive.open(info) as stream:
            while chunk := stream.read(_MB):
                size += len(chunk)
                self._check(name, size)
                chunks.append(chunk)
        self.used += size
        return b"".join(chunks)

    def _check(self, name: str, size: int) -> None:
        if size > MAX_UNZIPPED_ENTRY:
            raise self._refusal(f"« {name} »", size, MAX_UNZIPPED_ENTRY)
        if self.used + size > MAX_UNZIPPED_TOTAL:
            raise self._refusal("l'archive", self.used + size, MAX_UNZIPPED_TOTAL)

    def _refusal(self, what: str, size: int, limit: int) -> UnusableInput:
        return UnusableInput(
            f"{self.label} : {what} dépasse {limit // _MB} Mo une fois décompressé "
            f"({size // _MB} Mo au moins). Par sécurité, les archives plus grosses sont refusées : "
            "décompressez-la et importez seulement les fichiers d'avis."
        )


def unknown_shape(label: str, found: str) -> UnusableInput:
    return UnusableInput(
        f"{label} : format non reconnu ({found}). Formats acceptés : API Google Business Profile, "
        "Google Takeout (.zip ou dossier), Outscraper, Apify, SerpApi, API Places, ou un CSV/Excel "
        "avec une colonne de texte (précisez les colonnes avec --mapping text=Avis,rating=Note)."
    )


def finish(record: NormalizedReview) -> NormalizedReview:
    """Checks every shape applies last: a review must say something."""
    if record.rating is None and not record.text_original and not record.text_translated:
        raise RecordError("avis sans note ni texte : rien à importer")
    return record


def collect_rows(
    parsed: ParsedFile, table: Table, convert: Callable[[dict[str, Any]], NormalizedReview]
) -> ParsedFile:
    """Like `collect` for table rows, with the file line in each reason so the user finds the
    row in Excel; the record number stays the 1-based data row."""
    latest = utcnow() + FUTURE_SLACK
    for number, line, row in table.rows:
        parsed.read += 1
        try:
            parsed.records.append((number, check_record(convert(row), latest)))
        except RECORD_ERRORS as exc:
            parsed.reject(number, f"ligne {line} : {_reason(exc)}")
    for number, line, reason in table.errors:
        parsed.read += 1
        parsed.reject(number, f"ligne {line} : {reason}")
    return parsed


def name_location_key(name: str) -> str:
    """Location key for a listing known only by its name (`--location`, a CSV column)."""
    from responders.importers.values import fold

    return "nom:" + " ".join(fold(name).split())


def as_dict(value: Any) -> dict[str, Any]:
    """A nested object, or {} when the source left it out or put something else there."""
    return value if isinstance(value, dict) else {}


CONTAINER_KEYS = ("reviews", "items", "data", "results")


def unwrap_items(data: Any) -> list[Any]:
    """The list of row objects inside whatever envelope a tool saved them in."""
    while isinstance(data, dict):
        inner = next(
            (data[k] for k in CONTAINER_KEYS if isinstance(data.get(k), list | dict)), None
        )
        if inner is None:
            return [data]
        data = inner
    return data if isinstance(data, list) else [data]
