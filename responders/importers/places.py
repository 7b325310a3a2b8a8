"""Google Places API (New) place details: at most five reviews a place, no owner replies,
but a direct "report this review" link (`flagContentUri`)."""

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
)

NAME = "places"
REVIEW_KEYS = frozenset(
    {
        "authorAttribution",
        "publishTime",
        "originalText",
        "flagContentUri",
        "relativePublishTimeDescription",
        "googleMapsUri",
    }
)


def _text(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, dict):
        return clean_text(value.get("text")), clean_text(value.get("languageCode"))
    return clean_text(value), None


def _place_of(place: dict[str, Any]) -> tuple[str | None, str | None]:
    place_id = clean_text(place.get("id"))
    resource = place.get("name")
    if place_id is None and isinstance(resource, str) and resource.startswith("places/"):
        place_id = resource.split("/")[1]
    name, _ = _text(place.get("displayName"))
    return (f"place:{place_id}" if place_id else None), name


def iter_reviews(data: Any) -> Iterator[tuple[Any, str | None, str | None]]:
    if isinstance(data, dict) and isinstance(data.get("places"), list):
        data = data["places"]
    yield from placed_reviews(data if isinstance(data, list) else [data], _place_of)


def review_to_record(
    obj: dict[str, Any], ctx: Context, key: str | None, name: str | None
) -> NormalizedReview:
    shown, shown_lang = _text(obj.get("text"))
    original, original_lang = _text(obj.get("originalText"))
    if original is None:
        original, original_lang = shown, shown_lang
    translated = shown if shown and shown != original else None
    author_info = as_dict(obj.get("authorAttribution"))
    review_name = obj["name"] if isinstance(obj.get("name"), str) else ""
    parts = review_name.split("/")
    if key is None and len(parts) >= 2 and parts[0] == "places":
        key = f"place:{parts[1]}"
    try:
        rating = parse_rating(obj.get("rating"))
        created_at = parse_datetime(obj.get("publishTime"))
        approx = False
        if created_at is None and obj.get("relativePublishTimeDescription"):
            created_at = parse_relative(obj.get("relativePublishTimeDescription"), ctx.now)
            approx = created_at is not None
    except ValueError as exc:
        raise RecordError(str(exc)) from None
    author = clean_text(author_info.get("displayName"))
    return finish(
        NormalizedReview(
            source=NAME,
            external_id=parts[-1] if len(parts) >= 4 and parts[-2] == "reviews" else None,
            location_key=key or ctx.location_key,
            location_name=name or ctx.location_name,
            rating=rating,
            text_original=original,
            text_translated=translated,
            language=original_lang,
            author_display_name=author,
            is_anonymous=author is None,
            created_at=created_at,
            created_at_approx=approx,
            review_url=clean_text(obj.get("googleMapsUri")),
            flag_url=clean_text(obj.get("flagContentUri")),
            raw=json_safe(obj),
            reply_known=False,
        )
    )


def parse_json(data: Any, ctx: Context) -> ParsedFile:
    parsed = ParsedFile(label=ctx.label, shape=NAME)
    return collect_placed(parsed, iter_reviews(data), partial(review_to_record, ctx=ctx))
