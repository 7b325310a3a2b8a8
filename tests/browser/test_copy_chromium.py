"""One click copies a safe reply, in a real Chromium: read back from the clipboard, the review
leaves the queue, the copy is journaled; the same on a 390 px touch screen; an edited leaking
reply cannot be copied and the attempt is journaled."""

from __future__ import annotations

import pytest

from responders.store.engine import make_engine
from tests.browser.streamlit_server import (
    ARTIFACTS,
    browse,
    criticism_card,
    events,
    read_clipboard,
    running_server,
    status,
    wait_idle,
)

pytestmark = pytest.mark.browser
LEAK = "Nous sommes désolés que votre détartrage vous ait fait mal."


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One server for the module: each test reads only the journal lines it wrote."""
    from responders.importers.demo import load_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('copy') / 'copy.db'}"
    engine = make_engine(url)
    load_demo(engine)
    with running_server(url) as address:
        yield address, engine
    engine.dispose()


def copy_with_one_gesture(page, card, review_id, engine, *, tap: bool, shot: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    draft = card.locator("textarea").input_value()
    before = len(events(engine, review_id))
    button = card.frame_locator("iframe").first.get_by_role("button", name="Copier la réponse")
    expect(button).to_be_visible()
    page.evaluate("navigator.clipboard.writeText('rien encore')")
    with page.context.expect_page() as google:
        button.tap() if tap else button.click()
    assert google.value.url.startswith("https://www.google.com/"), google.value.url
    google.value.close()
    assert read_clipboard(page) == draft
    wait_idle(page)
    expect(page.locator(f".st-key-card-{review_id}")).to_have_count(0)
    expect(page.get_by_text("Réponse copiée").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    journal = events(engine, review_id)[before:]
    copied = [e for e in journal if e[0] == "reply_copied"]
    assert len(copied) == 1 and copied[0][1] == draft and copied[0][2]["verdict"] == "pass"
    assert status(engine, review_id) == "repondu"


def test_one_click_copies_the_safe_reply_and_answers_the_review(demo):
    from playwright.sync_api import sync_playwright

    address, engine = demo
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser, _context, page = browse(p, viewport={"width": 1440, "height": 1000})
        try:
            card, review_id = criticism_card(page, address)
            copy_with_one_gesture(page, card, review_id, engine, tap=False, shot="copy-desktop.png")
            # undo puts it back in the queue
            page.get_by_role("button", name="Annuler").click()
            wait_idle(page)
            assert status(engine, review_id) == "nouveau"
        finally:
            page.screenshot(path=str(ARTIFACTS / "copy-desktop-last.png"), full_page=True)
            browser.close()


def test_one_tap_on_a_phone(demo):
    from playwright.sync_api import sync_playwright

    address, engine = demo
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser, _context, page = browse(p, viewport={"width": 390, "height": 844}, has_touch=True,
                                         is_mobile=True, device_scale_factor=2)
        try:
            card, review_id = criticism_card(page, address)
            card.scroll_into_view_if_needed()
            copy_with_one_gesture(page, card, review_id, engine, tap=True, shot="copy-phone.png")
        finally:
            page.screenshot(path=str(ARTIFACTS / "copy-phone-last.png"), full_page=True)
            browser.close()


def test_an_edited_leaking_reply_cannot_be_copied(demo):
    from playwright.sync_api import expect, sync_playwright

    address, engine = demo
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser, _context, page = browse(p, viewport={"width": 820, "height": 1000})
        try:
            card, review_id = criticism_card(page, address)
            before = len(events(engine, review_id))
            box = card.locator("textarea")
            box.fill(LEAK)
            box.press("Control+Enter")
            wait_idle(page)
            expect(card.get_by_text("ne peut pas être publiée")).to_be_visible()
            button = card.frame_locator("iframe").first.get_by_role("button", name="Copie impossible")
            expect(button).to_have_attribute("aria-disabled", "true")
            page.evaluate("navigator.clipboard.writeText('rien encore')")
            button.click(force=True)  # aria-disabled: a person can still press it, nothing is copied
            wait_idle(page)
            expect(page.get_by_text("Copie refusée").first).to_be_visible()
            assert read_clipboard(page) == "rien encore"
            assert status(engine, review_id) == "nouveau"
            journal = events(engine, review_id)[before:]
            assert [(a, t, d["verdict"]) for a, t, d in journal] == [("copy_refused", None, "block")]
            page.screenshot(path=str(ARTIFACTS / "copy-refused.png"), full_page=True)
        finally:
            browser.close()
