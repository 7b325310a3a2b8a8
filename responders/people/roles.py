"""Who may do what: the one rule every page and command asks. Unknown roles or actions raise."""

from __future__ import annotations

ROLES: dict[str, str] = {
    "secretariat": "Secrétariat",
    "praticien": "Praticien",
    "avocat": "Avocat",
}

# Every action a person can take in the product, with the French words used when it is refused.
ACTIONS: dict[str, str] = {
    "triage": "trier les avis",
    "copy_reply": "copier une réponse contrôlée",
    "import": "importer des avis",
    "view_dashboard": "consulter le tableau de bord",
    "view_journal": "consulter le journal",
    "confirm_review_reply": "confirmer une réponse à vérifier",
    "change_settings": "modifier les réglages",
    "change_policy": "modifier la politique de réponse",
    "change_llm": "modifier l'adresse du modèle de langage",
    "manage_users": "gérer les comptes",
    "view_lawyer": "consulter le dossier pour l'avocat",
    "download_dossier": "télécharger le dossier pour l'avocat",
    "edit_knowledge_date": "corriger la date de connaissance d'un avis",
    "track_removals": "suivre les demandes de retrait d'avis",
    "audit_replies": "vérifier les réponses déjà publiées",
}

_SECRETARIAT = frozenset(
    {
        "triage",
        "copy_reply",
        "import",
        "view_dashboard",
        "view_journal",
        "track_removals",
        "audit_replies",
    }
)
PERMISSIONS: dict[str, frozenset[str]] = {
    "secretariat": _SECRETARIAT,
    "praticien": _SECRETARIAT
    | {
        "confirm_review_reply",
        "change_settings",
        "change_policy",
        "change_llm",
        "manage_users",
        "view_lawyer",
        "download_dossier",
        "edit_knowledge_date",
    },
    "avocat": frozenset({"view_lawyer", "download_dossier"}),
}

# Each dashboard page (file name in app_pages/) and the action that opens it.
PAGES: dict[str, str] = {
    "triage": "triage",
    "importer": "import",
    "tableau_de_bord": "view_dashboard",
    "avocat": "view_lawyer",
    "retraits": "track_removals",
    "reponses_publiees": "audit_replies",
    "journal": "view_journal",
    "reglages": "change_settings",
}


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"Rôle inconnu « {role} » : choisissez parmi {', '.join(ROLES)}.")
    return role


def can(role: str | None, action: str) -> bool:
    """True when a person with `role` may take `action`. No role (nobody signed in) may do nothing."""
    if action not in ACTIONS:
        raise ValueError(f"Action inconnue : {action}")
    if role is None:
        return False
    return action in PERMISSIONS[check_role(role)]


def can_open(role: str | None, page: str) -> bool:
    if page not in PAGES:
        raise ValueError(f"Page inconnue : {page}")
    return can(role, PAGES[page])


def pages_for(role: str | None) -> list[str]:
    return [page for page in PAGES if can_open(role, page)]


def refusal(role: str | None, action: str) -> str:
    """The French sentence shown when `role` may not take `action`."""
    who = ROLES.get(role or "", "")
    if not who:
        return f"Connectez-vous pour {ACTIONS[action]}."
    return f"Votre rôle ({who}) ne permet pas de {ACTIONS[action]}."


def require(role: str | None, action: str) -> None:
    """Raises PermissionError (French message) unless `role` may take `action`."""
    if not can(role, action):
        raise PermissionError(refusal(role, action))
