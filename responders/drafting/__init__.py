"""Drafting: pick a vetted reply for a review and a profile, or say why not to answer."""

from __future__ import annotations

from responders.drafting.catalogue import (
    MAX_REPLY_CHARS,
    Catalogue,
    CatalogueError,
    Template,
    default_catalogue,
    load_catalogue,
)
from responders.drafting.core import LABELS, DraftResult, draft, draft_many, situation_for
from responders.drafting.rotation import rotation_order, stable_index

__all__ = [
    "LABELS",
    "MAX_REPLY_CHARS",
    "Catalogue",
    "CatalogueError",
    "DraftResult",
    "Template",
    "default_catalogue",
    "draft",
    "draft_many",
    "load_catalogue",
    "rotation_order",
    "situation_for",
    "stable_index",
]
