"""Sends one message through the practice's SMTP server (STARTTLS whenever the server offers it).

Settings come from the environment first (a scheduled job states them explicitly), then from
Réglages. The password is read from the environment only, never stored in the database.
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
}
# Réglages keys (the password has none on purpose)
SETTING_KEYS = {
    "host": "smtp_host",
    "port": "smtp_port",
    "user": "smtp_user",
    "sender": "smtp_from",
    "recipients": "digest_to",
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
            value("host"), port, value("user"), value("password"), value("sender"), recipients
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


def send_message(message: EmailMessage, smtp: SmtpSettings) -> None:
    """Delivers `message` to every recipient or raises SendFailed (nothing half-sent is reported as sent)."""
    try:
        if smtp.port == 465:
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                smtp.host, smtp.port, timeout=TIMEOUT_S, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT_S)
        with client:
            client.ehlo()
            if smtp.port != 465 and client.has_extn("starttls"):
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if smtp.user:
                client.login(smtp.user, smtp.password)
            refused = client.send_message(message, from_addr=smtp.sender, to_addrs=smtp.recipients)
    except smtplib.SMTPAuthenticationError:
        raise SendFailed("Le serveur SMTP a refusé l'identifiant ou le mot de passe.") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise SendFailed(
            f"Envoi impossible vers {smtp.host}:{smtp.port} : {exc.__class__.__name__} ({exc})."
            " Vérifiez le serveur, le port et le réseau."
        ) from None
    if refused:
        raise SendFailed(
            "Destinataire(s) refusé(s) par le serveur : " + ", ".join(sorted(refused)) + "."
        )
