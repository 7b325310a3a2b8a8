"""The store: matching, revisions, idempotence, atomicity, on a real database."""

from __future__ import annotations

import copy
import json
import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from responders.importers import import_paths, ingest
from tests.importers.helpers import FIXTURES, count, gbp_review, snapshot, write_gbp_pages

ALL_SHAPES = [
    FIXTURES / "gbp_page.json",
    FIXTURES / "gbp_pages.json",
    FIXTURES / "takeout",
    FIXTURES / "outscraper.csv",
    FIXTURES / "outscraper.json",
    FIXTURES / "apify.json",
    FIXTURES / "apify.csv",
    FIXTURES / "serpapi.json",
    FIXTURES / "places.json",
    FIXTURES / "generic_fr_excel.csv",
]


def rows(engine, sql: str, **params):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def write_page(path: Path, reviews: list[dict]) -> Path:
    path.write_text(json.dumps({"reviews": reviews}, ensure_ascii=False), encoding="utf-8")
    return path


def test_summary_has_exactly_the_contract_keys(engine):
    summary = import_paths(engine, [FIXTURES / "gbp_page.json"], classify=False).to_dict()
    assert summary == {
        "files": 1, "read": 5, "new": 4, "updated": 0, "unchanged": 0, "rejected": 1, "older": 0,
        "errors": [{"file": str(FIXTURES / "gbp_page.json"), "record": 5, "reason": "note illisible : « SEVEN » (attendu : 1 à 5)"}],
    }
    assert count(engine, "reviews") == 4 and count(engine, "review_revisions") == 4
    current = rows(engine, "SELECT count(*) FROM reviews r JOIN review_revisions v ON v.id = r.current_revision_id AND v.review_id = r.id")
    assert current == [(4,)]


def test_every_shape_then_reimport_changes_nothing(engine):
    first = import_paths(engine, ALL_SHAPES, location="Cabinet Faure", classify=False).to_dict()
    assert first["files"] == len(ALL_SHAPES)
    assert first["read"] == first["new"] + first["updated"] + first["unchanged"] + first["older"] + first["rejected"]
    before = snapshot(engine)
    again = import_paths(engine, ALL_SHAPES, location="Cabinet Faure", classify=False).to_dict()
    assert again["new"] == 0 and again["updated"] == 0
    assert again["unchanged"] == first["read"] - first["rejected"]
    assert again["rejected"] == first["rejected"]
    assert snapshot(engine) == before  # not even last_seen_at or an ImportRun row


def test_same_review_from_four_sources_is_one_review(engine):
    for source in ("outscraper.csv", "apify.json", "serpapi.json", "places.json"):
        import_paths(engine, [FIXTURES / source], classify=False)
    lucie = rows(engine, "SELECT id, source, revision_count, flag_url FROM reviews WHERE author_display_name = 'Lucie Garnier'")
    assert len(lucie) == 1
    review_id, source, revisions, flag_url = lucie[0]
    assert (source, revisions) == ("outscraper", 1)
    assert flag_url.startswith("https://www.google.com/local/review/rap/report")  # from Places, no revision
    # Places carries no owner reply: the reply Outscraper saw is still the current one
    reply = rows(engine, "SELECT v.owner_reply_text FROM reviews r JOIN review_revisions v ON v.id = r.current_revision_id WHERE r.id = :id", id=review_id)
    assert reply == [("Merci Lucie !",)]
    kevin = rows(engine, "SELECT count(*) FROM reviews WHERE author_display_name = 'Kevin Durand'")
    assert kevin == [(1,)]  # SerpApi then Places, matched across listing ids


def test_api_and_scraper_agree_across_listing_ids(engine, tmp_path):
    api = copy.deepcopy(gbp_review(1))
    api.update(
        name="accounts/9/locations/31/reviews/APIID", reviewId="APIID",
        reviewer={"displayName": "Lucie Garnier"}, starRating="FIVE",
        comment='Très bon médecin, "vraiment" à l\'écoute.\nJe recommande.',
        createTime="2025-03-02T15:01:23.045123456Z", updateTime="2025-03-02T15:01:23.045123456Z",
        reviewReply={"comment": "Merci Lucie !", "updateTime": "2025-03-03T08:00:00Z"},
    )
    import_paths(engine, [write_page(tmp_path / "api.json", [api])], classify=False)
    summary = import_paths(engine, [FIXTURES / "outscraper.csv"], classify=False).to_dict()
    assert summary["unchanged"] == 1 and summary["new"] == 2
    assert rows(engine, "SELECT count(*) FROM reviews WHERE author_display_name = 'Lucie Garnier'") == [(1,)]


