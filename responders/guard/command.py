"""`responders guard IN.jsonl [-o OUT] [--profile P]`: one verdict per reply."""

from __future__ import annotations

import argparse
from typing import Any

from responders.cli.jsonl import LineError, process
from responders.guard import check


def _optional_text(obj: dict[str, Any], name: str) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise LineError(f"le champ « {name} » doit être un texte")
    return value


def run(args: argparse.Namespace) -> int:
    profile = getattr(args, "profile", None)

    def handle(obj: dict[str, Any]) -> dict[str, Any]:
        result = check(
            obj["reply"],
            review=_optional_text(obj, "review"),
            reviewer_name=_optional_text(obj, "reviewer_name"),
            profile=profile,
        )
        return {"id": obj.get("id"), **result.to_dict(), "verdict": str(result.verdict)}

    return process(args.input, args.output, handle, required=("reply",))
