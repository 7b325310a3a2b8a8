"""The three engines behind one interface: rules, llm (with fallback), auto (rules keep their evidence)."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.messages import AIMessage

from responders import llm
from responders.classify import classify
from responders.classify.engine import ClassificationResult
from responders.classify.engines import (
    DISAGREEMENT_NOTE,
    classify_outcome,
    classify_with,
    combine,
    second_opinion_reason,
)
from responders.errors import UnusableInput
from responders.evidence import Passage
from responders.llm import parse_assessment

from .fakes import RaisingChatModel, recording, timeout_error, tool_answer

DEFAMATION = "Le Dr X m'a facturé des soins jamais faits. C'est un charlatan."
UNSURE_PRAISE = ("Très bien, merci.", 1)  # praise words, one star: the rules hesitate


def answer(label: str, passages: list[tuple[str, str]] = (), confidence: str = "high") -> AIMessage:  # type: ignore[assignment]
    return tool_answer(
        {
            "reasoning": "Raisonnement.",
            "passages": [{"quote": q, "qualification": k} for q, k in passages],
            "label": label,
            "confidence": confidence,
        }
    )


def _check_contract(text: str, result: Any) -> None:
    assert result.label in llm.LABELS and 0.0 <= result.confidence <= 1.0
    for p in result.passages:
        assert text[p.start : p.end] == p.text


# --- rules and llm ----------------------------------------------------------------------------


def test_rules_engine_never_touches_a_model() -> None:
    model = recording()
    outcome = classify_outcome("rules", DEFAMATION, 1, model=model)
    assert outcome.result == classify(DEFAMATION, 1) and not model.seen and not outcome.asked_llm


def test_llm_engine_uses_a_valid_answer() -> None:
    model = recording(answer("defamation", [("m'a facturé des soins jamais faits", "defamation")]))
    outcome = classify_outcome("llm", DEFAMATION, 1, model=model)
    _check_contract(DEFAMATION, outcome.result)
    assert outcome.result.engine == "llm" and outcome.result.label == "defamation"
    assert outcome.fallback_reason is None and outcome.llm_label == "defamation"


@pytest.mark.parametrize(
    ("model", "reason"),
    [
        (recording(answer("calomnie")), "non conforme"),
        (recording(answer("defamation", [("il exerce sans diplôme", "defamation")])), "sans citer"),
        (recording(AIMessage(content="Je ne sais pas.")), "pas renvoyé de classement"),
        (RaisingChatModel(responses=[], error=timeout_error()), "n'a pas répondu"),
        (RaisingChatModel(responses=[], error=RuntimeError("boom")), "a échoué"),
    ],
    ids=["invalid label", "hallucinated passage", "no structure", "timeout", "exception"],
)
def test_llm_engine_falls_back_to_the_rules_with_the_reason(model: Any, reason: str) -> None:
    outcome = classify_outcome("llm", DEFAMATION, 1, model=model)
    assert outcome.result == classify(DEFAMATION, 1)
    assert outcome.result.engine == "rules"
    assert outcome.fallback_reason and reason in outcome.fallback_reason
    assert any(reason in note for note in outcome.notes)


def test_llm_engine_without_configuration_is_unusable_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(llm.BASE_URL_ENV, raising=False)
    monkeypatch.delenv(llm.MODEL_ENV, raising=False)
    for engine in ("llm", "auto"):
        with pytest.raises(UnusableInput, match="non configuré"):
            classify_with(engine, "Bien.", 5)


def test_unknown_engine() -> None:
    with pytest.raises(ValueError, match="Moteur inconnu"):
        classify_with("gpt", "Bien.", 5)


def test_rating_never_reaches_the_model() -> None:
    model = recording(answer("praise"))
    classify_outcome("llm", "Accueil correct, rien à signaler.", 4, model=model)
    sent = " ".join(str(m.content) for m in model.seen[0])
    assert "Accueil correct, rien à signaler." in sent
    assert "étoile" not in sent.split("<avis_non_fiable>")[1] and "4" not in sent.split("<avis_non_fiable>")[1]


# --- auto ----------------------------------------------------------------------------------------


def test_auto_keeps_a_clear_rules_result_without_asking() -> None:
    model = recording()
    outcome = classify_outcome("auto", DEFAMATION, 1, model=model)
    assert not model.seen and not outcome.asked_llm
    assert outcome.result == classify(DEFAMATION, 1)


def test_auto_lets_the_model_settle_an_unsure_opinion() -> None:
    text, rating = UNSURE_PRAISE
    assert second_opinion_reason(classify(text, rating), rating)
    outcome = classify_outcome("auto", text, rating, model=recording(answer("criticism", confidence="medium")))
    assert outcome.asked_llm and outcome.result.label == "criticism"
    assert outcome.result.engine == "auto" and outcome.disagreement
    assert outcome.result.confidence == llm.CONFIDENCE["medium"]
    assert any("tranche" in note for note in outcome.notes)


def test_auto_falls_back_with_the_reason_when_the_model_fails() -> None:
    text, rating = UNSURE_PRAISE
    outcome = classify_outcome("auto", text, rating, model=RaisingChatModel(responses=[], error=timeout_error()))
    assert outcome.result == classify(text, rating) and outcome.asked_llm
    assert outcome.fallback_reason and "n'a pas répondu" in outcome.fallback_reason


def _result(label: str, confidence: float, explanations: tuple[str, ...] = ()) -> ClassificationResult:
    passages = [
        Passage(0, 3, "abc", "criticism" if label == "praise" else label, "r", e)  # type: ignore[arg-type]
        for e in explanations
    ]
    return ClassificationResult(label, confidence, passages)  # type: ignore[arg-type]


SECOND_OPINION = [
    # (rules result, rating, asks?) — hits and near-misses side by side
    (_result("praise", 0.5), None, True),
    (_result("praise", 0.65), None, False),
    (_result("criticism", 0.9, ("Qualification incertaine : dénigrement ?",)), 2, True),
    (_result("criticism", 0.9, ("Critique de l'expérience vécue.",)), 2, False),
    (_result("praise", 0.9), 1, True),
    (_result("praise", 0.9), 3, False),
    (_result("criticism", 0.9), 5, True),
    (_result("criticism", 0.9, ("Critique.",)), 5, False),
    (_result("defamation", 0.9, ("Imputation précise.",)), 5, False),
    (_result("insult", 0.55, ("Terme outrageant.",)), 1, True),
]


@pytest.mark.parametrize(("rules", "rating", "asks"), SECOND_OPINION)
def test_second_opinion_only_where_the_rules_hesitate(rules: ClassificationResult, rating: int | None, asks: bool) -> None:
    assert bool(second_opinion_reason(rules, rating)) is asks


# --- combining: the model can add or settle, never silently remove --------------------------


def _combine(text: str, rating: int, message: AIMessage) -> Any:
    rules = classify(text, rating)
    return rules, combine(rules, parse_assessment(message, text))


def test_model_objecting_to_rules_passages_keeps_them_and_records_it() -> None:
    rules, (result, disagreement, notes) = _combine(DEFAMATION, 1, answer("criticism"))
    assert rules.label == "defamation"
    assert result.label == "defamation" and disagreement
    assert [(p.start, p.end, p.qualification) for p in result.passages] == [
        (p.start, p.end, p.qualification) for p in rules.passages
    ]
    assert all(p.explanation.endswith(DISAGREEMENT_NOTE) for p in result.passages)
    assert result.confidence <= 0.6
    assert any("désaccord" in note for note in notes)
    _check_contract(DEFAMATION, result)


def test_model_confirming_the_rules_raises_confidence_and_adds_no_note() -> None:
    message = answer(
        "defamation",
        [("m'a facturé des soins jamais faits", "defamation"), ("un charlatan", "insult")],
    )
    rules, (result, disagreement, notes) = _combine(DEFAMATION, 1, message)
    assert result.label == "defamation" and not disagreement
    assert [p.explanation for p in result.passages] == [p.explanation for p in rules.passages]
    assert result.confidence == max(rules.confidence, llm.CONFIDENCE["high"])


def test_model_insult_under_rules_defamation_keeps_the_defamation() -> None:
    _, (result, disagreement, _) = _combine(DEFAMATION, 1, answer("insult", [("charlatan", "insult")]))
    assert result.label == "defamation" and disagreement
    defamation = [p for p in result.passages if p.qualification == "defamation"]
    assert defamation and defamation[0].explanation.endswith(DISAGREEMENT_NOTE)


def _rules(label: str, passages: list[Passage], confidence: float = 0.55) -> ClassificationResult:
    return ClassificationResult(label, confidence, passages)  # type: ignore[arg-type]


OPINION = "Accueil froid. On m'a dit qu'il rédige des ordonnances de complaisance."
FACT = "il rédige des ordonnances de complaisance"


def test_a_serious_passage_seen_by_the_model_alone_is_an_uncertain_criticism() -> None:
    rules = _rules("criticism", [])
    message = answer("defamation", [(FACT, "defamation")])
    result, disagreement, notes = combine(rules, parse_assessment(message, OPINION))
    _check_contract(OPINION, result)
    assert result.label == "criticism" and disagreement
    (added,) = result.passages
    assert added.text == FACT and added.rule == "llm" and added.qualification == "criticism"
    assert added.explanation.startswith("Qualification incertaine")
    assert result.confidence <= 0.6
    assert any("sans appui des règles" in note for note in notes)


def test_the_model_cannot_raise_an_insult_of_the_rules_to_defamation_alone() -> None:
    text = "C'est un charlatan qui vole ses patients."
    rules = _rules("insult", [Passage(0, 19, text[:19], "insult", "insult.epithet", "Injure.")], 0.9)
    result, disagreement, _ = combine(rules, parse_assessment(answer("defamation", [(text, "defamation")]), text))
    assert result.label == "insult" and disagreement
    assert [(p.start, p.end, p.qualification) for p in result.passages] == [(0, 19, "insult")]
    assert not result.passages[0].explanation.endswith(DISAGREEMENT_NOTE)  # the model backed it


def test_the_model_settles_praise_against_unsure_rules_criticism() -> None:
    text = "Rien à redire."
    result, disagreement, notes = combine(_rules("criticism", []), parse_assessment(answer("praise"), text))
    assert result.label == "praise" and result.passages == [] and disagreement
    assert result.confidence == llm.CONFIDENCE["high"]
    assert any("tranche" in note for note in notes)


def test_praise_from_the_model_drops_criticism_passages_only() -> None:
    text, rating = "Attente un peu longue. Personnel adorable, je recommande.", 4
    rules = classify(text, rating)
    result, _, _ = combine(rules, parse_assessment(answer("praise"), text))
    if any(p.qualification in ("defamation", "insult") for p in rules.passages):
        assert result.label != "praise"
    else:
        assert result.label == "praise" and result.passages == []


@pytest.mark.parametrize("engine", ["llm", "auto"])
def test_a_rating_without_text_is_never_sent(engine: str) -> None:
    model = recording()
    outcome = classify_outcome(engine, "  ", 1, model=model)
    assert not model.seen and outcome.result == classify("  ", 1)


# --- evaluation: fallbacks are reported, not counted as the model's answers -----------------------


def test_evaluation_reports_model_use_and_fallbacks() -> None:
    from responders.classify.evaluate import agreement, evaluate, format_report

    rows = [
        {"id": "a", "text": DEFAMATION, "rating": 1, "label": "defamation"},
        {"id": "b", "text": "Accueil correct.", "rating": 4, "label": "praise"},
        {"id": "c", "text": "Très bien, merci.", "rating": 1, "label": "praise"},
    ]
    model = recording(
        answer("defamation", [("m'a facturé des soins jamais faits", "defamation")]),
        AIMessage(content="pas de JSON"),
        answer("praise"),
    )
    report = evaluate(rows, "llm", model=model)
    rules = evaluate(rows, "rules")
    assert report.asked == 3 and len(report.fallbacks) == 1
    assert report.predicted[0] == "defamation" and report.predicted[2] == "praise"
    assert report.predicted[1] == rules.predicted[1]  # the fallback is the rules' answer
    text = format_report(report, 0)
    assert "soumis au modèle de langage : 3 / 3" in text and "repli sur les règles : 1" in text
    assert "Avis soumis" not in format_report(rules, 0)
    assert 0.0 <= agreement(report, rules) <= 1.0
