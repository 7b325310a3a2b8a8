"""The main workflow in a real headless Chromium against `streamlit run` on 127.0.0.1:
import the demo CSV, triage a criticism review, copy its guarded reply, see the status change,
open the dashboard. Screenshots go to tests/artifacts/ (git-ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.streamlit_server import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    USER_WAIT_MS,
    add_account,
    go,
    read_clipboard,
    running_server,
    sign_in,
    stub_google,
    wait_idle,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DEMO_CSV = ROOT / "data" / "demo" / "outscraper_excel_fr.csv"
SECRETARY, PASSWORD = "claire", "mot-de-passe-de-test"


@pytest.fixture
def server(tmp_path):
    database = f"sqlite:///{tmp_path / 'e2e.db'}"
    add_account(database, SECRETARY, "secretariat", PASSWORD)
    with running_server(database) as url:
        yield url


def test_import_triage_copy_dashboard(server):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            permissions=["clipboard-read", "clipboard-write"], viewport={"width": 1400, "height": 1000}
        )
        stub_google(context)
        page = context.new_page()
        # Waits are on what the user waits for (a title, a card, an import summary), with limits
        # generous enough for a loaded 2-core machine: the first visit loads every lexicon.
        page.set_default_timeout(USER_WAIT_MS)
        expect.set_options(timeout=USER_WAIT_MS)
        try:
            walk_main_workflow(page, server)
        finally:
            page.screenshot(path=str(ARTIFACTS / "last.png"), full_page=True)
            browser.close()


def walk_main_workflow(page, server):
    from playwright.sync_api import expect

    if True:

        # 0. a page's address asks to sign in first (in French, no "Page not found"); then sign
        # in: the secretary sees no Réglages and no Avocat page
        page.goto(f"{server}/journal")
        expect(page.get_by_text("Connexion").first).to_be_visible()
        wait_idle(page)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        sign_in(page, server, SECRETARY, PASSWORD)
        nav = page.locator('[data-testid="stSidebarNav"]')
        expect(nav.get_by_role("link", name="Journal")).to_be_visible()
        expect(nav.get_by_role("link", name="Réglages")).to_have_count(0)
        expect(nav.get_by_role("link", name="Avocat")).to_have_count(0)

        # 1. import the demo CSV re-saved by French Excel
        go(page, "Importer")
        expect(page.get_by_text("Importer des avis").first).to_be_visible()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(DEMO_CSV))
        page.get_by_role("button", name="Importer", exact=True).click()
        expect(page.get_by_text("Nouveaux avis :")).to_be_visible()
        assert "Nouveaux avis : 0" not in page.content()
        page.screenshot(path=str(ARTIFACTS / "1-import.png"), full_page=True)

        # 2. triage: keep only criticism
        go(page, "Triage")
        expect(page.get_by_text("Triage des avis")).to_be_visible()
        wait_idle(page)
        page.get_by_text("Filtres").click()
        wait_idle(page)
        categories = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Catégorie")
        for _attempt in range(3):  # the dropdown can close if a rerun lands while it opens
            categories.locator("input").click()
            option = page.get_by_role("option", name="Critique", exact=True)
            try:
                option.click(timeout=5_000)
                break
            except Exception:
                page.keyboard.press("Escape")
                wait_idle(page)
        page.keyboard.press("Escape")
        expect(categories.get_by_text("Critique")).to_be_visible()
        wait_idle(page)
        first = page.locator('[class*="st-key-card-"]').first
        expect(first.get_by_text("Critique").first).to_be_visible()
        key_class = next(c for c in first.get_attribute("class").split() if c.startswith("st-key-card-"))
        review = page.locator(f".{key_class}")
        draft = review.locator("textarea").input_value()
        assert draft.strip(), "a criticism review must get a draft"
        page.screenshot(path=str(ARTIFACTS / "2-triage.png"), full_page=True)

        # 3. one click copies the guarded draft, opens the review on Google and answers it
        button = review.frame_locator("iframe").first.get_by_role("button", name="Copier la réponse")
        expect(button).to_be_visible()
        with page.context.expect_page() as google:
            button.click()
        assert google.value.url.startswith("https://www.google.com/maps/")
        google.value.close()
        copied = read_clipboard(page)
        assert copied == draft
        wait_idle(page)
        # it leaves the queue at once, and the copy is undoable
        expect(page.locator(f".{key_class}")).to_have_count(0)
        expect(page.get_by_text("Réponse copiée").first).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "3-copied.png"), full_page=True)

        # 4. the journal shows the copy under her name (dataframe cells are drawn on a canvas:
        # read the accessible grid Streamlit keeps beside it)
        go(page, "Journal")
        expect(page.get_by_text("Journal").first).to_be_visible()
        cells = page.locator("[data-testid='stDataFrame']")
        expect(cells).to_be_visible()
        copied_row = page.locator("tr", has=page.locator("td[role=gridcell]", has_text="Réponse copiée")).first
        expect(copied_row).to_contain_text(SECRETARY)
        page.screenshot(path=str(ARTIFACTS / "4-journal.png"), full_page=True)

        # 5. the dashboard renders its charts
        go(page, "Tableau de bord")
        expect(page.get_by_text("Note moyenne par mois")).to_be_visible()
        wait_idle(page)
        charts = page.locator('[data-testid="stVegaLiteChart"]')
        expect(charts).to_have_count(2)
        expect(charts.first.locator("canvas, svg").first).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "5-dashboard.png"), full_page=True)
