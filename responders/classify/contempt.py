"""Contempt aimed at a person, found by its frame rather than by a list of phrasings.

An insult (injure, loi 1881 art. 29 al. 2) is a word of contempt *aimed at someone*. The word
comes from semantic fields (animals, physique, Québec sacres and insults, English contempt
nouns: `data/contempt_nouns.txt`); what makes it an insult is the frame around it:

- a predicate on a person: « c'est une hyène », « le Dr X est un gros tas », "he is a toad";
- an exclamation or address: « quelle buse », « espèce de nabot », "what a cow", "you worm";
- a label glued to a person: « face de rat, ce kiné », « guidoune de réceptionniste »,
  "slob of a dentist", "D-bag dentist", « une hyène en blouse blanche »;
- an apposition: « Dre Côté, une belle grosse dinde », « le médecin, un vrai pissou »;
- a sentence that is nothing but the epithet: « Pathetic little man. », « Gros lard
  arrogant qui… », « Mégère aigrie à l'accueil ».

Negated frames (« ce n'est pas une dinde ») do not match, and a word reported then denied
(« on m'avait dit que c'était un boucher, c'est tout le contraire ») is no insult at all:
`denied_sentences` tells the engine which sentences to clear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from responders.classify import lexicon

# Words that intensify or qualify an epithet without being one ("une vraie grosse dinde",
# "a smug little toad"); at most three in a row.
_MODIFIERS = (
    "vrai vraie vrais vraies veritable gros grosse grand grande petit petite vieux vieille vieil sale "
    "pauvre belle beau bel sacre sacree maudit maudite parfait parfaite fieffe fieffee immonde affreux "
    "affreuse horrible infame miserable triste aigri aigrie odieux odieuse sinistre mechant mechante "
    "espece bon bonne belle-grosse real total absolute complete utter pathetic little old fat big "
    "spineless smug stupid ugly dirty damn damned fucking bloody sorry lazy greasy slimy arrogant "
    "useless dumb nasty sneaky grumpy lying miserable self-important condescending pompous insufferable "
    "pretentious self-righteous vile despicable creepy sleazy ignorant incompetent bloody rotten cold "
    "pretentieux pretentieuse hautain hautaine imbuvable ignoble minable incompetente incompetent revêche "
    "reveche visqueux visqueuse puant puante infect infecte rude mean cranky bitter awful evil wicked nasty"
).split()
_GROUPS = r"(?:(?:(?:belle|beau|grosse|gros|sacree|maudite|maudit|vraie|vrai|real|total)\s+)?(?:bande|gang|troupeau|tas|paquet|bunch|pack|herd|band)\s+(?:de|d'|of)\s*)?"
MODIFIERS: tuple[str, ...] = tuple(w for w in _MODIFIERS if "-" not in w)
MOD = r"(?:(?:" + "|".join(sorted(set(_MODIFIERS), key=len, reverse=True)) + r")\s*,?\s+){0,3}"
# A person of the practice, named by role, title or name.
AGENT_NOUN = (
    r"(?:dentistes?|medecins?|docteure?s?|doctoresses?|doc|docs|kines?|kinesitherapeutes?|secretaires?|"
    r"receptionnistes?|assistante?s?|hygienistes?|denturologistes?|infirmiere?s?|infirmiers?|"
    r"chirurgien(?:ne)?s?|praticien(?:ne)?s?|orthodontistes?|pharmacien(?:ne)?s?|osteo(?:pathe)?s?|"
    r"gynecos?|pediatres?|psys?|toubibs?|physios?|dentists?|doctors?|receptionists?|hygienists?|nurses?|"
    r"surgeons?|physicians?|assistants?|chiros?|chiropract\w+|orthodontists?|"
    r"dre?\.?\s+(?!(?:nous|vous|m|a|est|etait|et|qui|que|ne|n|il|elle|l|le|la|les|lui|leur|y)\b)[a-z][a-z'-]+)"
)
_AGENT = (
    r"(?:(?:le|la|l'|les|ce|cette|cet|ces|the|this|that|our|my|mon|ma|notre|votre)\s*)?"
    + AGENT_NOUN
)
_AGENT_ANYWHERE = re.compile(
    r"(?<![a-z])(?:"
    + AGENT_NOUN
    + r"|il|elle|he|she|ce type|ce gars|this guy|cette femme)(?![a-z])"
)
# Animals that can literally be on the premises ("rats dans la salle d'attente"): as a bare
# sentence they describe the place, so they need a qualifier or an article to be an epithet.
_LITERAL = frozenset(
    "rat rats cafard cafards blatte blattes punaise punaises chien chiens dog dogs cockroach cockroaches "
    "roach roaches araignee araignees tique tiques asticot asticots maggot maggots pou poux louse lice "
    # « Vache, quelle attente ! » is an exclamation, not an epithet
    "vermin vache".split()
)
_NEGATED = re.compile(
    r"(?:\b(?:pas|jamais|not|never|no|loin d'etre|rien d'|rien de|ni)\s+(?:\w+\s+){0,2}|n't\s+(?:\w+\s+){0,2})$"
)
_POSITIVE_AFTER = re.compile(r"\s*(?:de|d')\s*(?:chance|bonheur|douceur|gentillesse)\b")


@cache
def _noun_pattern() -> str:
    terms = sorted(lexicon.terms("contempt_nouns.txt"), key=len, reverse=True)
    alternatives = []
    for term in terms:
        body = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", term))
        alternatives.append(body)
    # plural and feminine forms: "pintades", "chamelles", "baveuses" (listed), "crapauds"
    return r"(?<![a-z0-9'])(?P<n>(?:" + "|".join(alternatives) + r")(?:s|x|e|es)?)(?![a-z0-9])"


@dataclass(frozen=True, slots=True)
class Contempt:
    start: int  # normalized offsets of the whole frame
    end: int
    word_start: int  # normalized offsets of the contempt word
    word_end: int
    frame: str
    sure: bool


@cache
def _frames() -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    n = _noun_pattern()
    det = r"(?:un|une|des|a|an|the|le|la|l')\s*"
    copula = (
        r"(?<![a-z])(?:c'est|c'etait|ce sont|t'es|tu es|vous etes|est|etait|sont|etaient|reste|is|was|are|were|"
        r"you're|you are|'s)\s+(?:(?:rien qu'|juste|just|only|vraiment|really|such|tellement|toujours|surtout)\s*)?"
    )
    frames = (
        # « c'est une hyène », "the doc is a smug little toad", « est un gros tas »
        ("contempt.predicate", copula + det + _GROUPS + MOD + n, True),
        # « quelle buse », « espèce de nabot », "what a cow", "you worm"
        (
            "contempt.exclamation",
            r"(?<![a-z])(?:quel|quelle|quels|quelles|espece de|espece d'|what an?|you|such an?|bande de|bande d')\s*"
            + MOD
            + n,
            True,
        ),
        # « face de rat, ce kiné », « guidoune de réceptionniste », "slob of a dentist", "D-bag dentist"
        (
            "contempt.label",
            n
            + r"(?:\s+[a-z']+){0,3}?\s*(?:,|de|d'|of an?|-|:)\s*(?:ce|cette|cet|the|that|this|un|une|a|an|la|le|l')?\s*"
            + AGENT_NOUN
            + r"(?![a-z])",
            True,
        ),
        (
            "contempt.label",
            n + r"\s+(?:dentist|doctor|receptionist|hygienist|nurse|surgeon|doc)s?(?![a-z])",
            True,
        ),
        # « une hyène en blouse blanche », "a snake in a lab coat", "gorilla with a drill"
        (
            "contempt.label",
            n
            + r"\s+(?:in a (?:lab|white) coat|en blouse|with a (?:drill|license|licence|stethoscope)|"
            r"avec (?:une|sa|un|son) (?:roulette|fraise|perceuse|diplome|stethoscope))",
            True,
        ),
        # « Dre Côté, une belle grosse dinde », « le médecin, un vrai pissou »
        (
            "contempt.apposition",
            _AGENT + r"\s*(?:,|:|-|=)\s*(?:" + det + r")?" + _GROUPS + MOD + n,
            True,
        ),
        # « le docteur est à l'avenant : un mollusque », « le pire c'est le dentiste : un abruti »
        ("contempt.apposition", r"(?:[:=]|\s-)\s*" + det + _GROUPS + MOD + n + r"(?![a-z])", True),
        # a second epithet after a predicate: « ce type est une outre de suffisance, un paon »
        (
            "contempt.predicate",
            r"(?<![a-z])(?:est|etait|c'est|is|was|'s)\s[^.!?]{0,80}?,\s*(?:un|une|a|an)\s+"
            + MOD
            + n,
            True,
        ),
        # « docteur clown », « dentiste boucher », « l'assistante pintade »
        ("contempt.label", r"(?<![a-z])" + AGENT_NOUN + r"\s+" + n, True),
    )
    return tuple((name, re.compile(body), sure) for name, body, sure in frames)


@cache
def _bare() -> re.Pattern[str]:
    # the sentence is the epithet: « Pathetic little man. », « Gros lard arrogant qui… »
    n = _noun_pattern()
    return re.compile(
        r"[\s\"'(]*(?:(?:un|une|des|a|an)\s+)?"
        + _GROUPS
        + r"(?P<mod>"
        + MOD
        + r")"
        + n
        + r"(?=(?:\s+[a-z'-]+)?(?:\s*[,.!?;:]|\W*$|\s+(?:qui|que|de|d'|of|with|in|en|a|au|at|ce|cette|cet|the|that|"
        r"this|and|et|pis|who|avec|du)\b))"
    )


_TOKEN = re.compile(r"[a-z]+")


@cache
def _first_words() -> frozenset[str]:
    """A word every contempt noun needs: a sentence without one needs no frame search."""
    out = {"espece"}
    for term in lexicon.terms("contempt_nouns.txt"):
        parts = [p for p in re.split(r"[^a-z]+", term) if p]
        # every part must occur as a word: gate on the longest (the last one inflects)
        word = max(reversed(parts), key=len)
        out.add(word)
        if word == parts[-1]:
            out.update(word + suffix for suffix in ("s", "x", "e", "es"))
    return frozenset(out)


def _candidate_sentences(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Sentences holding a word that may start a contempt noun (one pass over the words)."""
    first = _first_words()
    starts = [s for s, _ in spans]
    out: list[int] = []
    for match in _TOKEN.finditer(text):
        if match.group() in first:
            index = bisect.bisect_right(starts, match.start()) - 1
            if index >= 0 and (not out or out[-1] != index):
                out.append(index)
    return out


