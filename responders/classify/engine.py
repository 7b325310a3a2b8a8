"""The rules engine: sentences, rule hits, passages, and the review's label.

A review gets the most serious label among its passages (defamation > insult > criticism >
praise). An insult in the same sentence as a defamatory fact is absorbed into the defamation
passage. Without defamation or insult, criticism and praise are weighed from the opinion cues
of each sentence and the star rating, which is one signal among others.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from responders.classify import gating, lexicon, structure
from responders.classify.accusation import Accusation
from responders.classify.rules import (
    DEFAULT_RULES,
    LexiconRule,
    OpinionRule,
    PatternRule,
    Rule,
)
from responders.classify.segment import sentences
from responders.evidence import Passage
from responders.text.chars import Normalized, normalize
from responders.text.linear import LinearModel
from responders.vocabulary import Label, Qualification

ENGINE_VERSION = "rules-4"
SEVERITY: dict[str, int] = {
    Label.PRAISE: 0,
    Label.CRITICISM: 1,
    Label.INSULT: 2,
    Label.DEFAMATION: 3,
}
LAWYER_NOTE = "Qualification proposée, à valider par un avocat."
UNCERTAIN_NOTE = "Qualification incertaine"
# Star rating as a prior on opinion: strong at the ends, weak in the middle.
RATING_PRIOR = {1: -3.0, 2: -2.0, 3: -0.5, 4: 1.5, 5: 2.5}
_ACCOUNT_WORDS = 8
# Irony markers: with any negative cue, the praise words of the review are not meant.
_SARCASM = re.compile(
    "[\U0001f643\U0001f644\U0001f612\U0001f921\U0001f611\U0001f44f\U0001f602\U0001f923]"
    "|\\b(?:ironie|sarcasme|lol|mdr|oh (?:great|super|genial|wow)|ah (?:super|genial|bravo)|"
    "bravo pour (?:avoir|le|la|les|l')|i guess|j'imagine|comme d'hab(?:itude)?|ou pas|"
    "si vous aimez|si vous adorez|if you (?:enjoy|like|love)|quelle efficacite|what a treat)\\b"
    "|\\bnot[.!]|\\bnot\\s*$",
    re.IGNORECASE,
)
# A closing "Bravo vraiment." after a clearly bad account is ironic; a sincere cheer follows
# praise, so it only counts with real negative evidence (see _decide).
_IRONIC_CHEER = re.compile(r"\bbravo,?\s+vraiment\s*(?:[.!]|$)|\bvraiment,?\s+bravo\s*(?:[.!]|$)")
# "J'ai mis 1 étoile par erreur", "meant to give 5 stars": the stars say nothing.
_RATING_MISTAKE = re.compile(
    r"\b(?:par erreur|par megarde|sans faire expres|je voulais (?:mettre|donner)|voulu (?:mettre|donner)|"
    r"en voulant (?:mettre|donner)|by mistake|meant to (?:give|put|leave)|wrong (?:star|rating)|misclick\w*|"
    # the writer explains the stars by something else ("je mets 2 étoiles parce que le parking…")
    r"(?:je|j')\s*(?:mets|met|donne|laisse|ai mis|ai donne)\s+(?:\w+\s+){0,2}?(?:etoiles?|stars?)\s+"
    r"(?:\w+\s+)?(?:car|parce|pour|a cause|because|since|only because)|"
    r"(?:i(?:'m| am)? (?:giving|gave|give|leave|left))\s+(?:\w+\s+){0,2}?stars?\s+(?:\w+\s+)?(?:because|since|for)|"
    # the complaint is about someone else than the practice ("c'est la RAMQ le problème, pas lui")
    r"pas (?:de )?(?:sa|leur) faute|not (?:his|her|their) fault|"
    r"c'est (?:le systeme|la ramq|la secu|le gouvernement|la mutuelle|l'assurance|le ministere)|"
    # the stars are given to the health system, not to the practice ("Une étoile pour la RAMQ")
    r"(?:une?|one|1|deux|two|2)\s+(?:etoiles?|stars?)\s+(?:\w+\s+)?(?:pour|goes to|go to|is for|are for|for)\s+"
    r"(?:le |la |l'|the |les |our )?(?:systeme|secu|ramq|cpam|mutuelle|gouvernement|government|ministere|"
    r"health(?:care)? system|quebec health|system|province|gmf|guichet|hopital|urgences?|er\b|parking|stationnement)|"
    r"(?:le |the )(?:systeme de sante|health ?care system|health system)\s+(?:est|is|was|etait)|"
    r"that's the er everywhere|c'est (?:pareil|comme ca) (?:partout|dans toutes les urgences)|"
    r"(?:le|the) (?:probleme|problem),? (?:c'est )?pas (?:lui|elle|eux|le (?:docteur|medecin|dentiste)))"
)
# Neutral wording that counts as (neutral) praise: « RAS », « correct », "fine", "5/5", 👍.
_NEUTRAL = re.compile(
    r"\b(?:ras|r\.a\.s|rien a (?:signaler|dire|redire)|correcte?s?|ok|okay|fine|bien|bon|bonne|normal|standard|"
    r"nothing (?:special|wrong|to (?:say|report))|as expected|comme prevu|pas mal|merci|thanks?|[3-5]\s*/\s*5|"
    r"\d+\s*/\s*10)\b|[\u2705\u2714\U0001F44D\U0001F44C\U0001F642\U0001F600-\U0001F60D\u2764\u2B50\U0001F31F\U0001F929\U0001F970\U0001F64F]"
)
_NEGATED_EVENT = re.compile(
    r"\b(?:ne|n')\s*(?:[\w']+\s+){0,2}?(?:pas|jamais|rien|plus|aucune?|guere)\b"
    r"|\b(?:never|didn't|did not|doesn't|does not|wasn't|won't|couldn't|no one|nobody)\b"
)
# Clause breaks inside a sentence; "et" is kept inside (one fact often spans "X et Y").
_CLAUSE_BREAK = re.compile(
    r"\s*[,;:…]\s*|\s+-\s+|\s+(?:mais|but|sauf que|however|par contre|cependant)\s+"
)
# A clause that carries on the same account ("…, il titubait", "…, ça m'a donné un abcès").
_CONTINUATION = re.compile(
    r"(?:il|elle|ils|elles|ca|c'|ce|pis|et|qui|que|qu'|donc|he|she|they|it|and|which|so)\b|\w+ant\b"
)
_HEDGES = re.compile(
    r"(?<![a-z])(?:" + "|".join(re.escape(h) for h in lexicon.terms("hedges.txt")) + r")(?![a-z])"
)


@dataclass(frozen=True, slots=True)
class ClassificationResult:
    label: Label
    confidence: float
    passages: list[Passage] = field(default_factory=list)
    engine: str = "rules"
    version: str = ENGINE_VERSION
    # The engine could not clear the review as lawful: a person must look (« à vérifier »).
    check: bool = False
    check_reason: str | None = None

    def to_dict(self, id: Any = None) -> dict[str, Any]:  # noqa: A002 - the contract's field name
        out: dict[str, Any] = {
            "id": id,
            "label": self.label,
            "confidence": round(self.confidence, 3),
            "passages": [p.to_dict() for p in self.passages],
            "check": self.check,
        }
        if self.check:
            out["check_reason"] = self.check_reason
        return out


@dataclass
class _Sentence:
    span: tuple[int, int]
    defamation: list[tuple[PatternRule, int, int]] = field(default_factory=list)
    # lexicon rules, or the frames of `contempt` (structure.Evidence): both have a name,
    # an explanation and a confidence
    insult: list[tuple[LexiconRule | structure.Evidence, int, int]] = field(default_factory=list)
    # sentences shaped like an accusation (see accusation.py): sure ones, and candidates
    imputations: list[Accusation] = field(default_factory=list)
    candidates: list[Accusation] = field(default_factory=list)
    uncertain: list[tuple[PatternRule, int, int]] = field(default_factory=list)
    score: float = 0.0
    negative: float = 0.0
    positive: float = 0.0


def _quote(doc: Normalized, start: int, end: int) -> str:
    s, e = doc.span(start, end)
    return doc.original[s:e]


def _clauses(doc: Normalized, span: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    start = span[0]
    for match in _CLAUSE_BREAK.finditer(doc.text, span[0], span[1]):
        if match.start() > start:
            out.append((start, match.start()))
        start = match.end()
    if span[1] > start:
        out.append((start, span[1]))
    return out or [span]


def _narrow(doc: Normalized, span: tuple[int, int], hits: list[tuple[int, int]]) -> tuple[int, int]:
    """The shortest run of clauses holding every hit, with a hedge clause just before it kept
    ("D'après une ancienne assistante, le dentiste frappe…")."""
    if not hits:
        return span
    clauses = _clauses(doc, span)
    first = min(i for i, (s, e) in enumerate(clauses) if any(hs < e and s < he for hs, he in hits))
    last = max(i for i, (s, e) in enumerate(clauses) if any(hs < e and s < he for hs, he in hits))
    if first > 0 and _HEDGES.search(doc.text, *clauses[first - 1]):
        first -= 1
    while last + 1 < len(clauses) and _CONTINUATION.match(doc.text, clauses[last + 1][0]):
        last += 1
    start = min(clauses[first][0], min(h for h, _ in hits))
    end = max(clauses[last][1], max(e for _, e in hits))
    while end > start and doc.text[end - 1] in " ,;:-":
        end -= 1
    return start, end


def _passage(
    doc: Normalized,
    sentence: _Sentence,
    qualification: Qualification,
    rule: str,
    explanation: str,
    hits: list[tuple[int, int]] | None = None,
) -> Passage:
    start, end = _narrow(doc, sentence.span, hits or [])
    s, e = doc.span(start, end)
    text = doc.original[s:e]
    # keep the passage verbatim but without surrounding blanks
    s += len(text) - len(text.lstrip())
    e -= len(text) - len(text.rstrip())
    return Passage(s, e, doc.original[s:e], qualification, rule, explanation)


def _defamation_passage(doc: Normalized, sentence: _Sentence) -> tuple[Passage, float]:
    rule, start, end = max(sentence.defamation, key=lambda hit: hit[0].confidence)
    parts = [rule.explanation, f"Passage en cause : « {_quote(doc, start, end)} »."]
    confidence = rule.confidence
    if _HEDGES.search(doc.text, *sentence.span):
        parts.append(
            "La forme dubitative ou rapportée (« il paraît », « je me demande »…) reste une imputation."
        )
        confidence -= 0.05
    if sentence.insult:
        words = ", ".join(f"« {_quote(doc, s, e)} »" for _, s, e in sentence.insult)
        parts.append(
            f"Le terme outrageant {words} est indissociable du fait imputé : absorbé dans la diffamation."
        )
    if len({r.name for r, _, _ in sentence.defamation}) > 1:
        confidence += 0.05
    parts.append(LAWYER_NOTE)
    hits = [(s, e) for _, s, e in sentence.defamation] + [(s, e) for _, s, e in sentence.insult]
    return _passage(doc, sentence, Qualification.DEFAMATION, rule.name, " ".join(parts), hits), min(
        confidence, 0.97
    )


def _insult_passage(doc: Normalized, sentence: _Sentence) -> tuple[Passage, float]:
    rule, _, _ = max(sentence.insult, key=lambda hit: hit[0].confidence)
    words = ", ".join(f"« {_quote(doc, s, e)} »" for _, s, e in sentence.insult)
    explanation = f"{rule.explanation} Terme(s) : {words}. {LAWYER_NOTE}"
    hits = [(s, e) for _, s, e in sentence.insult]
    return _passage(
        doc, sentence, Qualification.INSULT, rule.name, explanation, hits
    ), rule.confidence


def _criticism_passage(doc: Normalized, sentence: _Sentence) -> Passage:
    if sentence.uncertain:
        rule, start, end = sentence.uncertain[0]
        explanation = (
            f"{rule.explanation} Passage : « {_quote(doc, start, end)} ». "
            f"{UNCERTAIN_NOTE} : critique ou dénigrement selon les preuves (C. civ. art. 1240)."
        )
        return _passage(doc, sentence, Qualification.CRITICISM, rule.name, explanation)
    explanation = (
        "Opinion négative de l'auteur sur sa propre expérience (attente, prix, attitude, douleur, "
        "résultat) : critique licite, même sévère."
    )
    return _passage(doc, sentence, Qualification.CRITICISM, "criticism.opinion", explanation)


def classify_text(
    text: str,
    rating: int | None = None,
    rules: tuple[Rule, ...] = DEFAULT_RULES,
    *,
    learned: bool = True,
) -> ClassificationResult:
    """Rules, then (with `learned`) the learned model's doubts; see `_learned_check`."""
    rating = rating if isinstance(rating, int) and 1 <= rating <= 5 else None
    if not text or not text.strip():
        return _from_rating(rating)
    doc = normalize(text)
    spans = sentences(doc.text)
    if not spans:
        return _from_rating(rating)
    starts = [s for s, _ in spans]
    table = [_Sentence(span) for span in spans]
    present = gating.prepare(doc.text, spans).present  # once per review, handed to every rule
    for rule in rules:
        for start, end, weight in rule.find(doc.text, present):
            index = bisect.bisect_right(starts, start) - 1
            if index < 0 or start >= spans[index][1]:
                continue
            sentence = table[index]
            if rule.invalidate(doc.text, sentence.span, start, end):
                continue
            if isinstance(rule, OpinionRule):
                value = rule.adjust(doc.text, sentence.span, start, end, weight)
                sentence.score += value
                if value < 0:
                    sentence.negative -= value
                else:
                    sentence.positive += value
            elif isinstance(rule, PatternRule) and rule.qualification == Label.DEFAMATION:
                sentence.defamation.append((rule, start, end))
            elif isinstance(rule, LexiconRule):
                sentence.insult.append((rule, start, end))
            elif isinstance(rule, PatternRule):
                sentence.uncertain.append((rule, start, end))
    found = structure.read(doc, spans)
    for index in found.denied:
        table[index].insult.clear()  # a contempt word reported and denied by the writer
    for index, hits in found.insults.items():
        known = table[index].insult
        known.extend(h for h in hits if not any(h[1] < e and s < h[2] for _, s, e in known))
    for index, items in found.imputations.items():
        table[index].imputations.extend(items)
    for index, items in found.candidates.items():
        table[index].candidates.extend(items)
    for sentence in table:
        # An account with a negated event and no opinion word ("il ne m'a jamais rappelée")
        # leans negative, lightly.
        if (
            not sentence.positive
            and not sentence.negative
            and _NEGATED_EVENT.search(doc.text, *sentence.span)
        ):
            sentence.negative += 0.8
            sentence.score -= 0.8
    result = _decide(doc, table, rating)
    result = _with_check(doc, table, found, result)
    return _learned_check(doc, table, result) if learned else result


