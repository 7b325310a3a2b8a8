"""Issue 18, point 5: every writer handles any text Google can show, and any stored date."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import Session

from responders.export import FORMATS, build_dossier, dossier_bytes
from responders.store.models import Location

from .conftest import GENERATED_AT, TODAY, _review, at, passage

LONG = " ".join(["escroc"] + ["voleur de patients et menteur"] * 120)  # ~3,500 characters, no full stop
CONTROL = "Charlatan\x0bqui ment\x0c et vole\x1b[31m ; escroc\x07 fini\u2028ligne"


def hostile(engine) -> None:
    with Session(engine) as session:
        location = Location(key="loc-h", name="Cabinet\x0b Hostile", created_at=at(2026, 1, 1))
        session.add(location)
        session.flush()
        _review(session, location, "long", texts=[(LONG, None)], captured=[at(2026, 10, 1, 8)],
                label="defamation", rating=1, author_display_name="Long", created_at=at(2026, 9, 30),
                passages=[passage(LONG, LONG, "defamation", "defamation.fraud", "Fraude imputée.")])
        _review(session, location, "ctrl", texts=[(CONTROL, CONTROL)], captured=[at(2026, 10, 1, 8)],
                label="insult", rating=1, author_display_name="Nom\x0bà\x01tabulations",
                created_at=at(2026, 9, 30),
                passages=[passage(CONTROL, "Charlatan\x0bqui", "insult", "insult.epithet", "Insulte\x0b.")])
        _review(session, location, "y9999", texts=[("Escroc du futur", None)], captured=[at(2026, 10, 1, 8)],
                label="defamation", rating=1, author_display_name="Futur",
                created_at=at(9999, 12, 31, 23), updated_at=at(9999, 12, 31, 23),
                passages=[passage("Escroc du futur", "Escroc", "insult", "insult.epithet", "Insulte.")])
        _review(session, location, "y1", texts=[("Escroc du passé", None)], captured=[at(2026, 10, 1, 8)],
                label="defamation", rating=1, author_display_name="Passé", created_at=at(1, 1, 1),
                passages=[passage("Escroc du passé", "Escroc", "insult", "insult.epithet", "Insulte.")])
        session.commit()


@pytest.fixture
def dossier(engine):
    hostile(engine)
    with Session(engine) as session:
        return build_dossier(session, profile="fr-dentiste", today=TODAY, generated_at=GENERATED_AT)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_writer_takes_hostile_reviews(dossier, fmt):
    assert len(dossier.entries) == 4
    data = dossier_bytes(dossier, fmt)
    if fmt == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert "voleur de patients" in text and "Escroc du futur" in text
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(data))
        values = [c.value for row in book["Synthèse"].iter_rows() for c in row]
        assert any(isinstance(v, str) and v.startswith("Charlatan\u240bqui ment\u240c") for v in values)
        assert "0001-01-01T00:00:00+00:00" in values  # before what a date cell holds: ISO text
    if fmt == "json":
        entries = json.loads(data)["entries"]
        assert any(e["text_original"] == CONTROL for e in entries)  # JSON keeps the exact text


def test_a_year_9999_publication_has_no_deadline_but_no_crash(dossier):
    future = next(e for e in dossier.entries if e.author == "Futur")
    assert future.deadline.due is None and "Date hors limites (9999-12-31)" in future.deadline.note
    assert "inconnue" not in future.deadline.note


def test_a_megabyte_review_is_cut_in_pdf_and_xlsx_but_whole_in_json(engine):
    import time

    huge = ("e s c r o c " * 90_000)[:1_000_000]
    with Session(engine) as session:
        location = Location(key="loc-big", name="Cabinet", created_at=at(2026, 1, 1))
        session.add(location)
        session.flush()
        _review(session, location, "big", texts=[(huge, None)], captured=[at(2026, 10, 1, 8)], label="insult",
                rating=1, author_display_name="Gros", created_at=at(2026, 9, 30),
                passages=[passage(huge, "e s c r o c", "insult", "insult.epithet", "Insulte.")])
        session.commit()
    with Session(engine) as session:
        dossier = build_dossier(session, profile="fr-dentiste", today=TODAY, generated_at=GENERATED_AT)
    started = time.perf_counter()
    pdf = dossier_bytes(dossier, "pdf")
    assert time.perf_counter() - started < 20  # was minutes for hundreds of pages
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "1000000 caractères au total" in " ".join(text.split())
    book = load_workbook(io.BytesIO(dossier_bytes(dossier, "xlsx")))
    longest = max(len(c.value) for row in book["Synthèse"].iter_rows() for c in row if isinstance(c.value, str))
    assert longest == 32_767
    assert json.loads(dossier_bytes(dossier, "json"))["entries"][0]["text_original"] == huge
