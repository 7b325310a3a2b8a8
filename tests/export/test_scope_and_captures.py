"""The transmitted scope, attached captures, profile links and per-listing signatories."""

import hashlib
import json
from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from responders.cli import main
from responders.export import SEND_TO_LAWYER, build_dossier
from responders.export.json_writer import dossier_json
from responders.export.profile_link import google_link, profile_link
from responders.export.verify import verify_dossier
from responders.store.captures import add_capture, capture_bytes, captures_of, clean_filename
from responders.store.models import (
    AuditEvent,
    Classification,
    Location,
    Review,
    ReviewCapture,
    ReviewRevision,
)
from responders.store.settings import Signatory, load_signatories, save_signatory
from responders.timeutil import CLOCK_ENV

from .conftest import CAPTURE_PNG, GENERATED_AT, TODAY

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def dossier_for(engine, **kwargs):
    with Session(engine) as session:
        return build_dossier(session, profile="fr-dentiste", today=TODAY, generated_at=GENERATED_AT, **kwargs)


def test_transmitted_scope_keeps_only_what_was_transmitted(engine, seeded):
    ids = seeded.ids
    candidates = dossier_for(engine)
    transmitted = dossier_for(engine, scope="transmitted")
    # r2: status « avocat »; r3: marked for the lawyer; r1 is a candidate nobody transmitted
    assert [e.review_id for e in candidates.entries] == [ids["r2"], ids["r1"], ids["r3"]]
    assert [e.review_id for e in transmitted.entries] == [ids["r2"], ids["r3"]]
    assert [e.rank for e in transmitted.entries] == [1, 2]
    assert [e.transmitted for e in candidates.entries] == [True, False, True]
    data = json.loads(dossier_json(transmitted))
    assert data["scope"] == "transmitted" and data["count"] == 2
    assert "transmis" in data["scope_fr"]
    with pytest.raises(ValueError, match="Périmètre inconnu"):
        dossier_for(engine, scope="tout")


def test_the_transmission_audit_event_counts_as_transmitted(engine, seeded):
    ids = seeded.ids
    with Session(engine) as session:
        # even a review no classifier flagged: a person transmitted it
        session.add(AuditEvent(at=GENERATED_AT, user="Dr Dupont", action=SEND_TO_LAWYER, review_id=ids["r5"]))
        session.add(AuditEvent(at=GENERATED_AT, user="Dr Dupont", action=SEND_TO_LAWYER, review_id=ids["r1"]))
        session.commit()
    assert SEND_TO_LAWYER == "send_to_lawyer"
    transmitted = dossier_for(engine, scope="transmitted")
    assert {e.review_id for e in transmitted.entries} == {ids["r1"], ids["r2"], ids["r3"], ids["r5"]}
    r1 = next(e for e in transmitted.entries if e.review_id == ids["r1"])
    assert r1.actions[-1].label == "transmis à l'avocat" and r1.actions[-1].user == "Dr Dupont"
    assert "(par Dr Dupont)" in r1.actions[-1].summary()
    assert {e.review_id for e in dossier_for(engine).entries} >= {ids["r5"]}


def test_cli_scope(db_url, engine, seeded, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(CLOCK_ENV, GENERATED_AT.isoformat())
    out = tmp_path / "transmis.json"
    assert main(["export", "lawyer", "--db", db_url, "--format", "json", "--scope", "transmitted", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "2 avis" in err and "transmis à l'avocat" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["google_id"] for e in data["entries"]] == ["g-r2", "g-r3"]
    assert main(["export", "verify", str(out), "--db", db_url]) == 0
    # the default stays every candidate, for scripts written before the option
    default = tmp_path / "tous.json"
    assert main(["export", "lawyer", "--db", db_url, "--format", "json", "-o", str(default)]) == 0
    assert json.loads(default.read_text(encoding="utf-8"))["scope"] == "candidates"
    with pytest.raises(SystemExit):
        main(["export", "lawyer", "--db", db_url, "--format", "json", "--scope", "tout", "-o", str(default)])


def test_add_capture_keeps_the_exact_bytes_and_their_digest(engine, seeded):
    with Session(engine) as session:
        info = add_capture(session, seeded.ids["r2"], PNG, filename="C:\\Users\\moi\\capture avis.png",
                           user="secrétariat")
        session.commit()
    assert info.filename == "capture avis.png" and info.media_type == "image/png"
    assert info.sha256 == hashlib.sha256(PNG).hexdigest() and info.size == len(PNG)
    with Session(engine) as session:
        assert capture_bytes(session, info.id) == PNG
        listed = captures_of(session, [seeded.ids["r2"], seeded.ids["r4"]])
        assert [c.sha256 for c in listed[seeded.ids["r2"]]] == [info.sha256] and listed[seeded.ids["r4"]] == []
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "capture_added")).one()
        assert event.user == "secrétariat" and event.detail["sha256"] == info.sha256
    r2 = dossier_for(engine).entries[0]
    assert [c.sha256 for c in r2.captures] == [info.sha256]
    assert r2.actions[-1].label == "capture jointe"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "vide"),
        (b"MZ\x90\x00 not an image", "n'est pas une image"),
        (b"<svg onload=alert(1)>", "n'est pas une image"),
    ],
)
def test_add_capture_refuses_what_is_not_a_capture(engine, seeded, data, message):
    with Session(engine) as session, pytest.raises(ValueError, match=message):
        add_capture(session, seeded.ids["r1"], data, filename="x.png", user="u")
    with Session(engine) as session, pytest.raises(LookupError):
        add_capture(session, 9999, PNG, filename="x.png", user="u")


