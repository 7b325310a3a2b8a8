"""Files attached to a review (a screenshot of it as published), stored byte for byte.

The lawyer may need to show what the review looked like on a given day: staff attach a
screenshot or a PDF print of the page, and the product keeps the exact bytes with their
SHA-256. A capture is never replaced or deleted; a new file is a new capture. The dossier
lists each one with its digest and `responders export verify` recomputes it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from responders.store.models import AuditEvent, Review, ReviewCapture
from responders.timeutil import utcnow
from responders.vocabulary import AuditAction

CAPTURE_ADDED = AuditAction.CAPTURE_ADDED
MAX_BYTES = 10 * 1024 * 1024
# What a capture can be, told by its first bytes (never by the name the browser sent).
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
    (b"%PDF-", "application/pdf", "pdf"),
)
ACCEPTED = "PNG, JPEG, GIF, WebP ou PDF"
_UNSAFE = re.compile(r"[^\w.\- ()]+")


def media_type_of(data: bytes) -> str | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next((media for magic, media, _ in SIGNATURES if data.startswith(magic)), None)


def clean_filename(name: str | None, media_type: str) -> str:
    """A plain file name: no folder, no control character, at most 120 characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(
        c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C"
    )
    base = _UNSAFE.sub("_", base).strip(" ._")[:120]
    if not base:
        extension = {"image/webp": "webp"}.get(media_type) or next(
            ext for _, media, ext in SIGNATURES if media == media_type
        )
        base = f"capture.{extension}"
    return base


@dataclass(frozen=True, slots=True)
class CaptureInfo:
    """A capture without its bytes: what the dossier and the pages show."""

    id: int
    review_id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime | None
    added_by: str


def add_capture(
    session: Session, review_id: int, data: bytes, *, filename: str | None, user: str
) -> CaptureInfo:
    """Store `data` as a capture of the review; ValueError (French) when the file is refused."""
    if session.get(Review, review_id) is None:
        raise LookupError(f"Avis {review_id} introuvable.")
    if not data:
        raise ValueError("Le fichier est vide : joignez une capture d'écran de l'avis.")
    if len(data) > MAX_BYTES:
        raise ValueError(
            f"Fichier trop lourd ({len(data) // 1024} Ko) : une capture ne peut dépasser "
            f"{MAX_BYTES // (1024 * 1024)} Mo."
        )
    media_type = media_type_of(data)
    if media_type is None:
        raise ValueError(
            f"Ce fichier n'est pas une image ou un PDF : joignez un fichier {ACCEPTED}."
        )
    digest = hashlib.sha256(data).hexdigest()
    name = clean_filename(filename, media_type)
    now = utcnow()
    capture = ReviewCapture(
        review_id=review_id,
        filename=name,
        media_type=media_type,
        size=len(data),
        sha256=digest,
        data=data,
        added_at=now,
        added_by=user or "",
    )
    session.add(capture)
    session.add(
        AuditEvent(
            at=now,
            user=user or "",
            action=CAPTURE_ADDED,
            review_id=review_id,
            detail={"filename": name, "sha256": digest, "size": len(data)},
        )
    )
    session.flush()
    assert capture.id is not None
    return CaptureInfo(capture.id, review_id, name, media_type, len(data), digest, now, user or "")


_INFO_COLUMNS = (
    ReviewCapture.id,
    ReviewCapture.review_id,
    ReviewCapture.filename,
    ReviewCapture.media_type,
    ReviewCapture.size,
    ReviewCapture.sha256,
    ReviewCapture.added_at,
    ReviewCapture.added_by,
)


def captures_of(session: Session, review_ids: Collection[int]) -> dict[int, list[CaptureInfo]]:
    """Each review's captures, oldest first, without loading the files themselves."""
    out: dict[int, list[CaptureInfo]] = {i: [] for i in review_ids}
    if not out:
        return out
    rows = session.exec(
        select(*_INFO_COLUMNS)  # type: ignore[call-overload]
        .where(col(ReviewCapture.review_id).in_(list(out)))
        .order_by(col(ReviewCapture.review_id), col(ReviewCapture.id))
    ).all()
    for row in rows:
        out[row[1]].append(CaptureInfo(*row))
    return out


def capture_bytes(session: Session, capture_id: int) -> bytes | None:
    capture = session.get(ReviewCapture, capture_id)
    return bytes(capture.data) if capture is not None else None