# Nouns that are no contempt in an epithet frame: roles, places, praise, the usual abstract
# words of a review (« quelle attente », "what a relief", « c'est un bon dentiste »).
_NOT_CONTEMPT = frozenset(
    """
    dentiste medecin docteur docteure doctoresse doc kine secretaire receptionniste assistante assistant hygieniste
    infirmiere infirmier chirurgien chirurgienne praticien praticienne orthodontiste pharmacien specialiste
    generaliste pediatre psy professionnel professionnelle pro expert experte perle ange amour bijou tresor star
    crack champion championne merveille chance bonheur plaisir soulagement honte horreur blague farce attente
    accueil service organisation equipe cabinet clinique endroit place bureau experience deception galere
    catastrophe scandale arnaque perte manque gachis cirque bordel cauchemar histoire journee rendez-vous
    personne femme homme monsieur madame dame type gars fille garcon enfant mere pere patient patiente
    dentist doctor nurse receptionist hygienist surgeon physician assistant professional expert gem angel
    sweetheart pleasure relief joke shame mess waste disaster nightmare experience team clinic office place
    wait service day visit person man woman lady guy girl boy kid mother father patient
    incompetent incompetente incompetents nul nulle notoire fini finie total totale complet amateur debutant
    debutante radin radine incapable arrogant arrogante hautain hautaine snob bavard bavarde pressee presse
    neuve neuf autre seule seul
    """.split()
)
_UNKNOWN_FRAMES = (
    # « Quel X. », "What a X!", a short cry whose noun is not in the lists
    re.compile(
        r"[\s\"'(]*(?:quel|quelle|quels|quelles|what an?|such an?|you)\s+"
        + MOD
        + r"(?P<n>[a-z][a-z'-]{2,})\W*$"
    ),
)
_UNKNOWN_PREDICATE = re.compile(
    r"(?<![a-z])(?:est|etait|is|was|c'est)\s+(?:un|une|a|an)\s+"
    + MOD
    + r"(?P<n>[a-z][a-z'-]{2,})(?=\s*(?:[.!?;,]|$))"
)
_ESPECE = re.compile(r"[\s\"'(]*espece\s+(?:de|d')\s*(?P<n>[a-z][a-z'-]{2,})")


