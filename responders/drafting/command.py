"""`responders draft`: one draft per JSONL line, in input order (CONTRACTS.md)."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from responders.cli.jsonl import LineError, process
from responders.drafting.core import LABELS, Rephraser, draft
from responders.errors import UnusableInput


def make_rephraser(engine: str) -> Rephraser | None:
    """The language-model rephraser for `llm`/`auto`, or None for `rules`."""
    if engine == "rules":
        return None
    try:
        llm = importlib.import_module("responders.llm")
    except ImportError:
        llm = None
    factory = getattr(llm, "make_rephraser", None)
    if factory is None:
        raise UnusableInput(
            f"--engine {engine} : la reformulation par modèle de langage n'est pas disponible "
            "dans cette installation. Relancez avec --engine rules."
        )
    try:
        return factory()  # type: ignore[no-any-return]
    except (OSError, RuntimeError, ValueError) as exc:
        raise UnusableInput(
            f"--engine {engine} : le modèle de langage n'est pas utilisable ({exc}). "
            "Vérifiez sa configuration ou relancez avec --engine rules."
        ) from None


def _field(obj: dict[str, Any], name: str, kind: type | tuple[type, ...], what: str) -> Any:
    value = obj.get(name)
    if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
        raise LineError(f"le champ « {name} » doit être {what} ou null")
    return value


def run(args: argparse.Namespace) -> int:
    rephrase = make_rephraser(getattr(args, "engine", "rules") or "rules")
    # lines are taken as consecutive reviews of one location: never the same variant twice
    previous: dict[str, str | None] = {"template_id": None}

    def handle(obj: dict[str, Any]) -> dict[str, Any]:
        text = _field(obj, "text", str, "un texte")
        rating = _field(obj, "rating", int, "un entier de 1 à 5")
        if rating is not None and not 1 <= rating <= 5:
            raise LineError("le champ « rating » doit être un entier de 1 à 5 ou null")
        reviewer_name = _field(obj, "reviewer_name", str, "un texte")
        if text is None and rating is None:
            raise LineError("ni « text » ni « rating » : rien à traiter")
        label = _field(obj, "label", str, "un texte")
        if label is not None and label not in LABELS:
            raise LineError(f"le champ « label » doit valoir {', '.join(LABELS)}")
        record_id = obj.get("id")
        result = draft(
            text,
            rating,
            profile=args.profile,
            reviewer_name=reviewer_name,
            label=label,
            seed_key=None if record_id is None else str(record_id),
            previous_template_id=previous["template_id"],
            rephrase=rephrase,
        )
        if result.template_id is not None:
            previous["template_id"] = result.template_id
        return result.to_dict(record_id)

    return process(args.input, args.output, handle)
