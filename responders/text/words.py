"""Text normalization that resists evasion while keeping a map back to the original characters.

Every rule matches on normalized text; a finding is reported on the original reply through
`Normalized.span(i, j)`, so `reply[start:end] == text` always holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from responders.text.fold import CONFUSABLES

# The shared look-alike table (Cyrillic/Greek letters, ligatures, typography).
_CONFUSABLES = CONFUSABLES
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_LEET_L = str.maketrans(
    {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
# Tokens that legitimately mix digits and letters: times, ordinals, units, tooth numbers.
_ALNUM_OK = re.compile(
    r"^\d+(?:h\d*|e|er|ere|eme|emes|nd|nde|min|mn|ans?|mois|kg|g|mg|ml|cm|mm|km|m|s|j)?$|^(?:h|n|no)\d+$"
)
_TOKEN = re.compile(r"[@$]?[a-z0-9]+(?:[@$]+[a-z0-9]+)*[@$]?")
# Characters that glue pieces of one word together without a space (im-plant, c.a.r.i.e).
_GLUE = frozenset("-._*/+|~")
_REPEAT = re.compile(r"(.)\1+")
_TRIPLE = re.compile(r"([a-z])\1{2,}")
_RUN3 = re.compile(r"(\w)\1\1")
# Spaced-out letters: a run longer than _MAX_RUN letters is no single word; words read in it are
# at most _MAX_WORD letters long.
_MAX_RUN = 40
_MAX_WORD = 30


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    mapped = _CONFUSABLES.get(ch)
    if mapped is None:
        low = ch.lower()
        mapped = _CONFUSABLES.get(low)
        if mapped is None:
            out = []
            for c in unicodedata.normalize("NFKD", low):
                cat = unicodedata.category(c)
                if cat == "Mn":
                    continue
                c = c.lower()
                out.append(_CONFUSABLES.get(c, c))
            mapped = "".join(out)
    if not mapped:
        return ""
    cat = unicodedata.category(ch)
    if cat == "Cf" or cat == "Mn":  # zero-width and format characters, stray accents
        return ""
    if cat.startswith("Z") or ch in "\t\r\n\v\f":
        return " "
    return mapped


def squeeze(word: str) -> str:
    return _REPEAT.sub(r"\1", word)


def stem(word: str) -> str:
    """A light French stemmer: plural and feminine endings, applied to lexicon and text alike."""
    if len(word) > 5 and word.endswith("aux"):
        word = word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The canonical lookup key of one already folded word."""
    return stem(squeeze(word))


def leet(word: str) -> str:
    """Digits and symbols used for letters inside a word (d1abete, c4rie, $oins)."""
    if word.isdigit() or not any(c.isalpha() for c in word):
        return word
    if not any(c in "013457@$" for c in word) or _ALNUM_OK.match(word):
        return word
    letters = sum(c.isalpha() for c in word)
    if letters < 2:
        return word
    return word.translate(_LEET)


def leet_variants(word: str) -> tuple[str, ...]:
    first = leet(word)
    if first == word or "1" not in word:
        return (first,)
    return (first, word.translate(_LEET_L))


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded, digits-for-letters decoded
    key: str  # squeezed and stemmed
    start: int  # offsets into the ORIGINAL text
    end: int
    variants: tuple[str, ...] = ()  # other readings (1 read as l)
    raw: str = ""  # before typo correction: pieces of a cut word are joined from these