def test_changed_text_and_reply_make_new_revisions_and_keep_the_old(engine, tmp_path):
    reviews = [gbp_review(i) for i in range(5)]
    path = write_page(tmp_path / "page.json", reviews)
    import_paths(engine, [path], classify=False)
    old = {r[0]: r for r in rows(engine, "SELECT * FROM review_revisions")}
    seen = dict(rows(engine, "SELECT external_id, first_seen_at FROM reviews"))
    knowledge = dict(rows(engine, "SELECT external_id, knowledge_date FROM reviews"))
    time.sleep(0.01)

    edited = copy.deepcopy(reviews)
    edited[1]["comment"] = "Texte modifié par l'auteur : médecin incompétent."
    edited[2]["reviewReply"] = {"comment": "Nouvelle réponse du cabinet.", "updateTime": "2025-06-01T00:00:00Z"}
    write_page(path, edited)
    summary = import_paths(engine, [path], classify=False).to_dict()
    assert (summary["new"], summary["updated"], summary["unchanged"]) == (0, 2, 3)

    for rid, row in old.items():  # revisions are never updated
        assert rows(engine, "SELECT * FROM review_revisions WHERE id = :id", id=rid) == [row]
    history = rows(
        engine,
        "SELECT r.external_id, v.number, v.text_original, v.owner_reply_text, r.current_revision_id = v.id, r.revision_count "
        "FROM reviews r JOIN review_revisions v ON v.review_id = r.id WHERE r.external_id IN ('G0000001', 'G0000002') "
        "ORDER BY r.external_id, v.number",
    )
    assert [(h[0], h[1], bool(h[4]), h[5]) for h in history] == [
        ("G0000001", 1, False, 2), ("G0000001", 2, True, 2), ("G0000002", 1, False, 2), ("G0000002", 2, True, 2),
    ]
    assert history[1][2] == "Texte modifié par l'auteur : médecin incompétent."
    assert history[0][2] == reviews[1]["comment"]
    assert history[3][3] == "Nouvelle réponse du cabinet." and history[2][3] is None
    changed = dict(rows(engine, "SELECT external_id, changed_at FROM reviews"))
    assert changed["G0000001"] > seen["G0000001"] and changed["G0000000"] == seen["G0000000"]
    assert dict(rows(engine, "SELECT external_id, first_seen_at FROM reviews")) == seen
    assert dict(rows(engine, "SELECT external_id, knowledge_date FROM reviews")) == knowledge
    assert count(engine, "import_runs") == 2

    write_page(path, reviews)  # the first export again: states already stored, nothing written
    assert import_paths(engine, [path], classify=False).to_dict()["unchanged"] == 5
    assert rows(engine, "SELECT revision_count FROM reviews WHERE external_id = 'G0000001'") == [(2,)]

    reverted = copy.deepcopy(reviews)
    for review in reverted:
        review["updateTime"] = "2025-07-01T00:00:00Z"
    write_page(path, reverted)  # back to the first text, later: a third state, not an overwrite
    summary = import_paths(engine, [path], classify=False).to_dict()
    assert summary["updated"] == 2
    assert rows(engine, "SELECT revision_count FROM reviews WHERE external_id = 'G0000001'") == [(3,)]


def test_last_seen_moves_only_when_the_file_brings_something(engine, tmp_path):
    path = write_page(tmp_path / "page.json", [gbp_review(i) for i in range(3)])
    import_paths(engine, [path], classify=False)
    first = dict(rows(engine, "SELECT external_id, last_seen_at FROM reviews"))
    import_paths(engine, [path], classify=False)
    assert dict(rows(engine, "SELECT external_id, last_seen_at FROM reviews")) == first
    write_page(path, [gbp_review(i) for i in range(4)])
    summary = import_paths(engine, [path], classify=False).to_dict()
    assert (summary["new"], summary["unchanged"]) == (1, 3)
    later = dict(rows(engine, "SELECT external_id, last_seen_at FROM reviews"))
    assert all(later[k] > first[k] for k in first)


def test_duplicates_inside_one_file(engine, tmp_path):
    summary = import_paths(engine, [FIXTURES / "gbp_pages.json"], classify=False).to_dict()
    assert (summary["read"], summary["new"], summary["unchanged"]) == (4, 3, 1)
    assert count(engine, "reviews") == 3 and count(engine, "review_revisions") == 3

    first, second = gbp_review(7), gbp_review(7)
    second["comment"] = "Version corrigée."
    summary = import_paths(engine, [write_page(tmp_path / "dup.json", [first, second])], classify=False).to_dict()
    assert (summary["new"], summary["updated"]) == (1, 1)
    assert rows(engine, "SELECT revision_count FROM reviews WHERE external_id = 'G0000007'") == [(2,)]
    current = rows(engine, "SELECT v.text_original FROM reviews r JOIN review_revisions v ON v.id = r.current_revision_id WHERE r.external_id = 'G0000007'")
    assert current == [("Version corrigée.",)]


