import importlib.util
import json
from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from responders.cli import main
from responders.export import build_dossier
from responders.export.json_writer import dossier_json
from responders.export.verify import verify_dossier
from responders.store.models import AuditEvent, Classification, Review, ReviewRevision
from responders.timeutil import CLOCK_ENV
from tests.factories import add_revision, make_location, make_review

from .conftest import GENERATED_AT, TODAY


def exported(engine) -> dict:
    with Session(engine) as session:
        dossier = build_dossier(session, profile="fr-dentiste", today=TODAY, generated_at=GENERATED_AT)
    return json.loads(dossier_json(dossier))


def verify(engine, data):
    with Session(engine) as session:
        return verify_dossier(session, data)


def test_identical_database_verifies(engine, seeded):
    report = verify(engine, exported(engine))
    assert report.identical
    assert (report.reviews, report.revisions) == (3, 4)
    assert "identique" in report.lines()[0]


def test_changed_revision_is_detected(engine, seeded):
    data = exported(engine)
    with Session(engine) as session:
        revision = session.exec(
            select(ReviewRevision).where(ReviewRevision.review_id == seeded.ids["r1"])
        ).one()
        revision.text_original = "Le docteur est très gentil."
        session.add(revision)
        session.commit()
    report = verify(engine, data)
    assert [c.kind for c in report.changes] == ["revision_changed"]
    change = report.changes[0]
    assert change.review_id == seeded.ids["r1"] and change.rank == 2
    assert "texte original" in change.message and "SHA-256" in change.message


def test_new_revision_and_missing_review_are_detected(engine, seeded):
    data = exported(engine)
    with Session(engine) as session:
        add_revision(session, session.get(Review, seeded.ids["r2"]), "Bande d'escrocs !",
                     captured_at=datetime(2026, 11, 25, 8, tzinfo=UTC))
        for model in (AuditEvent, Classification, ReviewRevision):
            for row in session.exec(select(model).where(model.review_id == seeded.ids["r3"])).all():
                session.delete(row)
        session.flush()
        session.delete(session.get(Review, seeded.ids["r3"]))
        session.commit()
    report = verify(engine, data)
    kinds = {c.kind: c for c in report.changes}
    assert set(kinds) == {"new_revisions", "review_missing"}
    assert "1 nouvelle(s) version(s)" in kinds["new_revisions"].message
    assert "25/11/2026" in kinds["new_revisions"].message
    assert kinds["review_missing"].rank == 3


def test_edited_dossier_file_is_detected(engine, seeded):
    data = exported(engine)
    data["entries"][1]["revisions"][0]["text_original"] = "Texte réécrit."
    report = verify(engine, data)
    kinds = [c.kind for c in report.changes]
    # the printed text no longer matches its digest; the database still matches the digest
    assert kinds == ["dossier_altered"]
    assert "fichier du dossier a été modifié" in report.changes[0].message


def test_review_found_by_google_id_when_ids_differ(engine, seeded):
    data = exported(engine)
    data["entries"][0]["review_id"] = 999
    assert verify(engine, data).identical


def test_cli_export_then_verify(db_url, engine, seeded, tmp_path, capsys, monkeypatch):
    # The order follows each review's days left, so the command runs on the dossier's own day.
    monkeypatch.setenv(CLOCK_ENV, GENERATED_AT.isoformat())
    out = tmp_path / "dossier.json"
    assert main(["export", "lawyer", "--db", db_url, "--format", "json", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "3 avis" in err and str(out) in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["profile"]["name"] == "fr-dentiste"  # from the practice settings
    assert [e["google_id"] for e in data["entries"]] == ["g-r2", "g-r1", "g-r3"]

    assert main(["export", "verify", str(out), "--db", db_url]) == 0
    assert "identique" in capsys.readouterr().out

    with Session(engine) as session:
        revision = session.exec(
            select(ReviewRevision).where(ReviewRevision.review_id == seeded.ids["r2"], ReviewRevision.number == 2)
        ).one()
        revision.rating = 5
        session.add(revision)
        session.commit()
    assert main(["export", "verify", str(out), "--db", db_url]) == 1
    printed = capsys.readouterr().out
    assert "note" in printed and "1 différence(s)" in printed


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_cli_other_formats_and_profile(db_url, seeded, tmp_path, fmt):
    out = tmp_path / f"dossier.{fmt}"
    assert main(["export", "lawyer", "--db", db_url, "--format", fmt, "-o", str(out), "--profile", "qc-dentiste"]) == 0
    assert out.stat().st_size > 500


def test_cli_unusable_inputs_exit_2(db_url, tmp_path, capsys):
    assert main(["export", "verify", str(tmp_path / "absent.json"), "--db", db_url]) == 2
    assert "introuvable" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "autre"}', encoding="utf-8")
    assert main(["export", "verify", str(bad), "--db", db_url]) == 2
    assert "n'est pas un dossier" in capsys.readouterr().err
    bad.write_text("{", encoding="utf-8")
    assert main(["export", "verify", str(bad), "--db", db_url]) == 2
    assert "JSON illisible" in capsys.readouterr().err
    target = tmp_path / "nope" / "d.csv"
    assert main(["export", "lawyer", "--db", db_url, "--format", "csv", "-o", str(target)]) == 2
    assert "n'existe pas" in capsys.readouterr().err


HAS_CLASSIFIER = importlib.util.find_spec("responders.classify.store") is not None


@pytest.mark.skipif(not HAS_CLASSIFIER, reason="classifier step not available yet")
def test_export_classifies_pending_reviews_first(db_url, engine, tmp_path):

    with Session(engine) as session:
        make_review(session, make_location(session, "loc"), "new",
                    "Ce dentiste facture des soins jamais faits, un escroc.", rating=1,
                    created_at=datetime(2026, 11, 1, 10, tzinfo=UTC),
                    captured=[datetime(2026, 11, 2, tzinfo=UTC)])
        session.commit()
    out = tmp_path / "d.json"
    assert main(["export", "lawyer", "--db", db_url, "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["google_id"] for e in data["entries"]] == ["g-new"]
    assert data["entries"][0]["label"] in ("defamation", "insult")
