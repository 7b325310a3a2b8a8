"""Echo: nothing health-related or personal from the review, and not the reviewer's name."""

from __future__ import annotations

import re
from functools import cache

from responders.guard.rule import Context, Rule, Span, lexicon_matches
from responders.text.words import Normalized, Token, edit1, key
from responders.vocabulary import Severity

# Parts of display names that are no name (« Utilisateur Google », « Jean de la Fontaine »).
_NAME_NOISE = frozenset(
    "de du des la le les d l van von der den da di del dos mc mac st ste saint sainte et "
    "utilisateur utilisatrice google anonyme client cliente patient patiente user local guide "
    "mr mrs ms mme m dr".split()
)
_RELATIVES = frozenset(
    "mari femme epouse epoux conjoint conjointe compagnon compagne fils fille enfant enfants bebe "
    "mere pere maman papa frere soeur grand-mere grand-pere grands-parents petit-fils petite-fille "
    "oncle tante cousin cousine neveu niece fiance fiancee chum blonde belle-mere beau-pere "
    "ado adolescent adolescente garcon fillette jumeaux".split()
)
_COMMON_RANK = 6000  # name tokens this frequent in French must be capitalized to count
_RARE_RANK = 4000  # review words rarer than this are details (a place, a product, a name)


@cache
def _rule_words() -> frozenset[str]:
    """Words the phrase rules are written with: the rules judge those themselves."""
    from responders.guard.registry import corrector

    return frozenset(corrector().vocabulary)


@cache
def _generic_words() -> frozenset[str]:
    """The positive model's generic reply words (« ascenseur », « répondeur », "everyone"): a
    reply may share them with a review without repeating anything personal."""
    from responders.guard.publishable import model

    return model().words


@cache
def _generic_keys() -> frozenset[str]:
    from responders.guard.publishable import model

    return model().keys


# the minutes of an opening hour (« de 8 h 30 à 18 h »), not a detail taken from the review
_HOUR_BEFORE = re.compile(r"\d ?h ?$")


@cache
def _template_words() -> frozenset[str]:
    from responders.guard.lexicon import _lines

    return frozenset(_lines("template_words.txt"))


@cache
def _rank() -> dict[str, int]:
    from responders.guard.lexicon import get_lexicon

    return {w: i for i, w in enumerate(_general_list())} if get_lexicon() else {}


@cache
def _general_list() -> tuple[str, ...]:
    from responders.guard.lexicon import _lines

    return tuple(_lines("general_fr.txt.gz"))


def _name_tokens(name: str) -> list[str]:
    return [
        t.text
        for t in Normalized(name).tokens
        if len(t.text) >= 3 and t.text not in _NAME_NOISE and not t.text.isdigit()
    ]


def _same(a: Token, word: str) -> bool:
    if a.text == word or a.key == key(word):
        return True
    # One typo in a long name (« Tremblay » / « Tremblai ») still names the person.
    if len(word) >= 6 and abs(len(a.text) - len(word)) <= 1:
        return edit1(a.text, word)
    return False


def _capitalized(ctx: Context, tok: Token) -> bool:
    raw = ctx.reply[tok.start : tok.end]
    if not raw[:1].isupper():
        return False
    before = ctx.reply[: tok.start].rstrip()
    return bool(before) and before[-1] not in ".!?\n:"


def _reviewer_name(ctx: Context) -> list[Span]:
    if not ctx.reviewer_name:
        return []
    rank = _rank()
    out = []
    for word in _name_tokens(ctx.reviewer_name):
        common = rank.get(word, 10**9) < _COMMON_RANK
        for tok in ctx.norm.tokens:
            if _same(tok, word) and (not common or _capitalized(ctx, tok)):
                out.append((tok.start, tok.end))
    return out


REVIEWER_NAME = Rule(
    name="echo_reviewer_name",
    family="echo",
    severity=Severity.BLOCK,
    description="La réponse reprend le nom affiché de l'auteur de l'avis.",
    explanation=(
        "« {text} » reprend le nom de l'auteur de l'avis : le nommer confirme qu'on le connaît. "
        "N'utilisez aucun nom."
    ),
    detector=_reviewer_name,
)

