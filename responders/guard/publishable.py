"""A positive model of a publishable reply: what the guard cannot clear goes to a practitioner.

The rule families stop the leaks they know (care words, « votre dossier », names, threats…),
but the space of leaks is open while the space of publishable replies is small. A publishable
reply only acknowledges the message, thanks or regrets in general, states the secrecy and
deontology policy, invites private contact through the practice's channels, and gives
practical information valid for anyone (hours, access, how to reach the office).

So every word of the reply must be cleared by one of:
- the generic reply vocabulary (`data/reply_words_fr.txt`, `data/reply_words_en.txt`) and the
  words of the vetted templates (`data/template_reply_words.txt`, generated from templates/);
- a clause shape (`data/reply_shapes.txt`): a policy phrase, the practice's setting, a
  greeting, a contact channel (telephone number, e-mail address), opening hours, access;
- a refusal: a topic named only to say it is not discussed online (« nous ne discutons jamais
  de remboursements en ligne »), as long as nothing ties it to the reader (« votre… »);
- the signature: capitalised words on the closing line (the practice's name).

Words left over are content about the person (their situation, body, feelings about an event,
history with the practice, what the practice did for them…): one finding of severity
`review` per sentence, from the first to the last such word. The reply may be published only
after a practitioner confirms it. Every step is a set look-up or one regular expression over
the reply, so the cost stays linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from responders.guard.rule import Context, Rule, Span
from responders.text.words import Normalized, key
from responders.vocabulary import Severity

_FR_ER_ENDINGS = (
    (
        "e es ent ons ez er ai as a ais ait aient ions iez ant é ée és ées erai eras era erons erez "
        "eront erais erait erions eriez eraient ez"
    )
    .replace("é", "e")
    .split()
)
_FR_IR_ENDINGS = "is it issons issez issent i ie ies ir irons irez ira irait issant".split()


def _data(name: str) -> str:
    return (resources.files("responders.guard") / "data" / name).read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = "words"
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        out.setdefault(current, []).extend(line.split())
    return out


def _fr_forms(verb: str, group: str) -> set[str]:
    forms = {verb}
    if group == "ir" and verb.endswith("ir"):
        stem = verb[:-2]
        forms.update(stem + e for e in _FR_IR_ENDINGS)
        return forms
    if not verb.endswith("er"):
        return forms
    stem = verb[:-2]
    forms.update(stem + e for e in _FR_ER_ENDINGS)
    if stem.endswith("el"):  # appeler -> appelle, rappellerons
        forms.update(stem + "l" + e for e in _FR_ER_ENDINGS)
    if stem.endswith("y"):  # envoyer -> envoie
        forms.update(stem[:-1] + "i" + e for e in _FR_ER_ENDINGS)
    if stem.endswith("g"):  # partager -> partageons
        forms.update(stem + "e" + e for e in ("ons", "ant", "ait", "aient", "ais", "a", "ai", "as"))
    if stem.endswith("c"):  # commencer-like
        forms.update(stem[:-1] + "c" + e for e in ("ons", "ant", "ait"))
    return forms


def _en_forms(verb: str) -> set[str]:
    forms = {verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing"}
    if verb.endswith("e"):
        forms.add(verb[:-1] + "ing")
    if verb.endswith("y"):
        forms.update({verb[:-1] + "ied", verb[:-1] + "ies"})
    if (
        len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        forms.update({verb + verb[-1] + "ed", verb + verb[-1] + "ing"})
    return forms


@dataclass(frozen=True)
class Shape:
    move: str
    view: str  # "clean" | "raw"
    rx: re.Pattern[str]


# A word of the same family as a generic word: « transmettra » (transmettre), "disappointed"
# (disappointment). Both share at least _FAMILY_PREFIX letters and differ only by an ending.
_FAMILY_PREFIX = 7
_FAMILY_ENDING = 4


@dataclass(frozen=True)
class ReplyModel:
    words: frozenset[str]
    keys: frozenset[str]
    shapes: tuple[Shape, ...]
    possessed: frozenset[str]  # what « votre / your » may own
    by_prefix: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def generic(self, text: str, tok_key: str, raw: str = "") -> bool:
        # `raw` is the word before typo correction: « remain » is read as « demain » by the
        # French corrector, and is generic in English.
        if text in self.words or tok_key in self.keys or raw in self.words:
            return True
        return self.family(text)

    def family(self, text: str) -> bool:
        if len(text) < _FAMILY_PREFIX or not text.isalpha():
            return False
        for word in self.by_prefix.get(text[:_FAMILY_PREFIX], ()):
            common = _FAMILY_PREFIX
            while common < min(len(word), len(text)) and word[common] == text[common]:
                common += 1
            if len(text) - common <= _FAMILY_ENDING and len(word) - common <= _FAMILY_ENDING:
                return True
        return False


@cache
def model() -> ReplyModel:
    words: set[str] = set()
    french: set[str] = set()
    possessed: set[str] = set()
    for name in ("reply_words_fr.txt", "reply_words_en.txt"):
        english = name.endswith("_en.txt")
        before = set(words)
        for section, items in _sections(_data(name)).items():
            for item in items:
                for part in item.split("-"):
                    if not part:
                        continue
                    if section == "possessed":
                        possessed.add(part)
                        possessed.add(key(part))
                        continue
                    if section in ("er", "ir"):
                        words.update(_fr_forms(part, section))
                    elif section == "verbs" and english:
                        words.update(_en_forms(part))
                    else:
                        words.add(part)
        if not english:
            french = words - before
    template_words = {w for w in _data("template_reply_words.txt").split() if not w.startswith("#")}
    words |= template_words
    french |= template_words
    words = {w for w in words if w.isalnum()}
    shapes = []
    for line in _data("reply_shapes.txt").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        move, view, pattern = line.split("\t")
        if view not in ("clean", "raw"):
            raise ValueError(f"reply_shapes.txt: unknown view {view!r}")
        body = rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])" if view == "clean" else pattern
        shapes.append(Shape(move, view, re.compile(body)))
    # The stemmer is French: English words count in the forms listed (« just » is no « juste »).
    by_prefix: dict[str, list[str]] = {}
    for w in words:
        if len(w) >= _FAMILY_PREFIX and w.isalpha():
            by_prefix.setdefault(w[:_FAMILY_PREFIX], []).append(w)
    return ReplyModel(
        frozenset(words),
        frozenset(key(w) for w in french if w.isalnum()),
        tuple(shapes),
        frozenset(possessed),
        {p: tuple(ws) for p, ws in by_prefix.items()},
    )


# A topic named only to refuse it: the practice says it does not discuss it (« nous ne
# discutons jamais de remboursements en ligne ») or « aucune question de… ». Only the words after
# the refusal are cleared: « les résultats de l'IRM ne pouvaient pas être commentés » narrates.
_NOT_BREAK = r"(?!(?:mais|but|si|if|and|et|car|because|puisque)(?![a-z]))"
_SPEECH_FR = (
    r"(?:discut|comment|parl|abord|evoqu|communiqu|divulgu|repond|publi|partag|confirm|infirm|diffus|"
    r"revel|mentionn|detaill|echang|donn|dit|dis|entr|apport|precis|trait)[a-z]*"
)
_SPEECH_EN = (
    r"(?:comment|discuss|share|disclose|confirm|deny|respond|reply|talk|speak|answer|address|reveal|"
    r"publish|give|provide|release)[a-z]*"
)
# the practice speaks in the sentence: « nous », « le cabinet »… (not « la couronne ne tient pas »)
_PRACTICE = re.compile(
    r"(?<![a-z])(?:nous|on|cabinet|clinique|centre|equipe|secretariat|direction|personnel|we|office|"
    r"clinic|practice|team|staff)(?![a-z])"
)
_REFUSAL = re.compile(
    r"(?<![a-z])(?:ne|n)(?! hesit| manqu)(?: "
    + _NOT_BREAK
    + r"[a-z]+){0,5}? "
    + _SPEECH_FR
    + r"(?: (?:ni|pas|jamais|rien|aucun|aucune|plus|publiquement|en ligne|ici|sur|dans|de|d|des|du|la|le|les)(?![a-z]))*"
    r"|(?<![a-z])(?:impossible|pas possible|pas autorises?|pas en mesure|interdit|empeche)(?: [a-z]+){0,2} (?:de|d) "
    r"(?:[a-z]+ )?"
    + _SPEECH_FR
    + r"|(?<![a-z])(?:aucune?s?|jamais|ni|sans)(?: [a-z]+){0,2} (?:question|information|detail|precision|"
    r"discussion|donnee|commentaire|renseignement|echange|reponse|element)s?(?![a-z])"
    r"|(?<![a-z])(?:cannot|can t|can not|do not|don t|never|will not|won t|unable to|not able to|"
    r"not permitted to|not allowed to|may not|must not)(?: "
    + _NOT_BREAK
    + r"[a-z]+){0,3}? "
    + _SPEECH_EN
    + r"|(?<![a-z])no (?:information|details|comment|specifics)(?![a-z])"
)
# A general topic refused in the passive: « les questions d'assurance ne peuvent pas être traitées
# ici », « les rendez-vous ne sont jamais évoqués en ligne » (present or future tense only).
_PASSIVE = re.compile(
    r"(?<![a-z])(?:les|des|aucune?s?|toute?s?)(?: " + _NOT_BREAK + r"[a-z]+){1,8} (?:ne|n) "
    r"(?:sont|est|peut|peuvent|sera|seront|pourra|pourront|saurait|sauraient)(?: [a-z]+){0,4}? "
    + _SPEECH_FR
    + r"(?: [a-z]+){0,3} (?:ici|en ligne|publiquement|sur (?:cette page|internet|google|les reseaux sociaux))(?![a-z])"
)
# What ties a refused topic back to the reader: then it is no longer a topic in general.
_TIED = re.compile(
    r"(?<![a-z])(?:votre|vos|ton|tes|your|yours|que vous|qu on vous|dont vous|qui vous|que nous vous|"
    r"you (?:had|have|were|did|got|received|went|came|told|mentioned|describe|described)|"
    r"ce que vous|ce qui vous|cette|ces|ce|cet|this|that|these|those|mais|but)(?![a-z])"
)
_ANYONE = re.compile(
    r"(?<![a-z])(?:qui que ce soit|quoi que ce soit|quel qu en soit|quelle qu en soit)(?![a-z])"
)
_SENTENCE = re.compile(r"[.!?;:\n]+")
_CLOSING = re.compile(
    r"(?<![a-z])(?:cordialement|bien a vous|salutations|bonne journee|bonne fin de journee|bonne soiree|"
    r"au plaisir|merci|sincerement|regards|sincerely|best|thank you|thanks|respectueusement|l equipe|"
    r"the team|votre equipe|your team)(?![a-z])"
)


@cache
def _context_patterns() -> tuple[re.Pattern[str], ...]:
    from responders.guard.families import context
    from responders.guard.rule import COMMON_EXCLUSIONS

    return tuple(
        re.compile(rf"(?<![a-z0-9])(?:{p})(?![a-z0-9])")
        for p in (*COMMON_EXCLUSIONS, *context.CARE, *context.PROMOTION, context.PAYMENT)
    )


def _sentences(reply: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in _SENTENCE.finditer(reply):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(reply):
        out.append((start, len(reply)))
    return out


def _signature_start(reply: str) -> int:
    """Where the signature starts: the closing line(s) after the last line break, if short."""
    cut = reply.rstrip().rfind("\n")
    if cut < 0:
        # one line: a « — Name » or « -- Name » ending
        m = re.search(r"(?:^|\s)(?:—|–|--|-)\s*[^\s—–-][^\n]{0,60}$", reply.rstrip())
        return m.start() if m else len(reply)
    last = reply[cut + 1 :]
    if len(last.split()) > 10:
        return len(reply)
    return cut + 1


def unknown_spans(ctx: Context) -> list[Span]:
    """Original spans of the words the model cannot clear, one per sentence."""
    norm: Normalized = ctx.norm
    tokens = norm.tokens
    if not tokens:
        return []
    m = model()
    cleared = [m.generic(t.text, t.key, t.raw) for t in tokens]
    # clause shapes
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    forced = [False] * len(tokens)  # the person's own: no shape, refusal or signature clears it
    for shape in m.shapes:
        target = forced if shape.move == "person" else cleared
        if shape.view == "clean":
            for hit in shape.rx.finditer(norm.clean):
                if hit.end() > hit.start():
                    _clear(target, starts, ends, norm.clean_span(hit.start(), hit.end()))
        else:
            for hit in shape.rx.finditer(norm.folded):
                if hit.end() > hit.start():
                    _clear(target, starts, ends, norm.span(hit.start(), hit.end()))
    # Everyday senses the rules themselves read as generic (« hours of operation », « comme le
    # prescrit notre code », « accessible en fauteuil roulant ») are generic here too.
    for rx in _context_patterns():
        for hit in rx.finditer(norm.clean):
            if hit.end() > hit.start():
                _clear(cleared, starts, ends, norm.clean_span(hit.start(), hit.end()))
    _owned(tokens, forced, m.possessed, ctx.reply)
    reply = ctx.reply
    signature = _signature_start(reply)
    # sentences: refusals and grouping
    spans: list[Span] = []
    i = 0
    for s, e in _sentences(reply):
        first = i
        while i < len(tokens) and tokens[i].start < e:
            i += 1
        idx = range(first, i)
        if not idx:
            continue
        if any(not cleared[k] for k in idx):
            _refusal(cleared, [tokens[k].text for k in idx], first)
        if s >= signature or tokens[idx[0]].start >= signature:
            for k in idx:
                if reply[tokens[k].start : tokens[k].start + 1].isupper():
                    cleared[k] = True
        left = [k for k in idx if forced[k] or not cleared[k]]
        if left:
            spans.append((tokens[left[0]].start, tokens[left[-1]].end))
    return spans


_POSSESSIVES = frozenset({"votre", "vos", "ton", "tes", "your"})
_TITLES = frozenset(
    {"m", "mr", "mme", "mlle", "dr", "dre", "docteur", "docteure", "pr", "me", "mrs", "ms", "miss"}
)
_SKIP_ADJ = frozenset(
    {"nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles", "propre", "new", "own", "recent"}
)


def _owned(tokens: list, forced: list[bool], possessed: frozenset[str], reply: str) -> None:  # type: ignore[type-arg]
    """« votre mutuelle », « your recovery »: the reader's own things; « M. Côté »: a name."""
    for n, tok in enumerate(tokens[:-1]):
        if tok.text in _POSSESSIVES:
            j = n + 1
            if tokens[j].text in _SKIP_ADJ and j + 1 < len(tokens):
                j += 1
            nxt = tokens[j]
            if nxt.text in possessed or nxt.key in possessed:
                continue
            pair = "_".join(t.text for t in tokens[j : j + 2])
            triple = "_".join(t.text for t in tokens[j : j + 3])
            if pair not in possessed and triple not in possessed:
                forced[j] = True
        elif tok.text in _TITLES and reply[tok.start : tok.start + 1].isupper():
            nxt = tokens[n + 1]
            gap = reply[tok.end : nxt.start]
            if "," not in gap and "\n" not in gap and reply[nxt.start : nxt.start + 1].isupper():
                forced[n] = forced[n + 1] = True


