"""Apify "Google Maps Reviews Scraper" datasets: JSON (a list of items) or CSV."""

from __future__ import annotations

from typing import Any

from responders.importers.base import (
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
    json_safe,
    parse_datetime,
    parse_rating,
    parse_relative,
    split_google_translation,
)

NAME = "apify"
REVIEW_KEYS = frozenset(
    {
        "reviewId",
        "reviewerId",
        "stars",
        "publishedAtDate",
        "publishAt",
        "textTranslated",
        "responseFromOwnerText",
        "responseFromOwnerDate",
        "reviewUrl",
        "placeId",
        "originalLanguage",
        "reviewerUrl",
        "likesCount",
    }
)


def item_to_record(item: dict[str, Any], ctx: Context) -> NormalizedReview:
    text = clean_text(item.get("text"))
    translated = clean_text(item.get("textTranslated"))
    if translated is None:
        text, translated = split_google_translation(text)
    try:
        rating = parse_rating(first(item, "stars", "rating"))
        created_at = parse_datetime(item.get("publishedAtDate"))
        approx = False
        if created_at is None and item.get("publishAt"):
            # "il y a 2 mois": the only date this run kept; good to the month at best
            created_at = parse_relative(item.get("publishAt"), ctx.now)
            approx = created_at is not None
        reply_at = parse_datetime(item.get("responseFromOwnerDate"))
    except ValueError as exc:
        raise RecordError(str(exc)) from None
    author = clean_text(item.get("name"))
    place_id = clean_text(item.get("placeId"))
    return finish(
        NormalizedReview(
            source=NAME,
            external_id=clean_text(item.get("reviewId")),
            location_key=f"place:{place_id}" if place_id else ctx.location_key,
            location_name=clean_text(item.get("title")) or ctx.location_name,
            rating=rating,
            text_original=text,
            text_translated=translated,
            language=clean_text(item.get("originalLanguage")),
            author_display_name=author,
            is_anonymous=author is None,
            created_at=created_at,
            created_at_approx=approx,
            owner_reply_text=clean_text(item.get("responseFromOwnerText")),
            owner_reply_at=reply_at,
            review_url=clean_text(item.get("reviewUrl")),
            raw=json_safe(item),
        )
    )


def parse_json(data: Any, ctx: Context) -> ParsedFile:
    items = unwrap_items(data)
    parsed = ParsedFile(label=ctx.label, shape=NAME)
    return collect(parsed, enumerate(items, start=1), lambda i: item_to_record(i, ctx))


def parse_table(table: Table, ctx: Context) -> ParsedFile:
    parsed = ParsedFile(label=ctx.label, shape=NAME)
    return collect_rows(parsed, table, lambda r: item_to_record(r, ctx))
