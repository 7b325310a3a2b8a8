"""Uploads from the dashboard: names as uploaded, what a wrong file is, good files imported
beside bad ones, column mapping offered instead of a command-line option."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from sqlmodel import Session, select

from responders.importers.batch import import_uploads, safe_name, what_is
from responders.store.models import Review

ROOT = Path(__file__).resolve().parents[2]
DEMO_CSV = (ROOT / "data" / "demo" / "outscraper_excel_fr.csv").read_bytes()
ODD_CSV = "Commentaire client;Nb étoiles;Quand\nTrès bon accueil;5;01/11/2026\nAttente longue;2;02/11/2026\n".encode()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n...", "un PDF"),
    (b"\x89PNG\r\n\x1a\n....", "une image PNG"),
    (b"\xff\xd8\xff\xe0..JFIF", "une image JPEG"),
    (b"\x00\x00\x00\x18ftypheic....", "une photo HEIC"),
    (_zip({"word/document.xml": b"<w/>"}), "un document Word"),
    (b"<!DOCTYPE html><html></html>", "une page web (HTML)"),
    (b'{"reviews": []}', None),
    (b"Avis;Note\nBien;5\n", None),
    (_zip({"xl/workbook.xml": b"<w/>"}), None),
    (_zip({"reviews.json": b"{}"}), None),
])
def test_what_a_file_is(data, kind):
    assert what_is(data) == kind


@pytest.mark.parametrize(("name", "expected"), [
    ("avis.csv", "avis.csv"), ("C:\\Users\\julie\\avis.csv", "avis.csv"), ("../../etc/passwd", "passwd"),
    ("", "fichier"), ("..", "fichier"),
])
def test_safe_name(name, expected):
    assert safe_name(name) == expected


def test_good_files_are_imported_and_every_bad_one_is_listed(engine):
    result = import_uploads(engine, [
        ("Export Outscraper.csv", DEMO_CSV),
        ("avis.csv", b"%PDF-1.4 renamed"),
        ("vide.json", b""),
        ("photo.jpg", b"\xff\xd8\xff\xe0 data"),
    ])
    assert result.imported == ["Export Outscraper.csv"]
    assert result.summary is not None and result.summary.new > 0
    by_name = {r.name: r.message for r in result.refused}
    assert set(by_name) == {"avis.csv", "vide.json", "photo.jpg"}
    assert by_name["avis.csv"].startswith("avis.csv : ce fichier est un PDF, pas un export d'avis.")
    assert by_name["vide.json"].startswith("vide.json : ")
    assert "une image JPEG" in by_name["photo.jpg"]
    for message in by_name.values():
        assert "/tmp" not in message and tempdir_free(message)
    with Session(engine) as session:
        assert len(session.exec(select(Review)).all()) == result.summary.new


def tempdir_free(message: str) -> bool:
    import tempfile

    return tempfile.gettempdir() not in message


def test_unknown_columns_offer_a_mapping_then_import_with_it(engine):
    first = import_uploads(engine, [("Mes avis.csv", ODD_CSV)])
    [refused] = first.refused
    assert refused.needs_mapping and refused.columns == ["Commentaire client", "Nb étoiles", "Quand"]
    assert "--mapping" not in refused.message and refused.message.startswith("Mes avis.csv : ")
    assert "Choisissez ci-dessous" in refused.message
    second = import_uploads(engine, [("Mes avis.csv", ODD_CSV)], location="Cabinet",
                            mappings={"Mes avis.csv": {"text": "Commentaire client", "rating": "Nb étoiles",
                                                       "date": "Quand"}})
    assert not second.refused and second.summary.new == 2


def test_record_errors_name_the_file_as_uploaded(engine):
    data = b"Avis;Note\nBien;5\n;\n"
    result = import_uploads(engine, [("petit.csv", data)], location="Cabinet")
    assert result.summary is not None
    assert {e["file"] for e in result.summary.to_dict()["errors"]} <= {"petit.csv"}
