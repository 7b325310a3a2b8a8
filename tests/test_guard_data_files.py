"""Well-formedness of the labelled guard evaluation data (data/eval/guard/).

These files measure the guard, so a malformed line, a span that is not in its reply or a
held-out file that shares the main vocabulary would silently skew every figure built on them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "eval" / "guard"

LEAK_FAMILIES = {"relationship", "care", "echo", "identity", "counter_attack", "promotion"}
SAFE_FAMILIES = {"safe", "near_miss"}
KEYS = {
    "id",
    "lang",
    "family",
    "reply",
    "review",
    "reviewer_name",
    "expected_span",
    "obfuscated",
    "obfuscation",
    "note",
}

# file, id prefix, is a leak file, minimum lines, minimum per family
FILES = [
    ("leaks.jsonl", "L", True, 260, 25),
    ("safe.jsonl", "S", False, 190, 60),
    ("holdout_leaks.jsonl", "HL", True, 60, 8),
    ("holdout_safe.jsonl", "HS", False, 40, 12),
]
LEAK_FILES = [f for f in FILES if f[2]]
SAFE_FILES = [f for f in FILES if not f[2]]

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# Each obfuscation kind that has a visible trace must show it inside expected_span; the
# lexical kinds (typo, synonym, inflection, ...) have no structural mark to check.
OBFUSCATION_CHECKS: dict[str, Any] = {
    "upper": lambda s: any(c.isalpha() for c in s) and s == s.upper(),
    "no_accent": lambda s: (
        not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", s))
    ),
    "spaced": lambda s: re.search(r"\w \w \w", s) is not None,
    "dotted": lambda s: re.search(r"\w\.\w\.\w", s) is not None,
    "hyphen": lambda s: re.search(r"\w-\w", s) is not None,
    "zero_width": lambda s: any(c in INVISIBLE for c in s),
    "soft_hyphen": lambda s: "\u00ad" in s,
    "word_joiner": lambda s: "\u2060" in s,
    "cyrillic": lambda s: any("\u0400" <= c <= "\u04ff" for c in s),
    "greek": lambda s: any("\u0370" <= c <= "\u03ff" for c in s),
    "nfd": lambda s: any(unicodedata.combining(c) for c in s),
    "leet": lambda s: re.search(r"[^\W\d_]\d|\d[^\W\d_]", s) is not None,
    "url_obfuscated": lambda s: any(t in s for t in ("[.]", " . ", "(point)")),
    "spelled_out": lambda s: not re.search(r"\d", s) and "euros" in s,
    "date_format": lambda s: re.search(r"\d{1,2}/\d{1,2}", s) is not None,
    "no_space": lambda s: re.search(r"\d€", s) is not None,
    "typo": None,
    "synonym": None,
    "inflection": None,
    "abbreviation": None,
    "initials": None,
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", _fold(text)))


def _tokens(text: str) -> set[str]:
    """Words and numbers: an echoed amount (« 380 € ») is as personal as an echoed word."""
    return set(re.findall(r"\w+", _fold(text)))


def load(name: str) -> list[dict[str, Any]]:
    records = []
    path = DATA / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:  # pragma: no cover - message for the data author
            pytest.fail(f"{path.name}, ligne {number} : JSON invalide ({exc})")
        assert isinstance(record, dict), f"{path.name}, ligne {number} : objet attendu"
        records.append(record)
    return records


@pytest.mark.parametrize(("name", "prefix", "is_leak", "minimum", "_per_family"), FILES)
def test_records_are_well_formed(
    name: str, prefix: str, is_leak: bool, minimum: int, _per_family: int
) -> None:
    records = load(name)
    assert len(records) >= minimum, f"{name}: {len(records)} lignes, minimum {minimum}"
    families = LEAK_FAMILIES if is_leak else SAFE_FAMILIES
    for number, r in enumerate(records, 1):
        where = f"{name}, ligne {number} ({r.get('id')})"
        assert set(r) == KEYS, f"{where}: champs {sorted(set(r) ^ KEYS)}"
        assert re.fullmatch(rf"{prefix}\d{{3}}", r["id"]), where
        assert r["lang"] in {"fr", "qc"}, where
        assert r["family"] in families, where
        assert isinstance(r["reply"], str) and r["reply"].strip(), where
        assert len(r["reply"].encode("utf-8")) <= 4096, f"{where}: plus que la limite Google"
        for field in ("review", "reviewer_name"):
            assert r[field] is None or (isinstance(r[field], str) and r[field].strip()), where
        assert isinstance(r["note"], str) and r["note"].strip(), where
        assert isinstance(r["obfuscated"], bool), where
        assert (r["obfuscation"] is not None) == r["obfuscated"], where
        if is_leak:
            span = r["expected_span"]
            assert isinstance(span, str) and span.strip(), where
            assert span in r["reply"], f"{where}: expected_span absent de reply"
        else:
            assert r["expected_span"] is None, where
            assert not r["obfuscated"], where
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), f"{name}: identifiants en double"


def test_ids_and_replies_are_unique_across_files() -> None:
    ids: Counter[str] = Counter()
    replies: Counter[str] = Counter()
    for name, *_ in FILES:
        for r in load(name):
            ids[r["id"]] += 1
            replies[_fold(r["reply"])] += 1
    assert [i for i, n in ids.items() if n > 1] == []
    # The same reply in two files (or twice in one) would count one case twice, or leak
    # a main case into the held-out set.
    assert [t for t, n in replies.items() if n > 1] == []


@pytest.mark.parametrize(("name", "_prefix", "_is_leak", "_minimum", "per_family"), LEAK_FILES)
def test_leak_families_are_balanced_and_obfuscated_enough(
    name: str, _prefix: str, _is_leak: bool, _minimum: int, per_family: int
) -> None:
    records = load(name)
    counts = Counter(r["family"] for r in records)
    assert set(counts) == LEAK_FAMILIES, name
    assert min(counts.values()) >= per_family, f"{name}: {dict(counts)}"
    hard = sum(1 for r in records if r["obfuscated"] or r["family"] == "echo")
    assert hard * 3 >= len(records), f"{name}: {hard} obfusqués ou échos sur {len(records)}"
    obfuscated = sum(1 for r in records if r["obfuscated"])
    assert obfuscated * 5 >= len(records), f"{name}: trop peu d'obfuscations ({obfuscated})"


@pytest.mark.parametrize(("name", "_prefix", "_is_leak", "_minimum", "per_family"), SAFE_FILES)
def test_safe_files_have_near_misses_and_reviews(
    name: str, _prefix: str, _is_leak: bool, _minimum: int, per_family: int
) -> None:
    records = load(name)
    counts = Counter(r["family"] for r in records)
    assert min(counts[f] for f in SAFE_FAMILIES) >= per_family, f"{name}: {dict(counts)}"
    assert counts["near_miss"] * 3 >= len(records), f"{name}: {dict(counts)}"
    with_review = sum(1 for r in records if r["review"])
    assert with_review * 10 >= len(records) * 4, f"{name}: {with_review} avec avis"


OBFUSCATED = [
    pytest.param(r, id=r["id"]) for name, *_ in LEAK_FILES for r in load(name) if r["obfuscated"]
]


@pytest.mark.parametrize("record", OBFUSCATED)
def test_obfuscation_kind_is_visible_in_span(record: dict[str, Any]) -> None:
    kind = record["obfuscation"]
    assert kind in OBFUSCATION_CHECKS, f"{record['id']}: type d'obfuscation inconnu {kind}"
    check = OBFUSCATION_CHECKS[kind]
    if check is not None:
        assert check(record["expected_span"]), f"{record['id']}: {kind} absent du passage"


def test_every_structural_obfuscation_kind_is_used() -> None:
    used = Counter(r["obfuscation"] for name, *_ in LEAK_FILES for r in load(name))
    missing = [k for k, check in OBFUSCATION_CHECKS.items() if check is not None and not used[k]]
    assert missing == []


ECHOES = [
    pytest.param(r, id=r["id"])
    for name, *_ in LEAK_FILES
    for r in load(name)
    if r["family"] == "echo" and not r["obfuscated"]
]


@pytest.mark.parametrize("record", ECHOES)
def test_echo_span_comes_from_review_or_name(record: dict[str, Any]) -> None:
    source = " ".join(t for t in (record["review"], record["reviewer_name"]) if t)
    assert source, f"{record['id']}: un écho demande un avis ou un nom d'auteur"
    # Echoes may inflect what they repeat (« s'est décollée » -> « se soit décollée »),
    # so a shared word stem is the evidence, not an exact substring.
    stems = {w[:5] for w in _tokens(source) if len(w) >= 3}
    span_stems = {w[:5] for w in _tokens(record["expected_span"]) if len(w) >= 3}
    assert stems & span_stems, f"{record['id']}: rien de l'avis n'est repris"


@pytest.mark.parametrize(("name", "_prefix", "_is_leak", "_minimum", "_pf"), SAFE_FILES)
def test_safe_replies_carry_no_identifying_detail(
    name: str, _prefix: str, _is_leak: bool, _minimum: int, _pf: int
) -> None:
    for r in load(name):
        reply = r["reply"]
        assert len(reply) <= 400, f"{r['id']}: réponse trop longue"
        assert not re.search(r"\d", reply), f"{r['id']}: chiffre (date, montant, numéro)"
        assert not re.search(r"www|https?:|@|\.fr\b|\.ca\b|\.com\b", reply), r["id"]
        if r["reviewer_name"]:
            names = {w for w in _words(r["reviewer_name"]) if len(w) >= 3}
            assert not names & _words(reply), f"{r['id']}: reprend le nom de l'auteur"


@pytest.mark.parametrize(
    ("leak_file", "safe_file"),
    [("leaks.jsonl", "safe.jsonl"), ("holdout_leaks.jsonl", "holdout_safe.jsonl")],
)
def test_no_leak_span_appears_in_a_safe_reply(leak_file: str, safe_file: str) -> None:
    safe_replies = [(r["id"], _fold(r["reply"])) for r in load(safe_file)]
    clashes = []
    for leak in load(leak_file):
        if leak["obfuscated"] or leak["family"] == "echo":
            continue
        span = _fold(leak["expected_span"])
        pattern = re.compile(rf"(?<!\w){re.escape(span)}(?!\w)")
        clashes += [(leak["id"], sid) for sid, text in safe_replies if pattern.search(text)]
    assert clashes == []


def test_holdout_uses_other_vocabulary() -> None:
    main_words: set[str] = set()
    for name in ("leaks.jsonl", "safe.jsonl"):
        for r in load(name):
            for field in ("reply", "review", "reviewer_name"):
                if r[field]:
                    main_words |= _words(r[field])
    reused = []
    for r in load("holdout_leaks.jsonl"):
        if r["family"] not in {"care", "identity"} or r["obfuscated"]:
            continue
        # Terms (acts, diagnoses, drugs, names, payers) must be new; articles and
        # possessives are not vocabulary.
        terms = {w for w in _words(r["expected_span"]) if len(w) >= 5 and w != "votre"}
        if terms and terms <= main_words:
            reused.append((r["id"], r["expected_span"]))
    assert reused == []
