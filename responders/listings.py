"""One listing, whatever the source calls it.

The Google Business Profile API names a listing `locations/5679`; Outscraper, Apify, SerpApi
and the Places API give its `place_id`; scrapers also give the Maps feature id (`0x…:0x…`,
whose second half is the CID), Maps URLs holding the CID, and the name and address. Each
importer builds one location key; the others are kept as aliases (`location_aliases`), so that
a later file naming the listing another way lands in the same listing and keeps its profile,
hence its jurisdiction, deadlines and law.

Aliases are learnt when a file's reviews match reviews already stored in another listing
(the same review seen by two sources), and from every identifier a record carries. Two
listings that turn out to be one are merged with `merge_locations`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlmodel import Session

from responders.profiles import get_profile
from responders.store.models import AuditEvent, Location, LocationAlias, Review
from responders.timeutil import utcnow
from responders.vocabulary import AuditAction

ALIASES = LocationAlias.__table__  # type: ignore[attr-defined]
LOCATIONS = Location.__table__  # type: ignore[attr-defined]

_FEATURE_ID = re.compile(r"0x[0-9a-f]+:(0x[0-9a-f]+)", re.IGNORECASE)
_CID = re.compile(r"[?&]cid=(\d+)")
_PLACE_ID_KEYS = ("place_id", "placeId", "placeid")
_FEATURE_KEYS = ("google_id", "data_id", "fid", "featureId")
_CID_KEYS = ("cid", "ludocid")
_URL_KEYS = (
    "url",
    "place_url",
    "location_link",
    "link",
    "maps_url",
    "review_link",
    "reviewUrl",
    "googleMapsUrl",
    "query",
)
MAX_ALIAS = 400  # the column's length
_ADDRESS_KEYS = ("full_address", "address", "formattedAddress", "formatted_address", "street")
_NAME_KEYS = ("name", "title", "displayName")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _text(value: Any) -> str | None:
    if isinstance(value, dict):  # the Places API's {"text": "..."} display names
        value = value.get("text")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def cid_key(feature_or_cid: str) -> str | None:
    """`cid:<decimal>` from a CID, a feature id `0x…:0x…`, or a Maps URL holding either."""
    found = _FEATURE_ID.search(feature_or_cid)
    if found:
        number = int(found.group(1), 16)
        return f"cid:{number}" if number else None
    found = _CID.search(feature_or_cid)
    if found:
        return f"cid:{int(found.group(1))}"
    if feature_or_cid.isdigit() and int(feature_or_cid):
        return f"cid:{int(feature_or_cid)}"
    return None


def name_address_key(name: str | None, address: str | None) -> str | None:
    if not name or not address:
        return None
    return f"adresse:{_fold(name)}|{_fold(address)}"


def record_aliases(
    location_key: str | None, raw: Mapping[str, Any] | None, name: str | None = None
) -> list[str]:
    """Every key that names this record's listing: its own key first, then the place id,
    feature id, CID (also from Maps URLs) and name + address found in the source's fields."""
    keys: list[str] = [location_key] if location_key else []
    raw = raw if isinstance(raw, Mapping) else {}
    for field in _PLACE_ID_KEYS:
        value = _text(raw.get(field))
        if value:
            keys.append(f"place:{value}")
    for field in _FEATURE_KEYS:
        value = _text(raw.get(field))
        if value and _FEATURE_ID.fullmatch(value):
            keys.append(f"google:{value}")
            keys.append(cid_key(value) or "")
    for field in (*_CID_KEYS, *_URL_KEYS):
        value = _text(raw.get(field))
        if value:
            keys.append(cid_key(value) or "")
    place_name = name or next((t for t in (_text(raw.get(k)) for k in _NAME_KEYS) if t), None)
    address = next((t for t in (_text(raw.get(k)) for k in _ADDRESS_KEYS) if t), None)
    keys.append(name_address_key(place_name, address) or "")
    return list(dict.fromkeys(k for k in keys if k and len(k) <= MAX_ALIAS))


@dataclass
class Directory:
    """The known listings and their aliases, as the importer needs them."""

    keys: dict[str, int]  # location key -> id
    aliases: dict[str, int]  # alias -> location id
    names: dict[str, list[int]]  # folded name -> ids

    @classmethod
    def load(cls, conn: Connection) -> Directory:
        keys: dict[str, int] = {}
        names: dict[str, list[int]] = {}
        for row in conn.execute(select(LOCATIONS.c.id, LOCATIONS.c.key, LOCATIONS.c.name)):
            keys[row.key] = row.id
            if row.name:
                names.setdefault(_fold(row.name), []).append(row.id)
        aliases = {
            row.alias: row.location_id
            for row in conn.execute(select(ALIASES.c.alias, ALIASES.c.location_id))
        }
        return cls(keys=keys, aliases=aliases, names=names)

    def key_of(self, location_id: int) -> str | None:
        return next((k for k, i in self.keys.items() if i == location_id), None)

    def find(self, aliases: Iterable[str]) -> int | None:
        """The listing one of these keys names, or None when all are new. A bare name
        (`nom:…`, from `--location` or a name column) names a listing only when exactly one
        listing bears it."""
        for alias in aliases:
            if alias in self.keys:
                return self.keys[alias]
            if alias in self.aliases:
                return self.aliases[alias]
        for alias in aliases:
            if alias.startswith("nom:"):
                ids = self.names.get(_fold(alias.removeprefix("nom:")), [])
                if len(ids) == 1:
                    return ids[0]
        return None


