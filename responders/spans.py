"""Evidence shared by the guard and the classifier: a rule, a span of the original text, a reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

# block: a known leak; review: content the guard cannot clear (a practitioner must confirm it);
# warn: advice that never stops a reply.
Severity = Literal["block", "review", "warn"]
Verdict = Literal["pass", "review", "block"]
Qualification = Literal["defamation", "insult", "criticism"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One guard finding. `reply[start:end] == text` always holds."""

    rule: str
    severity: Severity
    start: int
    end: int
    text: str
    explanation: str

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
