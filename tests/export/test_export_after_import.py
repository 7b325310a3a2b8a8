"""The dossier right after a real import of the demo files, as a clinic would run it."""

import importlib.util
import json
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from responders.cli import main
from responders.store.models import Review

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo"
HAS_IMPORT = importlib.util.find_spec("responders.importers.ingest") is not None and DEMO.is_dir()
HAS_CLASSIFIER = importlib.util.find_spec("responders.classify.store") is not None

pytestmark = pytest.mark.skipif(not HAS_IMPORT, reason="import step or demo data not available")


def import_demo(engine):
    from responders.importers import import_paths

    return import_paths(engine, [DEMO], classify=False)


def test_marked_reviews_export_and_verify_after_reimport(db_url, engine, tmp_path, capsys):
    import_demo(engine)
    with Session(engine) as session:
        worst = session.exec(select(Review).order_by(col(Review.rating), col(Review.id)).limit(2)).all()
        for review in worst:
            review.for_lawyer = True
            session.add(review)
        session.commit()
        marked = {r.external_id for r in worst}
    out = tmp_path / "dossier.json"
    assert main(["export", "lawyer", "--db", db_url, "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert marked <= {e["google_id"] for e in data["entries"]}
    for entry in data["entries"]:
        assert entry["revisions"], entry["google_id"]
        assert entry["text_original"] == entry["revisions"][-1]["text_original"]
        # the importer records the first import as the date of knowledge
        assert entry["first_seen_at"] is not None
        for passage in entry["passages"]:
            text = entry["text_original"] if passage["located_in"] == "original" else entry["text_translated"]
            assert text[passage["start"]:passage["end"]] == passage["text"]
    if HAS_CLASSIFIER:
        assert any(e["label"] in ("defamation", "insult") for e in data["entries"])
    capsys.readouterr()

    # importing the same files again changes no capture: the dossier still verifies
    import_demo(engine)
    assert main(["export", "verify", str(out), "--db", db_url]) == 0
    assert "identique" in capsys.readouterr().out


@pytest.mark.skipif(not HAS_CLASSIFIER, reason="classifier step not available")
def test_demo_pdf_runs_about_one_page_per_review(engine, monkeypatch):
    from io import BytesIO

    from pypdf import PdfReader

    from responders.export import build_dossier
    from responders.export.pdf_writer import dossier_pdf
    from responders.importers.demo import load_demo
    from responders.timeutil import CLOCK_ENV

    monkeypatch.setenv(CLOCK_ENV, "2026-11-20T12:00:00Z")  # the demo's own week
    load_demo(engine)
    with Session(engine) as session:
        dossier = build_dossier(session, profile="fr-dentiste")
    pages = [p.extract_text() for p in PdfReader(BytesIO(dossier_pdf(dossier))).pages]
    assert len(dossier.entries) >= 20
    # a cover, then about a page per review (measured: 21 reviews, 22 pages), none nearly empty
    assert len(pages) <= len(dossier.entries) + 2
    assert all(len(text) > 1000 for text in pages[:-1])
    cover = " ".join(pages[0].split())
    assert "Cabinet dentaire des Tilleuls" in cover and "Clinique médicale du Plateau" in cover


@pytest.mark.skipif(not HAS_CLASSIFIER, reason="classifier step not available")
def test_a_scraper_export_gives_the_reviewers_profile_links(engine):
    from responders.export import build_dossier
    from responders.importers import import_paths

    import_paths(engine, [DEMO / "outscraper_excel_fr.csv"])
    with Session(engine) as session:
        dossier = build_dossier(session, profile="fr-dentiste")
    named = [e for e in dossier.entries if e.author_display_name]
    assert named and len(named) < len(dossier.entries)  # anonymous authors have no profile page
    for entry in dossier.entries:
        if entry.author_display_name:
            assert (entry.reviewer_profile_url or "").startswith("https://www.google.com/maps/contrib/")
        else:
            assert entry.reviewer_profile_url is None
