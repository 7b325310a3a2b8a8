"""Which shape a file has, from its content (keys, headers), not only from its name."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

from responders.errors import UnusableInput
from responders.importers import apify, gbp, generic_csv, outscraper, places, serpapi, takeout
from responders.importers.base import Context, ParsedFile, ZipBudget, load_json, unknown_shape
from responders.importers.gbp import location_key_from_name
from responders.importers.tabular import Table, read_csv, read_xlsx
from responders.timeutil import utcnow

# The registry: --format name -> module. Order matters for ties: most specific first.
JSON_SHAPES: dict[str, ModuleType] = {
    "gbp": gbp,
    "serpapi": serpapi,
    "places": places,
    "outscraper": outscraper,
    "apify": apify,
}
TABLE_SHAPES: dict[str, ModuleType] = {"outscraper": outscraper, "apify": apify, "csv": generic_csv}
FORMATS = ("auto", "takeout", *JSON_SHAPES, "csv")
# files taken from a folder that is not a Takeout export (a README.txt there is not data)
FOLDER_SUFFIXES = {".json", ".jsonl", ".csv", ".tsv", ".xlsx", ".xlsm", ".zip"}
_LOCATION_DIR = re.compile(r"^location-(.+)$")


def is_maps_reviews(data: Any) -> bool:
    """Takeout's Maps reviews: GeoJSON features whose properties hold the user's own reviews."""
    if not (isinstance(data, dict) and isinstance(data.get("features"), list)):
        return False
    for feature in data["features"][:20]:
        props = feature.get("properties") if isinstance(feature, dict) else None
        if isinstance(props, dict) and (
            {"Star Rating", "Five Star Rating Published", "Review Comment", "Google Maps URL"}
            & set(props)
        ):
            return True
    return data.get("type") == "FeatureCollection"


def _review_samples(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Review-like objects found where the known shapes keep them."""
    if depth > 4:
        return []
    if isinstance(data, list):
        samples: list[dict[str, Any]] = []
        for item in data[:20]:
            samples.extend(_review_samples(item, depth + 1))
        return samples
    if isinstance(data, dict):
        for key in (
            "reviews",
            "reviews_data",
            "locationReviews",
            "places",
            "data",
            "items",
            "results",
        ):
            if isinstance(data.get(key), list | dict) and data[key]:
                return _review_samples(data[key], depth + 1)
        if isinstance(data.get("review"), dict):
            return [data["review"]]
        return [data]
    return []


def _score(keys: set[str], shapes: dict[str, ModuleType]) -> str | None:
    best, best_score = None, 1
    for name, module in shapes.items():
        score = len(keys & getattr(module, "REVIEW_KEYS", frozenset()))
        if score > best_score:
            best, best_score = name, score
    return best


def detect_json(data: Any) -> str | None:
    if is_maps_reviews(data):
        return "maps"
    if isinstance(data, dict):
        keys = set(data)
        if "locationReviews" in keys:
            return "gbp"
        if "reviews_data" in keys:
            return "outscraper"
        if keys & serpapi.PAGE_KEYS:
            return "serpapi"
        if isinstance(data.get("places"), list):
            return "places"
        if isinstance(data.get("reviews"), list) and not data["reviews"]:
            return "gbp" if keys & gbp.PAGE_KEYS or keys == {"reviews"} else None
    if isinstance(data, list) and data and all(isinstance(item, list) for item in data):
        return "outscraper"  # the Outscraper API answers one list per query
    keys = set()
    for sample in _review_samples(data):
        keys |= set(sample)
    return _score(keys, JSON_SHAPES)


def detect_table(headers: list[str]) -> str:
    return _score(set(headers), {"outscraper": outscraper, "apify": apify}) or "csv"


