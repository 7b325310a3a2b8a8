"""A small practice with fixed reviews, captures, labels and actions, written as real rows."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from responders.store.models import (
    AuditEvent,
    Location,
    Review,
    ReviewCapture,
)
from responders.store.settings import PracticeSettings
from tests.factories import make_review, passage

TODAY = date(2026, 11, 20)
GENERATED_AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
# Text that may sit in the database but must never reach a dossier.
FORBIDDEN = ("SENTINELLE-BRUT", "SENTINELLE-NOTE", "SENTINELLE-AUTRE", "SENTINELLE-REGLAGE")
# A screenshot of review r1 as staff attached it (a valid PNG signature, then bytes).
CAPTURE_PNG = b"\x89PNG\r\n\x1a\n" + b"capture de l'avis r1"


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@dataclass
class Seeded:
    ids: dict[str, int]
    settings: PracticeSettings


def _review(session: Session, location: Location, key: str, *, texts: list[tuple[str, str | None]],
            captured: list[datetime], label: str | None, passages: list[dict[str, Any]] | None = None,
            raw: dict[str, Any] | None = None, **fields: Any) -> Review:
    # the raw capture holds a sentinel that must never reach a dossier
    return make_review(session, location, key, texts=texts, captured=captured, label=label,
                       passages=passages or [], raw={"profilePhotoUrl": "https://photo.example/SENTINELLE-BRUT", **(raw or {})},
                       **fields)


def seed(engine: Engine) -> Seeded:
    """Five reviews: three go to the lawyer (two labelled, one marked by staff), two do not."""
    settings = PracticeSettings(
        profile="fr-dentiste", practice_name="Cabinet dentaire Dupont",
        notifier_name="Claire Dupont", notifier_email="contact@cabinet-dupont.example",
        contact_channel="01 23 45 67 89", user_name="secrétariat",
    )
    with Session(engine) as session:
        settings.save(session)
        session.add_all([Location(key="loc-1", name="Cabinet dentaire Dupont", created_at=at(2026, 1, 1))])
        session.flush()
        location = session.get(Location, 1)
        assert location is not None

        t1 = "Le docteur facture des soins jamais faits. Un vrai charlatan ; à fuir."
        r1 = _review(
            session, location, "r1", texts=[(t1, None)], captured=[at(2026, 9, 11, 8)],
            label="defamation", rating=1, author_display_name="Jean Martin",
            created_at=at(2026, 9, 10, 10), updated_at=at(2026, 9, 10, 10), status="ne_pas_repondre",
            raw={"author_link": "https://www.google.com/maps/contrib/1234567890?hl=fr"},
            passages=[
                passage(t1, "charlatan", "insult", "insult.epithet", "Terme de mépris sans fait précis."),
                passage(t1, "facture des soins jamais faits", "defamation", "defamation.billing",
                        "Imputation d'une fraude à la facturation."),
            ],
        )
        t2_old = "Secrétaire odieuse."
        t2 = "=HYPERLINK(\"http://x.example\";\"clic\") Bande d'escrocs à l'accueil."
        r2 = _review(
            session, location, "r2", texts=[(t2_old, None), (t2, None)],
            captured=[at(2026, 9, 1, 8), at(2026, 10, 6, 8)], label="insult", rating=1,
            author_display_name="Utilisateur Google", is_anonymous=True, status="avocat",
            created_at=at(2026, 8, 30, 12), updated_at=at(2026, 10, 5, 12),
            # a link that only looks like Google's: never copied into the dossier
            raw={"reviewerUrl": "https://www.google.com.SENTINELLE-BRUT.example/maps/contrib/1"},
            passages=[passage(t2, "escrocs", "insult", "insult.epithet", "Invective visant l'équipe.")],
        )
        t3 = "The dentist is a butcher."
        t3_fr = "Le dentiste est un boucher."
        r3 = _review(
            session, location, "r3", texts=[(t3, t3_fr)], captured=[at(2026, 5, 2, 8)], label="criticism",
            rating=2, author_display_name="+33 Tom", created_at=at(2026, 5, 1, 9),
            updated_at=at(2026, 5, 1, 9), for_lawyer=True,
            passages=[passage(t3_fr, "boucher", "criticism", "criticism.harsh", "Jugement de valeur.")],
        )
        r4 = _review(
            session, location, "r4", texts=[("Équipe au top, merci !", None)], captured=[at(2026, 9, 2, 8)],
            label="praise", rating=5, author_display_name="SENTINELLE-AUTRE Lucie",
            created_at=at(2026, 9, 2, 7), updated_at=at(2026, 9, 2, 7),
        )
        r5 = _review(
            session, location, "r5", texts=[("Attente interminable.", None)], captured=[at(2026, 9, 3, 8)],
            label="criticism", rating=2, author_display_name="Paul",
            created_at=at(2026, 9, 3, 7), updated_at=at(2026, 9, 3, 7),
        )
        session.add_all([
            AuditEvent(at=at(2026, 9, 12, 10), user="secrétariat", action="google_report", review_id=r1.id,
                       detail={"date": "2026-09-12", "reference": "GGL-123", "outcome": "refusé",
                               "note": "SENTINELLE-NOTE diabète"}),
            AuditEvent(at=at(2026, 9, 13, 10), user="Dr Dupont", action="reply_published", review_id=r1.id,
                       text="Nous vous invitons à contacter le cabinet."),
            AuditEvent(at=at(2026, 10, 7, 10), user="secrétariat", action="status", review_id=r2.id,
                       detail={"from": "nouveau", "to": "avocat"}),
            AuditEvent(at=at(2026, 9, 14, 10), user="Dr Dupont", action="status", review_id=r1.id,
                       detail={"from": "nouveau", "to": "ne_pas_repondre"}),
            ReviewCapture(review_id=r1.id, filename="avis-r1.png", media_type="image/png", size=len(CAPTURE_PNG),
                          sha256=hashlib.sha256(CAPTURE_PNG).hexdigest(), data=CAPTURE_PNG,
                          added_at=at(2026, 9, 12, 9), added_by="secrétariat"),
            AuditEvent(at=at(2026, 9, 4, 10), user="secrétariat", action="reply_published", review_id=r4.id,
                       text="SENTINELLE-AUTRE merci"),
        ])
        from responders.store.settings import set_setting

        set_setting(session, "internal_note", "SENTINELLE-REGLAGE")
        session.commit()
        ids = {"r1": r1.id, "r2": r2.id, "r3": r3.id, "r4": r4.id, "r5": r5.id}
    return Seeded(ids=ids, settings=settings)  # type: ignore[arg-type]


@pytest.fixture
def seeded(engine: Engine) -> Seeded:
    return seed(engine)
