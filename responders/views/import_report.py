"""The import summary in French for people (the CLI prints the JSON contract instead)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def summary_lines(summary: dict[str, Any]) -> list[str]:
    return [
        f"Fichiers lus : {summary.get('files', 0)}",
        f"Avis lus : {summary.get('read', 0)}",
        f"Nouveaux avis : {summary.get('new', 0)}",
        f"Avis modifiés (nouvelle version conservée) : {summary.get('updated', 0)}",
        f"Avis inchangés : {summary.get('unchanged', 0)}",
        f"Avis rejetés : {summary.get('rejected', 0)}",
    ] + (
        [
            f"Versions plus anciennes que celle déjà connue (conservées, la plus récente reste affichée) : {summary['older']}"
        ]
        if summary.get("older")
        else []
    )


def errors_frame(summary: dict[str, Any]) -> pd.DataFrame:
    rows = [
        {
            "Fichier": e.get("file", ""),
            "Enregistrement": e.get("record"),
            "Raison": e.get("reason", ""),
        }
        for e in summary.get("errors", [])
    ]
    return pd.DataFrame(rows, columns=["Fichier", "Enregistrement", "Raison"])