def _imputation_passage(doc: Normalized, sentence: _Sentence) -> tuple[Passage, float]:
    """A defamation passage from the sentence's structure, explained by what was found."""
    item = max(
        sentence.imputations,
        key=lambda a: (a.agent is not None, len(a.shape.all), a.evidence, -a.start),
    )
    others = [a for a in sentence.imputations if a is not item]
    explanation = f"{structure.explanation(doc, item, sentence.insult, others)} {LAWYER_NOTE}"
    hits = list(item.hits) + [(s, e) for _, s, e in sentence.insult if item.start <= s < item.end]
    hits += [(s, e) for _, s, e in sentence.defamation]
    if item.agent is not None:
        hits.append(item.agent)
    confidence = structure.confidence(item)
    name = f"defamation.{item.shape.name}"
    if sentence.defamation:
        # a listed pattern concurs: it names the rule, the structure names the fact
        rule = max(sentence.defamation, key=lambda hit: hit[0].confidence)[0]
        name = rule.name
        confidence = max(confidence, rule.confidence)
    scope = _Sentence((min(item.start, sentence.span[0]), max(item.end, sentence.span[1])))
    return _passage(doc, scope, Qualification.DEFAMATION, name, explanation, hits), min(
        confidence, 0.97
    )


def _with_check(
    doc: Normalized, table: list[_Sentence], found: structure.Findings, result: ClassificationResult
) -> ClassificationResult:
    """Mark the review « à vérifier » when something more serious than its label was found
    and not settled: an accusation-shaped sentence, or contempt aimed at a person."""
    covered = sorted(
        (p.start, p.end) for p in result.passages if p.qualification in ("defamation", "insult")
    )
    starts = [s for s, _ in covered]

    def settled(start: int, end: int) -> bool:
        s, e = doc.span(start, end)
        i = bisect.bisect_left(starts, e)  # passages starting before the end; they do not overlap
        return any(covered[j][1] > s for j in range(max(0, i - 3), i))

    reasons: list[str] = []
    if result.label != "defamation":
        for sentence in table:
            for item in sentence.candidates:
                if not settled(item.start, item.end):
                    reasons.append(structure.check_reason(doc, item))
    if SEVERITY[result.label] < SEVERITY["insult"]:
        for frames in found.doubts.values():
            reasons.extend(
                structure.doubt_reason(doc, f) for f in frames if not settled(f.start, f.end)
            )
    if not reasons:
        return result
    reason = "; ".join(dict.fromkeys(reasons))
    return ClassificationResult(
        result.label,
        result.confidence,
        result.passages,
        result.engine,
        result.version,
        True,
        reason,
    )


