import hashlib
import json
from datetime import date

import pytest
from sqlmodel import Session

from responders.export import build_dossier, google_notice
from responders.export.digest import DIGEST_FIELDS, record_sha256
from responders.export.json_writer import dossier_json
from responders.export.law import UNKNOWN_TARGET, guess_target
from responders.store.models import Review
from responders.store.settings import PracticeSettings, get_setting, set_setting
from tests.factories import add_revision

from .conftest import CAPTURE_PNG, FORBIDDEN, GENERATED_AT, TODAY


def dossier_for(engine, profile="fr-dentiste", **kwargs):
    with Session(engine) as session:
        return build_dossier(session, profile=profile, today=TODAY, generated_at=GENERATED_AT, **kwargs)


def test_selects_defamation_insult_and_marked_reviews_most_urgent_first(engine, seeded):
    dossier = dossier_for(engine)
    ids = seeded.ids
    # r2: 10 days left, r1: 20 days left, r3: expired (marked by staff, labelled criticism)
    assert [e.review_id for e in dossier.entries] == [ids["r2"], ids["r1"], ids["r3"]]
    assert [e.rank for e in dossier.entries] == [1, 2, 3]
    assert [e.deadline.days_left for e in dossier.entries] == [10, 20, -111]
    assert [e.label for e in dossier.entries] == ["insult", "defamation", "criticism"]
    assert dossier.entries[2].for_lawyer


def test_entry_carries_every_field_the_lawyer_needs(engine, seeded):
    data = json.loads(dossier_json(dossier_for(engine)))
    assert data["kind"] == "responders.lawyer_dossier"
    assert "pas un avis juridique" in data["not_legal_advice"]
    assert "strictement nécessaire" in data["secrecy_reminder"]
    r1 = next(e for e in data["entries"] if e["google_id"] == "g-r1")
    assert r1["review_url"] == "https://maps.google.com/?review=r1"
    assert r1["location"] == {"key": "loc-1", "name": "Cabinet dentaire Dupont"}
    assert r1["reviewer"] == {
        "display_name": "Jean Martin", "is_anonymous": False,
        "profile_url": "https://www.google.com/maps/contrib/1234567890?hl=fr",
    }
    assert r1["status"] == "ne_pas_repondre" and r1["status_fr"] == "Ne pas répondre"
    assert r1["jurisdiction"] == "FR" and r1["jurisdiction_fr"] == "France"
    assert r1["law"].startswith("loi du 29 juillet 1881")
    assert r1["captures"] == [{
        "number": 1, "capture_id": 1, "filename": "avis-r1.png", "media_type": "image/png",
        "size": len(CAPTURE_PNG), "sha256": hashlib.sha256(CAPTURE_PNG).hexdigest(),
        "added_at": "2026-09-12T09:00:00Z", "added_by": "secrétariat",
    }]
    assert r1["rating"] == 1
    assert r1["created_at"] == "2026-09-10T10:00:00Z"
    assert r1["updated_at"] == "2026-09-10T10:00:00Z"
    assert r1["text_original"].startswith("Le docteur facture")
    assert r1["text_translated"] is None
    assert r1["target"] == {"value": "le praticien (personne physique)", "validation": "à valider par l'avocat"}
    assert r1["profile"] == "fr-dentiste"
    assert r1["deadline"]["due"] == "2026-12-10" and r1["deadline"]["days_left"] == 20
    # passages in text order, verbatim, offsets into the original text, one qualification each
    text = r1["text_original"]
    assert [p["text"] for p in r1["passages"]] == ["facture des soins jamais faits", "charlatan"]
    for p in r1["passages"]:
        assert text[p["start"]:p["end"]] == p["text"]
        assert p["located_in"] == "original"
        assert p["validation"] == "à valider par l'avocat"
    assert r1["passages"][0]["articles"] == [
        "loi du 29 juillet 1881, art. 29 al. 1", "loi du 29 juillet 1881, art. 32 al. 1"
    ]
    assert r1["passages"][1]["articles"] == [
        "loi du 29 juillet 1881, art. 29 al. 2", "loi du 29 juillet 1881, art. 33 al. 2"
    ]
    assert [a["action"] for a in r1["actions"]] == ["google_report", "reply_published", "status"]
    assert r1["actions"][0]["detail"] == {"date": "2026-09-12", "reference": "GGL-123", "outcome": "refusé"}
    assert r1["actions"][1]["text"] == "Nous vous invitons à contacter le cabinet."
    # who did each action, statuses in French
    assert [a["user"] for a in r1["actions"]] == ["secrétariat", "Dr Dupont", "Dr Dupont"]
    assert r1["actions"][2]["summary"] == (
        "14/09/2026 — changement de statut (par Dr Dupont), de : Nouveau, à : Ne pas répondre"
    )
    assert data["establishments"] == [{
        "key": "loc-1", "name": "Cabinet dentaire Dupont", "profile": "fr-dentiste",
        "profile_label": "Chirurgien-dentiste (France)", "jurisdiction": "FR", "jurisdiction_fr": "France",
        "law": r1["law"], "signatory": {"name": "Claire Dupont", "email": "contact@cabinet-dupont.example"},
        "acting_for": "Cabinet dentaire Dupont", "count": 3,
    }]
    assert "NOTIFICATION DE CONTENU ILLICITE" in r1["google_notice"]


