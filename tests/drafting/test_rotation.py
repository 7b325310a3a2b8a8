"""Variant rotation: stable per review, spread over reviews, never the same twice in a row."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest

from responders.drafting import default_catalogue, rotation_order, stable_index


@dataclass(frozen=True)
class V:
    id: str


VARIANTS = [V(f"v{i}") for i in range(6)]


def test_stable_index_is_stable_and_in_range() -> None:
    for key in ("r1", "r2", "", "avis-éèà", "x" * 500):
        first = stable_index(key, 7)
        assert 0 <= first < 7
        assert all(stable_index(key, 7) == first for _ in range(3))


def test_stable_index_needs_variants() -> None:
    with pytest.raises(ValueError):
        stable_index("r1", 0)


def test_rotation_order_is_a_permutation_starting_at_the_stable_pick() -> None:
    order = rotation_order(VARIANTS, "review-42")
    assert sorted(v.id for v in order) == [v.id for v in VARIANTS]
    assert order[0] is VARIANTS[stable_index("review-42", len(VARIANTS))]
    # cyclic: the fallbacks follow the stable pick in catalogue order
    start = VARIANTS.index(order[0])
    assert order == VARIANTS[start:] + VARIANTS[:start]


def test_previous_variant_is_skipped_then_tried_last() -> None:
    pick = rotation_order(VARIANTS, "review-42")[0]
    order = rotation_order(VARIANTS, "review-42", previous_id=pick.id)
    assert order[0] is not pick and order[-1] is pick
    other = next(v for v in VARIANTS if v is not pick)
    assert rotation_order(VARIANTS, "review-42", previous_id=other.id)[0] is pick


def test_a_single_variant_is_still_returned() -> None:
    assert rotation_order(VARIANTS[:1], "r", previous_id="v0") == VARIANTS[:1]
    assert rotation_order([], "r") == []


@pytest.mark.parametrize("profile", ["fr-dentiste", "qc-medecin", "qc-dentiste", "fr-medecin"])
def test_spread_over_many_reviews(profile: str) -> None:
    variants = default_catalogue().variants(profile, "criticism")
    previous = None
    counts: Counter[str] = Counter()
    for number in range(1, 501):
        chosen = rotation_order(variants, f"review-{number}", previous)[0]
        assert chosen.id != previous
        counts[chosen.id] += 1
        previous = chosen.id
    assert set(counts) == {v.id for v in variants}
    assert max(counts.values()) / 500 < 0.30
