"""Whether to answer a review at all: the reply policy per profile and situation.

Not answering is a real option and often the recommended one (DOMAIN.md, reply policy rule
7). The defaults below follow the professional guidance; each practice may override them
per situation in Réglages, stored as the `reply_policy` setting: ``{"praise": "reply", ...}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlmodel import Session

from responders.profiles import PROFILES, get_profile
from responders.store.settings import get_setting, set_setting
from responders.vocabulary import REPLY_ACTION_FR, Label, ReplyAction

Action = ReplyAction
# a review's label, or a rating without text
Situation = Literal["praise", "criticism", "rating_only", "insult", "defamation"]
ACTIONS: tuple[str, ...] = tuple(ReplyAction)
SITUATIONS: tuple[str, ...] = get_args(Situation)
SETTING_KEY = "reply_policy"

ACTION_LABELS: dict[str, str] = dict(REPLY_ACTION_FR)
SITUATION_LABELS: dict[str, str] = {
    Label.PRAISE: "avis positif",
    Label.CRITICISM: "critique",
    "rating_only": "note sans texte",
    Label.INSULT: "injure",
    Label.DEFAMATION: "diffamation",
}


class PolicyError(ValueError):
    """A reply-policy override that cannot be used; the message is French, for people."""


@dataclass(frozen=True, slots=True)
class PolicyDecision:
    action: ReplyAction
    reason: str
    # "default" (the product's recommendation) or "practice" (an override from Réglages)
    source: Literal["default", "practice"] = "default"


@dataclass(frozen=True, slots=True)
class PolicyRule:
    """One default: `profiles` empty means every profile. The first matching rule wins."""

    situation: Situation
    action: ReplyAction
    reason: str
    profiles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.situation not in SITUATIONS:
            raise ValueError(f"unknown situation {self.situation!r}")
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}")
        object.__setattr__(self, "action", ReplyAction(self.action))
        unknown = set(self.profiles) - set(PROFILES)
        if unknown:
            raise ValueError(f"unknown profiles {sorted(unknown)}")
        if not self.reason.strip():
            raise ValueError("a policy rule needs a reason shown to staff")

    def matches(self, profile: str, situation: str) -> bool:
        return situation == self.situation and (not self.profiles or profile in self.profiles)


_REPLY = (
    "Réponse neutre proposée : identique pour un avis positif ou négatif, elle ne confirme pas "
    "que l'auteur a été reçu et ne dit rien sur le fond. Relisez-la avant de la publier."
)
_ORDRE_MEDECINS = (
    "L'Ordre des médecins recommande actuellement aux médecins de ne pas répondre aux avis en "
    "ligne : aucune réponse n'est proposée. Le cabinet peut changer ce choix dans Réglages."
)
_ODQ_TESTIMONIALS = (
    "Les règles de l'Ordre des dentistes du Québec interdisent d'accueillir ou d'encourager les "
    "témoignages d'appui ou de reconnaissance : aucune réponse publique n'est proposée aux avis "
    "positifs ni aux notes seules. La clinique peut changer ce choix dans Réglages."
)
_INSULT_FR = (
    "Injure probable : ne répondez pas publiquement (une réponse vive peut excuser l'injure, "
    "art. 33 de la loi du 29 juillet 1881). Gardez une capture de l'avis, envisagez "
    "« Signaler l'avis » auprès de Google et, si l'avis reste en ligne, l'avocat (délai : "
    "3 mois à compter de la publication)."
)
_INSULT_QC = (
    "Injure probable : ne répondez pas publiquement. Gardez une capture de l'avis, envisagez "
    "« Signaler l'avis » auprès de Google et, si l'avis reste en ligne, l'avocat (faute civile, "
    "C.c.Q. art. 1457 ; délai : 1 an à compter de la prise de connaissance)."
)
_DEFAMATION_FR = (
    "Diffamation probable : ne répondez pas publiquement. Gardez une capture de l'avis et "
    "transmettez le dossier à l'avocat sans attendre : le délai pour agir est de 3 mois à "
    "compter de la publication (art. 65 de la loi du 29 juillet 1881)."
)
_DEFAMATION_QC = (
    "Diffamation probable : ne répondez pas publiquement. Gardez une capture de l'avis et "
    "transmettez le dossier à l'avocat : le délai pour agir est de 1 an à compter du jour où "
    "vous en avez eu connaissance (C.c.Q. art. 2929)."
)

_FR = ("fr-medecin", "fr-dentiste")
_QC = ("qc-medecin", "qc-dentiste")

# Most specific first: the first rule matching (profile, situation) wins.
DEFAULT_POLICY: tuple[PolicyRule, ...] = (
    PolicyRule("defamation", ReplyAction.ESCALATE, _DEFAMATION_FR, _FR),
    PolicyRule("defamation", ReplyAction.ESCALATE, _DEFAMATION_QC, _QC),
    PolicyRule("insult", ReplyAction.NO_REPLY, _INSULT_FR, _FR),
    PolicyRule("insult", ReplyAction.NO_REPLY, _INSULT_QC, _QC),
    PolicyRule("praise", ReplyAction.NO_REPLY, _ORDRE_MEDECINS, ("fr-medecin",)),
    PolicyRule("criticism", ReplyAction.NO_REPLY, _ORDRE_MEDECINS, ("fr-medecin",)),
    PolicyRule("rating_only", ReplyAction.NO_REPLY, _ORDRE_MEDECINS, ("fr-medecin",)),
    PolicyRule("praise", ReplyAction.NO_REPLY, _ODQ_TESTIMONIALS, ("qc-dentiste",)),
    PolicyRule("rating_only", ReplyAction.NO_REPLY, _ODQ_TESTIMONIALS, ("qc-dentiste",)),
    PolicyRule("praise", ReplyAction.REPLY, _REPLY),
    PolicyRule("criticism", ReplyAction.REPLY, _REPLY),
    PolicyRule("rating_only", ReplyAction.REPLY, _REPLY),
)


def default_decision(profile: str, situation: str) -> PolicyDecision:
    get_profile(profile)
    if situation not in SITUATIONS:
        raise PolicyError(_unknown_situation(situation))
    for rule in DEFAULT_POLICY:
        if rule.matches(profile, situation):
            return PolicyDecision(rule.action, rule.reason, "default")
    raise LookupError(f"no default reply policy for {profile}/{situation}")


def _override_reason(situation: str, action: str, default: PolicyDecision) -> str:
    chosen = f"Choix du cabinet (Réglages) pour « {SITUATION_LABELS[situation]} » : {ACTION_LABELS[action]}."
    if action == ReplyAction.REPLY:
        return f"{chosen} {_REPLY} Recommandation par défaut : {ACTION_LABELS[default.action]}."
    if action == ReplyAction.ESCALATE:
        return f"{chosen} Gardez une capture de l'avis et transmettez le dossier à l'avocat."
    return f"{chosen} Aucune réponse n'est proposée."


def resolve_policy(
    profile: str, label: str, overrides: Mapping[str, str] | None = None
) -> PolicyDecision:
    """The decision for a review of `label` (a label or "rating_only") in `profile`."""
    default = default_decision(profile, label)
    if not overrides:
        return default
    action = validate_overrides(overrides).get(label)
    if action is None or action == default.action:
        return default
    return PolicyDecision(ReplyAction(action), _override_reason(label, action, default), "practice")


def _unknown_situation(situation: object) -> str:
    known = ", ".join(SITUATIONS)
    return f"Type d'avis inconnu « {situation} » dans la politique de réponse : choisissez parmi {known}."


def validate_overrides(overrides: Any) -> dict[str, str]:
    """The overrides as a clean dict, or PolicyError saying which entry is wrong."""
    if not isinstance(overrides, Mapping):
        raise PolicyError(
            "La politique de réponse doit être une table « type d'avis → action », "
            'par exemple {"praise": "no_reply"}.'
        )
    clean: dict[str, str] = {}
    for situation, action in overrides.items():
        if situation not in SITUATIONS:
            raise PolicyError(_unknown_situation(situation))
        if action not in ACTIONS:
            known = ", ".join(ACTIONS)
            raise PolicyError(
                f"Action inconnue « {action} » pour « {situation} » dans la politique de "
                f"réponse : choisissez parmi {known}."
            )
        clean[situation] = action
    return clean


def load_policy_overrides(session: Session) -> dict[str, str]:
    """The practice's overrides from the `reply_policy` setting ({} when none are set)."""
    value = get_setting(session, SETTING_KEY)
    if value is None:
        return {}
    return validate_overrides(value)


def save_policy_overrides(session: Session, overrides: Mapping[str, str]) -> dict[str, str]:
    """Validate and store the overrides (an empty mapping restores every default)."""
    clean = validate_overrides(overrides)
    # a fresh dict so the JSON column sees a new value, not an in-place mutation
    set_setting(session, SETTING_KEY, dict(clean))
    return clean


def policy_table() -> list[dict[str, str]]:
    """Every default decision, profile by profile (for the review sheet and Réglages)."""
    rows = []
    for profile in PROFILES:
        for situation in SITUATIONS:
            decision = default_decision(profile, situation)
            rows.append(
                {
                    "profile": profile,
                    "situation": situation,
                    "action": decision.action,
                    "reason": decision.reason,
                }
            )
    return rows
