"""Storing parsed files: one transaction per file, one revision per distinct captured state.

Decisions worth knowing:

- A review is matched by (listing, source id), else by a long Google id in any listing, else
  by its fingerprint (author + publication minute + rating; the text instead when there is
  no author) in the same listing, else, when the publication time is exact, by that
  fingerprint in any listing: the same review exported by the API and by a scraper is one
  review even though the two sources name the listing differently. The matching listing's
  empty name is filled from the other source.
- Re-importing an identical file writes nothing at all: no revision, no `last_seen_at` update,
  no ImportRun row. An ImportRun row is written for each file that brought something new or
  changed (its revisions point to it), and only then is `last_seen_at` of the unchanged
  reviews of that file moved forward. This keeps "import twice, change nothing" literal.
- Sources that do not carry a field (the Places API has no owner replies; most sources have
  no translation) do not erase what another source said: the missing value is taken from the
  current revision before comparing states.
- Records repeated inside one file are handled in order, like successive captures.
- The current revision is the newest by the source's own time (`updateTime`, else the capture
  time): an older export imported after a newer one adds its state as a revision but never
  makes it current (counted as `older` in the summary).
- A state already stored (same digest, same source time or none given) is not stored again:
  re-importing a file that holds two states of one review writes nothing.
- The database's write lock is taken before the matching index is read (SQLite: BEGIN
  IMMEDIATE; PostgreSQL: a transaction-level advisory lock), so two imports at once run one
  after the other instead of both inserting the same reviews.
"""

from __future__ import annotations

import gc
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlmodel import Session

from responders.errors import UnusableInput
from responders.importers.base import ParsedFile, name_location_key
from responders.importers.record import NormalizedReview, canonical_json, sha256
from responders.store.bulk import allocate_ids, bulk_insert
from responders.store.models import ImportRun, Location, Review, ReviewRevision
from responders.timeutil import UTCDateTime, utcnow
from responders.vocabulary import Status

Progress = Callable[[int, int, str], None]

REVIEWS = Review.__table__  # type: ignore[attr-defined]
REVISIONS = ReviewRevision.__table__  # type: ignore[attr-defined]
LOCATIONS = Location.__table__  # type: ignore[attr-defined]
RUNS = ImportRun.__table__  # type: ignore[attr-defined]
CHUNK = 500  # ids per IN (...) clause: far below every database's parameter limit
# Google's review ids are long opaque strings, unique across listings: a match on one of them
# holds whatever listing id the source used. Short ids ("1", "2" in a hand-made CSV) do not.
GLOBAL_ID_LENGTH = 20


@dataclass
class FileResult:
    label: str
    shape: str
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    classified: int | None = None
    older: int = 0  # states older than the current one: kept as revisions, not made current


def resolve_locations(parsed: ParsedFile, location: str | None) -> None:
    """Give every record a listing key before anything is written; UnusableInput if none can be
    found, so that the whole command writes nothing."""
    keys = {rec.location_key for _, rec in parsed.records if rec.location_key}
    fallback: str | None = None
    if location:
        fallback = name_location_key(location)
    elif len(keys) == 1:
        fallback = next(iter(keys))
    for _, rec in parsed.records:
        if not rec.location_name and location:
            rec.location_name = location
        if rec.location_key:
            continue
        if fallback is None and rec.location_name:
            rec.location_key = name_location_key(rec.location_name)  # the source's own name for it
            continue
        if fallback is None:
            raise UnusableInput(
                f"{parsed.label} : ce fichier ne dit pas à quel établissement appartiennent les avis. "
                'Relancez l\'import en précisant le nom du cabinet : --location "Cabinet du Dr Martin".'
            )
        rec.location_key = fallback


@dataclass(slots=True, eq=False)
class _Known:
    """A review as the matcher sees it: in the database already, or new in this file."""

    key: str
    external_id: str | None
    fingerprint: str
    source: str
    digest: str | None
    count: int
    id: int | None = None
    state: dict[str, Any] | None = None  # current revision contents, loaded when needed
    row: dict[str, Any] | None = None  # insert values when new in this file
    revisions: list[dict[str, Any]] = field(default_factory=list)
    touched: bool = False
    columns: dict[str, Any] = field(default_factory=dict)  # review columns to update if stored
    has_url: bool = False
    has_flag: bool = False
    rank: int = 1  # among the listing's reviews sharing this fingerprint (unique together)
    current_at: datetime | None = None  # source time (else capture time) of the current state
    states: set[tuple[str, datetime | None]] | None = None  # (digest, source time) stored
    current: dict[str, Any] | None = None  # the revision row to make current, if any


