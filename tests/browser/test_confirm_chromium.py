"""Real Chromium, one server for the module: a practitioner confirms a reply « à vérifier » (a
text the guard can neither clear nor block) and copies it with one click, read back from the
clipboard and journaled under her name; a secretary cannot confirm it and her copy attempt is
refused and journaled; after an action on a card, keyboard focus is on the next card."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from responders.importers.demo import load_demo
from responders.store.engine import make_engine
from responders.store.models import AuditEvent
from responders.triage.actions import guard_reply, text_digest
from tests.browser.streamlit_server import (
    ARTIFACTS,
    browse,
    criticism_card,
    go,
    read_clipboard,
    running_server,
    sign_in,
    status,
    wait_idle,
)

pytestmark = pytest.mark.browser
# Specific content the positive model of a publishable reply cannot clear (verdict `review`):
# it names a room and the heating, neither a leak nor a vetted template's wording.
DOUBTFUL = "Bonjour, nous avons bien noté votre remarque sur la salle d'attente et le chauffage."
FOCUS_WAIT_MS = 30_000  # the page's script gives up after 15 s: past that, focus never comes


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('confirm') / 'confirm.db'}"
    engine = make_engine(url)
    load_demo(engine)
    with running_server(url) as address:
        yield address, engine
    engine.dispose()


def journal(engine, review_id):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return [(e.user, e.action, e.text, dict(e.detail)) for e in session.exec(
            select(AuditEvent).where(AuditEvent.review_id == review_id).order_by(AuditEvent.id))]


def edit_to_doubtful(page, card, engine, review_id):  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    with Session(engine) as session:  # the premise: the real guard says `review` for this card
        assert str(guard_reply(session, review_id, DOUBTFUL).verdict) == "review"
    box = card.locator("textarea")
    box.fill(DOUBTFUL)
    box.press("Control+Enter")
    wait_idle(page)
    expect(card.get_by_text("À vérifier", exact=False).first).to_be_visible()
    button = card.frame_locator("iframe").first.get_by_role("button", name="Copie impossible")
    expect(button).to_have_attribute("aria-disabled", "true")
    return button


def test_a_secretary_cannot_confirm_and_her_copy_is_refused(shared):
    from playwright.sync_api import expect, sync_playwright

    address, engine = shared
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser, _context, page = browse(p, viewport={"width": 1440, "height": 1000})
        try:
            card, review_id = criticism_card(page, address)
            button = edit_to_doubtful(page, card, engine, review_id)
            expect(card.get_by_role("button", name="Je confirme cette réponse (praticien)")).to_have_count(0)
            expect(card.get_by_text("Demandez à un praticien", exact=False)).to_be_visible()
            page.evaluate("navigator.clipboard.writeText('rien encore')")
            button.click(force=True)  # aria-disabled: pressing it copies nothing, and is journaled
            wait_idle(page)
            expect(page.get_by_text("doit d'abord être relue et confirmée", exact=False).first).to_be_visible()
            assert read_clipboard(page) == "rien encore"
            page.screenshot(path=str(ARTIFACTS / "confirm-secretary.png"), full_page=True)
        finally:
            browser.close()
    assert status(engine, review_id) == "nouveau"
    refused = [(u, a, t, d["verdict"], d["sha256"]) for u, a, t, d in journal(engine, review_id)]
    assert refused == [("secretariat", "copy_refused", None, "review", text_digest(DOUBTFUL))]


def test_the_practitioner_confirms_then_copies_with_one_click(shared):
    from playwright.sync_api import expect, sync_playwright

    address, engine = shared
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser, context, page = browse(p, viewport={"width": 1440, "height": 1000})
        try:
            card, review_id = criticism_card(page, address, "praticien", "demo-praticien")
            before = len(journal(engine, review_id))
            edit_to_doubtful(page, card, engine, review_id)
            card.get_by_role("button", name="Je confirme cette réponse (praticien)").click()
            wait_idle(page)
            expect(card.get_by_text("Réponse relue et confirmée par un praticien.")).to_be_visible()
            button = card.frame_locator("iframe").first.get_by_role("button", name="Copier la réponse", exact=False)
            expect(button).to_have_attribute("aria-disabled", "false")
            page.evaluate("navigator.clipboard.writeText('rien encore')")
            with context.expect_page() as google:
                button.click()
            google.value.close()
            assert read_clipboard(page) == DOUBTFUL
            wait_idle(page)
            expect(page.locator(f".st-key-card-{review_id}")).to_have_count(0)
            page.screenshot(path=str(ARTIFACTS / "confirm-copied.png"), full_page=True)

            # the Journal names her on both lines (cells of the accessible grid beside the canvas)
            go(page, "Journal")
            expect(page.locator("[data-testid='stDataFrame']")).to_be_visible()
            for action in ("Réponse à vérifier confirmée", "Réponse copiée"):  # drawn beneath the canvas
                expect(page.locator("td[role=gridcell]", has_text=action).first).to_be_attached()
            rows = page.evaluate("""() => Array.from(
                document.querySelectorAll("[data-testid='stDataFrame'] tr")).map(
                tr => Array.from(tr.querySelectorAll('th, td')).map(c => c.innerText.trim()))""")
            header = next(r for r in rows if "Personne" in r and "Action" in r)
            who, what = header.index("Personne"), header.index("Action")
            people = {r[what]: r[who] for r in rows if len(r) == len(header) and r is not header}
            assert people.get("Réponse à vérifier confirmée") == "praticien", rows
            assert people.get("Réponse copiée") == "praticien", rows
            page.screenshot(path=str(ARTIFACTS / "confirm-journal.png"), full_page=True)
        finally:
            browser.close()
    lines = [(u, a, t) for u, a, t, _ in journal(engine, review_id)[before:]]
    assert lines == [("praticien", "review_confirmed", DOUBTFUL), ("praticien", "reply_copied", DOUBTFUL),
                     ("praticien", "status", None)]
    copied = journal(engine, review_id)[before + 1][3]
    assert (copied["verdict"], copied["confirmed"], copied["sha256"]) == ("review", True, text_digest(DOUBTFUL))
    assert status(engine, review_id) == "repondu"


def test_after_an_action_focus_is_on_the_next_card(shared):
    from playwright.sync_api import expect, sync_playwright

    address, _engine = shared
    with sync_playwright() as p:
        browser, _context, page = browse(p, viewport={"width": 1440, "height": 900})
        try:
            sign_in(page, address)
            cards = page.locator('[class*="st-key-card-"]')
            expect(cards.nth(2)).to_be_visible()
            keys = [next(c for c in cards.nth(i).get_attribute("class").split() if c.startswith("st-key-card-"))
                    for i in range(3)]
            page.locator(f".{keys[0]}").get_by_role("button", name="Ne pas répondre").click()
            wait_idle(page)
            expect(page.locator(f".{keys[0]}")).to_have_count(0)
            inside = "key => !!(document.activeElement && document.activeElement.closest('.' + key))"
            page.wait_for_function(inside, arg=keys[1], timeout=FOCUS_WAIT_MS)
            # its first action button, so the keyboard carries on: Enter acts on that card, and
            # focus moves to the next one again
            assert page.evaluate("document.activeElement.innerText.trim()") == "Ne pas répondre"
            page.keyboard.press("Enter")
            wait_idle(page)
            expect(page.locator(f".{keys[1]}")).to_have_count(0)
            page.wait_for_function(inside, arg=keys[2], timeout=FOCUS_WAIT_MS)
            page.screenshot(path=str(ARTIFACTS / "focus-next.png"), full_page=True)
        finally:
            browser.close()
