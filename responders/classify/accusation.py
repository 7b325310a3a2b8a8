"""Sentences shaped like an accusation: who acts, what act, in which domain of honour.

A defamation imputes a precise act to someone (loi 1881 art. 29 al. 1; C.c.Q. art. 3, 35,
1457). The phrasing varies without end, the shape does not: a person of the practice (or
the practice) acts; the act is concrete; it touches honesty and money, hygiene, consent,
secrecy, sexual conduct, substances, qualifications, discrimination, violence. And it is
stated as fact, reported (« une ancienne employée m'a dit… »), or asked (« a-t-il vraiment
le droit… ? ») — all three are imputations.

`data/accusation.toml` holds the semantic fields (one regular expression each) and the
shapes (which fields must meet in one sentence, or in two for a statement and its proof).
This module reads each sentence for the rest: the agent, hearsay, a question, invoked
evidence, and negation or reassurance that clears it (« jamais senti l'alcool »).

Each field is searched once over the whole review, only when the shape's first field hit:
the cost stays linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from responders.classify import gating
from responders.classify.contempt import AGENT_NOUN
from responders.classify.lexicon import PACKAGE
from responders.text.datafiles import read_toml
from responders.text.literals import GatedPattern

# A person of the practice named by role, title or name, or the practice itself.
AGENT = re.compile(
    r"(?<![a-z])(?:(?:le|la|the)\s+"
    + AGENT_NOUN
    + r"|"
    + AGENT_NOUN
    + r"|personnel|equipe|staff|cabinet|clinique|polyclinique|office|clinic|practice|"
    r"front desk|accueil|reception|direction|patron|patronne|proprio|owner|employee?s?|employes|aide-soignante?|"
    r"aide soignante?|technicien\w*|technician|denturo\w*|ortho|doc|docteur|le doc|(?:le|la|the) dre?)(?![a-z])"
)
# A pronoun standing for the practitioner on the practice's own page ("il m'a injecté…"),
# but not the impersonal ones ("il y a", "il faut", "il paraît").
PRONOUN = re.compile(
    r"(?<![a-z'])(?:il|elle|ils|elles|qu'y|he|she|they|on)(?![a-z'])"
    r"(?!\s+(?:y a|y avait|faut|fallait|parai\w*|semble\w*|fait (?:beau|froid|chaud)|est (?:temps|vrai|clair|dommage|possible|normal|rare|evident))\b)"
    r"(?!\s*'(?:s|re) (?:say|said))"
)
# "Ce boucher a arraché…", "This clown pulled…": a demonstrative names the practitioner.
DEMONSTRATIVE = re.compile(r"(?<![a-z])(?:ce|cet|cette|this|that)\s+[a-z-]{3,}")
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:jamais|never|pas|not|no|aucune?|rien|ni|guere|nothing|nobody|personne|ne|refus\w*|refused|would not)\b|"
    r"\bn'|n't)(?:\s*[\w']+){0,3}\s*$"
)
_REASSURANCE = re.compile(
    r"(?<![a-z])(?:impeccable|irreprochable|tout (?:est|etait) (?:propre|sterile|nickel|sterilise)|"
    r"respect\w* (?:du|de la|de mon|de ma|of|for)|aucun (?:probleme|souci)|jamais eu (?:de|un|aucun) (?:probleme|souci)|"
    r"no (?:issues?|problems?|concerns?)|toujours (?:des gants|sterilis\w*|tres propre)|always (?:steriliz|wear|use|clean)|"
    r"en toute (?:discretion|confidentialite)|tres discret\w*|tres professionnel\w*|very professional|"
    r"je (?:ne )?(?:pense|crois) pas|i don't think|rumeurs? (?:sont |est )?(?:fausses?|infondees?)|c'est faux|"
    # the writer clears the practice: another cause, a stated policy, a fair practice
    r"n'y (?:est|etait) pour rien|n'a rien a voir|ne l'a (?:pas|jamais) gene|(?:was|is)(?: not|n't) the (?:problem|issue|reason)|"
    r"had nothing to do|(?:c'est|it's|that's) (?:le|la|the) [a-z' ]{2,30}? (?:le probleme|the problem)|pas (?:de )?(?:sa|leur) faute|"
    r"not (?:his|her|their) fault|(?:that's|it's|c'est) (?:their|leur|la) (?:policy|politique|code)|c'est ecrit|it's fair|"
    r"c'est normal|sans probleme|no problem|malgre (?:mon|ma|mes)|which (?:it|they) (?:was|were)|"
    r"ce qui (?:etait|est) (?:bien )?le cas|c'en etait (?:bien )?(?:un|une))"
)
_QUESTION = re.compile(r"\?")
# Acts a negation just before clears (« jamais senti l'alcool », "never touched me"); the
# other fields carry their own negation ("jamais faits", "sans diplôme") or are nouns.
_NEGATABLE = frozenset(
    {
        "SMELL",
        "INTOXICATED",
        "KISS",
        "TOUCH",
        "PHOTO",
        "DIVERT",
        "THEFT",
        "VIOLENCE",
        "REUSE",
        "DISCLOSE",
        "FALSIFY",
        "STRUCK_OFF",
        "SANCTION",
        "UNDRESS",
        "ADVANCES",
        "SIGN",
        "BILL",
        "POSES_AS",
        "FAULT",
        "REFUSAL",
        "HONOUR_HINT",
    }
)
_MARKERS = ("HEARSAY", "EVIDENCE")


@dataclass(frozen=True, slots=True)
class Shape:
    name: str
    domain: str
    fact: str
    all: tuple[str, ...]
    any: tuple[str, ...] = ()
    window: int = 1
    sure: bool = False
    agent: bool = False
    none: tuple[str, ...] = ()
    question: bool = False

    def __post_init__(self) -> None:
        if not self.all:
            raise ValueError(f"forme {self.name} : aucun champ")
        if self.window not in (1, 2):
            raise ValueError(f"forme {self.name} : window doit valoir 1 ou 2")


@dataclass(frozen=True, slots=True)
class Accusation:
    """One sentence (or two) shaped like an accusation; offsets are normalized."""

    shape: Shape
    start: int
    end: int
    hits: tuple[tuple[int, int], ...]
    agent: tuple[int, int] | None  # the named person of the practice, if any
    pronoun: bool
    hearsay: bool
    question: bool
    evidence: bool
    sure: bool


@cache
def _data() -> dict[str, Any]:
    return read_toml(PACKAGE, "accusation.toml")


@cache
def fields() -> dict[str, GatedPattern]:
    out = {}
    for name, body in _data()["fields"].items():
        try:
            # a field ends at a word end: "sent" must not match "sentait"
            out[name] = GatedPattern(f"(?:{body})(?![a-z])")
        except re.error as exc:
            raise ValueError(f"accusation.toml : champ {name} invalide ({exc})") from None
    return out


_AGENT_GATED = GatedPattern(AGENT.pattern)
fields()  # registers every field's literals with the prefilter before its scanner is built


@cache
def shapes() -> tuple[Shape, ...]:
    known = set(fields()) | {"AGENT"}
    out = []
    for entry in _data()["shape"]:
        shape = Shape(
            name=entry["name"],
            domain=entry["domain"],
            fact=entry["fact"],
            all=tuple(entry["all"]),
            any=tuple(entry.get("any", ())),
            window=int(entry.get("window", 1)),
            sure=bool(entry.get("sure", False)),
            agent=bool(entry.get("agent", False)),
            none=tuple(entry.get("none", ())),
            question=bool(entry.get("question", False)),
        )
        unknown = [f for f in (*shape.all, *shape.any, *shape.none) if f not in known]
        if unknown:
            raise ValueError(f"accusation.toml : forme {shape.name}, champ(s) inconnu(s) {unknown}")
        out.append(shape)
    return tuple(out)


class _Matches:
    """Field matches: over the whole text (sentence-gated) for a shape's first field, and
    only inside candidate sentences for the others."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[str, list[tuple[int, int]]] = {}
        self.regions: dict[tuple[str, int, int], list[tuple[int, int]]] = {}

    @staticmethod
    def _pattern(name: str) -> GatedPattern:
        return _AGENT_GATED if name == "AGENT" else fields()[name]

    def of(self, name: str) -> list[tuple[int, int]]:
        found = self.cache.get(name)
        if found is None:
            found = [
                (m.start(), m.end())
                for m in gating.finditer(self._pattern(name), self.text)
                if m.end() > m.start()
            ]
            self.cache[name] = found
        return found

    def within(self, name: str, start: int, end: int) -> list[tuple[int, int]]:
        whole = self.cache.get(name)
        if whole is not None:
            i = bisect.bisect_left(whole, (start, -1))
            out = []
            while i < len(whole) and whole[i][0] < end:
                if whole[i][1] <= end:
                    out.append(whole[i])
                i += 1
            return out
        key = (name, start, end)
        found = self.regions.get(key)
        if found is None:
            regex = self._pattern(name).regex
            found = [
                (m.start(), m.end())
                for m in regex.finditer(self.text, start, end)
                if m.end() > m.start()
            ]
            self.regions[key] = found
        return found


