"""Plain tables behind the Réglages page (kept here so they are tested without a browser).

It writes nothing: testing and saving the language model are staff writes, journaled in
`responders.triage.actions` (`check_llm`, `save_llm`); the names below are re-exported so the page
reads the model's state from one place."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlmodel import Session

from responders import policy
from responders.drafting.catalogue import Catalogue
from responders.store.models import Location
from responders.store.settings import get_setting
from responders.triage.llm_choice import (
    ENGINE_KEY,
    ENGINE_LABELS,
    LLM_SECTION,
    LOI_25_NOTICE,
    TESTED_KEY,
    LLMState,
    llm_state,
    quebec_in_use,
    tested_ok,
)

__all__ = [
    "ENGINE_KEY",
    "ENGINE_LABELS",
    "LLM_SECTION",
    "LOI_25_NOTICE",
    "TESTED_KEY",
    "LLMState",
    "catalogue_frame",
    "llm_state",
    "locations_frame",
    "policy_frame",
    "quebec_in_use",
    "rephraser",
    "tested_ok",
    "users_frame",
]


def locations_frame(locations: Sequence[Location]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"Établissement": loc.name or "", "Identifiant Google": loc.key} for loc in locations],
        columns=["Établissement", "Identifiant Google"],
    )


def users_frame(session: Session) -> pd.DataFrame:
    """The accounts for the Réglages page: name, role, creation date, demo flag (never the hash)."""
    from sqlmodel import col, select

    from responders.people.roles import ROLES
    from responders.store.models import User

    rows = [
        {
            "Nom": u.name,
            "Rôle": ROLES.get(u.role, u.role),
            "Créé le": f"{u.created_at:%d/%m/%Y}" if u.created_at else "",
            "Démonstration": "compte de démonstration" if u.demo else "",
        }
        for u in session.exec(select(User).order_by(col(User.id))).all()
    ]
    return pd.DataFrame(rows, columns=["Nom", "Rôle", "Créé le", "Démonstration"])


def policy_frame(profile: str) -> pd.DataFrame:
    rows = [
        {
            "Situation": policy.SITUATION_LABELS.get(row["situation"], row["situation"]),
            "Action par défaut": policy.ACTION_LABELS.get(row["action"], row["action"]),
            "Raison": row["reason"],
        }
        for row in policy.policy_table()
        if row["profile"] == profile
    ]
    return pd.DataFrame(rows, columns=["Situation", "Action par défaut", "Raison"])


def catalogue_frame(catalogue: Catalogue, profile: str) -> pd.DataFrame:
    rows = [
        {
            "Identifiant": t.id,
            "Situations": ", ".join(policy.SITUATION_LABELS.get(s, s) for s in t.situations),
            "Texte": t.text,
            "Règles respectées": t.note,
        }
        for t in sorted(catalogue.templates, key=lambda t: t.id)
        if profile in t.profiles
    ]
    return pd.DataFrame(rows, columns=["Identifiant", "Situations", "Texte", "Règles respectées"])


def rephraser(session: Session, api_key: str | None = None):  # type: ignore[no-untyped-def]
    """The language model's rephraser when staff chose an engine other than the rules, else None."""
    if get_setting(session, ENGINE_KEY, "rules") == "rules":
        return None
    from responders.llm import LLMUnavailable, load_settings, make_rephraser

    try:
        settings = load_settings(session)
        if settings is None:
            return None
        return make_rephraser(settings.with_api_key(api_key))
    except (LLMUnavailable, ValueError):
        return None
