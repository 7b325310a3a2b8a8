"""Which imported URLs may become clickable links: https, on Google's own hosts, nothing else.

Review and « report » URLs come from imported files, so they are untrusted: a `data:` or
`javascript:` URL, an http link, or a look-alike (`https://google.com@evil.example`,
`https://google.com.evil.example`) must never be offered as a button. Anything refused is
shown as plain text, or not at all.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Hosts Google serves reviews, Maps and its report forms from (and their subdomains).
GOOGLE_DOMAINS = (
    "google.com",
    "google.fr",
    "google.ca",
    "google.be",
    "google.ch",
    "google.lu",
    "goo.gl",
    "g.page",
    "g.co",
)
MAX_URL_LENGTH = 4096


def google_link(url: str | None) -> str | None:
    """`url` when it is an https link to a Google host, else None."""
    if not url or len(url) > MAX_URL_LENGTH or not url.isascii():
        return None
    if any(c.isspace() or ord(c) < 0x20 or c == "\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme != "https" or parts.username is not None or parts.password is not None:
        return None
    if port not in (None, 443) or "@" in parts.netloc:
        return None
    host = (parts.hostname or "").rstrip(".")
    if not any(host == domain or host.endswith("." + domain) for domain in GOOGLE_DOMAINS):
        return None
    if host == "goo.gl" and not (parts.path == "/maps" or parts.path.startswith("/maps/")):
        return None  # goo.gl itself shortens any address; only its /maps links stay on Maps
    return url


def report_link(flag_url: str | None, review_url: str | None) -> str | None:
    """The link of the « Signaler à Google » button: the report form, else the review itself."""
    return google_link(flag_url) or google_link(review_url)
