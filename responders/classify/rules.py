"""The classifier's rules: small declarative objects built from the data files, one registry.

A rule finds spans in the normalized text (`find`) and may veto one of them in its sentence
(`invalidate`, the rule's own exclusions). The engine turns surviving spans into passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from responders.classify import gating, lexicon
from responders.classify.contempt import MODIFIERS
from responders.text.literals import GatedPattern, literals_in
from responders.vocabulary import Label

Span = tuple[int, int, float]  # normalized start, end, weight


@dataclass(frozen=True)
class Rule:
    name: str
    qualification: Label
    explanation: str

    def find(
        self, text: str, present: frozenset[str] | None = None
    ) -> list[Span]:  # pragma: no cover - interface
        """Spans of `text`; `present` is `literals_in(text)`, computed once per review."""
        raise NotImplementedError

    def invalidate(self, text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
        return False


def _compile(patterns: tuple[str, ...], name: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns))
    except re.error as exc:
        raise ValueError(f"règle {name} : motif invalide ({exc})") from None


@dataclass(frozen=True)
class PatternRule(Rule):
    """Imputation patterns: a precise fact (defamation) or a weak one (uncertain criticism)."""

    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    confidence: float = 0.85
    uncertain: bool = False
    _gated: tuple[GatedPattern, ...] = field(default=(), init=False, repr=False, compare=False)
    _exclude: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.patterns:
            raise ValueError(f"règle {self.name} : aucun motif")
        _compile(self.patterns, self.name)  # validates every pattern with a readable error
        object.__setattr__(self, "_gated", tuple(GatedPattern(p) for p in self.patterns))
        object.__setattr__(self, "_exclude", _compile(self.exclude, self.name))

    def find(self, text: str, present: frozenset[str] | None = None) -> list[Span]:
        if present is None:
            present = literals_in(text)
        spans: list[Span] = []
        for pattern in self._gated:
            if pattern.literals is not None and pattern.literals.isdisjoint(present):
                continue
            spans.extend(
                (m.start(), m.end(), 1.0)
                for m in gating.finditer(pattern, text)
                if m.end() > m.start()
            )
        return spans

    def invalidate(self, text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
        if self._exclude is None:
            return False
        return self._exclude.search(text, sentence[0], sentence[1]) is not None


_REPEAT = re.compile(r"([a-z])\1{2,}")
_TOKEN = re.compile(r"[a-z][a-z*]*")
_SUFFIXES = ("", "s", "e", "es", "x", "ne", "nes")
# Words that may stand between the context and the epithet: "un vrai boucher", "a miserable
# witch". A closed list: "un effet pervers" is not an epithet.
_FILLER = (
    r"(?:vrai|vraie|vrais|vraies|veritable|veritables|gros|grosse|sale|pauvre|vieux|vieille|petit|"
    r"petite|sacre|sacree|maudit|maudite|fieffe|fieffee|parfait|parfaite|beau|belle|franc|fichu|"
    r"foutu|foutue|pur|pure|total|totale|complet|immense|dentiste|medecin|docteur|doc|docteure|"
    r"secretaire|chirurgien|infirmiere|assistante|real|total|complete|fucking|big|old|damn|"
    r"miserable|stupid|arrogant|condescending|incompetent|lazy|greedy|useless|little|absolute|"
    r"utter|true|pathetic|dumb|rude|bloody|incompetente|arrogante|pretentieux|pretentieuse|"
    r"prétentieux|grande|grand|ostie|esti|criss|de|"
    # a censored swear word is an intensifier: "a f*cking idiot"
    r"[a-z]*\*+[a-z]*|" + "|".join(sorted(set(MODIFIERS), key=len, reverse=True)) + r")"
    # the modifiers the contempt frames know: "a pompous prick", "une vieille peau aigrie"
)
_HEAD_QUALIFIER = re.compile(
    _FILLER + r"|(?:medecin|dentiste|docteur|doc|secretaire|receptionniste|infirmiere?|chirurgien|"
    r"doctor|dentist|nurse|receptionist|surgeon|incompetent|incompetente|useless|arrogant|arrogante)"
)
# Words before an epithet that make it aimed at someone: "un boucher", "espèce d'imbécile".
_EPITHET_CONTEXT = re.compile(
    r"(?:\b(?:un|une|ce|cet|cette|ces|quel|quelle|quels|quelles|espece de|espece d'|bande de|"
    # Québec: « c't'un », « mon gros », « ma grosse » before an epithet
    r"c't'un|c't'une|ct'un|cte|mon gros|ma grosse|mon ostie de|"
    r"bande d'|gang de|gang d'|tas de|t'es|tu es|vous etes|(?:esti|estie|osti|ostie|hostie|sti|stie|asti|astie|criss|"
    r"crisse|calisse|calice|tabarnak|maudit|maudite|sacre|sacree)\s*(?:de|d')|maudit|maudite|"
    r"gros|grosse|gros\s+gros|sale|pauvre|vieux|vieille|vieil|petit|petite|"
    r"medecin|dentiste|docteur|doctoresse|doc|secretaire|receptionniste|praticien|praticienne|"
    r"chirurgien|orthodontiste|infirmier|infirmiere|assistante|hygieniste|"
    r"such a|a|an|you|you're|what a|this|that|total|complete|real|doctor|dentist|"
    r"(?:et|and|ou|or|pis)\s+(?:de|d'|des)?|(?:dr|dre|docteur|doctoresse|doc)\.?\s+[a-z]+\s*[,:=-]+|"
    r"(?:bunch|band|gang|pack|herd) of|"
    # superlatives: "le plus abruti que j'ai croisé", "the biggest idiot I've met"
    r"(?:le|la|les|the)\s+plus(?:\s+(?:gros|grosse|grand|grande|gros gros))?|(?:the\s+)?(?:biggest|worst|greatest)|"
    r"(?:le|la|les)\s+pires?|(?:ce sont|c'est|sont|etaient|are|were|are all|were all)\s+(?:des|de|d'|tous des|toutes des|just|such|all)?|"
    r"receptionist|nurse|surgeon|hygienist)\s*[=:\-]*\s*"
    r"(?:" + _FILLER + r"\s+)?)$"
)
# A filler word is allowed between context and epithet ("un vrai boucher", "a miserable
# witch"), except for terms that are also plain judgements ("un dentiste nul" is criticism).
_DIRECT_CONTEXT = re.compile(
    r"(?:\b(?:un|une|ce|cet|cette|quel|quelle|espece de|espece d'|bande de|bande d'|gang de|gang d'|"
    r"t'es|tu es|gros|grosse|sale|"
    r"pauvre|vieux|vieille|(?:esti|estie|osti|ostie|sti|stie|asti|astie|criss|crisse|calisse|maudit)\s*(?:de|d'))\s*"
    # an intensifier may follow ("un vrai minable", "une parfaite incapable"), not a noun:
    # "un dentiste nul" stays a judgement
    r"(?:(?:vrai|vraie|vrais|vraies|veritable|veritables|parfait|parfaite|beau|belle|sacre|sacree|fieffe|fieffee|"
    r"pauvre|gros|grosse|sale)\s+)?)$"
)
_AIMED_AFTER = re.compile(
    r"\s+(?:de|d')\s*(?:dentiste|medecin|docteur|doc|doctoresse|secretaire|receptionniste|chirurgien|"
    r"chirurgienne|infirmier|infirmiere|hygieniste|praticien|praticienne|toubib|orthodontiste|assistante?|"
    r"denturologiste|pharmacien|pharmacienne|veterinaire)s?\b"
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:qui|que|qu|et|comme|pis|de|d|du|des|a|au|aux|en|dans|sur|avec|pour|par|sans|mais|ou|"
    r"quand|tu|il|elle|vraiment|fini|finie|total|la|le|les|un|une|the|and|who|as|in|with|but|is|was)\b)[a-z]"
)
# "Voleurs ! 45 € pour 3 minutes" is an opinion on the price paid, not an epithet.
_PRICE = re.compile(
    r"\d+\s*(?:€|\$|euros?|dollars?|balles)|€|\$|\b(?:prix|tarifs?|cher|chers|chere|factur\w*|"
    r"honoraires|payer|paye|payes|depassements?|devis|price|prices|charged|expensive|fees?)\b"
)
# "ce n'est pas un charlatan", "loin d'être un boucher", "il m'a traité de con": not an insult
# of the practitioner by the writer.
_INSULT_CANCEL = re.compile(
    r"(?:(?:\bpas|\bjamais|\bnot|\bnever|n't|\bno|(?<!le )(?<!la )(?<!les )\bplus)\s+(?:du tout\s+|vraiment\s+|meme\s+)?"
    r"(?:(?:un|une|du|de|d'|a|an)\s*)?(?:vrai|vraie|real|total)?\s*"
    r"|(?:loin d'etre|rien d'|rien de)\s*(?:un|une)?\s*"
    r"|(?:traite\w*|qualifie\w*|appele\w*|insulte\w*)\s+(?:de\s+|d'|en\s+)(?:(?:sale|gros|grosse|pauvre|vieille?|vieux)\s+)?"
    r"|called (?:me|us|my \w+|her|him)\s+(?:a\s+|an\s+)?"
    # "il m'a pris pour une idiote", "treated me like an idiot": how the writer was treated
    r"|(?:pris|prend|prenait|prennent|prendre)\s+pour\s+(?:un|une|des)?\s*"
    r"|(?:traite\w*|considere\w*)\s+(?:comme|en)\s+(?:un|une|des)?\s*"
    r"|(?:treated|treats|treat|talked to|talks to|spoke to|looked at)\s+(?:me|us|her|him|them)\s+(?:like|as)\s+(?:a|an)?\s*"
    r"|(?:made|make|makes) (?:me|us) feel like (?:a|an)?\s*)$"
)


@lru_cache(maxsize=4096)
def _spellings(word: str) -> tuple[str, ...]:
    """A word and its unstretched forms: "connnnard" -> "conard", "connard"."""
    if not _REPEAT.search(word):
        return (word,)
    return (_REPEAT.sub(r"\1", word), _REPEAT.sub(r"\1\1", word))


_WORD = re.compile(r"[a-z0-9]+'?")
_GAP_OK = re.compile(r"[\s-]*")


@lru_cache(maxsize=8)
def words(text: str) -> tuple[tuple[str, int, int], ...]:
    """(word, start, end) of each word of a normalized text; shared by the lexicon rules."""
    return tuple((m.group(), m.start(), m.end()) for m in _WORD.finditer(text))


class PhraseIndex:
    """Multi-word phrases matched word by word: much faster than one big alternation."""

    def __init__(self, phrases: dict[str, float], *, stretch: bool = False) -> None:
        self.stretch = stretch
        self.first: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for phrase, value in phrases.items():
            key = tuple(w for w, _, _ in words(phrase)) if phrase else ()
            if not key:
                continue
            self.first.setdefault(key[0], []).append((key, value))
        for candidates in self.first.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def scan(self, text: str) -> list[tuple[int, int, float]]:
        tokens = words(text)
        found: list[tuple[int, int, float]] = []
        stretched = self.stretch and _REPEAT.search(text) is not None

        def forms(word: str) -> tuple[str, ...]:
            return _spellings(word) if stretched else (word,)

        n = len(tokens)
        first = self.first
        for i, (word, start, _) in enumerate(tokens):
            # most words start no phrase: one set lookup, and the stretched spellings only
            # for words that have a repeated letter
            if word not in first and not (stretched and _REPEAT.search(word)):
                continue
            for form in forms(word):
                for key, value in self.first.get(form, ()):
                    size = len(key)
                    if i + size > n:
                        continue
                    ok = True
                    for k in range(1, size):
                        token, token_start, _ = tokens[i + k]
                        previous_end = tokens[i + k - 1][2]
                        if not _GAP_OK.fullmatch(text, previous_end, token_start):
                            ok = False
                            break
                        expected = key[k]
                        if (
                            token != expected
                            and expected not in forms(token)
                            and not (
                                k == size - 1
                                and token in (expected + "s", expected + "e", expected + "es")
                            )
                        ):
                            ok = False
                            break
                    if ok:
                        found.append((start, tokens[i + size - 1][2], value))
        return found


@dataclass(frozen=True)
class LexiconRule(Rule):
    """Outrageous words from a lexicon file; `epithet` ones must be aimed at someone."""

    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    epithet: bool = False
    confidence: float = 0.85
    _words: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)
    _flags: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _gated: tuple[GatedPattern, ...] = field(default=(), init=False, repr=False, compare=False)
    _index: PhraseIndex | None = field(default=None, init=False, repr=False, compare=False)
    _inflected: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.terms and not self.patterns:
            raise ValueError(f"règle {self.name} : lexique vide")
        flags: dict[str, frozenset[str]] = {}
        plain: list[str] = []
        for entry in self.terms:
            term, *marks = entry.split(" !")
            plain.append(term)
            flags[term] = frozenset(marks)
        unknown = {m for marks in flags.values() for m in marks} - {"direct", "price", "adj"}
        if unknown:
            raise ValueError(f"règle {self.name} : marque inconnue {sorted(unknown)}")
        single = frozenset(t for t in plain if re.fullmatch(r"[a-z]+", t))
        phrases = {t: 1.0 for t in plain if not re.fullmatch(r"[a-z]+", t)}
        object.__setattr__(self, "_flags", flags)
        object.__setattr__(self, "_words", single)
        inflected: dict[str, str] = {}
        for term in sorted(single, key=len):
            for suffix in _SUFFIXES:
                inflected.setdefault(term + suffix, term)
        for term in single:  # an exact term always maps to itself
            inflected[term] = term
        object.__setattr__(self, "_inflected", inflected)
        object.__setattr__(self, "_index", PhraseIndex(phrases, stretch=True))
        _compile(self.patterns, self.name)
        object.__setattr__(self, "_gated", tuple(GatedPattern(p) for p in self.patterns))

    def _term_of(self, token: str) -> str | None:
        for word in _spellings(token):
            term = self._inflected.get(word)
            if term is not None:
                return term
        return None

    def _is_term(self, token: str) -> bool:
        if self._term_of(token) is not None:
            return True
        if "*" not in token or token.strip("*") == "":
            return False
        # each star hides one or two letters; the visible letters must all be kept
        mask = re.compile(re.escape(token).replace(r"\*", "[a-z]{1,2}"))
        return any(mask.fullmatch(word) for word in self._inflected if word[0] == token[0])

    def find(self, text: str, present: frozenset[str] | None = None) -> list[Span]:
        stretched = _REPEAT.search(text) is not None
        inflected = self._inflected
        spans: list[Span] = []
        for token, start, _ in words(text):
            word = token.rstrip("'")
            if word in inflected or (stretched and self._term_of(word) is not None):
                spans.append((start, start + len(word), 1.0))
        if "*" in text:  # masked letters ("c*nnard") are not word characters
            spans.extend(
                (m.start(), m.end(), 1.0)
                for m in _TOKEN.finditer(text)
                if "*" in m.group() and self._is_term(m.group())
            )
        if self._index is not None:
            spans.extend(self._index.scan(text))
        for pattern in self._gated:
            spans.extend((m.start(), m.end(), 1.0) for m in gating.finditer(pattern, text, present))
        return spans

    def invalidate(self, text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
        before = text[max(sentence[0], start - 40) : start]
        if _INSULT_CANCEL.search(before):
            return True
        if not self.epithet:
            return False
        marks = self._flags.get(self._term_of(text[start:end]) or "", frozenset())
        if "price" in marks and _PRICE.search(
            text, max(0, sentence[0] - 60), min(len(text), sentence[1] + 120)
        ):
            return True
        if "adj" in marks and _NOUN_AFTER.match(text, end, sentence[1]):
            return True  # an adjective before its noun: "une épaisse couche"
        context = _DIRECT_CONTEXT if "direct" in marks else _EPITHET_CONTEXT
        if context.search(before):
            return False
        if _AIMED_AFTER.match(text, end, sentence[1]) and not text[sentence[0] : start].strip(
            " !?.,;:\"'-"
        ):
            return False
        if "direct" in marks:
            return True  # "Nul." alone is a judgement, "Gros nul" an epithet
        # A short cry is aimed at the practitioner too: "Boucher sadique.", "Incompetent
        # moron.", "Crooks and idiots, the whole lot of them."
        head = text[sentence[0] : start].strip(" !?.,;:\"'-")
        short = len(text[sentence[0] : sentence[1]].split()) <= 5
        if head == "":
            return not (
                short or text[end : end + 12].lstrip().startswith(("et ", "and ", "!", ","))
            )
        # one qualifier before it: "Incompetent moron.", "Boucher sadique." (not "L'équipe demeure")
        return not (short and _HEAD_QUALIFIER.fullmatch(head) is not None) and not (
            short and self._term_of(head) is not None
        )


_NEGATION = re.compile(
    r"(?:\b(?:pas|jamais|sans|aucun|aucune|ni|not|no|never|nothing|rien|ne)\b|\bn'|n't)(?:\s*[\w-]*'|\s+[\w'-]+){0,2}\s*$"
)
_SELF_NEGATED = re.compile(r"(?:pas|jamais|aucune?|sans|rien|plus jamais|meme pas|never|not|no)\b")
_POST_NEGATION = re.compile(r"\s*(?:pas|plus|jamais|pantoute|point|not|at all)\b")
_ATTENUATOR = re.compile(
    r"\b(?:un peu|un brin|legerement|quelque peu|a bit|slightly|a little|somewhat)\s+(?:trop\s+|too\s+)?$"
)
_CONTRAST = re.compile(
    r"\b(?:mais|cependant|par contre|toutefois|neanmoins|pourtant|sauf que|but|however)\b"
)


@dataclass(frozen=True)
class OpinionRule(Rule):
    """Weighted opinion cues: negative weights for criticism, positive for praise.

    A negation just before a cue flips it ("pas déçu", "jamais de retard", "ne recommande").
    """

    negative: tuple[tuple[str, float, bool], ...] = ()
    positive: tuple[tuple[str, float, bool], ...] = ()
    _regexes: tuple[tuple[GatedPattern, float], ...] = field(
        default=(), init=False, repr=False, compare=False
    )
    _index: PhraseIndex | None = field(default=None, init=False, repr=False, compare=False)
    _weights: dict[str, float] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        weights: dict[str, float] = {}
        regexes = []
        for entries, sign in ((self.negative, -1.0), (self.positive, 1.0)):
            for body, weight, is_regex in entries:
                if is_regex:
                    regexes.append((GatedPattern(body), sign * weight))
                else:
                    weights[" ".join(body.split())] = sign * weight
        if not weights:
            raise ValueError(f"règle {self.name} : lexique vide")
        object.__setattr__(self, "_regexes", tuple(regexes))
        object.__setattr__(self, "_index", PhraseIndex(weights))
        object.__setattr__(self, "_weights", weights)

    def find(self, text: str, present: frozenset[str] | None = None) -> list[Span]:
        candidates: list[Span] = []
        for regex, weight in self._regexes:
            candidates.extend(
                (m.start(), m.end(), weight) for m in gating.finditer(regex, text, present)
            )
        assert self._index is not None
        candidates.extend(self._index.scan(text))
        # Overlapping cues: the longest wins ("merci pour les 3 h d'attente" over "merci").
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        spans: list[Span] = []
        taken = bytearray(len(text) + 1)  # characters already covered by a longer cue
        for start, end, weight in candidates:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            spans.append((start, end, weight))
        spans.sort(key=lambda c: (c[0] - c[1], c[0]))
        return [span for span in spans if span[2]]

    @staticmethod
    def adjust(text: str, sentence: tuple[int, int], start: int, end: int, weight: float) -> float:
        """The cue's weight in its sentence: flipped under negation, stronger after "mais"."""
        before = text[max(sentence[0], start - 30) : start]
        negation = _NEGATION.search(before)
        if _SELF_NEGATED.match(text, start):
            negation = None  # "jamais rappelée", "pas à l'écoute" already carry their negation
        # "ne ... que" restricts, it does not negate: "il ne pense qu'à l'argent".
        if negation and not (
            negation.group().lstrip().startswith(("ne", "n'"))
            and (re.search(r"\bqu", negation.group()) or text.startswith("qu", start))
        ):
            weight = -weight * 0.8
        elif weight > 0 and _POST_NEGATION.match(text, end, sentence[1]):
            # Spoken French and Québec drop the "ne": "je recommande pas", "c'est pas fort".
            weight = -weight * 0.8
        if _ATTENUATOR.search(before):
            weight *= 0.5  # "un peu cher", "a bit slow"
        # "compétent mais froid": what follows "mais" carries the opinion.
        if _CONTRAST.search(text, sentence[0], start):
            weight *= 1.4
        elif _CONTRAST.search(text, start, sentence[1]):
            weight *= 0.6
        return weight