@cache
def check_model() -> LinearModel:
    return LinearModel.load("responders.classify", "check_model.json")


# Sentences this long are quoted by their start: the reason is read on a card.
_QUOTE_CHARS = 160


def _learned_check(
    doc: Normalized, table: list[_Sentence], result: ClassificationResult
) -> ClassificationResult:
    """A lawful label the learned model doubts is « à vérifier »; the label never changes.

    The rules name the accusations and the contempt they recognise; a stranger phrases them in
    other words. A linear model trained on reviews labelled by several independent authors
    scores the whole review; above its threshold a person must look, and the reason quotes the
    sentence it finds most like an insult or a defamation. It does not relabel: on lawful
    look-alikes built on the same vocabulary (« l'aiguille était neuve », « médecin hautain,
    à fuir ») it is wrong too often for a label a lawyer reads.
    """
    if result.check or SEVERITY[result.label] >= SEVERITY["insult"]:
        return result
    model = check_model()
    if model.score(doc.original) < model.threshold:
        return result
    best = max(table, key=lambda t: model.score(doc.text[t.span[0] : t.span[1]]))
    quoted = _quote(doc, *best.span).strip()
    if len(quoted) > _QUOTE_CHARS:
        quoted = quoted[:_QUOTE_CHARS].rstrip() + "…"
    reason = (
        f"formulation proche d'injures ou de diffamations déjà qualifiées, surtout « {quoted} » "
        "(modèle appris sur des avis étiquetés) : injure ou diffamation possible"
    )
    return replace(result, check=True, check_reason=reason)


