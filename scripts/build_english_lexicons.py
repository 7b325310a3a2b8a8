"""Build the guard's English lexicons (Montréal practices answer in English too).

Run in the same throw-away virtualenv as scripts/build_lexicons.py (the product never imports
these packages):

    python3 -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install cim-11-certic wordfreq
    /tmp/lexvenv/bin/python scripts/build_english_lexicons.py

Writes responders/guard/data/
- cim11_en.tsv.gz: ICD-11 English labels (`label_en` of cim-11-certic), health-specific words only:
  a word frequent in general English or in general French (wordfreq Zipf scale) is dropped;
- general_en.txt.gz: the 25,000 most frequent English words, folded: the typo corrector leaves
  them alone (« remain » is no misspelt « demain », « billing » no « filling »), and the fuzzy
  lexicon match never reads them as their medical neighbour.
"""

from __future__ import annotations

import gzip
import importlib.metadata as md
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_lexicons import CIM11_SKIP, DATA, Collector, fold, read_list, write  # noqa: E402

ENGLISH_WORDS = 25_000


def main() -> int:
    import cim_11
    from wordfreq import top_n_list, zipf_frequency

    def zipf(word: str) -> float:
        return max(zipf_frequency(word, "en"), zipf_frequency(word, "fr"))

    banned = {t for line in read_list(DATA / "never_health.txt") for t in fold(line)}
    collector = Collector(zipf, banned)
    db = sqlite3.connect(f"file:{Path(cim_11.__file__).parent / 'cim-11.sqlite3'}?mode=ro", uri=True)
    for icode, label in db.execute("SELECT icode, label_en FROM cim11"):
        if not label or not icode or icode.startswith(CIM11_SKIP):
            continue
        collector.add_label(label, "condition", icode)
    db.close()
    write(
        "cim11_en.tsv.gz",
        [
            f"ICD-11 English labels from cim-11-certic {md.version('cim-11-certic')} (WHO data, label_en).",
            f"Chapters starting with {','.join(CIM11_SKIP)} skipped; words frequent in general English or",
            f"French (wordfreq {md.version('wordfreq')}, same thresholds as cim10) dropped.",
            "term<TAB>category<TAB>code",
        ],
        collector.terms,
    )

    seen: set[str] = set()
    general: list[str] = []
    for word in top_n_list("en", ENGLISH_WORDS * 2):
        for tok in fold(word):
            if tok not in seen and tok.isalpha() and len(general) < ENGLISH_WORDS:
                seen.add(tok)
                general.append(tok)
    path = DATA / "general_en.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# The {ENGLISH_WORDS:,} most frequent English words from wordfreq {md.version('wordfreq')}, folded,\n")
        out.write("# most frequent first.\n")
        out.write("\n".join(general) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(general)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
