"""CPU time of one guard check and one classification on hostile text: 4,096 characters of any
shape (target ≤ 50 ms) and 1 MB (target ≤ 2 s). Prints one line per case."""

from __future__ import annotations

import time

from responders.classify import classify
from responders.guard import check

CASES = {
    "spaced letters": "d e t a r t r a g e ",
    "digits and dots": "0.6.1.2.3.4.5.6.7.8 ",
    "zero-width joins": "co\u200buro\u200bnne ",
    "one accusation repeated": "Le dentiste facture à la CPAM des soins jamais faits. ",
    "one insult repeated": "Quel gros nul ce dentiste. ",
    "no punctuation": "attente longue accueil froid prix eleve ",
}


def cpu(fn, text: str) -> float:  # type: ignore[no-untyped-def]
    start = time.process_time()
    fn(text)
    return time.process_time() - start


def main() -> None:
    check("Bonjour.")
    classify("Bonjour.")
    for size, limit in ((4_096, 0.05), (1_000_000, 2.0)):
        for name, unit in CASES.items():
            text = (unit * (size // len(unit) + 1))[:size]
            g, c = cpu(check, text), cpu(classify, text)
            verdict = "ok" if max(g, c) <= limit else "OVER"
            print(f"{size:>9} chars  {name:<24} guard {g * 1000:8.1f} ms  classify {c * 1000:8.1f} ms  {verdict}")


if __name__ == "__main__":
    main()
