"""Google Takeout "Google Business Profile" exports, as the .zip or the unpacked folder.

Pages are `account-<a>/location-<l>/reviews*.json`; one listing managed from two accounts
appears twice and is merged. `Maps (your places)/Reviews.json` holds the reviews the user
wrote about other places: it is refused, never imported.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from responders.errors import UnusableInput
from responders.importers import gbp
from responders.importers.base import Context, ParsedFile, ZipBudget, collect, load_json
from responders.importers.values import clean_text, fold
from responders.timeutil import utcnow

NAME = "takeout"
REVIEWS_PAGE = re.compile(
    r"(?:^|/)account-([^/]+)/location-([^/]+)/reviews[^/]*\.json$", re.IGNORECASE
)
MAPS_REVIEWS = re.compile(r"(?:^|/)Maps[^/]*/(?:Reviews|Avis)\.json$", re.IGNORECASE)
ADDITIONAL_DATA = "additionalData.json"
RESOURCE = re.compile(r"[\w.-]+(?:/[\w.-]+)+")
# Keys that may hold the listing's name in additionalData.json, most specific first.
NAME_KEYS = ("locationName", "businessName", "storeName", "title", "locationTitle", "name", "nom")
NAME_LABELS = {
    "name",
    "title",
    "business name",
    "location name",
    "nom",
    "nom de l'etablissement",
    "nom de l etablissement",
}


def maps_refusal(label: str) -> UnusableInput:
    return UnusableInput(
        f"{label} : ce fichier « Maps (vos adresses)/Reviews.json » contient les avis que vous "
        "avez vous-même écrits sur Google Maps, pas les avis reçus par votre établissement. "
        "Dans Google Takeout, exportez « Google Business Profile » (Fiche d'établissement) "
        "puis importez cette archive."
    )


class Archive:
    """The files of a Takeout export, zipped or not, by their '/'-separated relative name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._read: Callable[[str], bytes]
        if path.is_dir():
            files = {p.relative_to(path).as_posix(): p for p in path.rglob("*") if p.is_file()}
            self.names = sorted(files)
            self._read = lambda name: files[name].read_bytes()
        else:
            try:
                archive = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise UnusableInput(
                    f"{path} : archive .zip illisible ou incomplète ({exc}). Téléchargez-la de nouveau."
                ) from None
            budget = ZipBudget(str(path))
            budget.check_declared(archive)
            self.names = sorted(n for n in archive.namelist() if not n.endswith("/"))
            self._read = lambda name: budget.read(archive, name)

    def read(self, name: str) -> bytes:
        try:
            return self._read(name)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise UnusableInput(
                f"{self.path} : « {name} » illisible dans l'archive ({exc})."
            ) from None


def is_takeout(names: list[str]) -> bool:
    return any(REVIEWS_PAGE.search(n) or MAPS_REVIEWS.search(n) for n in names)


def listing_name(data: Any) -> str | None:
    """The listing's name, wherever additionalData.json keeps it."""
    found: list[tuple[int, str]] = []

    def usable(value: Any) -> str | None:
        text = clean_text(value) if isinstance(value, str) else None
        if not text or len(text) > 300 or text.startswith("http") or RESOURCE.fullmatch(text):
            return None  # "accounts/1/locations/2", "attributes/has_wifi": ids, not names
        return text

    def walk(node: Any, depth: int) -> None:
        if depth > 6:
            return
        if isinstance(node, dict):
            label = node.get("name") or node.get("key") or node.get("attribute")
            if isinstance(label, str) and fold(label) in NAME_LABELS and usable(node.get("value")):
                found.append((-1, usable(node.get("value")) or ""))
            for rank, key in enumerate(NAME_KEYS):
                value = usable(node.get(key))
                if value:
                    found.append((rank * 10 + depth, value))
            for value in node.values():
                walk(value, depth + 1)
        elif isinstance(node, list):
            for value in node:
                walk(value, depth + 1)

    walk(data, 0)
    return min(found)[1] if found else None


def parse(path: Path, *, now: Any = None) -> ParsedFile:
    label = str(path)
    archive = Archive(path)
    pages = [n for n in archive.names if REVIEWS_PAGE.search(n)]
    if not pages:
        maps = [n for n in archive.names if MAPS_REVIEWS.search(n)]
        if maps:
            raise maps_refusal(f"{label}/{maps[0]}")
        raise UnusableInput(
            f"{label} : aucun fichier d'avis « account-…/location-…/reviews.json » dans cet export. "
            "Dans Google Takeout, cochez « Google Business Profile » puis importez l'archive."
        )
    parsed = ParsedFile(label=label, shape=NAME)
    names_by_location: dict[str, str | None] = {}
    for page in pages:
        match = REVIEWS_PAGE.search(page)
        assert match is not None
        location_dir = page[: page.rfind("/")]
        key = f"locations/{match.group(2)}"
        if key not in names_by_location or names_by_location[key] is None:
            extra = f"{location_dir}/{ADDITIONAL_DATA}"
            name = None
            if extra in archive.names:
                try:
                    name = listing_name(load_json(archive.read(extra), f"{label}/{extra}"))
                except UnusableInput:
                    name = None  # the name is a nicety; the reviews still import
            names_by_location[key] = name
    for page in pages:
        match = REVIEWS_PAGE.search(page)
        assert match is not None
        key = f"locations/{match.group(2)}"
        page_label = f"{label}/{page}"
        data = load_json(archive.read(page), page_label)
        if not (
            isinstance(data, dict) and isinstance(data.get("reviews"), list)
        ) and not isinstance(data, list):
            raise UnusableInput(
                f'{page_label} : page d\'avis inattendue (objet {{"reviews": [...]}} attendu).'
            )
        ctx = Context(
            label=page_label,
            now=now or utcnow(),
            location_key=key,
            location_name=names_by_location.get(key),
        )
        collect(
            parsed,
            enumerate(gbp.iter_reviews(data), start=1),
            partial(gbp.review_to_record, ctx=ctx, source=NAME),
            label=page_label,
        )
    _merge_accounts(parsed)
    return parsed


def _merge_accounts(parsed: ParsedFile) -> None:
    """One review per (listing, id): a listing shared by two accounts is exported twice."""
    kept: dict[tuple[str | None, str], int] = {}
    records = []
    for number, record in parsed.records:
        if record.external_id is None:
            records.append((number, record))
            continue
        ident = (record.location_key, record.external_id)
        if ident not in kept:
            kept[ident] = len(records)
            records.append((number, record))
            continue
        index = kept[ident]
        previous = records[index][1]
        newer = record.updated_at and (
            previous.updated_at is None or record.updated_at > previous.updated_at
        )
        if newer:
            records[index] = (number, record)
    parsed.records = records
    parsed.read = len(records) + len(parsed.errors)
