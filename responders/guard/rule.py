"""A guard rule: a small declarative object (name, severity, patterns or lexicon, exclusions).

Patterns are regular expressions written against one of two views of the reply:
- `patterns` match `Normalized.clean`: the words of the reply, lower-case, without accents,
  digits-for-letters decoded, one space between words, punctuation gone
  (« N'avez-vous » -> « n avez vous »);
- `raw_patterns` match `Normalized.folded`: every character kept (digits, €, /, :, @),
  lower-case and without accents, for dates, amounts, links.
Words are bounded automatically. Exclusions are `clean` patterns: a finding lying entirely inside
an exclusion match is dropped (« le traitement de votre demande » is not care).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from responders.guard.normalize import Normalized
from responders.profiles import Profile
from responders.regex_literals import required_literals as required
from responders.spans import Finding, Severity

Span = tuple[int, int]
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

    @cached_property
    def common_exclusions(self) -> list[Span]:
        return _spans_of(self.norm, _COMMON)

    @cached_property
    def review_norm(self) -> Normalized | None:
        return Normalized(self.review, self.correct) if self.review else None


def _bounded(pattern: str) -> str:
    return rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])"


Compiled = tuple[re.Pattern[str], frozenset[str] | None]


# Every required literal of every pattern, indexed by its first three characters, so the
# literals present in a text are found from the text's trigrams.
_BY_TRIGRAM: dict[str, set[str]] = {}
_PRESENT_CACHE: dict[str, frozenset[str]] = {}


def compile_all(patterns: Iterable[str]) -> tuple[Compiled, ...]:
    out = []
    for p in patterns:
        rx = re.compile(_bounded(p))
        needed = required(p)
        for word in needed or ():
            _BY_TRIGRAM.setdefault(word[:3], set()).add(word)
        out.append((rx, needed))
    return tuple(out)


def present_literals(text: str) -> frozenset[str]:
    hit = _PRESENT_CACHE.get(text)
    if hit is None:
        found: set[str] = set()
        for i in range(len(text) - 2):
            for word in _BY_TRIGRAM.get(text[i : i + 3], ()):
                if text.startswith(word, i):
                    found.add(word)
        hit = frozenset(found)
        if len(_PRESENT_CACHE) > 256:
            _PRESENT_CACHE.clear()
        _PRESENT_CACHE[text] = hit
    return hit


def _scan(patterns: tuple[Compiled, ...], text: str) -> Iterator[re.Match[str]]:
    present = present_literals(text)
    for rx, needed in patterns:
        # A pattern whose every match contains one of `needed` is skipped when none occurs.
        if needed is None or not needed.isdisjoint(present):
            yield from rx.finditer(text)


# Near-misses every rule lets through: the policy's own words and the practice's setting.
COMMON_EXCLUSIONS = (
    r"secret (?:medical|professionnel|des soins)",
    r"(?:la )?sante de (?:chacun|tous|toutes et tous)",
    r"(?:notre |l |une |votre )?equipe (?:soignante|medicale|dentaire|de soins)",
    r"(?:le |notre |un |du |au )?(?:cabinet|centre|clinique|pole) (?:dentaire|medical|medicale|de sante|medico dentaire)",
    r"(?:le |notre |un |du |au |la )?(?:cabinet|centre|clinique|pole|service|groupe) (?:d|de) (?:orthodontie|implantologie|parodontie|endodontie|radiologie|imagerie medicale|imagerie|kinesitherapie|physiotherapie|ophtalmologie|cardiologie|dermatologie|pediatrie|gynecologie|osteopathie|podologie|psychologie|medecine [a-z]+|chirurgie [a-z]+|[a-z]+ologie|[a-z]+iatrie)",
    r"(?:professionnels?|etablissements?|services?) de (?:la )?sante",
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
    patterns: tuple[str, ...] = ()
    raw_patterns: tuple[str, ...] = ()
    case_patterns: tuple[str, ...] = ()  # on the original text, case kept (names)
    categories: tuple[str, ...] = ()
    exclusions: tuple[str, ...] = ()
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
        if self.severity not in ("block", "review", "warn"):
            raise ValueError(f"rule {self.name}: severity must be block, review or warn")
        if not self.explanation.strip():
            raise ValueError(f"rule {self.name}: a French explanation is required")
        if not (self.patterns or self.raw_patterns or self.case_patterns or self.categories or self.detector):
            raise ValueError(f"rule {self.name}: needs patterns, a lexicon or a detector")
        try:
            self._compiled["clean"] = compile_all(self.patterns)
            self._compiled["raw"] = compile_all(self.raw_patterns)
            self._compiled["case"] = tuple((re.compile(p), None) for p in self.case_patterns)
            self._compiled["exclude"] = compile_all(self.exclusions)
        except re.error as exc:
            raise ValueError(f"rule {self.name}: bad pattern ({exc})") from None

    # ------------------------------------------------------------------------------------
    def spans(self, ctx: Context) -> list[Span]:
        norm = ctx.norm
        out: list[Span] = []
        for m in _scan(self._compiled["clean"], norm.clean):
            if m.end() > m.start():
                out.append(norm.clean_span(m.start(), m.end()))
        for m in _scan(self._compiled["raw"], norm.folded):
            if m.end() > m.start():
                out.append(norm.span(m.start(), m.end()))
        for rx, _ in self._compiled["case"]:
            for m in rx.finditer(ctx.reply):
                g = m.lastindex or 0
                s, e = (m.start(g), m.end(g)) if g else (m.start(), m.end())
                if e > s:
                    out.append((s, e))
        if self.categories:
            for match in lexicon_matches(ctx):
                if match.entry.category in self.categories:
                    out.append((norm.tokens[match.first].start, norm.tokens[match.last - 1].end))
        if self.detector is not None:
            out.extend(self.detector(ctx))
        return out

    def _explain(self, ctx: Context, text: str) -> str:
        out = self.explanation.replace("{text}", _short(text))
        profile = ctx.profile
        ref = self.refs.get(f"{profile.jurisdiction}-{profile.profession}") or self.refs.get(profile.jurisdiction)
        return f"{out} (Réf. : {ref}.)" if ref else out

    def excluded(self, ctx: Context) -> list[Span]:
        return ctx.common_exclusions + _spans_of(ctx.norm, self._compiled["exclude"])

    def find(self, ctx: Context) -> list[Finding]:
        spans = sorted(set(self.spans(ctx)))
        if not spans:
            return []
        excluded = self.excluded(ctx)
        findings: list[Finding] = []
        last_end = -1
        for start, end in spans:
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
                )
            )
            last_end = end
        return findings


_COMMON = compile_all(COMMON_EXCLUSIONS)


def _spans_of(norm: Normalized, patterns: tuple[Compiled, ...]) -> list[Span]:
    return [norm.clean_span(m.start(), m.end()) for m in _scan(patterns, norm.clean) if m.end() > m.start()]


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
