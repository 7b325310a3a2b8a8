"""Review classification: praise, criticism, insult (injure) or defamation (diffamation).

`classify(text, rating)` is the offline, deterministic rules engine: every passage it flags
carries its offsets in `text`, a proposed qualification, the rule and a French explanation.
Besides the label, `check` says the engine could not clear the review (an accusation-shaped
sentence or contempt it did not settle), with a French `check_reason`.
"""

from __future__ import annotations

from dataclasses import replace

from responders.classify.engine import ENGINE_VERSION, SEVERITY, ClassificationResult, classify_text
from responders.classify.rules import DEFAULT_RULES, Rule, get_rules
from responders.vocabulary import Label

LABELS: tuple[str, ...] = tuple(Label)
# Google caps a review at a few thousand characters; anything far longer was pasted or forged.
# Only its start is read (the cost stays bounded) and a person is asked to read the rest.
MAX_ANALYSED_CHARS = 200_000


def classify(text: str, rating: int | None = None) -> ClassificationResult:
    """Label one review from its text and optional star rating (1–5)."""
    text = text or ""
    if len(text) <= MAX_ANALYSED_CHARS:
        return classify_text(text, rating)
    result = classify_text(text[:MAX_ANALYSED_CHARS], rating)  # offsets stay valid in `text`
    reason = (
        f"Avis de {len(text):,} caractères (bien plus long qu'un avis Google) : seuls les "
        f"{MAX_ANALYSED_CHARS:,} premiers ont été analysés ; lisez la suite."
    ).replace(",", " ")
    return replace(result, check=True, check_reason=reason)


__all__ = [
    "DEFAULT_RULES",
    "ENGINE_VERSION",
    "LABELS",
    "MAX_ANALYSED_CHARS",
    "SEVERITY",
    "ClassificationResult",
    "Rule",
    "classify",
    "get_rules",
]
