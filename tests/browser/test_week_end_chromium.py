"""Ending the week in a real headless Chromium: « Terminer le triage » lists what is left, waits
for confirmation, and keeps the urgent defamation in the queue while untouched praise leaves.
The demo is loaded first and the product's clock is pinned (RESPONDERS_NOW), so the most urgent
review of the demo has 7 days left."""

from __future__ import annotations

import pytest

from responders.importers.demo import load_demo
from responders.store.engine import make_engine
from tests.browser.streamlit_server import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    USER_WAIT_MS,
    running_server,
    sign_in,
    wait_idle,
)

pytestmark = pytest.mark.browser

NOW = "2026-11-25T12:00:00+00:00"


@pytest.fixture
def demo_server(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'week.db'}"
    # the demo's dates are computed from the product's clock: the same pinned moment for the
    # data and for the server that reads them
    with monkeypatch.context() as pinned:
        pinned.setenv("RESPONDERS_NOW", NOW)
        engine = make_engine(url)
        load_demo(engine)
        engine.dispose()
    with running_server(url, env={"RESPONDERS_NOW": NOW}) as address:
        yield address


def test_ending_the_week_keeps_an_urgent_review_in_the_queue(demo_server):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.set_default_timeout(USER_WAIT_MS)
        expect.set_options(timeout=USER_WAIT_MS)
        try:
            sign_in(page, demo_server)
            # the most urgent review comes first: a defamation with days left on its deadline
            first = page.locator('[class*="st-key-card-"]').first
            expect(first.get_by_text("Délai pour agir").first).to_be_visible()
            expect(first.get_by_text("7 jour(s) restant(s)", exact=False).first).to_be_visible()
            urgent = next(c for c in first.get_attribute("class").split() if c.startswith("st-key-card-"))
            cards_before = page.locator('[class*="st-key-card-"]').count()

            page.get_by_role("button", name="Terminer le triage").click()
            wait_idle(page)
            summary = page.locator(".st-key-finish-triage")
            expect(summary.get_by_text("restent dans la file", exact=False)).to_be_visible()
            expect(summary.locator("[data-testid='stDataFrame']")).to_be_visible()
            # nothing has left the queue before confirmation
            assert page.locator('[class*="st-key-card-"]').count() == cards_before
            page.screenshot(path=str(ARTIFACTS / "week-1-confirm.png"), full_page=True)

            page.get_by_role("button", name="Confirmer la fin du triage").click()
            wait_idle(page)
            expect(page.locator(".st-key-finish-triage")).to_have_count(0)
            expect(page.locator(f".{urgent}")).to_be_visible()
            expect(page.locator(f".{urgent}").get_by_text("7 jour(s) restant(s)", exact=False).first).to_be_visible()
            expect(page.get_by_text("dernier triage terminé le", exact=False)).to_be_visible()
            # only legal candidates are left: the untouched praise and criticism left the queue
            expect(page.get_by_text("Éloge", exact=True)).to_have_count(0)
            page.screenshot(path=str(ARTIFACTS / "week-2-after.png"), full_page=True)
        finally:
            page.screenshot(path=str(ARTIFACTS / "week-last.png"), full_page=True)
            browser.close()
