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
