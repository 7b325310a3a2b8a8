"""`responders classify IN.jsonl [-o OUT] [--engine rules|llm|auto]`."""

from __future__ import annotations

import argparse
from typing import Any

from responders.classify.engines import classify_with
from responders.cli.jsonl import LineError, process


def _rating(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise LineError("le champ « rating » doit être un entier de 1 à 5 ou null")
    if not 1 <= int(value) <= 5:
        raise LineError(f"le champ « rating » vaut {value} : attendu un entier de 1 à 5 ou null")
    return int(value)


def run(args: argparse.Namespace) -> int:
    engine = getattr(args, "engine", "rules") or "rules"

    def handle(obj: dict[str, Any]) -> dict[str, Any]:
        result = classify_with(engine, obj["text"], _rating(obj.get("rating")))
        return result.to_dict(obj.get("id"))

    return process(args.input, args.output, handle, required=("text",))
