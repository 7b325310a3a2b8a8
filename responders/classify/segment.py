"""Sentence splitting on normalized text; spans are normalized offsets (map back with `span`)."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ; or a line break, except after common abbreviations ("Dr. Roy").
_END = re.compile(r"[.!?;]+(?=\s|$|[\"')\]])|\n+")
_ABBREVIATIONS = frozenset(
    "dr dre drs pr m mm mme mmes mlle st ste etc env cf ex p ps vs mr mrs ms prof no n tel".split()
)
_WORD_BEFORE = re.compile(r"([a-z]+)$")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence of `text`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if match.group().startswith("."):
            word = _WORD_BEFORE.search(text, max(0, match.start() - 6), match.start())
            if word and word.group(1) in _ABBREVIATIONS and match.end() - match.start() == 1:
                continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(c.isalnum() for c in text[s:e]):
            out.append((s, e))
    return out
