"""The guard's rule registry: one explicit default tuple; unknown names raise."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from responders.guard import publishable
from responders.guard.families import (
    care,
    closeness,
    counter,
    echo,
    english,
    identity,
    insinuation,
    length,
    promotion,
    relationship,
    substance,
)
from responders.guard.lexicon import Corrector
from responders.guard.rule import Rule

DEFAULT_RULES: tuple[Rule, ...] = (
    *relationship.RULES,
    *closeness.RULES,
    *insinuation.RULES,
    *substance.RULES,
    *care.RULES,
    *echo.RULES,
    *identity.RULES,
    *counter.RULES,
    *promotion.RULES,
    *english.RULES,
    *length.RULES,
    *publishable.RULES,
)
_BY_NAME = {rule.name: rule for rule in DEFAULT_RULES}
if len(_BY_NAME) != len(DEFAULT_RULES):  # pragma: no cover - a programming error
    raise RuntimeError("two guard rules share a name")

_WORD = re.compile(r"(?:[a-z]\??){4,}")


def _spellings(word: str) -> set[str]:
    """« profite?z » stands for « profitez » and « profitz »; « avocats? » for both numbers."""
    out = {""}
    i = 0
    while i < len(word):
        ch = word[i]
        optional = i + 1 < len(word) and word[i + 1] == "?"
        out = {w + ch for w in out} | (set(out) if optional else set())
        i += 2 if optional else 1
        if len(out) > 16:
            break
    return {w for w in out if len(w) >= 4}


@cache
def corrector() -> Corrector:
    """Typo tolerance for the words the phrase rules are written with."""
    vocabulary: set[str] = set()
    for rule in DEFAULT_RULES:
        for pattern in rule.patterns + rule.exclusions:
            for word in _WORD.findall(pattern if isinstance(pattern, str) else pattern.regex):
                vocabulary.update(_spellings(word))
    return Corrector(vocabulary)


FAMILY_LABELS = {
    "relationship": "Relation de soins confirmée ou niée",
    "substance": "Réponse sur le fond",
    "care": "Santé et soins",
    "echo": "Reprise de l'avis",
    "identity": "Détails identifiants",
    "counter_attack": "Contre-attaque",
    "promotion": "Promotion et témoignage",
    "length": "Longueur",
    "publishable": "Contenu propre à la personne (à confirmer)",
}


def get_rule(name: str) -> Rule:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(
            f"Règle inconnue « {name} » ; règles connues : {', '.join(_BY_NAME)}"
        ) from None


def get_rules(names: Iterable[str] | None = None) -> tuple[Rule, ...]:
    if names is None:
        return DEFAULT_RULES
    return tuple(get_rule(n) for n in names)


def rules_metadata() -> list[dict[str, Any]]:
    """What the dashboard lists: one row per rule."""
    return [
        {
            "name": r.name,
            "family": r.family,
            "family_label": FAMILY_LABELS[r.family],
            "severity": r.severity,
            "description": r.description,
        }
        for r in DEFAULT_RULES
    ]
