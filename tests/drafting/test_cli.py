"""`responders draft` in a subprocess: the CONTRACTS.md shape, errors per line, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from responders.drafting import default_catalogue
from responders.guard import check

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"id", "label", "action", "reply", "template_id", "guard"}
LABELS = {"praise", "criticism", "insult", "defamation"}


def _run(*args: str, stdin: str | None = None, drop: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(drop or ("\0",))}
    full_env["TQDM_DISABLE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "responders", "draft", *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, env=full_env, timeout=120,
    )


LINES = [
    {"id": "r1", "text": "Attente interminable, secrétaire désagréable.", "rating": 1},
    {"id": "r2", "text": "Accueil souriant, équipe très professionnelle.", "rating": 5, "reviewer_name": "Paul"},
    {"id": "r3", "text": None, "rating": 4},
    {"id": "r4", "text": "Attente très longue, je suis déçu.", "rating": 2},
    {"id": "r5", "rating": 5},
]


def _write(tmp_path: Path, lines: list[object], raw: str = "") -> Path:
    path = tmp_path / "in.jsonl"
    body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines) + raw
    path.write_text(body, encoding="utf-8")
    return path


def test_draft_command_follows_the_contract(tmp_path: Path) -> None:
    raw = '{"id": "bad", "text": 12}\nnot json\n\n{"id": "r7", "text": "ok", "rating": 7}\n[1]\n'
    source = _write(tmp_path, LINES, raw=raw)
    out = tmp_path / "out.jsonl"
    done = _run(str(source), "--profile", "fr-dentiste", "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["r1", "r2", "r3", "r4", "r5", "bad", None, "r7", None]
    for row, line in zip(rows[:5], LINES, strict=True):
        assert set(row) == KEYS and set(row["guard"]) == {"allowed", "verdict", "findings"}
        assert row["label"] in LABELS and row["action"] in {"reply", "no_reply", "escalate"}
        if row["reply"] is not None:
            assert row["action"] == "reply" and row["guard"]["allowed"] is True
            assert row["guard"]["verdict"] == "pass"
            assert row["template_id"] in {t.id for t in default_catalogue().templates}
            again = check(row["reply"], review=line.get("text"), reviewer_name=line.get("reviewer_name"), profile="fr-dentiste")
            assert again.allowed
        else:
            assert row["template_id"] is None
    replied = [r["template_id"] for r in rows[:5] if r["template_id"]]
    assert len(replied) >= 3 and all(a != b for a, b in zip(replied, replied[1:], strict=False))
    assert "error" in rows[5] and "« text »" in rows[5]["error"]
    assert "JSON invalide" in rows[6]["error"]
    assert "« rating »" in rows[7]["error"] and "objet JSON" in rows[8]["error"]
    assert all(f"ligne {n}" in done.stderr for n in (6, 7, 9, 10))


def test_draft_command_reads_stdin_and_applies_the_profile_policy() -> None:
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in LINES[:2])
    done = _run("-", "--profile", "fr-medecin", stdin=stdin)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["action"], r["reply"]) for r in rows] == [("no_reply", None), ("no_reply", None)]


def test_same_input_same_output(tmp_path: Path) -> None:
    source = _write(tmp_path, LINES)
    first = _run(str(source), "--profile", "qc-medecin")
    second = _run(str(source), "--profile", "qc-medecin")
    assert first.returncode == 0 and first.stdout == second.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["absent.jsonl", "--profile", "fr-dentiste"], "introuvable"),
    ],
)
def test_unusable_input_exits_2(args: list[str], message: str) -> None:
    done = _run(*args)
    assert done.returncode == 2 and message in done.stderr and not done.stdout


@pytest.mark.parametrize("engine", ["llm", "auto"])
def test_llm_engine_without_a_configured_model_exits_2(tmp_path: Path, engine: str) -> None:
    source = _write(tmp_path, LINES[:1])
    done = _run(str(source), "--profile", "fr-dentiste", "--engine", engine, drop=("RESPONDERS_LLM", "OPENAI_"))
    assert done.returncode == 2, done.stderr
    assert "--engine rules" in done.stderr and not done.stdout