def _decide(doc: Normalized, table: list[_Sentence], rating: int | None) -> ClassificationResult:
    passages: list[Passage] = []
    serious: list[tuple[Label, float]] = []
    for sentence in table:
        if sentence.imputations:
            # the explanation names the fact the structure found, whatever pattern also matched
            passage, confidence = _imputation_passage(doc, sentence)
        elif sentence.defamation:
            passage, confidence = _defamation_passage(doc, sentence)
        elif sentence.insult:
            passage, confidence = _insult_passage(doc, sentence)
        else:
            continue
        passages.append(passage)
        serious.append((Label(passage.qualification), confidence))

    # Opinion: each sentence's balance, with sarcasm damped (praise words inside a clearly
    # negative sentence do not count) and the rating as a prior.
    negative = sum(s.negative for s in table)
    sarcastic = bool(negative) and bool(_SARCASM.search(doc.original) or _SARCASM.search(doc.text))
    sarcastic = sarcastic or (negative >= 2 and _IRONIC_CHEER.search(doc.text) is not None)
    if sarcastic:
        positive = 0.0  # praise words in an ironic review are not meant
    else:
        positive = sum(s.positive for s in table if s.negative < 2 or s.positive < s.negative)
    prior = RATING_PRIOR.get(rating, 0.0) if rating is not None else 0.0
    if sarcastic or _RATING_MISTAKE.search(doc.text):
        prior = 0.0  # the stars are meant ironically, or explained away
    evidence = positive + negative
    if evidence >= 6:
        prior *= 0.5
    balance = positive - negative + prior
    if rating is None and not evidence and len(doc.text.split()) >= _ACCOUNT_WORDS:
        # No opinion word and no stars: praise nearly always says so ("merci", "top",
        # "je recommande"); a plain account of what happened is most often a complaint.
        balance = -0.5
    uncertain = any(s.uncertain for s in table)
    opinion: Label = Label.CRITICISM if balance < 0 or (uncertain and balance < 2) else Label.PRAISE
    if (
        opinion == Label.PRAISE
        and not positive
        and (rating is None or rating <= 3)
        and not _NEUTRAL.search(doc.text)
    ):
        # praise needs evidence: no positive or neutral word and no good rating is no praise
        opinion = Label.CRITICISM

    for sentence in table:
        if sentence.defamation or sentence.insult or sentence.imputations:
            continue
        if sentence.uncertain or (opinion == Label.CRITICISM and sentence.score < 0):
            passages.append(_criticism_passage(doc, sentence))
    passages.sort(key=lambda p: p.start)

    if serious:
        label, confidence = max(serious, key=lambda item: (SEVERITY[item[0]], item[1]))
        return ClassificationResult(label, round(confidence, 3), passages)
    margin = abs(balance)
    confidence = 0.5 + min(0.45, margin * 0.06)
    if uncertain and opinion == Label.CRITICISM:
        confidence = min(confidence, 0.6)
    return ClassificationResult(opinion, round(confidence, 3), passages)


def _from_rating(rating: int | None) -> ClassificationResult:
    """A review without text: the rating alone; no rating at all is a neutral (praise) review."""
    if rating is None:
        return ClassificationResult(Label.PRAISE, 0.5, [])
    if rating <= 2:
        return ClassificationResult(Label.CRITICISM, 0.7 if rating == 1 else 0.6, [])
    return ClassificationResult(Label.PRAISE, 0.7 if rating >= 4 else 0.55, [])
