"""Required literals of a regular expression, so rules can skip patterns that cannot match.

A pattern can only match a text containing some of its mandatory literal pieces:
`(?:factur\\w*|charg\\w*)\\s+...` needs "factur" or "charg". Testing those substrings (in C,
with `in`) spares running most patterns on most texts. The set is derived from the parsed
pattern, so skipping never loses a match. Shared by the guard and the classifier.
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
