"""Any CSV or Excel table of reviews: columns named with `--mapping text=Avis,rating=Note`,
or recognised from common French and English headers."""

from __future__ import annotations

import re
from typing import Any

from responders.errors import UnusableInput
from responders.importers.base import (
    Context,
    ParsedFile,
    RecordError,
    collect_rows,
    finish,
    name_location_key,
)
from responders.importers.record import NormalizedReview
from responders.importers.tabular import Table
from responders.importers.values import (
    clean_text,
    fold,
    infer_dayfirst,
    json_safe,
    parse_datetime,
    parse_rating,
    parse_relative,
    split_google_translation,
)

NAME = "csv"

# field -> header names it is recognised by (folded: lower case, no accents, words only).
# Mapping keys may use the field name or its French alias.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "avis",
        "texte",
        "texte de l avis",
        "texte avis",
        "commentaire",
        "commentaires",
        "contenu",
        "message",
        "avis client",
        "review",
        "review text",
        "text",
        "comment",
        "content",
    ),
    "rating": (
        "note",
        "notes",
        "etoiles",
        "nombre d etoiles",
        "note sur 5",
        "evaluation",
        "rating",
        "stars",
        "star rating",
        "score",
    ),
    "date": (
        "date",
        "date de publication",
        "date publication",
        "date de l avis",
        "date avis",
        "publie le",
        "publication",
        "cree le",
        "created",
        "created at",
        "published",
        "review date",
        "date published",
    ),
    "author": (
        "auteur",
        "nom",
        "nom de l auteur",
        "auteur de l avis",
        "pseudo",
        "utilisateur",
        "client",
        "patient",
        "author",
        "reviewer",
        "name",
        "user",
        "author name",
    ),
    "reply": (
        "reponse",
        "reponse du proprietaire",
        "reponse du cabinet",
        "reponse proprietaire",
        "reponse de l etablissement",
        "reply",
        "owner reply",
        "response",
        "owner answer",
    ),
    "reply_date": ("date de reponse", "date reponse", "reply date", "response date"),
    "id": ("id", "identifiant", "id avis", "identifiant avis", "review id", "reference"),
    "location": ("etablissement", "cabinet", "lieu", "fiche", "location", "place", "site"),
    "url": ("lien", "url", "lien de l avis", "link", "review url", "review link"),
    "translated": ("traduction", "texte traduit", "translation", "translated", "translated text"),
    "language": ("langue", "language", "lang"),
}
ALIASES = {
    "texte": "text",
    "avis": "text",
    "note": "rating",
    "auteur": "author",
    "reponse": "reply",
    "identifiant": "id",
    "etablissement": "location",
    "lien": "url",
    "traduction": "translated",
    "langue": "language",
    "date_reponse": "reply_date",
}


def norm_header(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(header)).split())


def parse_mapping(spec: str | dict[str, str] | None) -> dict[str, str]:
    """`text=Avis,rating=Note` -> {"text": "Avis", "rating": "Note"}; French field names too."""
    if not spec:
        return {}
    if isinstance(spec, dict):
        pairs = list(spec.items())
    else:
        pairs = []
        for part in spec.split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise UnusableInput(
                    f"--mapping : « {part.strip()} » n'a pas la forme champ=Colonne "
                    "(exemple : text=Avis,rating=Note,date=Date)."
                )
            key, column = part.split("=", 1)
            pairs.append((key, column))
    mapping = {}
    for key, column in pairs:
        field = norm_header(key).replace(" ", "_")
        field = ALIASES.get(field, field)
        if field not in FIELDS:
            raise UnusableInput(
                f"--mapping : champ « {key.strip()} » inconnu. Champs possibles : {', '.join(FIELDS)}."
            )
        mapping[field] = column.strip()
    return mapping


def resolve_columns(headers: list[str], mapping: dict[str, str], label: str) -> dict[str, str]:
    """field -> actual header: the mapping first (exact, then loose), then recognised names."""
    by_norm: dict[str, str] = {}
    for header in headers:
        by_norm.setdefault(norm_header(header), header)
    columns: dict[str, str] = {}
    for field, column in mapping.items():
        if column in headers:
            columns[field] = column
        elif norm_header(column) in by_norm:
            columns[field] = by_norm[norm_header(column)]
        else:
            raise UnusableInput(
                f"{label} : la colonne « {column} » indiquée dans --mapping pour « {field} » "
                f"n'existe pas. Colonnes du fichier : {', '.join(h for h in headers if h)}."
            )
    taken = set(columns.values())
    for field, names in FIELDS.items():
        if field in columns:
            continue
        for name in names:
            found = by_norm.get(name)
            if found is not None and found not in taken:
                columns[field] = found
                taken.add(found)
                break
    return columns


def row_to_record(
    row: dict[str, Any], columns: dict[str, str], ctx: Context, dayfirst: bool = True
) -> NormalizedReview:
    def cell(field: str) -> Any:
        header = columns.get(field)
        return row.get(header) if header else None

    text: str | None = clean_text(cell("text"))
    translated = clean_text(cell("translated"))
    if translated is None:
        text, translated = split_google_translation(text)
    raw_date = cell("date")
    approx = False
    try:
        rating = parse_rating(cell("rating"))
        try:
            created_at = parse_datetime(raw_date, dayfirst=dayfirst)
        except ValueError:
            created_at = parse_relative(raw_date, ctx.now)  # last resort: "il y a 2 mois"
            if created_at is None:
                raise
            approx = True
        reply_at = parse_datetime(cell("reply_date"), dayfirst=dayfirst)
    except ValueError as exc:
        raise RecordError(str(exc)) from None
    author = clean_text(cell("author"))
    location = clean_text(cell("location"))
    return finish(
        NormalizedReview(
            source=NAME,
            external_id=clean_text(cell("id")),
            location_key=name_location_key(location) if location else ctx.location_key,
            location_name=location or ctx.location_name,
            rating=rating,
            text_original=text,
            text_translated=translated,
            language=clean_text(cell("language")),
            author_display_name=author,
            is_anonymous=author is None,
            created_at=created_at,
            created_at_approx=approx,
            owner_reply_text=clean_text(cell("reply")),
            owner_reply_at=reply_at,
            review_url=clean_text(cell("url")),
            raw=json_safe(row),
        )
    )


def parse_table(table: Table, ctx: Context) -> ParsedFile:
    columns = resolve_columns(table.headers, ctx.mapping or {}, ctx.label)
    if "text" not in columns and "rating" not in columns:
        raise UnusableInput(
            f"{ctx.label} : ligne 1, aucune colonne de texte ni de note reconnue "
            f"(colonnes : {', '.join(h for h in table.headers if h) or 'aucune'}). "
            "Indiquez-les avec --mapping, par exemple : --mapping text=Avis,rating=Note,date=Date."
        )
    dates = [
        row.get(columns[f])
        for _, _, row in table.rows
        for f in ("date", "reply_date")
        if f in columns
    ]
    dayfirst = infer_dayfirst(dates, default=True)  # a French file unless its dates say otherwise
    parsed = ParsedFile(label=ctx.label, shape=NAME)
    return collect_rows(parsed, table, lambda r: row_to_record(r, columns, ctx, dayfirst))
