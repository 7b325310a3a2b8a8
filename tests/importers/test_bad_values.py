"""Issue 18, point 8: one bad value never sinks a file. The bad record is refused with its
number and a French reason, the rest imports, and the command exits 0 with its summary."""

from __future__ import annotations

import io
import json
import math
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import text

from responders.errors import UnusableInput
from responders.importers import import_paths, read_paths
from tests.importers.helpers import count, gbp_review

ROOT = Path(__file__).resolve().parents[2]


def good() -> dict:
    return gbp_review(1)


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


# (case, the bad review as JSON text inside {"reviews": [good, BAD]}, words of the reason)
BAD_GBP = [
    ("year-0", '{"comment": "a", "starRating": "ONE", "createTime": "0000-01-01T00:00:00Z"}', "date"),
    ("year-9999", '{"comment": "a", "starRating": "ONE", "createTime": "9999-12-31T23:59:59Z"}', "invraisemblable"),
    ("year-9999-offset", '{"comment": "a", "starRating": "ONE", "createTime": "9999-12-31T23:59:59-05:00"}', "date"),
    ("year-10000", '{"comment": "a", "starRating": "ONE", "createTime": "10000-01-01T00:00:00Z"}', "date"),
    ("year-1999", '{"comment": "a", "starRating": "ONE", "createTime": "1999-12-31T00:00:00Z"}', "invraisemblable"),
    ("huge-epoch", '{"comment": "a", "starRating": "ONE", "createTime": 1e20}', "date"),
    ("infinite-epoch", '{"comment": "a", "starRating": "ONE", "createTime": 1e999}', "date"),
    ("epoch-digits", '{"comment": "a", "starRating": "ONE", "createTime": "' + "9" * 400 + '"}', "date"),
    ("huge-int-epoch", '{"comment": "a", "starRating": "ONE", "createTime": ' + "9" * 5000 + "}", "date"),
    ("infinity-rating", '{"comment": "a", "starRating": Infinity}', "note"),
    ("minus-infinity-rating", '{"comment": "a", "starRating": -Infinity}', "note"),
    ("huge-int-rating", '{"comment": "a", "starRating": ' + "7" * 5000 + "}", "note"),
    ("lone-surrogate", '{"comment": "avis \\ud800 coupé", "starRating": "ONE"}', "caractère invalide"),
    ("surrogate-author", '{"comment": "a", "starRating": "ONE", "reviewer": {"displayName": "\\udfff"}}', "caractère invalide"),
    ("nested-1000", '{"comment": "a", "starRating": "ONE", "extra": ' + deep(1000) + "}", "imbriqué"),
]


@pytest.mark.parametrize(("bad", "reason"), [c[1:] for c in BAD_GBP], ids=[c[0] for c in BAD_GBP])
def test_a_bad_value_refuses_its_record_only(engine, tmp_path, bad, reason):
    path = tmp_path / "page.json"
    path.write_text('{"reviews": [' + json.dumps(good()) + ", " + bad + "]}", encoding="utf-8")
    summary = import_paths(engine, [path], classify=False).to_dict()
    assert (summary["read"], summary["new"], summary["rejected"]) == (2, 1, 1), summary
    assert summary["errors"][0]["record"] == 2
    assert reason in summary["errors"][0]["reason"]
    assert count(engine, "reviews") == 1


def test_nan_never_reaches_the_database(engine, tmp_path):
    path = tmp_path / "page.json"
    path.write_text('{"reviews": [{"comment": "Bien", "starRating": NaN, "x": [NaN, Infinity], '
                    '"reviewer": {"displayName": "Jo"}, "createTime": "2025-01-02T03:04:05Z"}]}', encoding="utf-8")
    assert import_paths(engine, [path], location="Cabinet", classify=False).new == 1
    with engine.connect() as conn:
        raw, rating = conn.execute(text("SELECT v.raw, v.rating FROM review_revisions v")).one()
    stored = raw if isinstance(raw, dict) else json.loads(raw)
    assert rating is None and stored["x"] == [None, None] and stored["starRating"] is None


def test_a_relative_date_nine_thousand_years_ago(engine, tmp_path):
    path = tmp_path / "apify.json"
    items = [
        {"reviewId": "a1", "text": "Bien", "stars": 5, "publishAt": "il y a 2 mois", "placeId": "P"},
        {"reviewId": "a2", "text": "Mal", "stars": 1, "publishAt": "il y a 9000 ans", "placeId": "P"},
        {"reviewId": "a3", "text": "Mal", "stars": 1, "publishAt": "il y a 90 ans", "placeId": "P"},
    ]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    summary = import_paths(engine, [path], classify=False).to_dict()
    assert (summary["new"], summary["rejected"]) == (1, 2)
    assert [e["record"] for e in summary["errors"]] == [2, 3]


