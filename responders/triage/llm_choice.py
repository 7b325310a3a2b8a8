"""Where review text may be sent: the language-model choice as stored, read without importing
LangChain. The writes (testing an endpoint, saving the choice) are in `responders.triage.actions`,
with their journal events; the Réglages page reads this state through `responders.views`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from responders.store.models import Location
from responders.store.settings import PracticeSettings, get_setting

ENGINE_KEY = "classify_engine"
SETTING_KEY_LLM = "llm"  # responders.llm.SETTING_KEY, read here without importing LangChain
ENGINE_LABELS = {
    "rules": "Règles (hors ligne)",
    "llm": "Modèle de langage",
    "auto": "Les deux combinés",
}
TESTED_KEY = "llm_tested"  # the endpoint and model that last answered a test, who tested and when
LLM_SECTION = "modèle de langage (envoi du texte des avis)"
LOI_25_NOTICE = (
    "Québec (Loi 25) : le texte des avis peut contenir des renseignements personnels. Avant de "
    "les communiquer à l'extérieur du Québec (un service de modèle de langage hébergé ailleurs), "
    "le cabinet doit avoir fait son évaluation des facteurs relatifs à la vie privée (Loi sur la "
    "protection des renseignements personnels dans le secteur privé, art. 17). Un modèle installé "
    "sur cet ordinateur (127.0.0.1) n'envoie rien à l'extérieur."
)


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


def destination(session: Session) -> dict[str, str]:
    """Where review text goes now: what a journal line of a change shows before and after."""
    state = llm_state(session)
    return {"engine": state.engine, "base_url": state.base_url, "model": state.model}


def quebec_in_use(session: Session) -> bool:
    """True when the practice or one of its listings follows Québec law."""
    from responders.profiles import get_profile

    practice = PracticeSettings.load(session).profile
    profiles = {practice, *(p for p in session.exec(select(Location.profile)).all() if p)}
    return any(get_profile(p).jurisdiction == "QC" for p in profiles)


def tested_ok(session: Session, base_url: str, model: str) -> bool:
    tested = get_setting(session, TESTED_KEY, {})
    return (
        isinstance(tested, dict)
        and tested.get("base_url") == base_url.strip()
        and tested.get("model") == model.strip()
    )
