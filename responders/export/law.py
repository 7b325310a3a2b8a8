"""What the dossier says about the law, as data: qualifications, articles, fixed statements.

Every qualification is a proposal: a French summons must pick one qualification per passage
(art. 53 of the loi du 29 juillet 1881), and only the lawyer can make that choice.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from responders.vocabulary import AuditAction, Label, Qualification

VALIDATION = "à valider par l'avocat"

NOT_LEGAL_ADVICE = (
    "Ce dossier n'est pas un avis juridique. Les qualifications et les délais sont des "
    "propositions calculées automatiquement, à valider par l'avocat."
)

SECRECY_REMINDER = (
    "Secret médical : seul ce qui est strictement nécessaire à la défense peut être "
    "communiqué. Ce dossier ne contient que l'avis publié et les actions du cabinet ; "
    "n'y ajoutez aucune donnée de santé issue du dossier du patient, et ne confirmez "
    "jamais publiquement que l'auteur de l'avis a été reçu au cabinet."
)

# Shown with the passages: a French summons must pick one qualification per passage.
QUALIFICATION_NOTES = {
    "FR": (
        "Une seule qualification est proposée par passage : l'assignation ou la citation doit "
        "retenir une qualification par propos (art. 53 de la loi du 29 juillet 1881), à "
        "valider par l'avocat."
    ),
    "QC": "Qualifications proposées au titre de la faute civile, à valider par l'avocat.",
}

# The dossier's own wording (lower case, for a lawyer) of the shared vocabulary.
LABELS_FR: dict[str, str] = {
    Label.PRAISE: "avis positif ou neutre",
    Label.CRITICISM: "critique",
    Label.INSULT: "injure",
    Label.DEFAMATION: "diffamation",
}

QUALIFICATIONS_FR: dict[str, str] = {
    Qualification.DEFAMATION: "diffamation",
    Qualification.INSULT: "injure",
    Qualification.CRITICISM: "critique (a priori licite)",
}

_LOI_1881 = "loi du 29 juillet 1881"
_QC_CIVIL = (
    "C.c.Q. art. 3",
    "C.c.Q. art. 35",
    "C.c.Q. art. 1457",
    "Charte des droits et libertés de la personne, art. 4",
    "Charte des droits et libertés de la personne, art. 49",
)

# (jurisdiction, qualification) -> articles proposed to the lawyer
ARTICLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("FR", "defamation"): (f"{_LOI_1881}, art. 29 al. 1", f"{_LOI_1881}, art. 32 al. 1"),
    ("FR", "insult"): (f"{_LOI_1881}, art. 29 al. 2", f"{_LOI_1881}, art. 33 al. 2"),
    ("QC", "defamation"): _QC_CIVIL,
    ("QC", "insult"): _QC_CIVIL,
}

# (jurisdiction, qualification) -> why the passage would be unlawful, for the notice to Google
GROUNDS: dict[tuple[str, str], str] = {
    ("FR", "defamation"): (
        "imputation d'un fait précis portant atteinte à l'honneur ou à la considération "
        "(diffamation publique envers un particulier)"
    ),
    ("FR", "insult"): (
        "expression outrageante, terme de mépris ou invective ne renfermant l'imputation "
        "d'aucun fait (injure publique envers un particulier)"
    ),
    ("QC", "defamation"): (
        "propos diffamatoires portant atteinte à la réputation, à l'honneur et à la dignité "
        "(faute civile)"
    ),
    ("QC", "insult"): (
        "propos injurieux portant atteinte à l'honneur et à la dignité (faute civile)"
    ),
}


def articles_for(jurisdiction: str, qualification: str) -> tuple[str, ...]:
    return ARTICLES.get((jurisdiction, qualification), ())


def grounds_for(jurisdiction: str, qualification: str) -> str:
    return GROUNDS.get((jurisdiction, qualification), "propos à qualifier par l'avocat")


@dataclass(frozen=True, slots=True)
class TargetCue:
    """Words telling who a passage aims at. The lawyer confirms; this only pre-fills."""

    label: str
    words: tuple[str, ...]


# Lower-case words, French (France and Québec) and English. A word typed without any accent
# matches its accented form ("medecin"); a word with other accents does not ("centré").
TARGET_CUES: tuple[TargetCue, ...] = (
    TargetCue(
        "le praticien (personne physique)",
        (
            "docteur",
            "docteure",
            "dr",
            "dre",
            "doc",
            "toubib",
            "médecin",
            "dentiste",
            "praticien",
            "praticienne",
            "chirurgien",
            "chirurgienne",
            "orthodontiste",
            "stomatologue",
            "généraliste",
            "spécialiste",
            "doctor",
            "dentist",
            "physician",
            "surgeon",
            "orthodontist",
        ),
    ),
    TargetCue(
        "un membre de l'équipe (personne physique)",
        (
            "secrétaire",
            "secrétaires",
            "assistante",
            "assistantes",
            "assistant",
            "assistants",
            "hygiéniste",
            "hygiénistes",
            "réceptionniste",
            "infirmière",
            "infirmier",
            "receptionist",
            "hygienist",
            "nurse",
        ),
    ),
    TargetCue(
        "le cabinet (l'établissement ou la personne morale)",
        (
            "cabinet",
            "clinique",
            "polyclinique",
            "centre",
            "secrétariat",
            "équipe",
            "personnel",
            "établissement",
            "accueil",
            "clinic",
            "office",
            "practice",
            "staff",
        ),
    ),
)

UNKNOWN_TARGET = "à préciser (la fiche de l'établissement suffit à rendre la cible identifiable)"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _matches(words: set[str], cue: TargetCue) -> bool:
    unaccented = {w for w in words if w.isascii()}
    return bool(words & set(cue.words) or unaccented & {_fold(w) for w in cue.words})


def guess_target(texts: list[str]) -> str:
    """Who the words aim at, from the first texts that name anyone (passages before review)."""
    for text in texts:
        words = set(re.findall(r"\w+", text.casefold()))
        found = [cue.label for cue in TARGET_CUES if _matches(words, cue)]
        if found:
            return " ; ".join(found)
    return UNKNOWN_TARGET


# The audit action recorded when a review is transmitted to the lawyer (« Transmettre à
# l'avocat »); the dossier's `transmitted` scope reads it.
SEND_TO_LAWYER = AuditAction.SEND_TO_LAWYER

JURISDICTIONS_FR = {"FR": "France", "QC": "Québec (Canada)"}

# The law each jurisdiction's entries are read under, in one line for the dossier.
LAWS = {
    "FR": (
        "loi du 29 juillet 1881 sur la liberté de la presse (art. 29, 32, 33 ; délai : art. 65)"
    ),
    "QC": (
        "Code civil du Québec (art. 3, 35, 1457 ; délai : art. 2929) et Charte des droits et "
        "libertés de la personne (art. 4, 5, 49)"
    ),
}

ACTION_LABELS: dict[str, str] = {
    AuditAction.GOOGLE_REPORT: "signalement à Google",
    AuditAction.REPLY_COPIED: "réponse copiée",
    AuditAction.REPLY_PUBLISHED: "réponse publiée",
    AuditAction.STATUS: "changement de statut",
    SEND_TO_LAWYER: "transmis à l'avocat",
    AuditAction.KNOWLEDGE_DATE: "date de connaissance modifiée",
    AuditAction.CAPTURE_ADDED: "capture jointe",
    AuditAction.REMOVAL_SUBMITTED: "demande de retrait déposée",
    AuditAction.REMOVAL_DECISION: "décision sur la demande de retrait",
    AuditAction.EXTORTION_RECORDED: "message de chantage enregistré",
}

# Only these keys of an audit event's detail go into the dossier: free-form notes could
# hold anything, including health data, and the dossier must not.
ACTION_DETAIL_KEYS: dict[str, tuple[str, ...]] = {
    AuditAction.GOOGLE_REPORT: ("date", "reference", "outcome"),
    AuditAction.STATUS: ("from", "to", "old", "new", "status"),
    SEND_TO_LAWYER: ("target",),
    AuditAction.KNOWLEDGE_DATE: ("from", "to"),
    AuditAction.CAPTURE_ADDED: ("filename", "sha256"),
    AuditAction.REMOVAL_SUBMITTED: ("route", "category", "reference"),
    AuditAction.REMOVAL_DECISION: ("route", "decision", "decided_on"),
    AuditAction.EXTORTION_RECORDED: ("received_on",),
}

DETAIL_LABELS = {
    "date": "date",
    "reference": "référence",
    "outcome": "résultat",
    "from": "de",
    "to": "à",
    "old": "avant",
    "new": "après",
    "status": "statut",
    "target": "cible",
    "filename": "fichier",
    "sha256": "SHA-256",
    "received_on": "reçu le",
}
