"""Safe display of untrusted text: every character of a review is escaped before any markup."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from responders.vocabulary import Qualification, Severity

# Only our own fixed markup ever reaches the browser; review text becomes text nodes.
_STYLES: dict[str, str] = {
    Qualification.DEFAMATION: "background:#f8d7da;border-bottom:2px solid #b02a37;",
    Qualification.INSULT: "background:#ffe5b4;border-bottom:2px solid #c25e00;",
    Qualification.CRITICISM: "background:#fff3cd;",
    Severity.BLOCK: "background:#f8d7da;border-bottom:2px solid #b02a37;",
    Severity.REVIEW: "background:#ffe5b4;border-bottom:2px dashed #c25e00;",
    Severity.WARN: "background:#fff3cd;border-bottom:2px dashed #997404;",
}


def segments(text: str, spans: Iterable[dict[str, Any]]) -> list[tuple[str, dict[str, Any] | None]]:
    """Splits `text` into plain and highlighted pieces; overlapping spans are merged, the first wins."""
    ordered = sorted(
        (s for s in spans if 0 <= int(s["start"]) < int(s["end"]) <= len(text)),
        key=lambda s: (int(s["start"]), -int(s["end"])),
    )
    pieces: list[tuple[str, dict[str, Any] | None]] = []
    cursor = 0
    for span in ordered:
        start, end = int(span["start"]), int(span["end"])
        if start < cursor:
            continue
        if start > cursor:
            pieces.append((text[cursor:start], None))
        pieces.append((text[start:end], span))
        cursor = end
    if cursor < len(text):
        pieces.append((text[cursor:], None))
    return pieces


def highlighted_html(
    text: str, spans: Iterable[dict[str, Any]], kind_key: str = "qualification"
) -> str:
    """HTML for `text` with spans highlighted; the text itself is always escaped."""
    out = ['<div style="white-space:pre-wrap;font-family:inherit;line-height:1.5">']
    for piece, span in segments(text, spans):
        escaped = html.escape(piece, quote=True)
        if span is None:
            out.append(escaped)
            continue
        style = _STYLES.get(str(span.get(kind_key, "")), _STYLES[Severity.WARN])
        title = html.escape(str(span.get("explanation", "")), quote=True)
        out.append(f'<mark style="{style}" title="{title}">{escaped}</mark>')
    out.append("</div>")
    return "".join(out)


_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|~<>:$="


def md_escape(text: str | None) -> str:
    """Untrusted text placed inside a Streamlit string that renders Markdown (captions, widget
    labels, messages): every character that could start a link, emphasis, an image, a colour
    or icon directive (`:red[...]`, `:material/...:`) or LaTeX is backslash-escaped."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in (text or ""))
