"""AppTest runs of every page: renders without exception, key widgets present, the copy rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from responders.people.accounts import Account
from responders.store.models import AuditEvent, Review
from tests.app.conftest import sign_in_as

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["triage", "importer", "tableau_de_bord", "avocat", "journal", "reglages"]


PRATICIEN = Account(name="Dr Martin", role="praticien")


def run_page(name: str, account: Account | None = PRATICIEN) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app_pages" / f"{name}.py"), default_timeout=60)
    if account is not None:
        sign_in_as(at, account)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_on_an_empty_database(app_db, name):
    at = run_page(name)
    assert at.title, f"page {name} has no title"


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_with_demo_data(demo_db, name):
    run_page(name)


def test_app_navigation_renders(demo_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    sign_in_as(at, PRATICIEN)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Triage des avis"


def criticism_queue() -> AppTest:
    at = run_page("triage")
    at.multiselect(key="filter-labels").set_value(["criticism"]).run()
    assert not at.exception
    return at


def _reply_box(at: AppTest):
    boxes = [t for t in at.text_area if t.key and t.key.startswith("reply-") and t.value]
    assert boxes, "the triage page shows at least one draft"
    return boxes[0]


def _copy_buttons(at: AppTest, review_key: str):
    return [b for b in at.button if b.key == review_key.replace("reply-", "copy-")]


def test_copy_button_follows_the_guard(demo_db):
    at = criticism_queue()
    box = _reply_box(at)
    assert _copy_buttons(at, box.key), "a draft that passes the guard can be copied"

    box.input("Nous sommes désolés que votre détartrage vous ait fait mal.").run()
    assert not at.exception
    assert not _copy_buttons(at, box.key), "a leaking reply must lose its copy button"
    shown = " ".join(t.value for t in at.text)
    assert "détartrage" in shown  # the blocking span is shown with its explanation
    assert at.error, "the block is explained"

    box.input("Nous avons bien reçu votre message. Vous pouvez contacter le cabinet par téléphone.").run()
    assert _copy_buttons(at, box.key), "fixing the reply brings the copy button back"


def test_copy_records_an_audit_event_with_the_exact_text(demo_db):
    at = criticism_queue()
    box = _reply_box(at)
    text = box.value
    review_id = int(box.key.removeprefix("reply-"))
    _copy_buttons(at, box.key)[0].click().run()
    assert not at.exception
    assert [c.value for c in at.code] == [text]
    with Session(demo_db) as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "reply_copied")).all()
    assert [(e.review_id, e.text, e.detail["guard"]["allowed"]) for e in events] == [(review_id, text, True)]
    assert [e.user for e in events] == ["Dr Martin"]  # the signed-in person, not a shared setting

    done = [b for b in at.button if b.key == f"done-{review_id}"]
    done[0].click().run()
    with Session(demo_db) as session:
        assert session.get(Review, review_id).status == "repondu"


def test_finish_triage_empties_the_queue(demo_db):
    at = run_page("triage")
    assert [t for t in at.text_area if t.key and t.key.startswith("reply-")]
    [b for b in at.button if b.label == "Terminer le triage"][0].click().run()
    assert not at.exception
    assert not [t for t in at.text_area if t.key and t.key.startswith("reply-")]


def test_avocat_page_lets_quebec_staff_correct_the_date_of_knowledge(demo_db):
    from responders.export import build_dossier

    with Session(demo_db) as session:
        dossier = build_dossier(session, profile="fr-dentiste")
    quebec = [e.review_id for e in dossier.entries if e.profile.jurisdiction == "QC"]
    france = [e.review_id for e in dossier.entries if e.profile.jurisdiction == "FR"]
    assert quebec and france, "the demo holds candidates in both jurisdictions"
    at = run_page("avocat")
    at.selectbox[0].set_value(france[0]).run()
    assert not [d for d in at.date_input if d.key and d.key.startswith("knowledge-")]
    at.selectbox[0].set_value(quebec[0]).run()
    assert [d for d in at.date_input if d.key == f"knowledge-{quebec[0]}"]
    assert at.code[0].value.startswith("DEMANDE DE RETRAIT")  # the Québec notice, as text to copy


def test_demo_listings_get_their_own_profiles_and_can_be_changed(demo_db):
    from responders.store.models import Location

    with Session(demo_db) as session:
        profiles = {loc.name: loc.profile for loc in session.exec(select(Location)).all()}
    assert profiles == {"Cabinet dentaire des Tilleuls": "fr-dentiste", "Clinique médicale du Plateau": "qc-medecin"}
    at = run_page("reglages")
    boxes = [s for s in at.selectbox if s.key and s.key.startswith("location-profile-")]
    assert len(boxes) == 2
    boxes[0].set_value("qc-dentiste")
    [b for b in at.button if b.label == "Enregistrer les profils"][0].click().run()
    assert not at.exception
    with Session(demo_db) as session:
        assert "qc-dentiste" in {loc.profile for loc in session.exec(select(Location)).all()}
