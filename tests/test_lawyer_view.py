"""The Avocat page's table."""

from __future__ import annotations

from sqlmodel import Session

from responders.export import build_dossier
from responders.triage import actions
from responders.views.lawyer_view import countdown_frame
from tests.factories import make_location, make_review


def test_the_lawyer_table_shows_statuses_in_french(engine) -> None:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        review = make_review(session, make_location(session), "r1", "Un vrai charlatan.", label="insult")
        actions.send_to_lawyer(session, review.id, user="Claire")
        session.commit()
        frame = countdown_frame(build_dossier(session, profile="fr-dentiste"))
    assert list(frame["Statut"]) == ["Transmis à l'avocat"]
