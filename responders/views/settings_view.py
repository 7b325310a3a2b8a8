"""Plain tables and actions behind the Réglages page (kept here so they are tested without a browser)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd
from sqlmodel import Session

from responders import policy
from responders.drafting.catalogue import Catalogue
from responders.people.accounts import Account
from responders.people.roles import require
from responders.store.models import Location
from responders.store.settings import get_setting, set_setting

ENGINE_KEY = "classify_engine"
SETTING_KEY_LLM = "llm"  # responders.llm.SETTING_KEY, read here without importing LangChain
ENGINE_LABELS = {
    "rules": "Règles (hors ligne)",
    "llm": "Modèle de langage",
    "auto": "Les deux combinés",
}


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


TESTED_KEY = "llm_tested"  # the endpoint and model that last answered a test, who tested and when
LLM_SECTION = "modèle de langage (envoi du texte des avis)"
LOI_25_NOTICE = (
    "Québec (Loi 25) : le texte des avis peut contenir des renseignements personnels. Avant de "
    "les communiquer à l'extérieur du Québec (un service de modèle de langage hébergé ailleurs), "
    "le cabinet doit avoir fait son évaluation des facteurs relatifs à la vie privée (Loi sur la "
    "protection des renseignements personnels dans le secteur privé, art. 17). Un modèle installé "
    "sur cet ordinateur (127.0.0.1) n'envoie rien à l'extérieur."
)


def quebec_in_use(session: Session) -> bool:
    """True when the practice or one of its listings follows Québec law."""
    from sqlmodel import select

    from responders.profiles import get_profile
    from responders.store.settings import PracticeSettings

    practice = PracticeSettings.load(session).profile
    profiles = {practice, *(p for p in session.exec(select(Location.profile)).all() if p)}
    return any(get_profile(p).jurisdiction == "QC" for p in profiles)


def _destination(session: Session) -> dict[str, str]:
    state = llm_state(session)
    return {"engine": state.engine, "base_url": state.base_url, "model": state.model}


def _journal(session: Session, user: str, detail: dict[str, object]) -> None:
    from responders.triage.journal import record_event
    from responders.vocabulary import AuditAction

    record_event(
        session, user=user, action=AuditAction.SETTINGS, detail={"section": LLM_SECTION, **detail}
    )


def check_llm(
    session: Session,
    *,
    base_url: str,
    model: str,
    api_key: str | None = None,
    typed_key: str | None = None,
    user: str = "",
    by: Account | None = None,
) -> tuple[bool, str]:
    """« Tester la connexion »: asks the endpoint for one token. Never switches the model on
    and changes no setting: a success only records that this endpoint and model answered,
    which « Enregistrer » then requires before the model can be chosen. Journaled."""
    from responders.llm import LLMSettings, check_connection, key_binding
    from responders.timeutil import utcnow

    if by is not None:
        require(by.role, "change_llm")
        user = by.name
    try:
        llm = LLMSettings(base_url=base_url.strip(), model=model.strip())
    except ValueError as exc:
        return False, str(exc)
    typed_key = (typed_key or "").strip() or None
    if typed_key:
        probe = llm.with_api_key(typed_key)  # typed for this very address
    else:
        # a key from the environment or the secrets goes only to the address configured with it
        probe = replace(llm.with_api_key(api_key), key_binding=key_binding(session, os.environ))
    ok, message = check_connection(probe)
    if ok:
        set_setting(
            session,
            TESTED_KEY,
            {
                "base_url": llm.base_url,
                "model": llm.model,
                "at": utcnow().isoformat(),
                "user": user,
            },
        )
    _journal(
        session,
        user,
        {"test": "réussi" if ok else "échoué", "base_url": llm.base_url, "model": llm.model},
    )
    return ok, message + ("" if ok else " Le modèle de langage n'a pas été activé.")


def tested_ok(session: Session, base_url: str, model: str) -> bool:
    tested = get_setting(session, TESTED_KEY, {})
    return (
        isinstance(tested, dict)
        and tested.get("base_url") == base_url.strip()
        and tested.get("model") == model.strip()
    )


def save_llm(
    session: Session,
    *,
    engine: str,
    base_url: str,
    model: str,
    user: str = "",
    by: Account | None = None,
    api_key: str | None = None,
    typed_key: str | None = None,
    privacy_assessed: bool = False,
) -> tuple[bool, str]:
    """Stores the engine choice and the endpoint (never the key). Only a praticien may do it
    (PermissionError otherwise). Choosing a language model (`llm` or `auto`: review text is then
    sent to the endpoint) needs a successful test of this very endpoint and model and, when a
    listing follows Québec law, the practice's privacy assessment (Loi 25). A key from the
    environment or the secrets (`api_key`) is sent only to the address configured with it: a new
    address forgets that binding until the key is typed again (`typed_key`, kept only as its
    SHA-256). Every change of where review text is sent is journaled, with who."""
    from responders.llm import LLMSettings, bind_key, save_settings

    if by is not None:
        require(by.role, "change_llm")
        user = by.name
    if engine not in ENGINE_LABELS:
        return False, f"Moteur inconnu « {engine} »."
    before = _destination(session)
    stored = get_setting(session, SETTING_KEY_LLM, {}) or {}
    previous_url = str(stored.get("base_url") or "") if isinstance(stored, dict) else ""
    typed_key = (typed_key or "").strip() or None
    key_bound: bool | None = None
    if engine == "rules" and not base_url.strip():
        set_setting(session, ENGINE_KEY, engine)
        message = "Moteur enregistré : règles hors ligne."
    else:
        try:
            llm = LLMSettings(base_url=base_url.strip(), model=model.strip())
        except ValueError as exc:
            return False, str(exc)
        if engine != "rules":
            if not tested_ok(session, llm.base_url, llm.model):
                return False, (
                    "Le modèle de langage n'est pas activé : testez d'abord la connexion avec cette "
                    "adresse et ce modèle (« Tester la connexion »), puis enregistrez."
                )
            if quebec_in_use(session) and not privacy_assessed and not llm.is_local:
                return False, "Le modèle de langage n'est pas activé. " + LOI_25_NOTICE
        changed = previous_url.rstrip("/") != llm.base_url.rstrip("/")
        save_settings(session, llm)
        set_setting(session, ENGINE_KEY, engine)
        if typed_key:
            bind_key(session, llm.base_url, typed_key)
            key_bound = True
        elif changed:
            bind_key(session, llm.base_url, None)
            key_bound = False
        message = (
            "Réglages du modèle enregistrés (la clé n'est jamais enregistrée)."
            if engine != "rules"
            else "Moteur enregistré : règles hors ligne (aucun texte n'est envoyé)."
        )
        if key_bound is False and api_key:
            message += (
                " La clé d'API de l'environnement ou des secrets ne sera pas envoyée à cette "
                "nouvelle adresse tant qu'un praticien ne l'aura pas saisie à nouveau."
            )
    after = _destination(session)
    if after != before or key_bound is not None:
        detail: dict[str, object] = {"from": before, "to": after}
        if engine != "rules":
            detail["privacy_assessment"] = bool(privacy_assessed)
        if key_bound is not None:
            detail["key_bound"] = key_bound
        _journal(session, user, detail)
    return True, message


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
