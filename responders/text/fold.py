"""The one look-alike table of the product, shared by the classifier, the guard and the
language model's quote check.

Letters from other scripts that look like Latin ones (homoglyph evasion), ligatures and
letters NFKD keeps whole, typographic variants of quotes, apostrophes and dashes. Each maps
to what a French reader sees. The normalisers built on it (`text.chars` for the classifier,
`text.words` for the guard) keep a map from every folded character back to the original one.
"""

from __future__ import annotations

import unicodedata

CONFUSABLES: dict[str, str] = {
    # Cyrillic
    "а": "a",
    "б": "b",
    "в": "b",
    "е": "e",
    "ё": "e",
    "з": "3",
    "и": "u",
    "й": "u",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ԁ": "d",
    "ӏ": "l",
    "һ": "h",
    "ԛ": "q",
    "ԝ": "w",
    "ɡ": "g",
    "ɑ": "a",
    # Greek
    "α": "a",
    "β": "b",
    "γ": "y",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "μ": "u",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "σ": "o",
    "ς": "s",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    # Capitals that look like Latin capitals (checked before lower-casing: Greek « Μ » is an M,
    # while its lower case « μ » looks like a u)
    "Α": "a",
    "Β": "b",
    "Ε": "e",
    "Ζ": "z",
    "Η": "h",
    "Ι": "i",
    "Κ": "k",
    "Μ": "m",
    "Ν": "n",
    "Ο": "o",
    "Ρ": "p",
    "Τ": "t",
    "Υ": "y",
    "Χ": "x",
    "А": "a",
    "В": "b",
    "Е": "e",
    "К": "k",
    "М": "m",
    "Н": "h",
    "О": "o",
    "Р": "p",
    "С": "c",
    "Т": "t",
    "Х": "x",
    "У": "y",
    "Ѕ": "s",
    "І": "i",
    "Ј": "j",
    # Ligatures and letters NFKD keeps whole
    "œ": "oe",
    "æ": "ae",
    "ß": "ss",
    "ø": "o",
    "đ": "d",
    "ł": "l",
    "ı": "i",
    # Typography
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "´": "'",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "−": "-",
    "·": ".",
    "•": ".",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "…": ".",
}


def fold(ch: str) -> str:
    """One character, lower-cased, accents removed, look-alikes read as Latin (may be empty,
    or longer: « œ » -> « oe »). Spaces and control characters are the caller's concern."""
    mapped = CONFUSABLES.get(ch)
    if mapped is None:
        mapped = CONFUSABLES.get(ch.lower())
    if mapped is not None:
        return mapped
    out = []
    for c in unicodedata.normalize("NFKD", ch.lower()):
        if unicodedata.combining(c):
            continue
        out.append(CONFUSABLES.get(c, c))
    return "".join(out)
