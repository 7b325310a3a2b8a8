"""What every page shares: the cached engine, the current user, the few session keys."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy.engine import Engine
from sqlmodel import Session

from responders.store.engine import make_engine, session_scope

# The only session_state keys the app uses.
KEY_PAGE = "triage_page"
KEY_LAST_ACTION = "triage_last_action"  # {"message", "ids"}: the last change, offered for undo
KEY_BULK_PENDING = "triage_bulk_pending"  # {"status", "ids"}: a bulk change awaiting confirmation
KEY_HANDLED_EVENTS = "handled_copy_events"  # nonces of copy-button events already acted on
KEY_FAILED_COPY = "failed_copies"  # review id -> guarded text the browser could not copy
KEY_IMPORT_RESULT = "last_import_summary"
KEY_REPHRASE_NOTE = "rephrase_notes"  # review id -> why the model's wording was kept or dropped

NOT_LEGAL_ADVICE = (
    "Les qualifications proposées (diffamation, injure) ne sont pas un avis juridique : "
    "elles sont à valider par un avocat."
)


@st.cache_resource
def _engine_for(url: str | None) -> Engine:
    return make_engine(url)


def get_engine() -> Engine:
    # keyed by the URL so a changed RESPONDERS_DATABASE_URL never reuses another database's engine
    return _engine_for(os.environ.get("RESPONDERS_DATABASE_URL"))


@contextmanager
def db_session() -> Iterator[Session]:
    with session_scope(get_engine()) as session:
        yield session


def current_user(settings_user: str | None) -> str:
    """The identity provider's user when `st.login` is configured, else the name from Réglages."""
    try:
        if st.user.is_logged_in:
            return str(st.user.get("email") or st.user.get("name") or "utilisateur")
    except (AttributeError, KeyError):
        pass
    return settings_user or "secrétariat"


def plain(text: str | None) -> None:
    """Untrusted text (reviews, names): shown as plain text, never as Markdown or HTML."""
    st.text(text or "")


def secret(name: str) -> str | None:
    """A value from Streamlit secrets, or None when there is no secrets file at all."""
    try:
        value = st.secrets.get(name)
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None
    return str(value) if value else None


def warm_core() -> float:
    """Loads the guard's lexicons, the classifier's patterns and the template catalogue into
    this process (read-only, shared by every user). `scripts/serve.py` calls it before the
    server accepts anyone, so no visit pays for it. Returns the seconds it took."""
    import importlib
    import time

    from responders.classify import classify
    from responders.drafting import draft
    from responders.drafting.catalogue import default_catalogue
    from responders.guard import check

    start = time.perf_counter()
    check("Bonjour.", review="Merci.", reviewer_name="Camille Martin", profile="fr-dentiste")
    classify("Bonjour.")
    default_catalogue()
    for profile in ("fr-dentiste", "qc-medecin"):
        for text, rating in (("Très bon accueil.", 5), ("Attente trop longue.", 2)):
            draft(text, rating, profile=profile, reviewer_name="Camille Martin", seed_key="warm")
    # what the pages import, so the first visit compiles nothing but its own page
    for module in ("altair", "responders.views.settings_view", "responders.views.stats", "responders.policy",
                   "responders.triage.actions", "responders.export", "responders.importers.batch"):
        # not app_pages.copy_button: a component must be declared once the server runs
        importlib.import_module(module)
    return time.perf_counter() - start


@st.cache_resource(show_spinner="Chargement des lexiques…")
def load_core() -> bool:
    """Once per server: a no-op when `scripts/serve.py` already warmed the process."""
    warm_core()
    return True
