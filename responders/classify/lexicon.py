"""Loading the classifier's data files (responders/classify/data): lexicons and pattern tables."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from responders.text.datafiles import data_lines, read_toml

PACKAGE = "responders.classify"
_MACRO = re.compile(r"\{([A-Z0-9_]+)\}")
_WORD_START = r"(?<![a-z0-9])"


def _lines(name: str) -> list[str]:
    return data_lines(PACKAGE, name, strip=True)


@cache
def terms(name: str) -> tuple[str, ...]:
    """A plain term list: one normalized term a line, '#' comments."""
    return tuple(dict.fromkeys(_lines(name)))


@cache
def weighted(name: str) -> tuple[tuple[str, float, bool], ...]:
    """`phrase | weight` or `re: pattern | weight` lines -> (phrase_or_pattern, weight, is_regex)."""
    out = []
    for line in _lines(name):
        body, _, weight = line.rpartition("|")
        if not body:
            raise ValueError(f"{name}: ligne sans poids « {line} » (attendu : texte | poids)")
        body = body.strip()
        is_regex = body.startswith("re:")
        if is_regex:
            body = body[3:].strip()
        out.append((body, float(weight), is_regex))
    return tuple(out)


@cache
def _macros() -> dict[str, str]:
    data = read_toml(PACKAGE, "defamation.toml")
    return dict(data.get("macros", {}))


def expand(pattern: str) -> str:
    macros = _macros()

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise ValueError(f"macro inconnue {{{name}}} dans « {pattern[:60]} »")
        return macros[name]

    # Macros may reference other macros; two passes are enough for this table.
    return _MACRO.sub(substitute, _MACRO.sub(substitute, pattern))


@cache
def pattern_table(name: str) -> tuple[dict[str, Any], ...]:
    """The [[rule]] entries of a TOML pattern file, macros expanded."""
    data = read_toml(PACKAGE, name)
    rules = []
    for entry in data.get("rule", []):
        rules.append(
            {
                "name": entry["name"],
                "explanation": entry["explanation"],
                # every pattern starts at a word start: "ment" must not match "remboursement"
                "patterns": tuple(_WORD_START + "(?:" + expand(p) + ")" for p in entry["patterns"]),
                "exclude": tuple(expand(p) for p in entry.get("exclude", ())),
                "confidence": float(entry.get("confidence", 0.0)),
            }
        )
    return tuple(rules)
