"""SerpApi `google_maps_reviews` JSON: one answer page, or a list of pages."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from responders.importers.base import (
    Context,
    ParsedFile,
    RecordError,
    as_dict,
    collect_placed,
    finish,
    placed_reviews,
)
from responders.importers.record import NormalizedReview
from responders.importers.values import (
    clean_text,
    json_safe,
    parse_datetime,
    parse_rating,
    parse_relative,
    split_google_translation,
)

NAME = "serpapi"
REVIEW_KEYS = frozenset(
    {
        "review_id",
        "snippet",
        "iso_date",
        "iso_date_of_last_edit",
        "extracted_snippet",
        "user",
        "response",
        "link",
        "date",
        "likes",
    }
)
PAGE_KEYS = frozenset({"search_metadata", "search_parameters", "place_info", "serpapi_pagination"})


def _place(page: dict[str, Any]) -> tuple[str | None, str | None]:
    params = as_dict(page.get("search_parameters"))
    key = None
    if params.get("place_id"):
        key = f"place:{params['place_id']}"
    elif params.get("data_id"):
        key = f"google:{params['data_id']}"  # the `0x…:0x…` id Outscraper calls google_id
    return key, clean_text(as_dict(page.get("place_info")).get("title"))


def iter_reviews(data: Any) -> Iterator[tuple[Any, str | None, str | None]]:
    yield from placed_reviews(data if isinstance(data, list) else [data], _place)


def review_to_record(
    obj: dict[str, Any], ctx: Context, key: str | None, name: str | None
) -> NormalizedReview:
    extracted = as_dict(obj.get("extracted_snippet"))
    original = clean_text(extracted.get("original"))
    translated = clean_text(extracted.get("translated"))
    if original is None:
        original, translated = split_google_translation(clean_text(obj.get("snippet")))
    user = as_dict(obj.get("user"))
    response = as_dict(obj.get("response"))
    try:
        rating = parse_rating(obj.get("rating"))
        created_at = parse_datetime(obj.get("iso_date"))
        approx = False
        if created_at is None and obj.get("date"):
            created_at = parse_relative(obj.get("date"), ctx.now)
            approx = created_at is not None
        updated_at = parse_datetime(obj.get("iso_date_of_last_edit"))
        reply_at = parse_datetime(response.get("iso_date"))
    except ValueError as exc:
        raise RecordError(str(exc)) from None
    author = clean_text(user.get("name"))
    return finish(
        NormalizedReview(
            source=NAME,
            external_id=clean_text(obj.get("review_id")),
            location_key=key or ctx.location_key,
            location_name=name or ctx.location_name,
            rating=rating,
            text_original=original,
            text_translated=translated,
            author_display_name=author,
            is_anonymous=author is None,
            created_at=created_at,
            created_at_approx=approx,
            updated_at=updated_at,
            owner_reply_text=clean_text(response.get("snippet")),
            owner_reply_at=reply_at,
            review_url=clean_text(obj.get("link")),
            raw=json_safe(obj),
        )
    )


def parse_json(data: Any, ctx: Context) -> ParsedFile:
    parsed = ParsedFile(label=ctx.label, shape=NAME)
    return collect_placed(parsed, iter_reviews(data), partial(review_to_record, ctx=ctx))