def test_takeout_folder_then_zip_is_the_same_import(engine, tmp_path):
    import_paths(engine, [FIXTURES / "takeout"], classify=False)
    archive = tmp_path / "takeout.zip"
    shutil.make_archive(str(archive.with_suffix("")), "zip", FIXTURES / "takeout")
    before = snapshot(engine)
    summary = import_paths(engine, [archive], classify=False).to_dict()
    assert (summary["new"], summary["unchanged"]) == (0, 4)
    assert snapshot(engine) == before
    locations = rows(engine, "SELECT key, name FROM locations ORDER BY key")
    assert locations == [("locations/4412", "Cabinet dentaire du Parc"), ("locations/9001", "Centre médical des Lilas")]
    anonymous = rows(engine, "SELECT is_anonymous, author_display_name FROM reviews WHERE external_id = 'T2'")
    assert [(bool(a), n) for a, n in anonymous] == [(True, None)]


def test_location_name_from_the_command_line(engine):
    import_paths(engine, [FIXTURES / "generic_fr_excel.csv"], location="Cabinet du Dr Faure", classify=False)
    assert rows(engine, "SELECT key, name FROM locations") == [("nom:cabinet du dr faure", "Cabinet du Dr Faure")]
    again = import_paths(engine, [FIXTURES / "generic_fr_excel.csv"], location="Cabinet du Dr Faure", classify=False)
    assert again.unchanged == 3 and again.new == 0  # no ids in the file: matched by fingerprint


def test_failure_mid_file_leaves_the_database_exactly_as_before(engine, tmp_path, monkeypatch):
    import_paths(engine, [FIXTURES / "takeout"], classify=False)
    before = snapshot(engine)
    path = write_gbp_pages(tmp_path / "big.json", 120)
    real = ingest._plan_record
    calls = {"n": 0}

    def failing(record):
        calls["n"] += 1
        if calls["n"] == 50:
            raise RuntimeError("panne simulée au 50e avis")
        return real(record)

    monkeypatch.setattr(ingest, "_plan_record", failing)
    with pytest.raises(RuntimeError, match="50e avis"):
        import_paths(engine, [path], classify=False)
    assert snapshot(engine) == before


def test_failure_while_writing_rolls_back_the_file(engine, tmp_path, monkeypatch):
    before = snapshot(engine)
    real = ingest.bulk_insert

    def failing(conn, table, rows_):
        real(conn, table, rows_)
        if table.name == "review_revisions":
            raise OSError("disque plein")

    monkeypatch.setattr(ingest, "bulk_insert", failing)
    with pytest.raises(OSError):
        import_paths(engine, [write_gbp_pages(tmp_path / "p.json", 80)], classify=False)
    assert snapshot(engine) == before


def test_classification_runs_in_the_same_transaction(engine, monkeypatch):
    seen = []

    def classify_pending(session):
        seen.append(session.connection().execute(text("SELECT count(*) FROM reviews")).scalar_one())
        return seen[-1]

    monkeypatch.setattr(ingest, "classify_pending", classify_pending)
    summary = import_paths(engine, [FIXTURES / "gbp_pages.json"], classify=True)
    assert seen == [3] and summary.results[0].classified == 3
    import_paths(engine, [FIXTURES / "gbp_pages.json"], classify=False)
    assert seen == [3]

    def broken(session):
        raise RuntimeError("classement impossible")

    monkeypatch.setattr(ingest, "classify_pending", broken)
    before = snapshot(engine)
    with pytest.raises(RuntimeError):
        import_paths(engine, [FIXTURES / "gbp_page.json"], classify=True)
    assert snapshot(engine) == before


def test_progress_is_reported(engine):
    calls = []
    import_paths(engine, [FIXTURES / "gbp_pages.json", FIXTURES / "serpapi.json"], classify=False, progress=lambda d, t, m: calls.append((d, t, m)))
    assert calls[0][2].startswith("Lecture de")
    assert any(m.startswith("Enregistrement de") for _, _, m in calls)
    assert calls[-1] == (6, 6, "Import terminé")


