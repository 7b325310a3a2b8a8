"""Run each pattern only on the sentences that hold one of its required literals.

`prefilter` skips a pattern when none of its literals occurs anywhere in the review. On a
long text nearly every literal occurs somewhere, and each pattern would scan the whole text:
the cost grows with (patterns × length). Here one pass of the literal scanner records, for
each literal, the sentences it occurs in; a pattern then runs only on those sentences. The
gate stays sound (a match needs one of the literals, inside its sentence), and the work is
proportional to the text plus the sentences that are candidates for each pattern.

The engine calls `prepare(text, spans)` once per review; rules call `finditer(pattern,
text)`, which falls back to the whole text when nothing was prepared for that text. The
prepared gate lives in a context variable: each Streamlit session (its own thread) and each
worker sees only the review it is classifying.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar

from responders.text.literals import REGISTRY, GatedPattern


class SentenceGate:
    """Which required literals occur in which sentence of one normalized text."""

    __slots__ = ("text", "spans", "by_literal", "present")

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = spans
        scanner = REGISTRY.scanner()
        starts = [s for s, _ in spans]
        by_literal: dict[str, list[int]] = {}
        for match in scanner.regex.finditer(text):
            hit = match.group(1)
            if not hit:
                continue
            index = bisect.bisect_right(starts, match.start()) - 1
            for literal in scanner.prefixes.get(hit, (hit,)):
                found = by_literal.get(literal)
                if found is None:
                    by_literal[literal] = [index]
                elif found[-1] != index:
                    found.append(index)
        self.by_literal = by_literal
        # the whole-text gate of every pattern, from the same pass
        self.present = frozenset(by_literal)

    def sentences_for(self, literals: frozenset[str]) -> list[int]:
        lists = [self.by_literal[lit] for lit in literals if lit in self.by_literal]
        if not lists:
            return []
        if len(lists) == 1:
            return lists[0]
        return sorted(set().union(*lists))

    def finditer(self, pattern: GatedPattern) -> Iterator[re.Match[str]]:
        assert pattern.literals is not None
        spans = self.spans
        for index in self.sentences_for(pattern.literals):
            if index < 0:
                continue
            start, end = spans[index]
            yield from pattern.regex.finditer(self.text, start, end)


_current: ContextVar[SentenceGate | None] = ContextVar("sentence_gate", default=None)


def prepare(text: str, spans: list[tuple[int, int]]) -> SentenceGate:
    gate = SentenceGate(text, spans)
    _current.set(gate)
    return gate


def finditer(
    pattern: GatedPattern, text: str, present: frozenset[str] | None = None
) -> Iterable[re.Match[str]]:
    """Matches of `pattern` in `text`, sentence by sentence when `text` was prepared."""
    gate = _current.get()
    if gate is None or gate.text is not text or pattern.literals is None:
        matches: Iterable[re.Match[str]] = pattern.finditer(text, present)
        return matches
    return gate.finditer(pattern)
