"""AppTest runs of every page: renders without exception, key widgets present, the copy rule."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from responders.people.accounts import Account
from responders.store.models import AuditEvent, Review, ReviewRevision
from responders.triage import queue
from tests.app.conftest import sign_in_as

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["triage", "importer", "tableau_de_bord", "avocat", "retraits", "reponses_publiees", "journal", "reglages"]


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
    """The copy component of a card, when the page gave it the text to copy."""
    key = review_key.replace("reply-", "copy-")
    return [c for c in at.get("component_instance") if c.key == key]


def _copy_args(at: AppTest, review_key: str) -> dict:
    [button] = _copy_buttons(at, review_key)
    return json.loads(button.proto.json_args)


def click_copy(at: AppTest, review_key: str, event: dict) -> AppTest:
    """What the component sends back after a click (the browser test clicks the real one)."""
    at.session_state[review_key.replace("reply-", "copy-")] = event
    return at.run()


def test_copy_button_follows_the_guard(demo_db):
    at = criticism_queue()
    box = _reply_box(at)
    args = _copy_args(at, box.key)
    assert args["text"] == box.value and not args["refused"], "the frame gets exactly the text guarded"

    box.input("Nous sommes désolés que votre détartrage vous ait fait mal.").run()
    assert not at.exception
    args = _copy_args(at, box.key)
    assert args["refused"] and args["text"] is None, "a leaking reply never reaches the copy frame"
    shown = " ".join(t.value for t in at.text)
    assert "détartrage" in shown  # the blocking span is shown with its explanation
    assert at.error, "the block is explained"

    box.input("Nous avons bien reçu votre message. Vous pouvez contacter le cabinet par téléphone.").run()
    assert not _copy_args(at, box.key)["refused"], "fixing the reply brings the copy back"


def test_copy_records_an_audit_event_with_the_exact_text(demo_db):
    at = criticism_queue()
    box = _reply_box(at)
    text = box.value
    review_id = int(box.key.removeprefix("reply-"))
    click_copy(at, box.key, {"event": "copied", "text": text, "method": "clipboard", "nonce": "n1"})
    assert not at.exception
    with Session(demo_db) as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "reply_copied")).all()
        assert session.get(Review, review_id).status == "repondu"
    assert [(e.review_id, e.text, e.detail["verdict"]) for e in events] == [(review_id, text, "pass")]
    assert events[0].detail["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert not [t for t in at.text_area if t.key == box.key], "the answered review left the queue"
    assert "Réponse copiée" in at.success[0].value

    # the same click reported again (a rerun) is not a second copy; undo brings the review back
    at.run()
    [b for b in at.button if b.key == "undo-last"][0].click().run()
    with Session(demo_db) as session:
        assert session.get(Review, review_id).status == "nouveau"
        assert len(session.exec(select(AuditEvent).where(AuditEvent.action == "reply_copied")).all()) == 1
        undone = session.exec(select(AuditEvent).where(AuditEvent.action == "status_undone")).all()
    assert [e.review_id for e in undone] == [review_id]
    assert [t for t in at.text_area if t.key == box.key]


def test_a_refused_click_is_journaled_and_copies_nothing(demo_db):
    at = criticism_queue()
    box = _reply_box(at)
    review_id = int(box.key.removeprefix("reply-"))
    leak = "Nous sommes désolés que votre détartrage vous ait fait mal."
    box.input(leak).run()
    click_copy(at, box.key, {"event": "refused", "nonce": "n2"})
    assert not at.exception
    with Session(demo_db) as session:
        refused = session.exec(select(AuditEvent).where(AuditEvent.action == "copy_refused")).all()
        assert not session.exec(select(AuditEvent).where(AuditEvent.action == "reply_copied")).all()
        assert session.get(Review, review_id).status == "nouveau"
    # the refused text is not kept (it may hold what must not leak): its digest is
    assert [(e.review_id, e.text, e.detail["verdict"]) for e in refused] == [(review_id, None, "block")]
    assert "refusée" in at.error[0].value and not at.success


def test_a_tampered_copy_event_is_guarded_again_by_the_core(demo_db):
    at = criticism_queue()
    box = _reply_box(at)
    review_id = int(box.key.removeprefix("reply-"))
    click_copy(at, box.key, {"event": "copied", "text": "Votre détartrage s'est bien passé.", "nonce": "n3"})
    with Session(demo_db) as session:
        assert session.get(Review, review_id).status == "nouveau"
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "copy_refused")).all()


def test_search_narrows_the_queue(demo_db):
    at = run_page("triage")
    total = _count(at)
    at.text_input(key="filter-search").input("zzzz-introuvable").run()
    assert _count(at) == 0 and at.info
    at.text_input(key="filter-search").input("accueil").run()
    assert 0 < _count(at) < total
    for box in [t for t in at.text_area if t.key and t.key.startswith("reply-")]:
        review_id = int(box.key.removeprefix("reply-"))
        with Session(demo_db) as session:
            review = session.get(Review, review_id)
            revision = session.get(ReviewRevision, review.current_revision_id)
            found = f"{revision.text_original or ''} {review.author_display_name or ''}".lower()
        assert "accueil" in found


def _count(at: AppTest) -> int:
    line = next(m.value for m in at.markdown if "avis à traiter" in m.value)
    return int(line.split("**")[1])


def test_bulk_no_reply_for_rating_only_praise_asks_first_then_can_be_undone(demo_db):
    at = run_page("triage")
    at.multiselect(key="filter-labels").set_value(["praise"])
    at.selectbox(key="filter-comment").set_value(True).run()
    count = _count(at)
    with Session(demo_db) as session:
        expected = queue.queue_ids(session, queue.QueueFilters(labels=("praise",), without_text=True))
    assert count == len(expected) > 1
    at.selectbox(key="bulk-status").set_value("ne_pas_repondre")
    [b for b in at.button if b.key == "bulk-apply"][0].click().run()
    assert "Confirmer" in at.warning[0].value and str(count) in at.warning[0].value
    with Session(demo_db) as session:  # nothing changes before the confirmation
        assert {session.get(Review, i).status for i in expected} == {"nouveau"}
    [b for b in at.button if b.key == "bulk-confirm"][0].click().run()
    assert not at.exception
    assert _count(at) == 0
    with Session(demo_db) as session:
        assert {session.get(Review, i).status for i in expected} == {"ne_pas_repondre"}
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "status")).all()
    assert sorted(e.review_id for e in events) == sorted(expected)
    [b for b in at.button if b.key == "undo-last"][0].click().run()
    assert _count(at) == count
    with Session(demo_db) as session:
        assert {session.get(Review, i).status for i in expected} == {"nouveau"}


def test_bulk_can_be_cancelled(demo_db):
    at = run_page("triage")
    [b for b in at.button if b.key == "bulk-apply"][0].click().run()
    [b for b in at.button if b.key == "bulk-cancel"][0].click().run()
    with Session(demo_db) as session:
        assert not session.exec(select(AuditEvent).where(AuditEvent.action == "status")).all()


def test_a_single_status_change_can_be_undone_and_pages_are_at_the_bottom_too(demo_db):
    at = run_page("triage")
    assert [b for b in at.button if b.key == "page-next"], "the pager is repeated under the cards"
    [b for b in at.button if b.key == "page-next"][0].click().run()
    assert at.number_input(key="triage_page").value == 2
    first = next(b for b in at.button if b.key and b.key.startswith("later-"))
    review_id = int(first.key.removeprefix("later-"))
    first.click().run()
    with Session(demo_db) as session:
        assert session.get(Review, review_id).status == "a_revoir"
    [b for b in at.button if b.key == "undo-last"][0].click().run()
    with Session(demo_db) as session:
        assert session.get(Review, review_id).status == "nouveau"


def _card_ids(at: AppTest) -> set[int]:
    return {int(t.key.removeprefix("reply-")) for t in at.text_area if t.key and t.key.startswith("reply-")}


def test_finish_triage_lists_what_is_left_and_keeps_the_legal_cases(demo_db, monkeypatch):
    monkeypatch.setenv("RESPONDERS_NOW", "2026-11-20T12:00:00+00:00")
    at = run_page("triage")
    before = _card_ids(at)
    assert before
    [b for b in at.button if b.label == "Terminer le triage"][0].click().run()
    assert not at.exception
    # nothing happens before confirmation: the list of what is left is shown
    assert _card_ids(at) == before
    left = at.dataframe[0].value
    assert {"reste dans la file", "sort de la file"} <= set(left["Après le triage"])
    with Session(demo_db) as session:
        assert not session.exec(select(AuditEvent).where(AuditEvent.action == "triage_finished")).all()
    [b for b in at.button if b.key == "finish-confirm"][0].click().run()
    assert not at.exception
    after = _card_ids(at)
    assert after, "the legal candidates nobody acted on stay in the queue"
    with Session(demo_db) as session:
        labels = {session.get(Review, i).label for i in after}
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "triage_finished")).one()
    assert labels <= {"defamation", "insult"}
    assert set(event.detail["kept"]) >= after and event.detail["left"]


def test_transmitting_to_the_lawyer_asks_for_confirmation_and_records_who(demo_db):
    at = run_page("triage")
    review_id = min(_card_ids(at))
    [b for b in at.button if b.key == f"lawyer-{review_id}"][0].click().run()
    assert not at.exception
    with Session(demo_db) as session:
        assert session.get(Review, review_id).status == "nouveau"  # not before confirmation
    [b for b in at.button if b.key == f"lawyer-confirm-{review_id}"][0].click().run()
    assert not at.exception
    with Session(demo_db) as session:
        assert session.get(Review, review_id).status == "avocat"
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "send_to_lawyer")).one()
    assert event.review_id == review_id and event.user and event.at is not None


def test_avocat_page_sets_the_quebec_date_of_knowledge_for_several_reviews(demo_db, monkeypatch):

    from responders.export import build_dossier

    monkeypatch.setenv("RESPONDERS_NOW", "2026-11-25T12:00:00+00:00")
    with Session(demo_db) as session:
        dossier = build_dossier(session, profile="fr-dentiste")
    quebec = [e.review_id for e in dossier.entries if e.profile.jurisdiction == "QC"]
    france = [e.review_id for e in dossier.entries if e.profile.jurisdiction == "FR"]
    assert len(quebec) >= 2 and france, "the demo holds candidates in both jurisdictions"
    # until a date is set, every Québec entry counts from its publication
    assert all(e.deadline.start is not None and "depuis la publication" in e.deadline.note
               for e in dossier.entries if e.profile.jurisdiction == "QC")
    at = run_page("avocat")
    picker = at.multiselect(key="knowledge-reviews")
    assert len(picker.options) == len(quebec)  # only Québec entries are offered
    picker.set_value(quebec[:2])
    at.text_input(key="knowledge-day").input("24/11/2026")
    at.text_input(key="knowledge-reason").input("avis découverts lors du tri hebdomadaire")
    [b for b in at.button if b.label == "Enregistrer la date de connaissance"][0].click().run()
    assert not at.exception
    with Session(demo_db) as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "knowledge_date")).all()
    assert {e.review_id for e in events} == set(quebec[:2])
    assert {e.detail["reason"] for e in events} == {"avis découverts lors du tri hebdomadaire"}
    at.selectbox[0].set_value(quebec[0]).run()
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


def test_importer_asks_for_the_profile_of_a_new_listing(app_db):
    at = run_page("importer")
    box = at.selectbox(key="import-profile")
    assert box.value == ""  # the practice's profile unless someone picks one
    assert "Médecin (Québec)" in box.options and len(box.options) == 5  # every profile is offered


def test_reglages_merges_two_listings_after_confirmation(demo_db):
    from responders.store.models import Location

    with Session(demo_db) as session:
        stray = Location(key="place:ChIJstray", name="Clinique médicale du Plateau (doublon)", profile="qc-medecin")
        session.add(stray)
        session.commit()
        plateau = session.exec(select(Location).where(Location.key == "locations/5679")).one()
        stray_id, plateau_id = stray.id, plateau.id
    at = run_page("reglages")
    at.selectbox(key="merge-keep").set_value(plateau_id)
    at.selectbox(key="merge-other").set_value(stray_id)
    [b for b in at.button if b.label == "Fusionner"][0].click().run()
    assert not at.exception and at.error  # not without the confirmation
    with Session(demo_db) as session:
        assert session.get(Location, stray_id) is not None
    at.checkbox(key="merge-sure").check()
    [b for b in at.button if b.label == "Fusionner"][0].click().run()
    assert not at.exception
    with Session(demo_db) as session:
        assert session.get(Location, stray_id) is None
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "settings")).all()[-1]
    assert event.detail["merged"] == "place:ChIJstray"


def test_a_failed_connection_test_leaves_the_model_off_and_shows_loi_25(demo_db, monkeypatch):
    from responders.views import settings_view

    monkeypatch.setattr("responders.llm.check_connection", lambda _s: (False, "Le serveur ne répond pas."))
    at = run_page("reglages")
    assert any("Loi 25" in w.value for w in at.warning)  # the demo has a Québec clinic
    at.radio(key="llm-engine").set_value("llm")
    at.text_input(key="llm-base-url").input("https://llm.example/v1")
    at.text_input(key="llm-model").input("m")
    [b for b in at.button if b.label == "Tester la connexion"][0].click().run()
    assert not at.exception
    assert any("pas été activé" in e.value for e in at.error)
    with Session(demo_db) as session:
        assert settings_view.llm_state(session).engine == "rules"
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "settings")).all()
    assert [e.detail.get("test") for e in events] == ["échoué"]


def _transmit_one(engine) -> int:
    from responders.export import build_dossier

    with Session(engine) as session:
        dossier = build_dossier(session, profile="fr-dentiste")
        review = session.get(Review, dossier.entries[0].review_id)
        review.status = "avocat"
        session.add(review)
        session.commit()
        return int(review.id)


def test_avocat_page_builds_the_transmitted_dossier_only_when_asked(demo_db, monkeypatch):
    import time

    import responders.views.lawyer_view as lawyer_view

    calls: list[tuple[str, str]] = []
    real = lawyer_view.dossier_bytes

    def counting(dossier, fmt):
        calls.append((dossier.scope, fmt))
        return real(dossier, fmt)

    monkeypatch.setattr(lawyer_view, "dossier_bytes", counting)
    _transmit_one(demo_db)
    started = time.perf_counter()
    at = run_page("avocat")
    assert time.perf_counter() - started < 10  # generous on a loaded CI machine; ~1 s here
    assert calls == [], "no file is built before someone asks for it"
    assert not at.download_button
    assert at.subheader[0].value == "Dossier transmis à l'avocat (1 avis)"
    at.radio(key="format-transmitted").set_value("json").run()
    at.button(key="prepare-transmitted").click().run()
    assert not at.exception
    assert calls == [("transmitted", "json")]
    assert [b.key for b in at.download_button] == ["download-transmitted"]
    # every candidate stays one click away, built on its own button
    at.button(key="prepare-candidates").click().run()
    assert calls[-1] == ("candidates", "pdf")
    assert {b.key for b in at.download_button} == {"download-transmitted", "download-candidates"}


def test_avocat_page_attaches_a_capture_with_its_digest(demo_db):
    import hashlib

    from responders.store.models import ReviewCapture

    at = run_page("avocat")
    review_id = at.selectbox(key="lawyer-review").value
    png = b"\x89PNG\r\n\x1a\n" + b"\x01" * 32
    at.file_uploader(key=f"capture-upload-{review_id}").set_value(("avis.png", png, "image/png")).run()
    at.button(key=f"capture-add-{review_id}").click().run()
    assert not at.exception
    with Session(demo_db) as session:
        stored = session.exec(select(ReviewCapture)).all()
    assert [(c.review_id, c.filename, c.sha256) for c in stored] == [(review_id, "avis.png", hashlib.sha256(png).hexdigest())]
    assert any(hashlib.sha256(png).hexdigest() in str(df.value.values) for df in at.dataframe)
    # the file itself is read from the database only when someone asks for it
    assert not [b for b in at.download_button if b.key and b.key.startswith("capture-download-")]
    at.button(key=f"capture-prepare-{review_id}").click().run()
    assert [b.key for b in at.download_button] == [f"capture-download-{stored[0].id}"]
    # a file that is not an image is refused with a French message
    at.file_uploader(key=f"capture-upload-{review_id}").set_value(("avis.png", b"MZ pas une image", "image/png")).run()
    at.button(key=f"capture-add-{review_id}").click().run()
    assert at.error and "n'est pas une image" in at.error[0].value


def test_each_listing_can_have_its_own_signatory(demo_db):
    from responders.store.models import Location
    from responders.store.settings import Signatory, load_signatories

    at = run_page("reglages")
    with Session(demo_db) as session:
        montreal = session.exec(select(Location).where(Location.profile == "qc-medecin")).one()
    at.text_input(key=f"location-signer-{montreal.id}").input("Dre Anne Roy")
    at.text_input(key=f"location-signer-email-{montreal.id}").input("direction@plateau.example")
    [b for b in at.button if b.label == "Enregistrer les profils"][0].click().run()
    assert not at.exception
    with Session(demo_db) as session:
        assert load_signatories(session) == {montreal.key: Signatory("Dre Anne Roy", "direction@plateau.example")}
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "settings")).all()
        assert [e.detail["section"] for e in events] == ["signataire"]


def test_importer_lists_every_refused_file_and_offers_the_column_mapping(app_db):
    from app_pages.common import KEY_IMPORT_RESULT
    from responders.importers.batch import import_uploads

    odd = "Commentaire client;Nb étoiles\nTrès bien;5\n".encode()
    demo = (ROOT / "data" / "demo" / "outscraper_excel_fr.csv").read_bytes()
    result = import_uploads(app_db, [("bon.csv", demo), ("scan.csv", b"%PDF-1.5"), ("Mes avis.csv", odd)])
    at = AppTest.from_file(str(ROOT / "app_pages" / "importer.py"), default_timeout=60)
    sign_in_as(at, PRATICIEN)
    at.session_state[KEY_IMPORT_RESULT] = result.to_dict()
    at.run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown).replace("\\", "")  # Markdown escapes
    assert "scan.csv : ce fichier est un PDF, pas un export d'avis." in shown
    assert "« bon.csv »" in shown and "--mapping" not in shown and "/tmp" not in shown
    assert "2 fichier(s) non importé(s)" in at.error[0].value
    text_choice = at.selectbox(key="map-1-text")
    assert text_choice.options == ["— aucune —", "Commentaire client", "Nb étoiles"]


def test_a_card_whose_status_changed_offers_its_own_undo(demo_db):
    at = run_page("triage")
    first = next(b for b in at.button if b.key and b.key.startswith("later-"))
    review_id = int(first.key.removeprefix("later-"))
    first.click().run()
    undo = [b for b in at.button if b.key == f"undo-{review_id}"]
    assert undo, "a review « À revoir » stays in the queue with its undo"
    undo[0].click().run()
    assert not at.exception
    with Session(demo_db) as session:
        assert session.get(Review, review_id).status == "nouveau"
    assert not [b for b in at.button if b.key == f"undo-{review_id}"]


def test_reglages_tests_the_model_address_through_the_core_and_journals_it(demo_db, monkeypatch):
    from responders.views import settings_view

    monkeypatch.setattr("responders.llm.check_connection", lambda _s: (True, "Connexion réussie."))
    at = run_page("reglages")
    at.text_input(key="llm-base-url").input("http://127.0.0.1:9/v1")
    at.text_input(key="llm-model").input("modele-local")
    at.button(key="FormSubmitter:llm-Tester la connexion").click().run()
    assert not at.exception
    assert any("Connexion réussie" in s.value for s in at.success)
    at.radio(key="llm-engine").set_value("llm")
    at.button(key="FormSubmitter:llm-Enregistrer").click().run()
    assert not at.exception
    with Session(demo_db) as session:
        events = [(e.user, e.detail.get("test"), e.detail.get("to", {}).get("engine"))
                  for e in session.exec(select(AuditEvent).where(AuditEvent.action == "settings")).all()
                  if e.detail.get("section") == settings_view.LLM_SECTION]
        assert settings_view.llm_state(session).engine == "llm"
    assert events == [(PRATICIEN.name, "réussi", None), (PRATICIEN.name, None, "llm")]


def _focus_scripts(at: AppTest) -> list[str]:
    found: list[str] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        children = getattr(node, "children", None) or {}
        for child in children.values() if isinstance(children, dict) else children:
            if getattr(child, "type", None) == "iframe":
                found.append(child.proto.srcdoc)
            walk(child)

    walk(at._tree)
    return found


def test_after_an_action_focus_is_sent_to_the_next_card(demo_db):
    at = run_page("triage", Account(name="Claire", role="secretariat"))
    cards = [b.key.removeprefix("noreply-") for b in at.button if b.key and b.key.startswith("noreply-")]
    assert len(cards) >= 3 and not _focus_scripts(at)
    at.button(key=f"noreply-{cards[0]}").click().run()
    assert not at.exception
    [script] = _focus_scripts(at)
    assert f'".st-key-card-{cards[1]}"' in script and f'".st-key-card-{cards[0]}"' in script
    # « À revoir » keeps the card in the queue: focus still goes to the one after it
    at.button(key=f"later-{cards[1]}").click().run()
    [script] = _focus_scripts(at)
    assert f'target = ".st-key-card-{cards[2]}"' in script
    at.run()  # a rerun without an action moves nothing
    assert not _focus_scripts(at)


def test_the_card_after_the_one_acted_on():
    from app_pages.focus import next_card

    assert next_card([1, 2, 3], [2, 3], 1) == 2
    assert next_card([1, 2, 3], [1, 2, 3], 2) == 3  # the card stayed (« À revoir »)
    assert next_card([1, 2, 3], [1, 2, 4], 3) == 2  # the last one: the one before it
    assert next_card([1, 2, 3], [4, 5], 3) == 4  # a new page: its first card
    assert next_card([1], [], 1) is None
    assert next_card([1, 2], [2], None) is None
