from sqlalchemy import text
from sqlmodel import Session

from responders.triage import actions
from responders.triage.journal import record_event
from responders.views import journal


def test_journal_csv_never_starts_a_cell_with_a_formula(engine):
    with Session(engine) as session:
        record_event(session, user="=HYPERLINK(\"http://evil\")", action="reply_copied",
                            text="+SUM(A1)", detail={"guard": {"allowed": True}})
        record_event(session, user="Claire", action="status", text="@cmd", detail={})
        session.commit()
        frame = journal.events_frame(session)
    data = journal.to_csv(frame).decode("utf-8-sig")
    cells = [cell for line in data.splitlines()[1:] for cell in line.split(";")]
    assert not [c for c in cells if c.strip('"')[:1] in ("=", "+", "-", "@")]
    assert "'=HYPERLINK" in data and "'+SUM(A1)" in data and "'@cmd" in data


def test_journal_filters(engine):
    with Session(engine) as session:
        record_event(session, user="Claire", action="status")
        record_event(session, user="Marc", action="reply_copied", text="Merci.")
        session.commit()
        frame = journal.events_frame(session)
    assert list(journal.filter_events(frame, users=["Marc"])["Action"]) == ["Réponse copiée"]
    assert len(journal.filter_events(frame, actions=["Statut modifié"])) == 1
    today = frame[journal.DATE].iloc[0].date()
    assert len(journal.filter_events(frame, since=today, until=today)) == 2
    assert journal.filter_events(frame, since=today.replace(year=today.year + 1)).empty


def test_journal_reads_as_french_sentences(engine):
    from responders.store.models import Location, Review

    with Session(engine) as session:
        location = Location(key="k", name="Cabinet des Tilleuls")
        session.add(location)
        session.flush()
        review = Review(location_id=location.id, fingerprint="f", source="gbp", author_display_name="Jean D.",
                        rating=2, review_url="https://maps.google.com/?cid=1")
        session.add(review)
        session.flush()
        review_id = review.id
        actions.set_status(session, review.id, "repondu", user="Claire")
        record_event(session, user="Claire", action="copy_refused", review_id=review.id,
                           text="Votre carie", detail={"verdict": "block", "findings": [
                               {"explanation": "mentionne un soin"}]})
        record_event(session, user="Marc", action="knowledge_date", review_id=review.id,
                           detail={"from": None, "to": "2026-03-02"})
        record_event(session, user="Marc", action="settings",
                           detail={"section": "établissement", "location": "k", "from": None, "to": "qc-medecin"})
        session.commit()
        # an action this version does not know (written by a newer one) still reads cleanly
        session.connection().execute(text(
            "INSERT INTO audit_events (at, \"user\", action, detail) VALUES (CURRENT_TIMESTAMP, 'Marc', 'something_new', '{\"x\": {\"y\": 1}}')"
        ))
        session.commit()
        frame = journal.events_frame(session)
    sentences = list(frame["Ce qui s'est passé"])
    assert "Statut changé : « Nouveau » devient « Répondu »." in sentences
    assert "La copie a été refusée (bloquée par le contrôle) : mentionne un soin." in sentences
    assert "Date de connaissance corrigée : non renseignée devient 02/03/2026." in sentences
    shown = frame.astype(str).to_string()
    assert "None" not in shown and "{" not in shown
    row = frame[frame["Action"] == "Statut modifié"].iloc[0]
    assert row["Avis"] == "Avis de Jean D. · ★★ · Cabinet des Tilleuls"
    assert row["Lien"].endswith(f"avis={review_id}") and row["Sur Google"].startswith("https://")
    assert "Copie refusée" in set(frame["Action"])


def test_a_copied_replacement_reads_as_one():
    from responders.views.journal import sentence

    assert sentence("reply_copied", {"verdict": "pass"}) == (
        "La réponse a été copiée pour être publiée sur Google (contrôle réussi).")
    assert sentence("reply_copied", {"verdict": "pass", "replaces_sha256": "ab" * 32}) == (
        "La réponse de remplacement d'une réponse déjà publiée a été copiée pour la corriger sur Google "
        "(contrôle réussi).")


def test_journal_times_are_the_practices_own(engine, monkeypatch):
    # 23:30 UTC on 31 December is already 1 January in Paris, still 31 December in Montréal
    from datetime import UTC, date, datetime

    from responders.store.models import Location
    from tests.factories import make_review

    monkeypatch.setenv("RESPONDERS_NOW", datetime(2025, 12, 31, 23, 30, tzinfo=UTC).isoformat())
    with Session(engine) as session:
        montreal = Location(key="mtl", name="Clinique du Plateau", profile="qc-dentiste")
        session.add(montreal)
        session.flush()
        review = make_review(session, montreal, "g-mtl", "Très bien.", rating=5)
        record_event(session, user="Claire", action="status", review_id=review.id)
        record_event(session, user="Claire", action="digest_sent")
        session.commit()
        frame = journal.events_frame(session)
    by_zone = dict(zip(frame[journal.ZONE], frame[journal.DATE], strict=True))
    assert by_zone["heure du Québec"].date() == date(2025, 12, 31)
    assert by_zone["heure de Paris"].date() == date(2026, 1, 1)
    assert by_zone["heure de Paris"].hour == 0 and by_zone["heure de Paris"].minute == 30
    # a day filter reads the practice's day, not UTC's
    new_year = journal.filter_events(frame, since=date(2026, 1, 1), until=date(2026, 1, 1))
    assert list(new_year[journal.ZONE]) == ["heure de Paris"]
    assert "Fuseau" in journal.to_csv(frame).decode("utf-8-sig").splitlines()[0]
