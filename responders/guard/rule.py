"""A guard rule: a small declarative object (name, severity, patterns or lexicon, exclusions).

Patterns are regular expressions written against one of two views of the reply:
- `patterns` match `Normalized.clean`: the words of the reply, lower-case, without accents,
  digits-for-letters decoded, one space between words, punctuation gone
  (« N'avez-vous » -> « n avez vous »);
- `raw_patterns` match `Normalized.folded`: every character kept (digits, €, /, :, @),
  lower-case and without accents, for dates, amounts, links.
Words are bounded automatically. Exclusions are `clean` patterns: a finding lying entirely inside
an exclusion match is dropped (« le traitement de votre demande » is not care).

Each pattern has a name, reported with every finding it produces (`Finding.pattern`): give it
with `Pattern("name", r"...")`; a bare string is named after its view and position
(`words3`: the third `patterns` entry, `raw1`, `case1`). Lexicon findings are named
`lexicon_<source>`, detector findings after the detector function.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from responders.evidence import Finding
from responders.profiles import Profile
from responders.text.literals import required_literals as required
from responders.text.words import Normalized
from responders.vocabulary import Severity

Span = tuple[int, int]
NamedSpan = tuple[int, int, str]
Detector = Callable[["Context"], Iterable[Span]]
Invalidate = Callable[["Context", Span], bool]


@dataclass
class Context:
    """Everything a rule may look at; the review and reviewer name are untrusted data."""

    reply: str
    norm: Normalized
    profile: Profile
    review: str | None = None
    reviewer_name: str | None = None
    correct: Callable[[str], str] | None = None
    _literals: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False)

    def literals(self, text: str) -> frozenset[str]:
        """The required literals present in `text` (a view of this reply), computed once per
        check and kept on this context, never in the module."""
        hit = self._literals.get(text)
        if hit is None:
            hit = self._literals[text] = present_literals(text)
        return hit

    @cached_property
    def common_exclusions(self) -> list[Span]:
        return _spans_of(self, _COMMON)

    @cached_property
    def review_norm(self) -> Normalized | None:
        return Normalized(self.review, self.correct) if self.review else None


def _bounded(pattern: str) -> str:
    return rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One named regular expression of a rule (Presidio's `Pattern`, without a score)."""

    name: str
    regex: str

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.name):
            raise ValueError(f"pattern name {self.name!r}: lower-case letters, digits, underscores")


PatternLike = str | Pattern
# (compiled regex, required literals, pattern name)
Compiled = tuple[re.Pattern[str], frozenset[str] | None, str]


def named(patterns: Iterable[PatternLike], prefix: str) -> tuple[Pattern, ...]:
    """The patterns with their names: bare strings are named `<prefix><position>`."""
    out = tuple(
        p if isinstance(p, Pattern) else Pattern(f"{prefix}{i}", p)
        for i, p in enumerate(patterns, 1)
    )
    names = [p.name for p in out]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"pattern names used twice: {duplicates}")
    return out


# Every required literal of every pattern, indexed by its first three characters, so the
# literals present in a text are found from the text's trigrams.
_BY_TRIGRAM: dict[str, set[str]] = {}


def compile_all(patterns: Iterable[PatternLike], prefix: str = "words") -> tuple[Compiled, ...]:
    out = []
    for p in named(patterns, prefix):
        rx = re.compile(_bounded(p.regex))
        needed = required(p.regex)
        for word in needed or ():
            _BY_TRIGRAM.setdefault(word[:3], set()).add(word)
        out.append((rx, needed, p.name))
    return tuple(out)


def present_literals(text: str) -> frozenset[str]:
    """Required literals of any pattern that occur in `text` (found from its trigrams)."""
    found: set[str] = set()
    for i in range(len(text) - 2):
        for word in _BY_TRIGRAM.get(text[i : i + 3], ()):
            if text.startswith(word, i):
                found.add(word)
    return frozenset(found)


def _scan(
    patterns: tuple[Compiled, ...], text: str, present: frozenset[str]
) -> Iterator[tuple[re.Match[str], str]]:
    for rx, needed, name in patterns:
        # A pattern whose every match contains one of `needed` is skipped when none occurs.
        if needed is None or not needed.isdisjoint(present):
            for match in rx.finditer(text):
                yield match, name


