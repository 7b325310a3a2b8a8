"""Grouped reports to Google: every review of a burst or of an extortion case, with the message."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, col, select

from responders.removal import (
    build_bundle,
    bundles_by_review,
    burst_bundle,
    extortion_cases,
    requests_for,
    suggest_route,
)
from responders.store.models import AuditEvent, Location, Review
from responders.triage.actions import record_extortion_message, submit_removal_bundle
from tests.factories import make_burst_history

T0 = datetime(2024, 1, 5, 9, tzinfo=UTC)
BLACKMAIL = "Remboursez mes 300 € avant vendredi ou mes amis et moi laisserons d'autres avis à 1 étoile."


@pytest.fixture
def campaign(engine, monkeypatch):
    """Two years of ordinary reviews, then six 1-star reviews within a day and a half."""
    monkeypatch.setenv("RESPONDERS_NOW", "2026-06-01T12:00:00+00:00")
    with Session(engine) as session:
        location = Location(key="loc", name="Cabinet des Lilas")
        session.add(location)
        session.flush()
        authors = ["Jean D.", "Compte X", None, "Marie <b>Z</b>", "Compte X", "Paul"]
        ids = make_burst_history(session, location, start=T0, after_days=620, authors=authors,
                                 texts=["" if k % 2 else "Arnaque, fuyez !" for k in range(6)])
        session.commit()
    return ids


def test_a_burst_bundle_lists_every_review_with_link_date_rating_and_author(engine, campaign):
    with Session(engine) as session:
        from responders.bursts import stored_bursts

        [burst] = stored_bursts(session)
        bundle = burst_bundle(session, burst)
    assert bundle.route == "google_flag" and bundle.category == "fake_engagement"
    assert bundle.review_ids == campaign
    text = bundle.text
    assert "Avis concernés (6) :" in text
    for k in range(6):
        assert f"https://maps.google.com/?review=bomb{k}" in text
    first = T0 + timedelta(days=620)
    assert f"{first:%d/%m/%Y} 09:00 (UTC) · 1 ★ · « Jean D. »" in text
    assert "« Marie <b>Z</b> »" in text and "auteur anonyme" in text  # names as stored, never rendered
    assert text.count("\n- ") == 6


def test_extortion_case_holds_every_review_it_concerns_and_the_message(engine, campaign):
    concerned = campaign[:4]
    with Session(engine) as session:
        case = record_extortion_message(session, concerned, BLACKMAIL, user="Dr Martin",
                                        received_on=date(2026, 5, 30))
        session.commit()
        [found] = extortion_cases(session)
        bundle = found.bundle(session)
        by_review = bundles_by_review(session)
        events = session.exec(select(AuditEvent).where(col(AuditEvent.action) == "extortion_recorded")).all()
    assert found.case == case and found.review_ids == sorted(concerned) and found.recorded_by == "Dr Martin"
    assert bundle.route == "extortion" and bundle.review_ids == sorted(concerned)
    assert "Message reçu, reçu le 30/05/2026 (preuve) :" in bundle.text and "Remboursez mes 300 €" in bundle.text
    for k in range(4):
        assert f"review=bomb{k}" in bundle.text
    assert "review=bomb4" not in bundle.text
    # the case replaces the burst's flag for the reviews it concerns; the others keep the burst's
    assert by_review[campaign[0]].route == "extortion" and by_review[campaign[5]].route == "google_flag"
    # one journal event per review concerned, each with the person's name
    assert sorted(e.review_id for e in events) == sorted(concerned) and {e.user for e in events} == {"Dr Martin"}


def test_the_suggested_text_for_one_review_of_a_campaign_lists_all_of_them(engine, campaign):
    with Session(engine) as session:
        record_extortion_message(session, campaign[1:3], BLACKMAIL, user="Amélie")
        session.commit()
        bundles = bundles_by_review(session)
    suggestion = suggest_route(label="criticism", text="", bundle=bundles[campaign[1]])
    assert suggestion.route == "extortion"
    assert "review=bomb1" in suggestion.text and "review=bomb2" in suggestion.text
    assert "Remboursez mes 300 €" in suggestion.text
    burst = suggest_route(label="criticism", text="", bundle=bundles[campaign[0]])
    assert burst.category == "fake_engagement" and all(f"review=bomb{k}" in burst.text for k in range(6))


def test_filing_a_bundle_records_a_request_for_every_review(engine, campaign):
    with Session(engine) as session:
        bundle = build_bundle(session, campaign[:3], message=BLACKMAIL)
        submit_removal_bundle(session, bundle, user="Amélie", reference="EXT-9", submitted_on=date(2026, 6, 1))
        session.commit()
        requests = requests_for(session)
        submitted = session.exec(select(AuditEvent).where(col(AuditEvent.action) == "removal_submitted")).all()
    assert sorted(r.review_id for r in requests) == sorted(campaign[:3])
    assert {(r.route, r.reference, r.decision) for r in requests} == {("extortion", "EXT-9", "pending")}
    assert all("review=bomb2" in (r.text or "") for r in requests)
    assert len(submitted) == 3 and {e.user for e in submitted} == {"Amélie"}


def test_an_extortion_message_needs_a_text_a_review_and_a_name(engine, campaign):
    with Session(engine) as session:
        with pytest.raises(ValueError, match="Collez le message"):
            record_extortion_message(session, campaign[:1], "  ", user="A")
        with pytest.raises(ValueError, match="au moins un avis"):
            record_extortion_message(session, [], BLACKMAIL, user="A")
        with pytest.raises(ValueError, match="qui enregistre"):
            record_extortion_message(session, campaign[:1], BLACKMAIL, user=" ")
        with pytest.raises(LookupError, match="introuvable"):
            record_extortion_message(session, [campaign[0], 99_999], BLACKMAIL, user="A")
        assert session.exec(select(Review).where(col(Review.id) == 99_999)).first() is None
        assert extortion_cases(session) == []


def test_the_triage_card_carries_the_whole_bundle(engine, campaign):
    from responders.triage import queue

    with Session(engine) as session:
        record_extortion_message(session, campaign[2:5], BLACKMAIL, user="Dr Martin")
        session.commit()
        items = {i.review_id: i for i in queue.load_items(session, [campaign[0], campaign[3]])}
    flag, extortion = items[campaign[0]], items[campaign[3]]
    assert flag.bundle_title.endswith("· 6 avis") and "Faux engagement" in flag.bundle_title
    assert all(f"review=bomb{k}" in flag.bundle for k in range(6))
    assert "extorsion" in extortion.bundle_title and extortion.bundle_title.endswith("· 3 avis")
    assert "Remboursez" in extortion.bundle and "review=bomb0" not in extortion.bundle


def test_the_journal_names_the_case_and_the_dossier_quotes_the_message(engine, campaign):
    from responders.export import build_dossier
    from responders.views.journal import sentence

    with Session(engine) as session:
        record_extortion_message(session, campaign[:2], BLACKMAIL, user="Dr Martin",
                                 received_on=date(2026, 5, 30))
        session.get(Review, campaign[0]).for_lawyer = True
        session.commit()
        event = session.exec(select(AuditEvent).where(col(AuditEvent.action) == "extortion_recorded")).first()
        entry = next(e for e in build_dossier(session, profile="fr-dentiste").entries if e.review_id == campaign[0])
    line = sentence(event.action, event.detail)
    assert line == "Message de chantage enregistré (reçu le 30/05/2026), concernant 2 avis."
    [action] = [a for a in entry.actions if a.action == "extortion_recorded"]
    assert action.label == "message de chantage enregistré" and action.text == BLACKMAIL
    assert "reçu le : 30/05/2026" in action.summary()
