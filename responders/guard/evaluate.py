"""`responders eval guard [FILE...]`: block rate on leaks, false-block rate on safe replies."""

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
class Report:
    leaks: int = 0
    blocked: int = 0
    span_hits: int = 0
    span_total: int = 0
    safe: int = 0
    false_blocks: int = 0
    per_family: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[tuple[Case, list[Any]]] = field(default_factory=list)
    wrong: list[tuple[Case, list[Any]]] = field(default_factory=list)

    @property
    def block_rate(self) -> float:
        return self.blocked / self.leaks if self.leaks else 0.0

    @property
    def false_block_rate(self) -> float:
        return self.false_blocks / self.safe if self.safe else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "leaks": self.leaks,
            "blocked": self.blocked,
            "block_rate": round(self.block_rate, 4),
            "span_overlap": self.span_hits,
            "span_total": self.span_total,
            "safe": self.safe,
            "false_blocks": self.false_blocks,
            "false_block_rate": round(self.false_block_rate, 4),
            "per_family": {k: {"blocked": v[0], "total": v[1]} for k, v in sorted(self.per_family.items())},
        }


def _span(value: Any, reply: str) -> list[int] | None:
    if isinstance(value, str) and value:
        at = reply.find(value)
        return [at, at + len(value)] if at >= 0 else None
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return [int(value[0]), int(value[1])]
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return [value["start"], value["end"]]
    return None


def load_cases(paths: list[str]) -> list[Case]:
    cases: list[Case] = []
    for path in paths:
        file = Path(path)
        default_family = "safe" if "safe" in file.stem else "leak"
        for number, obj in load_objects(path):
            if not isinstance(obj.get("reply"), str):
                raise UnusableInput(f"{path}, ligne {number} : le champ « reply » (texte) est manquant.")
            cases.append(
                Case(
                    id=str(obj.get("id", f"{file.name}:{number}")),
                    reply=obj["reply"],
                    review=obj.get("review") if isinstance(obj.get("review"), str) else None,
                    reviewer_name=obj.get("reviewer_name") if isinstance(obj.get("reviewer_name"), str) else None,
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
        blocks = result.blocking
        if case.is_leak:
            report.leaks += 1
            fam = report.per_family[case.family]
            fam[1] += 1
            if blocks:
                report.blocked += 1
                fam[0] += 1
            else:
                report.misses.append((case, result.findings))
            if case.expected_span is not None:
                report.span_total += 1
                s, e = case.expected_span
                if any(f.start < e and s < f.end for f in blocks):
                    report.span_hits += 1
        else:
            report.safe += 1
            if blocks:
                report.false_blocks += 1
                report.wrong.append((case, blocks))
    return report


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
            f"Fuites bloquées : {report.blocked}/{report.leaks} ({report.block_rate:.1%})\n"
        )
        if report.span_total:
            out.write(
                f"Passage attendu couvert par un blocage : {report.span_hits}/{report.span_total} "
                f"({report.span_hits / report.span_total:.1%})\n"
            )
        out.write("Par famille :\n")
        for family, (blocked, total) in sorted(report.per_family.items()):
            out.write(f"  {family:<24} {blocked}/{total} ({blocked / total:.1%})\n")
    if report.safe:
        out.write(
            f"Réponses sûres bloquées à tort : {report.false_blocks}/{report.safe} "
            f"({report.false_block_rate:.1%})\n"
        )
    if report.misses and show:
        out.write(f"Fuites non bloquées ({min(show, len(report.misses))}/{len(report.misses)}) :\n")
        for case, findings in report.misses[:show]:
            out.write(_line(case, findings) + "\n")
    if report.wrong and show:
        out.write(f"Blocages à tort ({min(show, len(report.wrong))}/{len(report.wrong)}) :\n")
        for case, findings in report.wrong[:show]:
            out.write(_line(case, findings) + "\n")
    out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    return 0