def find(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, Contempt]]:
    """(sentence index, contempt) for each epithet frame in the normalized `text`."""
    out: list[tuple[int, Contempt]] = []
    frames = _frames()
    bare = _bare()
    for index in _candidate_sentences(text, spans):
        s, e = spans[index]
        seen: list[tuple[int, int]] = []

        def add(
            start: int,
            end: int,
            ws: int,
            we: int,
            frame: str,
            sure: bool,
            index: int = index,
            s: int = s,
            seen: list[tuple[int, int]] = seen,
        ) -> None:
            if any(ws < b and a < we for a, b in seen):
                return
            if _NEGATED.search(text, max(s, start - 30), start):
                return
            seen.append((ws, we))
            out.append((index, Contempt(start, end, ws, we, frame, sure)))

        match = bare.match(text, s, e)
        if match:
            word = match.group("n")
            if word not in _LITERAL or match.group("mod").strip():
                add(
                    match.start("n") if not match.group("mod") else match.start("mod"),
                    match.end(),
                    match.start("n"),
                    match.end("n"),
                    "contempt.bare",
                    True,
                )
        for name, pattern, sure in frames:
            for m in pattern.finditer(text, s, e):
                if _POSITIVE_AFTER.match(text, m.end("n")):
                    continue
                add(m.start(), m.end(), m.start("n"), m.end("n"), name, sure)
        match = _ESPECE.match(text, s, e)
        if match and not seen:
            # « Espèce de … » opening a sentence is an address, whatever word follows
            add(
                match.start(),
                match.end(),
                match.start("n"),
                match.end("n"),
                "contempt.address",
                False,
            )
    flagged = {i for i, _ in out}
    for index, (s, e) in enumerate(spans):
        if e - s > 120 or index in flagged:
            continue
        for pattern in _UNKNOWN_FRAMES:
            cry = pattern.match(text, s, e)
            if (
                cry
                and cry.group("n") not in _NOT_CONTEMPT
                and not _NEGATED.search(text, max(s, cry.start() - 30), cry.start())
            ):
                out.append(
                    (
                        index,
                        Contempt(
                            cry.start(),
                            cry.end(),
                            cry.start("n"),
                            cry.end("n"),
                            "contempt.address",
                            False,
                        ),
                    )
                )
        said = _UNKNOWN_PREDICATE.search(text, s, e)
        if (
            said
            and _AGENT_ANYWHERE.search(text, s, said.start())
            and said.group("n") not in _NOT_CONTEMPT
            and not _NEGATED.search(text, max(s, said.start() - 30), said.start())
        ):
            out.append(
                (
                    index,
                    Contempt(
                        said.start(),
                        said.end(),
                        said.start("n"),
                        said.end("n"),
                        "contempt.predicate",
                        False,
                    ),
                )
            )
    return out