class _Index:
    def __init__(self) -> None:
        self.by_external: dict[tuple[str, str], _Known] = {}
        self.by_long_external: dict[str, _Known] = {}
        self.by_print_here: dict[tuple[str, str], list[_Known]] = {}
        self.by_print: dict[str, list[_Known]] = {}

    def add(self, known: _Known) -> None:
        if known.external_id:
            self.by_external.setdefault((known.key, known.external_id), known)
            if len(known.external_id) >= GLOBAL_ID_LENGTH:
                self.by_long_external.setdefault(known.external_id, known)
        here = self.by_print_here.setdefault((known.key, known.fingerprint), [])
        if known.row is not None:
            known.rank = known.row["fingerprint_rank"] = max((k.rank for k in here), default=0) + 1
        here.append(known)
        self.by_print.setdefault(known.fingerprint, []).append(known)

    def match(
        self, rec: NormalizedReview, key: str, fingerprint: str, seen: set[int]
    ) -> _Known | None:
        if rec.external_id:
            known = self.by_external.get((key, rec.external_id))
            if known is None and len(rec.external_id) >= GLOBAL_ID_LENGTH:
                known = self.by_long_external.get(rec.external_id)
            if known is not None:
                return known
        candidates = [
            k
            for k in self.by_print_here.get((key, fingerprint), ())
            if not (
                rec.external_id
                and k.external_id
                and rec.source == k.source
                and rec.external_id != k.external_id  # one source, two ids: two reviews
            )
        ]
        if not candidates and rec.is_distinctive():
            candidates = self.by_print.get(fingerprint, [])
        for known in candidates:
            if id(known) not in seen:
                return known
        # Every look-alike was already matched in this file. With an author or a text at an
        # exact time it is the same review listed twice (API pages overlap); a bare "Super !",
        # 5 stars, no name, no date, twice, is two people.
        return candidates[0] if candidates and rec.is_distinctive() else None


STATE_COLUMNS = (
    "rating",
    "text_original",
    "text_translated",
    "language",
    "owner_reply_text",
    "owner_reply_at",
)


def _load_index(conn: Connection) -> tuple[_Index, dict[str, dict[str, Any]]]:
    locations = {
        row.key: {"id": row.id, "name": row.name}
        for row in conn.execute(select(LOCATIONS.c.id, LOCATIONS.c.key, LOCATIONS.c.name))
    }
    key_of = {loc["id"]: key for key, loc in locations.items()}
    index = _Index()
    query = select(
        REVIEWS.c.id,
        REVIEWS.c.location_id,
        REVIEWS.c.external_id,
        REVIEWS.c.fingerprint,
        REVIEWS.c.source,
        REVIEWS.c.revision_count,
        REVISIONS.c.digest,
        REVIEWS.c.fingerprint_rank,
        REVIEWS.c.review_url.is_not(None).label("has_url"),
        REVIEWS.c.flag_url.is_not(None).label("has_flag"),
    ).outerjoin(REVISIONS, REVISIONS.c.id == REVIEWS.c.current_revision_id)
    for row in conn.execute(query):
        index.add(
            _Known(
                id=row.id,
                key=key_of.get(row.location_id, ""),
                external_id=row.external_id,
                fingerprint=row.fingerprint,
                source=row.source,
                digest=row.digest,
                count=row.revision_count,
                has_url=bool(row.has_url),
                has_flag=bool(row.has_flag),
                rank=row.fingerprint_rank or 1,
            )
        )
    return index, locations


def _load_states(conn: Connection, knowns: list[_Known]) -> None:
    """Current revision contents and time, and every stored state's (digest, source time),
    fetched only for reviews whose digest differs."""
    wanted = {k.id: k for k in knowns if k.state is None and k.id is not None}
    ids = list(wanted)
    for known in wanted.values():
        known.states = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = (
            select(
                REVIEWS.c.id,
                REVISIONS.c.source_updated_at,
                REVISIONS.c.captured_at,
                *(REVISIONS.c[c] for c in STATE_COLUMNS),
            )
            .join(REVISIONS, REVISIONS.c.id == REVIEWS.c.current_revision_id)
            .where(REVIEWS.c.id.in_(chunk))
        )
        for row in conn.execute(query):
            known = wanted[row.id]
            known.state = {c: getattr(row, c) for c in STATE_COLUMNS}
            known.current_at = row.source_updated_at or row.captured_at
        query = select(
            REVISIONS.c.review_id, REVISIONS.c.digest, REVISIONS.c.source_updated_at
        ).where(REVISIONS.c.review_id.in_(chunk))
        for row in conn.execute(query):
            states = wanted[row.review_id].states
            assert states is not None
            states.add((row.digest, row.source_updated_at))
    for known in wanted.values():
        if known.state is None:
            known.state = dict.fromkeys(STATE_COLUMNS)