def _refusal(cleared: list[bool], words: list[str], first: int) -> None:
    """Clear the words after a refusal in one sentence, unless something ties them to the reader."""
    text = " ".join(words)
    hit = _PASSIVE.search(text)
    if hit is not None and not _TIED.search(_ANYONE.sub(" ", text[hit.start() :])):
        n_from = text[: hit.start()].count(" ")
        for k in range(first + n_from, first + len(words)):
            cleared[k] = True
        return
    if not _PRACTICE.search(text):
        return
    hit = _REFUSAL.search(text)
    if hit is None:
        return
    after = _ANYONE.sub(" ", text[hit.end() :])
    if _TIED.search(after):
        return
    n_before = text[: hit.end()].count(" ") + 1  # words up to the end of the refusal
    for k in range(first + n_before, first + len(words)):
        cleared[k] = True


def _clear(cleared: list[bool], starts: list[int], ends: list[int], span: Span) -> None:
    import bisect

    s, e = span
    k = bisect.bisect_left(ends, s + 1)
    while k < len(starts) and starts[k] < e:
        if ends[k] <= e and starts[k] >= s:
            cleared[k] = True
        k += 1


class _ReviewRule(Rule):
    """A rule whose findings no common exclusion may drop: the model clears words itself."""

    def excluded(self, ctx: Context) -> list[Span]:
        return []


PERSONAL_CONTENT = _ReviewRule(
    name="personal_content",
    family="publishable",
    severity=Severity.REVIEW,
    description=(
        "Contenu que le modèle de réponse publiable ne reconnaît pas comme générique "
        "(accusé de réception, remerciement, politique de secret, invitation à un échange privé, "
        "informations pratiques) : à faire confirmer par le praticien."
    ),
    explanation=(
        "contenu propre à la personne : « {text} ». Une réponse publiable se limite à accuser "
        "réception, remercier, rappeler le secret et inviter à un échange privé : à faire "
        "confirmer par le praticien avant publication"
    ),
    detector=unknown_spans,
)

RULES = (PERSONAL_CONTENT,)
