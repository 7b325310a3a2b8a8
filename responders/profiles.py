"""Practice profiles: jurisdiction drives deadlines and law; profession drives vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Jurisdiction = Literal["FR", "QC"]
Profession = Literal["medecin", "dentiste"]


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    jurisdiction: Jurisdiction
    profession: Profession
    label: str


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile("fr-medecin", "FR", "medecin", "Médecin (France)"),
        Profile("fr-dentiste", "FR", "dentiste", "Chirurgien-dentiste (France)"),
        Profile("qc-medecin", "QC", "medecin", "Médecin (Québec)"),
        Profile("qc-dentiste", "QC", "dentiste", "Dentiste (Québec)"),
    )
}
DEFAULT_PROFILE = "fr-dentiste"


def get_profile(name: str | None) -> Profile:
    if name is None:
        return PROFILES[DEFAULT_PROFILE]
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(PROFILES)
        raise ValueError(f"Profil inconnu « {name} » : choisissez parmi {known}.") from None
