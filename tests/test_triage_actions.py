"""The copy rule, bulk status changes, undo and search, on a real database."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.triage import actions, queue

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SAFE = "Merci pour votre message. Vous pouvez contacter le cabinet par téléphone."
LEAK = "Nous sommes désolés que votre détartrage vous ait fait mal."


def add(session: Session, loc: Location, n: int, text: str, *, rating: int = 5, author: str = "Léa Martin",
        url: str | None = None, label: str = "praise") -> int:
    created = NOW - timedelta(days=n)
    review = Review(location_id=loc.id, external_id=f"r{n}", fingerprint=f"f{n}", source="gbp", rating=rating,
                    created_at=created, updated_at=created, first_seen_at=created, changed_at=created,
                    label=label, author_display_name=author, review_url=url)
    session.add(review)
    session.flush()
    revision = ReviewRevision(review_id=review.id, source="gbp", text_original=text, digest=f"d{n}")
    session.add(revision)
    session.flush()
    review.current_revision_id = revision.id
    session.add(review)
    return int(review.id)


@pytest.fixture
def ids(engine):
    with Session(engine) as session:
        loc = Location(key="accounts/1/locations/1", name="Cabinet", profile="fr-dentiste")
        session.add(loc)
        session.flush()
        made = {
            "with_url": add(session, loc, 1, "Très bon accueil, merci !", url="https://www.google.com/maps/reviews/x"),
            "bad_url": add(session, loc, 2, "Attente trop longue.", rating=2, label="criticism",
                           url="https://evil.example/maps", author="Paul Durand"),
            "stars_1": add(session, loc, 3, ""),
            "stars_2": add(session, loc, 4, "   "),
        }
        session.commit()
    return made


def events(engine, action):
    with Session(engine) as session:
        return session.exec(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all()


def test_copy_runs_the_guard_itself_journals_the_digest_and_marks_answered(engine, ids):
    with Session(engine) as session:
        outcome = actions.copy_reply(session, ids["with_url"], SAFE, user="Julie", template_id="t1")
        session.commit()
    assert outcome.allowed and outcome.verdict == "pass"
    assert outcome.sha256 == hashlib.sha256(SAFE.encode()).hexdigest()
    assert outcome.google_url == "https://www.google.com/maps/reviews/x"
    [copied] = events(engine, "reply_copied")
    assert (copied.user, copied.text, copied.detail["sha256"], copied.detail["verdict"]) == (
        "Julie", SAFE, outcome.sha256, "pass")
    [status] = events(engine, "status")
    assert status.detail["to"] == "repondu" and status.user == "Julie"
    with Session(engine) as session:
        assert session.get(Review, ids["with_url"]).status == "repondu"


def test_a_leaking_text_is_refused_and_the_refusal_journaled(engine, ids):
    with Session(engine) as session:
        outcome = actions.copy_reply(session, ids["bad_url"], LEAK, user="Julie")
        session.commit()
    assert not outcome.allowed and outcome.verdict == "block" and outcome.findings
    assert outcome.google_url is None and "refusée" in outcome.message
    [refused] = events(engine, "copy_refused")
    # the refused text is not kept (it may hold what must not leak): its digest identifies it
    assert refused.text is None and refused.detail["sha256"] == outcome.sha256
    assert not events(engine, "reply_copied") and not events(engine, "status")
    with Session(engine) as session:
        assert session.get(Review, ids["bad_url"]).status == "nouveau"


def test_the_reviewers_name_is_context_for_the_guard(engine, ids):
    with Session(engine) as session:
        outcome = actions.copy_reply(session, ids["bad_url"], "Bonjour Paul Durand, merci pour votre message.",
                                     user="Julie")
    assert not outcome.allowed


def test_a_review_verdict_is_refused_too(engine, ids, monkeypatch):
    class Pending:
        allowed = True
        verdict = "review"
        findings: list = []

        def to_dict(self):
            return {"allowed": True, "verdict": "review", "findings": []}

    monkeypatch.setattr("responders.guard.check", lambda *a, **k: Pending())
    with Session(engine) as session:
        outcome = actions.copy_reply(session, ids["with_url"], SAFE, user="Julie")
        session.commit()
    assert not outcome.allowed and outcome.verdict == "review" and "praticien" in outcome.message
    assert [e.detail["verdict"] for e in events(engine, "copy_refused")] == ["review"]


def test_an_empty_text_is_refused(engine, ids):
    with Session(engine) as session:
        assert not actions.copy_reply(session, ids["with_url"], "  ", user="Julie").allowed


@pytest.mark.parametrize(("url", "kept"), [
    ("https://www.google.com/maps/reviews/data=!4m8", True),
    ("https://maps.google.com/?cid=1", True),
    ("https://g.page/r/abc/review", True),
    ("https://goo.gl/maps/abc", True),
    ("https://business.google.com/reviews", True),
    ("https://search.google.com/local/writereview?placeid=x", True),
    ("http://www.google.com/maps", False),
    ("https://www.google.com.evil.example/maps", False),
    ("https://evil.example/?u=https://www.google.com", False),
    ("https://goo.gl/abc", False),
    ("https://user@www.google.com/maps", False),
    ("javascript:alert(1)//https://www.google.com", False),
    ("https://www.google.com:8443/maps", False),
    ("https://www.google.com/maps\nx", False),
    ("", False),
    (None, False),
])
def test_only_https_links_to_googles_own_hosts(url, kept):
    assert (actions.google_link(url) is not None) is kept


def test_bulk_change_is_journaled_per_review_and_undone_one_by_one(engine, ids):
    rating_only = [ids["stars_1"], ids["stars_2"]]
    with Session(engine) as session:
        found = queue.queue_ids(session, queue.QueueFilters(without_text=True))
        assert found == rating_only
        assert actions.bulk_set_status(session, found, "ne_pas_repondre", user="Julie") == rating_only
        session.commit()
    assert [(e.review_id, e.detail["to"], e.detail["bulk"]) for e in events(engine, "status")] == [
        (i, "ne_pas_repondre", 2) for i in rating_only]
    with Session(engine) as session:
        assert actions.undo_status(session, ids["stars_1"], user="Marc") == "nouveau"
        session.commit()
        assert session.get(Review, ids["stars_1"]).status == "nouveau"
        assert session.get(Review, ids["stars_2"]).status == "ne_pas_repondre"
        with pytest.raises(LookupError):
            actions.undo_status(session, ids["stars_1"], user="Marc")
    [undone] = events(engine, "status_undone")
    assert (undone.user, undone.detail["from"], undone.detail["to"]) == ("Marc", "ne_pas_repondre", "nouveau")


def test_undo_walks_back_and_restores_the_lawyer_flag(engine, ids):
    review_id = ids["bad_url"]
    with Session(engine) as session:
        actions.set_status(session, review_id, "a_revoir", user="a")
        actions.set_status(session, review_id, "avocat", user="a")
        session.commit()
        assert session.get(Review, review_id).for_lawyer
        assert actions.undo_status(session, review_id, user="b") == "a_revoir"
        assert not session.get(Review, review_id).for_lawyer
        assert actions.undo_status(session, review_id, user="b") == "nouveau"


def test_undo_refuses_when_the_status_changed_another_way(engine, ids):
    with Session(engine) as session:
        actions.set_status(session, ids["with_url"], "a_revoir", user="a")
        session.get(Review, ids["with_url"]).status = "signale"
        with pytest.raises(ValueError):
            actions.undo_status(session, ids["with_url"], user="b")


def test_copy_then_undo_puts_the_review_back_in_the_queue(engine, ids):
    with Session(engine) as session:
        actions.copy_reply(session, ids["with_url"], SAFE, user="Julie")
        assert actions.undo_status(session, ids["with_url"], user="Julie") == "nouveau"
        session.commit()
        shown = queue.queue_page(session, queue.QueueFilters(only_new=False), limit=10)
    assert ids["with_url"] in shown.review_ids


@pytest.mark.parametrize(("words", "expected"), [
    ("accueil", ["with_url"]),
    ("ACCUEIL merci", ["with_url"]),
    ("durand", ["bad_url"]),
    ("attente paul", ["bad_url"]),
    ("100%", []),
    ("_", []),
])
def test_search_by_text_and_author(engine, ids, words, expected):
    with Session(engine) as session:
        found = queue.queue_ids(session, queue.QueueFilters(search=words))
    assert found == [ids[k] for k in expected]


def test_bulk_refuses_unknown_reviews_and_statuses(engine, ids):
    with Session(engine) as session:
        with pytest.raises(LookupError):
            actions.bulk_set_status(session, [ids["stars_1"], 9999], "ne_pas_repondre", user="a")
        with pytest.raises(ValueError):
            actions.bulk_set_status(session, [ids["stars_1"]], "efface", user="a")