def _already_stored(known: _Known, digest: str, when: datetime | None) -> bool:
    """This state was captured before (same digest at the same source time, or a source that
    gives no time): storing it again would make a re-import add revisions."""
    return any(
        stored == digest and (when is None or at is None or at == when)
        for stored, at in known.states or ()
    )


def _same_text(a: str | None, b: str | None) -> bool:
    return (a or "").replace("\r\n", "\n").strip() == (b or "").replace("\r\n", "\n").strip()


def inherit(rec: NormalizedReview, state: dict[str, Any]) -> None:
    """Fill what this source cannot know from the current state, so silence is not a change."""
    if not rec.reply_known:
        rec.owner_reply_text = state.get("owner_reply_text")
        rec.owner_reply_at = state.get("owner_reply_at")
    if rec.rating is None:
        rec.rating = state.get("rating")
    if _same_text(rec.text_original, state.get("text_original")):
        if rec.text_translated is None:
            rec.text_translated = state.get("text_translated")
        if rec.language is None:
            rec.language = state.get("language")
    if rec.owner_reply_at is None and _same_text(
        rec.owner_reply_text, state.get("owner_reply_text")
    ):
        rec.owner_reply_at = state.get("owner_reply_at")


def _state_of(rec: NormalizedReview) -> dict[str, Any]:
    return {c: getattr(rec, c) for c in STATE_COLUMNS}


def store_file(
    session: Session,
    parsed: ParsedFile,
    *,
    classify: bool = True,
    progress: Progress | None = None,
    done_before: int = 0,
    total: int = 0,
    profile: str | None = None,
) -> FileResult:
    """Store one parsed file inside the caller's transaction (see the module docstring).
    `profile` is given to the listings this file creates (known ones keep their own)."""
    now = utcnow()
    conn = session.connection()
    result = FileResult(
        label=parsed.label,
        shape=parsed.shape,
        read=parsed.read,
        rejected=len(parsed.errors),
        errors=list(parsed.errors),
    )
    lock_for_import(conn)
    index, locations = _load_index(conn)
    aliases = _resolve_listings(conn, parsed, index)
    new_reviews: list[_Known] = []
    changed: list[_Known] = []
    unchanged: set[int | None] = set()
    deferred: list[tuple[int, NormalizedReview, _Known, str]] = []
    seen: set[int] = set()
    links: dict[int, dict[str, str]] = {}
    names: dict[int, str] = {}  # listings known only by id, named by another source

    for position, (number, rec) in enumerate(parsed.records, start=1):
        key, fingerprint, digest = _plan_record(rec)
        known = index.match(rec, key, fingerprint, seen)
        if known is None:
            known = _Known(
                key=key,
                external_id=rec.external_id,
                fingerprint=fingerprint,
                source=rec.source,
                digest=digest,
                count=1,
                state=_state_of(rec),
                row=_review_row(rec, fingerprint, now),
                current_at=rec.updated_at or now,
                states={(digest, rec.updated_at)},
            )
            known.current = _revision_row(rec, digest, 1, now)
            known.revisions.append(known.current)
            index.add(known)
            new_reviews.append(known)
            result.new += 1
        else:
            _note_name(locations, known.key, rec.location_name, names)
            if known.row is None and known.digest == digest and id(known) not in seen:
                unchanged.add(known.id)
                result.unchanged += 1
                _note_links(known, rec, links)
            else:
                deferred.append((number, rec, known, digest))
        seen.add(id(known))
        if progress and position % 5000 == 0:
            progress(done_before + position, total, f"Analyse de {parsed.label}")

    _load_states(conn, [k for _, _, k, _ in deferred])
    for _number, rec, known, _digest in deferred:
        assert known.state is not None
        inherit(rec, known.state)
        digest = rec.digest()
        if digest == known.digest or _already_stored(known, digest, rec.updated_at):
            if known.row is None:
                unchanged.add(known.id)
            _note_links(known, rec, links)
            result.unchanged += 1
            continue
        when = rec.updated_at or now
        older = known.current_at is not None and when < known.current_at
        known.count += 1
        revision = _revision_row(rec, digest, known.count, now)
        known.revisions.append(revision)
        assert known.states is not None
        known.states.add((digest, rec.updated_at))
        if known.row is None and not known.touched:
            changed.append(known)
        known.touched = True
        if known.row is not None:
            known.row["revision_count"] = known.count
        if older:
            # kept for the record, never made current: the newest text stays the one judged
            result.older += 1
            _note_links(known, rec, links)  # a link only the older export gave is still kept
            continue
        known.digest = digest
        known.state = _state_of(rec)
        known.current_at = when
        known.current = revision
        _merge_review_columns(known, rec)
        result.updated += 1

    if new_reviews or changed:
        _write(
            conn,
            parsed,
            result,
            new_reviews,
            changed,
            unchanged - {k.id for k in changed},
            locations,
            now,
            profile,
        )
    _store_aliases(conn, aliases)
    for review_id, values in links.items():
        conn.execute(update(REVIEWS).where(REVIEWS.c.id == review_id).values(**values))
    for location_id, name in names.items():
        conn.execute(update(LOCATIONS).where(LOCATIONS.c.id == location_id).values(name=name))
    if classify:
        result.classified = classify_pending(session)
    return result


