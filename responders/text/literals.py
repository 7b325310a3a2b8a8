"""Required literals of a regular expression, so rules can skip patterns that cannot match.

A pattern can only match a text containing some of its mandatory literal pieces:
`(?:factur\\w*|charg\\w*)\\s+...` needs "factur" or "charg". Testing those substrings (in C,
with `in`) spares running most patterns on most texts. The set is derived from the parsed
pattern, so skipping never loses a match. Shared by the guard and the classifier.

`GatedPattern` is a compiled pattern with its literals; `literals_in(text)` finds, in one pass,
which literals of every gated pattern a text holds. No text is remembered between calls: the
caller computes the set once per text and hands it to each pattern.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MIN_LENGTH = 3


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective any-of set: longest shortest literal, then fewest alternatives."""
    if not sets:
        return None
    return max(sets, key=lambda s: (min(len(x) for x in s), -len(s)))


def _required(sequence: Any) -> list[frozenset[str]]:
    """Any-of literal sets; for each set, one of its strings occurs in every match."""
    sets: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= MIN_LENGTH:
            sets.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in sequence:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is C.SUBPATTERN:
            sets.extend(_required(av[-1]))
        elif op is C.ATOMIC_GROUP:
            sets.extend(_required(av))
        elif op is C.BRANCH:
            choice: list[str] = []
            for alternative in av[1]:
                best = _best(_required(alternative))
                if best is None:
                    choice = []
                    break
                choice.extend(best)
            if choice:
                sets.append(frozenset(choice))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            low, _high, item = av
            if low >= 1:
                sets.extend(_required(item))
        # character classes, anchors, lookarounds: nothing mandatory to add
    flush()
    return sets


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which occurs in every match of `pattern`; None when none is known."""
    try:
        return _best(_required(sre_parse.parse(pattern, flags)))
    except (re.error, TypeError, ValueError, IndexError):  # pragma: no cover - unknown construct
        return None


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


class LiteralScanner:
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


class LiteralRegistry:
    """The literals of every gated pattern built so far, and the scanner that finds them.

    It only grows while rules are constructed (at import); a text's literals are returned to
    the caller, never kept here, so concurrent sessions cannot see each other's texts."""

    def __init__(self) -> None:
        self.literals: set[str] = set()
        self._scanner: LiteralScanner | None = None

    def add(self, literals: frozenset[str]) -> None:
        self.literals.update(literals)

    def scanner(self) -> LiteralScanner:
        """The scanner over every literal registered so far (rebuilt when rules were added)."""
        scanner = self._scanner
        if scanner is None or len(scanner.literals) != len(self.literals):
            scanner = self._scanner = LiteralScanner(set(self.literals))
        return scanner

    def present(self, text: str) -> frozenset[str]:
        return self.scanner().present(text)


REGISTRY = LiteralRegistry()


def literals_in(text: str) -> frozenset[str]:
    """Literals of all gated patterns present in `text`: compute once per text, pass the
    result to every `GatedPattern.finditer` and `PatternRule.find` run on that text."""
    return REGISTRY.present(text)


class GatedPattern:
    """A compiled pattern that skips texts lacking all of its mandatory literals."""

    __slots__ = ("regex", "literals")

    def __init__(self, pattern: str) -> None:
        self.regex = re.compile(pattern)
        self.literals = required_literals(pattern)
        if self.literals is not None:
            REGISTRY.add(self.literals)

    def finditer(self, text: str, present: frozenset[str] | None = None) -> Any:
        """Matches in `text`; `present` is `literals_in(text)`, computed once by the caller."""
        if self.literals is not None:
            if present is None:
                present = literals_in(text)
            if self.literals.isdisjoint(present):
                return ()
        return self.regex.finditer(text)
