"""One interface over the classification engines: the offline rules, a language model, or both.

- `rules`: offline and deterministic; the reference.
- `llm`: the language model, validated (closed labels, quoted passages located in the text);
  on any failure the rules' result is used and the reason kept.
- `auto`: the rules first; the model is asked only where the rules are unsure (low
  confidence, a "qualification incertaine", an opinion that contradicts the stars). The
  model may settle praise versus criticism and point at passages it can quote. A more
  serious qualification seen by the model alone is weak evidence: it is shown as criticism
  with a "Qualification incertaine" note, never as an insult or a defamation. And the model
  can never make a defamation or insult passage found by the rules disappear: that passage
  is kept, its explanation says the model disagreed, and the outcome records it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from responders.classify import SEVERITY, classify
from responders.classify.engine import UNCERTAIN_NOTE, ClassificationResult
from responders.errors import UnusableInput
from responders.evidence import Passage
from responders.vocabulary import Label, Qualification

log = logging.getLogger(__name__)

ENGINES = ("rules", "llm", "auto")
AUTO_ENGINE_VERSION = "auto-1"
# Below this, the rules' opinion is a close call (see engine._decide: 0.5 + margin * 0.06).
AUTO_CONFIDENCE = 0.65
# When the model objects to a serious passage the rules keep, the label stands but is no
# longer presented as a sure thing.
DISPUTED_CONFIDENCE = 0.6
SERIOUS: tuple[str, ...] = (Label.DEFAMATION, Label.INSULT)
DISAGREEMENT_NOTE = "Le modèle de langage ne retient pas ce passage : à vérifier."


@dataclass(frozen=True)
class EngineOutcome:
    """A classification and how it was reached. `notes` are French, for staff and logs."""

    result: ClassificationResult
    engine: str
    rules_label: str | None = None
    llm_label: str | None = None
    asked_llm: bool = False
    fallback_reason: str | None = None
    disagreement: bool = False
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "used": self.result.engine,
            "rules_label": self.rules_label,
            "llm_label": self.llm_label,
            "asked_llm": self.asked_llm,
            "fallback_reason": self.fallback_reason,
            "disagreement": self.disagreement,
            "notes": list(self.notes),
        }


def classify_with(
    engine: str, text: str, rating: int | None, *, settings: Any = None, model: Any = None
) -> ClassificationResult:
    """Classify with `engine`: "rules" (offline), "llm" (language model) or "auto" (both)."""
    return classify_outcome(engine, text, rating, settings=settings, model=model).result


def classify_outcome(
    engine: str, text: str, rating: int | None, *, settings: Any = None, model: Any = None
) -> EngineOutcome:
    """Like `classify_with`, keeping why: fallback reason, disagreement, what the model said.

    `settings` is a `responders.llm.LLMSettings` (default: from the environment);
    `model` replaces the chat model (tests).
    """
    if engine not in ENGINES:
        raise ValueError(f"Moteur inconnu « {engine} » : choisissez parmi {', '.join(ENGINES)}.")
    text = text or ""
    rules = classify(text, rating)
    if engine == "rules" or not text.strip():
        # a rating without text: nothing to send, the rules' answer is the whole answer
        return EngineOutcome(rules, engine, rules_label=rules.label)
    settings = _settings(engine, settings, model)
    if engine == "llm":
        return _llm(text, rating, rules, settings, model)
    return _auto(text, rating, rules, settings, model)


def _settings(engine: str, settings: Any, model: Any) -> Any:
    if settings is not None or model is not None:
        return settings
    from responders import llm

    try:
        settings = llm.load_settings()
    except llm.LLMUnavailable as exc:
        raise UnusableInput(f"Moteur « {engine} » : {exc} Ou utilisez --engine rules.") from None
    if settings is None:
        # Nothing to fall back *from*: say so once instead of silently running the rules.
        raise UnusableInput(
            f"Moteur « {engine} » non configuré : définissez {llm.BASE_URL_ENV} et {llm.MODEL_ENV} "
            "(et la clé dans RESPONDERS_LLM_API_KEY si le service en demande une), "
            "ou utilisez --engine rules."
        )
    return settings


def _ask(text: str, settings: Any, model: Any) -> tuple[Any, str | None]:
    """(assessment, None) or (None, French reason)."""
    from responders import llm

    try:
        return llm.assess_review(text, settings, model=model), None
    except (llm.LLMUnavailable, llm.LLMInvalidAnswer) as exc:
        return None, str(exc)


def _llm(
    text: str, rating: int | None, rules: ClassificationResult, settings: Any, model: Any
) -> EngineOutcome:
    from responders import llm

    assessment, reason = _ask(text, settings, model)
    if assessment is None:
        note = f"Classement par règles : {reason}"
        log.warning(note)
        return EngineOutcome(rules, "llm", rules.label, None, True, reason, False, [note])
    result = _keep_check(llm.to_classification_result(assessment), rules)
    return EngineOutcome(
        result,
        "llm",
        rules_label=rules.label,
        llm_label=assessment.label,
        asked_llm=True,
        disagreement=assessment.label != rules.label,
        notes=list(assessment.notes),
    )


def _keep_check(result: ClassificationResult, rules: ClassificationResult) -> ClassificationResult:
    """The model never clears what the rules could not: their `check` stays, and a serious
    label of the rules that the model drops becomes one."""
    if result.check:
        return result
    if rules.check:
        return replace(result, check=True, check_reason=rules.check_reason)
    if rules.label in SERIOUS and result.label not in SERIOUS:
        reason = f"les règles proposent « {rules.label} », le modèle de langage non."
        return replace(result, check=True, check_reason=reason)
    return result


def second_opinion_reason(rules: ClassificationResult, rating: int | None) -> str | None:
    """Why the rules' result deserves the model's view, in French; None when it is clear."""
    if rules.check:
        return "règles incapables d'écarter une imputation ou une injure"
    if rules.confidence < AUTO_CONFIDENCE:
        return f"confiance des règles faible ({rules.confidence:.2f})"
    if any(UNCERTAIN_NOTE in p.explanation for p in rules.passages):
        return "qualification incertaine selon les règles"
    if rating is not None and rules.label == Label.PRAISE and rating <= 2:
        return f"avis jugé positif malgré {rating} étoile(s)"
    if rating is not None and rules.label == Label.CRITICISM and rating >= 4 and not rules.passages:
        return f"critique sans passage net malgré {rating} étoiles"
    return None


def _overlaps(a: Passage, b: Passage) -> bool:
    return a.start < b.end and b.start < a.end


def _uncertain(passage: Passage) -> Passage:
    seen_as = (
        "une diffamation" if passage.qualification == Qualification.DEFAMATION else "une injure"
    )
    return replace(
        passage,
        qualification=Qualification.CRITICISM,
        explanation=(
            f"{UNCERTAIN_NOTE} : le modèle de langage y voit {seen_as} possible, les règles non. "
            "À vérifier avant toute démarche."
        ),
    )


def combine(
    rules: ClassificationResult, assessment: Any
) -> tuple[ClassificationResult, bool, list[str]]:
    """Merge the rules' result and a validated model assessment (see module docstring).

    Returns (result, disagreement, notes).
    """
    notes: list[str] = []
    llm_passages: Sequence[Passage] = assessment.passages
    kept: list[Passage] = []
    disputed = 0
    for passage in rules.passages:
        if passage.qualification in SERIOUS:
            backed = any(
                _overlaps(passage, other)
                and SEVERITY[other.qualification] >= SEVERITY[passage.qualification]
                for other in llm_passages
            )
            if not backed:
                disputed += 1
                passage = replace(
                    passage, explanation=f"{passage.explanation} {DISAGREEMENT_NOTE}".strip()
                )
        kept.append(passage)
    # What only the model sees is weak evidence: a serious passage becomes an uncertain
    # criticism (DOMAIN: over-flagging defamation wastes a lawyer's time and invites abuse).
    added = [
        _uncertain(p) if p.qualification in SERIOUS else p
        for p in llm_passages
        if not any(_overlaps(p, r) for r in rules.passages)
    ]

    floor = max((SEVERITY[p.qualification] for p in kept if p.qualification in SERIOUS), default=0)
    proposed = assessment.label
    unsupported = proposed in SERIOUS and SEVERITY[proposed] > floor
    if unsupported:
        proposed = Label.CRITICISM
    label = max(
        proposed, next(k for k, v in SEVERITY.items() if v == floor), key=SEVERITY.__getitem__
    )
    disagreement = assessment.label != rules.label or disputed > 0

    if disputed:
        notes.append(
            f"Le modèle de langage propose « {assessment.label} » ; {disputed} passage(s) grave(s) "
            "relevé(s) par les règles conservé(s) : désaccord à vérifier."
        )
    if unsupported:
        notes.append(
            f"Le modèle de langage propose « {assessment.label} » sans appui des règles : "
            f"qualification incertaine, classé « {label} », à vérifier."
        )
    elif not disputed and label != rules.label:
        notes.append(
            f"Le modèle de langage tranche : « {label} » au lieu de « {rules.label} » (règles)."
        )
    if added:
        notes.append(
            f"{len(added)} passage(s) ajouté(s) par le modèle de langage, cité(s) mot pour mot."
        )
    notes.extend(assessment.notes)

    passages = sorted(kept + added, key=lambda p: (p.start, p.end))
    if label == Label.PRAISE:
        passages = []  # criticism passages make no sense under a positive label; nothing serious is left
    if label == rules.label == assessment.label and not disputed:
        confidence = max(rules.confidence, assessment.confidence)
    elif label == assessment.label:
        confidence = assessment.confidence
    else:
        confidence = min(rules.confidence, assessment.confidence, DISPUTED_CONFIDENCE)
    result = ClassificationResult(
        label=label,
        confidence=round(confidence, 3),
        passages=passages,
        engine="auto",
        version=AUTO_ENGINE_VERSION,
    )
    if unsupported and not rules.check:
        reason = f"le modèle de langage propose « {assessment.label} », sans appui des règles."
        result = replace(result, check=True, check_reason=reason)
    return _keep_check(result, rules), disagreement, notes


def _auto(
    text: str, rating: int | None, rules: ClassificationResult, settings: Any, model: Any
) -> EngineOutcome:
    why = second_opinion_reason(rules, rating)
    if why is None:
        return EngineOutcome(rules, "auto", rules_label=rules.label)
    assessment, reason = _ask(text, settings, model)
    if assessment is None:
        note = f"Classement par règles ({why}) : {reason}"
        log.warning(note)
        return EngineOutcome(rules, "auto", rules.label, None, True, reason, False, [note])
    result, disagreement, notes = combine(rules, assessment)
    return EngineOutcome(
        result,
        "auto",
        rules_label=rules.label,
        llm_label=assessment.label,
        asked_llm=True,
        disagreement=disagreement,
        notes=[f"Avis soumis au modèle de langage : {why}.", *notes],
    )