IMPORT_LOCK = 0x7265_7370  # pg_advisory_xact_lock key shared by every import ("resp")
IMPORT_WAIT_MS = 600_000  # an import waits up to ten minutes for another one to finish


def lock_for_import(conn: Connection) -> None:
    """Take the database's write lock before the matching index is read, for this transaction.

    Without it two imports both read the index, both find the review new, and both insert it.
    SQLite: BEGIN IMMEDIATE (the reserved lock; a later read-then-write upgrade would fail with
    « database is locked »). PostgreSQL: an advisory lock held until commit or rollback. Every
    listing is serialised together, because matching crosses listings."""
    if conn.dialect.name == "sqlite":
        driver = conn.connection.dbapi_connection
        if driver is not None and not driver.in_transaction:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={IMPORT_WAIT_MS}")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                conn.exec_driver_sql("PRAGMA busy_timeout=10000")
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK})


ALIAS_SAMPLE = 50  # records per listing key whose fields are read for other identifiers


def _resolve_listings(conn: Connection, parsed: ParsedFile, index: _Index) -> dict[str, set[str]]:
    """Give each record the key of the listing it belongs to, whatever the source calls it
    (see responders/listings.py), and return the aliases to remember per listing key.

    A key no listing holds yet is looked up in the aliases; failing that, if the file's
    reviews under that key are reviews already stored in one listing (the same review seen
    by another source), the key is that listing's."""
    from responders.listings import Directory, record_aliases

    directory = Directory.load(conn)
    key_of = {i: k for k, i in directory.keys.items()}
    by_key: dict[str, list[NormalizedReview]] = {}
    for _, rec in parsed.records:
        by_key.setdefault(rec.location_key or "", []).append(rec)
    found: dict[str, set[str]] = {}
    for key, records in by_key.items():
        names: list[str] = []
        for rec in records[:ALIAS_SAMPLE]:
            names.extend(
                a for a in record_aliases(key, rec.raw, rec.location_name) if a not in names
            )
        target_id = directory.find(names)
        target = key_of.get(target_id) if target_id is not None else None
        if target is None:
            target = _vote(records, key, index, directory.keys) or key
        if target != key:
            for rec in records:
                rec.location_key = target
        found.setdefault(target, set()).update(n for n in names if n != target)
    return found


def new_listing_keys(session: Session, parsed: ParsedFile) -> set[str]:
    """The listing keys of this file that no stored listing answers to (nothing is written;
    the records get their resolved keys, as store_file would give them)."""
    conn = session.connection()
    index, locations = _load_index(conn)
    found = _resolve_listings(conn, parsed, index)
    return {key for key in found if key not in locations}


def _vote(
    records: list[NormalizedReview], key: str, index: _Index, known_keys: dict[str, int]
) -> str | None:
    """The stored listing these reviews already belong to: by Google's long review ids (a
    dictionary look-up each), else, for sources without them, by fingerprint on a sample. A
    third of the reviews at least must be known there: one look-alike review is no proof."""
    votes: dict[str, int] = {}
    long_ids = [
        rec.external_id
        for rec in records
        if rec.external_id and len(rec.external_id) >= GLOBAL_ID_LENGTH
    ]
    considered = len(long_ids)
    if long_ids:
        for external_id in long_ids:
            known = index.by_long_external.get(external_id)
            if known is not None and known.key != key and known.key in known_keys:
                votes[known.key] = votes.get(known.key, 0) + 1
    elif index.by_print:
        sample = records[: ALIAS_SAMPLE * 4]
        considered = len(sample)
        for rec in sample:
            known = index.match(rec, key, rec.fingerprint(), set())
            if known is not None and known.key != key and known.key in known_keys:
                votes[known.key] = votes.get(known.key, 0) + 1
    if not votes:
        return None
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] * 3 >= considered else None