def _denied(text: str, sentence_start: int, hit: tuple[int, int]) -> bool:
    return _NEGATION_BEFORE.search(text, max(sentence_start, hit[0] - 30), hit[0]) is not None


def find(text: str, spans: list[tuple[int, int]]) -> list[Accusation]:
    """Accusation-shaped sentences of the normalized `text` (sentence spans from segment)."""
    matches = _Matches(text)
    starts = [s for s, _ in spans]
    found: dict[tuple[int, str], Accusation] = {}
    for shape in shapes():
        first = matches.of(shape.all[0])
        if not first:
            continue
        sentences = sorted({bisect.bisect_right(starts, s) - 1 for s, _ in first} - {-1})
        for index in sentences:
            windows = [(index, index)]
            if shape.window == 2:
                windows += [(index, index + 1)] if index + 1 < len(spans) else []
                windows += [(index - 1, index)] if index > 0 else []
            for a, b in windows:
                accusation = _read(text, spans, a, b, shape, matches)
                if accusation is None:
                    continue
                key = (a, shape.name)
                if key not in found or (accusation.sure and not found[key].sure):
                    found[key] = accusation
                break
    return sorted(found.values(), key=lambda x: (x.start, not x.sure))


def _read(
    text: str, spans: list[tuple[int, int]], a: int, b: int, shape: Shape, matches: _Matches
) -> Accusation | None:
    start, end = spans[a][0], spans[b][1]
    hits: list[tuple[int, int]] = []
    for name in shape.all:
        within = matches.within(name, start, end)
        if name in _NEGATABLE:
            within = [h for h in within if not _denied(text, start, h)]
        if not within:
            return None
        hits.append(within[0])
    if shape.any and not any(matches.within(name, start, end) for name in shape.any):
        return None
    if any(matches.within(name, start, end) for name in shape.none):
        return None
    if _REASSURANCE.search(text, start, end):
        return None
    if shape.question and _QUESTION.search(text, start, end) is None:
        return None
    # the one who acts: the person named last before the act, not the source of a rumour
    # ("une ancienne employée m'a dit que la Dre Roy signe…")
    told_by = matches.within("HEARSAY", start, end)
    agents = [
        a
        for a in matches.within("AGENT", start, end)
        if not any(h0 <= a[0] < h1 for h0, h1 in told_by)
    ]
    first_act = min(h[0] for h in hits)
    before = [a for a in agents if a[0] < first_act]
    agent = before[-1] if before else (agents[0] if agents else None)
    pronoun = agent is None and (
        PRONOUN.search(text, start, end) is not None
        or DEMONSTRATIVE.search(text, start, end) is not None
    )
    if shape.agent and agent is None and not pronoun:
        return None
    hearsay = bool(matches.within("HEARSAY", start, end))
    question = _QUESTION.search(text, start, end) is not None
    evidence = bool(matches.within("EVIDENCE", start, end))
    someone = agent is not None or pronoun
    sure = shape.sure and (someone or not shape.agent)
    if not shape.sure and someone and (hearsay or question or evidence):
        sure = True  # a candidate act, reported, asked or backed by the writer's evidence
    return Accusation(
        shape, start, end, tuple(sorted(hits)), agent, pronoun, hearsay, question, evidence, sure
    )


def mode(accusation: Accusation) -> str:
    """How the fact is put: stated, reported, asked, backed by evidence (French)."""
    if accusation.hearsay:
        return "sous une forme dubitative ou rapportée (rumeur, témoignage d'un tiers), qui reste une imputation"
    if accusation.question:
        return "sous forme de question, qui reste une imputation"
    if accusation.evidence:
        return "affirmé avec une preuve ou un témoignage invoqué"
    return "affirmé comme un fait"
