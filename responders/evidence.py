"""Evidence shared by the guard and the classifier: a rule, the pattern that fired, a span of
the original text, a reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from responders.vocabulary import Qualification, Severity

__all__ = ["Finding", "Passage", "Qualification", "Severity"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One guard finding. `reply[start:end] == text` always holds."""

    rule: str
    severity: Severity
    start: int
    end: int
    text: str
    explanation: str
    # the name of the rule's pattern (or lexicon, or detector) that matched
    pattern: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Passage:
    """One incriminated passage of a review. `review_text[start:end] == text` always holds."""

    start: int
    end: int
    text: str
    qualification: Qualification
    rule: str
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
