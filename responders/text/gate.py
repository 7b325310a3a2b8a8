"""Literal prefilters derived from the patterns themselves.

A regular expression can only match a text that contains some of its mandatory literal
pieces: `(?:factur\\w*|charg\\w*)\\s+...` needs "factur" or "charg". Checking those substrings
(in C, with `in`) lets most reviews skip most patterns. The gate is computed from the parsed
pattern, so it never drops a match the pattern would have found.
"""

from __future__ import annotations

import re
from typing import Any

from responders.text.literals import required_literals


def gate(pattern: str) -> frozenset[str] | None:
    """Literals one of which must occur for `pattern` to match; None when none is known."""
    return required_literals(pattern)


def _trie_regex(literals: set[str]) -> str:
    """One regular expression matching the longest literal at a position, nested by prefix so
    the engine follows a single branch per character instead of trying every literal."""
    trie: dict[str, Any] = {}
    for literal in literals:
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class _Scanner:
    """Which of many literals occur in a text, in one pass."""

    def __init__(self, literals: set[str]) -> None:
        self.literals = frozenset(literals)
        self.regex = re.compile("(?=(" + _trie_regex(set(literals)) + "))")
        # a found literal implies every literal that is a prefix of it
        self.prefixes = {
            lit: frozenset(other for other in literals if lit.startswith(other)) for lit in literals
        }

    def present(self, text: str) -> frozenset[str]:
        found: set[str] = set()
        for match in self.regex.finditer(text):
            hit = match.group(1)
            if hit:
                found |= self.prefixes.get(hit, {hit})
        return frozenset(found)


_REGISTRY: set[str] = set()
_scanner: _Scanner | None = None
_last: tuple[str, frozenset[str]] | None = None  # one review is scanned by many rules


def literals_in(text: str) -> frozenset[str]:
    """Literals of all registered patterns present in `text` (memoized for the last text)."""
    global _scanner, _last
    if _last is not None and _last[0] is text:
        return _last[1]
    if _scanner is None or len(_scanner.literals) != len(_REGISTRY):
        _scanner = _Scanner(set(_REGISTRY))
    present = _scanner.present(text)
    _last = (text, present)
    return present


class GatedPattern:
    """A compiled pattern that skips texts lacking all of its mandatory literals."""

    __slots__ = ("regex", "literals")

    def __init__(self, pattern: str) -> None:
        self.regex = re.compile(pattern)
        self.literals = gate(pattern)
        if self.literals is not None:
            _REGISTRY.update(self.literals)

    def finditer(self, text: str) -> Any:
        if self.literals is not None and self.literals.isdisjoint(literals_in(text)):
            return ()
        return self.regex.finditer(text)
