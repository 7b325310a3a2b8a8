"""The triage queue, its order and the staff actions, on a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from responders.store.models import AuditEvent, Location, Review
from responders.triage import actions, queue
from responders.views import stats
from responders.vocabulary import AuditAction, Status
from tests.factories import make_location, make_review

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def add(session: Session, loc: Location, n: int, label: str | None, days_ago: int, rating: int | None = 3,
        reply_after_days: float | None = None) -> int:
    created = NOW - timedelta(days=days_ago)
    review = make_review(
        session, loc, f"r{n}", f"avis {n}", rating=rating, label=label, created_at=created,
        updated_at=created, changed_at=created,
        owner_reply_text="Réponse" if reply_after_days is not None else None,
        owner_reply_at=created + timedelta(days=reply_after_days) if reply_after_days is not None else None,
    )
    return int(review.id)


@pytest.fixture
def seeded(engine):
    with Session(engine) as session:
        loc = make_location(session, "accounts/1/locations/1")
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
        actions.set_status(session, seeded["criticism_old"], "repondu", user="Claire")
        actions.set_status(session, seeded["insult"], "a_revoir", user="Claire")
        session.commit()
    assert seeded["criticism_old"] not in page(engine).review_ids
    with Session(engine) as session:
        actions.finish_triage(session, user="Claire", at=NOW)
        session.commit()
    # what staff asked to look at again survives the stamp, and so does every legal candidate
    # nobody acted on (whatever its deadline); the rest leaves the queue
    kept = {seeded[k] for k in ("insult", "defamation_recent", "defamation_old", "defamation_expired")}
    assert set(page(engine).review_ids) == kept
    with Session(engine) as session:
        events = session.exec(select(AuditEvent)).all()
    assert [e.action for e in events] == ["status", "status", "triage_finished"]
    assert set(events[-1].detail["kept"]) == kept
    assert set(events[-1].detail["left"]) == {seeded[k] for k in ("praise_new", "criticism_new", "unclassified")}


def test_ending_the_week_lists_what_is_left_urgent_first(engine, seeded, monkeypatch):
    monkeypatch.setenv("RESPONDERS_NOW", NOW.isoformat())
    with Session(engine) as session:
        old = session.get(Review, seeded["defamation_old"])
        old.created_at = NOW - timedelta(days=66)  # due 15 December: within 30 days
        session.add(old)
        session.commit()
        left = queue.triage_leftovers(session)
    by_id = {o.review_id: o for o in left}
    assert len(left) == 8
    assert [o.stays for o in left] == [True] * 4 + [False] * 4
    recent = by_id[seeded["defamation_recent"]]
    assert recent.stays and recent.days_left == 87 and "Diffamation" in recent.reason
    old = by_id[seeded["defamation_old"]]
    assert old.days_left == 25 and "délai dans 25 jour(s)" in old.reason
    assert "délai dans" not in recent.reason  # 87 days: listed as a legal candidate only
    assert "délai expiré" in by_id[seeded["defamation_expired"]].reason
    assert not by_id[seeded["praise_new"]].stays
    # the nearest open deadline first, the expired ones after the open ones
    assert [o.review_id for o in left[:3]] == [seeded["insult"], seeded["defamation_old"], seeded["defamation_recent"]]
    assert left[0].to_row()["Après le triage"] == "reste dans la file"


def test_a_legal_candidate_leaves_the_queue_once_someone_acts_on_it(engine, seeded):
    with Session(engine) as session:
        actions.finish_triage(session, user="Claire", at=NOW)
        actions.set_status(session, seeded["defamation_recent"], "ne_pas_repondre", user="Claire")
        session.commit()
    assert seeded["defamation_recent"] not in page(engine).review_ids
    assert seeded["defamation_old"] in page(engine).review_ids


def test_a_reply_the_guard_refuses_cannot_be_copied_and_the_refusal_is_journaled(engine, seeded):
    with Session(engine) as session:
        outcome = actions.copy_reply(session, review_id=seeded["praise_new"], user="x",
                                     text="Nous espérons que votre carie va mieux.")
        session.commit()
    assert not outcome.allowed and "refusée" in outcome.message
    with Session(engine) as session:
        refused = session.exec(select(AuditEvent)).one()
    assert refused.action == AuditAction.COPY_REFUSED
    assert refused.text is None  # the refused text may hold what must not leak
    assert {f["rule"] for f in refused.detail["findings"]} and all(f["pattern"] for f in refused.detail["findings"])


def test_the_core_runs_the_guard_itself_on_the_exact_text(engine, seeded):
    with Session(engine) as session:
        outcome = actions.copy_reply(session, review_id=seeded["praise_new"], user="x",
                                     text="Merci pour votre message.", template_id="t1", mark_answered=False)
        session.commit()
        stored = session.exec(select(AuditEvent)).one()
    assert stored.action == AuditAction.REPLY_COPIED and stored.text == "Merci pour votre message."
    assert stored.detail["guard"]["allowed"] is True and stored.detail["template_id"] == "t1"
    assert outcome.allowed and outcome.event_id == stored.id


def test_sending_to_the_lawyer_writes_the_event_the_dossier_reads(engine, seeded):
    from responders.export import build_dossier

    with Session(engine) as session:
        actions.send_to_lawyer(session, seeded["defamation_recent"], user="Claire", target="Dr Martin")
        session.commit()
        kinds = [e.action for e in session.exec(select(AuditEvent)).all()]
        assert session.get(Review, seeded["defamation_recent"]).status == Status.LAWYER
        dossier = build_dossier(session, profile="fr-dentiste")
    assert kinds == [AuditAction.STATUS, AuditAction.SEND_TO_LAWYER]
    entry = next(e for e in dossier.entries if e.review_id == seeded["defamation_recent"])
    assert entry.target == "Dr Martin"
    assert AuditAction.SEND_TO_LAWYER in [a.action for a in entry.actions]


def test_unknown_status_is_refused(engine, seeded):
    with Session(engine) as session, pytest.raises(ValueError):
        actions.set_status(session, seeded["insult"], "supprime", user="x")


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
        before = review_deadline(session.get(Review, review_id), "qc-medecin", today=date(2026, 11, 20))
        actions.set_knowledge_date(session, review_id, date(2026, 11, 18), user="Claire", reason="lu lundi")
        session.commit()
        deadline = review_deadline(session.get(Review, review_id), "qc-medecin", today=date(2026, 11, 20))
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "knowledge_date")).one()
    # from publication (15 November) until someone sets the date of knowledge
    assert before.due == date(2027, 11, 15)
    assert deadline.due == date(2027, 11, 18)
    assert event.detail == {"from": None, "to": "2026-11-18", "reason": "lu lundi"}
    assert event.user == "Claire"


def test_knowledge_date_for_several_reviews_at_once(engine, seeded):
    from datetime import date

    ids = [seeded["defamation_recent"], seeded["criticism_new"]]
    with Session(engine) as session:
        assert actions.set_knowledge_dates(session, ids, date(2026, 11, 19), user="Claire",
                                         reason="avis lus ensemble") == 2
        session.commit()
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "knowledge_date")).all()
        assert {e.review_id for e in events} == set(ids)
        assert {e.detail["reason"] for e in events} == {"avis lus ensemble"}
        # a date before publication is refused, for the whole batch
        with pytest.raises(ValueError, match="précède la publication"):
            actions.set_knowledge_dates(session, [seeded["criticism_old"], seeded["defamation_old"]],
                                      date(2026, 10, 1), user="Claire", reason="x")


def test_queue_card_and_dossier_agree_on_an_edited_review(engine, seeded, monkeypatch):
    from responders.deadlines import review_deadline
    from responders.export import build_dossier

    monkeypatch.setenv("RESPONDERS_NOW", NOW.isoformat())
    review_id = seeded["defamation_expired"]  # published 200 days ago: the first date has passed
    with Session(engine) as session:
        review = session.get(Review, review_id)
        review.updated_at = NOW - timedelta(days=10)  # edited since: a possible new publication
        session.add(review)
        actions.set_status(session, review_id, "avocat", user="Claire")
        session.commit()
        deadline = review_deadline(session.get(Review, review_id), "fr-dentiste")
        item = queue.load_items(session, [review_id])[0]
        entry = next(e for e in build_dossier(session, profile="fr-dentiste").entries if e.review_id == review_id)
    assert deadline.edited and not deadline.expired
    assert item.edited and item.deadline == deadline.next_due and item.days_left == deadline.next_days_left
    assert entry.deadline == deadline
    # the queue sorts it as open (by its alternative date), not as expired
    with Session(engine) as session:
        ids = queue.queue_page(session, queue.QueueFilters(statuses=("avocat",))).review_ids
    assert ids == [review_id]
    assert deadline.sort_key()[0] == 0


def test_a_quebec_listing_follows_its_own_profile(engine, seeded):
    from responders.export import build_dossier

    with Session(engine) as session:
        location = session.exec(select(Location)).one()
        actions.set_location_profile(session, location.id, "qc-medecin", user="Claire")
        actions.set_status(session, seeded["defamation_recent"], "avocat", user="Claire")
        session.commit()
        items = queue.load_items(session, [seeded["defamation_recent"]], profile="fr-dentiste")
        dossier = build_dossier(session, profile="fr-dentiste")
    assert items[0].profile == "qc-medecin"
    # Québec: one year from knowledge (publication until set), not three months from publication
    assert items[0].deadline == (NOW - timedelta(days=5)).date().replace(year=2027)
    assert {entry.profile.name for entry in dossier.entries} == {"qc-medecin"}
    with Session(engine) as session, pytest.raises(ValueError):
        actions.set_location_profile(session, location.id, "be-medecin", user="Claire")


def test_transmission_is_written_as_the_dossier_reads_it(engine, seeded, monkeypatch):
    from responders.export import build_dossier
    from responders.export.law import ACTION_LABELS

    monkeypatch.setenv("RESPONDERS_NOW", NOW.isoformat())
    review_id = seeded["defamation_recent"]
    with Session(engine) as session:
        actions.send_to_lawyer(session, review_id, user="Dr Martin", target="le praticien")
        session.commit()
        review = session.get(Review, review_id)
        entry = next(e for e in build_dossier(session, profile="fr-dentiste").entries if e.review_id == review_id)
    assert review.status == "avocat" and review.for_lawyer
    assert AuditAction.SEND_TO_LAWYER in ACTION_LABELS
    sent = [a for a in entry.actions if a.action == AuditAction.SEND_TO_LAWYER]
    assert len(sent) == 1 and sent[0].user == "Dr Martin" and sent[0].at is not None
    assert entry.target == "le praticien"


@pytest.mark.skipif(not hasattr(Review, "needs_check"), reason="the classifier's « à vérifier » flag is not in this schema")
def test_a_review_flagged_for_checking_stays_after_the_week(engine, seeded):
    with Session(engine) as session:
        review = session.get(Review, seeded["criticism_new"])
        review.needs_check = True
        session.add(review)
        actions.finish_triage(session, user="Claire", at=NOW)
        session.commit()
    assert seeded["criticism_new"] in page(engine).review_ids
    assert seeded["praise_new"] not in page(engine).review_ids


def test_reviews_to_check_are_sorted_with_the_legal_cases(engine, seeded, monkeypatch):
    monkeypatch.setattr("responders.deadlines.today_in", lambda _j: NOW.date())
    with Session(engine) as session:
        review = session.get(Review, seeded["criticism_old"])
        assert review is not None
        review.needs_check = True
        session.add(review)
        session.commit()
    shown = page(engine)
    order = {v: k for k, v in seeded.items()}
    assert [order[i] for i in shown.review_ids] == [
        "defamation_old", "defamation_recent", "defamation_expired", "insult",
        # « à vérifier »: after the defamations and insults, before the rest of the criticism
        "criticism_old",
        "criticism_new", "praise_new", "unclassified",
    ]
    # the pages still join without gaps or repeats
    with Session(engine) as session:
        first = queue.queue_page(session, queue.QueueFilters(), offset=0, limit=5).review_ids
        rest = queue.queue_page(session, queue.QueueFilters(), offset=5, limit=5).review_ids
    assert first + rest == shown.review_ids


def test_the_card_line_of_a_review_to_check():
    item = queue.TriageItem(
        review_id=1, location="Cabinet", author="A", is_anonymous=False, rating=2, created_at=None,
        updated_at=None, edited=False, text="…", text_translated=None, owner_reply=None, review_url=None,
        flag_url=None, status="nouveau", label="criticism", confidence=0.6, check=True,
        check_reason="Phrase qui impute un acte précis à « la secrétaire » : la divulgation d'informations de santé",
    )
    assert queue.check_line(item) == (
        "À vérifier : phrase qui impute un acte précis à « la secrétaire » : la divulgation d'informations de santé"
    )
    item.check = False
    assert queue.check_line(item) == ""


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

    since, until = queue.period_bounds(date(2026, 11, 1), date(2026, 11, 30), "qc-medecin")
    assert since == datetime(2026, 11, 1, 4, 0, tzinfo=UTC)  # midnight in Montréal (EDT)
    assert until.isoformat().startswith("2026-12-01T04:59:59")
    assert queue.period_bounds(None, None, "fr-dentiste") == (None, None)
    assert queue.period_bounds(date(2026, 7, 1), None, "fr-dentiste") == (datetime(2026, 6, 30, 22, 0, tzinfo=UTC), None)
