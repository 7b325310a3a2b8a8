"""The secrecy guard: every reply is checked before anyone can copy or publish it.

from responders.guard import check
result = check(reply, review=review_text, reviewer_name=name, profile="fr-dentiste")
result.verdict      # "block" (a known leak), "review" (content to confirm), "pass"
result.allowed      # True only for "pass"
result.findings     # list[Finding], offsets into `reply`
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from responders.evidence import Finding
from responders.guard.registry import (
    DEFAULT_RULES,
    FAMILY_LABELS,
    corrector,
    get_rule,
    get_rules,
    rules_metadata,
)
from responders.guard.rule import Context, Rule
from responders.profiles import get_profile
from responders.text.words import Normalized
from responders.vocabulary import Severity, Verdict, verdict_of

__all__ = [
    "DEFAULT_RULES",
    "FAMILY_LABELS",
    "RULES",
    "GuardResult",
    "Rule",
    "check",
    "get_rule",
    "get_rules",
    "rules_metadata",
]

RULES: tuple[dict[str, Any], ...] = tuple(rules_metadata())
ANALYSED_CHARS = 16_384


@dataclass(frozen=True)
class GuardResult:
    findings: list[Finding] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        """Only a reply the guard passes may be copied (a `review` finding needs a person)."""
        return self.verdict == Verdict.PASS

    @property
    def verdict(self) -> Verdict:
        """block if a finding blocks; review if one asks for a practitioner's confirmation; else pass."""
        return verdict_of(f.severity for f in self.findings)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.BLOCK]

    @property
    def to_review(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.REVIEW]

    def to_dict(self) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "verdict": self.verdict,
            "findings": [f.to_dict() for f in self.findings],
        }


def check(
    reply: str,
    *,
    review: str | None = None,
    reviewer_name: str | None = None,
    profile: str | None = None,
    rules: Iterable[Rule] | None = None,
) -> GuardResult:
    """Check one reply against every rule. `review` and `reviewer_name` are context, never obeyed."""
    if not isinstance(reply, str):
        raise TypeError("reply must be a string")
    # Google refuses a reply over 4,096 bytes, so a longer one is blocked whatever it says: its
    # start (far over the limit itself) is enough for the verdict, and the cost stays bounded.
    reply = reply[:ANALYSED_CHARS]
    correct = corrector()
    ctx = Context(
        reply=reply,
        norm=Normalized(reply, correct),
        correct=correct,
        profile=get_profile(profile),
        review=review or None,
        reviewer_name=reviewer_name or None,
    )
    findings: list[Finding] = []
    for rule in DEFAULT_RULES if rules is None else rules:
        findings.extend(rule.find(ctx))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return GuardResult(findings)