def test_add_capture_refuses_a_huge_file(engine, seeded, monkeypatch):
    import responders.store.captures as captures

    monkeypatch.setattr(captures, "MAX_BYTES", 100)
    with Session(engine) as session, pytest.raises(ValueError, match="trop lourd"):
        add_capture(session, seeded.ids["r1"], PNG + b"\x00" * 100, filename="x.png", user="u")


@pytest.mark.parametrize(
    ("name", "media", "expected"),
    [
        ("capture.png", "image/png", "capture.png"),
        ("../../etc/passwd", "image/png", "passwd"),
        ("\u202eevil\x00.png", "image/png", "evil.png"),
        ("", "application/pdf", "capture.pdf"),
        (None, "image/webp", "capture.webp"),
        ("<script>.jpg", "image/jpeg", "script_.jpg"),
    ],
)
def test_clean_filename(name, media, expected):
    assert clean_filename(name, media) == expected


def test_verify_checks_the_attached_captures(engine, seeded):
    with Session(engine) as session:
        data = json.loads(dossier_json(build_dossier(session, profile="fr-dentiste", today=TODAY,
                                                     generated_at=GENERATED_AT)))
        report = verify_dossier(session, data)
    assert report.identical and report.captures == 1
    assert "1 capture(s) jointe(s)" in report.lines()[0]
    with Session(engine) as session:
        capture = session.exec(select(ReviewCapture)).one()
        capture.data = CAPTURE_PNG + b" retouchee"
        session.add(capture)
        session.commit()
        report = verify_dossier(session, data)
    assert [c.kind for c in report.changes] == ["capture_changed"]
    assert "avis-r1.png" in report.changes[0].message and report.changes[0].rank == 2
    with Session(engine) as session:
        session.delete(session.exec(select(ReviewCapture)).one())
        add_capture(session, seeded.ids["r2"], PNG, filename="nouvelle.png", user="u")
        session.commit()
        kinds = sorted(c.kind for c in verify_dossier(session, data).changes)
    assert kinds == ["capture_missing", "new_captures"]


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("https://www.google.com/maps/contrib/1234567890?hl=fr", True),
        ("https://maps.google.fr/maps/contrib/1", True),
        ("https://google.co.uk/maps/contrib/1", True),
        ("http://www.google.com/maps/contrib/1", False),
        ("https://www.google.com.evil.example/maps/contrib/1", False),
        ("https://evilgoogle.com/maps/contrib/1", False),
        ("https://user@www.google.com/maps/contrib/1", False),
        ("https://www.google.com:8443/maps/contrib/1", False),
        ("javascript:alert(1)//google.com", False),
        ("https://www.google.com/maps/contrib/1 \n=cmd", False),
        ("https://lh3.googleusercontent.com/a-/photo", False),
        (42, False),
        (None, False),
    ],
)
def test_google_link(value, kept):
    assert (google_link(value) is not None) is kept


def test_profile_link_per_source_shape_newest_first():
    assert profile_link([{"author_link": "https://www.google.com/maps/contrib/1"}]) == "https://www.google.com/maps/contrib/1"
    assert profile_link([{"reviewerUrl": "https://www.google.com/maps/contrib/2"}]).endswith("/2")
    assert profile_link([{"user": {"link": "https://www.google.com/maps/contrib/3"}}]).endswith("/3")
    assert profile_link([{"authorAttribution": {"uri": "https://www.google.com/maps/contrib/4"}}]).endswith("/4")
    # the Business Profile API gives a photo, never a profile page
    assert profile_link([{"reviewer": {"profilePhotoUrl": "https://lh3.googleusercontent.com/x"}}]) is None
    assert profile_link([{"author_link": "https://www.google.com/maps/contrib/old"},
                         {"comment": "sans lien"},
                         {"author_link": "https://www.google.com/maps/contrib/new"}]).endswith("/new")
    assert profile_link([{"user": "texte"}, [], None]) is None


