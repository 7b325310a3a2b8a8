"""`responders classify` and `responders eval classify` as a user runs them: a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "responders", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_classify_contract(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "r1", "text": "Il m'a facturé des soins jamais faits, ce charlatan.", "rating": 1},
        {"id": "r2", "text": "Très bonne dentiste, douce et à l'écoute.", "rating": None},
        {"id": "r3", "text": "Attente interminable."},
    ]
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = run("classify", str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["r1", "r2", "r3"]
    assert [r["label"] for r in results] == ["defamation", "praise", "criticism"]
    for given, result in zip(lines, results, strict=True):
        assert set(result) - {"check_reason"} == {"id", "label", "confidence", "passages", "check"}
        assert isinstance(result["check"], bool)
        assert ("check_reason" in result) == result["check"]
        assert 0.0 <= result["confidence"] <= 1.0
        for p in result["passages"]:
            assert set(p) == {"start", "end", "text", "qualification", "rule", "explanation"}
            assert given["text"][p["start"] : p["end"]] == p["text"]
            assert p["qualification"] in ("defamation", "insult", "criticism")


def test_malformed_lines_are_reported_and_others_processed() -> None:
    stdin = "\n".join(
        [
            '{"id": "a", "text": "Charlatan !"}',
            "{not json",
            '{"id": "b", "rating": 2}',
            '{"id": "c", "text": "Bien.", "rating": 9}',
            '["a list"]',
            "",
            '{"id": "d", "text": "Super équipe.", "rating": 5}',
        ]
    )
    done = run("classify", "-", stdin=stdin)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == 6
    assert out[0]["label"] == "insult"
    assert "error" in out[1] and out[1]["id"] is None
    assert out[2] == {"id": "b", "error": "le champ « text » (texte) est manquant"}
    assert "error" in out[3] and out[3]["id"] == "c"
    assert "error" in out[4]
    assert out[5]["label"] == "praise"
    assert "ligne 2" in done.stderr and "ligne 3" in done.stderr


def test_missing_file_exits_2_in_french() -> None:
    done = run("classify", "/nonexistent/avis.jsonl")
    assert done.returncode == 2
    assert "introuvable" in done.stderr
    assert done.stdout == ""


def test_llm_engine_not_configured_exits_2(tmp_path: Path) -> None:
    pytest.importorskip("responders.classify.engines")
    from responders import classify as _  # noqa: F401

    try:
        import responders.llm as llm  # noqa: F401

        if hasattr(llm, "classify_review"):
            pytest.skip("a language model engine is installed")
    except ImportError:
        pass
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "x", "text": "Bien."}\n', encoding="utf-8")
    done = run("classify", str(source), "--engine", "llm")
    assert done.returncode == 2
    assert "non configuré" in done.stderr


def test_eval_classify_prints_matrix_and_f1(tmp_path: Path) -> None:
    labelled = tmp_path / "gold.jsonl"
    rows = [
        {"id": "1", "text": "Charlatan !", "rating": 1, "label": "insult"},
        {"id": "2", "text": "Très bien, merci.", "rating": 5, "label": "praise"},
        {"id": "3", "text": "Il était ivre pendant le soin.", "rating": 1, "label": "defamation"},
        {"id": "4", "text": "Attente interminable.", "rating": 2, "label": "criticism"},
        {"id": "5", "text": "Très bien, merci.", "rating": 5, "label": "criticism"},
    ]
    labelled.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    done = run("eval", "classify", str(labelled), "--show", "5")
    assert done.returncode == 0, done.stderr
    assert "Matrice de confusion" in done.stdout
    assert "F1 macro" in done.stdout
    assert "Exactitude : 0.800" in done.stdout
    assert "- 5 attendu criticism, proposé praise" in done.stdout


def test_eval_missing_file_exits_2() -> None:
    done = run("eval", "classify", "/nonexistent/gold.jsonl")
    assert done.returncode == 2
    assert "introuvable" in done.stderr


def test_eval_classify_counts_check_as_flagged_and_reports_lawful_checks(tmp_path: Path) -> None:
    labelled = tmp_path / "gold.jsonl"
    rows = [
        {"id": "1", "text": "Charlatan !", "rating": 1, "label": "insult"},
        # an accusation the engine cannot settle: criticism, but « à vérifier »
        {"id": "2", "text": "La secrétaire a parlé de mes radios devant tout le monde.", "rating": 2,
         "label": "defamation"},
        {"id": "3", "text": "Attente interminable.", "rating": 2, "label": "criticism"},
        {"id": "4", "text": "L'assistante fait les extractions quand le dentiste n'est pas là.", "rating": 2,
         "label": "criticism"},
    ]
    labelled.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    done = run("eval", "classify", str(labelled), "--show", "5")
    assert done.returncode == 0, done.stderr
    assert "Injure + diffamation relevées ou « à vérifier » (rappel) : 2/2 = 1.000" in done.stdout
    assert "Avis licites (éloge, critique) marqués « à vérifier » : 1/2 = 0.500" in done.stdout
    assert "- 2 attendu defamation, proposé criticism (à vérifier)" in done.stdout
