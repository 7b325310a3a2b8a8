"""The vetted replies, loaded from the data files in templates/ and validated on load."""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from responders.policy import SITUATIONS
from responders.profiles import PROFILES, get_profile

# templates/ sits at the top of the checkout; an installed copy can point elsewhere
TEMPLATES_DIR = Path(
    os.environ.get("RESPONDERS_TEMPLATES_DIR") or Path(__file__).resolve().parents[2] / "templates"
)
PLACEHOLDERS_FILE = "placeholders.toml"
PLACEHOLDERS = ("practice", "contact")
MAX_REPLY_CHARS = 400
# Bounds on the practice's own values, so that every filled template stays under the limit.
MAX_PRACTICE_CHARS = 80
MAX_CONTACT_CHARS = 100
POLICY_RULES = range(1, 9)

_BRACES = re.compile(r"\{([^{}]*)\}")
_ID = re.compile(r"^[a-z]{2}-[a-z]+-\d{2}$")
# a spreadsheet reads a cell starting with one of these as a formula
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# {contact} follows « joignable », « contacter le cabinet »…: it must read as a complement
_PREPOSITIONS = (
    "par ",
    "au ",
    "aux ",
    "à ",
    "a ",
    "en ",
    "sur ",
    "via ",
    "du ",
    "de ",
    "d'",
    "dès ",
    "pendant ",
    "entre ",
    "sans ",
)


class CatalogueError(ValueError):
    """A template file that cannot be used; the message names the file and the template."""


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    situations: tuple[str, ...]
    profiles: tuple[str, ...]
    rules: tuple[int, ...]
    note: str
    text: str
    source: str

    def serves(self, profile: str, situation: str) -> bool:
        return profile in self.profiles and situation in self.situations

    def fill(self, practice: str, contact: str) -> str:
        # one pass, not str.format or chained replace: the values are data and may hold braces
        values = {"practice": practice, "contact": contact}
        return _BRACES.sub(lambda m: values[m.group(1)], self.text)


@dataclass(frozen=True, slots=True)
class Catalogue:
    templates: tuple[Template, ...]
    defaults: dict[str, dict[str, str]]

    def variants(self, profile: str, situation: str) -> list[Template]:
        """The templates serving (profile, situation), in a stable order (by id)."""
        return sorted(
            (t for t in self.templates if t.serves(profile, situation)), key=lambda t: t.id
        )

    def get(self, template_id: str) -> Template:
        for template in self.templates:
            if template.id == template_id:
                return template
        raise KeyError(template_id)

    def placeholder_values(
        self, profile: str, practice: str | None = None, contact: str | None = None
    ) -> tuple[str, str]:
        """The values to fill in; ValueError (French) when a given value cannot be used."""
        defaults = self.defaults[get_profile(profile).name]
        return (
            clean_value("practice", practice) or defaults["practice"],
            clean_value("contact", contact) or defaults["contact"],
        )

    def lenient_placeholder_values(
        self, profile: str, practice: str | None = None, contact: str | None = None
    ) -> tuple[str, str, list[str]]:
        """Like placeholder_values, but an unusable value falls back to the default and the
        French problem is returned instead of raised: a bad setting must not stop triage."""
        defaults = self.defaults[get_profile(profile).name]
        values: list[str] = []
        problems: list[str] = []
        for name, value in (("practice", practice), ("contact", contact)):
            try:
                values.append(clean_value(name, value) or defaults[name])
            except ValueError as exc:
                values.append(defaults[name])
                problems.append(f"{exc} Valeur par défaut utilisée.")
        return values[0], values[1], problems


def clean_value(name: str, value: str | None) -> str | None:
    """A practice-supplied placeholder value, normalised, or ValueError in French."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"« {name} » doit être un texte.")
    value = " ".join(unicodedata.normalize("NFC", value).split())
    if not value:
        return None
    if name == "practice":
        # the signature opens a line: keep it from ever reading as a spreadsheet formula
        if value.startswith(_FORMULA_START):
            raise ValueError(
                "Le nom du cabinet ne doit pas commencer par = + - ou @ : corrigez-le dans Réglages."
            )
        limit, label = MAX_PRACTICE_CHARS, "Le nom du cabinet"
    else:
        if value.startswith("="):
            raise ValueError(
                "Le moyen de contact ne doit pas commencer par = : corrigez-le dans Réglages."
            )
        value = _as_complement(value)
        limit, label = MAX_CONTACT_CHARS, "Le moyen de contact"
    if len(value) > limit:
        raise ValueError(f"{label} dépasse {limit} caractères : raccourcissez-le dans Réglages.")
    return value


def _as_complement(contact: str) -> str:
    """« 01 23 45 67 89 » -> « au 01 23 45 67 89 », « accueil@x.fr » -> « à l'adresse … »."""
    lowered = contact.lower()
    if lowered.startswith(_PREPOSITIONS):
        return contact
    if contact[0].isdigit() or contact[0] in "+(":
        return f"au {contact}"
    if "@" in contact:
        return f"à l'adresse {contact}"
    return f"par {contact[0].lower()}{contact[1:]}"