def _montreal(engine) -> int:
    """A Montréal listing (Québec profile) with one defamatory review, beside the Lyon practice."""
    with Session(engine) as session:
        location = Location(key="loc-mtl", name="Clinique médicale du Plateau", profile="qc-medecin")
        session.add(location)
        session.flush()
        text = "Ce médecin falsifie les ordonnances."
        review = Review(location_id=location.id, external_id="g-mtl", fingerprint="mtl", source="outscraper",
                        rating=1, author_display_name="Luc", created_at=datetime(2026, 11, 1, 15, tzinfo=UTC),
                        updated_at=datetime(2026, 11, 1, 15, tzinfo=UTC),
                        first_seen_at=datetime(2026, 11, 2, tzinfo=UTC), status="avocat")
        session.add(review)
        session.flush()
        revision = ReviewRevision(review_id=review.id, number=1, source="outscraper", text_original=text,
                                  captured_at=datetime(2026, 11, 2, tzinfo=UTC), digest="m",
                                  raw={"author_link": "https://www.google.com/maps/contrib/555"})
        session.add(revision)
        session.flush()
        review.current_revision_id = revision.id
        session.add(Classification(review_id=review.id, revision_id=revision.id, label="defamation",
                                   confidence=0.9, engine="rules", version="1", passages=[
                                       {"start": 11, "end": 35, "text": text[11:35], "qualification": "defamation",
                                        "rule": "r", "explanation": "e"}]))
        session.commit()
        return int(review.id)


def test_mixed_dossier_each_entry_carries_its_listing_law_and_signatory(engine, seeded):
    montreal = _montreal(engine)
    with Session(engine) as session:
        save_signatory(session, "loc-mtl", Signatory(name="Dre Anne Roy", email="direction@plateau.example"))
        session.commit()
        assert load_signatories(session) == {"loc-mtl": Signatory("Dre Anne Roy", "direction@plateau.example")}
    dossier = dossier_for(engine)
    mtl = next(e for e in dossier.entries if e.review_id == montreal)
    lyon = next(e for e in dossier.entries if e.google_id == "g-r1")
    assert mtl.profile.name == "qc-medecin" and mtl.jurisdiction_fr == "Québec (Canada)"
    assert "Code civil du Québec" in mtl.law and "C.c.Q. art. 1457" in mtl.passages[0].articles
    assert "Nom : Dre Anne Roy" in mtl.notice and "direction@plateau.example" in mtl.notice
    assert "Agissant pour : Clinique médicale du Plateau" in mtl.notice
    assert "Claire Dupont" not in mtl.notice
    assert "Nom : Claire Dupont" in lyon.notice and "Agissant pour : Cabinet dentaire Dupont" in lyon.notice
    assert mtl.reviewer_profile_url == "https://www.google.com/maps/contrib/555"
    entries = {e["review_id"]: e for e in json.loads(dossier_json(dossier))["entries"]}
    assert entries[montreal]["signatory"] == {"name": "Dre Anne Roy", "email": "direction@plateau.example", "listing": True}
    assert entries[lyon.review_id]["signatory"] == {
        "name": "Claire Dupont", "email": "contact@cabinet-dupont.example", "listing": False,
    }
    assert entries[montreal]["jurisdiction"] == "QC" and entries[lyon.review_id]["jurisdiction"] == "FR"
    places = {p["key"]: p for p in dossier.establishments()}
    assert set(places) == {"loc-1", "loc-mtl"}
    assert places["loc-mtl"]["jurisdiction"] == "QC" and places["loc-mtl"]["count"] == 1
    assert places["loc-mtl"]["signatory"] == {"name": "Dre Anne Roy", "email": "direction@plateau.example"}
    assert places["loc-1"]["signatory"]["name"] == "Claire Dupont" and places["loc-1"]["count"] == 3

    from io import BytesIO

    from pypdf import PdfReader

    from responders.export.pdf_writer import dossier_pdf

    cover = " ".join(PdfReader(BytesIO(dossier_pdf(dossier))).pages[0].extract_text().split())
    assert "Clinique médicale du Plateau" in cover and "Cabinet dentaire Dupont" in cover
    assert "Dre Anne Roy" in cover and "Code civil du Québec" in cover
    # removing the listing's signatory falls back to the practice's
    with Session(engine) as session:
        save_signatory(session, "loc-mtl", Signatory())
        session.commit()
        assert load_signatories(session) == {}
    mtl = next(e for e in dossier_for(engine).entries if e.review_id == montreal)
    assert "Nom : Claire Dupont" in mtl.notice and "Agissant pour : Cabinet dentaire Dupont" in mtl.notice