def xlsx_with_broken_row(rows: int, broken: int) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Auteur", "Note", "Avis"])
    for i in range(rows):
        sheet.append([f"0{i + 1}/03/2025 10:00", f"Patient {i}", 4, f"Avis {i}"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                marker = f'<row r="{broken}"'.encode()
                at = data.index(marker)
                data = data[:at] + b"<row <<< not xml" + data[at:]
            target.writestr(item, data)
    return out.getvalue()


def test_malformed_xlsx_xml_keeps_the_rows_before_it(engine, tmp_path):
    path = tmp_path / "avis.xlsx"
    path.write_bytes(xlsx_with_broken_row(5, broken=5))
    summary = import_paths(engine, [path], location="Cabinet", classify=False).to_dict()
    assert summary["new"] == 3 and summary["rejected"] == 1
    assert summary["errors"][0]["reason"].startswith("ligne 5 : feuille Excel illisible")


def test_malformed_xlsx_header_is_unusable_in_french(tmp_path):
    path = tmp_path / "avis.xlsx"
    path.write_bytes(xlsx_with_broken_row(3, broken=1))
    with pytest.raises(UnusableInput, match="Excel illisible"):
        read_paths([path], location="Cabinet")


def test_json_nested_beyond_what_a_parser_allows_is_unusable_in_french(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"reviews": [' + deep(100_000) + "]}", encoding="utf-8")
    with pytest.raises(UnusableInput, match="imbriqué"):
        read_paths([path], location="Cabinet")


def test_the_command_exits_0_and_prints_the_summary_of_each_file(db_url, tmp_path):
    one = tmp_path / "one.json"
    one.write_text('{"reviews": [' + json.dumps(good()) + ", " + BAD_GBP[1][1] + "]}", encoding="utf-8")
    two = tmp_path / "two.json"
    two.write_text('{"reviews": [' + json.dumps(gbp_review(2)) + ", " + BAD_GBP[9][1] + "]}", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "responders", "import", str(one), str(two), "--db", db_url, "--no-classify"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert (summary["files"], summary["new"], summary["rejected"]) == (2, 2, 2)
    assert f"{one} (gbp) : 2 avis lus, 1 nouveaux" in done.stderr
    assert f"{two} (gbp) : 2 avis lus, 1 nouveaux" in done.stderr


# --- fuzz: any JSON value in any field of any shape is refused alone or imported -------------

LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from([
        "il y a 9000 ans", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+01:00", "\ud800", "1e309",
        "ONE", "FIVE", "31/02/2025", "2025-03-02T15:01:23.045123456Z", "★★★★★", "4,5", "-0",
    ]),
)
VALUES = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)
FIELDS = {
    "gbp": ["reviewId", "name", "reviewer", "starRating", "comment", "createTime", "updateTime", "reviewReply"],
    "apify": ["reviewId", "name", "text", "textTranslated", "publishedAtDate", "publishAt", "stars", "rating",
              "responseFromOwnerText", "responseFromOwnerDate", "reviewUrl", "placeId", "title"],
    "serpapi": ["review_id", "link", "rating", "date", "iso_date", "iso_date_of_last_edit", "snippet",
                "extracted_snippet", "user", "response"],
    "outscraper": ["review_id", "author_title", "review_text", "review_rating", "review_timestamp",
                   "review_datetime_utc", "owner_answer", "owner_answer_timestamp_datetime_utc", "review_link", "place_id"],
    "places": ["name", "rating", "text", "originalText", "authorAttribution", "publishTime", "flagContentUri",
               "relativePublishTimeDescription", "googleMapsUri"],
}


@st.composite
def review_objects(draw):
    shape = draw(st.sampled_from(sorted(FIELDS)))
    keys = FIELDS[shape]
    item = {key: draw(VALUES) for key in draw(st.lists(st.sampled_from(keys), min_size=1, max_size=len(keys), unique=True))}
    return shape, item


def envelope(shape: str, items: list[dict]) -> object:
    if shape == "gbp":
        return {"reviews": items, "averageRating": 4.1}
    if shape == "serpapi":
        return {"search_metadata": {"id": "x"}, "reviews": items}
    if shape == "places":
        return {"places": [{"id": "P1", "displayName": {"text": "Cabinet"}, "reviews": items}]}
    return items


# CI runs a fixed, bounded campaign; RESPONDERS_FUZZ_EXAMPLES=2000 runs a longer one by hand
FUZZ_EXAMPLES = int(os.environ.get("RESPONDERS_FUZZ_EXAMPLES", "60"))


@seed(18)
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(review_objects(), min_size=1, max_size=4))
def test_fuzz_any_value_is_imported_or_refused_alone(tmp_path_factory, cases):
    from responders.store.engine import make_engine

    folder = tmp_path_factory.mktemp("fuzz")
    engine = make_engine(f"sqlite:///{folder / 'fuzz.db'}")
    try:
        for index, (shape, item) in enumerate(cases):
            path = folder / f"{index}-{shape}.json"
            try:
                body = json.dumps(envelope(shape, [item]), ensure_ascii=True, allow_nan=True)
            except (ValueError, RecursionError):
                continue
            path.write_text(body, encoding="utf-8")
            try:
                first = import_paths(engine, [path], location="Cabinet", fmt=shape, classify=False).to_dict()
            except UnusableInput:
                continue  # a whole-file refusal with a French message is a valid outcome (exit 2)
            assert first["read"] == first["new"] + first["updated"] + first["unchanged"] + first["older"] + first["rejected"]
            again = import_paths(engine, [path], location="Cabinet", fmt=shape, classify=False).to_dict()
            assert again["new"] == 0 and again["updated"] == 0 and again["older"] == 0
        with engine.connect() as conn:
            for (rating,) in conn.execute(text("SELECT rating FROM reviews")):
                assert rating is None or (isinstance(rating, int) and 1 <= rating <= 5)
            for (raw,) in conn.execute(text("SELECT raw FROM review_revisions")):
                assert "NaN" not in str(raw) and "Infinity" not in str(raw)
    finally:
        engine.dispose()


def test_fuzz_leaves_are_json_safe():
    from responders.importers.values import json_safe

    for value in (math.nan, math.inf, -math.inf, "\ud800", {"\udc00": [math.nan]}):
        json.dumps(json_safe(value), allow_nan=False).encode("utf-8")


# --- point 7: decompressed size limits -------------------------------------------------------


def zip_of(path: Path, name: str, size: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(name, "w", force_zip64=True) as stream:
            block = b"\n" * (1024 * 1024)
            for _ in range(size // len(block)):
                stream.write(block)
    return path


def test_a_zip_bomb_is_refused_in_french(tmp_path):
    from responders.importers import base

    path = zip_of(tmp_path / "bombe.zip", "avis.csv", base.MAX_UNZIPPED_ENTRY + 1024 * 1024)
    assert path.stat().st_size < 2 * 1024 * 1024  # a small file on disk
    with pytest.raises(UnusableInput, match="dépasse 256 Mo une fois décompressé"):
        read_paths([path], location="Cabinet")


def test_a_lying_size_header_is_caught_while_streaming(tmp_path, monkeypatch):
    from responders.importers import base

    monkeypatch.setattr(base, "MAX_UNZIPPED_ENTRY", 3 * 1024 * 1024)
    path = zip_of(tmp_path / "menteur.zip", "avis.csv", 8 * 1024 * 1024)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.infolist()[0]
    # shrink the declared size in the central directory's zip64 field: the check must not trust it
    central = data.rindex(b"PK\x01\x02")
    extra_at = central + 46 + len(info.filename.encode())
    field = data.index(b"\x01\x00", extra_at)
    data[field + 4 : field + 12] = (1024).to_bytes(8, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(UnusableInput):  # the limit, or zipfile's own size check: never 8 MB read
        read_paths([path], location="Cabinet")


def test_a_takeout_zip_is_held_to_the_same_limit(tmp_path, monkeypatch):
    from responders.importers import base

    monkeypatch.setattr(base, "MAX_UNZIPPED_ENTRY", 1024 * 1024)
    name = "Takeout/Google Business Profile/account-1/location-2/reviews.json"
    path = zip_of(tmp_path / "takeout.zip", name, 2 * 1024 * 1024)
    with pytest.raises(UnusableInput, match="dépasse 1 Mo"):
        read_paths([path])


CELLS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30),
    st.sampled_from([
        "il y a 9000 ans", "31/12/9999 23:59", "00/00/0000", "1e309", "inf", "nan", "NaN", "-1",
        "99999999999999999999999", "4,5", "★★★★★", "=HYPERLINK(\"x\")", "02/03/2025 14:05", "45000",
        "9" * 400, "0", "2025-13-45", "\x0b", "\ufeff",
    ]),
)
HEADERS = ["Date", "Auteur", "Note", "Avis", "Réponse", "Identifiant", "Lien"]


@seed(18)
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(CELLS, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=5))
def test_fuzz_any_csv_cell_is_imported_or_refused_alone(tmp_path_factory, rows):
    import csv

    from responders.store.engine import make_engine

    folder = tmp_path_factory.mktemp("fuzzcsv")
    path = folder / "avis.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    engine = make_engine(f"sqlite:///{folder / 'fuzz.db'}")
    try:
        try:
            first = import_paths(engine, [path], location="Cabinet", classify=False).to_dict()
        except UnusableInput:
            return
        assert first["read"] == first["new"] + first["updated"] + first["unchanged"] + first["older"] + first["rejected"]
        again = import_paths(engine, [path], location="Cabinet", classify=False).to_dict()
        assert again["new"] == 0 and again["updated"] == 0 and again["older"] == 0
    finally:
        engine.dispose()
