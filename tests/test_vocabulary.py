"""The domain words: one StrEnum each, a French name for every member, the stored strings kept."""

from __future__ import annotations

from typing import get_args

import pytest
from sqlmodel import Session, select

from responders import vocabulary as v
from responders.store.models import AuditEvent, Review
from tests.factories import make_location, make_review


@pytest.mark.parametrize(
    ("enum", "names"),
    [
        (v.Label, v.LABEL_FR),
        (v.Status, v.STATUS_FR),
        (v.ReplyAction, v.REPLY_ACTION_FR),
        (v.AuditAction, v.AUDIT_ACTION_FR),
    ],
)
def test_every_word_has_its_french_name(enum, names) -> None:  # type: ignore[no-untyped-def]
    assert set(names) == set(enum)
    assert all(member.fr == names[member] and names[member].strip() for member in enum)


def test_members_equal_the_strings_stored_before_the_enums() -> None:
    assert [str(m) for m in v.Status] == ["nouveau", "a_revoir", "repondu", "ne_pas_repondre", "avocat", "signale"]
    assert v.Label.DEFAMATION == "defamation" and v.ReplyAction.NO_REPLY == "no_reply"
    assert v.AuditAction.SEND_TO_LAWYER == "send_to_lawyer"


def test_the_language_model_label_set_is_the_vocabulary() -> None:
    from responders.llm import LABELS, Label

    assert set(get_args(Label)) == set(v.Label) == set(LABELS)


def test_the_dossier_reads_only_actions_of_the_vocabulary() -> None:
    from responders.export.law import ACTION_DETAIL_KEYS, ACTION_LABELS

    assert set(ACTION_LABELS) | set(ACTION_DETAIL_KEYS) <= set(v.AuditAction)


def test_verdict_follows_the_worst_severity() -> None:
    assert v.verdict_of([]) == v.Verdict.PASS
    assert v.verdict_of([v.Severity.WARN]) == v.Verdict.PASS
    assert v.verdict_of([v.Severity.WARN, v.Severity.REVIEW]) == v.Verdict.REVIEW
    assert v.verdict_of([v.Severity.REVIEW, v.Severity.BLOCK]) == v.Verdict.BLOCK


def test_columns_store_the_plain_strings_and_refuse_unknown_words(engine) -> None:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        review = make_review(session, make_location(session), "r1", "Merci.", label="praise")
        session.add(AuditEvent(user="x", action="status", review_id=review.id))
        session.commit()
        raw = session.connection().exec_driver_sql("SELECT status, label FROM reviews").one()
        assert tuple(raw) == ("nouveau", "praise")
        stored = session.exec(select(Review)).one()
        assert stored.status is v.Status.NEW and stored.label is v.Label.PRAISE
        assert session.exec(select(AuditEvent)).one().action is v.AuditAction.STATUS
        stored.status = "supprime"  # type: ignore[assignment]
        session.add(stored)
        with pytest.raises(Exception, match="supprime"):
            session.commit()
