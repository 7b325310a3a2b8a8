"""Plain tables and actions behind the Réglages page (kept here so they are tested without a browser)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlmodel import Session

from responders import policy
from responders.drafting.catalogue import Catalogue
from responders.people.accounts import Account
from responders.people.roles import require
from responders.store.models import Location
from responders.store.settings import get_setting, set_setting
from responders.triage.queue import record_event

ENGINE_KEY = "classify_engine"
SETTING_KEY_LLM = "llm"  # responders.llm.SETTING_KEY, read here without importing LangChain
ENGINE_LABELS = {"rules": "Règles (hors ligne)", "llm": "Modèle de langage", "auto": "Les deux combinés"}


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


def save_llm(session: Session, *, engine: str, base_url: str, model: str, by: Account,
             api_key: str | None = None, typed_key: str | None = None,
             test: bool = False) -> tuple[bool, str]:
    """Stores the engine choice and the endpoint (never the key); optionally tests the connection.

    Only a praticien may do it (PermissionError otherwise). A key from the environment or the
    secrets (`api_key`) is sent only to the address configured with it: a new address forgets
    that binding until the key is typed again (`typed_key`, kept only as its SHA-256). Every
    change is journaled under `by`.
    """
    from responders.llm import LLMSettings, bind_key, check_connection, load_settings, save_settings

    require(by.role, "change_llm")
    if engine not in ENGINE_LABELS:
        return False, f"Moteur inconnu « {engine} »."
    stored = get_setting(session, SETTING_KEY_LLM, {}) or {}
    previous_url = str(stored.get("base_url") or "") if isinstance(stored, dict) else ""
    typed_key = (typed_key or "").strip() or None
    detail: dict[str, Any] = {"from_url": previous_url or None, "engine": engine}
    if engine == "rules" and not base_url.strip():
        set_setting(session, ENGINE_KEY, engine)
        record_event(session, user=by.name, action="llm_settings", detail={**detail, "to_url": previous_url or None})
        return True, "Moteur enregistré : règles hors ligne."
    try:
        llm = LLMSettings(base_url=base_url.strip(), model=model.strip())
    except ValueError as exc:
        return False, str(exc)
    changed = previous_url.rstrip("/") != llm.base_url.rstrip("/")
    save_settings(session, llm)
    set_setting(session, ENGINE_KEY, engine)
    key_bound: bool | None = None
    if typed_key:
        bind_key(session, llm.base_url, typed_key)
        key_bound = True
    elif changed:
        bind_key(session, llm.base_url, None)
        key_bound = False
    detail.update(to_url=llm.base_url, model=llm.model, key_bound=key_bound, tested=test)
    event = record_event(session, user=by.name, action="llm_settings", detail=detail)
    session.flush()
    note = ""
    if key_bound is False and api_key:
        note = (" La clé d'API de l'environnement ou des secrets ne sera pas envoyée à cette nouvelle "
                "adresse tant qu'un praticien ne l'aura pas saisie à nouveau.")
    if not test:
        return True, "Réglages du modèle enregistrés (la clé n'est jamais enregistrée)." + note
    current = load_settings(session)
    ok, message = check_connection(current.with_api_key(typed_key or api_key) if current else None)
    event.detail = {**detail, "test_ok": ok}
    session.add(event)
    return ok, message


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