# A contempt word reported and then denied: « on m'avait dit que c'était un boucher, c'est
# tout le contraire », "People said he was a butcher. Honestly, the gentlest…".
_REPORTED = re.compile(
    r"\b(?:on m'avait dit|on m'a dit|on disait|on dit|j'avais lu|j'avais entendu|j'ai lu|certains disent|"
    r"des avis (?:disent|parlent)|people said|people say|i was told|i'd heard|i had heard|reviews? (?:said|say|called)|"
    r"they said|some say|j'avais peur|je croyais|i thought|je pensais)\b"
)
_DENIAL = re.compile(
    r"\b(?:tout le contraire|au contraire|pas du tout|c'est faux|rien de tel|rien a voir|loin de la|"
    r"not at all|quite the opposite|the opposite|couldn't be further|nothing of the sort|honestly|en fait|"
    r"en realite|actually|in fact|wrong|faux|bien au contraire)\b"
)


def denied_sentences(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Sentences whose contempt words are reported and then denied by the writer."""
    out: set[int] = set()
    for index, (s, e) in enumerate(spans):
        if not _REPORTED.search(text, s, e):
            continue
        if _DENIAL.search(text, s, e) or (
            index + 1 < len(spans) and _DENIAL.search(text, *spans[index + 1])
        ):
            out.add(index)
    return out
