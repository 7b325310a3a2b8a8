"""The learned model behind « à vérifier »: it only adds doubt, it is current, it is bounded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from responders.classify import classify, classify_text
from responders.classify.engine import check_model
from responders.text.linear import LinearModel, features, train

ROOT = Path(__file__).resolve().parents[2]

# Written for this test, phrased outside every listed shape the rules know (an act described,
# no accusation verb). The test checks the rules miss them; they were kept because the shipped
# model flags them (two first candidates turned out to be caught by the rules), so a retrained
# model that stops seeing them fails here.
OUTSIDE_THE_RULES = [
    ("Mêmes gants du patient d'avant pour moi, vu de mes yeux, et personne n'a rien dit.", 2),
    ("Le dentiste se sert des fraises de la veille sans les passer à l'autoclave.", 1),
    ("La secrétaire garde la monnaie des patients âgés, ma grand-mère l'a vu.", 1),
]


@pytest.mark.parametrize(("text", "rating"), OUTSIDE_THE_RULES)
def test_what_the_rules_miss_the_model_sends_to_a_person(text: str, rating: int) -> None:
    rules_only = classify_text(text, rating, learned=False)
    assert rules_only.label in ("praise", "criticism") and not rules_only.check
    result = classify(text, rating)
    assert result.label == rules_only.label  # the model never relabels
    assert result.check
    assert "modèle appris" in (result.check_reason or "")
    quoted = (result.check_reason or "").split("« ", 1)[1].split(" »", 1)[0].rstrip("…")
    assert quoted and quoted in text


def _all_test_texts() -> list[tuple[str, int | None]]:
    from tests.classify import test_classify_families as families
    from tests.classify import test_classify_structure as structure

    return [(t, None) for t in families.NEVER_FLAGGED] + list(structure.LAWFUL)


def test_the_model_never_changes_a_label_or_removes_a_doubt() -> None:
    for text, rating in _all_test_texts() + OUTSIDE_THE_RULES:
        rules_only = classify_text(text, rating, learned=False)
        result = classify(text, rating)
        assert result.label == rules_only.label, text
        assert result.passages == rules_only.passages, text
        assert result.check or not rules_only.check, text


def test_plain_praise_is_not_doubted() -> None:
    for text in (
        "Super accueil, dentiste très doux, je recommande.",
        "Great clinic, friendly staff and no waiting.",
        "Médecin à l'écoute, ponctuel et clair dans ses explications.",
    ):
        assert not classify(text, 5).check, text


def test_shipped_model_is_current() -> None:
    # The model is rebuilt from the listed development sets; a stale file fails here.
    done = subprocess.run(
        [sys.executable, "scripts/train_models.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_model_file_names_its_training_sets() -> None:
    meta = check_model().meta
    assert meta["examples"] > 1000 and 0 < meta["positives"] < meta["examples"]
    for name in meta["trained_on"]:
        assert (ROOT / "data" / "eval" / name).is_file(), name
    # a sealed set must never be in training before its first run (recorded in its README)
    for name in meta["trained_on"]:
        folder = (ROOT / "data" / "eval" / name).parent
        notes = " ".join(p.read_text(encoding="utf-8") for p in folder.glob("README*.md"))
        if "sealed" in notes.lower():
            assert "First run" in notes, f"{name}: sealed and never run, yet trained on"


def test_training_is_deterministic_and_learns() -> None:
    texts = [
        "espèce de crétin",
        "quel abruti ce médecin",
        "très bon accueil",
        "médecin très doux",
    ] * 5
    labels = [1, 1, 0, 0] * 5
    a = train(texts, labels, threshold=0.5, epochs=10)
    b = train(texts, labels, threshold=0.5, epochs=10)
    assert a.to_json() == b.to_json()
    assert a.score("espèce de crétin") > 0.5 > a.score("très bon accueil")
    again = LinearModel.from_json(a.to_json())
    assert again.score("quel abruti") == pytest.approx(a.score("quel abruti"), abs=1e-3)
    with pytest.raises(ValueError):
        train(["a", "b"], [1, 1], threshold=0.5)


def test_features_are_linear_in_the_text() -> None:
    one = features("mot " * 1000)
    assert len(one) < 20  # repeated words add weight, not features
    body = json.loads(check_model().to_json())
    assert body["feature_version"] == 1