def _tuple_of(where: str, field: str, value: Any, allowed: Iterable[Any]) -> tuple[Any, ...]:
    allowed = tuple(allowed)
    if not isinstance(value, list) or not value:
        raise CatalogueError(f"{where} : « {field} » doit être une liste non vide.")
    unknown = [v for v in value if v not in allowed]
    if unknown:
        raise CatalogueError(
            f"{where} : « {field} » contient {unknown} ; valeurs possibles : {list(allowed)}."
        )
    if len(set(value)) != len(value):
        raise CatalogueError(f"{where} : « {field} » contient un doublon.")
    return tuple(value)


def _template(source: str, index: int, raw: Any) -> Template:
    where = f"{source}, modèle n° {index}"
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where} : chaque [[template]] doit être une table.")
    expected = {"id", "situations", "profiles", "rules", "note", "text"}
    missing = expected - raw.keys()
    extra = raw.keys() - expected
    if missing or extra:
        raise CatalogueError(
            f"{where} : champs manquants {sorted(missing)} ou inconnus {sorted(extra)}."
        )
    template_id = raw["id"]
    if not isinstance(template_id, str) or not _ID.match(template_id):
        raise CatalogueError(f"{where} : identifiant invalide {template_id!r} (ex. fr-neutre-01).")
    where = f"{source}, modèle « {template_id} »"
    for field in ("note", "text"):
        if not isinstance(raw[field], str) or not raw[field].strip():
            raise CatalogueError(f"{where} : « {field} » doit être un texte non vide.")
    text = raw["text"]
    names = _BRACES.findall(text)
    stray = text.count("{") + text.count("}") - 2 * len(names)
    bad = [n for n in names if n not in PLACEHOLDERS]
    if bad or stray:
        raise CatalogueError(
            f"{where} : seuls {{practice}} et {{contact}} sont permis dans le texte "
            f"(trouvé : {bad or 'accolade isolée'})."
        )
    if not text[:1].isalpha():
        raise CatalogueError(f"{where} : le texte doit commencer par une lettre.")
    return Template(
        id=template_id,
        situations=_tuple_of(where, "situations", raw["situations"], SITUATIONS),
        profiles=_tuple_of(where, "profiles", raw["profiles"], PROFILES),
        rules=_tuple_of(where, "rules", raw["rules"], POLICY_RULES),
        note=raw["note"].strip(),
        text=text,
        source=source,
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path.name} : TOML invalide ({exc}).") from None


def load_catalogue(directory: Path | str = TEMPLATES_DIR) -> Catalogue:
    """Every template of every *.toml file in `directory`, validated as a whole."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CatalogueError(f"Dossier des réponses types introuvable : {directory}.")
    templates: list[Template] = []
    defaults: dict[str, dict[str, str]] = {}
    for path in sorted(directory.glob("*.toml")):
        data = _read(path)
        if path.name == PLACEHOLDERS_FILE:
            defaults = data.get("defaults", {})
            continue
        extra = data.keys() - {"template"}
        if extra:
            raise CatalogueError(f"{path.name} : tables inconnues {sorted(extra)}.")
        for index, raw in enumerate(data.get("template", []), start=1):
            templates.append(_template(path.name, index, raw))
    seen: set[str] = set()
    for template in templates:
        if template.id in seen:
            raise CatalogueError(f"{template.source} : identifiant en double « {template.id} ».")
        seen.add(template.id)
    for profile in PROFILES:
        values = defaults.get(profile)
        if not isinstance(values, dict) or set(values) != set(PLACEHOLDERS):
            raise CatalogueError(
                f"{PLACEHOLDERS_FILE} : [defaults.{profile}] doit donner practice et contact."
            )
        for name, value in values.items():
            if clean_value(name, value) != value:
                raise CatalogueError(
                    f"{PLACEHOLDERS_FILE} : valeur invalide pour {profile}.{name}."
                )
    return Catalogue(tuple(templates), {p: dict(v) for p, v in defaults.items()})


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The shipped catalogue, loaded once per process (read-only)."""
    return load_catalogue(TEMPLATES_DIR)
