"""The reviewer's Google profile link, when a source gave one (read from the stored raw records).

Scrapers and the Places API name the author's public Google Maps page; the Business Profile
API and Takeout do not. Only an https link to a Google host is kept: the raw record is
untrusted, and the dossier must never carry a link that leads anywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

# Where each source puts the link, as paths into its raw object (see responders/importers/).
PROFILE_LINK_PATHS: tuple[tuple[str, ...], ...] = (
    ("author_link",),  # Outscraper
    ("reviewerUrl",),  # Apify Google Maps Reviews Scraper
    ("user", "link"),  # SerpApi google_maps_reviews
    ("authorAttribution", "uri"),  # Places API (New)
    ("reviewer", "profileUrl"),
)
GOOGLE_HOST = re.compile(r"(?:[a-z0-9-]+\.)*google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})")
MAX_LENGTH = 2000


def google_link(value: Any) -> str | None:
    """`value` when it is an https link to a Google host, else None."""
    if not isinstance(value, str):
        return None
    link = value.strip()
    if not link or len(link) > MAX_LENGTH or any(c.isspace() or ord(c) < 0x20 for c in link):
        return None
    try:
        parts = urlsplit(link)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() != "https" or parts.username or parts.password:
        return None
    if port not in (None, 443) or not GOOGLE_HOST.fullmatch(parts.hostname or ""):
        return None
    return link


def _at(raw: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(raw, dict):
            return None
        raw = raw.get(key)
    return raw


def profile_link(raws: Iterable[Any]) -> str | None:
    """The newest Google profile link among the raw records (newest last)."""
    for raw in reversed(list(raws)):
        for path in PROFILE_LINK_PATHS:
            link = google_link(_at(raw, path))
            if link:
                return link
    return None