_NUMBER = re.compile(r"\d+(?:[.,:h]\d+)?")


def _review_items(ctx: Context) -> list[Span]:
    review = ctx.review_norm
    if review is None:
        return []
    from responders.guard.lexicon import get_lexicon

    lex = get_lexicon()
    rank = _rank()
    health_keys: set[str] = set()
    for m in lex.match(review):
        health_keys.add(" ".join(t.key for t in review.tokens[m.first : m.last]))
        health_keys.add(m.entry.term)
    words: set[str] = set()  # personal or rare words of the review
    relatives: set[str] = set()
    for tok in review.tokens:
        text = tok.text
        raw = review.original[tok.start : tok.end]
        if text in _RELATIVES:
            relatives.add(text)
        elif (
            text.isalpha()
            and len(text) >= 5
            and rank.get(text, 10**9) > _RARE_RANK
            and text not in lex.never
            and text not in _template_words()
            and text not in _rule_words()
            and text not in _generic_words()
            and tok.key not in _generic_keys()
        ):
            words.add(tok.key)  # rare word: a name, a place, a precise detail
        elif (
            raw[:1].isupper() and text.isalpha() and len(text) >= 3 and rank.get(text, 10**9) > 3000
        ):
            before = review.original[: tok.start].rstrip()
            if before and before[-1] not in ".!?\n:":
                words.add(tok.key)  # a capitalized word inside a sentence: likely a name
    numbers = {m.group() for m in _NUMBER.finditer(review.folded) if len(m.group()) >= 2}
    out: list[Span] = []
    norm = ctx.norm
    everyday: list[Span] | None = None
    for m in lexicon_matches(ctx):
        k = " ".join(t.key for t in norm.tokens[m.first : m.last])
        if k in health_keys or m.entry.term in health_keys:
            span = (norm.tokens[m.first].start, norm.tokens[m.last - 1].end)
            if everyday is None:
                # the everyday senses the care rules let through (« accessible en fauteuil roulant »)
                from responders.guard.families.care import MATERIAL

                everyday = MATERIAL.excluded(ctx)
            if not any(s <= span[0] and span[1] <= e for s, e in everyday):
                out.append(span)
    for tok in norm.tokens:
        if tok.text in relatives or (tok.key in words and tok.text not in lex.never):
            out.append((tok.start, tok.end))
    for number in _NUMBER.finditer(norm.folded):
        if number.group() in numbers and not _HOUR_BEFORE.search(
            norm.folded, max(0, number.start() - 4), number.start()
        ):
            out.append(norm.span(number.start(), number.end()))
    # Two words in a row taken from the review (« stationnement payant », « salle 3 »).
    pairs = {
        (a.key, b.key)
        for a, b in zip(review.tokens, review.tokens[1:], strict=False)
        if _detail_pair(a.text, b.text)
    }
    toks = norm.tokens
    for a, b in zip(toks, toks[1:], strict=False):
        if (a.key, b.key) in pairs:
            out.append((a.start, b.end))
    return out


_STOP = frozenset(
    "le la les l un une des de du d au aux a et ou en dans sur pour par avec sans ce cet cette ces "
    "mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je tu il elle on nous vous ils "
    "elles ne pas plus que qui quoi dont y est sont etait ete avoir etre tres trop bien tout toute "
    "tous toutes meme aussi mais donc car si se s n m t c j qu".split()
)


def _detail_pair(a: str, b: str) -> bool:
    if a in _STOP or b in _STOP:
        return False
    words = _template_words()
    content = [w for w in (a, b) if w.isalpha() and len(w) >= 4 and w not in words]
    numbers = [w for w in (a, b) if w.isdigit()]
    return bool(content) and (len(content) == 2 or bool(numbers))


REVIEW_ECHO = Rule(
    name="echo_review",
    family="echo",
    severity=Severity.BLOCK,
    description="La réponse reprend un détail de santé ou personnel écrit dans l'avis.",
    explanation=(
        "« {text} » reprend un détail de l'avis (santé, nom, date, montant ou proche) : le "
        "répéter revient à le confirmer publiquement. Retirez-le."
    ),
    detector=_review_items,
)

RULES = (REVIEWER_NAME, REVIEW_ECHO)