# Near-misses every rule lets through: the policy's own words and the practice's setting.
COMMON_EXCLUSIONS = (
    r"secret (?:medical|professionnel|des soins)",
    r"(?:la )?sante de (?:chacun|tous|toutes et tous)",
    r"(?:notre |l |une |votre )?equipe (?:soignante|medicale|dentaire|de soins)",
    r"(?:le |notre |un |du |au )?(?:cabinet|centre|clinique|pole) (?:dentaire|medical|medicale|de sante|medico dentaire)",
    r"(?:le |notre |un |du |au |la )?(?:cabinet|centre|clinique|pole|service|groupe) (?:d|de) (?:orthodontie|implantologie|parodontie|endodontie|radiologie|imagerie medicale|imagerie|kinesitherapie|physiotherapie|ophtalmologie|cardiologie|dermatologie|pediatrie|gynecologie|osteopathie|podologie|psychologie|medecine [a-z]+|chirurgie [a-z]+|[a-z]+ologie|[a-z]+iatrie)",
    r"(?:professionnels?|etablissements?|services?) de (?:la )?sante",
    # a laboratory is the practice's setting: « le laboratoire est fermé le dimanche »
    r"(?:le |notre |du |au |un |ce |the |our )?(?:laboratoire|labo)(?: d analyses?(?: medicales?)?| de biologie(?: medicale)?| medical| medicale)?(?= (?:est|sera|reste|ferme|ouvre|change|ne|n|a|accueille|dispose|se trouve|is|will|remains))",
    # the building and its machines, not a person: a fault diagnosed on the lines, an electrical
    # incident, a line « en dérangement », operations disrupted by an outage, a fire drill
    r"(?:pose |poser |fait |faire |le |un |du )?diagnostic (?:de la |du |de notre |des |d un |de l )(?:panne|pannes|reseau|ligne|lignes|systeme|standard|probleme technique|informatique|installation|telephone|telephonie)[a-z ]{0,20}",
    r"(?:un |l |cet )?incidents? (?:electrique|electriques|technique|techniques|informatique|informatiques|sur (?:le|la|les|notre|nos) (?:reseau|ligne|lignes|serveur|systeme)[a-z ]{0,20}|de reseau)",
    r"(?:lignes?|telephones?|reseau|service|systeme|standard|ascenseur)(?: [a-z]+){0,2} (?:est |sont |etait |etaient )?en derangement|(?:du|pour le|de ce|ce|le) derangement(?: occasionne| cause)?",
    r"(?:operations?|activities) (?:were|was|are|is|have been|has been) (?:disrupted|interrupted|affected|suspended|slowed)|(?:power|phone|network) (?:outage|cut|failure)s?",
    r"(?:fire|evacuation|safety|emergency) drills?|exercices? (?:d evacuation|d incendie|de securite)",
    # the weather and the premises: « quand il gèle », « nettoyage des planchers », « la radio annonçait du verglas »
    r"(?:il|ca|quand il|quand ca|lorsqu il|lorsque ca|les jours ou il|les jours ou ca|s il) gele(?: dur| fort)?",
    r"nettoyage (?:des|du|de la|de nos|de l) (?:planchers?|vitres|fenetres|tapis|escaliers?|stationnement|trottoirs?|entree|immeuble|batiment)",
    r"(?:la |a la )?radio (?:annoncait|annonce|a annonce|diffuse|diffusait|prevoit|prevoyait)(?: [a-z]+){0,2} (?:verglas|neige|tempete|pluie|meteo|chaussee|circulation|trafic|greve)",
    # an e-mail (« e-mail », « un email ») is no tooth enamel
    r"e mail|(?:un|an|our|your|the|par|by|via|d|l|notre|votre|cet|this|son|leur) email",
    # the practice's setting with a specialty in -métrie or -thérapie: « le service d'optométrie »
    r"(?:le |notre |au |du |la )?(?:cabinet|centre|clinique|service|departement|pole) (?:d|de) (?:[a-z]+metrie|[a-z]+therapie)",
    # effort and rules for everyone: « nous faisons de notre mieux », « c'est la règle pour tout le monde »
    r"(?:faisons|fait|faire|ferons|fera|font|faisait) (?:de notre|de son|de leur|du) mieux",
    r"c est la (?:regle|procedure|politique) (?:pour tout le monde|pour tous|pour chacun|ici|partout|dans toutes)",
    r"(?:a|ont|avait|avaient) cause (?:des|de|du|d) (?:lenteurs?|difficultes|perturbations?|coupures?|pannes?|problemes techniques|retards? de (?:ligne|reponse|connexion))",
    # parking and amenities offered to anyone
    r"(?:stationnement|parking|wifi|wi fi|acces internet)(?: [a-z]+){0,3} (?:est |sont )?(?:gratuit|gratuite|gratuits|gratuites|offert|offerte|free)|(?:free|gratuit|gratuite) (?:parking|stationnement|wifi|wi fi)",
    # a new phone system, not a new dentist
    r"(?:switch|switched|switching|changed|moved|upgraded) (?:over )?to a new (?:phone|telephone|booking|computer|software|voicemail|e mail|email|scheduling) (?:system|provider|line|platform)",
    # streets and places named after a word of care: « rue de la Couronne », « couronne nord »
    r"(?:rue|avenue|boulevard|place|chemin|impasse|allee|cours) (?:de la |du |des |de l )?couronne|couronne (?:nord|sud)",
    r"(?:services?|departements?) (?:d|de) (?:[a-z]+metrie|[a-z]+therapie|[a-z]+ologie|[a-z]+iatrie|orthodontie|radiologie|imagerie)",
    # the practice's setting in English: "our pediatric clinic", "the physiotherapy department"
    r"(?:(?:our|the|a|this) )?(?:pediatric|paediatric|physiotherapy|physio|dental|medical|optometry|eye|orthodontic|dermatology|radiology|imaging|family medicine|walk in|sports medicine|psychiatric|mental health|rehabilitation|rehab|sleep|fertility|women s health|travel health) (?:clinic|clinics|centre|center|office|practice|department|team|front desk|reception|services?)",
    r"(?:clinic|centre|center|department|services?) (?:of|for) (?:pediatrics|physiotherapy|optometry|dermatology|radiology|orthodontics|family medicine|sports medicine)",
    r"(?:nous )?ne (?:pouvons|pourrons|saurions|pouvons pas) (?:ni )?(?:confirmer|infirmer|commenter|divulguer|discuter)[a-z ]{0,60}",
    r"ni (?:de )?confirmer ni (?:d )?infirmer",
    r"vo(?:tre|s) (?:message|messages|avis|commentaire|commentaires|retour|retours|publication|temoignage de mecontentement|demande|demandes|reclamation|courriel|appel)",
    r"(?:(?:pendant|durant|lors|apres|avant|pour|dans) )?(?:le |au |du |l )?(?:traitement|examen|analyse|suivi) (?:de|des|du) (?:votre |vos |la |cette |ces |chaque |toute |toutes |les |tous les )?(?:demande|reclamation|plainte|dossier|message|donnee|requete|avis|commentaire|information|courriel|appel|signalement)s?(?: de reclamation| de plainte)?",
    r"(?:votre |le |un )?dossier de (?:reclamation|plainte|demande)",
    r"protection des donnees(?: personnelles| de sante)?",
    # « whether or not »: the form the policy asks for (« que vous ayez été reçu ou non »)
    r"(?:que|qu|si) (?:[a-z]+ ){0,10}(?:ou non|ou pas|ou jamais)(?: [a-z]+){0,3}",
    r"donnees (?:personnelles|de sante)",
)


