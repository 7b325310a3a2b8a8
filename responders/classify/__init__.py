"""Review classification: praise, criticism, insult (injure) or defamation (diffamation).

`classify(text, rating)` is the offline, deterministic rules engine: every passage it flags
carries its offsets in `text`, a proposed qualification, the rule and a French explanation.
Besides the label, `check` says the engine could not clear the review (an accusation-shaped
sentence or contempt it did not settle), with a French `check_reason`.
"""

from __future__ import annotations

from responders.classify.engine import ENGINE_VERSION, SEVERITY, ClassificationResult, classify_text
from responders.classify.rules import DEFAULT_RULES, Rule, get_rules
from responders.vocabulary import Label

LABELS: tuple[str, ...] = tuple(Label)


def classify(text: str, rating: int | None = None) -> ClassificationResult:
    """Label one review from its text and optional star rating (1–5)."""
    return classify_text(text or "", rating)


__all__ = [
    "DEFAULT_RULES",
    "ENGINE_VERSION",
    "LABELS",
    "SEVERITY",
    "ClassificationResult",
    "Rule",
    "classify",
    "get_rules",
]
