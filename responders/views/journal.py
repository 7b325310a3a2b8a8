"""The audit trail as a table, filterable, exported to CSV without formula injection."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd
from sqlmodel import Session, select

from responders.store.models import AuditEvent

ACTIONS_FR = {
    "reply_copied": "Réponse copiée",
    "status": "Statut modifié",
    "google_report": "Signalement Google",
    "triage_finished": "Triage terminé",
    "send_to_lawyer": "Transmis à l'avocat",
    "settings": "Réglages modifiés",
    "knowledge_date": "Date de connaissance modifiée",
    "capture_added": "Capture jointe",
}
COLUMNS = ["Date (UTC)", "Utilisateur", "Action", "Avis", "Texte", "Détail"]


def events_frame(session: Session, limit: int = 5000) -> pd.DataFrame:
    events = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)).all()  # type: ignore[union-attr]
    rows = [
        {
            "Date (UTC)": e.at.strftime("%d/%m/%Y %H:%M:%S") if e.at else "",
            "Utilisateur": e.user,
            "Action": ACTIONS_FR.get(e.action, e.action),
            "Avis": e.review_id,
            "Texte": e.text or "",
            "Détail": json.dumps(e.detail, ensure_ascii=False) if e.detail else "",
        }
        for e in events
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def filter_events(frame: pd.DataFrame, *, actions: Sequence[str] = (), users: Sequence[str] = ()) -> pd.DataFrame:
    if actions:
        frame = frame[frame["Action"].isin(actions)]
    if users:
        frame = frame[frame["Utilisateur"].isin(users)]
    return frame


def to_csv(frame: pd.DataFrame) -> bytes:
    from responders.export.tables import neutralise

    safe = frame.map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return safe.to_csv(index=False, sep=";").encode("utf-8-sig")