def add_aliases(
    conn: Connection, directory: Directory, location_id: int, aliases: Iterable[str]
) -> int:
    """Record the aliases no listing holds yet; returns how many were added."""
    rows = []
    for alias in aliases:
        if alias in directory.aliases or alias in directory.keys or alias.startswith("nom:"):
            continue
        directory.aliases[alias] = location_id
        rows.append({"alias": alias, "location_id": location_id, "created_at": utcnow()})
    if rows:
        conn.execute(insert(ALIASES), rows)
    return len(rows)


def effective_jurisdictions(session: Session, practice_profile: str) -> set[str]:
    """The jurisdictions the practice's listings follow (their own profile, else the practice's)."""
    profiles = session.execute(select(LOCATIONS.c.profile)).scalars().all()
    return {get_profile(p or practice_profile).jurisdiction for p in profiles}


def merge_locations(session: Session, keep_id: int, merged_id: int, *, user: str) -> int:
    """Two listings that are one: the reviews, aliases and key of `merged_id` move to `keep_id`
    (which keeps its name and profile, or takes the other's when it has none), and the merged
    listing is deleted. Journaled. Returns the number of reviews moved."""
    if keep_id == merged_id:
        raise ValueError("Choisissez deux établissements différents.")
    keep = session.get(Location, keep_id)
    merged = session.get(Location, merged_id)
    if keep is None or merged is None:
        raise LookupError("Établissement introuvable.")
    if (
        keep.profile
        and merged.profile
        and get_profile(keep.profile).jurisdiction != get_profile(merged.profile).jurisdiction
    ):
        raise ValueError(
            f"« {keep.name or keep.key} » ({keep.profile}) et « {merged.name or merged.key} » "
            f"({merged.profile}) relèvent de deux juridictions : corrigez d'abord le profil de "
            "l'un des deux dans Réglages."
        )
    conn = session.connection()
    reviews = Review.__table__  # type: ignore[attr-defined]
    kept_ids = select(reviews.c.external_id).where(
        reviews.c.location_id == keep_id, reviews.c.external_id.is_not(None)
    )
    both = conn.execute(
        select(reviews.c.id).where(
            reviews.c.location_id == merged_id, reviews.c.external_id.in_(kept_ids)
        )
    ).all()
    if both:
        raise ValueError(
            f"{len(both)} avis figurent déjà dans les deux établissements sous le même identifiant : "
            "fusion impossible sans perdre leur historique."
        )
    moved = conn.execute(
        update(Review.__table__)  # type: ignore[attr-defined]
        .where(Review.__table__.c.location_id == merged_id)  # type: ignore[attr-defined]
        .values(location_id=keep_id)
    ).rowcount
    conn.execute(
        update(ALIASES).where(ALIASES.c.location_id == merged_id).values(location_id=keep_id)
    )
    merged_key, merged_name, merged_profile = merged.key, merged.name, merged.profile
    session.delete(merged)
    session.flush()
    conn.execute(delete(ALIASES).where(ALIASES.c.alias == merged_key))
    conn.execute(
        insert(ALIASES), [{"alias": merged_key, "location_id": keep_id, "created_at": utcnow()}]
    )
    if not keep.name and merged_name:
        keep.name = merged_name
    if not keep.profile and merged_profile:
        keep.profile = merged_profile
    session.add(keep)
    session.add(
        AuditEvent(
            at=utcnow(),
            user=user or "",
            action=AuditAction.SETTINGS,
            detail={
                "section": "fusion d'établissements",
                "location": keep.key,
                "merged": merged_key,
                "merged_name": merged_name,
                "reviews": int(moved or 0),
            },
        )
    )
    session.flush()
    return int(moved or 0)


def location_choices(session: Session) -> list[tuple[int, str]]:
    """(id, label) of every listing, for pickers: name, key and profile."""
    rows = session.execute(
        select(LOCATIONS.c.id, LOCATIONS.c.key, LOCATIONS.c.name, LOCATIONS.c.profile)
    ).all()
    return [
        (int(r.id), f"{r.name or r.key} — {r.key}" + (f" ({r.profile})" if r.profile else ""))
        for r in rows
    ]
