"""Train the linear models shipped in the package from the labelled development sets.

    .venv/bin/python scripts/train_models.py            # rewrite every model
    .venv/bin/python scripts/train_models.py --check    # exit 1 if a shipped model is stale

Only sets that are development data are listed here: a set still sealed for a blind first run
must never be added before that run (see README, « Mesurer la qualité »).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from responders.text.linear import LinearModel, train

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "data" / "eval"

# Reviews labelled by eight independent authors (every set below was already measured blind).
CHECK_SETS = (
    "classify/dev.jsonl",
    "classify/test.jsonl",
    "blind/classify.jsonl",
    "blind-3/classify.jsonl",
    "blind-4/classify.jsonl",
    "blind-5/classify.jsonl",
    "blind-6/classify.jsonl",
    "blind-7/classify.jsonl",
    "blind-8/classify.jsonl",
)
# Chosen by leave-one-author-out runs (blind-4 and blind-5 held out in turn): at 0.6 the
# lawful reviews of the held-out author were marked « à vérifier » 6–14 % of the time
# (target ≤ 15 %).
CHECK_THRESHOLD = 0.6
DATA = ROOT / "responders" / "classify" / "data"


def _rows(names: tuple[str, ...]) -> list[dict[str, object]]:
    rows = []
    for name in names:
        with (EVAL / name).open(encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


def _review_model(positive: tuple[str, ...], threshold: float) -> LinearModel:
    rows = _rows(CHECK_SETS)
    texts = [str(r["text"]) for r in rows]
    labels = [int(r["label"] in positive) for r in rows]
    meta = {
        "positive": list(positive),
        "trained_on": list(CHECK_SETS),
        "examples": len(rows),
        "positives": sum(labels),
    }
    return train(texts, labels, threshold=threshold, meta=meta)


MODELS = {
    DATA / "check_model.json": lambda: _review_model(("insult", "defamation"), CHECK_THRESHOLD),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = 0
    for path, build in MODELS.items():
        text = build().to_json()
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path.relative_to(ROOT)}: périmé, relancez scripts/train_models.py")
                stale += 1
            continue
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(text) // 1024} Kio")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
