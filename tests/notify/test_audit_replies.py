"""Replies already published, checked by the guard with their review as context."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from responders.audit import audit_replies, mark_corrected
from responders.cli.handlers import main
from responders.store.models import AuditEvent

from .conftest import LEAKING_REPLY, SAFE_REPLY


def test_leaking_reply_is_flagged_and_safe_one_passes(engine, seeded):
    with Session(engine) as session:
        audits = {a.reply: a for a in audit_replies(session)}
    assert set(audits) == {LEAKING_REPLY, SAFE_REPLY}
    leak, safe = audits[LEAKING_REPLY], audits[SAFE_REPLY]
    assert leak.verdict == "block" and leak.findings
    # the spans point into the published reply
    assert all(LEAKING_REPLY[f["start"]:f["end"]] == f["text"] for f in leak.findings)
    assert leak.replacement and leak.replacement != LEAKING_REPLY
    assert "Lefèvre" not in leak.replacement
    assert safe.verdict == "pass" and safe.replacement is None and safe.findings == []


def test_marking_corrected_is_journaled_with_a_name(engine, seeded):
    with Session(engine) as session:
        leak = next(a for a in audit_replies(session, only_flagged=True))
        mark_corrected(session, leak, user="Amélie (secrétariat)")
        session.commit()
    with Session(engine) as session:
        again = next(a for a in audit_replies(session, only_flagged=True))
        event = session.exec(select(AuditEvent).where(col(AuditEvent.action) == "reply_corrected")).one()
    assert again.corrected and again.corrected_by == "Amélie (secrétariat)"
    assert event.review_id == leak.review_id and event.user == "Amélie (secrétariat)"


def test_cli_writes_one_object_per_reply_and_a_french_summary(db_url, engine, seeded, tmp_path, capsys):
    out = tmp_path / "audit.jsonl"
    assert main(["audit", "replies", "--db", db_url, "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [set(r) for r in rows] == [
        {"review_id", "google_id", "location", "reply", "verdict", "findings", "replacement"}
    ] * 2
    by_reply = {r["reply"]: r for r in rows}
    assert by_reply[LEAKING_REPLY]["verdict"] == "block"
    assert by_reply[LEAKING_REPLY]["google_id"] == "g-leak"
    assert by_reply[LEAKING_REPLY]["location"] == "Cabinet des Tilleuls"
    assert by_reply[SAFE_REPLY]["verdict"] == "pass"
    err = capsys.readouterr().err
    assert "2 réponse(s) publiée(s) vérifiée(s)" in err and "1 sans problème" in err
