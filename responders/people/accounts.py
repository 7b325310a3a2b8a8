"""Accounts: created, listed, signed in. Passwords are kept only as Argon2 hashes (argon2-cffi).

Sign-in attempts are journaled (the refused ones too); after `MAX_FAILURES` refused attempts on
one name within `LOCK_MINUTES`, that name is refused until the window has passed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlmodel import Session, col, select

from responders.people.roles import ROLES, check_role
from responders.store.models import AuditEvent, User
from responders.timeutil import utcnow
from responders.vocabulary import AuditAction

MIN_PASSWORD = 8
MAX_FAILURES = 5
LOCK_MINUTES = 15
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a wrong password."""
    return _HASHER.hash("compte-inexistant")


# The documented demo accounts (README, « Comptes de démonstration »): created by `responders
# demo` only when the database has no account at all, and flagged on screen.
DEMO_ACCOUNTS: tuple[tuple[str, str, str], ...] = (
    ("praticien", "praticien", "demo-praticien"),
    ("secretariat", "secretariat", "demo-secretariat"),
    ("avocat", "avocat", "demo-avocat"),
)


@dataclass(frozen=True, slots=True)
class Account:
    """The signed-in person, as pages and core functions see them (never the hash)."""

    name: str
    role: str
    demo: bool = False
    email: str | None = None

    @property
    def role_fr(self) -> str:
        return ROLES.get(self.role, self.role)


class SignInRefused(Exception):
    """The French reason a sign-in was refused (deliberately vague about which part was wrong)."""


def _account(user: User) -> Account:
    return Account(name=user.name, role=user.role, demo=user.demo, email=user.email)


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValueError(
            "Nom d'utilisateur vide : choisissez un nom (par exemple « claire » ou « dr.martin »)."
        )
    if len(name) > 200:
        raise ValueError("Nom d'utilisateur trop long (200 caractères au plus).")
    return name


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise ValueError(f"Mot de passe trop court : au moins {MIN_PASSWORD} caractères.")
    return password


def add_user(
    session: Session,
    name: str,
    role: str,
    password: str | None,
    *,
    email: str | None = None,
    demo: bool = False,
    by: str | None = None,
) -> Account:
    """Creates an account. `password` may be None only with an `email` (identity-provider sign-in).

    Raises ValueError with a French message for an unknown role, a taken name or a short password.
    """
    name = _clean_name(name)
    check_role(role)
    email = (email or "").strip().lower() or None
    if password is None or password == "":
        if email is None:
            raise ValueError("Mot de passe manquant : il est lu sur l'entrée standard.")
        password_hash = None
    else:
        password_hash = _HASHER.hash(check_password(password))
    if find_user(session, name) is not None:
        raise ValueError(f"Le compte « {name} » existe déjà.")
    if email and session.exec(select(User).where(col(User.email) == email)).first() is not None:
        raise ValueError(f"L'adresse « {email} » est déjà celle d'un autre compte.")
    user = User(
        name=name,
        role=role,
        password_hash=password_hash,
        email=email,
        demo=demo,
        created_at=utcnow(),
    )
    session.add(user)
    _journal(session, by or name, "user_added", {"name": name, "role": role, "demo": demo})
    session.flush()
    return _account(user)


def find_user(session: Session, name: str) -> User | None:
    wanted = " ".join((name or "").split()).lower()
    return session.exec(select(User).where(func.lower(col(User.name)) == wanted)).first()


def list_users(session: Session) -> list[dict[str, Any]]:
    """One dict per account: name, role, created_at (ISO 8601). Never the hash."""
    rows = session.exec(select(User).order_by(col(User.created_at), col(User.id))).all()
    return [
        {
            "name": u.name,
            "role": u.role,
            "created_at": u.created_at.isoformat() if u.created_at else None,
        }
        for u in rows
    ]


def has_accounts(session: Session) -> bool:
    return session.exec(select(func.count()).select_from(User)).one() > 0


def demo_accounts(session: Session) -> list[Account]:
    return [
        _account(u)
        for u in session.exec(select(User).where(col(User.demo)).order_by(col(User.id))).all()
    ]


def create_demo_accounts(session: Session) -> list[Account]:
    """The documented demo accounts, only in a database without any account (else nothing)."""
    if has_accounts(session):
        return []
    return [
        add_user(session, name, role, password, demo=True, by="démonstration")
        for name, role, password in DEMO_ACCOUNTS
    ]


