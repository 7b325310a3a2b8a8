"""`responders digest`: the weekly e-mail, written to a file, printed, or sent."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from responders.errors import UnusableInput
from responders.notify.digest import build_digest
from responders.notify.smtp import SendFailed, SmtpSettings, send_message
from responders.store.engine import make_engine, session_scope
from responders.store.models import AuditEvent
from responders.store.settings import set_setting
from responders.timeutil import utcnow
from responders.vocabulary import AuditAction

LAST_SENT_KEY = "digest_last_sent_at"


def _say(message: str) -> None:
    print(message, file=sys.stderr)  # noqa: T201


def run_digest(args: argparse.Namespace) -> int:
    if args.days < 1:
        raise UnusableInput("--days : indiquez un nombre de jours supérieur ou égal à 1.")
    if args.output and not Path(args.output).parent.is_dir():
        raise UnusableInput(f"{args.output} : le dossier {Path(args.output).parent} n'existe pas.")
    engine = make_engine(args.db)
    try:
        with session_scope(engine) as session:
            digest = build_digest(session, days=args.days)
            smtp = None
            if args.send:
                try:
                    smtp = SmtpSettings.load(session)
                except SendFailed as exc:
                    _say(f"Erreur : {exc}")
                    return 1
            sender = smtp.sender if smtp else "responders@localhost"
            recipients = smtp.recipients if smtp else ["cabinet@localhost"]
            message = digest.to_message(sender, recipients)
            if smtp is None:
                data = message.as_bytes()
                if args.output:
                    Path(args.output).write_bytes(data)
                    _say(f"Résumé écrit dans {args.output} : {digest.subject}")
                else:
                    sys.stdout.write(data.decode("utf-8"))
                return 0
            try:
                send_message(message, smtp)
            except SendFailed as exc:
                _say(f"Erreur : {exc} Le résumé n'a pas été marqué comme envoyé.")
                return 1
            now = utcnow()
            set_setting(session, LAST_SENT_KEY, now.isoformat())
            session.add(
                AuditEvent(
                    at=now,
                    user="résumé automatique",
                    action=AuditAction.DIGEST_SENT,
                    detail={
                        "recipients": len(smtp.recipients),
                        "message_id": str(message["Message-ID"]),
                        "subject": digest.subject,
                    },
                )
            )
    finally:
        engine.dispose()
    _say(f"Résumé envoyé à {len(smtp.recipients)} destinataire(s) : {digest.subject}")
    return 0
