"""The Avocat page's table: one line per candidate, deadline as a countdown."""

from __future__ import annotations

import pandas as pd

from responders.export import Dossier
from responders.vocabulary import STATUS_FR

COLUMNS = ["Rang", "Échéance", "Jours restants", "Catégorie", "Établissement", "Publié le", "Modifié", "Statut"]


def countdown_frame(dossier: Dossier) -> pd.DataFrame:
    rows = []
    for entry in dossier.entries:
        deadline = entry.deadline
        due = deadline.next_due
        left = deadline.next_days_left
        rows.append({
            "Rang": entry.rank,
            "Échéance": due.strftime("%d/%m/%Y") if due else "à établir",
            "Jours restants": "dépassé" if left is not None and left < 0 else ("—" if left is None else str(left)),
            "Catégorie": entry.label_fr,
            "Établissement": entry.location_name,
            "Publié le": entry.created_at.strftime("%d/%m/%Y") if entry.created_at else "",
            "Modifié": "oui" if deadline.edited else "non",
            "Statut": STATUS_FR.get(entry.status, entry.status),
        })
    return pd.DataFrame(rows, columns=COLUMNS)