def test_twenty_megabyte_file(engine, tmp_path):
    path = write_gbp_pages(tmp_path / "big.json", 30_000, text_len=60)
    assert path.stat().st_size > 20_000_000
    started = time.perf_counter()
    summary = import_paths(engine, [path], classify=False).to_dict()
    elapsed = time.perf_counter() - started
    assert (summary["new"], summary["rejected"]) == (30_000, 0)
    assert count(engine, "review_revisions") == 30_000
    assert elapsed < 120, elapsed
    sample = rows(engine, "SELECT created_at FROM reviews WHERE external_id = 'G0012345'")
    assert sample and sample[0][0] is not None


DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"


@pytest.mark.skipif(not (DEMO / "outscraper_excel_fr.csv").exists(), reason="demo data not present")
@pytest.mark.parametrize("csv_first", [False, True], ids=["api-then-csv", "csv-then-api"])
def test_demo_api_pages_and_their_excel_csv_are_the_same_reviews(engine, csv_first):
    pages = sorted(DEMO.glob("*.json"))
    expected = sum(len(json.loads(p.read_text(encoding="utf-8"))["reviews"]) for p in pages)
    order = [[DEMO / "outscraper_excel_fr.csv"], pages]
    if not csv_first:
        order.reverse()
    first = import_paths(engine, order[0], classify=False)
    second = import_paths(engine, order[1], classify=False)
    assert first.rejected == 0 and second.rejected == 0
    assert count(engine, "reviews") == expected
    assert second.new == 0
    names = [n for (n,) in rows(engine, "SELECT name FROM locations")]
    assert names and all(names)  # the CSV names the listings the API only numbers


def test_reimport_with_the_real_classifier_writes_nothing(engine, tmp_path):
    pytest.importorskip("responders.classify.store")
    path = write_page(tmp_path / "page.json", [gbp_review(i) for i in range(6)])
    summary = import_paths(engine, [path])
    assert summary.results[0].classified == 6
    assert count(engine, "classifications") == 6
    before = snapshot(engine)
    import_paths(engine, [path])
    assert snapshot(engine) == before
    edited = [gbp_review(i) for i in range(6)]
    edited[0]["comment"] = "Texte modifié."
    write_page(path, edited)
    summary = import_paths(engine, [path])
    assert summary.updated == 1 and summary.results[0].classified == 1
    latest = rows(engine, "SELECT count(*) FROM classifications c JOIN reviews r ON r.current_revision_id = c.revision_id")
    assert latest == [(6,)]


def test_look_alike_rows_without_identity_stay_distinct(engine, tmp_path):
    path = tmp_path / "avis.csv"
    path.write_text(
        "Avis;Note;Auteur;Date\n"
        "Super !;5;;\n"
        "Super !;5;;\n"
        "Très bien;4;Ana;02/03/2025 10:00\n"
        "Très bien;4;Ana;02/03/2025 10:00\n",
        encoding="utf-8",
    )
    first = import_paths(engine, [path], location="Cabinet", classify=False)
    assert (first.new, first.unchanged) == (3, 1)  # two people said "Super !"; Ana is listed twice
    again = import_paths(engine, [path], location="Cabinet", classify=False)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4)
    assert count(engine, "reviews") == 3


def test_a_new_revision_updates_the_review_columns_but_never_erases(engine, tmp_path):
    review = gbp_review(3)
    path = write_page(tmp_path / "page.json", [review])
    import_paths(engine, [path], classify=False)
    changed = copy.deepcopy(review)
    changed["starRating"] = "ONE"
    changed["updateTime"] = "2026-01-01T00:00:00Z"
    del changed["reviewer"]  # this capture lost the author's name: the stored one stays
    write_page(path, [changed])
    summary = import_paths(engine, [path], classify=False)
    assert summary.updated == 1
    stored = rows(engine, "SELECT rating, author_display_name, revision_count FROM reviews")
    assert stored == [(1, "Patient numéro 3", 2)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({"reviews": [], "totalReviewCount": 0}, {"read": 0, "new": 0, "rejected": 0}),
        ({"reviews": ["texte seul", gbp_review(1)]}, {"read": 2, "new": 1, "rejected": 1}),
        ({"reviews": [{**gbp_review(2), "createTime": "hier soir"}]}, {"read": 1, "new": 0, "rejected": 1}),
    ],
)
def test_odd_but_usable_pages(engine, tmp_path, content, expected):
    path = tmp_path / "page.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    summary = import_paths(engine, [path], classify=False).to_dict()
    assert {k: summary[k] for k in expected} == expected
    for error in summary["errors"]:
        assert error["file"] == str(path) and error["record"] >= 1 and error["reason"]
