"""The list shown before the week's triage ends: what stays in the queue and what leaves it."""

from __future__ import annotations

import pandas as pd

from responders.triage.queue import Leftover

LEFTOVER_COLUMNS = [
    "Avis",
    "Établissement",
    "Catégorie",
    "Statut",
    "Délai pour agir",
    "Jours restants",
    "Après le triage",
    "Pourquoi",
]


def leftovers_frame(leftovers: list[Leftover]) -> pd.DataFrame:
    """One row per review left, in French."""
    return pd.DataFrame([o.to_row() for o in leftovers], columns=LEFTOVER_COLUMNS)
