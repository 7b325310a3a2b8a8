"""Removal routes: the route that fits, its wording, and the clock after Google decides."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, col, select

from responders.notify import build_digest
from responders.removal import (
    Bundle,
    BundledReview,
    next_step,
    record_decision,
    record_submission,
    requests_for,
    suggest_route,
)
from responders.store.models import AuditEvent

from .conftest import NOW


def test_route_follows_what_is_wrong_with_the_review():
    assert suggest_route(label="criticism", text="Attente trop longue.") is None
    insult = suggest_route(label="insult", text="Quel abruti ce dentiste",
                           passages=[{"text": "Quel abruti"}])
    assert insult.route == "google_flag" and insult.category == "harassment"
    assert "« Quel abruti »" in insult.text
    hate = suggest_route(label="insult", text="Encore un immigré incapable", passages=[])
    assert hate.category == "hate"
    defamation = suggest_route(label="defamation", text="Il facture des actes fictifs",
                               passages=[{"text": "Il facture des actes fictifs"}],
                               review_url="https://www.google.com/maps/reviews/x")
    assert defamation.route == "legal_notice" and "DSA, art. 16" in defamation.route_fr
    assert "https://www.google.com/maps/reviews/x" in defamation.text
    # a review of a campaign is reported with the others: the bundle gives the route and the text
    reviews = tuple(BundledReview(i, "Cabinet", f"https://www.google.com/maps/reviews/{i}", None, 1, None)
                    for i in (7, 8))
    burst = suggest_route(label="insult", text="Nul", bundle=Bundle("google_flag", "fake_engagement", reviews))
    assert burst.category == "fake_engagement" and "reviews/7" in burst.text and "reviews/8" in burst.text
    extortion = suggest_route(label="criticism", text="Nul", bundle=Bundle(
        "extortion", None, reviews, "Payez 200 euros ou je laisse 10 avis à une étoile"))
    assert extortion.route == "extortion" and "Payez 200 euros" in extortion.text
    assert "Avis concernés (2)" in extortion.text
    contact = suggest_route(label="criticism", text="Appelez-la au 06 12 34 56 78, elle ment.")
    assert contact.category == "personal_information"


def test_refusals_lead_to_the_next_route_with_its_deadline(engine, seeded):
    review_id = seeded.ids["defamation_fr"]
    with Session(engine) as session:
        request = record_submission(session, review_id, route="legal_notice", user="Dr Martin",
                                    reference="4-1234", submitted_on=date(2026, 8, 31))
        assert next_step(request, today=date(2026, 9, 1)).label.endswith("en attente de la décision de Google.")
        record_decision(session, request.id, decision="refused", user="Dr Martin", decided_on=date(2026, 8, 31))
        step = next_step(request, today=date(2026, 9, 1))
        # six months from the decision, clamped to the end of February
        assert step.route == "internal_complaint" and step.due == date(2027, 2, 28) and step.days_left == 180
        complaint = record_submission(session, review_id, route="internal_complaint", user="Dr Martin")
        record_decision(session, complaint.id, decision="refused", user="Dr Martin")
        assert next_step(complaint).route == "out_of_court"
        session.commit()
        actions = session.exec(select(AuditEvent.action).where(col(AuditEvent.review_id) == review_id)).all()
    assert actions.count("removal_submitted") == 2 and actions.count("removal_decision") == 2


def test_bad_input_is_refused_in_french(engine, seeded):
    with Session(engine) as session:
        with pytest.raises(ValueError, match="Voie inconnue"):
            record_submission(session, seeded.ids["insult_qc"], route="fax", user="A")
        with pytest.raises(ValueError, match="qui a déposé"):
            record_submission(session, seeded.ids["insult_qc"], route="google_flag", user=" ")


def test_pending_requests_appear_in_the_digest_until_decided(engine, seeded):
    with Session(engine) as session:
        request = record_submission(session, seeded.ids["insult_qc"], route="google_flag",
                                    category="harassment", user="Amélie", submitted_on=date(2026, 11, 21))
        session.commit()
        body = build_digest(session, now=NOW).body()
        assert f"avis n° {seeded.ids['insult_qc']} (Clinique du Plateau), signalé le 21/11/2026" in body
        record_decision(session, request.id, decision="removed", user="Amélie")
        session.commit()
        assert f"avis n° {seeded.ids['insult_qc']} (" not in build_digest(session, now=NOW).body().split("3.")[1].split("4.")[0]
        assert len(requests_for(session, [seeded.ids["insult_qc"]])) == 1


def test_the_card_and_the_dossier_show_where_the_request_stands(engine, seeded, monkeypatch):
    from responders.export import build_dossier
    from responders.triage import queue

    monkeypatch.setenv("RESPONDERS_NOW", NOW.isoformat())
    review_id = seeded.ids["defamation_fr"]
    with Session(engine) as session:
        request = record_submission(session, review_id, route="legal_notice", user="Dr Martin",
                                    reference="4-77", submitted_on=date(2026, 11, 2))
        record_decision(session, request.id, decision="refused", user="Dr Martin", decided_on=date(2026, 11, 20))
        from responders.store.models import Review

        session.get(Review, review_id).for_lawyer = True  # a dossier candidate whatever its label source
        session.commit()
        [item] = queue.load_items(session, [review_id])
        entry = next(e for e in build_dossier(session, profile="fr-dentiste").entries if e.review_id == review_id)
    assert item.removal.startswith("Retrait — Demande de retrait pour contenu illicite (DSA, art. 16)")
    assert "réclamation interne" in item.removal and "20/05/2027" in item.removal
    labels = [a.label for a in entry.actions]
    assert "demande de retrait déposée" in labels and "décision sur la demande de retrait" in labels


def _track(session, seeded) -> None:
    """One request per state: awaiting Google, refused with the complaint due in 8 days, refused
    long ago (window closed), refused recently (due in six months), removed."""
    ids = seeded.ids
    record_submission(session, ids["insult_qc"], route="google_flag", category="harassment",
                      user="Amélie", submitted_on=date(2026, 11, 21))
    near = record_submission(session, ids["expired"], route="legal_notice", user="Dr Martin",
                             submitted_on=date(2026, 5, 20))
    record_decision(session, near.id, decision="refused", user="Dr Martin", decided_on=date(2026, 6, 1))
    closed = record_submission(session, ids["new_praise"], route="extortion", user="Dr Martin",
                               submitted_on=date(2026, 4, 20))
    record_decision(session, closed.id, decision="refused", user="Dr Martin", decided_on=date(2026, 5, 1))
    far = record_submission(session, ids["leak"], route="legal_notice", user="Dr Martin",
                            submitted_on=date(2026, 11, 2))
    record_decision(session, far.id, decision="refused", user="Dr Martin", decided_on=date(2026, 11, 20))
    done = record_submission(session, ids["safe"], route="google_flag", category="off_topic", user="Amélie",
                             submitted_on=date(2026, 10, 1))
    record_decision(session, done.id, decision="removed", user="Amélie", decided_on=date(2026, 10, 9))
    session.commit()


def test_overview_counts_requests_awaiting_google_and_next_steps_due_soon(engine, seeded):
    from responders.removal import removal_overview

    ids = seeded.ids
    with Session(engine) as session:
        _track(session, seeded)
        overview = removal_overview(session, today=NOW.date())
    # the card's report on the French defamation (no outcome yet) and the filed flag
    assert [(a.review_id, a.route) for a in overview.awaiting] == [
        (ids["defamation_fr"], None), (ids["insult_qc"], "google_flag")]
    [due] = overview.due_soon
    assert (due.review_id, due.next_route, due.due, due.days_left) == (
        ids["expired"], "internal_complaint", date(2026, 12, 1), 8)
    # a next request filed on the refused case takes it out of "due" and back into "awaiting"
    with Session(engine) as session:
        record_submission(session, ids["expired"], route="internal_complaint", user="Dr Martin",
                          submitted_on=date(2026, 11, 22))
        session.commit()
        again = removal_overview(session, today=NOW.date())
    assert again.due_soon == [] and ids["expired"] in [a.review_id for a in again.awaiting]


def test_digest_lists_what_the_overview_returns(engine, seeded, monkeypatch):
    from responders.removal import tracking

    ids = seeded.ids
    with Session(engine) as session:
        _track(session, seeded)
        body = build_digest(session, now=NOW).body()
        section = body.split("3. ")[1].split("4. ")[0]
        assert f"avis n° {ids['insult_qc']} (Clinique du Plateau), signalé le 21/11/2026" in section
        assert f"avis n° {ids['expired']} (Cabinet des Tilleuls) : Refus" in section
        assert "Dernier jour : 01/12/2026 (8 jour(s))" in section
        assert f"avis n° {ids['leak']} " not in section and f"avis n° {ids['new_praise']} " not in section
        # the digest has no counting of its own: what the shared query says is what it prints
        fake = tracking.RemovalOverview(
            awaiting=[tracking.AwaitingGoogle(ids["leak"], date(2026, 11, 2), "extortion")])
        monkeypatch.setattr(tracking, "removal_overview", lambda session, **_: fake)
        section = build_digest(session, now=NOW).body().split("3. ")[1].split("4. ")[0]
    assert f"avis n° {ids['leak']} (Cabinet des Tilleuls), signalé le 02/11/2026 (Signalement d'extorsion" in section
    assert f"avis n° {ids['insult_qc']} " not in section and "Refus de Google" not in section
