"""draft(): the policy decides whether to answer; the catalogue and the guard decide what."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from responders.drafting.catalogue import MAX_REPLY_CHARS, Catalogue, Template, default_catalogue
from responders.drafting.rotation import rotation_order
from responders.policy import resolve_policy
from responders.profiles import get_profile
from responders.vocabulary import Label, ReplyAction

LABELS: tuple[str, ...] = tuple(Label)
# Google rejects replies above 4096 bytes of UTF-8; ours stay far below, a rephrasing must too.
GOOGLE_MAX_BYTES = 4096

Rephraser = Callable[[str, str], str]


@dataclass(slots=True)
class DraftResult:
    label: str
    situation: str
    action: ReplyAction
    reply: str | None
    template_id: str | None
    reason: str
    guard: dict[str, Any]
    # set when a rephrasing was tried and not kept: the guard findings that rejected it
    # (empty when it failed for another reason, given in `reason`)
    rephrase_rejected: list[dict[str, Any]] | None = None
    rephrased: bool = False
    attempts: list[str] = field(default_factory=list)

    def to_dict(self, id: Any = None) -> dict[str, Any]:  # noqa: A002 - the contract's key
        """The `responders draft` output line (CONTRACTS.md), nothing more."""
        return {
            "id": id,
            "label": self.label,
            "action": self.action,
            "reply": self.reply,
            "template_id": self.template_id,
            "guard": {
                "allowed": bool(self.guard.get("allowed", False)),
                "verdict": str(self.guard.get("verdict", "block")),
                "findings": list(self.guard.get("findings", [])),
            },
        }


def _guard_check() -> Callable[..., Any]:
    # imported late: the guard is a sibling step, and this module must load without it
    check: Callable[..., Any] = importlib.import_module("responders.guard").check
    return check


def _classify(text: str, rating: int | None) -> str:
    result = importlib.import_module("responders.classify").classify(text, rating)
    return str(result.label)


def _verdict(
    reply: str, review: str | None, reviewer_name: str | None, profile: str
) -> dict[str, Any]:
    """The guard's verdict on one reply; only `pass` is publishable (`allowed`)."""
    result = _guard_check()(reply, review=review, reviewer_name=reviewer_name, profile=profile)
    verdict = result.to_dict()
    return {
        "allowed": verdict.get("verdict", "pass" if result.allowed else "block") == "pass"
        and bool(result.allowed),
        "verdict": str(verdict.get("verdict", "pass" if result.allowed else "block")),
        "findings": [dict(f) for f in verdict.get("findings", [])],
    }


def situation_for(text: str | None, label: str) -> str:
    """A review without text is answered as a rating, unless it was flagged as unlawful."""
    if (text is None or not text.strip()) and label not in ("insult", "defamation"):
        return "rating_only"
    return label


def _no_reply_guard() -> dict[str, Any]:
    # nothing is published, so nothing can leak
    return {"allowed": True, "verdict": "pass", "findings": []}


def _summary(findings: list[dict[str, Any]]) -> str:
    parts = []
    for finding in findings[:3]:
        explanation = str(finding.get("explanation", "")).rstrip(". ")
        parts.append(
            f"{finding.get('rule', '?')} ({explanation})"
            if explanation
            else str(finding.get("rule"))
        )
    return " ; ".join(parts) if parts else "aucun détail"


def _try_rephrase(
    rephrase: Rephraser,
    base: str,
    text: str | None,
    reviewer_name: str | None,
    profile: str,
) -> tuple[str | None, dict[str, Any] | None, str]:
    """(reply, verdict, why_not): a guarded rephrasing of `base`, or the reason to drop it."""
    try:
        candidate = rephrase(base, text or "")
    except Exception as exc:  # a language model failing must never stop the safe template
        # the model module raises French messages written for staff; show them as they are
        detail = str(exc).strip()
        return (
            None,
            None,
            (
                f"la reformulation a échoué : {detail}"
                if detail
                else f"la reformulation a échoué ({type(exc).__name__})"
            ),
        )
    if not isinstance(candidate, str) or not candidate.strip():
        return None, None, "la reformulation est vide"
    candidate = candidate.strip()
    if len(candidate) > MAX_REPLY_CHARS or len(candidate.encode("utf-8")) > GOOGLE_MAX_BYTES:
        return None, None, f"la reformulation dépasse {MAX_REPLY_CHARS} caractères"
    if candidate[:1] in ("=", "+", "-", "@"):
        return None, None, "la reformulation commence comme une formule de tableur"
    verdict = _verdict(candidate, text, reviewer_name, profile)
    if not verdict["allowed"]:
        # a rephrasing is kept only when the guard passes it outright: one it cannot clear
        # (review) falls back to the vetted template like one it blocks
        if verdict["verdict"] == "review":
            return (
                None,
                verdict,
                (
                    "la reformulation contient un contenu que le contrôle ne peut pas valider : "
                    f"{_summary(verdict['findings'])}"
                ),
            )
        return (
            None,
            verdict,
            f"la reformulation a été bloquée par le contrôle : {_summary(verdict['findings'])}",
        )
    return candidate, verdict, ""


