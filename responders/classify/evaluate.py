"""`responders eval classify [FILE...] [--engine] [--show N]`: confusion matrix, P/R/F1, errors."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from responders.classify import LABELS
from responders.classify.engines import classify_outcome
from responders.cli.jsonl import load_objects
from responders.errors import UnusableInput
from responders.vocabulary import Label

DEFAULT_FILE = "data/eval/classify/test.jsonl"
SERIOUS = (Label.INSULT, Label.DEFAMATION)
SHORT: dict[str, str] = {
    Label.PRAISE: "éloge",
    Label.CRITICISM: "critique",
    Label.INSULT: "injure",
    Label.DEFAMATION: "diffam.",
}


@dataclass
class Report:
    engine: str
    gold: list[str] = field(default_factory=list)
    predicted: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    # the engine's « à vérifier » flag, per review
    checks: list[bool] = field(default_factory=list)
    # language-model engines only: reviews sent to the model, and why some fell back to the rules
    asked: int = 0
    fallbacks: list[str] = field(default_factory=list)

    def confusion(self) -> dict[str, dict[str, int]]:
        matrix = {g: dict.fromkeys(LABELS, 0) for g in LABELS}
        for g, p in zip(self.gold, self.predicted, strict=True):
            matrix[g][p] += 1
        return matrix

    def scores(self) -> dict[str, dict[str, float]]:
        out = {}
        for label in LABELS:
            tp = sum(1 for g, p in zip(self.gold, self.predicted, strict=True) if g == p == label)
            predicted = sum(1 for p in self.predicted if p == label)
            actual = sum(1 for g in self.gold if g == label)
            precision = tp / predicted if predicted else 0.0
            recall = tp / actual if actual else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out[label] = {"precision": precision, "recall": recall, "f1": f1, "support": actual}
        return out

    def macro_f1(self) -> float:
        scores = self.scores()
        present = [label for label in LABELS if scores[label]["support"]]
        return sum(scores[label]["f1"] for label in present) / len(present) if present else 0.0

    def flagged_or_check_recall(self) -> tuple[int, int]:
        """(found, total) for gold insult+defamation predicted serious or marked check."""
        serious = [
            (p in SERIOUS or c)
            for g, p, c in zip(self.gold, self.predicted, self._checks(), strict=True)
            if g in SERIOUS
        ]
        return sum(serious), len(serious)

    def lawful_check_share(self) -> tuple[int, int]:
        """(marked, total) for gold praise+criticism marked check."""
        lawful = [c for g, c in zip(self.gold, self._checks(), strict=True) if g not in SERIOUS]
        return sum(lawful), len(lawful)

    def _checks(self) -> list[bool]:
        return self.checks if len(self.checks) == len(self.gold) else [False] * len(self.gold)

    def accuracy(self) -> float:
        if not self.gold:
            return 0.0
        return sum(1 for g, p in zip(self.gold, self.predicted, strict=True) if g == p) / len(
            self.gold
        )

    def errors(self) -> list[dict[str, Any]]:
        return [
            {**row, "predicted": p, "check": c}
            for row, g, p, c in zip(
                self.rows, self.gold, self.predicted, self._checks(), strict=True
            )
            if g != p
        ]


def load(paths: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in paths:
        for number, row in load_objects(path):
            if not isinstance(row.get("text"), str):
                raise UnusableInput(f"{path}, ligne {number} : champ « text » manquant.")
            if row.get("label") not in LABELS:
                raise UnusableInput(
                    f"{path}, ligne {number} : « label » doit valoir {', '.join(LABELS)}."
                )
            rows.append(row)
    if not rows:
        raise UnusableInput(f"{', '.join(paths)} : aucune ligne étiquetée.")
    return rows


def evaluate(
    rows: list[dict[str, Any]], engine: str = "rules", *, settings: Any = None, model: Any = None
) -> Report:
    report = Report(engine)
    for row in rows:
        outcome = classify_outcome(
            engine, row["text"], row.get("rating"), settings=settings, model=model
        )
        result = outcome.result
        report.asked += int(outcome.asked_llm)
        if outcome.fallback_reason:
            report.fallbacks.append(outcome.fallback_reason)
        report.gold.append(row["label"])
        report.predicted.append(result.label)
        report.checks.append(result.check)
        report.rows.append(row)
    return report


def agreement(a: Report, b: Report) -> float:
    if not a.predicted:
        return 0.0
    return sum(1 for x, y in zip(a.predicted, b.predicted, strict=True) if x == y) / len(
        a.predicted
    )


def format_llm_usage(report: Report) -> list[str]:
    """How much the figures owe to the model: a fallback is a rules answer under another name."""
    if report.engine == "rules":
        return []
    lines = [
        f"Avis soumis au modèle de langage : {report.asked} / {len(report.gold)} ; "
        f"repli sur les règles : {len(report.fallbacks)}"
    ]
    if report.fallbacks:
        reason, count = Counter(report.fallbacks).most_common(1)[0]
        lines.append(f"Motif de repli le plus fréquent ({count}) : {reason}")
    return lines


def format_report(report: Report, show: int = 50) -> str:
    lines = [f"Moteur : {report.engine} — {len(report.gold)} avis", ""]
    lines.append("Matrice de confusion (lignes : attendu, colonnes : proposé)")
    lines.append(f"{'':>10}" + "".join(f"{SHORT[p]:>10}" for p in LABELS))
    for gold, row in report.confusion().items():
        lines.append(f"{SHORT[gold]:>10}" + "".join(f"{row[p]:>10}" for p in LABELS))
    lines.append("")
    lines.append(f"{'étiquette':<12}{'précision':>10}{'rappel':>10}{'F1':>8}{'effectif':>10}")
    for label, s in report.scores().items():
        lines.append(
            f"{label:<12}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}{int(s['support']):>10}"
        )
    lines.append("")
    lines.append(f"Exactitude : {report.accuracy():.3f}   F1 macro : {report.macro_f1():.3f}")
    found, serious = report.flagged_or_check_recall()
    marked, lawful = report.lawful_check_share()
    if serious:
        lines.append(
            f"Injure + diffamation relevées ou « à vérifier » (rappel) : {found}/{serious} = {found / serious:.3f}"
        )
    if lawful:
        lines.append(
            f"Avis licites (éloge, critique) marqués « à vérifier » : {marked}/{lawful} = {marked / lawful:.3f}"
        )
    lines.extend(format_llm_usage(report))
    errors = report.errors()
    if errors and show > 0:
        lines.append("")
        lines.append(f"Erreurs ({len(errors)}, {min(show, len(errors))} affichées) :")
        for row in errors[:show]:
            text = " ".join(str(row["text"]).split())
            mark = " (à vérifier)" if row.get("check") else ""
            lines.append(
                f"- {row.get('id')} attendu {row['label']}, proposé {row['predicted']}{mark} : {text[:160]!r}"
            )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    paths = list(getattr(args, "files", None) or [DEFAULT_FILE])
    engine = getattr(args, "engine", "rules") or "rules"
    show = int(getattr(args, "show", 50))
    rows = load(paths)
    report = evaluate(rows, engine)
    out = [format_report(report, show)]
    if engine != "rules":
        rules = evaluate(rows, "rules")
        out.append("")
        out.append("Référence : moteur à règles")
        out.append(format_report(rules, 0))
        out.append(f"Accord {engine} / règles : {agreement(report, rules):.3f}")
    print("\n".join(out))  # noqa: T201
    sys.stdout.flush()
    return 0
