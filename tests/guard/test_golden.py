"""The inline-markup golden corpus: marked passages must be found, nothing else may block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from responders.guard import check, get_rule

GOLDEN = Path(__file__).with_name("golden.txt")
MARK = re.compile(r"<(block|review|warn) rule=([a-z_0-9]+)>(.*?)</\1>")


def parse(line: str) -> tuple[str, list[tuple[str, str, int, int]]]:
    text, marks, pos = [], [], 0
    for m in MARK.finditer(line):
        text.append(line[pos : m.start()])
        start = sum(len(t) for t in text)
        text.append(m.group(3))
        marks.append((m.group(1), m.group(2), start, start + len(m.group(3))))
        pos = m.end()
    text.append(line[pos:])
    return "".join(text), marks


def lines() -> list[str]:
    return [
        line
        for line in GOLDEN.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_parser_keeps_offsets() -> None:
    text, marks = parse("a <block rule=care_act>détartrage</block> b")
    assert text == "a détartrage b"
    assert marks == [("block", "care_act", 2, 12)]


@pytest.mark.parametrize("line", lines(), ids=lambda s: s[:50])
def test_golden(line: str) -> None:
    text, marks = parse(line)
    result = check(text)
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    for severity, rule, start, end in marks:
        assert get_rule(rule).severity == severity
        assert any(
            f.rule == rule and f.start < end and start < f.end for f in result.findings
        ), f"{rule} not found on {text[start:end]!r}: {[(f.rule, f.text) for f in result.findings]}"
    severities = {sev for sev, *_ in marks}
    expected = "block" if "block" in severities else "review" if "review" in severities else "pass"
    # once a line blocks, words the positive model cannot clear elsewhere change nothing
    for f in result.blocking + (result.to_review if expected != "block" else []):
        assert any(f.start < e and s < f.end for _, _, s, e in marks), f"unexpected {f.rule}: {f.text!r}"
    assert result.verdict == expected
