"""The triage queue, its order and the staff actions, on a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.triage import queue
from responders.views import stats

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def add(session: Session, loc: Location, n: int, label: str | None, days_ago: int, rating: int | None = 3,
        reply_after_days: float | None = None) -> int:
    created = NOW - timedelta(days=days_ago)
    review = Review(location_id=loc.id, external_id=f"r{n}", fingerprint=f"f{n}", source="gbp", rating=rating,
                    created_at=created, updated_at=created, first_seen_at=created, changed_at=created, label=label)
    session.add(review)
    session.flush()
    revision = ReviewRevision(
        review_id=review.id, source="gbp", text_original=f"avis {n}", digest=f"d{n}",
        owner_reply_text="Réponse" if reply_after_days is not None else None,
        owner_reply_at=created + timedelta(days=reply_after_days) if reply_after_days is not None else None,
    )
    session.add(revision)
    session.flush()
    review.current_revision_id = revision.id
    session.add(review)
    return int(review.id)


@pytest.fixture
def seeded(engine):
    with Session(engine) as session:
        loc = Location(key="accounts/1/locations/1", name="Cabinet")
        session.add(loc)
        session.flush()
        ids = {
            "praise_new": add(session, loc, 1, "praise", 1, 5, reply_after_days=2),
            "criticism_old": add(session, loc, 2, "criticism", 30, 2),
            "criticism_new": add(session, loc, 3, "criticism", 2, 1, reply_after_days=1),
            "defamation_recent": add(session, loc, 4, "defamation", 5, 1),
            "defamation_old": add(session, loc, 5, "defamation", 60, 1),
            "insult": add(session, loc, 6, "insult", 70, 1),
            "defamation_expired": add(session, loc, 8, "defamation", 200, 1),
            "unclassified": add(session, loc, 7, None, 3, None),
        }
        session.commit()
    return ids


def page(engine, **filters):
    with Session(engine) as session:
        return queue.queue_page(session, queue.QueueFilters(**filters), offset=0, limit=50)


def test_queue_is_ordered_by_legal_urgency_then_label_then_recency(engine, seeded, monkeypatch):
    monkeypatch.setattr("responders.deadlines.today_in", lambda _j: NOW.date())
    shown = page(engine)
    order = {v: k for k, v in seeded.items()}
    assert [order[i] for i in shown.review_ids] == [
        # nearest open deadline first inside a label; a deadline already past goes last
        "defamation_old", "defamation_recent", "defamation_expired", "insult",
        "criticism_new", "criticism_old", "praise_new", "unclassified",
    ]
    assert shown.total == 8


def test_pages_join_the_legal_candidates_and_the_rest_without_gaps(engine, seeded):
    whole = page(engine).review_ids
    with Session(engine) as session:
        pieces = [
            queue.queue_page(session, queue.QueueFilters(), offset=o, limit=2).review_ids for o in (0, 2, 4, 6, 8)
        ]
    assert sum(pieces, []) == whole


def test_filters_by_label_and_stars(engine, seeded):
    assert set(page(engine, labels=("criticism",)).review_ids) == {seeded["criticism_old"], seeded["criticism_new"]}
    assert page(engine, stars=(5,)).review_ids == [seeded["praise_new"]]


def test_done_reviews_leave_the_queue_and_finish_triage_starts_a_new_week(engine, seeded):
    with Session(engine) as session:
        queue.set_status(session, seeded["criticism_old"], "repondu", user="Claire")
        queue.set_status(session, seeded["insult"], "a_revoir", user="Claire")
        session.commit()
    assert seeded["criticism_old"] not in page(engine).review_ids
    with Session(engine) as session:
        queue.finish_triage(session, user="Claire", at=NOW)
        session.commit()
    # only what staff asked to look at again survives the stamp
    assert page(engine).review_ids == [seeded["insult"]]
    with Session(engine) as session:
        actions = [e.action for e in session.exec(select(AuditEvent)).all()]
    assert actions == ["status", "status", "triage_finished"]


def test_a_reply_the_guard_refused_cannot_be_recorded_as_copied(engine, seeded):
    with Session(engine) as session:
        with pytest.raises(PermissionError):
            queue.record_copy(session, review_id=seeded["praise_new"], user="x", text="votre carie",
                               guard={"allowed": False, "findings": []})
        queue.record_copy(session, review_id=seeded["praise_new"], user="x", text="Merci.",
                           guard={"allowed": True, "findings": []})
        session.commit()
        assert session.exec(select(AuditEvent)).one().text == "Merci."


def test_unknown_status_is_refused(engine, seeded):
    with Session(engine) as session, pytest.raises(ValueError):
        queue.set_status(session, seeded["insult"], "supprime", user="x")


def test_figures_for_the_manager(engine, seeded):
    with Session(engine) as session:
        frame = stats.reviews_frame(session)
    summary = stats.reply_summary(frame).iloc[0]
    assert summary["Avis"] == 8
    assert summary["Taux de réponse"] == pytest.approx(100 * 2 / 8, abs=0.1)
    assert summary["Délai médian (jours)"] == pytest.approx(1.5)
    monthly = stats.rating_over_time(frame)
    assert monthly.loc[datetime(2026, 11, 1), "Cabinet"] == pytest.approx((5 + 1 + 1) / 3, abs=0.01)  # rating-less reviews are left out
    weekly = stats.labels_per_week(frame)
    assert weekly.to_numpy().sum() == 8


def test_quebec_deadline_runs_from_the_corrected_knowledge_date(engine, seeded):
    from datetime import date

    from responders.deadlines import review_deadline

    review_id = seeded["defamation_recent"]
    with Session(engine) as session:
        queue.set_knowledge_date(session, review_id, date(2026, 3, 1), user="Claire")
        session.commit()
        deadline = review_deadline(session.get(Review, review_id), "qc-medecin", today=date(2026, 11, 20))
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "knowledge_date")).one()
    assert deadline.due == date(2027, 3, 1)
    assert event.detail["to"] == "2026-03-01"


def test_a_quebec_listing_follows_its_own_profile(engine, seeded):
    from responders.export import build_dossier

    with Session(engine) as session:
        location = session.exec(select(Location)).one()
        queue.set_location_profile(session, location.id, "qc-medecin", user="Claire")
        queue.set_status(session, seeded["defamation_recent"], "avocat", user="Claire")
        session.commit()
        items = queue.load_items(session, [seeded["defamation_recent"]], profile="fr-dentiste")
        dossier = build_dossier(session, profile="fr-dentiste")
    assert items[0].profile == "qc-medecin"
    # Québec: one year from knowledge (first import here), not three months from publication
    assert items[0].deadline == (NOW - timedelta(days=5)).date().replace(year=2027)
    assert {entry.profile.name for entry in dossier.entries} == {"qc-medecin"}
    with Session(engine) as session, pytest.raises(ValueError):
        queue.set_location_profile(session, location.id, "be-medecin", user="Claire")


def test_chart_periods_are_labelled_in_french_in_date_order():
    import pandas as pd

    table = pd.DataFrame({"A": [4.0, None, 3.5], "B": [5.0, 4.0, None]},
                         index=pd.to_datetime(["2026-12-01", "2027-01-01", "2027-02-01"]))
    long, order = stats.long_for_chart(table, stats.month_label, x="Mois", series="Lieu", value="Note")
    assert order == ["déc. 2026", "janv. 2027", "févr. 2027"]
    assert list(long.itertuples(index=False, name=None)) == [
        ("déc. 2026", "A", 4.0), ("févr. 2027", "A", 3.5), ("déc. 2026", "B", 5.0), ("janv. 2027", "B", 4.0)]
    assert stats.week_label(pd.Timestamp("2026-11-02")) == "sem. du 2 nov. 2026"


def test_times_are_shown_in_the_practices_zone():
    moment = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert f"{queue.practice_time(moment, 'fr-dentiste'):%d/%m %H:%M}" == "01/12 00:30"
    assert f"{queue.practice_time(moment, 'qc-medecin'):%d/%m %H:%M}" == "30/11 18:30"


def test_a_period_is_made_of_the_practices_days():
    from datetime import date

    since, until = queue.period_bounds((date(2026, 11, 1), date(2026, 11, 30)), "qc-medecin")
    assert since == datetime(2026, 11, 1, 4, 0, tzinfo=UTC)  # midnight in Montréal (EDT)
    assert until.isoformat().startswith("2026-12-01T04:59:59")
    assert queue.period_bounds((), "fr-dentiste") == (None, None)
    assert queue.period_bounds((date(2026, 7, 1),), "fr-dentiste")[0] == datetime(2026, 6, 30, 22, 0, tzinfo=UTC)