def _store_aliases(conn: Connection, found: dict[str, set[str]]) -> None:
    from responders.listings import Directory, add_aliases

    if not any(found.values()):
        return
    directory = Directory.load(conn)
    for key, names in found.items():
        location_id = directory.keys.get(key)
        if location_id is not None:
            add_aliases(conn, directory, location_id, sorted(names))


def _note_name(
    locations: dict[str, dict[str, Any]], key: str, name: str | None, names: dict[int, str]
) -> None:
    """The API names a listing `locations/5678` only; a scraper export of the same reviews
    gives its name. Filled once, when the listing has none."""
    location = locations.get(key)
    if name and location is not None and not location["name"]:
        location["name"] = names[location["id"]] = name


def _note_links(known: _Known, rec: NormalizedReview, links: dict[int, dict[str, str]]) -> None:
    """A link no source gave before (the Places API's "report" link) is kept even when the
    review itself did not change; once stored, re-imports write nothing again."""
    if known.row is not None:
        for name in ("review_url", "flag_url"):
            if known.row.get(name) is None and getattr(rec, name):
                known.row[name] = getattr(rec, name)
        return
    assert known.id is not None
    if rec.review_url and not known.has_url:
        links.setdefault(known.id, {})["review_url"] = rec.review_url
        known.has_url = True
    if rec.flag_url and not known.has_flag:
        links.setdefault(known.id, {})["flag_url"] = rec.flag_url
        known.has_flag = True


def _plan_record(rec: NormalizedReview) -> tuple[str, str, str]:
    """Per-record work before any write: listing key, fingerprint, state digest."""
    assert rec.location_key, "resolve_locations() runs before store_file()"
    return rec.location_key, rec.fingerprint(), rec.digest()


def _review_row(rec: NormalizedReview, fingerprint: str, now: datetime) -> dict[str, Any]:
    return {
        "location_id": None,
        "external_id": rec.external_id,
        "fingerprint": fingerprint,
        "source": rec.source,
        "author_display_name": rec.author_display_name,
        "is_anonymous": rec.is_anonymous,
        "rating": rec.rating,
        "created_at": rec.created_at,
        "updated_at": rec.updated_at,
        "review_url": rec.review_url,
        "flag_url": rec.flag_url,
        "first_seen_at": now,
        "last_seen_at": now,
        "current_revision_id": None,
        "revision_count": 1,
        "fingerprint_rank": 1,  # set by _Index.add
        "changed_at": now,
        "status": Status.NEW,
        "for_lawyer": False,
        # set by staff only; until then Québec deadlines count from publication (deadlines.py)
        "knowledge_date": None,
        # carried to the location insert, removed before the review insert
        "_location_name": rec.location_name,
    }


def _revision_row(rec: NormalizedReview, digest: str, number: int, now: datetime) -> dict[str, Any]:
    return {
        "review_id": None,
        "import_run_id": None,
        "number": number,
        "captured_at": now,
        "source": rec.source,
        "rating": rec.rating,
        "text_original": rec.text_original,
        "text_translated": rec.text_translated,
        "language": rec.language,
        "owner_reply_text": rec.owner_reply_text,
        "owner_reply_at": rec.owner_reply_at,
        "source_updated_at": rec.updated_at,
        "raw": rec.raw,
        "digest": digest,
    }


def _merge_review_columns(known: _Known, rec: NormalizedReview) -> None:
    """Latest known values for the review row; None never erases a value another source gave."""
    values = {
        "rating": rec.rating,
        "updated_at": rec.updated_at,
        "author_display_name": rec.author_display_name,
        "review_url": rec.review_url,
        "flag_url": rec.flag_url,
        "created_at": None if rec.created_at_approx else rec.created_at,
    }
    target = known.row if known.row is not None else known.columns
    for name, value in values.items():
        if value is not None:
            target[name] = value


UPDATABLE = ("rating", "updated_at", "author_display_name", "review_url", "flag_url")


