"""Bulk writes for large imports: ids allocated up front and plain multi-row INSERTs.

On SQLite the values are rendered here, as the column types would render them, and handed
straight to the driver's executemany: SQLAlchemy's per-value processing was most of the
import time. Domain words (StrEnum) are str and go in as their stored strings.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, func, insert, select, text
from sqlalchemy.engine import Connection

from responders.timeutil import UTCDateTime


def _sqlite_converter(column: Any) -> Callable[[Any], Any] | None:
    """How a value is rendered for SQLite's driver, mirroring what the column type would do."""
    if isinstance(column.type, UTCDateTime):
        rendered: dict[datetime, str] = {}  # most rows share the same capture time

        def as_text(value: Any) -> Any:
            if value is None:
                return None
            text = rendered.get(value)
            if text is None:
                # the text SQLAlchemy's SQLite DateTime writes, from UTC as UTCDateTime does
                text = rendered[value] = (
                    value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
                )
            return text

        return as_text
    if isinstance(column.type, JSON):
        return lambda value: None if value is None else json.dumps(value)
    if isinstance(column.type, Boolean):
        return lambda value: None if value is None else int(value)
    return None


def bulk_insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """`INSERT` many rows. On SQLite the values are rendered here and handed to the driver's
    executemany: SQLAlchemy's per-value processing was most of the import time."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    if len(rows) > 10_000:
        # A big import overflows SQLite's default 2 MB page cache; spilling to the WAL mid-
        # transaction doubled the insert time. 64 MB, for this connection only.
        conn.exec_driver_sql("PRAGMA cache_size=-65536")
    names = list(rows[0])
    converters = [(name, _sqlite_converter(table.c[name])) for name in names]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    columns = []
    for name, convert in converters:
        values = [row[name] for row in rows]
        columns.append(values if convert is None else [convert(v) for v in values])
    conn.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def allocate_ids(conn: Connection, table: Any, count: int) -> list[int]:
    """Primary keys for `count` rows, so that reviews can point at their revision before either
    is inserted and both go in as plain bulk inserts (no RETURNING, no second UPDATE pass)."""
    if count == 0:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"
            ),
            {"table": table.name, "count": count},
        )
        return sorted(int(row[0]) for row in rows)
    # SQLite: the ImportRun insert already took the database's write lock for this transaction,
    # so no other writer can use these ids before we commit.
    start = int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
    return list(range(start + 1, start + 1 + count))
