"""SHA-256 of each captured revision, over exactly the fields the dossier shows.

Anyone holding the JSON dossier can recompute a digest from the revision printed there,
and `responders export verify` recomputes it from the database, so tampering with either
the file or the stored capture shows.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from responders.store.models import ReviewRevision
from responders.timeutil import as_utc

DIGEST_FIELDS = (
    "google_id",
    "number",
    "captured_at",
    "source",
    "rating",
    "text_original",
    "text_translated",
    "language",
    "source_updated_at",
    "owner_reply_text",
    "owner_reply_at",
)

DIGEST_METHOD = (
    "SHA-256 des octets UTF-8 du JSON canonique (clés triées, séparateurs « , » et « : », "
    "sans échappement des caractères non ASCII) de l'objet formé des champs "
    + ", ".join(DIGEST_FIELDS)
    + " de la version (google_id étant celui de l'avis), dates au format ISO 8601 en UTC."
)


def iso(moment: datetime | None) -> str | None:
    aware = as_utc(moment)
    return aware.isoformat().replace("+00:00", "Z") if aware else None


def revision_record(google_id: str | None, revision: ReviewRevision) -> dict[str, Any]:
    return {
        "google_id": google_id,
        "number": revision.number,
        "captured_at": iso(revision.captured_at),
        "source": revision.source,
        "rating": revision.rating,
        "text_original": revision.text_original,
        "text_translated": revision.text_translated,
        "language": revision.language,
        "source_updated_at": iso(revision.source_updated_at),
        "owner_reply_text": revision.owner_reply_text,
        "owner_reply_at": iso(revision.owner_reply_at),
    }


def record_sha256(record: dict[str, Any]) -> str:
    canonical = {key: record.get(key) for key in DIGEST_FIELDS}
    payload = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def revision_sha256(google_id: str | None, revision: ReviewRevision) -> str:
    return record_sha256(revision_record(google_id, revision))
