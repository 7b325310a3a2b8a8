"""Issue 18, points 5, 10, 11, 12: the web surface fails in French, links only to Google, fetches
nothing from outside, and builds each dossier format on its own."""

from __future__ import annotations

import tomllib
from pathlib import Path

from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from responders.people.accounts import Account
from tests.app.conftest import sign_in_as

ROOT = Path(__file__).resolve().parents[2]
PRATICIEN = Account(name="Dr Martin", role="praticien")


def test_no_traceback_reaches_a_visitor():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_the_favicon_is_not_fetched_from_a_font_server():
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert 'page_icon=":material' not in source and "page_icon=\"🩺\"" in source


def test_a_failing_page_shows_a_french_message_and_logs(app_db, monkeypatch, caplog):
    def broken(*_args, **_kwargs):
        raise RuntimeError("SECRET-TRACE détail interne")

    monkeypatch.setattr("responders.triage.queue.queue_page", broken)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    sign_in_as(at, PRATICIEN)
    with caplog.at_level("ERROR", logger="responders.app"):
        at.run()
    assert not at.exception
    shown = " ".join(str(e.value) for e in at.error)
    assert "Une erreur inattendue est survenue" in shown and "SECRET-TRACE" not in shown
    assert "SECRET-TRACE" in caplog.text  # the details are in the server's log


def test_links_from_imported_urls_are_not_rendered_unless_google_https(demo_db):
    with demo_db.begin() as conn:
        conn.execute(text("UPDATE reviews SET flag_url = 'data:text/html,<b>x</b>', review_url = 'http://evil.example/'"))
    for page in ("triage", "avocat"):
        at = AppTest.from_file(str(ROOT / "app_pages" / f"{page}.py"), default_timeout=60)
        sign_in_as(at, PRATICIEN)
        at.run()
        assert not at.exception
        buttons = at.get("link_button")
        assert not buttons, [b.proto.url for b in buttons]


def test_a_google_link_is_rendered(demo_db):
    with demo_db.begin() as conn:
        conn.execute(text("UPDATE reviews SET flag_url = 'https://www.google.com/local/review/rap/report?x=1'"))
    at = AppTest.from_file(str(ROOT / "app_pages" / "avocat.py"), default_timeout=60)
    sign_in_as(at, PRATICIEN)
    at.run()
    assert [b.proto.url for b in at.get("link_button")] == ["https://www.google.com/local/review/rap/report?x=1"]


def test_one_failing_format_hides_no_other_download(demo_db, monkeypatch):
    import responders.export.pdf_writer as pdf_writer

    def broken(_dossier):
        raise ValueError("The row with index 1 is too high")

    monkeypatch.setattr(pdf_writer, "dossier_pdf", broken)
    at = AppTest.from_file(str(ROOT / "app_pages" / "avocat.py"), default_timeout=60)
    sign_in_as(at, PRATICIEN)
    at.run()
    assert at.radio(key="format-candidates").value == "pdf"
    at.button(key="prepare-candidates").click().run()
    assert not at.exception
    assert any("PDF n'a pas pu être créé" in e.value for e in at.error)
    assert not [b for b in at.get("download_button") if b.key == "download-candidates"]
    at.radio(key="format-candidates").set_value("csv").run()
    at.button(key="prepare-candidates").click().run()
    assert not at.exception
    assert [b.key for b in at.get("download_button")] == ["download-candidates"]


def test_triage_and_avocat_pages_take_a_year_9999_review(demo_db):
    with demo_db.begin() as conn:  # stored before the importer refused such dates
        conn.execute(text(
            "UPDATE reviews SET created_at = '9999-12-31 23:00:00.000000', updated_at = '9999-12-31 23:00:00.000000', "
            "status = 'nouveau'"
        ))
    for page in ("triage", "avocat", "tableau_de_bord"):
        at = AppTest.from_file(str(ROOT / "app_pages" / f"{page}.py"), default_timeout=60)
        sign_in_as(at, PRATICIEN)
        at.run()
        assert not at.exception, (page, [e.value for e in at.exception])