def draft(
    text: str | None,
    rating: int | None = None,
    *,
    profile: str,
    reviewer_name: str | None = None,
    label: str | None = None,
    seed_key: str | None = None,
    previous_template_id: str | None = None,
    practice: str | None = None,
    contact: str | None = None,
    policy_overrides: Mapping[str, str] | None = None,
    rephrase: Rephraser | None = None,
    catalogue: Catalogue | None = None,
) -> DraftResult:
    """A reply proposal for one review, or the reason not to answer it.

    A reply is returned only when the guard, given the review and the reviewer's name as
    context, allows it; otherwise the next variant is tried, and when none passes the
    review is escalated with no reply.
    """
    profile = get_profile(profile).name
    if label is None:
        label = _classify(text or "", rating)
    if label not in LABELS:
        raise ValueError(f"Étiquette inconnue « {label} » : choisissez parmi {', '.join(LABELS)}.")
    situation = situation_for(text, label)
    decision = resolve_policy(profile, situation, policy_overrides)
    if decision.action != ReplyAction.REPLY:
        return DraftResult(
            label, situation, decision.action, None, None, decision.reason, _no_reply_guard()
        )

    catalogue = catalogue or default_catalogue()
    practice_value, contact_value, problems = catalogue.lenient_placeholder_values(
        profile, practice, contact
    )
    variants = catalogue.variants(profile, situation)
    key = seed_key if seed_key is not None else f"{rating}|{text or ''}"
    order: list[Template] = rotation_order(variants, key, previous_template_id)
    attempts: list[str] = []
    found, first_block = _first_allowed(
        order, practice_value, contact_value, text, reviewer_name, profile, attempts
    )
    defaults = catalogue.placeholder_values(profile)
    if found is None and (practice_value, contact_value) != defaults:
        # the practice's own name or contact may be what the guard refuses: say so, and
        # still propose a reply with the neutral defaults
        found, _ = _first_allowed(order, *defaults, text, reviewer_name, profile, attempts)
        if found is not None:
            problems.append(
                "Le nom du cabinet ou le moyen de contact des Réglages a été refusé par le contrôle "
                f"({_summary(first_block['findings'] if first_block else [])}) : valeurs par défaut utilisées."
            )
    if found is not None:
        template, reply, verdict = found
        reason = " ".join([decision.reason, *problems])
        result = DraftResult(
            label,
            situation,
            ReplyAction.REPLY,
            reply,
            template.id,
            reason,
            verdict,
            attempts=attempts,
        )
        if rephrase is not None:
            _apply_rephrase(result, rephrase, text, reviewer_name, profile)
        return result

    reason = (
        "Aucune réponse type ne passe le contrôle pour cet avis"
        + (f" ({_summary(first_block['findings'])})" if first_block else "")
        + " : à traiter par le praticien, sans réponse publique pour l'instant."
    )
    return DraftResult(
        label,
        situation,
        ReplyAction.ESCALATE,
        None,
        None,
        reason,
        first_block or {"allowed": False, "verdict": "block", "findings": []},
        attempts=attempts,
    )


def _first_allowed(
    order: list[Template],
    practice: str,
    contact: str,
    text: str | None,
    reviewer_name: str | None,
    profile: str,
    attempts: list[str],
) -> tuple[tuple[Template, str, dict[str, Any]] | None, dict[str, Any] | None]:
    """The first variant, in rotation order, whose filled text the guard allows."""
    first_block: dict[str, Any] | None = None
    for template in order:
        reply = template.fill(practice, contact)
        attempts.append(template.id)
        if len(reply) > MAX_REPLY_CHARS:
            continue
        verdict = _verdict(reply, text, reviewer_name, profile)
        if verdict["allowed"]:
            return (template, reply, verdict), first_block
        first_block = first_block or verdict
    return None, first_block


def _apply_rephrase(
    result: DraftResult,
    rephrase: Rephraser,
    text: str | None,
    reviewer_name: str | None,
    profile: str,
) -> None:
    assert result.reply is not None
    candidate, verdict, why_not = _try_rephrase(
        rephrase, result.reply, text, reviewer_name, profile
    )
    if candidate is None:
        result.rephrase_rejected = list(verdict["findings"]) if verdict else []
        result.reason = f"{result.reason} Réponse type conservée : {why_not}."
        return
    assert verdict is not None
    result.reply = candidate
    result.guard = verdict
    result.rephrased = True


def _get(item: Any, name: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


def _date_key(item: Any) -> tuple[int, datetime | str]:
    value = _get(item, "created_at")
    if value is None:
        value = _get(item, "create_time")
    # undated reviews go last, in their given order (sorted() is stable)
    return (1, "") if value is None else (0, value)


def draft_many(
    items: Iterable[Any],
    profile: str,
    *,
    previous_template_id: str | None = None,
    practice: str | None = None,
    contact: str | None = None,
    policy_overrides: Mapping[str, str] | None = None,
    rephrase: Rephraser | None = None,
    catalogue: Catalogue | None = None,
) -> list[tuple[Any, DraftResult]]:
    """Draft the reviews of one location, oldest first, so no two consecutive replies match.

    `items` are mappings or objects with `id`, `text`, and optionally `rating`,
    `reviewer_name`, `label` and `created_at`. `previous_template_id` is the variant of the
    last reply already published at this location, if known. Returns (id, result) pairs in
    date order.
    """
    ordered = sorted(items, key=_date_key)
    previous = previous_template_id
    results: list[tuple[Any, DraftResult]] = []
    for item in ordered:
        item_id = _get(item, "id")
        result = draft(
            _get(item, "text"),
            _get(item, "rating"),
            profile=profile,
            reviewer_name=_get(item, "reviewer_name"),
            label=_get(item, "label"),
            seed_key=None if item_id is None else str(item_id),
            previous_template_id=previous,
            practice=practice,
            contact=contact,
            policy_overrides=policy_overrides,
            rephrase=rephrase,
            catalogue=catalogue,
        )
        if result.template_id is not None:
            previous = result.template_id
        results.append((item_id, result))
    return results
