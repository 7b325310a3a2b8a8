"""Build the guard's health lexicons from the field's own terminologies.

Run in a throw-away virtualenv so the product never depends on these packages at run time:

    python3 -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install edsnlp cim-11-certic wordfreq
    /tmp/lexvenv/bin/python scripts/build_lexicons.py

Sources: edsnlp's resources (CIM-10 labels `cim10.csv.gz`, drug names `drugs.json`), the
`cim-11-certic` package (CIM-11 French labels), `wordfreq` (French word frequencies, used to
drop everyday words such as « contact », « état », « chute »), and the curated lists kept by hand
in responders/guard/data (lay_fr.tsv, acts_lay.tsv, never_health.txt).

Writes responders/guard/data/{cim10,cim11,drugs}.tsv.gz and general_fr.txt.gz, each starting
with `#` lines saying where it came from.
"""

from __future__ import annotations

import csv
import gzip
import importlib.metadata as md
import json
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from responders.text.words import normalize  # noqa: E402 (pure standard library)

DATA = ROOT / "responders" / "guard" / "data"
# A word more frequent than this in general French (Zipf scale) is everyday vocabulary.
RARE_TOKEN_ZIPF = 2.6
SHORT_LABEL_ZIPF = 3.3
MIN_TOKEN_LEN = 6
# CIM-10 chapters about external causes, contact with services, special codes: not diseases.
CIM10_SKIP = tuple("UVWXYZ")
# CIM-11: external causes (P), factors/contact (Q), extension codes (X), functioning (V),
# traditional medicine (S), special codes (R).
CIM11_SKIP = tuple("PQRSVX")
TEMPLATE_DIR = ROOT / "templates"


def fold(text: str) -> list[str]:
    return [t.text for t in normalize(text).tokens]


def words(text: str) -> list[tuple[str, str]]:
    """(accented lower-case word, folded word): frequencies are looked up on the real spelling."""
    out = []
    for word in re.findall(r"[^\W\d_]+|\d+", text.lower()):
        folded = "".join(fold(word))
        if folded:
            out.append((word, folded))
    return out


def zipf_fn():
    from wordfreq import zipf_frequency

    return lambda word: zipf_frequency(word, "fr")


