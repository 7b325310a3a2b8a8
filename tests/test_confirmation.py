"""A `review`-verdict reply: only a praticien confirms it, the exact text (SHA-256) is then copyable."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pytest
from sqlmodel import Session, select

from responders import guard
from responders.people.accounts import Account
from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.triage import actions, confirmation

PRATICIEN = Account(name="Dr Martin", role="praticien")
SECRETARIAT = Account(name="Claire", role="secretariat")
DOUBTFUL = "Nous regrettons votre attente ; notre équipe vous rappellera."


@dataclass
class ReviewVerdict:  # the guard's third verdict, whether or not this branch's guard has it yet
    findings: list = field(default_factory=list)
    verdict: str = "review"
    allowed: bool = False

    def to_dict(self):
        return {"allowed": False, "verdict": "review", "findings": []}


@pytest.fixture
def review_id(engine):
    with Session(engine) as session:
        location = Location(key="k", name="Cabinet", profile="fr-dentiste")
        session.add(location)
        session.flush()
        review = Review(location_id=location.id, fingerprint="f", source="gbp", author_display_name="Jean D.")
        session.add(review)
        session.flush()
        revision = ReviewRevision(review_id=review.id, source="gbp", text_original="Deux heures d'attente.", digest="d")
        session.add(revision)
        session.flush()
        review.current_revision_id = revision.id
        session.add(review)
        session.commit()
        return review.id


@pytest.fixture
def review_verdict(monkeypatch):
    real = guard.check

    def fake(text, **kwargs):
        return ReviewVerdict() if text == DOUBTFUL else real(text, **kwargs)

    monkeypatch.setattr(guard, "check", fake)


def test_the_verdict_works_with_and_without_the_guards_own_verdict():
    assert confirmation.verdict_of(guard.check("Merci pour votre message.")) == "pass"
    assert confirmation.verdict_of(guard.check("Votre détartrage s'est bien passé.")) == "block"
    assert confirmation.verdict_of(ReviewVerdict()) == "review"


def test_a_praticien_confirms_then_the_exact_text_can_be_copied(engine, review_id, review_verdict):
    with Session(engine) as session:
        refused = actions.copy_reply(session, review_id=review_id, user="Claire", text=DOUBTFUL)
        assert not refused.allowed and "confirmée par un praticien" in refused.message
        with pytest.raises(PermissionError, match="Secrétariat"):
            confirmation.confirm_review_reply(session, review_id, DOUBTFUL, SECRETARIAT)
        event = confirmation.confirm_review_reply(session, review_id, DOUBTFUL, PRATICIEN)
        assert event.detail["sha256"] == hashlib.sha256(DOUBTFUL.encode()).hexdigest()
        assert confirmation.is_confirmed(session, review_id, DOUBTFUL)
        assert not confirmation.is_confirmed(session, review_id, DOUBTFUL + " Merci.")
        copied = actions.copy_reply(session, review_id=review_id, user="Claire", text=DOUBTFUL, mark_answered=False)
        assert copied.allowed
        # an edit after the confirmation is not confirmed
        edited = actions.copy_reply(session, review_id=review_id, user="Claire", text=DOUBTFUL + " Merci.")
        assert not edited.allowed
        session.commit()
        events = [(e.user, e.action) for e in session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
    assert events == [("Claire", "copy_refused"), ("Dr Martin", "review_confirmed"),
                      ("Claire", "reply_copied"), ("Claire", "copy_refused")]


def test_blocked_or_passing_replies_are_not_confirmed(engine, review_id, review_verdict):
    with Session(engine) as session:
        with pytest.raises(PermissionError, match="bloquée"):
            confirmation.confirm_review_reply(session, review_id, "Votre détartrage s'est bien passé.", PRATICIEN)
        with pytest.raises(ValueError, match="pas besoin"):
            confirmation.confirm_review_reply(session, review_id, "Merci pour votre message.", PRATICIEN)


def test_a_refused_confirmation_is_journaled_under_the_persons_name(engine, review_id, review_verdict):
    from responders.store.engine import session_scope
    from responders.views.journal import sentence

    with session_scope(engine) as session:
        outcome = actions.confirm_reply(session, review_id, DOUBTFUL, by=SECRETARIAT)
    assert not outcome.confirmed and "Secrétariat" in outcome.message
    with session_scope(engine) as session:
        # the refusal is kept (the caller's transaction committed) and nothing became copyable
        assert not confirmation.is_confirmed(session, review_id, DOUBTFUL)
        assert not actions.copy_reply(session, review_id, DOUBTFUL, user="Claire").allowed
        refused = session.exec(select(AuditEvent).where(AuditEvent.action == "action_refused")).one()
        assert (refused.user, refused.review_id, refused.detail["action"]) == ("Claire", review_id,
                                                                               "confirm_review_reply")
        assert refused.detail["sha256"] == hashlib.sha256(DOUBTFUL.encode()).hexdigest()
        assert sentence(refused.action, refused.detail) == (
            "Action refusée : Votre rôle (Secrétariat) ne permet pas de confirmer une réponse à vérifier.")
        outcome = actions.confirm_reply(session, review_id, DOUBTFUL, by=PRATICIEN)
    assert outcome.confirmed
    with session_scope(engine) as session:
        assert confirmation.is_confirmed(session, review_id, DOUBTFUL)
        # a reply that passes needs no confirmation: refused, journaled, nothing recorded as confirmed
        outcome = actions.confirm_reply(session, review_id, "Merci pour votre message.", by=PRATICIEN)
    assert not outcome.confirmed and "pas besoin" in outcome.message
