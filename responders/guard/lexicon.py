"""Health lexicons loaded once from data files, and a fast token n-gram matcher over them.

Terms are stored folded; keys are computed here with the same `key()` the text goes through,
so plurals, feminine forms and repeated letters meet. Long words also match with one typo
through a deletion-neighbourhood index (symmetric delete), gated so that an everyday French
word is never read as its medical neighbour.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from responders.text.datafiles import data_lines
from responders.text.words import Normalized, Token, edit1, key, normalize, squeeze

Category = str  # condition | symptom | act | material | drug | exam | body

FILES = (
    ("lay_fr.tsv", "liste courante"),
    ("acts_lay.tsv", "actes (CCAM, langage courant)"),
    ("lay_en.tsv", "liste courante (anglais)"),
    ("cim10.tsv.gz", "CIM-10"),
    ("cim11.tsv.gz", "CIM-11"),
    ("cim11_en.tsv.gz", "CIM-11 (anglais)"),
    ("drugs.tsv.gz", "médicaments"),
)
FUZZY_MIN_LEN = 7
PREFIX_LEN = 7
MAX_NGRAM = 6


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    category: Category
    source: str
    exact: bool = False  # « =opéré »: only that accented spelling (« opère » is another verb form)


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # token indexes, inclusive/exclusive
    last: int
    entry: Entry
    fuzzy: bool


def _lines(name: str) -> list[str]:
    return data_lines("responders.guard", name)


def _deletions(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


class Lexicon:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.surfaces: set[str] = set()  # folded spellings of single-word terms
        self.exact_surfaces: dict[str, set[str]] = {}
        self.first_keys: set[str] = set()
        self.max_len = 1
        self.general = frozenset(_lines("general_fr.txt.gz"))
        # Everyday English (Montréal replies): never read as a misspelt health word.
        self.english = frozenset(_lines("general_en.txt.gz"))
        general_by_key: dict[str, str] = {}
        for word in self.general:
            general_by_key.setdefault(key(word), word)
        self.general_keys = frozenset(general_by_key)
        for name, source in FILES:
            curated = not name.endswith(".gz")
            for line in _lines(name):
                term, category, *_ = line.split("\t")
                exact = term.startswith("=")
                term = term.lstrip("=")
                tokens = (
                    [t.key for t in normalize(term).tokens]
                    if not term.isascii() or "'" in term or "-" in term
                    else [key(t) for t in term.split()]
                )
                if not tokens:
                    continue
                k = " ".join(tokens)
                if not curated and len(tokens) == 1 and k in general_by_key:
                    # A stem shared with a different everyday word (« avonex » / « avons »).
                    if (
                        general_by_key[k] != term
                        and key(general_by_key[k]) == k
                        and term not in self.general
                    ):
                        continue
                # The curated lists come first and win: their category is the precise one.
                self.entries.setdefault(k, Entry(term, category, source, exact))
                if exact:
                    self.exact_surfaces.setdefault(k, set()).add(
                        unicodedata.normalize("NFC", term.lower())
                    )
                if len(tokens) == 1:
                    self.surfaces.add("".join(t.text for t in normalize(term).tokens))
                self.first_keys.add(tokens[0])
                self.max_len = max(self.max_len, min(len(tokens), MAX_NGRAM))
        self.never = frozenset(
            key(t.text) for line in _lines("never_health.txt") for t in normalize(line).tokens
        )
        # Seven-letter beginnings of the curated single words: « détartreuse » shares
        # « detartr » with « détartrage ».
        self.prefixes: dict[str, str] = {}
        for k, entry in self.entries.items():
            if (
                " " not in k
                and entry.source in (FILES[0][1], FILES[1][1])
                and len(k) >= PREFIX_LEN + 1
            ):
                self.prefixes.setdefault(k[:PREFIX_LEN], k)
        self.deletes: dict[str, list[str]] = {}
        for k in self.entries:
            if " " not in k and len(k) >= FUZZY_MIN_LEN:
                for d in _deletions(k):
                    self.deletes.setdefault(d, []).append(k)

    def fuzzy(self, tok: Token) -> str | None:
        """A single-token entry one edit away from `tok`, if `tok` is not itself a word."""
        k = tok.key
        if len(k) < FUZZY_MIN_LEN - 1 or not tok.text.isalpha():
            return None
        if (
            tok.text in self.general
            or k in self.general_keys
            or k in self.never
            or tok.raw in self.english
        ):
            return None
        candidates: list[str] = list(self.deletes.get(k, ()))  # one letter missing
        for d in _deletions(k):
            if d in self.entries and len(d) >= FUZZY_MIN_LEN:  # one letter added
                candidates.append(d)
            candidates.extend(self.deletes.get(d, ()))  # one letter changed or swapped
        for c in candidates:
            if c != k and edit1(c, k):
                return c
        return None

    def match(self, norm: Normalized) -> list[Match]:
        tokens = norm.tokens
        keys = [t.key for t in tokens]
        out: list[Match] = []
        i = 0
        n = len(tokens)
        while i < n:
            found = self._at(norm, keys, i)
            if found is not None:
                out.append(found)
                i = found.last
                continue
            i += 1
        return out

    def _at(self, norm: Normalized, keys: list[str], i: int) -> Match | None:
        tokens = norm.tokens
        n = len(tokens)
        if keys[i] in self.first_keys:
            for length in range(min(self.max_len, n - i), 0, -1):
                k = " ".join(keys[i : i + length])
                entry = self.entries.get(k)
                if entry is not None and entry.exact:
                    written = unicodedata.normalize(
                        "NFC", norm.original[tokens[i].start : tokens[i + length - 1].end].lower()
                    )
                    if written not in self.exact_surfaces.get(k, ()):
                        entry = None
                if entry is not None and (length > 1 or self._single_ok(tokens[i], k)):
                    return Match(i, i + length, entry, False)
        for variant in tokens[i].variants:
            entry = self.entries.get(variant)
            if entry is not None:
                return Match(i, i + 1, entry, False)
        # Pieces glued by hyphens or dots, or a word cut by spaces: « im-plant », « dé tar trage ».
        joined = tokens[i].raw
        for j in range(i + 1, min(i + 6, n)):
            glued = norm.glued(j - 1)
            if not glued and (len(tokens[j].raw) > 5 or len(tokens[j - 1].raw) > 5):
                break
            joined += tokens[j].raw
            k = key(joined)
            entry = self.entries.get(k)
            if (
                entry is not None
                and len(k) >= 5
                and (glued or not self._all_words(tokens[i : j + 1]))
            ):
                return Match(i, j + 1, entry, False)
        target = self.fuzzy(tokens[i]) or self._derived(tokens[i])
        if target is not None:
            return Match(i, i + 1, self.entries[target], True)
        return None

    def _derived(self, tok: Token) -> str | None:
        """A word built on a curated term (« détartreuse », « implantaire ») that is no everyday word."""
        text = tok.text
        if (
            len(text) < PREFIX_LEN + 1
            or not text.isalpha()
            or text in self.general
            or tok.raw in self.english
        ):
            return None
        if tok.key in self.general_keys or tok.key in self.never:
            return None
        return self.prefixes.get(text[:PREFIX_LEN])

    def _single_ok(self, tok: Token, k: str) -> bool:
        """A one-word hit through stemming only counts if the word is not another everyday word
        (« tous » shares the stem of « toux », « avons » that of « avonex »)."""
        if k in self.never:
            return False
        text = tok.text
        if text in self.surfaces or text not in self.general or squeeze(text) in self.surfaces:
            return True
        for cut in (1, 2):
            if (
                len(text) > cut + 3
                and text[:-cut] in self.surfaces
                and text[-cut:] in ("s", "x", "e", "es")
            ):
                return True
        return False

    def _all_words(self, toks: list[Token]) -> bool:
        return all(t.text in self.general and len(t.text) > 2 for t in toks)


@cache
def get_lexicon() -> Lexicon:
    return Lexicon()


class Corrector:
    """Reads a misspelt word as the rule word it stands for (« plinte » -> « plainte »,
    « vottre » -> « votre »), so phrase patterns resist typos. Everyday words are left alone."""

    def __init__(self, vocabulary: set[str]) -> None:
        lex = get_lexicon()
        self.general = lex.general
        self.english = lex.english
        self.surfaces = lex.surfaces
        self.ranks = {w: i for i, w in enumerate(_lines("general_fr.txt.gz"))}
        # Four-letter rule words (« amis », « dent ») count as rule words when a spelled-out run
        # is read, but only longer ones are typo targets: one edit away from a four-letter
        # word is too often another word.
        self.vocabulary = {w for w in vocabulary if len(w) >= 4}
        self.deletes: dict[str, set[str]] = {}
        for word in (w for w in self.vocabulary if len(w) >= 5):
            for d in _deletions(word):
                self.deletes.setdefault(d, set()).add(word)
        self._cache: dict[str, str] = {}

    def rank(self, word: str) -> int:
        """Frequency rank in general French (0 = most frequent); rule words count as frequent."""
        if word in self.vocabulary or word in self.surfaces:
            return min(self.ranks.get(word, 50_000), 50_000)
        return self.ranks.get(word, 10**9)

    def is_rule_word(self, word: str) -> bool:
        return word in self.vocabulary or word in self.surfaces

    def known(self, word: str) -> bool:
        return word in self.general or word in self.vocabulary or word in self.surfaces

    def __call__(self, word: str) -> str:
        hit = self._cache.get(word)
        if hit is None:
            hit = self._correct(word)
            if len(self._cache) < 100_000:
                self._cache[word] = hit
        return hit

    def _correct(self, word: str) -> str:
        if (
            word in self.general
            or word in self.vocabulary
            or word in self.english
            or not word.isalpha()
        ):
            return word
        squeezed = squeeze(word)
        if len(word) < 5:
            return (
                squeezed
                if squeezed != word and (squeezed in self.general or squeezed in self.vocabulary)
                else word
            )
        # Most likely first: a letter missing, then two letters swapped or one changed, then one
        # letter too many; an ambiguous reading is no reading.
        missing = set(self.deletes.get(word, ()))
        if len(missing) == 1:
            return missing.pop()
        changed: set[str] = set()
        extra: set[str] = set()
        for pos, d in enumerate(_deletions(word)):
            doubled = pos + 1 < len(word) and word[pos] == word[pos + 1]
            if d in self.vocabulary or (doubled and d in self.general):
                extra.add(d)  # a key pressed twice: « commee » -> « comme »
            changed.update(
                c for c in self.deletes.get(d, ()) if len(c) == len(word) and edit1(c, word)
            )
        for found in (extra, changed):
            # a changed letter in a five-letter word is too often another word (« trage »)
            if len(found) == 1 and (len(word) >= 6 or found is extra):
                return found.pop()
        if squeezed != word and (squeezed in self.general or squeezed in self.vocabulary):
            return squeezed  # a doubled letter: « vottre »
        return word
