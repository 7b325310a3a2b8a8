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
            out.extend(_bounded(text, s, e))
    return out


# A review sentence is rarely longer than a few hundred characters; an unpunctuated wall of
# text is cut into pieces so that the work done per sentence stays bounded (linear time).
MAX_SENTENCE = 600
_BREAK = re.compile(r"[,:)\]]\s|\s")


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        window = text[start + MAX_SENTENCE // 2 : cut]
        breaks = [m.end() for m in _BREAK.finditer(window)]
        if breaks:
            cut = start + MAX_SENTENCE // 2 + breaks[-1]
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces
