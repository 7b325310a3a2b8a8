"""One table per rule: hits and near-misses side by side."""

from __future__ import annotations

import pytest

from responders.guard import DEFAULT_RULES, check, get_rule, get_rules
from responders.guard.rule import Pattern, Rule, detector_name
from tests.guard.cases import GENERIC_LEAKS, GENERIC_SAFE, HITS, NEAR_MISSES


def _cases(table):  # type: ignore[no-untyped-def]
    for rule, entries in table.items():
        for entry in entries:
            text, context = (entry, {}) if isinstance(entry, str) else entry
            yield pytest.param(rule, text, context, id=f"{rule}:{text[:40]}")


def _check(text: str, context: dict[str, str]):  # type: ignore[no-untyped-def]
    result = check(text, **context)
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    return result


@pytest.mark.parametrize(("rule", "text", "context"), list(_cases(HITS)))
def test_hit(rule: str, text: str, context: dict[str, str]) -> None:
    result = _check(text, context)
    rules = {f.rule for f in result.findings}
    assert rule in rules, f"{rule} missed in {text!r}; found {sorted(rules)}"
    if get_rule(rule).severity == "block":
        assert not result.allowed


@pytest.mark.parametrize(("rule", "text", "context"), list(_cases(NEAR_MISSES)))
def test_near_miss(rule: str, text: str, context: dict[str, str]) -> None:
    result = _check(text, context)
    hits = [f for f in result.findings if f.rule == rule]
    assert not hits, f"{rule} fired on near-miss {text!r}: {hits}"


def test_every_rule_has_a_hit_and_a_near_miss() -> None:
    names = {r.name for r in DEFAULT_RULES}
    assert names == set(HITS), f"rules without hits: {names - set(HITS)}"
    assert names == set(NEAR_MISSES), f"rules without near-misses: {names - set(NEAR_MISSES)}"
    assert all(HITS[n] and NEAR_MISSES[n] for n in names)


def test_unknown_rule_names_raise() -> None:
    with pytest.raises(KeyError, match="inconnue"):
        get_rule("no_such_rule")
    with pytest.raises(KeyError):
        get_rules(["care_act", "nope"])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": "Bad Name", "family": "care", "severity": "block", "explanation": "x", "patterns": ("a",)},
        {"name": "ok", "family": "care", "severity": "fatal", "explanation": "x", "patterns": ("a",)},
        {"name": "ok", "family": "care", "severity": "block", "explanation": " ", "patterns": ("a",)},
        {"name": "ok", "family": "care", "severity": "block", "explanation": "x"},
        {"name": "ok", "family": "care", "severity": "block", "explanation": "x", "patterns": ("(",)},
        {"name": "ok", "family": "care", "severity": "block", "explanation": "x",
         "patterns": (Pattern("twice", "a"), Pattern("twice", "b"))},
        {"name": "ok", "family": "care", "severity": "block", "explanation": "x",
         "patterns": (Pattern("words2", "a"), "b")},  # "b" is named words2 too
    ],
)
def test_rules_are_validated_when_constructed(kwargs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        Rule(**kwargs)


def test_every_rule_explains_itself_in_french() -> None:
    for rule in DEFAULT_RULES:
        assert rule.description and rule.explanation
        # the staff see which words triggered the rule, in a French sentence
        assert "{text}" in rule.explanation
        assert any(c in rule.explanation + rule.description for c in "éèàçù")


@pytest.mark.parametrize("text", GENERIC_SAFE)
def test_topics_named_to_refuse_them_pass(text: str) -> None:
    assert _check(text, {}).allowed, [(f.rule, f.text) for f in check(text).blocking]


@pytest.mark.parametrize("text", GENERIC_LEAKS)
def test_owned_or_unrefused_topics_still_block(text: str) -> None:
    assert not _check(text, {}).allowed


@pytest.mark.parametrize(
    ("profile", "reference"),
    [
        ("fr-dentiste", "R4127-206"),
        ("fr-medecin", "R4127-4"),
        ("qc-medecin", "art. 20"),
        ("qc-dentiste", "60.4"),
    ],
)
def test_explanations_cite_the_profile_law(profile: str, reference: str) -> None:
    result = check("Votre consultation est notée.", profile=profile)
    relationship = [f for f in result.findings if f.rule == "relationship_confirmed"]
    assert relationship and reference in relationship[0].explanation
    assert hash(get_rule("relationship_confirmed"))


def test_every_finding_names_the_pattern_that_fired() -> None:
    for entries in HITS.values():
        for entry in entries:
            text, context = (entry, {}) if isinstance(entry, str) else entry
            for finding in check(text, **context).findings:
                rule = get_rule(finding.rule)
                assert (
                    finding.pattern in rule.pattern_names
                    or (rule.categories and finding.pattern.startswith("lexicon_"))
                    or (rule.detector is not None and finding.pattern == detector_name(rule.detector))
                ), f"{finding.rule} on {text!r}: unknown pattern {finding.pattern!r}"


def test_named_patterns_report_their_name() -> None:
    result = check("Ben voyons. Vous avez un vrai talent d'écrivain.")
    assert {(f.rule, f.pattern) for f in result.findings} >= {
        ("counter_sarcasm", "retort_bien_sur"), ("counter_sarcasm", "new_career"),
    }
    # a bare string is named after its place: the third `patterns` entry of counter_lying
    unnamed = check("Vos propos sont totalement faux.")
    assert [(f.rule, f.pattern) for f in unnamed.blocking] == [("counter_lying", "words3")]


def test_pattern_names_are_unique_within_a_rule() -> None:
    for rule in DEFAULT_RULES:
        assert len(set(rule.pattern_names)) == len(rule.pattern_names), rule.name


def test_a_reply_far_over_googles_limit_is_blocked_in_bounded_time() -> None:
    from responders.guard import ANALYSED_CHARS

    reply = "Merci pour votre message. " * 40_000
    result = check(reply)
    assert len(reply) > ANALYSED_CHARS
    assert result.verdict == "block" and "length_limit" in {f.rule for f in result.blocking}
    assert all(reply[f.start:f.end] == f.text for f in result.findings)