def _kind(path: Path, data: bytes) -> str:
    head = data.lstrip()[:1]
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return "zip"
        return "xlsx" if "xl/workbook.xml" in names else "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if head in (b"{", b"[") or path.suffix.lower() == ".json":
        return "json"
    if data.startswith(b"\xef\xbb\xbf") and data[3:].lstrip()[:1] in (b"{", b"["):
        return "json"
    return "table"


def _takeout_context(path: Path, ctx: Context, on_disk: bool = True) -> None:
    """A lone reviews.json taken out of a Takeout folder still knows its listing."""
    for parent in (path.resolve() if on_disk else path).parents:
        match = _LOCATION_DIR.match(parent.name)
        if match:
            ctx.location_key = f"locations/{match.group(1)}"
            extra = parent / takeout.ADDITIONAL_DATA
            if on_disk and extra.is_file():
                try:
                    ctx.location_name = takeout.listing_name(
                        load_json(extra.read_bytes(), str(extra))
                    )
                except UnusableInput:
                    pass
            return


def load_file(
    path: Path,
    *,
    fmt: str = "auto",
    mapping: dict[str, str] | None = None,
    now: datetime | None = None,
) -> list[ParsedFile]:
    """One file: usually one unit; a .zip of exports (not a Takeout) gives one per file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnusableInput(f"{path} : lecture impossible ({exc.strerror}).") from None
    if _kind(path, data) == "zip":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise UnusableInput(
                f"{path} : archive .zip illisible ou incomplète. Téléchargez-la de nouveau."
            ) from None
        budget = ZipBudget(str(path))
        with archive:
            budget.check_declared(archive)
            names = [n for n in archive.namelist() if not n.endswith("/")]
            if fmt == "takeout" or takeout.is_takeout(names):
                return [takeout.parse(path, now=now)]
            inner = sorted(
                n
                for n in names
                if PurePosixPath(n).suffix.lower() in FOLDER_SUFFIXES - {".zip"}
                and not PurePosixPath(n).name.startswith((".", "__MACOSX"))
                and "__MACOSX/" not in n
            )
            if not inner:
                return [takeout.parse(path, now=now)]  # says what a Takeout export should hold
            units = []
            for n in inner:
                try:
                    data = budget.read(archive, n)
                except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
                    raise UnusableInput(
                        f"{path} : « {n} » illisible dans l'archive ({exc})."
                    ) from None
                units.append(
                    load_bytes(
                        data,
                        Path(n),
                        f"{path}/{n}",
                        fmt=fmt,
                        mapping=mapping,
                        now=now,
                        on_disk=False,
                    )
                )
            return units
    return [load_bytes(data, path, str(path), fmt=fmt, mapping=mapping, now=now)]


def load_bytes(
    data: bytes,
    path: Path,
    label: str,
    *,
    fmt: str = "auto",
    mapping: dict[str, str] | None = None,
    now: datetime | None = None,
    on_disk: bool = True,
) -> ParsedFile:
    """One file's content; `path` gives its name and its Takeout folder, if any."""
    if not data.strip() or not data.strip(b"\xef\xbb\xbf \r\n\t"):
        raise UnusableInput(f"{label} : le fichier est vide. Exportez de nouveau les avis.")
    ctx = Context(label=label, now=now or utcnow(), mapping=mapping)
    kind = _kind(path, data)
    if kind == "xls":
        raise UnusableInput(
            f"{label} : ancien format Excel (.xls). Ouvrez-le dans Excel et enregistrez-le en .xlsx ou CSV."
        )
    if kind == "zip":
        raise UnusableInput(
            f"{label} : archive .zip dans une archive .zip : décompressez-la d'abord."
        )
    if kind == "json":
        content = load_json(data, label)
        # a Takeout page on its own is an API page (its folder still names the listing)
        shape = detect_json(content) if fmt in ("auto", "takeout") else fmt
        if shape == "maps" or is_maps_reviews(content):
            raise takeout.maps_refusal(label)
        if shape is None:
            raise unknown_shape(label, _describe(content))
        if shape not in JSON_SHAPES:
            raise UnusableInput(
                f"{label} : le format « {fmt} » attend un tableau CSV ou Excel, pas du JSON."
            )
        if shape == "gbp":
            _takeout_context(path, ctx, on_disk)
        parsed: ParsedFile = JSON_SHAPES[shape].parse_json(content, ctx)
        _check_forced_shape(parsed, fmt, detect_json(content), label)
        return parsed
    if kind == "xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as workbook:  # a workbook is a zip: same limits
            ZipBudget(label).check_declared(workbook)
    table: Table = read_xlsx(data, label) if kind == "xlsx" else read_csv(data, label)
    if fmt == "auto":
        shape = "csv" if mapping else detect_table(table.headers)
    else:
        shape = fmt
    if shape not in TABLE_SHAPES:
        raise UnusableInput(
            f"{label} : le format « {fmt} » attend un fichier JSON, pas un tableau."
        )
    parsed = TABLE_SHAPES[shape].parse_table(table, ctx)
    _check_forced_shape(parsed, fmt, detect_table(table.headers), label)
    return parsed


def _check_forced_shape(parsed: ParsedFile, fmt: str, detected: str | None, label: str) -> None:
    """A --format that rejects every record of a file that looks like another shape is a
    mistake of the command, not of the file: say so instead of importing nothing."""
    if fmt in ("auto", "takeout", "csv") or parsed.records or not parsed.read:
        return
    if detected and detected != fmt:
        raise UnusableInput(
            f"{label} : --format {fmt} ne correspond pas à ce fichier, qui ressemble à un export "
            f"« {detected} ». Relancez sans --format (détection automatique) ou avec --format {detected}."
        )


def _describe(content: Any) -> str:
    if isinstance(content, dict):
        keys = ", ".join(list(content)[:8]) or "objet vide"
        return f"clés trouvées : {keys}"
    if isinstance(content, list):
        if not content:
            return "liste vide"
        first_item = content[0]
        if isinstance(first_item, dict):
            return f"liste d'objets aux clés : {', '.join(list(first_item)[:8])}"
        return "liste sans objets"
    return f"valeur {type(content).__name__}"


def load_path(
    path: str | Path,
    *,
    fmt: str = "auto",
    mapping: dict[str, str] | None = None,
    now: datetime | None = None,
) -> list[ParsedFile]:
    """Every unit one PATH argument stands for: a file, a Takeout export, or a folder of files."""
    if fmt not in FORMATS:
        raise UnusableInput(f"format « {fmt} » inconnu. Formats : {', '.join(FORMATS)}.")
    p = Path(path)
    if not p.exists():
        raise UnusableInput(f"{p} : fichier ou dossier introuvable. Vérifiez le chemin.")
    if p.is_dir():
        names = [f.relative_to(p).as_posix() for f in p.rglob("*") if f.is_file()]
        if fmt == "takeout" or (fmt == "auto" and takeout.is_takeout(names)):
            return [takeout.parse(p, now=now)]
        files = sorted(
            f
            for f in p.rglob("*")
            if f.is_file()
            and f.suffix.lower() in FOLDER_SUFFIXES
            and not f.name.startswith(".")
            and f.name != takeout.ADDITIONAL_DATA  # a Takeout location folder's metadata
        )
        if not files:
            raise UnusableInput(f"{p} : dossier sans fichier d'avis (.json, .csv, .xlsx, .zip).")
        return [unit for f in files for unit in load_file(f, fmt=fmt, mapping=mapping, now=now)]
    return load_file(p, fmt=fmt, mapping=mapping, now=now)


__all__ = [
    "FORMATS",
    "detect_json",
    "detect_table",
    "load_bytes",
    "load_file",
    "load_path",
    "location_key_from_name",
]
