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
    # the replacement is plain text with the one-click copy button: no code box whose copy icon
    # would copy it without a journal line
    from responders.audit import audit_replies

    with Session(demo_db) as session:
        replacement = audit_replies(session, only_flagged=True)[0].replacement
    assert not at.code
    assert replacement and "Julien" not in replacement
    assert replacement in [t.value for t in at.text]
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


def test_copying_the_replacement_goes_through_the_core_and_is_journaled(demo_db):
    from responders.audit import audit_replies
    from responders.store.models import Review
    from responders.triage.actions import text_digest

    with Session(demo_db) as session:
        audit = audit_replies(session, only_flagged=True)[0]
        status_before = session.get(Review, audit.review_id).status
    at = page("reponses_publiees")
    key = f"copy-published-{audit.review_id}"
    # what the frame sends back after a click: the text it put on the clipboard
    at.session_state[key] = {"event": "copied", "text": audit.replacement, "nonce": "n-1"}
    at.run()
    assert not at.exception
    at.run()  # the same event read again is not journaled twice
    with Session(demo_db) as session:
        events = session.exec(select(AuditEvent).where(col(AuditEvent.action) == "reply_copied")).all()
        assert session.get(Review, audit.review_id).status == status_before
    assert len(events) == 1
    event = events[0]
    assert (event.user, event.review_id, event.text) == (PRATICIEN.name, audit.review_id, audit.replacement)
    assert event.detail["sha256"] == text_digest(audit.replacement) and event.detail["verdict"] == "pass"
    assert event.detail["replaces_sha256"] == text_digest(audit.reply)

    # a leaking text sent in its place (a tampered frame) is refused by the core, and journaled
    at.session_state[key] = {"event": "copied", "text": audit.reply, "nonce": "n-2"}
    at.run()
    assert not at.exception
    with Session(demo_db) as session:
        refused = session.exec(select(AuditEvent).where(col(AuditEvent.action) == "copy_refused")).all()
    assert [(e.user, e.detail["verdict"]) for e in refused] == [(PRATICIEN.name, "block")]
