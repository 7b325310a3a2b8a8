from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, col, select

from responders.deadlines import add_months, compute_deadline, review_deadline
from responders.store.models import ReviewRevision
from tests.factories import make_location, make_review


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 11, 30), 3, date(2027, 2, 28)),  # end of month, common year
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # end of month, leap year
        (date(2026, 8, 31), 3, date(2026, 11, 30)),
        (date(2026, 11, 29), 3, date(2027, 2, 28)),
        (date(2026, 1, 15), 3, date(2026, 4, 15)),
        (date(2026, 10, 31), 3, date(2027, 1, 31)),  # crosses the year
        (date(2026, 12, 31), 12, date(2027, 12, 31)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day, one year on
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("created", "today", "due", "left"),
    [
        (at(2026, 11, 30, 12), date(2027, 2, 1), date(2027, 2, 28), 27),
        (at(2026, 11, 30, 12), date(2027, 2, 28), date(2027, 2, 28), 0),
        (at(2026, 11, 30, 12), date(2027, 3, 1), date(2027, 2, 28), -1),
        # 23:30 UTC on 30 November is already 1 December in Paris
        (at(2026, 11, 30, 23, 30), date(2027, 2, 1), date(2027, 3, 1), 28),
        (at(2026, 6, 15, 9), date(2026, 6, 15), date(2026, 9, 15), 92),
    ],
)
def test_france_three_months_from_publication(created, today, due, left):
    deadline = compute_deadline("FR", created_at=created, updated_at=created, today=today)
    assert (deadline.due, deadline.days_left) == (due, left)
    assert deadline.basis == "publication"
    assert "art. 65" in deadline.legal_basis
    assert deadline.expired is (left < 0)
    assert not deadline.edited


def test_france_ignores_knowledge_date():
    deadline = compute_deadline(
        "FR", created_at=at(2026, 1, 10, 12), knowledge_date=at(2026, 9, 1), today=date(2026, 9, 2)
    )
    assert deadline.due == date(2026, 4, 10)
    assert deadline.expired


@pytest.mark.parametrize(
    ("knowledge", "first_seen", "today", "due", "left", "defaulted"),
    [
        (at(2026, 3, 15, 14), at(2026, 4, 1, 8), date(2026, 12, 15), date(2027, 3, 15), 90, False),
        (None, at(2026, 4, 1, 8), date(2026, 12, 15), date(2027, 4, 1), 107, True),
        (at(2025, 2, 28, 15), None, date(2026, 2, 27), date(2026, 2, 28), 1, False),
        # 02:00 UTC on 1 March is still 28 February in Montréal
        (at(2026, 3, 1, 2), None, date(2027, 2, 28), date(2027, 2, 28), 0, False),
    ],
)
def test_quebec_one_year_from_knowledge(knowledge, first_seen, today, due, left, defaulted):
    # the publication date does not count in Québec, only the date of knowledge
    deadline = compute_deadline(
        "QC", created_at=at(2019, 1, 1), knowledge_date=knowledge, first_seen_at=first_seen, today=today
    )
    assert (deadline.due, deadline.days_left) == (due, left)
    assert deadline.basis == "knowledge"
    assert "2929" in deadline.legal_basis
    assert ("premier import" in deadline.note) is defaulted


def test_unknown_dates_are_not_called_expired():
    fr = compute_deadline("FR", created_at=None, today=date(2026, 1, 1))
    qc = compute_deadline("QC", created_at=at(2020, 1, 1), today=date(2026, 1, 1))
    for deadline in (fr, qc):
        assert deadline.due is None and deadline.days_left is None
        assert not deadline.expired
        assert deadline.sort_key()[0] == 1
    assert "inconnue" in fr.note and "inconnue" in qc.note


@pytest.mark.parametrize(
    ("updated", "revisions", "latest_capture", "edited", "alternative_due"),
    [
        (at(2026, 10, 5, 12), 1, None, True, date(2027, 1, 5)),
        (at(2026, 8, 30, 12, 0, 30), 1, None, False, None),  # Google's few seconds, not an edit
        (at(2026, 8, 30, 12), 2, at(2026, 11, 30, 8), True, date(2027, 2, 28)),  # no updateTime: capture
        (at(2026, 10, 5, 12), 2, at(2026, 11, 30, 8), True, date(2027, 1, 5)),  # source's edit time wins
    ],
)
def test_edited_review_gets_an_alternative_date(updated, revisions, latest_capture, edited, alternative_due):
    deadline = compute_deadline(
        "FR",
        created_at=at(2026, 8, 30, 12),
        updated_at=updated,
        revision_count=revisions,
        latest_capture_at=latest_capture,
        today=date(2026, 12, 1),
    )
    assert deadline.due == date(2026, 11, 30)
    assert deadline.edited is edited
    assert deadline.alternative_due == alternative_due
    assert ("nouvelle publication" in deadline.note) is edited
    if edited:
        # the first date has passed but a re-publication would still be open
        assert not deadline.expired
        assert deadline.next_due == alternative_due
    else:
        assert deadline.expired


def test_sort_key_puts_open_then_unknown_then_expired():
    today = date(2026, 11, 20)
    soon = compute_deadline("FR", created_at=at(2026, 8, 25, 12), today=today)
    later = compute_deadline("FR", created_at=at(2026, 10, 1, 12), today=today)
    unknown = compute_deadline("FR", created_at=None, today=today)
    gone = compute_deadline("FR", created_at=at(2026, 1, 1, 12), today=today)
    ordered = sorted([gone, unknown, later, soon], key=lambda d: d.sort_key())
    assert ordered == [soon, later, unknown, gone]


def test_review_deadline_reads_a_stored_review(engine):
    with Session(engine) as session:
        review = make_review(
            session, make_location(session, "loc"), "r", texts=[(None, None), (None, None)],
            captured=[at(2026, 12, 2, 8), at(2027, 1, 10, 8)], created_at=at(2026, 11, 30, 12),
            updated_at=at(2026, 11, 30, 12),
        )
        revisions = list(session.exec(select(ReviewRevision).order_by(col(ReviewRevision.number))).all())
        session.commit()
        session.refresh(review)
        fr = review_deadline(review, "fr-medecin", revisions=revisions, today=date(2027, 2, 1))
        qc = review_deadline(review, "qc-medecin", revisions=revisions, today=date(2027, 2, 1))
    assert (fr.due, fr.days_left, fr.edited, fr.alternative_due) == (
        date(2027, 2, 28), 27, True, date(2027, 4, 10)
    )
    # Québec: one year from the first import, the date of knowledge by default
    assert (qc.due, qc.days_left) == (date(2027, 12, 2), 304)
    assert qc.alternative_due == date(2028, 1, 10)
