"""CSV as Excel leaves it: separators, encodings, `sep=` lines, quoted newlines."""

from __future__ import annotations

import json

import pytest

from responders.importers.detect import load_path
from responders.importers.tabular import read_csv, sniff_delimiter

ROWS = [["Avis", "Note", "Date"], ["Très bien, merci", "5", "02/03/2025"], ["Bof; bof", "2", "03/03/2025"]]


def render(delimiter: str) -> str:
    def cell(value: str) -> str:
        return f'"{value}"' if delimiter in value or "," in value or ";" in value else value

    return "\r\n".join(delimiter.join(cell(v) for v in row) for row in ROWS) + "\r\n"


@pytest.mark.parametrize(
    ("delimiter", "encoding", "prefix"),
    [
        (";", "cp1252", ""),
        (";", "utf-8-sig", ""),
        (",", "utf-8", ""),
        ("\t", "utf-16", ""),  # Excel's "Texte Unicode"
        (";", "cp1252", "sep=;\r\n"),
        ("|", "utf-8", ""),
    ],
)
def test_excel_variants(delimiter, encoding, prefix):
    data = (prefix + render(delimiter)).encode(encoding)
    table = read_csv(data, "avis.csv")
    assert table.headers == ["Avis", "Note", "Date"]
    assert [row for _, _, row in table.rows] == [dict(zip(ROWS[0], r, strict=True)) for r in ROWS[1:]]
    assert [n for n, _, _ in table.rows] == [1, 2]


def test_line_numbers_follow_quoted_newlines():
    data = b'Avis;Note\n"ligne un\nligne deux";5\n;\nsuite;4\n'
    table = read_csv(data, "x.csv")
    assert [(n, line) for n, line, _ in table.rows] == [(1, 2), (2, 5)]  # the empty ";" row is skipped


@pytest.mark.parametrize(
    ("line", "expected"),
    [("a;b;c", ";"), ("a,b,c", ","), ("a\tb", "\t"), ('"x;y",b,c', ","), ("seul", ",")],
)
def test_sniff(line, expected):
    assert sniff_delimiter(line) == expected


@pytest.mark.parametrize(
    "envelope",
    [
        lambda rows: rows,
        lambda rows: {"items": rows},
        lambda rows: {"data": {"items": rows}},
    ],
)
def test_apify_dataset_envelopes(tmp_path, envelope):
    rows = [{"reviewId": "a" * 30, "name": "Ana", "text": "Bien", "stars": 4, "publishedAtDate": "2025-01-01T00:00:00Z", "placeId": "P1"}]
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(envelope(rows)))
    units = load_path(path)
    assert units[0].shape == "apify" and len(units[0].records) == 1


def test_outscraper_rows_under_a_reviews_key(tmp_path):
    rows = [{"review_id": "r1", "author_title": "Ana", "review_text": "Bien", "review_rating": 4, "review_datetime_utc": "01/25/2025 10:00:00", "place_id": "P1"}]
    path = tmp_path / "outscraper.json"
    path.write_text(json.dumps({"reviews": rows}))
    units = load_path(path)
    assert units[0].shape == "outscraper"
    assert [r.external_id for _, r in units[0].records] == ["r1"]
