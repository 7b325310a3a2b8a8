"""The weekly digest, built on a pinned clock and delivered to a real local SMTP server."""

from __future__ import annotations

import email
from email import policy

from sqlmodel import Session, col, select

from responders.cli.handlers import main
from responders.notify import build_digest
from responders.store.models import AuditEvent
from responders.store.settings import set_setting
from responders.timeutil import CLOCK_ENV

from .conftest import NOW, SECRET_TEXT, free_port


def test_digest_lists_new_reviews_deadlines_reports_and_replies_without_text(engine, seeded):
    with Session(engine) as session:
        digest = build_digest(session, days=7, now=NOW)
    body = digest.body()
    assert "Clinique du Plateau : 2" in body
    # the French defamation (80 days old, 3 months) falls within 15 days; the Québec insult
    # (one year from knowledge) and the expired case are not listed
    assert [c.review_id for c in digest.deadlines] == [seeded.ids["defamation_fr"]]
    case = digest.deadlines[0]
    assert 8 <= case.days_left <= 15 and "Sous 15 jours" in body
    assert f"avis n° {seeded.ids['defamation_fr']} (Cabinet des Tilleuls, diffamation)" in body
    assert "signalé le 20/11/2026" in body
    assert "1 réponse(s) à corriger" in body
    # no review text, no reviewer name by default
    assert "Lefèvre" not in body and "secrétaire" not in body and "crosseur" not in body
    assert "ni texte d'avis ni nom d'auteur" in body


def test_text_and_names_only_when_the_practice_opts_in(engine, seeded):
    with Session(engine) as session:
        set_setting(session, "digest_include_text", True)
        digest = build_digest(session, days=7, now=NOW)
    body = digest.body()
    assert "Claire Lefèvre" in body and SECRET_TEXT[:40] in body


def test_send_delivers_a_french_message_to_a_real_smtp_server(db_url, engine, seeded, smtp_server,
                                                              monkeypatch, capsys):
    port, inbox = smtp_server
    monkeypatch.setenv(CLOCK_ENV, NOW.isoformat())
    monkeypatch.setenv("RESPONDERS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("RESPONDERS_SMTP_PORT", str(port))
    monkeypatch.setenv("RESPONDERS_SMTP_FROM", "cabinet@example.org")
    monkeypatch.setenv("RESPONDERS_DIGEST_TO", "dr.martin@example.org, secretariat@example.org")
    assert main(["digest", "--db", db_url, "--send"]) == 0
    assert len(inbox.messages) == 1
    sender, recipients, raw = inbox.messages[0]
    assert sender == "cabinet@example.org"
    assert recipients == ["dr.martin@example.org", "secretariat@example.org"]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"].startswith("Avis Google : 2 nouvel(s) avis cette semaine")
    text = message.get_content()
    assert "Bonjour," in text and "Délais pour agir" in text and "Lefèvre" not in text
    assert "Résumé envoyé à 2 destinataire(s)" in capsys.readouterr().err
    with Session(engine) as session:
        sent = session.exec(select(AuditEvent).where(col(AuditEvent.action) == "digest_sent")).all()
    assert len(sent) == 1


def test_failed_send_is_a_french_error_and_nothing_is_marked_sent(db_url, engine, seeded, monkeypatch, capsys):
    monkeypatch.setenv("RESPONDERS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("RESPONDERS_SMTP_PORT", str(free_port()))  # nothing listens there
    monkeypatch.setenv("RESPONDERS_SMTP_FROM", "cabinet@example.org")
    monkeypatch.setenv("RESPONDERS_DIGEST_TO", "dr.martin@example.org")
    assert main(["digest", "--db", db_url, "--send"]) == 1
    err = capsys.readouterr().err
    assert "Envoi impossible" in err and "pas été marqué comme envoyé" in err
    with Session(engine) as session:
        assert session.exec(select(AuditEvent).where(col(AuditEvent.action) == "digest_sent")).all() == []


def test_missing_settings_say_which(db_url, engine, seeded, monkeypatch, capsys):
    for name in ("HOST", "FROM", "PORT", "USER", "PASSWORD"):
        monkeypatch.delenv(f"RESPONDERS_SMTP_{name}", raising=False)
    monkeypatch.delenv("RESPONDERS_DIGEST_TO", raising=False)
    assert main(["digest", "--db", db_url, "--send"]) == 1
    assert "serveur SMTP (RESPONDERS_SMTP_HOST)" in capsys.readouterr().err


def test_output_file_is_an_rfc5322_message(db_url, engine, seeded, tmp_path, monkeypatch):
    monkeypatch.setenv(CLOCK_ENV, NOW.isoformat())
    out = tmp_path / "digest.eml"
    assert main(["digest", "--db", db_url, "--days", "30", "-o", str(out)]) == 0
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["Subject"] and message["Message-ID"] and message["Date"]
    assert "Nouveaux avis" in message.get_content()
