"""What every page shares: the cached engine, the current user, the few session keys."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy.engine import Engine
from sqlmodel import Session

from responders.people import roles
from responders.people.accounts import Account, account_for_email
from responders.store.engine import make_engine, session_scope

# The only session_state keys the app uses.
KEY_PAGE = "triage_page"
KEY_LAST_ACTION = "triage_last_action"  # {"message", "ids"}: the last change, offered for undo
KEY_BULK_PENDING = "triage_bulk_pending"  # {"status", "ids"}: a bulk change awaiting confirmation
KEY_HANDLED_EVENTS = "handled_copy_events"  # nonces of copy-button events already acted on
KEY_FAILED_COPY = "failed_copies"  # review id -> guarded text the browser could not copy
KEY_IMPORT_RESULT = "last_import_summary"
KEY_REPHRASE_NOTE = "rephrase_notes"  # review id -> why the model's wording was kept or dropped
KEY_CONFIRM_FINISH = "confirm_finish_triage"  # True while the end of the week awaits confirmation
KEY_CONFIRM_LAWYER = "confirm_send_to_lawyer"  # review id whose transmission awaits confirmation
KEY_DOSSIER_FILE = "lawyer_dossier_file"  # scope -> the dossier file last prepared for download
KEY_ACCOUNT = "account"  # the signed-in person (responders.people.Account), for this browser tab only

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


def oidc_configured() -> bool:
    """True when `.streamlit/secrets.toml` has an `[auth]` section, i.e. `st.login` can be used."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return False


def _oidc_email() -> str | None:
    try:
        if st.user.is_logged_in:
            return str(st.user.get("email") or "") or None
    except (AttributeError, KeyError):
        pass
    return None


def signed_in() -> Account | None:
    """The person signed in on this tab: by password (sign-in page), or through the identity
    provider (`st.login`) when its e-mail belongs to an account."""
    account = st.session_state.get(KEY_ACCOUNT)
    if isinstance(account, Account):
        from responders.people.accounts import current

        with db_session() as session:
            now = current(session, account)
        if now is None:  # removed since signing in (e.g. the demo accounts)
            st.session_state.pop(KEY_ACCOUNT, None)
            return None
        st.session_state[KEY_ACCOUNT] = now
        return now
    email = _oidc_email() if oidc_configured() else None
    if email:
        from responders.people.accounts import record_sign_in

        with db_session() as session:
            account = account_for_email(session, email)
            if account is not None:
                record_sign_in(session, account, method="oidc")
        if account is not None:
            st.session_state[KEY_ACCOUNT] = account
            return account
    return None


def sign_out() -> None:
    from responders.people.accounts import sign_out as journal_sign_out

    account = st.session_state.pop(KEY_ACCOUNT, None)
    if isinstance(account, Account):
        with db_session() as session:
            journal_sign_out(session, account)
    if _oidc_email():
        st.logout()


def require_page(page: str) -> Account:
    """Stops the page unless someone is signed in and their role may open it (core rule)."""
    account = signed_in()
    if account is None:
        st.warning("Connectez-vous pour accéder à cette page.")
        st.stop()
    if not roles.can_open(account.role, page):
        st.error(roles.refusal(account.role, roles.PAGES[page]))
        st.stop()
    return account


def current_user(settings_user: str | None = None) -> str:
    """The signed-in person's name, for the journal (`settings_user` is ignored: the shared
    « Votre nom » setting was replaced by personal accounts)."""
    account = signed_in()
    return account.name if account is not None else ""


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