def test_edited_review_keeps_every_revision_with_its_digest(engine, seeded):
    data = json.loads(dossier_json(dossier_for(engine)))
    r2 = data["entries"][0]
    assert r2["edited"] is True
    assert r2["deadline"]["alternative_due"] == "2027-01-05"
    assert [r["number"] for r in r2["revisions"]] == [1, 2]
    assert r2["revisions"][0]["text_original"] == "Secrétaire odieuse."
    assert r2["revisions"][0]["captured_at"] == "2026-09-01T08:00:00Z"
    for revision in r2["revisions"]:
        # anyone can recompute the digest from the dossier alone
        assert record_sha256({**revision, "google_id": r2["google_id"]}) == revision["sha256"]
        assert set(DIGEST_FIELDS) - {"google_id"} <= set(revision)
    assert r2["revisions"][0]["sha256"] != r2["revisions"][1]["sha256"]
    assert r2["reviewer"]["is_anonymous"] is True


def test_translated_review_keeps_both_texts_apart(engine, seeded):
    r3 = dossier_for(engine).entries[2]
    assert r3.text_original == "The dentist is a butcher."
    assert r3.text_translated == "Le dentiste est un boucher."
    assert r3.passages[0].located_in == "translated"
    assert r3.passages[0].articles == ()  # criticism: no article proposed


def test_quebec_profile_changes_articles_and_deadline(engine, seeded):
    dossier = dossier_for(engine, profile="qc-dentiste")
    r1 = next(e for e in dossier.entries if e.google_id == "g-r1")
    assert r1.passages[0].articles == (
        "C.c.Q. art. 3", "C.c.Q. art. 35", "C.c.Q. art. 1457",
        "Charte des droits et libertés de la personne, art. 4",
        "Charte des droits et libertés de la personne, art. 49",
    )
    # one year from the date of knowledge, which is the publication until someone sets it
    # (never the first capture, a day later here)
    assert r1.deadline.start == date(2026, 9, 10)
    assert r1.deadline.due == date(2027, 9, 10)
    assert "DEMANDE DE RETRAIT" in r1.notice and "C.c.Q. art. 1457" in r1.notice


