"""The product's domain words, each once, with the French name staff read.

Every member is a `StrEnum`: it compares equal to the string stored in the database
(`Label.DEFAMATION == "defamation"`), so the tables keep their values and need no migration,
while the code names each word once and a typo fails at import time instead of silently
matching nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Label(StrEnum):
    """What a review is, as the classifier proposes it."""

    PRAISE = "praise"
    CRITICISM = "criticism"
    INSULT = "insult"
    DEFAMATION = "defamation"

    @property
    def fr(self) -> str:
        return LABEL_FR[self]


LABEL_FR: dict[str, str] = {
    Label.DEFAMATION: "Diffamation (à valider)",
    Label.INSULT: "Injure (à valider)",
    Label.CRITICISM: "Critique",
    Label.PRAISE: "Éloge",
}
# Labels a lawyer may act on (the legal candidates of the queue and the dossier).
LEGAL_LABELS: tuple[Label, ...] = (Label.DEFAMATION, Label.INSULT)


class Qualification(StrEnum):
    """How a passage of a review may be qualified in law (to be validated by a lawyer)."""

    DEFAMATION = "defamation"
    INSULT = "insult"
    CRITICISM = "criticism"


class Status(StrEnum):
    """Where a review stands in the staff's work."""

    NEW = "nouveau"
    TO_REVIEW = "a_revoir"
    ANSWERED = "repondu"
    NO_REPLY = "ne_pas_repondre"
    LAWYER = "avocat"
    REPORTED = "signale"

    @property
    def fr(self) -> str:
        return STATUS_FR[self]


STATUS_FR: dict[str, str] = {
    Status.NEW: "Nouveau",
    Status.TO_REVIEW: "À revoir",
    Status.ANSWERED: "Répondu",
    Status.NO_REPLY: "Ne pas répondre",
    Status.LAWYER: "Transmis à l'avocat",
    Status.REPORTED: "Signalé à Google",
}
# Statuses that take a review out of the queue until it changes again.
DONE_STATUSES: frozenset[Status] = frozenset(
    {Status.ANSWERED, Status.NO_REPLY, Status.LAWYER, Status.REPORTED}
)


class ReplyAction(StrEnum):
    """What the reply policy recommends for a review."""

    REPLY = "reply"
    NO_REPLY = "no_reply"
    ESCALATE = "escalate"

    @property
    def fr(self) -> str:
        return REPLY_ACTION_FR[self]


REPLY_ACTION_FR: dict[str, str] = {
    ReplyAction.REPLY: "répondre (réponse type)",
    ReplyAction.NO_REPLY: "ne pas répondre",
    ReplyAction.ESCALATE: "transmettre à l'avocat",
}


class AuditAction(StrEnum):
    """What an audit event records (`AuditEvent.action`). Writers and readers use these."""

    REPLY_COPIED = "reply_copied"
    COPY_REFUSED = "copy_refused"
    REPLY_PUBLISHED = "reply_published"
    STATUS = "status"
    GOOGLE_REPORT = "google_report"
    SEND_TO_LAWYER = "send_to_lawyer"
    TRIAGE_FINISHED = "triage_finished"
    KNOWLEDGE_DATE = "knowledge_date"
    SETTINGS = "settings"
    REPLY_CORRECTED = "reply_corrected"
    DIGEST_SENT = "digest_sent"
    REMOVAL_SUBMITTED = "removal_submitted"
    REMOVAL_DECISION = "removal_decision"
    CAPTURE_ADDED = "capture_added"
    REVIEW_CONFIRMED = "review_confirmed"
    LLM_SETTINGS = "llm_settings"
    SIGN_IN = "sign_in"
    SIGN_IN_REFUSED = "sign_in_refused"
    SIGN_OUT = "sign_out"
    USER_ADDED = "user_added"
    USER_REMOVED = "user_removed"
    PASSWORD_CHANGED = "password_changed"
    ACTION_REFUSED = "action_refused"
    STATUS_UNDONE = "status_undone"
    EXTORTION_RECORDED = "extortion_recorded"

    @property
    def fr(self) -> str:
        return AUDIT_ACTION_FR[self]


AUDIT_ACTION_FR: dict[str, str] = {
    AuditAction.REPLY_COPIED: "Réponse copiée",
    AuditAction.COPY_REFUSED: "Copie refusée par le contrôle",
    AuditAction.REPLY_PUBLISHED: "Réponse publiée",
    AuditAction.STATUS: "Statut modifié",
    AuditAction.GOOGLE_REPORT: "Signalement Google",
    AuditAction.SEND_TO_LAWYER: "Transmis à l'avocat",
    AuditAction.TRIAGE_FINISHED: "Triage terminé",
    AuditAction.KNOWLEDGE_DATE: "Date de connaissance modifiée",
    AuditAction.SETTINGS: "Réglages modifiés",
    AuditAction.REPLY_CORRECTED: "Réponse publiée marquée « corrigée »",
    AuditAction.DIGEST_SENT: "Résumé hebdomadaire envoyé",
    AuditAction.REMOVAL_SUBMITTED: "Demande de retrait déposée",
    AuditAction.REMOVAL_DECISION: "Décision de Google enregistrée",
    AuditAction.CAPTURE_ADDED: "Capture jointe",
    AuditAction.REVIEW_CONFIRMED: "Réponse à vérifier confirmée",
    AuditAction.LLM_SETTINGS: "Modèle de langage modifié",
    AuditAction.SIGN_IN: "Connexion",
    AuditAction.SIGN_IN_REFUSED: "Connexion refusée",
    AuditAction.SIGN_OUT: "Déconnexion",
    AuditAction.USER_ADDED: "Compte créé",
    AuditAction.USER_REMOVED: "Compte supprimé",
    AuditAction.PASSWORD_CHANGED: "Mot de passe changé",
    AuditAction.ACTION_REFUSED: "Action refusée",
    AuditAction.STATUS_UNDONE: "Changement de statut annulé",
    AuditAction.EXTORTION_RECORDED: "Message de chantage enregistré",
}


class Severity(StrEnum):
    """How much a guard finding weighs: `block` forbids copying, `review` asks a person to
    look, `warn` is shown only."""

    BLOCK = "block"
    REVIEW = "review"
    WARN = "warn"


class Verdict(StrEnum):
    """The guard's overall answer for one reply."""

    PASS = "pass"
    REVIEW = "review"
    BLOCK = "block"


def verdict_of(severities: Iterable[str]) -> Verdict:
    """The verdict for a set of finding severities: any block blocks, any review asks a person."""
    found = set(severities)
    if Severity.BLOCK in found:
        return Verdict.BLOCK
    if Severity.REVIEW in found:
        return Verdict.REVIEW
    return Verdict.PASS
