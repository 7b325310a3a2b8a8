"""Timezone-aware UTC helpers: every datetime the product stores or compares is aware.

`utcnow()` is the product's only clock. `RESPONDERS_NOW` (an ISO 8601 instant, e.g.
`2026-11-01T09:00:00+00:00`) pins it: a scheduled job can be replayed "as of" a day, and
tests that check deadlines, queues or dossiers never depend on the day they run.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from sqlalchemy.types import DateTime, TypeDecorator

CLOCK_ENV = "RESPONDERS_NOW"


def utcnow() -> datetime:
    pinned = os.environ.get(CLOCK_ENV, "").strip()
    if pinned:
        try:
            moment = datetime.fromisoformat(pinned.replace("Z", "+00:00"))
        except ValueError as exc:
            raise ValueError(
                f"{CLOCK_ENV}={pinned!r} n'est pas une date ISO 8601 (ex. 2026-11-01T09:00:00+00:00)."
            ) from exc
        aware = as_utc(moment)
        assert aware is not None
        return aware
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC; always hands back an aware datetime, even from SQLite which drops the zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        value = as_utc(value)
        if value is not None and getattr(dialect, "name", "") == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return as_utc(value)