def _pattern_rules(file: str, qualification: Label, uncertain: bool) -> tuple[PatternRule, ...]:
    return tuple(
        PatternRule(
            name=entry["name"],
            qualification=qualification,
            explanation=entry["explanation"],
            patterns=entry["patterns"],
            exclude=entry["exclude"],
            confidence=entry["confidence"] or (0.55 if uncertain else 0.85),
            uncertain=uncertain,
        )
        for entry in lexicon.pattern_table(file)
    )


def _insult_patterns() -> tuple[str, ...]:
    return lexicon.terms("insults_patterns.txt")


DEFAULT_RULES: tuple[Rule, ...] = (
    *_pattern_rules("defamation.toml", Label.DEFAMATION, uncertain=False),
    LexiconRule(
        name="insult.lexicon",
        qualification=Label.INSULT,
        explanation="Terme outrageant, obscène ou méprisant visant une personne, sans fait précis : injure.",
        terms=lexicon.terms("insults_strong.txt"),
        patterns=_insult_patterns(),
        confidence=0.9,
    ),
    LexiconRule(
        name="insult.epithet",
        qualification=Label.INSULT,
        explanation="Épithète injurieuse appliquée à une personne, sans fait précis : injure.",
        terms=lexicon.terms("insults_epithet.txt"),
        epithet=True,
        confidence=0.8,
    ),
    *_pattern_rules("denigration.toml", Label.CRITICISM, uncertain=True),
    OpinionRule(
        name="criticism.opinion",
        qualification=Label.CRITICISM,
        explanation="Opinion sur l'expérience vécue (attente, prix, attitude, douleur, résultat).",
        negative=lexicon.weighted("negative.txt"),
        positive=lexicon.weighted("positive.txt"),
    ),
)

RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in DEFAULT_RULES}


def get_rules(names: list[str] | tuple[str, ...] | None = None) -> tuple[Rule, ...]:
    """The named rules (all by default); an unknown name raises."""
    if names is None:
        return DEFAULT_RULES
    unknown = [n for n in names if n not in RULES_BY_NAME]
    if unknown:
        raise ValueError(
            f"Règle(s) inconnue(s) : {', '.join(unknown)}. Connues : {', '.join(RULES_BY_NAME)}."
        )
    return tuple(RULES_BY_NAME[n] for n in names)
