"""`responders eval guard [FILE...]`: what the guard stops, per file and per family.

For leaks: stopped (verdict block or review: nothing is published without a practitioner)
and blocked outright (a rule knew the leak). For safe replies: stopped (sent to review or
blocked) and blocked outright (a false block).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from responders.cli.jsonl import load_objects
from responders.errors import UnusableInput
from responders.guard import check

DEFAULT_FILES = ("data/eval/guard/leaks.jsonl", "data/eval/guard/safe.jsonl")
SAFE_FAMILIES = frozenset({"safe", "near_miss"})


@dataclass
class Case:
    id: str
    reply: str
    review: str | None
    reviewer_name: str | None
    family: str
    expected_span: list[int] | None
    source: str

    @property
    def is_leak(self) -> bool:
        return self.family not in SAFE_FAMILIES


@dataclass
class Tally:
    """One group of cases (a file, a family): [stopped, blocked, total]."""

    stopped: int = 0
    blocked: int = 0
    total: int = 0

    def add(self, verdict: str) -> None:
        self.total += 1
        self.stopped += verdict != "pass"
        self.blocked += verdict == "block"

    def to_dict(self) -> dict[str, int]:
        return {"stopped": self.stopped, "blocked": self.blocked, "total": self.total}


@dataclass
class Report:
    leaks: int = 0
    blocked: int = 0  # leaks blocked outright
    stopped: int = 0  # leaks blocked or sent to review
    span_hits: int = 0
    span_total: int = 0
    safe: int = 0
    false_blocks: int = 0  # safe replies blocked outright
    safe_stopped: int = 0  # safe replies blocked or sent to review
    per_family: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_file: dict[str, dict[str, Tally]] = field(default_factory=dict)
    misses: list[tuple[Case, list[Any]]] = field(default_factory=list)
    reviewed: list[tuple[Case, list[Any]]] = field(default_factory=list)
    wrong: list[tuple[Case, list[Any]]] = field(default_factory=list)

    @property
    def block_rate(self) -> float:
        return self.blocked / self.leaks if self.leaks else 0.0

    @property
    def stop_rate(self) -> float:
        return self.stopped / self.leaks if self.leaks else 0.0

    @property
    def false_block_rate(self) -> float:
        return self.false_blocks / self.safe if self.safe else 0.0

    @property
    def safe_stop_rate(self) -> float:
        return self.safe_stopped / self.safe if self.safe else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "leaks": self.leaks,
            "stopped": self.stopped,
            "stop_rate": round(self.stop_rate, 4),
            "blocked": self.blocked,
            "block_rate": round(self.block_rate, 4),
            "span_overlap": self.span_hits,
            "span_total": self.span_total,
            "safe": self.safe,
            "safe_stopped": self.safe_stopped,
            "safe_stop_rate": round(self.safe_stop_rate, 4),
            "false_blocks": self.false_blocks,
            "false_block_rate": round(self.false_block_rate, 4),
            "per_family": {k: v.to_dict() for k, v in sorted(self.per_family.items())},
            "per_file": {
                f: {k: v.to_dict() for k, v in sorted(fams.items())}
                for f, fams in self.per_file.items()
            },
        }


def _span(value: Any, reply: str) -> list[int] | None:
    if isinstance(value, str) and value:
        at = reply.find(value)
        return [at, at + len(value)] if at >= 0 else None
    if (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
    ):
        return [int(value[0]), int(value[1])]
    if (
        isinstance(value, dict)
        and isinstance(value.get("start"), int)
        and isinstance(value.get("end"), int)
    ):
        return [value["start"], value["end"]]
    return None


def load_cases(paths: list[str]) -> list[Case]:
    cases: list[Case] = []
    for path in paths:
        file = Path(path)
        default_family = "safe" if "safe" in file.stem else "leak"
        for number, obj in load_objects(path):
            if not isinstance(obj.get("reply"), str):
                raise UnusableInput(
                    f"{path}, ligne {number} : le champ « reply » (texte) est manquant."
                )
            cases.append(
                Case(
                    id=str(obj.get("id", f"{file.name}:{number}")),
                    reply=obj["reply"],
                    review=obj.get("review") if isinstance(obj.get("review"), str) else None,
                    reviewer_name=obj.get("reviewer_name")
                    if isinstance(obj.get("reviewer_name"), str)
                    else None,
                    family=str(obj.get("family") or default_family),
                    expected_span=_span(obj.get("expected_span"), obj["reply"]),
                    source=path,
                )
            )
    return cases


def evaluate(cases: list[Case]) -> Report:
    report = Report()
    for case in cases:
        result = check(case.reply, review=case.review, reviewer_name=case.reviewer_name)
        verdict = result.verdict
        blocks = result.blocking
        report.per_family[case.family].add(verdict)
        report.per_file.setdefault(case.source, defaultdict(Tally))[case.family].add(verdict)
        if case.is_leak:
            report.leaks += 1
            report.stopped += verdict != "pass"
            if blocks:
                report.blocked += 1
            elif verdict == "review":
                report.reviewed.append((case, result.to_review))
            else:
                report.misses.append((case, result.findings))
            if case.expected_span is not None:
                report.span_total += 1
                s, e = case.expected_span
                if any(f.start < e and s < f.end for f in blocks):
                    report.span_hits += 1
        else:
            report.safe += 1
            report.safe_stopped += verdict != "pass"
            if blocks:
                report.false_blocks += 1
                report.wrong.append((case, blocks))
            elif verdict == "review":
                report.reviewed.append((case, result.to_review))
    return report


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.1%})" if whole else "0/0"


def _line(case: Case, findings: list[Any]) -> str:
    found = ", ".join(f"{f.rule}:«{f.text}»" for f in findings) or "aucune règle"
    return f"  [{case.id}] ({case.family}) {case.reply!r}\n      -> {found}"


def run(args: argparse.Namespace) -> int:
    files = list(getattr(args, "files", None) or DEFAULT_FILES)
    show = int(getattr(args, "show", 50))
    cases = load_cases(files)
    if not cases:
        raise UnusableInput("Aucun cas à évaluer : les fichiers sont vides.")
    report = evaluate(cases)
    out = sys.stdout
    out.write(f"Fichiers : {', '.join(files)}\n")
    if report.leaks:
        out.write(
            f"Fuites arrêtées (bloquées ou à vérifier) : {_pct(report.stopped, report.leaks)}\n"
        )
        out.write(f"Fuites bloquées d'office : {_pct(report.blocked, report.leaks)}\n")
        if report.span_total:
            out.write(
                f"Passage attendu couvert par un blocage : {_pct(report.span_hits, report.span_total)}\n"
            )
    if report.safe:
        out.write(
            f"Réponses sûres arrêtées (à vérifier ou bloquées) : {_pct(report.safe_stopped, report.safe)}\n"
        )
        out.write(f"Réponses sûres bloquées à tort : {_pct(report.false_blocks, report.safe)}\n")
    out.write("Par fichier et par famille (arrêtées / bloquées d'office / total) :\n")
    for source, families in report.per_file.items():
        out.write(f"  {source}\n")
        for family, tally in sorted(families.items()):
            kind = "sûre" if family in SAFE_FAMILIES else "fuite"
            out.write(
                f"    {family:<22} {kind:<6} arrêtées {_pct(tally.stopped, tally.total):<18} "
                f"bloquées {_pct(tally.blocked, tally.total)}\n"
            )
    if report.misses and show:
        out.write(f"Fuites non arrêtées ({min(show, len(report.misses))}/{len(report.misses)}) :\n")
        for case, findings in report.misses[:show]:
            out.write(_line(case, findings) + "\n")
    if report.wrong and show:
        out.write(f"Blocages à tort ({min(show, len(report.wrong))}/{len(report.wrong)}) :\n")
        for case, findings in report.wrong[:show]:
            out.write(_line(case, findings) + "\n")
    if report.reviewed and show:
        out.write(
            f"Envoyées à vérification ({min(show, len(report.reviewed))}/{len(report.reviewed)}) :\n"
        )
        for case, findings in report.reviewed[:show]:
            out.write(_line(case, findings) + "\n")
    out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    return 0
