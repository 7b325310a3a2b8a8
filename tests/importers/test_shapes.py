"""Each source shape, read from realistic files, lands on the same normalized record."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from responders.importers import read_paths
from responders.importers.detect import detect_json, detect_table, load_path
from responders.importers.record import NormalizedReview
from tests.importers.helpers import FIXTURES


def records(path: Path | str, **kwargs) -> tuple[list[NormalizedReview], list[dict]]:
    units = load_path(path, **kwargs)
    assert len(units) == 1
    return [r for _, r in units[0].records], units[0].errors


def by_author(recs: list[NormalizedReview]) -> dict[str | None, NormalizedReview]:
    return {r.author_display_name: r for r in recs}


def test_gbp_page():
    recs, errors = records(FIXTURES / "gbp_page.json")
    assert [r.external_id for r in recs] == ["AbFvOqk1", "AbFvOqk2", "AbFvOqk3", "AbFvOqk4"]
    claire, john, anonymous, unspecified = recs
    assert claire.source == "gbp"
    assert claire.location_key == "locations/4412345678901234567"
    assert claire.rating == 5
    assert claire.created_at == datetime(2025, 3, 2, 15, 1, 23, 45123, tzinfo=UTC)  # nanoseconds
    assert claire.owner_reply_text.startswith("Merci pour votre message")
    assert claire.owner_reply_at == datetime(2025, 3, 3, 8, 10, tzinfo=UTC)
    assert john.text_original == "Attente interminable, le médecin était pressé."
    assert john.text_translated == "Long wait, the doctor was rushed."
    assert anonymous.is_anonymous and anonymous.author_display_name is None
    assert anonymous.text_original is None and anonymous.rating == 1  # star-only review
    assert unspecified.rating is None and unspecified.is_anonymous
    assert errors == [
        {"file": str(FIXTURES / "gbp_page.json"), "record": 5, "reason": "note illisible : « SEVEN » (attendu : 1 à 5)"}
    ]
    assert claire.raw["reviewId"] == "AbFvOqk1"  # the source object is kept


def test_gbp_list_of_pages_keeps_duplicates_for_the_store():
    recs, errors = records(FIXTURES / "gbp_pages.json")
    assert [r.external_id for r in recs] == ["r1", "r2", "r2", "r3"]
    assert errors == []
    assert recs[3].text_original is None and recs[3].rating == 5


@pytest.mark.parametrize("zipped", [False, True], ids=["folder", "zip"])
def test_takeout_merges_accounts_and_reads_listing_names(tmp_path, zipped):
    source = FIXTURES / "takeout"
    if zipped:
        archive = tmp_path / "takeout-20250301T101010Z-001.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            for file in sorted(source.rglob("*")):
                if file.is_file():
                    zf.write(file, file.relative_to(source).as_posix())
        source = archive
    units = load_path(source)
    assert len(units) == 1 and units[0].shape == "takeout"
    recs = [r for _, r in units[0].records]
    assert sorted(r.external_id for r in recs) == ["T1", "T2", "T3", "U1"]  # T1, T2 exported twice
    assert units[0].read == 4
    names = {r.location_key: r.location_name for r in recs}
    assert names == {
        "locations/4412": "Cabinet dentaire du Parc",
        "locations/9001": "Centre médical des Lilas",
    }
    t3 = next(r for r in recs if r.external_id == "T3")
    assert t3.text_original == "Worst dentist I have ever seen."
    assert t3.text_translated == "Le pire dentiste que j'ai jamais vu."
    t2 = next(r for r in recs if r.external_id == "T2")
    assert t2.is_anonymous and t2.text_original is None and t2.rating == 4
    assert all(r.source == "takeout" for r in recs)


def test_lone_takeout_page_knows_its_listing(tmp_path):
    page = FIXTURES / "takeout/Takeout/Google Business Profile/account-2290/location-9001/reviews.json"
    recs, _ = records(page)
    assert recs[0].location_key == "locations/9001"
    assert recs[0].location_name == "Centre médical des Lilas"


def test_outscraper_csv():
    recs, errors = records(FIXTURES / "outscraper.csv")
    lucie, paul, anne = recs
    assert lucie.source == "outscraper"
    assert lucie.location_key == "place:ChIJN1t_tDeuEmsRUsoyG83frY4"
    assert lucie.location_name == "Cabinet du Dr Martin"
    assert lucie.text_original == 'Très bon médecin, "vraiment" à l\'écoute.\nJe recommande.'
    assert lucie.created_at == datetime(2025, 3, 2, 15, 1, 23, tzinfo=UTC)
    assert lucie.owner_reply_at == datetime(2025, 3, 3, 8, 0, tzinfo=UTC)  # month first
    assert paul.created_at == datetime(2025, 1, 25, 10, 12, tzinfo=UTC)
    assert paul.text_original is None and paul.rating == 3
    assert (anne.text_original, anne.text_translated) == ("Attente beaucoup trop longue", "Too long a wait")
    assert len(errors) == 1 and errors[0]["record"] == 4 and "ligne 8" in errors[0]["reason"]


def test_outscraper_json_and_xlsx_agree_with_csv(tmp_path):
    from openpyxl import Workbook

    csv_recs, _ = records(FIXTURES / "outscraper.csv")
    json_recs, _ = records(FIXTURES / "outscraper.json")
    assert json_recs[0].digest() == csv_recs[0].digest()
    assert json_recs[0].fingerprint() == csv_recs[0].fingerprint()
    assert json_recs[1].text_original is None and json_recs[1].rating == 4

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "place_id", "review_id", "author_title", "review_text", "review_rating", "review_datetime_utc", "owner_answer"])
    sheet.append(["Cabinet du Dr Martin", "ChIJN1t_tDeuEmsRUsoyG83frY4", "X1", "Lucie Garnier", csv_recs[0].text_original, 5, datetime(2025, 3, 2, 15, 1, 23), "Merci Lucie !"])
    sheet.append([None, None, None, None, None, None, None, None])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    xlsx_recs, errors = records(path)
    assert errors == [] and len(xlsx_recs) == 1
    assert xlsx_recs[0].created_at == csv_recs[0].created_at
    assert xlsx_recs[0].digest() == csv_recs[0].digest()


def test_apify_json_and_csv(tmp_path):
    recs, errors = records(FIXTURES / "apify.json", now=datetime(2026, 11, 22, tzinfo=UTC))
    lucie, hidden, tom = recs
    assert errors == []
    assert lucie.external_id == "ChdDSUhNMG9nS0VJQ0FnSURyOGJYUndBRRAB"
    assert lucie.created_at == datetime(2025, 3, 2, 15, 1, 23, tzinfo=UTC) and not lucie.created_at_approx
    assert lucie.language == "fr" and lucie.owner_reply_text == "Merci Lucie !"
    assert hidden.external_id is None and hidden.is_anonymous  # run without personal data
    assert hidden.created_at_approx and hidden.created_at.date() == datetime(2026, 9, 23).date()
    assert (tom.text_original, tom.text_translated) == ("Great dentist, very gentle.", "Excellent dentiste, très doux.")
    csv_recs, _ = records(FIXTURES / "apify.csv")
    assert csv_recs[0].digest() == lucie.digest()
    assert csv_recs[1].created_at_approx and csv_recs[1].rating == 1


def test_serpapi():
    recs, errors = records(FIXTURES / "serpapi.json")
    lucie, kevin = recs
    assert errors == []
    assert lucie.location_key == "google:0x47e66e2964e34e2d:0x8ddca9ee380ef7e0"
    assert lucie.location_name == "Cabinet du Dr Martin"
    assert lucie.rating == 5 and lucie.owner_reply_text == "Merci Lucie !"
    assert lucie.review_url == "https://www.google.com/maps/reviews/data=!4m8"
    assert (kevin.text_original, kevin.text_translated) == ("Incompetent doctor.", "Médecin incompétent.")


def test_places_api_new():
    recs, errors = records(FIXTURES / "places.json")
    lucie, kevin = recs
    assert errors == []
    assert lucie.location_key == "place:ChIJN1t_tDeuEmsRUsoyG83frY4"
    assert lucie.external_id == "ChZDSUhNMG9nS0VJQ0FnSUNXa3ZmSU1REAE"
    assert lucie.flag_url.startswith("https://www.google.com/local/review/rap/report")
    assert lucie.text_translated is None and lucie.language == "fr"
    assert not lucie.reply_known  # Places never says whether the owner replied
    assert (kevin.text_original, kevin.text_translated, kevin.language) == ("Incompetent doctor.", "Médecin incompétent.", "en")


def test_generic_french_excel_csv():
    recs, errors = records(FIXTURES / "generic_fr_excel.csv")  # Windows-1252, ';', dd/mm/yyyy
    elodie, gerard, zoe = recs
    assert elodie.author_display_name == "Élodie Faure"
    assert elodie.rating == 4  # "4,0"
    assert elodie.created_at == datetime(2025, 3, 2, 14, 5, tzinfo=UTC)
    assert elodie.owner_reply_text == "Merci Élodie"
    assert gerard.text_original == "Accueil désagréable ; je déconseille.\nVraiment déçu."
    assert gerard.created_at == datetime(2025, 1, 15, tzinfo=UTC)
    assert zoe.created_at == datetime(2025, 3, 2, tzinfo=UTC)
    assert [(e["record"], e["reason"].split(" : ")[0]) for e in errors] == [(4, "ligne 6"), (5, "ligne 7")]
    assert "date illisible" in errors[0]["reason"] and "note invalide" in errors[1]["reason"]
    assert all(r.location_key is None for r in recs)  # the store asks for --location


def test_generic_csv_with_mapping_and_bom(tmp_path):
    path = tmp_path / "avis.csv"
    path.write_bytes(
        "\ufeffQuand,Qui,Étoiles,Ce qu'il dit,Cabinet\n"
        "2025-03-02,Ana,5,Parfait,Cabinet Nord\n"
        "2025-03-03,Ben,2,\"Long, très long\",Cabinet Nord\n".encode()
    )
    recs, errors = records(path, mapping={"date": "Quand", "author": "Qui", "rating": "Étoiles", "text": "Ce qu'il dit", "location": "Cabinet"})
    assert errors == []
    assert [(r.author_display_name, r.rating, r.text_original) for r in recs] == [("Ana", 5, "Parfait"), ("Ben", 2, "Long, très long")]
    assert recs[0].location_key == "nom:cabinet nord" and recs[0].location_name == "Cabinet Nord"


def test_mapping_spec_parsing():
    from responders.errors import UnusableInput
    from responders.importers.generic_csv import parse_mapping

    assert parse_mapping("text=Avis,rating=Note, date = Date ") == {"text": "Avis", "rating": "Note", "date": "Date"}
    assert parse_mapping("texte=Avis,note=Étoiles,auteur=Nom") == {"text": "Avis", "rating": "Étoiles", "author": "Nom"}
    with pytest.raises(UnusableInput, match="champ « couleur » inconnu"):
        parse_mapping("couleur=Bleu")
    with pytest.raises(UnusableInput, match="champ=Colonne"):
        parse_mapping("Avis")


@pytest.mark.parametrize(
    ("fixture", "misleading_name", "shape"),
    [
        ("gbp_page.json", "export.txt", "gbp"),
        ("outscraper.csv", "avis.txt", "outscraper"),
        ("outscraper.json", "data.json", "outscraper"),
        ("apify.json", "dataset.json", "apify"),
        ("apify.csv", "dataset_reviews.csv", "apify"),
        ("serpapi.json", "page1.json", "serpapi"),
        ("places.json", "place.json", "places"),
        ("generic_fr_excel.csv", "reviews.json.csv", "csv"),
    ],
)
def test_detection_by_content_not_name(tmp_path, fixture, misleading_name, shape):
    target = tmp_path / misleading_name
    shutil.copy(FIXTURES / fixture, target)
    units = read_paths([target], location="Cabinet Test")
    assert units[0].shape == shape
    assert units[0].records


def test_detect_json_edge_shapes():
    assert detect_json({"reviews": [], "totalReviewCount": 0}) == "gbp"
    assert detect_json({"locationReviews": [{"name": "accounts/1/locations/2", "review": {"reviewId": "a", "starRating": "ONE"}}]}) == "gbp"
    assert detect_json({"places": [{"id": "x", "reviews": [{"authorAttribution": {}, "publishTime": "2025-01-01T00:00:00Z"}]}]}) == "places"
    assert detect_json({"patients": []}) is None
    assert detect_json([{"foo": 1}]) is None
    assert detect_table(["reviewId", "stars", "publishedAtDate", "text"]) == "apify"
    assert detect_table(["Avis", "Note"]) == "csv"


def test_explicit_format_is_honoured(tmp_path):
    recs, _ = records(FIXTURES / "outscraper.csv", fmt="csv", mapping={"text": "review_text", "rating": "review_rating"})
    assert recs[0].source == "csv" and recs[0].rating == 5


def test_batch_get_reviews_shape(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps({"locationReviews": [{"name": "accounts/1/locations/55", "review": {"reviewId": "b1", "starRating": "TWO", "comment": "Bof", "createTime": "2025-01-01T00:00:00Z", "reviewer": {"displayName": "Zed"}}}]}))
    recs, _ = records(path)
    assert recs[0].location_key == "locations/55" and recs[0].external_id == "b1"


def test_outscraper_resaved_by_french_excel_without_timestamps(tmp_path):
    """Excel drops the seconds and shows day first; the epoch column was deleted."""
    path = tmp_path / "outscraper_fr.csv"
    path.write_bytes(
        (
            "name;place_id;review_id;author_title;review_text;review_rating;review_datetime_utc;owner_answer;owner_answer_timestamp_datetime_utc\r\n"
            "Cabinet;P1;r1;Ana;Très bien;5;03/02/2025 15:01;Merci;04/02/2025 08:00\r\n"
            "Cabinet;P1;r2;Ben;Bof;2;11/01/2025 09:30;;\r\n"
        ).encode("utf-8-sig")
    )
    recs, errors = records(path)
    assert errors == []
    assert recs[0].created_at == datetime(2025, 2, 3, 15, 1, tzinfo=UTC)
    assert recs[0].owner_reply_at == datetime(2025, 2, 4, 8, 0, tzinfo=UTC)
    assert recs[1].created_at == datetime(2025, 1, 11, 9, 30, tzinfo=UTC)


def test_a_takeout_location_folder_on_its_own(tmp_path):
    location = FIXTURES / "takeout/Takeout/Google Business Profile/account-1087/location-4412"
    units = load_path(location)
    recs = [r for unit in units for _, r in unit.records]
    assert sorted(r.external_id for r in recs) == ["T1", "T2", "T3"]
    assert {r.location_name for r in recs} == {"Cabinet dentaire du Parc"}


def test_a_plain_folder_of_exports(tmp_path):
    shutil.copy(FIXTURES / "serpapi.json", tmp_path / "a.json")
    shutil.copy(FIXTURES / "outscraper.csv", tmp_path / "b.csv")
    (tmp_path / "LISEZMOI.txt").write_text("exports du 2 mars")
    units = load_path(tmp_path)
    assert [u.shape for u in units] == ["serpapi", "outscraper"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"name": "accounts/1/locations/2", "locationName": "Cabinet A"}, "Cabinet A"),
        ({"title": "Cabinet B", "attributes": [{"name": "attributes/has_wifi", "values": [True]}]}, "Cabinet B"),
        ({"attributes": [{"name": "attributes/has_wifi"}], "profile": {"businessName": "Cabinet C"}}, "Cabinet C"),
        ([{"name": "Nom de l'établissement", "value": "Cabinet D"}, {"name": "Téléphone", "value": "01"}], "Cabinet D"),
        ({"websiteUri": "https://cabinet.example", "name": "locations/9"}, None),
    ],
)
def test_listing_name_in_additional_data(data, expected):
    from responders.importers.takeout import listing_name

    assert listing_name(data) == expected


def test_a_zip_of_plain_exports(tmp_path):
    archive = tmp_path / "exports.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(FIXTURES / "serpapi.json", "exports/serpapi.json")
        zf.write(FIXTURES / "outscraper.csv", "exports/outscraper.csv")
        zf.writestr("__MACOSX/exports/._serpapi.json", b"\x00\x05\x16\x07")
        zf.writestr("exports/LISEZMOI.txt", "notes")
    units = load_path(archive)
    assert [(u.shape, u.label) for u in units] == [
        ("outscraper", f"{archive}/exports/outscraper.csv"),
        ("serpapi", f"{archive}/exports/serpapi.json"),
    ]
    assert units[0].errors[0]["file"] == f"{archive}/exports/outscraper.csv"


def test_a_zipped_takeout_page_keeps_its_listing_from_the_path(tmp_path):
    archive = tmp_path / "page.zip"
    page = FIXTURES / "takeout/Takeout/Google Business Profile/account-2290/location-9001/reviews.json"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(page, "mes avis/location-9001/reviews.json")
    units = load_path(archive)
    assert units[0].records[0][1].location_key == "locations/9001"


def test_json_lines(tmp_path):
    items = json.loads((FIXTURES / "apify.json").read_text(encoding="utf-8"))
    path = tmp_path / "dataset.jsonl.json"
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    recs, errors = records(path)
    assert errors == [] and len(recs) == 3 and recs[0].author_display_name == "Lucie Garnier"
