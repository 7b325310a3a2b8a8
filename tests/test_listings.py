"""One listing across sources: aliases, --profile for new listings, merging two listings."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlmodel import Session, select

from responders.errors import UnusableInput
from responders.importers import demo, import_paths
from responders.listings import cid_key, merge_locations, record_aliases
from responders.store.models import AuditEvent, Location, LocationAlias, Review

PLATEAU_PLACE_ID = "ChIJx9Zp3mUayUwRkP4c2V1oQbA"
PLATEAU_FEATURE = "0x4cc91a65de9ad6c7:0xb0416f55d9c3fe90"
NOW = "2026-11-25T12:00:00+00:00"
DEFAMATION = (
    "Ce médecin a falsifié mon dossier médical et il facture des consultations jamais faites. "
    "Il exerce sans diplôme valide."
)
HEADER = [
    "name", "place_id", "google_id", "review_id", "author_title", "review_text", "review_rating",
    "review_timestamp", "review_link",
]


def outscraper_csv(path: Path, rows: list[dict[str, object]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def new_plateau_review(tmp_path: Path, **overrides: object) -> Path:
    row: dict[str, object] = {
        "name": "Clinique médicale du Plateau", "place_id": PLATEAU_PLACE_ID,
        "google_id": PLATEAU_FEATURE, "review_id": "AbFvOqNEWdefamationPlateau0000000000000001",
        "author_title": "Nouveau Client", "review_text": DEFAMATION, "review_rating": 1,
        "review_timestamp": 1795435200,  # 2026-11-23T08:00:00Z
        "review_link": "",
    }
    row.update(overrides)
    return outscraper_csv(tmp_path / "nouvel_avis.csv", [row])


@pytest.fixture
def demo_engine(engine, monkeypatch):
    monkeypatch.setenv("RESPONDERS_NOW", NOW)
    demo.load_demo(engine)
    return engine


def location_of(engine, external_id: str) -> Location:
    with Session(engine) as session:
        review = session.exec(select(Review).where(Review.external_id == external_id)).one()
        return session.get(Location, review.location_id)


def test_the_demo_teaches_each_listing_its_other_names(demo_engine):
    with Session(demo_engine) as session:
        locations = {loc.key: loc for loc in session.exec(select(Location)).all()}
        aliases = {a.alias: a.location_id for a in session.exec(select(LocationAlias)).all()}
    # the CSV's reviews are the API's reviews: no second listing, and its ids are remembered
    assert set(locations) == {"locations/5678", "locations/5679"}
    plateau = locations["locations/5679"]
    assert plateau.profile == "qc-medecin" and plateau.name == "Clinique médicale du Plateau"
    assert aliases[f"place:{PLATEAU_PLACE_ID}"] == plateau.id
    assert aliases[f"google:{PLATEAU_FEATURE}"] == plateau.id
    assert aliases[f"cid:{int('b0416f55d9c3fe90', 16)}"] == plateau.id


def test_a_new_review_for_the_montreal_clinic_gets_quebec_law(demo_engine, tmp_path):
    """The issue's scenario: demo, then one defamatory review in an Outscraper CSV carrying the
    clinic's place_id. It lands in the Québec listing, and the JSON dossier gives it Québec law,
    its deadline counting from publication."""
    from responders.export import build_dossier, write_dossier

    summary = import_paths(demo_engine, [new_plateau_review(tmp_path)])
    assert summary.new == 1 and not summary.errors
    with Session(demo_engine) as session:
        assert len(session.exec(select(Location)).all()) == 2
    location = location_of(demo_engine, "AbFvOqNEWdefamationPlateau0000000000000001")
    assert location.key == "locations/5679" and location.profile == "qc-medecin"

    out = tmp_path / "dossier.json"
    with Session(demo_engine) as session:
        write_dossier(build_dossier(session, profile="fr-dentiste"), "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    entries = [e for e in data["entries"] if e["google_id"] == "AbFvOqNEWdefamationPlateau0000000000000001"]
    assert len(entries) == 1
    entry = entries[0]
    assert entry["profile"] == "qc-medecin"
    assert entry["deadline"]["jurisdiction"] == "QC"
    assert entry["deadline"]["start"] == "2026-11-23" and entry["deadline"]["due"] == "2027-11-23"
    assert any("C.c.Q." in a for p in entry["passages"] for a in p["articles"])
    # every Québec entry counts from its publication, none was given a date of knowledge
    for entry in data["entries"]:
        if entry["deadline"]["jurisdiction"] == "QC":
            published = entry["created_at"]
            from datetime import datetime
            from zoneinfo import ZoneInfo

            local = datetime.fromisoformat(published.replace("Z", "+00:00")).astimezone(ZoneInfo("America/Montreal"))
            assert entry["deadline"]["start"] == local.date().isoformat()


@pytest.mark.parametrize(
    "overrides",
    [
        {"place_id": "", "google_id": PLATEAU_FEATURE},  # feature id only
        {"place_id": "", "google_id": "", "review_link": f"https://maps.google.com/?cid={int('b0416f55d9c3fe90', 16)}"},
    ],
)
def test_other_ids_of_the_listing_lead_to_it_too(demo_engine, tmp_path, overrides):
    import_paths(demo_engine, [new_plateau_review(tmp_path, **overrides)], location="Clinique médicale du Plateau")
    assert location_of(demo_engine, "AbFvOqNEWdefamationPlateau0000000000000001").key == "locations/5679"


def test_an_unknown_listing_in_a_two_jurisdiction_practice_needs_its_profile(demo_engine, tmp_path):
    path = new_plateau_review(tmp_path, place_id="ChIJunknownListing000000000", google_id="", name="Clinique de Laval")
    with pytest.raises(UnusableInput, match="deux juridictions") as caught:
        import_paths(demo_engine, [path])
    assert "--profile" in str(caught.value) and "Clinique de Laval" in str(caught.value)
    with Session(demo_engine) as session:
        assert len(session.exec(select(Location)).all()) == 2  # nothing written
    import_paths(demo_engine, [path], profile="qc-dentiste")
    location = location_of(demo_engine, "AbFvOqNEWdefamationPlateau0000000000000001")
    assert (location.key, location.profile) == ("place:ChIJunknownListing000000000", "qc-dentiste")


def test_profile_only_sets_listings_the_import_creates(demo_engine, tmp_path):
    import_paths(demo_engine, [new_plateau_review(tmp_path)], profile="fr-medecin")
    assert location_of(demo_engine, "AbFvOqNEWdefamationPlateau0000000000000001").profile == "qc-medecin"


def test_one_jurisdiction_practice_needs_no_profile(engine, tmp_path):
    import_paths(engine, [new_plateau_review(tmp_path)])
    import_paths(engine, [new_plateau_review(tmp_path, place_id="ChIJother", google_id="", name="Autre cabinet", review_id="AbFvOqOther00000000000000000000000000001",
                                                 author_title="Autre Personne", review_timestamp=1795000000)])
    with Session(engine) as session:
        assert len(session.exec(select(Location)).all()) == 2


def test_merging_two_listings_that_are_one(demo_engine, tmp_path):
    # a listing the product could not link: its own place id, a name only
    path = new_plateau_review(tmp_path, place_id="ChIJsecondId", google_id="")
    import_paths(demo_engine, [path], profile="qc-medecin")
    with Session(demo_engine) as session:
        plateau = session.exec(select(Location).where(Location.key == "locations/5679")).one()
        stray = session.exec(select(Location).where(Location.key == "place:ChIJsecondId")).one()
        before = len(session.exec(select(Review).where(Review.location_id == plateau.id)).all())
        moved = merge_locations(session, plateau.id, stray.id, user="Claire")
        session.commit()
        assert moved == 1
        assert session.get(Location, stray.id) is None
        assert len(session.exec(select(Review).where(Review.location_id == plateau.id)).all()) == before + 1
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "settings")).all()[-1]
        assert event.user == "Claire" and event.detail["merged"] == "place:ChIJsecondId"
    # the merged listing's key now leads to the kept one
    again = new_plateau_review(tmp_path, place_id="ChIJsecondId", google_id="", review_id="AbFvOqAnother000000000000000000000000001",
                               author_title="Autre Personne", review_timestamp=1795000000)
    import_paths(demo_engine, [again])
    assert location_of(demo_engine, "AbFvOqAnother000000000000000000000000001").key == "locations/5679"


def test_listings_of_two_jurisdictions_are_not_merged(demo_engine):
    with Session(demo_engine) as session:
        lyon = session.exec(select(Location).where(Location.key == "locations/5678")).one()
        plateau = session.exec(select(Location).where(Location.key == "locations/5679")).one()
        with pytest.raises(ValueError, match="deux juridictions"):
            merge_locations(session, lyon.id, plateau.id, user="Claire")


def test_aliases_of_a_record():
    raw = {
        "place_id": "ChIJabc", "google_id": "0x47f4eb32eaaaaaab:0xa14e3795d1aad5f2",
        "full_address": "12 rue des Tilleuls, 69003 Lyon", "name": "Cabinet des Tilleuls",
    }
    keys = record_aliases("place:ChIJabc", raw)
    assert keys[0] == "place:ChIJabc"
    assert "google:0x47f4eb32eaaaaaab:0xa14e3795d1aad5f2" in keys
    assert f"cid:{int('a14e3795d1aad5f2', 16)}" in keys
    assert "adresse:cabinet des tilleuls|12 rue des tilleuls, 69003 lyon" in keys
    assert cid_key("https://www.google.com/maps?cid=11623000000000000000") == "cid:11623000000000000000"
    assert cid_key("0x0:0x0") is None


def test_upgrade_drops_import_day_knowledge_dates_and_keeps_the_ones_staff_set(db_url):
    from sqlalchemy import text as sql

    from responders.store.engine import make_engine, upgrade

    eng = make_engine(db_url, migrate=False)
    upgrade(eng, "0002")
    with eng.begin() as conn:
        conn.execute(sql("INSERT INTO locations (id, key, name) VALUES (1, 'k', 'Cabinet')"))
        for rid in (1, 2):
            conn.execute(sql(
                "INSERT INTO reviews (id, location_id, fingerprint, source, is_anonymous, revision_count,"
                f" status, for_lawyer, knowledge_date) VALUES ({rid}, 1, 'f{rid}', 'gbp', false, 1, 'nouveau',"
                " false, '2026-11-20 08:00:00.000000')"))
        conn.execute(sql(
            "INSERT INTO audit_events (id, at, \"user\", action, review_id, detail)"
            " VALUES (1, '2026-11-21 08:00:00.000000', 'Claire', 'knowledge_date', 2, '{}')"))
    upgrade(eng)
    with eng.connect() as conn:
        dates = dict(conn.execute(sql("SELECT id, knowledge_date FROM reviews ORDER BY id")).all())
        assert conn.execute(sql("SELECT count(*) FROM location_aliases")).scalar_one() == 0
    assert dates[1] is None and dates[2] is not None
    eng.dispose()


def test_import_cli_takes_a_profile_and_refuses_to_guess(demo_engine, db_url, tmp_path):
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    path = new_plateau_review(tmp_path, place_id="ChIJunknownListing000000000", google_id="", name="Clinique de Laval")

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "RESPONDERS_NOW": NOW}
        return subprocess.run([sys.executable, "-m", "responders", "import", str(path), "--db", db_url,
                               "--no-classify", *args], capture_output=True, text=True, cwd=root, env=env,
                              timeout=120)

    refused = cli()
    assert refused.returncode == 2
    assert "deux juridictions" in refused.stderr and "--profile" in refused.stderr
    done = cli("--profile", "qc-dentiste")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1])["new"] == 1
    assert location_of(demo_engine, "AbFvOqNEWdefamationPlateau0000000000000001").profile == "qc-dentiste"


def test_a_file_known_only_by_the_listing_name_lands_in_that_listing(demo_engine, tmp_path):
    path = tmp_path / "avis.csv"
    path.write_text("Date;Avis;Note\n23/11/2026;Il exerce sans diplôme, c'est un imposteur.;1\n", encoding="utf-8")
    summary = import_paths(demo_engine, [path], location="Clinique médicale du Plateau", fmt="csv",
                           mapping="date=Date,text=Avis,rating=Note")
    assert summary.new == 1
    with Session(demo_engine) as session:
        review = session.exec(select(Review).order_by(Review.id.desc())).first()
        location = session.get(Location, review.location_id)
        assert len(session.exec(select(Location)).all()) == 2
    assert (location.key, location.profile) == ("locations/5679", "qc-medecin")


def test_listings_holding_the_same_review_ids_are_not_merged(demo_engine):
    with Session(demo_engine) as session:
        plateau = session.exec(select(Location).where(Location.key == "locations/5679")).one()
        twin = Location(key="place:ChIJtwin", name="Doublon", profile="qc-medecin")
        session.add(twin)
        session.flush()
        existing = session.exec(select(Review).where(Review.location_id == plateau.id)).first()
        session.add(Review(location_id=twin.id, external_id=existing.external_id, fingerprint="x", source="csv"))
        session.flush()
        with pytest.raises(ValueError, match="dans les deux établissements"):
            merge_locations(session, plateau.id, twin.id, user="Claire")


def test_very_long_names_are_not_kept_as_aliases():
    keys = record_aliases("place:abc", {"name": "x" * 300, "full_address": "y" * 300})
    assert keys == ["place:abc"]


def test_one_look_alike_review_does_not_move_a_whole_file(demo_engine, tmp_path):
    """A file of a listing the product does not know, sharing a single review id with the
    Montréal clinic (a copy-paste, a scraper's mistake), is not taken for the clinic."""
    from responders.importers.demo import DEMO_DIR

    known_id = json.loads((DEMO_DIR / "gbp_plateau.json").read_text(encoding="utf-8"))["reviews"][0]["reviewId"]
    rows = [{"name": "Clinique de Laval", "place_id": "ChIJlaval", "google_id": "", "review_id": known_id,
             "author_title": "Aisha Diallo", "review_text": "Bien.", "review_rating": 5,
             "review_timestamp": 1795000000, "review_link": ""}]
    rows += [{"name": "Clinique de Laval", "place_id": "ChIJlaval", "google_id": "",
              "review_id": f"AbFvOqLaval{i:030d}", "author_title": f"Personne {i}", "review_text": "Correct.",
              "review_rating": 4, "review_timestamp": 1794000000 + i * 3600, "review_link": ""} for i in range(5)]
    import_paths(demo_engine, [outscraper_csv(tmp_path / "laval.csv", rows)], profile="qc-medecin")
    assert location_of(demo_engine, f"AbFvOqLaval{0:030d}").key == "place:ChIJlaval"
