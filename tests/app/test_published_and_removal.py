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
    ref_key = next(t.key for t in at.text_input if t.key and t.key.startswith("ref-"))
    form_button = at.button(key="FormSubmitter:submit-" + ref_key.split("-", 1)[1] + "-Enregistrer la demande déposée")
    at.text_input(key=ref_key).input("REF-42")
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


def _campaign(engine) -> list[int]:
    """Two years of ordinary reviews, then five 1-star reviews within a day: a burst."""
    from datetime import UTC, datetime

    from responders.store.models import Location
    from tests.factories import make_burst_history

    t0 = datetime(2024, 1, 5, 9, tzinfo=UTC)
    with Session(engine) as session:
        location = Location(key="loc", name="Cabinet des Lilas")
        session.add(location)
        session.flush()
        bomb = make_burst_history(session, location, start=t0, after_days=620,
                                  texts=["Arnaque, fuyez !"] * 5,
                                  authors=[f"**Compte {k}**" for k in range(5)])
        session.commit()
    return bomb


def test_retraits_bundles_every_review_of_a_burst_and_of_a_blackmail_message(app_db, monkeypatch):
    monkeypatch.setenv("RESPONDERS_NOW", "2026-06-01T12:00:00+00:00")
    bomb = _campaign(app_db)
    at = page("retraits")
    [burst_code] = [c.value for c in at.code if "Avis concernés" in c.value]
    assert "Avis concernés (5)" in burst_code and all(f"review=bomb{k}" in burst_code for k in range(5))
    assert "« **Compte 0** »" in burst_code  # as stored, in a code block: no Markdown
    # the blackmail message received, concerning three of them
    at.text_area(key="extortion-message").input("Payez 300 € ou dix autres avis à une étoile suivront.")
    at.multiselect(key="extortion-reviews").set_value(bomb[:3])
    at.button(key="FormSubmitter:extortion-form-Enregistrer le message").click().run()
    assert not at.exception, [e.value for e in at.exception]
    [case_code] = [c.value for c in at.code if "Payez 300 €" in c.value]
    assert "Avis concernés (3)" in case_code and all(f"review=bomb{k}" in case_code for k in range(3))
    assert "review=bomb3" not in case_code
    # filing the extortion report records a request for each of the three reviews
    case_form = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:bundle-case-"))
    ref = next(t for t in at.text_input if t.key and t.key.startswith("bundle-ref-case-"))
    ref.input("EXT-1")
    case_form.click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Session(app_db) as session:
        requests = session.exec(select(RemovalRequest)).all()
        recorded = session.exec(select(AuditEvent).where(col(AuditEvent.action) == "extortion_recorded")).all()
    assert sorted(r.review_id for r in requests) == sorted(bomb[:3])
    assert {(r.route, r.reference, r.submitted_by) for r in requests} == {("extortion", "EXT-1", "Dr Martin")}
    assert len(recorded) == 3 and {e.user for e in recorded} == {"Dr Martin"}
    assert any(t.value.startswith("Signalement groupé déposé le 01/06/2026 par Dr Martin") for t in at.text)


def test_the_triage_card_offers_the_grouped_report_of_its_burst(app_db, monkeypatch):
    monkeypatch.setenv("RESPONDERS_NOW", "2026-06-01T12:00:00+00:00")
    _campaign(app_db)
    at = page("triage")
    at.text_input(key="filter-search").input("Compte 3").run()
    assert not at.exception, [e.value for e in at.exception]
    [expander] = [e for e in at.expander if e.label.startswith("Signalement groupé proposé")]
    assert expander.label.endswith("· 5 avis")
    [code] = [c.value for c in expander.code]
    assert "Avis concernés (5)" in code and all(f"review=bomb{k}" in code for k in range(5))


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