def read_list(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def template_words() -> set[str]:
    words: set[str] = set()
    if TEMPLATE_DIR.is_dir():
        for path in TEMPLATE_DIR.rglob("*"):
            if path.is_file() and path.suffix in {".json", ".jsonl", ".yaml", ".yml", ".toml", ".txt", ".md"}:
                words.update(fold(path.read_text(encoding="utf-8", errors="ignore")))
    return words


class Collector:
    def __init__(self, zipf, banned: set[str]) -> None:
        self.zipf = zipf
        self.banned = banned
        self.terms: dict[str, tuple[str, str]] = {}
        self.dropped: Counter[str] = Counter()

    def rare(self, word: tuple[str, str]) -> bool:
        accented, token = word
        return (
            len(token) >= MIN_TOKEN_LEN
            and token.isalpha()
            and token not in self.banned
            and max(self.zipf(accented), self.zipf(token)) < RARE_TOKEN_ZIPF
        )

    def add_label(self, label: str, category: str, code: str) -> None:
        label = re.sub(r"\[.*?\]|\(.*?\)", " ", label)
        label = re.split(r",| sans pr[ée]cision| SAI\b| NCA\b", label)[0]
        pairs = words(label)
        if not pairs:
            return
        tokens = [folded for _, folded in pairs]
        if len(pairs) == 1:
            accented, tok = pairs[0]
            if tok not in self.banned and len(tok) >= 4 and self.zipf(accented) < SHORT_LABEL_ZIPF:
                self.terms.setdefault(tok, (category, code))
            else:
                self.dropped[tok] += 1
        elif len(pairs) <= 3 and tokens[0] != "autres" and any(self.rare(p) for p in pairs):
            self.terms.setdefault(" ".join(tokens), (category, code))
        for pair in pairs:
            if self.rare(pair):
                self.terms.setdefault(pair[1], (category, code))
            elif len(pair[1]) >= MIN_TOKEN_LEN:
                self.dropped[pair[1]] += 1


def write(name: str, header: list[str], rows: dict[str, tuple[str, str]]) -> None:
    path = DATA / name
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        for line in header:
            out.write(f"# {line}\n")
        for term in sorted(rows):
            category, code = rows[term]
            out.write(f"{term}\t{category}\t{code}\n")
    print(f"{path.relative_to(ROOT)}: {len(rows)} terms")


def main() -> int:
    import cim_11
    import edsnlp

    zipf = zipf_fn()
    banned = {t for line in read_list(DATA / "never_health.txt") for t in fold(line)}
    in_templates = template_words()
    banned |= {w for w in in_templates if zipf(w) >= 2.0}
    resources = Path(edsnlp.__file__).parent / "resources"

    # CIM-10 (edsnlp resources/cim10.csv.gz)
    cim10 = Collector(zipf, banned)
    with gzip.open(resources / "cim10.csv.gz", "rt", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if row["code"].startswith(CIM10_SKIP):
                continue
            cim10.add_label(row["long"], "condition", row["code"])
    write(
        "cim10.tsv.gz",
        [
            f"CIM-10 labels from edsnlp {md.version('edsnlp')} resources/cim10.csv.gz (ATIH, French).",
            f"Health-specific words only: chapters {','.join(CIM10_SKIP)} skipped; words with French",
            f"Zipf frequency >= {RARE_TOKEN_ZIPF} (wordfreq {md.version('wordfreq')}) dropped as everyday vocabulary.",
            "term<TAB>category<TAB>code",
        ],
        cim10.terms,
    )

    # CIM-11 (cim-11-certic)
    cim11 = Collector(zipf, banned)
    db = sqlite3.connect(f"file:{Path(cim_11.__file__).parent / 'cim-11.sqlite3'}?mode=ro", uri=True)
    for icode, label in db.execute("SELECT icode, label FROM cim11"):
        if not label or not icode or icode.startswith(CIM11_SKIP):
            continue
        cim11.add_label(label, "condition", icode)
    db.close()
    rows11 = {k: v for k, v in cim11.terms.items() if k not in cim10.terms}
    write(
        "cim11.tsv.gz",
        [
            f"CIM-11 French labels from cim-11-certic {md.version('cim-11-certic')} (WHO data).",
            f"Chapters starting with {','.join(CIM11_SKIP)} skipped; same everyday-word filter as cim10;",
            "terms already in cim10.tsv.gz left out.",
            "term<TAB>category<TAB>code",
        ],
        rows11,
    )

    # Drug names (edsnlp resources/drugs.json, ATC-coded)
    drugs: dict[str, tuple[str, str]] = {}
    for atc, names in json.loads((resources / "drugs.json").read_text(encoding="utf-8")).items():
        for name in names:
            pairs = words(name)
            if not pairs:
                continue
            tokens = [folded for _, folded in pairs]

            def specific(pair: tuple[str, str]) -> bool:
                return (
                    len(pair[1]) >= 5
                    and pair[1].isalpha()
                    and pair[1] not in banned
                    and max(zipf(pair[0]), zipf(pair[1])) < RARE_TOKEN_ZIPF
                )

            if specific(pairs[0]):
                drugs.setdefault(tokens[0], ("drug", atc))
            if 1 < len(tokens) <= 3 and any(specific(p) for p in pairs):
                drugs.setdefault(" ".join(tokens), ("drug", atc))
    write(
        "drugs.tsv.gz",
        [
            f"Drug names from edsnlp {md.version('edsnlp')} resources/drugs.json (brand names and",
            "INN with ATC codes). First word kept when it is not everyday French; names of up to",
            "three words kept whole.",
            "term<TAB>category<TAB>code",
        ],
        drugs,
    )

    # General French vocabulary: gates fuzzy matching and spots rare words echoed from a review.
    from wordfreq import top_n_list

    general = []
    seen = set()
    for word in top_n_list("fr", 60000):
        for tok in fold(word):
            if tok not in seen and tok.isalpha():
                seen.add(tok)
                general.append(tok)
    path = DATA / "general_fr.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# The 60,000 most frequent French words from wordfreq {md.version('wordfreq')}, folded\n")
        out.write("# (lower case, no accents), most frequent first.\n")
        out.write("\n".join(general) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(general)} words")

    # The vetted templates' own words: a reply may share them with a review without echoing it.
    path = DATA / "template_words.txt"
    with path.open("w", encoding="utf-8") as out:
        out.write("# Folded words of the vetted replies in templates/ (scripts/build_lexicons.py):\n")
        out.write("# never counted as echoing the review.\n")
        out.write("\n".join(sorted(w for w in in_templates if w.isalpha())) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(in_templates)} words")
    print("most frequent everyday words dropped from CIM-10:",
          ", ".join(w for w, _ in cim10.dropped.most_common(40)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
