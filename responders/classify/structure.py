"""What the sentence structure adds to the rules: accusations, contempt, and doubt.

The pattern rules know phrasings; `accusation` and `contempt` know shapes (who acts, which
act, which domain; which word of contempt, aimed at whom). This module turns those shapes
into the engine's evidence:

- a sure accusation becomes a defamation passage whose explanation is generated from what
  was found (the fact, its domain, the person it is imputed to, how it is put);
- a sure contempt frame becomes an insult hit;
- everything the engine found but could not settle makes the review `check` (« à
  vérifier »), with a French reason naming the fact or the word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from responders.classify import accusation, contempt
from responders.classify.accusation import Accusation
from responders.classify.contempt import Contempt
from responders.text.chars import Normalized

LAW = "loi du 29 juillet 1881, art. 29 al. 1 ; Québec : C.c.Q. art. 3, 35, 1457"
INSULT_LAW = "loi du 29 juillet 1881, art. 29 al. 2 ; Québec : C.c.Q. art. 3, 1457"
_FRAMES_FR = {
    "contempt.predicate": "attribué à une personne comme ce qu'elle est",
    "contempt.exclamation": "lancé en exclamation ou en apostrophe",
    "contempt.label": "accolé à un membre du cabinet",
    "contempt.apposition": "apposé au nom ou à la fonction d'une personne",
    "contempt.bare": "employé seul pour désigner une personne",
    "contempt.address": "adressé à une personne (« espèce de… »)",
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """The rule-like view of a structural finding: what `_insult_passage` reads."""

    name: str
    explanation: str
    confidence: float


@dataclass
class Findings:
    """Structural findings of one review, per sentence index."""

    imputations: dict[int, list[Accusation]]
    candidates: dict[int, list[Accusation]]
    insults: dict[int, list[tuple[Evidence, int, int]]]
    doubts: dict[int, list[Contempt]]
    denied: set[int]


def read(doc: Normalized, spans: list[tuple[int, int]]) -> Findings:
    found = Findings({}, {}, {}, {}, contempt.denied_sentences(doc.text, spans))
    starts = [s for s, _ in spans]
    for item in accusation.find(doc.text, spans):
        index = _index(starts, item.start)
        (found.imputations if item.sure else found.candidates).setdefault(index, []).append(item)
    for index, frame in contempt.find(doc.text, spans):
        if index in found.denied or _is_name(doc, frame):
            continue
        if frame.sure:
            word = quote(doc, frame.word_start, frame.word_end)
            evidence = Evidence(
                name=frame.frame,
                explanation=(
                    f"Mot de mépris « {word} » {_FRAMES_FR.get(frame.frame, 'visant une personne')}, "
                    f"sans fait précis : injure ({INSULT_LAW})."
                ),
                confidence=0.8,
            )
            found.insults.setdefault(index, []).append((evidence, frame.word_start, frame.word_end))
        else:
            found.doubts.setdefault(index, []).append(frame)
    return found


_CLAUSE_END = re.compile(r"[,;:.!?\n]|\s(?:mais|but|et|and|pis)\s")
_ARTICLE = re.compile(
    r"(?<![a-z])(?:le|la|les|l'|ce|cet|cette|ces|the|this|that|mon|ma|notre|our|my|son|sa|leur)\s*$"
)
_TITLE = re.compile(
    r"(?:dr|dre|docteure?|doctoresse|madame|monsieur|mme|mr|mrs|ms|m|me|maitre)\.?\s*$"
)


def _is_name(doc: Normalized, frame: Contempt) -> bool:
    """« docteure Tanche », "Dr. Crane": a capitalised word after a title is a surname."""
    start, _ = doc.span(frame.word_start, frame.word_end)
    if not doc.original[start : start + 1].isupper():
        return False
    return _TITLE.search(doc.text, max(0, frame.word_start - 12), frame.word_start) is not None


def _index(starts: list[int], position: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, position) - 1)


def quote(doc: Normalized, start: int, end: int) -> str:
    s, e = doc.span(start, end)
    return doc.original[s:e].strip()


def target(doc: Normalized, item: Accusation) -> str:
    """Whom the fact is imputed to, in French ("« la secrétaire »", "un membre du cabinet")."""
    if item.agent is not None:
        start, end = item.agent
        article = _ARTICLE.search(doc.text, max(0, start - 8), start)
        return f"« {quote(doc, article.start() if article else start, end)} »"
    return "un membre du cabinet (ou le cabinet)"


def act(doc: Normalized, item: Accusation) -> str:
    start = min(s for s, _ in item.hits)
    end = max(e for _, e in item.hits)
    # to the end of the clause: "devant tout" reads "devant tout le monde"
    stop = _CLAUSE_END.search(doc.text, end, item.end)
    end = stop.start() if stop else item.end
    text = quote(doc, start, end)
    return text if len(text) <= 160 else text[:157] + "…"


def explanation(
    doc: Normalized,
    item: Accusation,
    insults: list[Any] | None = None,
    others: list[Accusation] | None = None,
) -> str:
    facts = [item.shape.fact]
    domains = [item.shape.domain]
    for other in others or []:
        if other.shape.fact not in facts:
            facts.append(other.shape.fact)
            domains.append(other.shape.domain)
    fact = " ; ".join(facts[:3])
    domain = ", ".join(dict.fromkeys(domains[:3]))
    parts = [
        f"Phrase qui impute à {target(doc, item)} {fact} (domaine : {domain}), "
        f"{accusation.mode(item)} : « {act(doc, item)} ».",
        f"Fait précis, vérifiable, qui porte atteinte à l'honneur ou à la réputation : diffamation ({LAW}).",
    ]
    if insults:
        words = ", ".join(f"« {quote(doc, s, e)} »" for _, s, e in insults)
        parts.append(
            f"Le terme outrageant {words} est indissociable du fait imputé : absorbé dans la diffamation."
        )
    return " ".join(parts)


def confidence(item: Accusation) -> float:
    value = 0.8 if item.agent is not None else 0.74
    if item.evidence:
        value += 0.05
    if item.hearsay or item.question:
        value -= 0.04
    return round(value, 3)


def check_reason(doc: Normalized, item: Accusation) -> str:
    return (
        f"phrase qui impute un acte précis à {target(doc, item)} : {item.shape.fact} "
        f"(domaine : {item.shape.domain}), « {act(doc, item)} »"
    )


def doubt_reason(doc: Normalized, frame: Contempt) -> str:
    return (
        f"mépris visant une personne (« {quote(doc, frame.start, frame.end)} ») : injure possible"
    )
