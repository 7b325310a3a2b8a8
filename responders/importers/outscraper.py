"""Outscraper "Google Maps Reviews" exports: CSV, XLSX, or the API's JSON (places holding
`reviews_data`, possibly nested in one list per query)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from responders.importers.base import (
    CONTAINER_KEYS,
    Context,
    ParsedFile,
    RecordError,
    collect,
    collect_rows,
    finish,
    unwrap_items,
)
from responders.importers.record import NormalizedReview
from responders.importers.tabular import Table
from responders.importers.values import (
    clean_text,
    first,
    infer_dayfirst,
    json_safe,
    parse_datetime,
    parse_rating,
    split_google_translation,
)

NAME = "outscraper"
REVIEW_KEYS = frozenset(
    {
        "review_id",
        "author_title",
        "author_id",
        "author_link",
        "review_text",
        "review_rating",
        "review_timestamp",
        "review_datetime_utc",
        "owner_answer",
        "review_link",
        "review_likes",
        "owner_answer_timestamp_datetime_utc",
    }
)
PLACE_KEYS = ("name", "place_id", "google_id", "query", "full_address")


def place_key(row: dict[str, Any]) -> str | None:
    """Google's place id when present, else the `0x…:0x…` feature id: both stable."""
    place_id = clean_text(row.get("place_id"))
    if place_id:
        return f"place:{place_id}"
    google_id = clean_text(row.get("google_id"))
    return f"google:{google_id}" if google_id else None


def row_to_record(row: dict[str, Any], ctx: Context, dayfirst: bool = False) -> NormalizedReview:
    original, translated = split_google_translation(clean_text(row.get("review_text")))
    try:
        rating = parse_rating(row.get("review_rating"))
        # the epoch column is unambiguous; the text one is month first as Outscraper writes it,
        # day first once French Excel has re-saved it (see parse_table)
        created_at = parse_datetime(row.get("review_timestamp")) or parse_datetime(
            row.get("review_datetime_utc"), dayfirst=dayfirst
        )
        reply_at = parse_datetime(row.get("owner_answer_timestamp")) or parse_datetime(
            row.get("owner_answer_timestamp_datetime_utc"), dayfirst=dayfirst
        )
    except ValueError as exc:
        raise RecordError(str(exc)) from None
    author = clean_text(row.get("author_title"))
    review_id = clean_text(first(row, "review_id"))
    return finish(
        NormalizedReview(
            source=NAME,
            external_id=review_id,
            location_key=place_key(row) or ctx.location_key,
            location_name=clean_text(row.get("name")) or ctx.location_name,
            rating=rating,
            text_original=original,
            text_translated=translated,
            language=clean_text(row.get("review_language") or row.get("language")),
            author_display_name=author,
            is_anonymous=author is None,
            created_at=created_at,
            owner_reply_text=clean_text(row.get("owner_answer")),
            owner_reply_at=reply_at,
            review_url=clean_text(row.get("review_link")),
            raw=json_safe(row),
        )
    )


def iter_rows(data: Any) -> Iterator[Any]:
    if isinstance(data, list):
        for item in data:
            yield from iter_rows(item)
    elif isinstance(data, dict) and isinstance(data.get("reviews_data"), list):
        place = {k: data[k] for k in PLACE_KEYS if k in data}
        for review in data["reviews_data"]:
            yield {**place, **review} if isinstance(review, dict) else review
    elif isinstance(data, dict) and any(isinstance(data.get(k), list) for k in CONTAINER_KEYS):
        # the API's {"id", "status", "data": [...]} envelope, or rows saved under "reviews"
        yield from iter_rows(unwrap_items(data))
    else:
        yield data


def parse_json(data: Any, ctx: Context) -> ParsedFile:
    parsed = ParsedFile(label=ctx.label, shape=NAME)
    return collect(parsed, enumerate(iter_rows(data), start=1), lambda r: row_to_record(r, ctx))


def parse_table(table: Table, ctx: Context) -> ParsedFile:
    dates = [
        row.get(column)
        for _, _, row in table.rows
        for column in ("review_datetime_utc", "owner_answer_timestamp_datetime_utc")
    ]
    dayfirst = infer_dayfirst(dates, default=False)
    parsed = ParsedFile(label=ctx.label, shape=NAME)
    return collect_rows(parsed, table, lambda r: row_to_record(r, ctx, dayfirst))
