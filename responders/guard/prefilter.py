"""Required literals of a regular expression, to skip patterns that cannot match.

Most rule patterns can only match text containing one of a few words (« avocat »,
« plainte »…). `required(pattern)` returns strings of which every match contains at least one,
or None when no such set is known; a substring test in C then spares running the regex.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

Req = frozenset[str] | None
MIN_LEN = 3


def _best(candidates: list[frozenset[str]]) -> Req:
    useful = [s for s in candidates if s and min(len(x) for x in s) >= MIN_LEN]
    if not useful:
        return None
    # the most selective: longest shortest string, then fewest strings
    return max(useful, key=lambda s: (min(len(x) for x in s), -len(s)))


def _seq(items) -> Req:  # type: ignore[no-untyped-def]
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= MIN_LEN:
            candidates.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is c.SUBPATTERN:
            sub = _seq(av[-1])
            if sub is not None:
                candidates.append(sub)
        elif op is c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                sub = _seq(branch)
                if sub is None:
                    union = set()
                    break
                union |= sub
            if union:
                candidates.append(frozenset(union))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            low, _high, sub_items = av
            if low >= 1:
                sub = _seq(sub_items)
                if sub is not None:
                    candidates.append(sub)
    flush()
    return _best(candidates)


def required(pattern: str, flags: int = 0) -> Req:
    try:
        return _seq(sre_parse.parse(pattern, flags))
    except (re.error, TypeError, ValueError, IndexError):  # pragma: no cover - unknown construct
        return None
