"""Plain tables and actions behind the Réglages page (kept here so they are tested without a browser)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlmodel import Session

from responders import policy
from responders.drafting.catalogue import Catalogue
from responders.store.models import Location
from responders.store.settings import get_setting, set_setting

ENGINE_KEY = "classify_engine"
ENGINE_LABELS = {"rules": "Règles (hors ligne)", "llm": "Modèle de langage", "auto": "Les deux combinés"}


def locations_frame(locations: Sequence[Location]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"Établissement": loc.name or "", "Identifiant Google": loc.key} for loc in locations],
        columns=["Établissement", "Identifiant Google"],
    )


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


@dataclass(frozen=True, slots=True)
class LLMState:
    engine: str
    base_url: str
    model: str
    what_leaves: str


def llm_state(session: Session) -> LLMState:
    from responders.llm import WHAT_LEAVES_THE_MACHINE, load_settings

    engine = get_setting(session, ENGINE_KEY, "rules")
    try:
        current = load_settings(session)
    except ValueError:
        current = None
    return LLMState(
        engine=engine if engine in ENGINE_LABELS else "rules",
        base_url=current.base_url if current else "",
        model=current.model if current else "",
        what_leaves=WHAT_LEAVES_THE_MACHINE,
    )


def save_llm(session: Session, *, engine: str, base_url: str, model: str,
             api_key: str | None = None, test: bool = False) -> tuple[bool, str]:
    """Stores the engine choice and the endpoint (never the key); optionally tests the connection."""
    from responders.llm import LLMSettings, check_connection, save_settings

    if engine not in ENGINE_LABELS:
        return False, f"Moteur inconnu « {engine} »."
    if engine == "rules" and not base_url.strip():
        set_setting(session, ENGINE_KEY, engine)
        return True, "Moteur enregistré : règles hors ligne."
    try:
        llm = LLMSettings(base_url=base_url.strip(), model=model.strip())
    except ValueError as exc:
        return False, str(exc)
    save_settings(session, llm)
    set_setting(session, ENGINE_KEY, engine)
    if not test:
        return True, "Réglages du modèle enregistrés (la clé n'est jamais enregistrée)."
    return check_connection(llm.with_api_key(api_key))


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
