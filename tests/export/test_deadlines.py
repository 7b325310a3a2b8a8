from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session

from responders.deadlines import add_months, compute_deadline, review_deadline
from responders.store.models import Location, Review, ReviewRevision


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
    ("created", "knowledge", "first_seen", "today", "due", "left", "defaulted"),
    [
        (at(2026, 3, 1), at(2026, 3, 15, 14), at(2026, 4, 1, 8), date(2026, 12, 15), date(2027, 3, 15), 90, False),
        # no date of knowledge: the publication date, never the import day (conservative)
        (at(2026, 3, 1, 14), None, at(2026, 4, 1, 8), date(2026, 12, 15), date(2027, 3, 1), 76, True),
        (at(2025, 12, 22, 15), None, at(2026, 11, 20, 8), date(2026, 12, 1), date(2026, 12, 22), 21, True),
        (at(2025, 1, 1), at(2025, 2, 28, 15), None, date(2026, 2, 27), date(2026, 2, 28), 1, False),
        # 02:00 UTC on 1 March is still 28 February in Montréal
        (at(2025, 1, 1), at(2026, 3, 1, 2), None, date(2027, 2, 28), date(2027, 2, 28), 0, False),
    ],
)
def test_quebec_one_year_from_knowledge(created, knowledge, first_seen, today, due, left, defaulted):
    deadline = compute_deadline(
        "QC", created_at=created, knowledge_date=knowledge, first_seen_at=first_seen, today=today
    )
    assert (deadline.due, deadline.days_left) == (due, left)
    assert deadline.basis == "knowledge"
    assert "2929" in deadline.legal_basis
    assert ("depuis la publication" in deadline.note) is defaulted


def test_quebec_without_publication_date_counts_from_the_first_import():
    deadline = compute_deadline(
        "QC", created_at=None, first_seen_at=at(2026, 4, 1, 8), today=date(2026, 12, 15)
    )
    assert (deadline.due, deadline.days_left) == (date(2027, 4, 1), 107)
    assert "premier import" in deadline.note


@pytest.mark.parametrize(
    ("jurisdiction", "created", "today", "due"),
    [
        ("FR", at(2028, 2, 29, 12), date(2028, 3, 1), date(2028, 5, 29)),  # 29 Feb + 3 months
        ("FR", at(2027, 11, 29, 12), date(2028, 1, 1), date(2028, 2, 29)),  # lands on the leap day
        ("FR", at(2026, 11, 30, 12), date(2027, 1, 1), date(2027, 2, 28)),  # no 29 Feb: clamped
        ("QC", at(2028, 2, 29, 15), date(2028, 3, 1), date(2029, 2, 28)),  # 29 Feb + 1 year
        ("QC", at(2027, 2, 28, 15), date(2027, 3, 1), date(2028, 2, 28)),  # not moved to the 29th
        ("QC", at(2027, 3, 1, 15), date(2027, 3, 2), date(2028, 3, 1)),
    ],
)
def test_leap_years(jurisdiction, created, today, due):
    deadline = compute_deadline(jurisdiction, created_at=created, updated_at=created, today=today)
    assert deadline.due == due
    assert deadline.days_left == (due - today).days


@pytest.mark.parametrize("jurisdiction", ["FR", "QC"])
def test_edited_review_in_both_jurisdictions(jurisdiction):
    deadline = compute_deadline(
        jurisdiction, created_at=at(2026, 2, 10, 12), updated_at=at(2026, 10, 5, 12),
        today=date(2026, 12, 1),
    )
    assert deadline.edited
    months = 3 if jurisdiction == "FR" else 12
    assert deadline.due == (date(2026, 5, 10) if months == 3 else date(2027, 2, 10))
    assert deadline.alternative_due == (date(2027, 1, 5) if months == 3 else date(2027, 10, 5))
    assert deadline.next_due == (deadline.alternative_due if months == 3 else deadline.due)
    assert not deadline.expired


def test_unknown_dates_are_not_called_expired():
    fr = compute_deadline("FR", created_at=None, today=date(2026, 1, 1))
    qc = compute_deadline("QC", created_at=None, today=date(2026, 1, 1))
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
        session.add(Location(key="loc", name="Cabinet"))
        session.flush()
        review = Review(
            location_id=1, fingerprint="f", source="gbp", created_at=at(2026, 11, 30, 12),
            updated_at=at(2026, 11, 30, 12), first_seen_at=at(2026, 12, 2, 8), revision_count=2,
            changed_at=at(2027, 1, 10, 8),
        )
        session.add(review)
        session.flush()
        revisions = [
            ReviewRevision(review_id=review.id, number=1, captured_at=at(2026, 12, 2, 8), source="gbp", digest="a"),
            ReviewRevision(review_id=review.id, number=2, captured_at=at(2027, 1, 10, 8), source="gbp", digest="b"),
        ]
        session.add_all(revisions)
        session.commit()
        session.refresh(review)
        fr = review_deadline(review, "fr-medecin", revisions=revisions, today=date(2027, 2, 1))
        qc = review_deadline(review, "qc-medecin", revisions=revisions, today=date(2027, 2, 1))
    assert (fr.due, fr.days_left, fr.edited, fr.alternative_due) == (
        date(2027, 2, 28), 27, True, date(2027, 4, 10)
    )
    # Québec: one year from publication until a date of knowledge is set
    assert (qc.due, qc.days_left) == (date(2027, 11, 30), 302)
    assert qc.alternative_due == date(2028, 1, 10)
    # the bare row (as the queue has it) gives the same dates as the row with its revisions
    assert review_deadline(review, "fr-medecin", today=date(2027, 2, 1)) == fr
    assert review_deadline(review, "qc-medecin", today=date(2027, 2, 1)) == qc
