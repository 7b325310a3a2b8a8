"""Links built from imported data: only https addresses on Google's own hosts are ever shown
as links. An imported URL is untrusted (a `data:` or `javascript:` address, or any other site,
would send staff somewhere the practice never chose)."""

from __future__ import annotations

from urllib.parse import urlsplit

GOOGLE_HOSTS = frozenset({
    "google.com", "www.google.com", "maps.google.com", "business.google.com",
    "search.google.com", "support.google.com", "g.page", "maps.app.goo.gl",
})
GOOGLE_SUFFIXES = (".google.com", ".google.fr", ".google.ca")


def google_link(url: str | None) -> str | None:
    """`url` when it is an https link to a Google host, else None."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if any(c in url for c in "\x00\r\n\t \\"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme != "https" or not host or parts.username or parts.password or parts.port not in (None, 443):
        return None
    if host in GOOGLE_HOSTS or host in {"google.fr", "google.ca"} or host.endswith(GOOGLE_SUFFIXES):
        return url
    if host == "goo.gl" and parts.path.startswith("/maps"):
        return url
    return None
