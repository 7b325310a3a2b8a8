import csv
import hashlib
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import Session

from responders.export import build_dossier, write_dossier
from responders.export.csv_writer import dossier_csv
from responders.export.json_writer import dossier_json
from responders.export.tables import FLAT_COLUMNS, REVIEW_COLUMNS, neutralise

from .conftest import CAPTURE_PNG, GENERATED_AT, TODAY

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
ARTIFACTS = ROOT / "tests" / "artifacts"


def dossier_for(engine):
    with Session(engine) as session:
        return build_dossier(session, profile="fr-dentiste", today=TODAY, generated_at=GENERATED_AT)


def check_golden(name: str, data: bytes) -> None:
    """Byte-exact comparison; UPDATE_GOLDEN=1 rewrites the file after a deliberate change."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
    assert path.is_file(), f"{path} missing: run once with UPDATE_GOLDEN=1 and review the file"
    assert data == path.read_bytes(), f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6 12", "'+33 6 12"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("a=1", "a=1"),
        (" =1", " =1"),
        ("Bonjour", "Bonjour"),
        ("", ""),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_golden(engine, seeded, tmp_path):
    dossier = dossier_for(engine)
    write_dossier(dossier, "csv", str(tmp_path / "d.csv"))
    data = (tmp_path / "d.csv").read_bytes()
    assert data == dossier_csv(dossier).encode("utf-8")
    check_golden("lawyer_dossier.csv", data)


def test_csv_opens_in_french_excel_and_is_neutralised(engine, seeded):
    text = dossier_csv(dossier_for(engine))
    assert text.startswith("\ufeffRang;Date limite;")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    header = rows[0]
    assert header == [c.header for c in FLAT_COLUMNS]
    body = [r for r in rows[1:] if len(r) == len(header)]
    # one row per passage: r2 has 1, r1 has 2, r3 has 1
    assert [r[header.index("Identifiant Google de l'avis")] for r in body] == ["g-r2", "g-r1", "g-r1", "g-r3"]
    texts = [r[header.index("Texte original (verbatim)")] for r in body]
    assert texts[0].startswith("'=HYPERLINK(")
    assert body[3][header.index("Auteur (nom affiché)")] == "'+33 Tom"
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
    assert body[0][header.index("Jours restants")] == "10"
    assert body[3][header.index("Jours restants")] == "-111"  # a number we computed, not text
    assert body[0][header.index("Date limite")] == "30/11/2026"
    assert rows[-3][0] == "Avertissement" and rows[-2][0] == "Secret médical"
    assert rows[-1][0] == "Cellules protégées" and "apostrophe" in rows[-1][1]


def test_json_golden(engine, seeded, tmp_path):
    dossier = dossier_for(engine)
    write_dossier(dossier, "json", str(tmp_path / "d.json"))
    data = (tmp_path / "d.json").read_bytes()
    assert data == dossier_json(dossier).encode("utf-8")
    check_golden("lawyer_dossier.json", data)


def test_xlsx_structure(engine, seeded, tmp_path):
    path = tmp_path / "d.xlsx"
    write_dossier(dossier_for(engine), "xlsx", str(path))
    book = load_workbook(path)
    assert book.sheetnames == [
        "Synthèse", "Passages", "Versions", "Actions", "Notices Google", "À lire", "Captures", "Établissements",
    ]
    summary = book["Synthèse"]
    assert [c.value for c in summary[1]] == [c.header for c in REVIEW_COLUMNS]
    assert summary.max_row == 4  # header + 3 reviews
    header = [c.value for c in summary[1]]
    first = [c.value for c in summary[2]]
    assert first[header.index("Identifiant Google de l'avis")] == "g-r2"
    assert first[header.index("Date limite")].date().isoformat() == "2026-11-30"
    assert first[header.index("Jours restants")] == 10
    # the formula written by the reviewer is stored as a string cell: its exact text, no formula
    cell = summary.cell(row=2, column=header.index("Texte original (verbatim)") + 1)
    assert cell.value.startswith("=HYPERLINK(") and cell.data_type == "s"
    author = summary.cell(row=4, column=header.index("Auteur (nom affiché)") + 1)
    assert author.value == "+33 Tom" and author.data_type == "s"
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f", (sheet.title, c.coordinate)
    assert book["Passages"].max_row == 5  # header + 4 passages
    assert book["Versions"].max_row == 5  # header + 4 revisions
    assert book["Actions"].max_row == 5  # header + 4 actions of the practice
    actions = book["Actions"]
    action_header = [c.value for c in actions[1]]
    details = [row[action_header.index("Détail")].value or "" for row in actions.iter_rows(min_row=2)]
    assert any("Nouveau" in d and "Ne pas répondre" in d for d in details)
    assert not any("ne_pas_repondre" in d for d in details)
    assert "article 16" in book["Notices Google"]["C2"].value
    assert book["À lire"]["A1"].value == "Avertissement"
    captures = book["Captures"]
    assert captures.max_row == 2  # header + the screenshot of r1
    capture_header = [c.value for c in captures[1]]
    assert captures.cell(row=2, column=capture_header.index("SHA-256") + 1).value == hashlib.sha256(CAPTURE_PNG).hexdigest()
    places = book["Établissements"]
    assert [c.value for c in places[2]][:2] == ["Cabinet dentaire Dupont", "France"]
    assert first[header.index("Statut")] == "Transmis à l'avocat"
    assert first[header.index("Juridiction")] == "France"


def test_pdf_is_readable(engine, seeded, tmp_path):
    path = tmp_path / "d.pdf"
    write_dossier(dossier_for(engine), "pdf", str(path))
    reader = PdfReader(str(path))
    pages = [p.extract_text() for p in reader.pages]
    cover = pages[0]
    assert "Dossier pour l'avocat" in cover
    assert "pas un avis juridique" in cover and "strictement nécessaire" in cover
    # the summary is sorted by deadline
    assert cover.index("30/11/2026") < cover.index("10/12/2026") < cover.index("01/08/2026")
    # about a page per review, in the order of the summary, no page left nearly empty
    assert len(pages) <= 1 + 3
    text = "\n".join(pages)
    starts = [text.index(f"Avis n° {n} —") for n in (1, 2, 3)]
    assert starts == sorted(starts) and text.index("Avis n° 1 —") > text.index("Synthèse")
    r2 = text[starts[0]:starts[1]]
    assert "HYPERLINK" in r2  # untrusted text shown as plain text
    assert "Versions précédentes" in r2 and "Secrétaire odieuse." in r2
    r1 = text[starts[1]:starts[2]]
    assert "diffamation" in r1 and "facture des soins jamais faits" in r1
    assert "art. 29 al. 1" in r1 and "à valider par l'avocat" in r1
    assert "https://maps.google.com/?review=r1" in r1
    assert "de bonne foi" in r1 and "contact@cabinet-dupont.example" in r1
    # who acted, in French; the profile link; the attached capture with its digest
    assert "Ne pas répondre" in r1 and "ne_pas_repondre" not in r1 and "(par Dr Dupont)" in r1
    unwrapped = r1.replace("\n", "").replace(" ", "")
    assert "https://www.google.com/maps/contrib/1234567890?hl=fr" in unwrapped
    assert "avis-r1.png" in r1 and hashlib.sha256(CAPTURE_PNG).hexdigest() in unwrapped
    cover_line = " ".join(cover.split())
    assert "Établissements concernés" in cover_line and "loi du 29 juillet 1881" in cover_line
    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", str(path), str(ARTIFACTS / "lawyer_dossier")],
            check=True, timeout=60,
        )
        assert (ARTIFACTS / "lawyer_dossier-1.png").stat().st_size > 10_000


def test_pdf_survives_text_the_font_cannot_draw(engine):
    from responders.export.pdf_writer import _Pdf, find_fonts

    pdf = _Pdf("t")
    missing = "□" if find_fonts() else "?"  # core fonts fallback when no DejaVu is installed
    cleaned = pdf.clean("Nul 🦷\u200b\u202e fin\x00\r\nligne")
    assert cleaned == f"Nul {missing} fin\nligne"


def test_empty_dossier_in_every_format(engine, tmp_path):
    dossier = dossier_for(engine)
    for fmt in ("csv", "json", "xlsx", "pdf"):
        write_dossier(dossier, fmt, str(tmp_path / f"d.{fmt}"))
        assert (tmp_path / f"d.{fmt}").stat().st_size > 0
    assert "Aucun avis" in PdfReader(str(tmp_path / "d.pdf")).pages[0].extract_text()