class Normalized:
    """Folded text with an offset map, and its word tokens with original offsets."""

    __slots__ = (
        "original",
        "folded",
        "_src",
        "_src_end",
        "tokens",
        "clean",
        "_clean_tok",
        "_known",
        "_correct",
    )

    def __init__(self, original: str, correct: Callable[[str], str] | None = None) -> None:
        self.original = original
        # Words the reader would recognise, to glue « dos-sier » or split « p e r s o n n e d ».
        self._known: Callable[[str], bool] | None = getattr(correct, "known", None)
        self._correct = correct
        chars: list[str] = []
        src: list[int] = []
        src_end: list[int] = []
        run_char = ""
        for i, ch in enumerate(original):
            if ch.isascii() and not ch.isupper():
                mapped = " " if ch in "\t\r\n\v\f" else ch
            else:
                mapped = _fold_char(ch)
            if not mapped:
                if src_end and unicodedata.category(ch) == "Mn":
                    src_end[-1] = i + 1
                continue
            for c in mapped:
                # A letter typed three times or more counts twice (« cetttte » -> « cette »); the
                # word-level correction then reads « llundi » as « lundi ». « www » stays for links.
                if c == run_char:
                    src_end[-1] = i + 1
                    continue
                run_char = ""
                if len(chars) >= 2 and c == chars[-1] == chars[-2] and c.isalpha() and c != "w":
                    src_end[-1] = i + 1
                    run_char = c
                    continue
                chars.append(c)
                src.append(i)
                src_end.append(i + 1)
        self.folded = "".join(chars)
        self._src = src
        self._src_end = src_end
        self.tokens = self._tokenize()
        parts: list[str] = []
        owner: list[int] = []
        for n, tok in enumerate(self.tokens):
            if parts:
                parts.append(" ")
                owner.append(n - 1)
            word = tok.text
            parts.append(word)
            owner.extend([n] * len(word))
        self.clean = "".join(parts)
        self._clean_tok = owner

    # -- offsets -----------------------------------------------------------------------
    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original (start, end) of folded[i:j]."""
        if j <= i:
            return (self._src[i], self._src[i]) if i < len(self._src) else (len(self.original),) * 2
        return self._src[i], self._src_end[j - 1]

    def clean_span(self, i: int, j: int) -> tuple[int, int]:
        """Original (start, end) of clean[i:j] (token granularity)."""
        first = self._clean_tok[i]
        last = self._clean_tok[max(i, j - 1)]
        return self.tokens[first].start, self.tokens[last].end

    # -- tokens ------------------------------------------------------------------------
    def _raw_tokens(self) -> list[tuple[str, int, int, str, str]]:
        """(text, fstart, fend, sep_before, sep_after) over the folded text."""
        out = []
        folded = self.folded
        prev_end = 0
        matches = list(_TOKEN.finditer(folded))
        for n, m in enumerate(matches):
            nxt = matches[n + 1].start() if n + 1 < len(matches) else len(folded)
            out.append(
                (m.group(), m.start(), m.end(), folded[prev_end : m.start()], folded[m.end() : nxt])
            )
            prev_end = m.end()
        return out

    def _tokenize(self) -> list[Token]:
        raw = self._raw_tokens()
        merged: list[tuple[str, int, int]] = []
        # run_end[k]: where a run of spaced-out single letters starting at k stops (computed once,
        # backwards, so finding runs stays linear)
        run_end = list(range(len(raw) + 1))
        for k in range(len(raw) - 1, -1, -1):
            if len(raw[k][0]) == 1 and raw[k][0].isalpha():
                nxt = k + 1
                run_end[k] = (
                    run_end[nxt]
                    if nxt < len(raw) and run_end[nxt] > nxt and _short_gap(raw[nxt][3])
                    else nxt
                )
        i = 0
        while i < len(raw):
            # Spaced-out single letters: « d é t a r t r a g e », « c.a.r.i.e ».
            j = min(run_end[i], i + _MAX_RUN + 1)
            if j - i > _MAX_RUN and self._known is not None:
                # Longer than any word: read it letter by letter, taking the longest known word
                # that starts here, so the cost stays linear in the run's length.
                letters = "".join(r[0] for r in raw[i:j])
                size = next((n for n in range(_MAX_WORD, 3, -1) if self._known(letters[:n])), 1)
                merged.append((letters[:size], raw[i][1], raw[i + size - 1][2]))
                i += size
                continue
            if j - i >= 4:
                # The run may have swallowed short words before or after it: « p e r s o n n e d'autre »,
                # « n'a f a i t », « à b i e n t ô t j'espère »: keep the longest recognised word.
                end = j
                rank = getattr(self._correct, "rank", None)
                if (
                    self._known is not None
                    and rank is not None
                    and raw[i][0] in ("a", "y")
                    and self._known("".join(r[0] for r in raw[i:j]))
                    and not getattr(self._correct, "is_rule_word", lambda w: False)(
                        "".join(r[0] for r in raw[i:j])
                    )
                    and self._known("".join(r[0] for r in raw[i + 1 : j]))
                    and rank("".join(r[0] for r in raw[i + 1 : j]))
                    < rank("".join(r[0] for r in raw[i:j]))
                ):
                    # « a t o u t fait » is « a tout fait », not « atout fait »
                    merged.append((raw[i][0], raw[i][1], raw[i][2]))
                    i += 1
                elif self._known is not None and not self._known("".join(r[0] for r in raw[i:j])):
                    best = max(
                        (
                            (b - a, -a, b)
                            for a in range(i, j - 3)
                            for b in range(j, a + 3, -1)
                            if self._known("".join(r[0] for r in raw[a:b]))
                        ),
                        default=None,
                    )
                    if best is not None:
                        _, neg_a, end = best
                        a = -neg_a
                        for r in raw[i:a]:
                            merged.append((r[0], r[1], r[2]))
                        i = a
                text = "".join(r[0] for r in raw[i:end])
                merged.append((text, raw[i][1], raw[end - 1][2]))
                i = end
                continue
            # A word cut by a hyphen or a dot: « dos-sier », « ridi-cule », « excel.lente ».
            if (
                self._known is not None
                and i + 1 < len(raw)
                and raw[i + 1][3] in ("-", ".", "_", "*", "·", "/")
            ):
                joined = raw[i][0] + raw[i + 1][0]
                if len(joined) >= 6 and joined.isalpha() and self._known(joined):
                    merged.append((joined, raw[i][1], raw[i + 1][2]))
                    i += 2
                    continue
            merged.append((raw[i][0], raw[i][1], raw[i][2]))
            i += 1
        tokens = []
        for text, fs, fe in merged:
            # An e-mail address keeps its « @ » (info@clinique.ca is no « infoaclinique »).
            email = (
                "@" in text
                and re.match(r"[a-z0-9.-]*\.[a-z]{2,}", self.folded[fe : fe + 80]) is not None
            )
            variants = (text,) if email else leet_variants(text)
            raw_word = variants[0]
            decoded = raw_word
            start, end = self.span(fs, fe)
            if self._known is not None and _RUN3.search(self.original[start:end].lower()):
                # A letter held down (« vosss », « commeee », « cetttte »): read it once or twice,
                # whichever makes the more common word.
                once = leet(
                    _TRIPLE.sub(r"\1", "".join(_fold_char(ch) for ch in self.original[start:end]))
                )
                rank = getattr(self._correct, "rank", None)
                options = [w for w in (decoded, once) if self._known(w)]
                if options and rank is not None:
                    decoded = raw_word = min(options, key=rank)
            if self._correct is not None and not email:
                decoded = self._correct(
                    decoded
                )  # « vottre » -> « votre », « plinte » -> « plainte »
            others = tuple(key(v) for v in variants[1:])
            tokens.append(Token(decoded, key(decoded), start, end, others, raw_word))
        return tokens

    def glued(self, n: int) -> bool:
        """True when token n and token n+1 are joined by a glue character without spaces."""
        a, b = self.tokens[n], self.tokens[n + 1]
        between = self.original[a.end : b.start]
        if not between:
            return True
        folded = "".join(_fold_char(c) if not c.isascii() else c for c in between)
        return bool(folded) and len(folded) <= 2 and all(c in _GLUE for c in folded)


def _short_gap(sep: str) -> bool:
    return 0 < len(sep) <= 2 and all(c == " " or c in _GLUE for c in sep)


def normalize(text: str) -> Normalized:
    return Normalized(text)


def edit1(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if abs(len(a) - len(b)) != 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))
