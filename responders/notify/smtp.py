"""Sends one message through the practice's SMTP server (STARTTLS whenever the server offers it).

Settings come from the environment first (a scheduled job states them explicitly), then from
Réglages. The password is read from the environment only, never stored in the database.

The server's certificate is always verified, against the system's CAs or, for a local relay
with its own (self-signed) certificate, against the CA file named by `RESPONDERS_SMTP_CAFILE`.
There is deliberately no switch to skip verification: the digest names patients' cases.
A password is never sent over a connection that is not encrypted.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from sqlmodel import Session

from responders.store.settings import get_setting

ENV = {
    "host": "RESPONDERS_SMTP_HOST",
    "port": "RESPONDERS_SMTP_PORT",
    "user": "RESPONDERS_SMTP_USER",
    "password": "RESPONDERS_SMTP_PASSWORD",
    "sender": "RESPONDERS_SMTP_FROM",
    "recipients": "RESPONDERS_DIGEST_TO",
    "cafile": "RESPONDERS_SMTP_CAFILE",
}
# Réglages keys (the password has none on purpose)
SETTING_KEYS = {
    "host": "smtp_host",
    "port": "smtp_port",
    "user": "smtp_user",
    "sender": "smtp_from",
    "recipients": "digest_to",
    "cafile": "smtp_cafile",
}
TIMEOUT_S = 30


class SendFailed(Exception):
    """A French message for the person or the scheduled job: nothing was marked as sent."""


@dataclass(slots=True)
class SmtpSettings:
    host: str
    port: int
    user: str
    password: str
    sender: str
    recipients: list[str]
    cafile: str = ""

    @classmethod
    def load(cls, session: Session | None = None) -> SmtpSettings:
        def value(name: str) -> str:
            env = os.environ.get(ENV[name], "").strip()
            if env or name == "password" or session is None:
                return env
            return str(get_setting(session, SETTING_KEYS[name], "") or "").strip()

        port_text = value("port") or "25"
        try:
            port = int(port_text)
        except ValueError:
            raise SendFailed(
                f"Port SMTP invalide : « {port_text} » (un nombre, par ex. 587)."
            ) from None
        recipients = [
            r.strip() for r in value("recipients").replace(";", ",").split(",") if r.strip()
        ]
        settings = cls(
            value("host"),
            port,
            value("user"),
            value("password"),
            value("sender"),
            recipients,
            value("cafile"),
        )
        if settings.cafile and not os.path.isfile(settings.cafile):
            raise SendFailed(
                f"Fichier d'autorité de certification introuvable : {settings.cafile}"
                " (RESPONDERS_SMTP_CAFILE)."
            )
        missing = [
            label
            for label, v in (
                ("serveur SMTP (RESPONDERS_SMTP_HOST)", settings.host),
                ("expéditeur (RESPONDERS_SMTP_FROM)", settings.sender),
                ("destinataires (RESPONDERS_DIGEST_TO)", settings.recipients),
            )
            if not v
        ]
        if missing:
            raise SendFailed(
                "Envoi impossible, réglage manquant : "
                + ", ".join(missing)
                + ". Renseignez-les dans Réglages ou dans l'environnement."
            )
        return settings


def tls_context(smtp: SmtpSettings) -> ssl.SSLContext:
    """Verification on, hostname checked; a CA file replaces the system's CAs for a local relay."""
    try:
        return ssl.create_default_context(cafile=smtp.cafile or None)
    except (OSError, ssl.SSLError) as exc:
        raise SendFailed(
            f"Fichier d'autorité de certification illisible : {smtp.cafile} ({exc})."
        ) from None


def send_message(message: EmailMessage, smtp: SmtpSettings) -> None:
    """Delivers `message` to every recipient or raises SendFailed (nothing half-sent is reported as sent)."""
    context = tls_context(smtp)
    try:
        if smtp.port == 465:
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                smtp.host, smtp.port, timeout=TIMEOUT_S, context=context
            )
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT_S)
        with client:
            client.ehlo()
            encrypted = smtp.port == 465
            if not encrypted and client.has_extn("starttls"):
                client.starttls(context=context)
                client.ehlo()  # the server's extensions change once encrypted (AUTH often appears)
                encrypted = True
            if smtp.user:
                if not encrypted:
                    raise SendFailed(
                        f"{smtp.host}:{smtp.port} ne propose pas STARTTLS : l'identifiant et le mot "
                        "de passe ne sont pas envoyés en clair. Utilisez le port 587 (STARTTLS) "
                        "ou 465 (TLS) de votre fournisseur."
                    )
                client.login(smtp.user, smtp.password)
            refused = client.send_message(message, from_addr=smtp.sender, to_addrs=smtp.recipients)
    except smtplib.SMTPAuthenticationError:
        raise SendFailed("Le serveur SMTP a refusé l'identifiant ou le mot de passe.") from None
    except ssl.SSLCertVerificationError as exc:
        raise SendFailed(
            f"Certificat du serveur {smtp.host}:{smtp.port} non reconnu ({exc.verify_message})."
            " Pour un relais local au certificat auto-signé, indiquez son autorité de certification"
            " dans RESPONDERS_SMTP_CAFILE ; la vérification n'est jamais désactivée."
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise SendFailed(
            f"Envoi impossible vers {smtp.host}:{smtp.port} : {exc.__class__.__name__} ({exc})."
            " Vérifiez le serveur, le port et le réseau."
        ) from None
    if refused:
        raise SendFailed(
            "Destinataire(s) refusé(s) par le serveur : " + ", ".join(sorted(refused)) + "."
        )
