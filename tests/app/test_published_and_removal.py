"""AppTest: the audit of published replies and the removal routes, on the demo data."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, col, select
from streamlit.testing.v1 import AppTest

from responders.people.accounts import Account
from responders.store.models import AuditEvent, RemovalRequest
from tests.app.conftest import sign_in_as

ROOT = Path(__file__).resolve().parents[2]
PRATICIEN = Account(name="Dr Martin", role="praticien")


def page(name: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app_pages" / f"{name}.py"), default_timeout=60)
    sign_in_as(at, PRATICIEN)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_leaking_published_reply_is_listed_with_a_replacement_and_can_be_marked(demo_db):
    at = page("reponses_publiees")
    assert at.metric[0].value == "1"
    texts = " ".join(t.value for t in at.text)
    assert "Merci Julien" in texts and "Révèle une information protégée" in texts
    assert at.code and "Julien" not in at.code[0].value
    buttons = [b for b in at.button if b.key and b.key.startswith("corrected-")]
    assert len(buttons) == 1
    buttons[0].click().run()
    assert not at.exception
    assert at.metric[0].value == "0"
    with Session(demo_db) as session:
        events = session.exec(select(AuditEvent).where(col(AuditEvent.action) == "reply_corrected")).all()
    assert len(events) == 1 and events[0].user


def test_dashboard_counts_replies_to_correct(demo_db):
    at = page("tableau_de_bord")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Réponses publiées à corriger"] == "1"
    assert "Rafales d'avis négatifs" in metrics


def test_dashboard_counts_removals_awaiting_google_and_next_steps_due(demo_db, monkeypatch):
    from datetime import date

    from responders.removal import record_decision, record_submission
    from responders.store.models import Review

    monkeypatch.setenv("RESPONDERS_NOW", "2026-11-23T07:00:00+00:00")
    at = page("tableau_de_bord")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Retraits en attente de Google"] == "0"
    assert metrics["Recours à déposer sous 30 jours"] == "0"
    with Session(demo_db) as session:
        first, second, third = session.exec(select(Review.id).order_by(col(Review.id)).limit(3)).all()
        record_submission(session, first, route="google_flag", category="harassment", user="Amélie",
                          submitted_on=date(2026, 11, 20))
        record_submission(session, second, route="extortion", user="Amélie", submitted_on=date(2026, 11, 21))
        # refused on 1 June: the internal complaint is due on 1 December, 8 days after the pinned day
        refused = record_submission(session, third, route="legal_notice", user="Dr Martin",
                                    submitted_on=date(2026, 5, 20))
        record_decision(session, refused.id, decision="refused", user="Dr Martin", decided_on=date(2026, 6, 1))
        session.commit()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Retraits en attente de Google"] == "2"
    assert metrics["Recours à déposer sous 30 jours"] == "1"


def test_a_submission_is_recorded_then_its_decision(demo_db):
    at = page("retraits")
    assert any("Voie proposée" in t.value for t in at.text)
    form_button = at.button(key="FormSubmitter:submit-" + at.text_input[0].key.split("-", 1)[1] + "-Enregistrer la demande déposée")
    at.text_input[0].input("REF-42")
    form_button.click().run()
    assert not at.exception
    with Session(demo_db) as session:
        request = session.exec(select(RemovalRequest)).one()
    assert request.reference == "REF-42" and request.decision == "pending" and request.submitted_by
    refused = at.button(key=f"refused-{request.id}")
    refused.click().run()
    assert not at.exception
    with Session(demo_db) as session:
        request = session.exec(select(RemovalRequest)).one()
    assert request.decision == "refused"
    assert any("réclamation interne" in t.value.lower() for t in at.text)