def test_dossier_holds_nothing_from_outside_the_review_and_the_practice_actions(engine, seeded):
    from responders.export.csv_writer import dossier_csv
    from responders.export.pdf_writer import dossier_pdf
    from responders.export.xlsx_writer import dossier_workbook

    dossier = dossier_for(engine)
    texts = [dossier_json(dossier), dossier_csv(dossier)]
    book = dossier_workbook(dossier)
    texts.append("\n".join(str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row))
    pdf = dossier_pdf(dossier)
    from io import BytesIO

    from pypdf import PdfReader

    texts.append("\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages))
    for text in texts:
        for forbidden in FORBIDDEN:
            assert forbidden not in text
        assert "diabète" not in text
    entry_keys = set(json.loads(texts[0])["entries"][0])
    assert entry_keys == {
        "rank", "review_id", "google_id", "location", "review_url", "flag_url", "reviewer", "rating",
        "created_at", "updated_at", "edited", "first_seen_at", "last_seen_at", "status", "status_fr",
        "for_lawyer", "transmitted", "burst", "label", "label_fr", "confidence", "classification", "text_original",
        "text_translated", "language", "passages", "target", "profile", "jurisdiction", "jurisdiction_fr",
        "law", "signatory", "deadline", "revisions", "captures", "actions", "google_notice",
    }


def test_staff_target_overrides_the_guess(engine, seeded):
    from responders.store.models import AuditEvent

    with Session(engine) as session:
        session.add(AuditEvent(at=GENERATED_AT, action="send_to_lawyer", review_id=seeded.ids["r1"], user="Dr Dupont",
                               detail={"target": "la SELARL Dupont", "note": "SENTINELLE-NOTE"}))
        session.commit()
    r1 = next(e for e in dossier_for(engine).entries if e.google_id == "g-r1")
    assert r1.target == "la SELARL Dupont"
    assert r1.actions[-1].detail == {"target": "la SELARL Dupont"}


def test_notice_follows_dsa_article_16(engine, seeded):
    dossier = dossier_for(engine)
    r1 = next(e for e in dossier.entries if e.google_id == "g-r1")
    notice = google_notice(r1, seeded.settings, today=TODAY)
    assert "article 16" in notice
    assert "URL : https://maps.google.com/?review=r1" in notice  # (b) exact location
    assert "« facture des soins jamais faits »" in notice and "art. 29 al. 1" in notice  # (a)
    assert "« charlatan »" in notice and "art. 33 al. 2" in notice
    assert "Nom : Claire Dupont" in notice and "contact@cabinet-dupont.example" in notice  # (c)
    assert "de bonne foi" in notice and "exactes et complètes" in notice  # (d)
    # medical secrecy: never confirms or denies the author was seen
    assert "patient" not in notice.lower()
    assert "ne confirme ni n'infirme" in notice
    assert notice == r1.notice


def test_notice_says_what_to_complete_when_settings_or_url_are_missing(engine, seeded):
    dossier = dossier_for(engine, settings=PracticeSettings())
    r1 = next(e for e in dossier.entries if e.google_id == "g-r1")
    r1.review_url = None
    r1.location_name = ""
    notice = google_notice(r1, PracticeSettings())
    assert "URL : [à compléter" in notice
    assert "Fiche concernée : [à compléter : nom de la fiche Google]" in notice
    assert "Fiche concernée : Cabinet Martin" in google_notice(r1, PracticeSettings(practice_name="Cabinet Martin"))
    assert "Nom : [à compléter : nom du notifiant]" in notice
    assert "Adresse électronique : [à compléter : e-mail du notifiant]" in notice
    assert PracticeSettings().missing_for_notice() == ["nom du notifiant", "e-mail du notifiant"]
    # a review marked by staff without passages: the reason must be written by a person
    r3 = dossier.entries[2]
    assert "[à compléter : citez le passage exact" in r3.notice


def test_empty_database_gives_an_empty_dossier(engine):
    dossier = dossier_for(engine)
    assert dossier.entries == []
    assert json.loads(dossier_json(dossier))["count"] == 0


def test_settings_round_trip(engine):
    with Session(engine) as session:
        assert PracticeSettings.load(session) == PracticeSettings()
        PracticeSettings(profile="qc-medecin", practice_name=" Clinique ", notifier_email="a@b.example").save(session)
        set_setting(session, "other", {"x": 1})
        session.commit()
    with Session(engine) as session:
        loaded = PracticeSettings.load(session)
        assert loaded.profile == "qc-medecin"
        assert loaded.practice_name == "Clinique"
        assert loaded.contact == loaded.contact_channel == ""
        assert get_setting(session, "other") == {"x": 1}
        assert get_setting(session, "absent", "défaut") == "défaut"
        set_setting(session, "profile", "xx-inconnu")
        assert PracticeSettings.load(session).profile == "fr-dentiste"
    with pytest.raises(ValueError, match="Profil inconnu"):
        PracticeSettings(profile="xx-inconnu")


def test_entry_for_one_review_whatever_its_label(engine, seeded):
    from responders.export import entry_for

    with Session(engine) as session:
        praise = entry_for(session, seeded.ids["r4"], profile="fr-dentiste", today=TODAY)
        missing = entry_for(session, 9999, profile="fr-dentiste", today=TODAY)
        review = session.get(Review, seeded.ids["r1"])
        review.flag_url = "https://www.google.com/local/review/rap/report?postId=r1"
        session.add(review)
        session.commit()
        r1 = entry_for(session, seeded.ids["r1"], profile="fr-dentiste", today=TODAY)
    assert praise is not None and praise.label == "praise" and praise.rank == 1
    assert missing is None
    assert "Lien de signalement de l'avis : https://www.google.com/local/review/rap/report?postId=r1" in r1.notice


def test_passage_of_an_older_version_is_flagged_for_checking(engine, seeded):
    from datetime import UTC, datetime

    with Session(engine) as session:
        review = session.get(Review, seeded.ids["r1"])
        add_revision(session, review, "Un vrai charlatan. Le docteur facture des soins jamais faits.",
                     captured_at=datetime(2026, 11, 1, tzinfo=UTC))
        session.commit()
    r1 = next(e for e in dossier_for(engine).entries if e.google_id == "g-r1")
    assert r1.text_original.startswith("Un vrai charlatan")
    assert r1.classification["revision_number"] == 1
    # offsets of version 1 do not point at the same words in version 2: never highlighted blindly
    assert [p.located_in for p in r1.passages] == [None, None]
    assert r1.deadline.edited


def test_dossier_bytes_match_the_written_files(engine, seeded, tmp_path):
    from io import BytesIO

    from openpyxl import load_workbook

    from responders.export import FORMATS, dossier_bytes, write_dossier

    dossier = dossier_for(engine)
    for fmt in FORMATS:
        data = dossier_bytes(dossier, fmt)
        write_dossier(dossier, fmt, str(tmp_path / f"d.{fmt}"))
        if fmt in ("csv", "json"):
            assert data == (tmp_path / f"d.{fmt}").read_bytes()
    assert dossier_bytes(dossier, "pdf").startswith(b"%PDF")
    assert load_workbook(BytesIO(dossier_bytes(dossier, "xlsx"))).sheetnames[0] == "Synthèse"
    with pytest.raises(ValueError, match="Format inconnu"):
        dossier_bytes(dossier, "docx")


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Le Dr Benali facture des soins jamais faits."], "le praticien (personne physique)"),
        (["La secrétaire est une sorcière."], "un membre de l'équipe (personne physique)"),
        (["Bande d'escrocs à l'accueil."], "le cabinet (l'établissement ou la personne morale)"),
        (["The dentist is a butcher."], "le praticien (personne physique)"),
        (["ce medecin est un escroc"], "le praticien (personne physique)"),  # accents left out
        (["La SECRETAIRE ment."], "un membre de l'équipe (personne physique)"),
        (["Ce docteur et sa clinique sont nuls."],
         "le praticien (personne physique) ; le cabinet (l'établissement ou la personne morale)"),
        # the passage decides before the rest of the review
        (["Arnaqueurs.", "Le cabinet du docteur X."],
         "le praticien (personne physique) ; le cabinet (l'établissement ou la personne morale)"),
        (["charlatan", "La dentiste est gentille"], "le praticien (personne physique)"),
        # near misses: words containing a cue are not the cue
        (["Documentaire centré sur rien.", "Gang d'épais."], UNKNOWN_TARGET),
    ],
)
def test_guess_target(texts, expected):
    assert guess_target(texts) == expected
