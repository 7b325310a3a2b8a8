"""Every leak of the paraphrase table still blocks when its incriminated words are disguised."""

from __future__ import annotations

import random

import pytest

from responders.guard import check
from tests.guard.paraphrases import LEAKS

HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "i": "і"}
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "$"}


def disguise(word: str, kind: str, rng: random.Random) -> str:
    if kind == "homoglyph":
        return "".join(HOMOGLYPHS.get(c, c) if rng.random() < 0.5 else c for c in word)
    if kind == "zero_width":
        return word[: len(word) // 2] + "\u200b" + word[len(word) // 2 :]
    if kind == "leet":
        spots = [i for i, c in enumerate(word) if c in LEET]
        if not spots:
            return word
        i = rng.choice(spots)
        return word[:i] + LEET[word[i]] + word[i + 1 :]
    if kind == "repeat":
        i = rng.randrange(len(word))
        return word[:i] + word[i] * 3 + word[i + 1 :]
    if kind == "spaced":
        return " ".join(word) if len(word) >= 4 else word
    if kind == "hyphen":
        return word[: len(word) // 2] + "-" + word[len(word) // 2 :] if len(word) >= 6 else word
    if kind == "upper":
        return word.upper()
    if kind == "typo":  # one letter dropped inside a long word
        if len(word) < 8:
            return word
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1 :]
    raise ValueError(kind)


# A dropped letter in a long word is the one disguise read by guesswork: allow 1 % of misses.
KINDS = {"homoglyph": 0, "zero_width": 0, "leet": 0, "repeat": 0, "spaced": 0, "hyphen": 0, "upper": 0, "typo": len(LEAKS) // 100}


@pytest.mark.parametrize(("kind", "allowed_misses"), list(KINDS.items()))
def test_disguised_leaks_still_block(kind: str, allowed_misses: int) -> None:
    rng = random.Random(2026)
    misses = []
    for text in LEAKS:
        first = check(text).blocking[0]
        words = [w for w in text[first.start : first.end].split() if w.isalpha() and len(w) >= 3]
        if not words:
            continue
        word = rng.choice(words)
        passage = text[first.start : first.end].replace(word, disguise(word, kind, rng), 1)
        disguised = text[: first.start] + passage + text[first.end :]
        if check(disguised).allowed:
            misses.append(disguised)
    assert len(misses) <= allowed_misses, misses
