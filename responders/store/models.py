"""The tables. Schema changes go through an Alembic migration in responders/store/migrations."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import JSON, Column, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from responders.timeutil import UTCDateTime, utcnow
from responders.vocabulary import AuditAction, Label, Status

E = TypeVar("E", bound=StrEnum)


class EnumString(TypeDecorator[E], Generic[E]):
    """A domain word stored as its plain string (the same strings as before the enums, so no
    migration): writing refuses a word outside the enum, reading hands back the member (or the
    raw string, should an older database hold a word the code no longer knows)."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: object) -> str | None:
        return None if value is None else str(self.enum(value))

    def process_result_value(self, value: Any, dialect: object) -> Any:
        if value is None:
            return None
        try:
            return self.enum(value)
        except ValueError:
            return value


def _dt(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def _word(enum: type[StrEnum], length: int, *, nullable: bool = False, default: Any = None) -> Any:
    return Field(
        default=default,
        sa_column=Column(EnumString(enum, length), nullable=nullable, index=True),
    )


class Location(SQLModel, table=True):
    """A practice listing on Google. `key` is the most stable id the sources give."""

    __tablename__ = "locations"
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True, unique=True, max_length=400)
    name: str = Field(default="", max_length=400)
    profile: str | None = Field(default=None, max_length=40)
    created_at: datetime | None = _dt()


class LocationAlias(SQLModel, table=True):
    """Another name of a listing: each source names it its own way (API `locations/…`, a
    `place_id`, a Maps feature id or CID, name + address). `alias` is a location key as an
    importer builds it; it leads to the listing that holds the reviews and the profile."""

    __tablename__ = "location_aliases"
    id: int | None = Field(default=None, primary_key=True)
    alias: str = Field(index=True, unique=True, max_length=400)
    location_id: int = Field(foreign_key="locations.id", index=True)
    created_at: datetime | None = _dt()


class ImportRun(SQLModel, table=True):
    __tablename__ = "import_runs"
    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime | None = _dt()
    finished_at: datetime | None = _dt()
    files: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )


class Review(SQLModel, table=True):
    """One Google review, whatever the number of sources and captures that saw it.

    The text lives in revisions; the columns here are the latest known state plus the
    staff's triage state.
    """

    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("location_id", "external_id", name="uq_review_location_external"),
        Index("ix_reviews_fingerprint", "location_id", "fingerprint"),
        Index(
            "uq_review_fingerprint", "location_id", "fingerprint", "fingerprint_rank", unique=True
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    location_id: int = Field(foreign_key="locations.id", index=True)
    external_id: str | None = Field(default=None, max_length=400)
    # author + publication time + rating: matches one review seen by two sources with different ids
    fingerprint: str = Field(max_length=64)
    # rank among the listing's reviews with this fingerprint: (listing, fingerprint, rank) is unique
    fingerprint_rank: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    source: str = Field(max_length=40)
    author_display_name: str | None = Field(default=None, sa_column=Column(Text))
    is_anonymous: bool = False
    rating: int | None = None
    created_at: datetime | None = _dt(index=True)
    updated_at: datetime | None = _dt()
    review_url: str | None = Field(default=None, sa_column=Column(Text))
    flag_url: str | None = Field(default=None, sa_column=Column(Text))
    first_seen_at: datetime | None = _dt()
    last_seen_at: datetime | None = _dt()
    current_revision_id: int | None = Field(default=None, index=True)
    revision_count: int = 1
    changed_at: datetime | None = _dt(index=True)
    # the newest classification's label, kept here so the queue and the charts need no join
    label: Label | None = _word(Label, 20, nullable=True)
    # the newest classification's « à vérifier » flag: sorted with the legal cases
    needs_check: bool = Field(default=False, index=True)
    # triage state, owned by staff
    status: Status = _word(Status, 40, default=Status.NEW)
    for_lawyer: bool = False
    knowledge_date: datetime | None = _dt()


class ReviewRevision(SQLModel, table=True):
    """Each distinct captured state of a review. Never updated, never deleted."""

    __tablename__ = "review_revisions"
    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="reviews.id", index=True)
    import_run_id: int | None = Field(default=None, foreign_key="import_runs.id")
    number: int = 1
    captured_at: datetime | None = _dt()
    source: str = Field(max_length=40)
    rating: int | None = None
    text_original: str | None = Field(default=None, sa_column=Column(Text))
    text_translated: str | None = Field(default=None, sa_column=Column(Text))
    language: str | None = Field(default=None, max_length=20)
    owner_reply_text: str | None = Field(default=None, sa_column=Column(Text))
    owner_reply_at: datetime | None = _dt()
    source_updated_at: datetime | None = _dt()
    raw: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    digest: str = Field(max_length=64, index=True)


