"""Practice settings stored as JSON values in the `settings` table.

One key per setting, so pages and commands can read or write a single value without
loading the rest; `PracticeSettings` is the typed view most callers want.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlmodel import Session

from responders.profiles import DEFAULT_PROFILE, get_profile
from responders.store.models import Setting
from responders.timeutil import utcnow


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    """The stored value of `key`, or `default` when it was never set (or set to null)."""
    row = session.get(Setting, key)
    if row is None or row.value is None:
        return default
    return row.value


def set_setting(session: Session, key: str, value: Any) -> None:
    """Insert or replace `key`; the caller's transaction decides when it is committed."""
    row = session.get(Setting, key)
    if row is None:
        row = Setting(key=key)
    row.value = value
    row.updated_at = utcnow()
    session.add(row)
    session.flush()


@dataclass(slots=True)
class PracticeSettings:
    """What the exports and the notice to Google need to know about the practice.

    Each field is stored under its own name as a key of the `settings` table.
    """

    profile: str = DEFAULT_PROFILE
    practice_name: str = ""
    notifier_name: str = ""
    notifier_email: str = ""
    contact_channel: str = ""
    user_name: str = ""

    def __post_init__(self) -> None:
        # an unknown profile would silently change deadlines and legal references
        get_profile(self.profile)

    @property
    def contact(self) -> str:
        """How people can reach the practice privately (phone, address), for replies."""
        return self.contact_channel

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def load(cls, session: Session) -> PracticeSettings:
        defaults = cls()
        values: dict[str, Any] = {}
        for key in cls.keys():
            value = get_setting(session, key, getattr(defaults, key))
            values[key] = value if isinstance(value, str) else str(value)
        try:
            return cls(**values)
        except ValueError:
            # a profile removed from the product since it was saved: fall back, do not crash
            values["profile"] = DEFAULT_PROFILE
            return cls(**values)

    def save(self, session: Session) -> None:
        get_profile(self.profile)
        for key, value in asdict(self).items():
            set_setting(session, key, value.strip() if isinstance(value, str) else value)

    def missing_for_notice(self) -> list[str]:
        """French names of the fields the notice to Google cannot do without."""
        missing = []
        if not self.notifier_name.strip():
            missing.append("nom du notifiant")
        if not self.notifier_email.strip():
            missing.append("e-mail du notifiant")
        return missing


SIGNATORIES_KEY = "listing_signatories"


@dataclass(frozen=True, slots=True)
class Signatory:
    """Who signs the notices to Google for one listing (a group's Lyon and Montréal practices
    each have their own practitioner). Empty fields fall back to the practice's settings."""

    name: str = ""
    email: str = ""

    def __bool__(self) -> bool:
        return bool(self.name.strip() or self.email.strip())


def load_signatories(session: Session) -> dict[str, Signatory]:
    """Each listing's own signatory, by listing key (only the listings that have one)."""
    stored = get_setting(session, SIGNATORIES_KEY, {})
    out = {}
    for key, value in stored.items() if isinstance(stored, dict) else ():
        if isinstance(value, dict):
            signatory = Signatory(str(value.get("name") or ""), str(value.get("email") or ""))
            if signatory:
                out[str(key)] = signatory
    return out


def save_signatory(session: Session, location_key: str, signatory: Signatory) -> None:
    """Set (or, when empty, remove) the signatory of one listing."""
    stored = dict(get_setting(session, SIGNATORIES_KEY, {}) or {})
    if signatory:
        stored[location_key] = {"name": signatory.name.strip(), "email": signatory.email.strip()}
    else:
        stored.pop(location_key, None)
    set_setting(session, SIGNATORIES_KEY, stored)
