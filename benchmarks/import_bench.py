"""Import throughput: 100,000 reviews in Business Profile API JSON into a fresh SQLite file.

Prints reviews/s for a first import and for a re-import (nothing changes), without and, when
`responders.classify` is installed, with classification. Usage:

    python benchmarks/import_bench.py [--reviews 100000]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from responders.importers import import_paths
from responders.store.engine import make_engine

STARS = ["ONE", "TWO", "THREE", "FOUR", "FIVE"]
PHRASES = [
    "Très bon accueil, médecin à l'écoute.",
    "Attente beaucoup trop longue malgré le rendez-vous.",
    "Secrétariat injoignable, c'est inadmissible.",
    "Soins sans douleur, je recommande vivement.",
    "Le cabinet est propre et l'équipe souriante.",
    "Explications claires, suivi sérieux.",
]


def generate(path: Path, count: int, seed: int = 7) -> None:
    """A list of API pages of 50 reviews, like a paged download saved as one file."""
    rng = random.Random(seed)
    start = datetime(2018, 1, 1, tzinfo=UTC)
    pages, page = [], []
    for i in range(count):
        created = start + timedelta(seconds=rng.randrange(0, 8 * 365 * 86400), microseconds=rng.randrange(10**6))
        stamp = created.strftime("%Y-%m-%dT%H:%M:%S.%f") + "123Z"  # nanoseconds, as the API sends
        review = {
            "name": f"accounts/1/locations/{1 + i % 3}/reviews/R{i:07d}",
            "reviewId": f"R{i:07d}",
            "reviewer": {"displayName": f"Patient {i}", "isAnonymous": False},
            "starRating": STARS[rng.randrange(5)],
            "createTime": stamp,
            "updateTime": stamp,
        }
        if rng.random() < 0.85:
            review["comment"] = " ".join(rng.sample(PHRASES, 2))
        if rng.random() < 0.3:
            review["reviewReply"] = {"comment": "Merci pour votre retour.", "updateTime": stamp}
        page.append(review)
        if len(page) == 50:
            pages.append({"reviews": page, "nextPageToken": f"t{len(pages)}"})
            page = []
    if page:
        pages.append({"reviews": page})
    path.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")


def timed_import(db: Path, source: Path, classify: bool) -> tuple[float, float, dict]:
    """Wall-clock and CPU seconds of one import (CPU time is steadier on a busy machine)."""
    engine = make_engine(f"sqlite:///{db}")
    try:
        started, cpu = time.perf_counter(), time.process_time()
        summary = import_paths(engine, [source], classify=classify)
        return time.perf_counter() - started, time.process_time() - cpu, summary.to_dict()
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=100_000)
    args = parser.parse_args()
    has_classifier = importlib.util.find_spec("responders.classify.store") is not None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "reviews.json"
        started = time.perf_counter()
        generate(source, args.reviews)
        size = source.stat().st_size / 1e6
        print(f"generated {args.reviews} reviews ({size:.1f} MB) in {time.perf_counter() - started:.1f} s")
        runs = [False, True] if has_classifier else [False]
        for classify in runs:
            db = folder / f"bench-{int(classify)}.db"
            label = "with classification" if classify else "without classification"
            first, first_cpu, summary = timed_import(db, source, classify)
            assert summary["new"] == args.reviews, summary
            again, again_cpu, summary = timed_import(db, source, classify)
            assert summary["unchanged"] == args.reviews, summary
            print(
                f"{label}: first import {first:.2f} s ({args.reviews / first:,.0f} reviews/s, "
                f"CPU {first_cpu:.2f} s), re-import {again:.2f} s "
                f"({args.reviews / again:,.0f} reviews/s, CPU {again_cpu:.2f} s)"
            )
        if not has_classifier:
            print("with classification: skipped (responders.classify.store is not installed)")


if __name__ == "__main__":
    main()
