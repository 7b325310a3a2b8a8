"""Google Business Profile API v4 JSON: one page `{"reviews": [...]}`, a list of pages, or a
`batchGetReviews` answer. Takeout pages use the same review object (see takeout.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from responders.importers.base import Context, ParsedFile, RecordError, collect, finish
from responders.importers.record import NormalizedReview
from responders.importers.values import (
    clean_text,
    json_safe,
    parse_datetime,
    parse_rating,
    split_google_translation,
)

NAME = "gbp"
REVIEW_KEYS = frozenset(
    {"reviewId", "starRating", "reviewer", "createTime", "updateTime", "reviewReply", "comment"}
)
PAGE_KEYS = frozenset({"averageRating", "totalReviewCount", "nextPageToken"})
_LOCATION = re.compile(r"(?:^|/)locations/([^/]+)")


def location_key_from_name(name: Any) -> str | None:
    """`accounts/a/locations/l/reviews/r` -> `locations/l`: the account is left out because one
    listing can be managed from several accounts (Takeout shows it once per account)."""
    if not isinstance(name, str):
        return None
    match = _LOCATION.search(name)
    return f"locations/{match.group(1)}" if match else None


def iter_reviews(data: Any) -> Iterator[Any]:
    pages = data if isinstance(data, list) else [data]
    for page in pages:
        if isinstance(page, dict) and isinstance(page.get("locationReviews"), list):
            for item in page["locationReviews"]:
                review = item.get("review") if isinstance(item, dict) else None
                if isinstance(review, dict) and "name" not in review and item.get("name"):
                    review = {
                        **review,
                        "name": f"{item['name']}/reviews/{review.get('reviewId', '')}",
                    }
                yield review if review is not None else item
        elif isinstance(page, dict) and isinstance(page.get("reviews"), list):
            yield from page["reviews"]
        else:
            yield page  # a bare review object in a list


def review_to_record(obj: dict[str, Any], ctx: Context, source: str = NAME) -> NormalizedReview:
    reviewer = obj.get("reviewer") or {}
    if not isinstance(reviewer, dict):
        raise RecordError("champ « reviewer » inattendu (objet attendu)")
    name = obj.get("name")
    external_id = obj.get("reviewId") or (
        name.rsplit("/", 1)[-1] if isinstance(name, str) and "/reviews/" in name else None
    )
    original, translated = split_google_translation(clean_text(obj.get("comment")))
    reply = obj.get("reviewReply") or {}
    if not isinstance(reply, dict):
        raise RecordError("champ « reviewReply » inattendu (objet attendu)")
    author = clean_text(reviewer.get("displayName"))
    try:
        rating = parse_rating(obj.get("starRating"))
        created_at = parse_datetime(obj.get("createTime"))
        updated_at = parse_datetime(obj.get("updateTime"))
        reply_at = parse_datetime(reply.get("updateTime"))
    except ValueError as exc:
        raise RecordError(str(exc)) from None
    return finish(
        NormalizedReview(
            source=source,
            external_id=str(external_id) if external_id else None,
            location_key=location_key_from_name(name) or ctx.location_key,
            location_name=ctx.location_name,
            rating=rating,
            text_original=original,
            text_translated=translated,
            author_display_name=author,
            is_anonymous=bool(reviewer.get("isAnonymous")) or author is None,
            created_at=created_at,
            updated_at=updated_at,
            owner_reply_text=clean_text(reply.get("comment")),
            owner_reply_at=reply_at,
            raw=json_safe(obj),
        )
    )


def parse_json(data: Any, ctx: Context) -> ParsedFile:
    parsed = ParsedFile(label=ctx.label, shape=NAME)
    return collect(
        parsed, enumerate(iter_reviews(data), start=1), lambda o: review_to_record(o, ctx)
    )
