"""A small practice with owner replies, legal cases and a pending Google report."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.store.settings import set_setting

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # a Monday morning
LEAKING_REPLY = "Bonjour Mme Lefèvre, votre détartrage du 12 mars s'est pourtant bien passé."
SAFE_REPLY = ("Bonjour, nous avons bien pris connaissance de votre message. Le cabinet reste joignable "
              "par téléphone pour en parler en toute confidentialité.")
SECRET_TEXT = "La secrétaire facture des séances jamais faites à la CPAM, je l'ai vu sur mon relevé."


@dataclass
class Seeded:
    ids: dict[str, int]


def add(session: Session, loc: Location, key: str, *, label: str | None, days_ago: int, text: str,
        author: str | None = "Claire Lefèvre", rating: int | None = 1, reply: str | None = None) -> int:
    created = NOW - timedelta(days=days_ago)
    review = Review(location_id=loc.id, external_id=f"g-{key}", fingerprint=f"f-{key}", source="gbp",
                    rating=rating, author_display_name=author, created_at=created, updated_at=created,
                    first_seen_at=created, changed_at=created, label=label,
                    review_url=f"https://www.google.com/maps/reviews/{key}")
    session.add(review)
    session.flush()
    revision = ReviewRevision(review_id=review.id, source="gbp", text_original=text, digest=f"d-{key}",
                              rating=rating, owner_reply_text=reply,
                              owner_reply_at=created + timedelta(days=1) if reply else None)
    session.add(revision)
    session.flush()
    review.current_revision_id = revision.id
    session.add(review)
    return int(review.id)


@pytest.fixture
def seeded(engine) -> Seeded:
    with Session(engine) as session:
        lyon = Location(key="accounts/1/locations/1", name="Cabinet des Tilleuls", profile="fr-dentiste")
        mtl = Location(key="accounts/1/locations/2", name="Clinique du Plateau", profile="qc-medecin")
        session.add(lyon)
        session.add(mtl)
        session.flush()
        ids = {
            "leak": add(session, lyon, "leak", label="criticism", days_ago=400,
                        text="Détartrage douloureux, on ne m'a rien expliqué.", reply=LEAKING_REPLY),
            "safe": add(session, lyon, "safe", label="praise", days_ago=300, rating=5,
                        text="Accueil parfait.", reply=SAFE_REPLY),
            # France: 3 months from publication -> 80 days ago leaves about 11 days
            "defamation_fr": add(session, lyon, "dfr", label="defamation", days_ago=80, text=SECRET_TEXT),
            # Québec: one year from knowledge; first seen 2 days ago
            "insult_qc": add(session, mtl, "iqc", label="insult", days_ago=2, text="Quel crosseur, ce docteur."),
            "expired": add(session, lyon, "old", label="defamation", days_ago=200, text=SECRET_TEXT),
            "new_praise": add(session, mtl, "np", label="praise", days_ago=1, rating=5, text="Très bien."),
        }
        session.add(AuditEvent(at=NOW - timedelta(days=3), user="Amélie", action="google_report",
                               review_id=ids["defamation_fr"], detail={"reference": "G-1", "outcome": ""}))
        set_setting(session, "practice_name", "Cabinet des Tilleuls")
        session.commit()
    return Seeded(ids)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, inbox
    finally:
        controller.stop()
