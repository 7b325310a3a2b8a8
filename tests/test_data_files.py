"""The shipped data files are well-formed: demo reviews in two shapes, labelled classification set."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
CLASSIFY = ROOT / "data" / "eval" / "classify"

GBP_FILES = ("gbp_tilleuls.json", "gbp_plateau.json")
CSV_FILE = DEMO / "outscraper_excel_fr.csv"
CSV_COLUMNS = [
    "name",
    "place_id",
    "google_id",
    "review_id",
    "author_title",
    "author_id",
    "author_link",
    "author_image",
    "review_text",
    "review_rating",
    "review_timestamp",
    "review_datetime_utc",
    "owner_answer",
    "owner_answer_timestamp_datetime_utc",
    "review_link",
    "review_likes",
]
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
LABELS = {"praise", "criticism", "insult", "defamation"}
LANGS = {"fr", "qc", "en"}
REF = datetime.fromisoformat("2026-11-20T23:59:59+00:00")


def parse_rfc3339(value: str) -> datetime:
    assert value.endswith("Z"), value
    head, _, frac = value[:-1].partition(".")
    assert frac == "" or (frac.isdigit() and len(frac) <= 9), value
    return datetime.fromisoformat(head + "+00:00")


def gbp_pages() -> dict[str, dict]:
    return {name: json.loads((DEMO / name).read_text(encoding="utf-8")) for name in GBP_FILES}


def gbp_reviews() -> list[dict]:
    return [r for page in gbp_pages().values() for r in page["reviews"]]


def csv_rows() -> list[dict[str, str]]:
    with CSV_FILE.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


# --- demo data: Business Profile API pages ---------------------------------------------


@pytest.mark.parametrize("name", GBP_FILES)
def test_gbp_page_shape(name: str) -> None:
    page = gbp_pages()[name]
    reviews = page["reviews"]
    assert 0 < len(reviews) <= 50, "an API page holds at most 50 reviews"
    assert page["totalReviewCount"] == len(reviews)
    mean = sum(STARS[r["starRating"]] for r in reviews) / len(reviews)
    assert page["averageRating"] == pytest.approx(mean, abs=0.05)
    for r in reviews:
        assert r["name"].startswith("accounts/1234/locations/")
        assert r["name"].endswith("/reviews/" + r["reviewId"])
        assert r["starRating"] in STARS
        assert "comment" not in r or r["comment"].strip(), "rating-only reviews have no comment"
        created, updated = parse_rfc3339(r["createTime"]), parse_rfc3339(r["updateTime"])
        assert created <= updated <= REF
        reviewer = r["reviewer"]
        if reviewer.get("isAnonymous"):
            assert "displayName" not in reviewer and "profilePhotoUrl" not in reviewer
        else:
            assert reviewer["displayName"].strip()
            assert reviewer["profilePhotoUrl"].startswith("https://")
        if "reviewReply" in r:
            assert r["reviewReply"]["comment"].strip()
            assert len(r["reviewReply"]["comment"].encode()) <= 4096
            assert created <= parse_rfc3339(r["reviewReply"]["updateTime"]) <= REF


def test_gbp_locations_are_distinct_and_both_present() -> None:
    locs = {
        name: {r["name"].split("/reviews/")[0] for r in page["reviews"]}
        for name, page in gbp_pages().items()
    }
    assert all(len(v) == 1 for v in locs.values())
    assert len(set.union(*locs.values())) == 2


def test_gbp_covers_the_cases_the_product_must_handle() -> None:
    reviews = gbp_reviews()
    ids = [r["reviewId"] for r in reviews]
    assert len(ids) == len(set(ids)) >= 80
    texts = [r.get("comment", "") for r in reviews]
    assert any(t.startswith("(Translated by Google) ") and "\n\n(Original)\n" in t for t in texts)
    assert sum(r["updateTime"] != r["createTime"] for r in reviews) >= 1
    assert sum("comment" not in r for r in reviews) >= 1
    assert sum(r["reviewer"].get("isAnonymous", False) for r in reviews) >= 1
    assert sum("reviewReply" in r for r in reviews) >= 1
    assert any(len(r["createTime"].rstrip("Z").partition(".")[2]) == 9 for r in reviews)
    recent = [r for r in reviews if (REF - parse_rfc3339(r["createTime"])).days <= 21]
    oldest = min(parse_rfc3339(r["createTime"]) for r in reviews)
    assert len(recent) >= 5
    assert (REF - oldest).days <= 14 * 31
    assert {STARS[r["starRating"]] for r in reviews} == {1, 2, 3, 4, 5}


# --- demo data: the same reviews as a French-Excel Outscraper CSV -------------------------


def test_csv_is_french_excel_shaped() -> None:
    raw = CSV_FILE.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM"
    header = raw[3:].split(b"\r\n", 1)[0].decode()
    assert header.split(";") == CSV_COLUMNS
    rows = csv_rows()
    for row in rows:
        assert None not in row, "a row has more fields than the header"
        datetime.strptime(row["review_datetime_utc"], "%d/%m/%Y %H:%M")
        if row["owner_answer"]:
            datetime.strptime(row["owner_answer_timestamp_datetime_utc"], "%d/%m/%Y %H:%M")
    assert any(";" in r["review_text"] for r in rows), "a text with ';' exercises quoting"
    assert any("\n" in r["review_text"] for r in rows), "a text with a newline exercises quoting"


def test_csv_and_gbp_hold_the_same_reviews() -> None:
    by_id = {r["reviewId"]: r for r in gbp_reviews()}
    rows = csv_rows()
    assert len(rows) == len({r["review_id"] for r in rows})
    assert {r["review_id"] for r in rows} == set(by_id)
    for row in rows:
        api = by_id[row["review_id"]]
        assert row["review_text"] == api.get("comment", "")
        assert int(row["review_rating"]) == STARS[api["starRating"]]
        created = parse_rfc3339(api["createTime"])
        assert int(row["review_timestamp"]) == int(created.timestamp())
        assert row["review_datetime_utc"] == created.strftime("%d/%m/%Y %H:%M")
        assert row["owner_answer"] == api.get("reviewReply", {}).get("comment", "")
        anonymous = api["reviewer"].get("isAnonymous", False)
        assert row["author_title"] == ("" if anonymous else api["reviewer"]["displayName"])
        assert row["review_id"] in row["review_link"]
    assert {r["name"] for r in rows} == {
        "Cabinet dentaire des Tilleuls",
        "Clinique médicale du Plateau",
    }


def test_csv_is_what_make_csv_produces(tmp_path: Path) -> None:
    # Regenerating must give the committed bytes, so the two shapes cannot drift apart.
    out = tmp_path / "regenerated.csv"
    subprocess.run([sys.executable, str(DEMO / "make_csv.py"), str(out)], check=True)
    assert out.read_bytes() == CSV_FILE.read_bytes()


# --- labelled classification data ------------------------------------------------------

SPLITS = ("dev.jsonl", "test.jsonl")
KEYS = {"id", "text", "rating", "label", "passages", "note", "lang"}


def load_split(name: str) -> list[dict]:
    raw = (CLASSIFY / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\n")
    rows = []
    for number, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{name} line {number}: {exc}")
    return rows


def all_rows() -> list[dict]:
    return [row for name in SPLITS for row in load_split(name)]


@pytest.mark.parametrize("name", SPLITS)
def test_classify_lines_follow_the_schema(name: str) -> None:
    for row in load_split(name):
        where = f"{name} {row.get('id')}"
        assert set(row) == KEYS, where
        assert isinstance(row["id"], str) and len(row["id"]) == 4 and row["id"][0] == "c", where
        assert row["id"][1:].isdigit(), where
        assert isinstance(row["text"], str) and row["text"].strip(), where
        assert row["rating"] is None or (type(row["rating"]) is int and 1 <= row["rating"] <= 5), (
            where
        )
        assert row["label"] in LABELS, where
        assert row["lang"] in LANGS, where
        assert isinstance(row["note"], str) and row["note"].strip(), where
        assert isinstance(row["passages"], list), where
        for passage in row["passages"]:
            assert isinstance(passage, str) and passage.strip(), where
            assert passage in row["text"], f"{where}: {passage!r} is not in the text"
        if row["label"] in {"insult", "defamation"}:
            assert row["passages"], f"{where}: an {row['label']} needs its passage"
        if row["label"] == "praise":
            assert not row["passages"], where


def test_classify_ids_and_texts_are_unique_across_splits() -> None:
    rows = all_rows()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    texts = [" ".join(r["text"].lower().split()) for r in rows]
    assert len(texts) == len(set(texts)), "the same review in dev and test would leak"


def test_classify_sizes_and_label_mix() -> None:
    rows = all_rows()
    dev, test = load_split("dev.jsonl"), load_split("test.jsonl")
    assert len(rows) >= 320
    assert 0.60 <= len(dev) / len(rows) <= 0.72
    wanted = {"praise": 0.30, "criticism": 0.35, "insult": 0.15, "defamation": 0.20}
    for part in (rows, dev, test):
        counts = Counter(r["label"] for r in part)
        for label, share in wanted.items():
            assert abs(counts[label] / len(part) - share) <= 0.04, (label, counts)
    langs = Counter(r["lang"] for r in rows)
    assert langs["en"] / len(rows) >= 0.08
    assert langs["qc"] / len(rows) >= 0.20
    for label in LABELS:
        assert {r["lang"] for r in rows if r["label"] == label} == LANGS, label


# Boundary cases the guidelines promise: (label, substring of some text with that label).
COVERAGE = [
    ("criticism", "hautain"),
    ("criticism", "ncompétent"),
    ("criticism", "Nul"),
    ("criticism", "fuir"),
    ("criticism", "arnaque"),
    ("criticism", "voleurs"),
    ("criticism", "je ne recommande pas"),
    ("criticism", "attente"),
    ("criticism", "mal"),
    ("criticism", "€"),
    ("criticism", "$"),
    ("criticism", "patient"),
    ("criticism", "Il paraît que"),
    ("criticism", "Je me demande"),
    ("insult", "charlatan"),
    ("insult", "charlatant"),
    ("insult", "c0nnard"),
    ("insult", "boucher"),
    ("insult", "sorcière"),
    ("insult", "crosseur"),
    ("insult", "épais"),
    ("insult", "Tabarnak"),
    ("insult", "quack"),
    ("defamation", "paraît que"),
    ("defamation", "on dit"),
    ("defamation", "je me demande"),
    ("defamation", "I heard"),
    ("defamation", "stéril"),
    ("defamation", "RAMQ"),
    ("defamation", "Sécu"),
    ("defamation", "diplôme"),
    ("defamation", "Ordre"),
    ("defamation", "falsifi"),
    ("defamation", "secrétaire"),
    ("defamation", "charlatan"),
    ("praise", "ma couronne"),
    ("praise", "diabét"),
]


@pytest.mark.parametrize(("label", "needle"), COVERAGE)
def test_classify_covers_boundary_case(label: str, needle: str) -> None:
    texts = [r["text"].lower() for r in all_rows() if r["label"] == label]
    assert any(needle.lower() in t for t in texts), f"no {label} containing {needle!r}"


def test_classify_has_kind_low_and_sarcastic_high_ratings() -> None:
    rows = all_rows()
    assert any(r["label"] == "praise" and r["rating"] == 1 for r in rows)
    assert sum(r["label"] == "criticism" and r["rating"] == 5 for r in rows) >= 3
    # the classifier also receives text without stars
    assert sum(r["rating"] is None for r in rows) >= 5
