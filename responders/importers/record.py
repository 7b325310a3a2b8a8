"""The normalized review record every source shape is mapped onto (FORMATS.md)."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

# What makes a captured state distinct: a change in any of these is a new revision. Source,
# ids, urls and timestamps are left out so the same review seen by two sources (or by the same
# source at two capture times) has the same digest.
STATE_FIELDS = ("rating", "text_original", "text_translated", "owner_reply_text")

# Bookkeeping flags, not data the source gave: not part of the canonical record.
_INTERNAL = ("raw", "created_at_approx", "reply_known")


@dataclass(slots=True)
class NormalizedReview:
    source: str
    external_id: str | None = None
    location_key: str | None = None
    location_name: str | None = None
    rating: int | None = None
    text_original: str | None = None
    text_translated: str | None = None
    language: str | None = None
    author_display_name: str | None = None
    is_anonymous: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    owner_reply_text: str | None = None
    owner_reply_at: datetime | None = None
    review_url: str | None = None
    flag_url: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)
    # created_at was computed from a relative date ("il y a 2 mois"): close, not exact
    created_at_approx: bool = False
    # False for sources that never carry the owner's reply (Places API): "no reply" means unknown
    reply_known: bool = True

    def canonical(self) -> dict[str, Any]:
        """The record as plain JSON values, without the raw source object."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name in _INTERNAL:
                continue
            value = getattr(self, f.name)
            out[f.name] = value.isoformat() if isinstance(value, datetime) else value
        return out

    def canonical_json(self) -> str:
        return canonical_json(self.canonical())

    def state(self) -> dict[str, Any]:
        return {name: _state_value(getattr(self, name)) for name in STATE_FIELDS}

    def digest(self) -> str:
        """SHA-256 of the captured state (see STATE_FIELDS); stable across capture times."""
        return sha256(canonical_json(self.state()))

    def has_strong_identity(self) -> bool:
        """Author and exact publication time known: enough to recognise the review elsewhere."""
        return (
            bool(self.author_display_name)
            and self.created_at is not None
            and not self.created_at_approx
        )

    def is_distinctive(self) -> bool:
        """Enough to recognise the review under another listing id: a known author, or a text,
        with an exact publication time."""
        return (
            self.created_at is not None
            and not self.created_at_approx
            and bool(self.author_display_name or self.text_original)
        )

    def fingerprint(self) -> str:
        """Author + publication minute + rating; matches one review seen by two sources.

        Minutes, because sources round publication times differently (nanoseconds in the API,
        seconds in scrapers, minutes once Excel has re-saved a file). Without a known author or
        an exact date that would be too weak, so the text is mixed in instead.
        """
        minute = self.created_at.isoformat()[:16] if self.created_at else ""  # YYYY-MM-DDTHH:MM
        rating = "" if self.rating is None else str(self.rating)
        if self.has_strong_identity():
            author = " ".join(
                unicodedata.normalize("NFKC", self.author_display_name or "").casefold().split()
            )
            return sha256(f"a|{author}|{minute}|{rating}")
        day = "" if self.created_at_approx else minute
        return sha256(f"t|{day}|{rating}|{_state_value(self.text_original) or ''}")


def _state_value(value: Any) -> Any:
    if isinstance(value, str):
        # line endings and outer blanks change when a file goes through Excel; the review does not
        return unicodedata.normalize("NFC", value.replace("\r\n", "\n")).strip() or None
    return value


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 characters kept: one text per value, byte for byte."""
    return _ENCODER.encode(value)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
