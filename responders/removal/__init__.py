"""Removal routes for a review that breaks the law or Google's policy, and their clocks.

The product drafts and tracks; it never submits anything itself: a person files the request
with Google, then records the date, the reference and Google's decision here.
"""

from responders.removal.bundle import (
    Bundle,
    BundledReview,
    ExtortionCase,
    build_bundle,
    bundles_by_review,
    burst_bundle,
    extortion_bundles,
    extortion_cases,
)
from responders.removal.routes import (
    CATEGORIES,
    DECISIONS_FR,
    ROUTES,
    RouteSuggestion,
    next_step,
    record_decision,
    record_submission,
    requests_for,
    suggest_route,
)
from responders.removal.tracking import (
    NEAR_DAYS,
    AwaitingGoogle,
    RemovalOverview,
    StepDue,
    removal_overview,
)

__all__ = [
    "Bundle",
    "BundledReview",
    "ExtortionCase",
    "build_bundle",
    "bundles_by_review",
    "burst_bundle",
    "extortion_bundles",
    "extortion_cases",
    "NEAR_DAYS",
    "AwaitingGoogle",
    "RemovalOverview",
    "StepDue",
    "removal_overview",
    "CATEGORIES",
    "DECISIONS_FR",
    "ROUTES",
    "RouteSuggestion",
    "next_step",
    "record_decision",
    "record_submission",
    "requests_for",
    "suggest_route",
]
