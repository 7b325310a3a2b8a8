"""A health or money word named only to refuse the topic is no disclosure.

« Nous ne discutons jamais de soins, de traitements ni de factures en ligne » names topics in
general; « nous ne commentons pas votre traitement » still points at the reader's care. A
mention counts as generic when a refusal (a negation and a verb of speaking) comes before it in
the same sentence, with no « mais » in between, and nothing ties the word to someone
(possessive, demonstrative, « que vous… » after it).
"""

from __future__ import annotations

import re

from responders.guard.rule import Context, Span
from responders.text.words import _fold_char

_SENTENCE_END = re.compile(r"[.!?;\n]")
_WINDOW = 240
_REFUSAL = re.compile(
    r"(?<![a-z])(?:ne|n'|n|aucun|aucune|jamais|ni)(?![a-z])[^.!?;]*?(?<![a-z])"
    r"(?:discut|comment|parl|abord|evoqu|trait|communiqu|divulgu|repond|publi|partag|confirm|"
    r"donn|diffus|revel|mentionn|exprim|dire|dit|precis|detaill)[a-z]*"
)
_REFUSAL_NOUN = re.compile(
    r"(?<![a-z])(?:aucune?s?|jamais|ni|sans)(?: [a-z']+){0,2} (?:question|information|detail|precision|"
    r"discussion|donnee|commentaire|renseignement)s?(?![a-z])"
)
# What ends a refusal's reach: a contrast, or a moment told (« surtout après un traitement de
# canal » narrates an event; it does not name a topic in general).
_BREAK = re.compile(
    r"(?<![a-z])(?:mais|cependant|toutefois|pourtant|or|neanmoins|sauf|"
    r"(?:surtout |notamment |en particulier |especially |particularly |even |meme )?"
    # « avant comme après une consultation » still speaks of anyone
    r"(?<!comme )(?<!ou )(?<!or )(?<!and )(?<!et )"
    r"(?:apres|avant|pendant|lors d|lors de|depuis|after|before|during|since) "
    r"(?:un|une|le|la|l|les|votre|vos|ce|cet|cette|ces|your|the|a|an|this|that)(?![a-z]))(?![a-z])"
)
_OWNED_BEFORE = re.compile(
    r"(?<![a-z])(?:votre|vos|ton|tes|son|sa|ses|leur|leurs|mon|ma|mes|ce|cet|cette|ces)\s+(?:[a-z'-]+\s+)?$"
)
_OWNED_AFTER = re.compile(
    r"^\s*(?:[a-z'-]+\s+){0,3}?(?:que vous|qu'on vous|que nous vous|que l'on vous|dont vous|qui vous|de votre|de vos|"
    r"pour vous|chez vous|sur vous|realise|effectue|recu|pratique)(?![a-z])"
)


def _fold(text: str) -> str:
    """Lower case, accents and look-alikes folded, character by character (no tokenizing)."""
    return "".join(
        (" " if ch in "\t\r\n\v\f" else ch) if ch.isascii() and not ch.isupper() else _fold_char(ch)
        for ch in text
    )


def generic_mention(ctx: Context, span: Span) -> bool:
    reply = ctx.reply
    # Only the words near the mention count (a refusal is a few words before it): the window
    # keeps every mention's cost bounded, so a long reply stays linear.
    low = max(0, span[0] - _WINDOW)
    start = max((m.end() for m in _SENTENCE_END.finditer(reply, low, span[0])), default=low)
    end_match = _SENTENCE_END.search(reply, span[1], span[1] + _WINDOW)
    end = end_match.start() if end_match else min(len(reply), span[1] + _WINDOW)
    before = _fold(reply[start : span[0]])
    after = _fold(reply[span[1] : end])
    refusal = None
    for m in _REFUSAL.finditer(before):
        refusal = m
    if refusal is None:
        for m in _REFUSAL_NOUN.finditer(before):
            refusal = m
    if refusal is None:
        tail = before[-40:]
        if not re.search(r"(?<![a-z])(?:aucune?|ni)(?: [a-z']+)?\s*$", tail):
            return False
    elif _BREAK.search(before[refusal.end() :]):
        return False
    if _OWNED_BEFORE.search(before) or _OWNED_AFTER.search(after):
        return False
    return True
