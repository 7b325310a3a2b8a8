"""The complete dossier as JSON, for machines and for `responders export verify`."""

from __future__ import annotations

import json

from responders.export.dossier import Dossier


def dossier_json(dossier: Dossier) -> str:
    return json.dumps(dossier.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write_json(dossier: Dossier, path: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(dossier_json(dossier))
