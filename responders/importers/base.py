"""What every shape module hands back: the records of one file and the records it refused."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from responders.errors import UnusableInput
from responders.importers.record import NormalizedReview
from responders.importers.tabular import Table
from responders.timeutil import utcnow


class RecordError(ValueError):
    """One record cannot be imported (French reason); the rest of the file goes on."""


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
    """Convert each (number, item); a RecordError/ValueError rejects that item only."""
    for number, item in items:
        parsed.read += 1
        try:
            if not isinstance(item, dict):
                raise RecordError("enregistrement inattendu : un objet JSON était attendu")
            parsed.records.append((number, convert(item)))
        except (RecordError, ValueError) as exc:
            parsed.reject(number, str(exc), label)
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
        return json.loads(text)
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


def _json_lines(text: str) -> list[Any] | None:
    items = []
    for line in text.splitlines():
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError:
                return None
    return items


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
    for number, line, row in table.rows:
        parsed.read += 1
        try:
            parsed.records.append((number, convert(row)))
        except (RecordError, ValueError) as exc:
            parsed.reject(number, f"ligne {line} : {exc}")
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
        inner = next((data[k] for k in CONTAINER_KEYS if isinstance(data.get(k), list | dict)), None)
        if inner is None:
            return [data]
        data = inner
    return data if isinstance(data, list) else [data]
