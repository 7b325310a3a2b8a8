"""Dashboard render time with a large database: the Triage and Tableau de bord pages in AppTest.

Fills a fresh SQLite file with N reviews (Business Profile API JSON through the real import,
classification included), then renders each page several times and prints the first (cold)
and the median warm render. Target: ≤ 1 s each with 100,000 reviews. Usage:

    python benchmarks/dashboard_bench.py [--reviews 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from import_bench import generate  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from responders.importers import import_paths  # noqa: E402
from responders.store.engine import make_engine  # noqa: E402

PAGES = ("triage", "tableau_de_bord")


def render_seconds(page: str, runs: int) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        at = AppTest.from_file(str(ROOT / "app_pages" / f"{page}.py"), default_timeout=120)
        start = time.perf_counter()
        at.run()
        timings.append(time.perf_counter() - start)
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].value}")
    return timings[0], statistics.median(timings[1:] or timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        os.environ["RESPONDERS_DATABASE_URL"] = url
        source = Path(folder) / "reviews.json"
        generate(source, args.reviews)
        engine = make_engine(url)
        start = time.perf_counter()
        summary = import_paths(engine, [source])
        print(f"database: {summary.new} reviews imported and classified in {time.perf_counter() - start:.1f} s")
        engine.dispose()
        for page in PAGES:
            cold, warm = render_seconds(page, args.runs)
            print(f"{page:16s} first render {cold:6.2f} s   median warm render {warm:6.2f} s")


if __name__ == "__main__":
    main()
