"""Normalized view of a review that keeps a map back to the original characters.

Rules match on `Normalized.text` (lower case, accents folded, typography unified, digits
used as letters restored, spaced-out or dotted words glued back); every match is reported on
the original review through `Normalized.span()`, so `review[start:end] == passage.text`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from responders.text.fold import CONFUSABLES

# The shared look-alike table (Cyrillic/Greek letters, ligatures, typography).
_CONFUSABLES = CONFUSABLES
# Digits and symbols used as letters ("c0nnard", "@rnaque"); only applied inside words.
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
_LEET_CHARS = re.compile(r"[013457@$!]")
# Letters typed one by one with separators: "b o u c h e r", "c.o.n.n.a.r.d", "p-o-u-r-r-i".
# Three letters only when dotted or starred ("c.o.n", "c*o*n"): spaced or hyphenated triples
# are ordinary text ("y a t", "a-t-il").
_SPACED = re.compile(
    r"(?<![a-z0-9'])[a-z](?:(?:[ .\-_*/]{1,2}[a-z]){3,}|(?:[.*_]{1,2}[a-z]){2})(?![a-z0-9'])"
)
_SEPARATOR = re.compile(r"[ .\-_*/]")


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch == "\n":
        return "\n"
    mapped = _CONFUSABLES.get(ch) or _CONFUSABLES.get(ch.lower())
    if mapped is not None:
        return mapped
    category = unicodedata.category(ch)
    if category in ("Cf", "Mn"):  # zero-width and format characters, stray accents
        return ""
    if category.startswith("Z") or ch in "\t\r\v\f":
        return " "
    out = []
    for c in unicodedata.normalize("NFKD", ch.lower()):
        if unicodedata.category(c) == "Mn":
            continue
        out.append(_CONFUSABLES.get(c, c))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Normalized:
    original: str
    text: str
    # origin[i] is the index in `original` of the character that produced text[i]
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for the normalized slice text[start:end]."""
        if end <= start:
            position = self.origin[start] if start < len(self.origin) else len(self.original)
            return position, position
        return self.origin[start], self.origin[end - 1] + 1


def _leet(text: str) -> str:
    if not _LEET_CHARS.search(text):
        return text
    chars = list(text)
    n = len(chars)
    for match in _LEET_CHARS.finditer(text):
        i = match.start()
        # Only inside a word of letters: "c0nnard", not "5 étoiles", "10h30" or "1er".
        left = chars[i - 1] if i > 0 else " "
        right = chars[i + 1] if i + 1 < n else " "
        if not (left.isalpha() or right.isalpha()):
            continue
        # « b!tch », « sh!t »: between two lower-case letters of a short word only; « Bravo! »,
        # « quoi!? », « Bravo!Merci » and « super!merci » stay punctuation
        if chars[i] == "!" and not (left.islower() and right.islower()):
            continue
        j, k = i, i + 1
        while j > 0 and (chars[j - 1].isalnum() or chars[j - 1] in "@$"):
            j -= 1
        while k < n and (chars[k].isalnum() or chars[k] in "@$"):
            k += 1
        letters = sum(1 for c in chars[j:k] if c.isalpha())
        if chars[i] == "!" and letters > 7:
            continue
        if letters >= 2 and letters >= (k - j) // 2:
            chars[i] = _LEET[chars[i]]
    return "".join(chars)


# ASCII folds one character to one character; only other characters go through _fold_char.
_ASCII = str.maketrans(
    {
        **{chr(c): chr(c + 32) for c in range(65, 91)},
        "`": "'",
        "\t": " ",
        "\r": " ",
        "\v": " ",
        "\f": " ",
    }
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def normalize(original: str) -> Normalized:
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _NON_ASCII.finditer(original):
        index = match.start()
        if index > last:
            pieces.append(original[last:index].translate(_ASCII))
            origin.extend(range(last, index))
        folded = _fold_char(match.group())
        pieces.append(folded)
        origin.extend([index] * len(folded))
        last = index + 1
    if last < len(original):
        pieces.append(original[last:].translate(_ASCII))
        origin.extend(range(last, len(original)))
    text = _leet("".join(pieces))
    if _SPACED.search(text):
        glued: list[str] = []
        glued_origin: list[int] = []
        last = 0
        for match in _SPACED.finditer(text):
            letters = [
                i for i in range(match.start(), match.end()) if not _SEPARATOR.match(text[i])
            ]
            glued.append(text[last : match.start()])
            glued_origin.extend(origin[last : match.start()])
            glued.append("".join(text[i] for i in letters))
            glued_origin.extend(origin[i] for i in letters)
            last = match.end()
        glued.append(text[last:])
        glued_origin.extend(origin[last:])
        text = "".join(glued)
        origin = glued_origin
    return Normalized(original, text, tuple(origin))