def _write(
    conn: Connection,
    parsed: ParsedFile,
    result: FileResult,
    new_reviews: list[_Known],
    changed: list[_Known],
    unchanged: set[int | None],
    locations: dict[str, dict[str, Any]],
    now: datetime,
    profile: str | None = None,
) -> None:
    run_id = conn.execute(
        insert(RUNS).returning(RUNS.c.id),
        {
            "started_at": now,
            "finished_at": None,
            "files": [parsed.label],
            "read": result.read,
            "new": result.new,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "rejected": result.rejected,
            "errors": result.errors,
        },
    ).scalar_one()

    for known in new_reviews:
        assert known.row is not None
        name = known.row.pop("_location_name", None)
        location = locations.get(known.key)
        if location is None:
            location_id = conn.execute(
                insert(LOCATIONS).returning(LOCATIONS.c.id),
                {"key": known.key, "name": name or "", "profile": profile, "created_at": now},
            ).scalar_one()
            location = locations[known.key] = {"id": location_id, "name": name or ""}
        elif name and not location["name"]:
            conn.execute(
                update(LOCATIONS).where(LOCATIONS.c.id == location["id"]).values(name=name)
            )
            location["name"] = name
        known.row["location_id"] = location["id"]

    review_ids = allocate_ids(conn, REVIEWS, len(new_reviews))
    for known, review_id in zip(new_reviews, review_ids, strict=True):
        known.id = review_id
    revisions: list[dict[str, Any]] = []
    for known in (*new_reviews, *changed):
        revisions.extend(known.revisions)
    revision_ids = iter(allocate_ids(conn, REVISIONS, len(revisions)))
    for known in (*new_reviews, *changed):
        for revision in known.revisions:
            revision["id"] = next(revision_ids)
            revision["review_id"] = known.id
            revision["import_run_id"] = run_id
        if known.row is not None:
            assert known.current is not None
            known.row["id"] = known.id
            known.row["current_revision_id"] = known.current["id"]

    bulk_insert(conn, REVIEWS, [k.row for k in new_reviews if k.row is not None])
    bulk_insert(conn, REVISIONS, revisions)

    older_only = [k for k in changed if k.current is None]
    changed = [k for k in changed if k.current is not None]
    if older_only:
        conn.execute(
            update(REVIEWS)
            .where(REVIEWS.c.id == bindparam("p_id"))
            .values(
                revision_count=bindparam("p_count"),
                last_seen_at=bindparam("p_now", type_=UTCDateTime()),
            ),
            [{"p_id": k.id, "p_count": k.count, "p_now": now} for k in older_only],
        )
    if changed:
        # one executemany; COALESCE keeps what the source left empty (None never erases)
        statement = (
            update(REVIEWS)
            .where(REVIEWS.c.id == bindparam("p_id"))
            .values(
                current_revision_id=bindparam("p_revision"),
                revision_count=bindparam("p_count"),
                changed_at=bindparam("p_now", type_=UTCDateTime()),
                last_seen_at=bindparam("p_now", type_=UTCDateTime()),
                **{
                    name: func.coalesce(
                        bindparam(f"p_{name}", type_=REVIEWS.c[name].type), REVIEWS.c[name]
                    )
                    for name in UPDATABLE
                },
            )
        )
        conn.execute(
            statement,
            [
                {
                    "p_id": known.id,
                    "p_revision": known.current["id"],  # type: ignore[index]
                    "p_count": known.count,
                    "p_now": now,
                    **{f"p_{name}": known.columns.get(name) for name in UPDATABLE},
                }
                for known in changed
            ],
        )

    seen_ids = [i for i in unchanged if i is not None]
    for start in range(0, len(seen_ids), CHUNK):
        chunk = seen_ids[start : start + CHUNK]
        conn.execute(update(REVIEWS).where(REVIEWS.c.id.in_(chunk)).values(last_seen_at=now))

    conn.execute(update(RUNS).where(RUNS.c.id == run_id).values(finished_at=utcnow()))


def classify_pending(session: Session) -> int | None:
    """Label what was just stored, in the same transaction, once the classifier is installed."""
    if importlib.util.find_spec("responders.classify.store") is None:
        return None
    from responders.classify.store import classify_pending as run

    paused = not gc.isenabled()
    gc.enable()  # the import pauses the collector; the classifier's objects may form cycles
    try:
        return int(run(session) or 0)
    finally:
        if paused:
            gc.disable()


__all__ = [
    "FileResult",
    "canonical_json",
    "classify_pending",
    "inherit",
    "resolve_locations",
    "sha256",
    "store_file",
]