class Classification(SQLModel, table=True):
    """The label of one revision by one engine; the newest row per review is the current one."""

    __tablename__ = "classifications"
    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="reviews.id", index=True)
    revision_id: int = Field(foreign_key="review_revisions.id", index=True)
    label: Label = _word(Label, 20)
    confidence: float = 0.0
    passages: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    engine: str = Field(max_length=20)
    version: str = Field(max_length=40)
    created_at: datetime | None = _dt()
    # the engine could not clear the review as lawful (« à vérifier »), and why, in French
    needs_check: bool = False
    check_reason: str | None = Field(default=None, sa_column=Column(Text))


class AuditEvent(SQLModel, table=True):
    """What a person did: copy a reply, change a status, send to the lawyer, report to Google."""

    __tablename__ = "audit_events"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime | None = _dt(index=True)
    user: str = Field(default="", max_length=200)
    action: AuditAction = _word(AuditAction, 40)
    review_id: int | None = Field(default=None, foreign_key="reviews.id", index=True)
    text: str | None = Field(default=None, sa_column=Column(Text))
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class RemovalRequest(SQLModel, table=True):
    """A request filed with Google by a person (the product only drafts it), and Google's decision."""

    __tablename__ = "removal_requests"
    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="reviews.id", index=True)
    route: str = Field(max_length=40)
    category: str | None = Field(default=None, max_length=40)
    reference: str = Field(default="", max_length=200)
    text: str | None = Field(default=None, sa_column=Column(Text))
    submitted_on: date | None = None
    submitted_by: str = Field(default="", max_length=200)
    decision: str = Field(default="pending", max_length=20, index=True)
    decided_on: date | None = None
    decision_by: str | None = Field(default=None, max_length=200)
    created_at: datetime | None = _dt()


class ReviewCapture(SQLModel, table=True):
    """A file staff attached to a review (a screenshot of it as published), kept byte for byte
    with its SHA-256 so the lawyer can show it was not altered. Never updated, never deleted."""

    __tablename__ = "review_captures"
    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="reviews.id", index=True)
    filename: str = Field(max_length=255)
    media_type: str = Field(max_length=100)
    size: int = 0
    sha256: str = Field(max_length=64, index=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    added_at: datetime | None = _dt()
    added_by: str = Field(default="", max_length=200)


class Setting(SQLModel, table=True):
    """Practice-wide settings as JSON values (profile, notifier, reply policy, triage stamp...)."""

    __tablename__ = "settings"
    key: str = Field(primary_key=True, max_length=100)
    value: Any = Field(default=None, sa_column=Column(JSON))
    updated_at: datetime | None = _dt()


class User(SQLModel, table=True):
    """A person who signs in. The password is stored only as an Argon2 hash; `email` maps an
    identity provider's account (st.login) to this one; `demo` marks the documented demo accounts."""

    __tablename__ = "users"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True, index=True)
    role: str = Field(max_length=20)
    password_hash: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320, unique=True)
    demo: bool = False
    created_at: datetime | None = _dt()


def now() -> datetime:
    return utcnow()