@dataclass(frozen=True)
class Rule:
    name: str
    family: str
    severity: Severity
    explanation: str  # French, for clinic staff; « {text} » is replaced by the matched words
    patterns: tuple[PatternLike, ...] = ()
    raw_patterns: tuple[PatternLike, ...] = ()
    case_patterns: tuple[PatternLike, ...] = ()  # on the original text, case kept (names)
    categories: tuple[str, ...] = ()
    exclusions: tuple[PatternLike, ...] = ()
    detector: Detector | None = None
    invalidate: Invalidate | None = None
    description: str = ""  # one line for the dashboard
    # Legal reference appended to the explanation, by profile: "FR-dentiste", then "FR".
    refs: dict[str, str] = field(default_factory=dict, compare=False)
    _compiled: dict[str, tuple[Compiled, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.name):
            raise ValueError(f"rule name {self.name!r}: lower-case letters, digits, underscores")
        if self.severity not in tuple(Severity):
            raise ValueError(f"rule {self.name}: severity must be one of {', '.join(Severity)}")
        if not self.explanation.strip():
            raise ValueError(f"rule {self.name}: a French explanation is required")
        if not (
            self.patterns
            or self.raw_patterns
            or self.case_patterns
            or self.categories
            or self.detector
        ):
            raise ValueError(f"rule {self.name}: needs patterns, a lexicon or a detector")
        try:
            self._compiled["clean"] = compile_all(self.patterns, "words")
            self._compiled["raw"] = compile_all(self.raw_patterns, "raw")
            self._compiled["case"] = tuple(
                (re.compile(p.regex), None, p.name) for p in named(self.case_patterns, "case")
            )
            self._compiled["exclude"] = compile_all(self.exclusions, "exclusion")
            names = [c[2] for kind in ("clean", "raw", "case") for c in self._compiled[kind]]
            if len(set(names)) != len(names):
                raise ValueError(f"rule {self.name}: two patterns share a name")
        except re.error as exc:
            raise ValueError(f"rule {self.name}: bad pattern ({exc})") from None

    # ------------------------------------------------------------------------------------
    @property
    def pattern_names(self) -> tuple[str, ...]:
        """The names of the rule's patterns (the lexicon and detector names are known only
        when they fire)."""
        return tuple(c[2] for kind in ("clean", "raw", "case") for c in self._compiled[kind])

    def spans(self, ctx: Context) -> list[NamedSpan]:
        """(start, end, pattern name) of every hit, before exclusions."""
        norm = ctx.norm
        out: list[NamedSpan] = []
        for m, name in _scan(self._compiled["clean"], norm.clean, ctx.literals(norm.clean)):
            if m.end() > m.start():
                out.append((*norm.clean_span(m.start(), m.end()), name))
        for m, name in _scan(self._compiled["raw"], norm.folded, ctx.literals(norm.folded)):
            if m.end() > m.start():
                out.append((*norm.span(m.start(), m.end()), name))
        for rx, _, name in self._compiled["case"]:
            for m in rx.finditer(ctx.reply):
                g = m.lastindex or 0
                s, e = (m.start(g), m.end(g)) if g else (m.start(), m.end())
                if e > s:
                    out.append((s, e, name))
        if self.categories:
            for match in lexicon_matches(ctx):
                if match.entry.category in self.categories:
                    out.append(
                        (
                            norm.tokens[match.first].start,
                            norm.tokens[match.last - 1].end,
                            _lexicon_name(match.entry.source),
                        )
                    )
        if self.detector is not None:
            name = detector_name(self.detector)
            out.extend((s, e, name) for s, e in self.detector(ctx))
        return out

    def _explain(self, ctx: Context, text: str) -> str:
        out = self.explanation.replace("{text}", _short(text))
        profile = ctx.profile
        ref = self.refs.get(f"{profile.jurisdiction}-{profile.profession}") or self.refs.get(
            profile.jurisdiction
        )
        return f"{out} (Réf. : {ref}.)" if ref else out

    def excluded(self, ctx: Context) -> list[Span]:
        return ctx.common_exclusions + _spans_of(ctx, self._compiled["exclude"])

    def find(self, ctx: Context) -> list[Finding]:
        spans = sorted(set(self.spans(ctx)))
        if not spans:
            return []
        excluded = self.excluded(ctx)
        findings: list[Finding] = []
        last_end = -1
        for start, end, pattern in spans:
            if start < last_end:  # overlapping hits of one rule: keep the first
                continue
            if any(s <= start and end <= e for s, e in excluded):
                continue
            if self.invalidate is not None and self.invalidate(ctx, (start, end)):
                continue
            text = ctx.reply[start:end]
            findings.append(
                Finding(
                    rule=self.name,
                    severity=self.severity,
                    start=start,
                    end=end,
                    text=text,
                    explanation=self._explain(ctx, text),
                    pattern=pattern,
                )
            )
            last_end = end
        return findings


_COMMON = compile_all(COMMON_EXCLUSIONS, "common")


def _spans_of(ctx: Context, patterns: tuple[Compiled, ...]) -> list[Span]:
    norm = ctx.norm
    return [
        norm.clean_span(m.start(), m.end())
        for m, _ in _scan(patterns, norm.clean, ctx.literals(norm.clean))
        if m.end() > m.start()
    ]


def _lexicon_name(source: str) -> str:
    return "lexicon_" + (re.sub(r"[^a-z0-9]+", "_", source.lower()).strip("_") or "entry")


def detector_name(detector: Detector) -> str:
    name = getattr(detector, "__name__", "") or ""
    name = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return name if name and name != "lambda" else "detector"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"


def lexicon_matches(ctx: Context):  # type: ignore[no-untyped-def]
    """Lexicon matches of the reply, computed once per check and shared by the care rules."""
    cache = ctx.__dict__.setdefault("_lexicon_matches", None)
    if cache is None:
        from responders.guard.lexicon import get_lexicon

        cache = get_lexicon().match(ctx.norm)
        ctx.__dict__["_lexicon_matches"] = cache
    return cache
