"""Which variant a review gets: stable per review, spread across reviews, never twice in a row."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def stable_index(seed_key: str, size: int) -> int:
    """The same key always gives the same index; distinct keys spread evenly over `size`."""
    if size <= 0:
        raise ValueError("no variant to choose from")
    digest = hashlib.sha256(seed_key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % size


def _variant_id(variant: Any) -> Any:
    return variant.id


def rotation_order(
    variants: Sequence[T],
    seed_key: str,
    previous_id: str | None = None,
    *,
    key: Callable[[T], Any] = _variant_id,
) -> list[T]:
    """Every variant in the order they should be tried for this review.

    The first is the stable pick for `seed_key`, then the following ones cyclically. When
    the stable pick is the variant used for the previous reply at the same location, it goes
    last, so two consecutive replies never read the same.
    """
    if not variants:
        return []
    start = stable_index(seed_key, len(variants))
    order = list(variants[start:]) + list(variants[:start])
    if previous_id is not None and len(order) > 1 and key(order[0]) == previous_id:
        order = order[1:] + order[:1]
    return order
