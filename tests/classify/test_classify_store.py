"""classify_pending and current_classifications on a real database."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from responders.classify import ENGINE_VERSION
from responders.classify.store import classify_pending, current_classifications
from responders.store.engine import session_scope
from responders.store.models import Classification, Location, Review
from tests.factories import add_revision, make_location, make_review

NOW = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def _review(session: Session, location: Location, key: str, text: str | None, rating: int | None,
            translated: str | None = None) -> Review:
    return make_review(session, location, key, text, translated=translated, rating=rating, source="test",
                       created_at=NOW)


def _seed(engine: Engine) -> dict[str, int]:
    with session_scope(engine) as session:
        location = make_location(session, name="Cabinet test")
        reviews = {
            "defamation": _review(session, location, "a", "Il était ivre pendant le soin.", 1),
            "praise": _review(session, location, "b", "Très bonne équipe, merci.", 5),
            "rating_only": _review(session, location, "c", None, 1),
            "translated": _review(session, location, "d", None, None, translated="What a quack."),
        }
        return {k: int(v.id) for k, v in reviews.items() if v.id is not None}


def test_classify_pending_inserts_once_per_revision(engine: Engine) -> None:
    ids = _seed(engine)
    with session_scope(engine) as session:
        assert classify_pending(session) == 4
    with session_scope(engine) as session:
        assert classify_pending(session) == 0  # idempotent for this engine version
        rows = current_classifications(session)
        assert {k: rows[v].label for k, v in ids.items()} == {
            "defamation": "defamation",
            "praise": "praise",
            "rating_only": "criticism",
            "translated": "insult",
        }
        row = rows[ids["defamation"]]
        assert row.version == ENGINE_VERSION and row.engine == "rules"
        assert row.passages and row.passages[0]["qualification"] == "defamation"
        assert row.passages[0]["text"] == "Il était ivre pendant le soin."


def test_new_revision_is_classified_and_becomes_current(engine: Engine) -> None:
    ids = _seed(engine)
    with session_scope(engine) as session:
        classify_pending(session)
    with session_scope(engine) as session:
        review = session.get(Review, ids["praise"])
        assert review is not None
        add_revision(session, review, "Finalement : un vrai charlatan.", captured_at=NOW, rating=1)
    with session_scope(engine) as session:
        assert classify_pending(session) == 1
        assert current_classifications(session, [ids["praise"]])[ids["praise"]].label == "insult"
        assert session.execute(select(func.count()).select_from(Classification)).scalar_one() == 5


def test_current_classifications_filters_by_review(engine: Engine) -> None:
    ids = _seed(engine)
    with session_scope(engine) as session:
        classify_pending(session)
    with session_scope(engine) as session:
        assert set(current_classifications(session, [ids["praise"]])) == {ids["praise"]}
        assert current_classifications(session, []) == {}


def test_rollback_leaves_nothing(engine: Engine) -> None:
    _seed(engine)
    try:
        with session_scope(engine) as session:
            classify_pending(session)
            raise RuntimeError("import failed")
    except RuntimeError:
        pass
    with Session(engine) as session:
        assert session.execute(select(func.count()).select_from(Classification)).scalar_one() == 0


def test_check_and_its_reason_are_stored_with_the_classification(engine: Engine) -> None:
    with session_scope(engine) as session:
        location = Location(key="loc-2", name="Cabinet test")
        session.add(location)
        session.flush()
        assert location.id is not None
        # an accusation-shaped sentence the engine cannot settle: criticism, « à vérifier »
        doubtful = _review(session, location, "x", "La secrétaire a parlé de mes radios devant tout le monde.", 2)
        plain = _review(session, location, "y", "Attente trop longue.", 2)
        ids = {"doubtful": int(doubtful.id or 0), "plain": int(plain.id or 0)}
    with session_scope(engine) as session:
        classify_pending(session)
    with session_scope(engine) as session:
        rows = current_classifications(session)
        assert rows[ids["doubtful"]].needs_check is True
        assert "à « La secrétaire »" in (rows[ids["doubtful"]].check_reason or "")
        assert rows[ids["plain"]].needs_check is False and rows[ids["plain"]].check_reason is None
        # denormalised on the review for the queue
        assert session.get(Review, ids["doubtful"]).needs_check is True  # type: ignore[union-attr]
        assert session.get(Review, ids["plain"]).needs_check is False  # type: ignore[union-attr]
