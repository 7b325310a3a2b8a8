"""The classifier's inline-markup golden corpus: labels and passage spans pinned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from responders.classify import classify

GOLDEN = Path(__file__).with_name("golden.txt")
LINE = re.compile(r"^(praise|criticism|insult|defamation) (\d|-) \| (.*)$")
MARK = re.compile(r"<(defamation|insult|criticism) rule=([a-z_.0-9]+)>(.*?)</\1>")


def parse(marked: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """The plain text and its marks as (start, end, qualification, rule)."""
    text: list[str] = []
    marks = []
    pos = 0
    for m in MARK.finditer(marked):
        text.append(marked[pos : m.start()])
        start = sum(len(t) for t in text)
        text.append(m.group(3))
        marks.append((start, start + len(m.group(3)), m.group(1), m.group(2)))
        pos = m.end()
    text.append(marked[pos:])
    return "".join(text), marks


def lines() -> list[str]:
    return [
        line for line in GOLDEN.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_parser_keeps_offsets() -> None:
    assert parse("Un <insult rule=insult.lexicon>vrai charlatan</insult>.") == (
        "Un vrai charlatan.", [(3, 17, "insult", "insult.lexicon")]
    )


def test_the_corpus_covers_every_label() -> None:
    labels = {LINE.match(line).group(1) for line in lines()}  # type: ignore[union-attr]
    assert labels == {"praise", "criticism", "insult", "defamation"}


@pytest.mark.parametrize("line", lines(), ids=lambda s: s[:60])
def test_golden(line: str) -> None:
    match = LINE.match(line)
    assert match, f"malformed golden line: {line!r}"
    label, rating, marked = match.groups()
    text, marks = parse(marked)
    result = classify(text, None if rating == "-" else int(rating))
    assert result.label == label
    found = sorted((p.start, p.end, str(p.qualification), p.rule) for p in result.passages)
    assert found == marks
    for p in result.passages:
        assert text[p.start : p.end] == p.text
