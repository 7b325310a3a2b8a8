"""One interface over the classification engines: the offline rules, a language model, or both."""

from __future__ import annotations

import importlib

from responders.classify import classify
from responders.classify.engine import ClassificationResult
from responders.errors import UnusableInput

ENGINES = ("rules", "llm", "auto")


def classify_with(engine: str, text: str, rating: int | None) -> ClassificationResult:
    """Classify with `engine`: "rules" (offline), "llm" (language model) or "auto" (both)."""
    if engine == "rules":
        return classify(text, rating)
    if engine not in ENGINES:
        raise ValueError(f"Moteur inconnu « {engine} » : choisissez parmi {', '.join(ENGINES)}.")
    # Imported lazily: the rules engine must work on a machine without any model configured.
    try:
        llm = importlib.import_module("responders.llm")
    except ImportError:
        llm = None
    function = getattr(llm, "classify_review", None) if llm is not None else None
    if function is None:
        raise UnusableInput(
            f"Moteur « {engine} » non configuré : le module de modèle de langage n'est pas "
            "disponible. Utilisez --engine rules."
        )
    result: ClassificationResult = function(text, rating, engine=engine)
    return result