def remove_demo_accounts(session: Session, *, by: Account) -> int:
    from responders.people.roles import require

    require(by.role, "manage_users")
    own = session.exec(select(User).where(col(User.role) == "praticien", ~col(User.demo))).first()
    if own is None:
        raise ValueError(
            "Créez d'abord votre propre compte praticien : sans lui, plus personne ne pourrait gérer les comptes."
        )
    users = session.exec(select(User).where(col(User.demo))).all()
    for user in users:
        session.delete(user)
        _journal(
            session, by.name, "user_removed", {"name": user.name, "role": user.role, "demo": True}
        )
    return len(users)


def account_for_email(session: Session, email: str | None) -> Account | None:
    """The account an identity provider's e-mail maps to (st.login), or None."""
    email = (email or "").strip().lower()
    if not email:
        return None
    user = session.exec(select(User).where(col(User.email) == email)).first()
    return _account(user) if user else None


def _journal(session: Session, user: str, action: str, detail: dict[str, Any]) -> None:
    session.add(AuditEvent(at=utcnow(), user=user[:200], action=AuditAction(action), detail=detail))


def _recent_failures(session: Session, name: str) -> int:
    since = utcnow() - timedelta(minutes=LOCK_MINUTES)
    events = session.exec(
        select(AuditEvent).where(
            col(AuditEvent.action) == "sign_in_refused", col(AuditEvent.at) >= since
        )
    ).all()
    wanted = name.lower()
    return sum(1 for e in events if str(e.user).lower() == wanted)


def authenticate(session: Session, name: str, password: str) -> Account | None:
    """The account when `password` matches, else None. No journal entry (see `sign_in`)."""
    user = find_user(session, name)
    try:
        _HASHER.verify(
            user.password_hash if user and user.password_hash else _dummy_hash(), password or ""
        )
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.password_hash:
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
        session.add(user)
    return _account(user)


def sign_in(session: Session, name: str, password: str) -> Account:
    """Checks the password and journals the attempt; raises SignInRefused (French) when refused.

    The refusal is journaled in the caller's transaction: commit it even when this raises.
    """
    typed = " ".join((name or "").split())[:200]
    if not typed:
        raise SignInRefused("Indiquez votre nom d'utilisateur.")
    if _recent_failures(session, typed) >= MAX_FAILURES:
        _journal(session, typed, "sign_in_refused", {"reason": "locked"})
        raise SignInRefused(
            f"Trop de tentatives pour ce compte : réessayez dans {LOCK_MINUTES} minutes "
            "ou demandez à un praticien."
        )
    account = authenticate(session, typed, password)
    if account is None:
        _journal(session, typed, "sign_in_refused", {"reason": "password"})
        raise SignInRefused("Nom d'utilisateur ou mot de passe incorrect.")
    _journal(session, account.name, "sign_in", {"method": "password"})
    return account


def set_password(session: Session, name: str, password: str, *, by: Account) -> None:
    """A praticien (or the person themself) sets a new password."""
    from responders.people.roles import require

    if by.name.lower() != name.lower():
        require(by.role, "manage_users")
    user = find_user(session, name)
    if user is None:
        raise LookupError(f"Compte « {name} » introuvable.")
    user.password_hash = _HASHER.hash(check_password(password))
    session.add(user)
    _journal(session, by.name, "password_changed", {"name": user.name})


def create_first_practitioner(session: Session, name: str, password: str) -> Account:
    """The first account of a fresh install, from the dashboard's first screen. Refused once any
    account exists: after that, accounts are added by a praticien or with `responders users add`."""
    if has_accounts(session):
        raise PermissionError(
            "Un compte existe déjà : connectez-vous, ou demandez à un praticien d'en créer un."
        )
    return add_user(session, name, "praticien", password)


def record_sign_in(session: Session, account: Account, *, method: str) -> None:
    """Journals a sign-in that did not go through `sign_in` (the identity provider's)."""
    _journal(session, account.name, "sign_in", {"method": method})


def sign_out(session: Session, account: Account) -> None:
    _journal(session, account.name, "sign_out", {})


def current(session: Session, account: Account) -> Account | None:
    """The account as the database holds it now (None once removed): a session signed in
    before a removal or a change of role never keeps the old rights."""
    user = find_user(session, account.name)
    return _account(user) if user is not None else None
