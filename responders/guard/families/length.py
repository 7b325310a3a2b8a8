"""Replies stay short: Google's hard limit is 4096 bytes of UTF-8; aim for about 400 characters."""

from __future__ import annotations

from responders.guard.rule import Context, Rule, Span
from responders.vocabulary import Severity

MAX_BYTES = 4096
SOFT_CHARS = 400


def _over_bytes(ctx: Context) -> list[Span]:
    if len(ctx.reply) * 4 <= MAX_BYTES or len(ctx.reply.encode("utf-8")) <= MAX_BYTES:
        return []
    total = 0
    for i, ch in enumerate(ctx.reply):
        total += len(ch.encode("utf-8"))
        if total > MAX_BYTES:
            return [(i, len(ctx.reply))]
    return []


def _over_chars(ctx: Context) -> list[Span]:
    text = ctx.reply.rstrip()
    return [(SOFT_CHARS, len(text))] if len(text) > SOFT_CHARS else []


TOO_LONG = Rule(
    name="length_limit",
    family="length",
    severity=Severity.BLOCK,
    description=f"La réponse dépasse la limite de Google ({MAX_BYTES} octets UTF-8).",
    explanation=(
        f"La réponse dépasse {MAX_BYTES} octets, la limite de Google : tout ce qui suit "
        "« {text} » serait refusé. Raccourcissez-la."
    ),
    detector=_over_bytes,
)

LONG = Rule(
    name="length_soft",
    family="length",
    severity=Severity.WARN,
    description=f"La réponse dépasse environ {SOFT_CHARS} caractères.",
    explanation=(
        f"La réponse dépasse {SOFT_CHARS} caractères : une réponse courte est plus sûre. "
        "Raccourcissez à partir de « {text} »."
    ),
    detector=_over_chars,
)

RULES = (TOO_LONG, LONG)
