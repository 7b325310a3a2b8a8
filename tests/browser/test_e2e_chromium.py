"""The main workflow in a real headless Chromium against `streamlit run` on 127.0.0.1:
sign in as the secretary, import the demo CSV, triage a criticism review, copy its guarded reply,
see the status change and the copy journaled under her name, open the dashboard. Screenshots go
to tests/artifacts/ (git-ignored)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DEMO_CSV = ROOT / "data" / "demo" / "outscraper_excel_fr.csv"
SECRETARY, PASSWORD = "claire", "mot-de-passe-de-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium introuvable : `make test` l'installe (paquet Debian chromium).")
    port = _free_port()
    env = {**os.environ, "RESPONDERS_DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}"}
    # the secretary's account, made the scripted way (password on standard input)
    subprocess.run([sys.executable, "-m", "responders", "users", "add", SECRETARY, "--role", "secretariat"],
                   input=PASSWORD + "\n", text=True, env=env, cwd=ROOT, check=True, timeout=120)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + USER_WAIT_MS / 1000
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit n'a pas démarré: " + proc.stdout.read().decode(errors="replace"))
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


USER_WAIT_MS = 180_000


def test_import_triage_copy_dashboard(server):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        context = browser.new_context(
            permissions=["clipboard-read", "clipboard-write"], viewport={"width": 1400, "height": 1000}
        )
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


def wait_idle(page) -> None:
    """Waits until Streamlit has finished the rerun that the last interaction started."""
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=USER_WAIT_MS)
    page.wait_for_function("document.querySelectorAll('[data-stale=\"true\"]').length === 0", timeout=USER_WAIT_MS)


def sign_in(page, server) -> None:
    from playwright.sync_api import expect

    page.goto(f"{server}/")
    expect(page.get_by_text("Connexion").first).to_be_visible()
    page.get_by_label("Nom d'utilisateur", exact=True).fill(SECRETARY)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_text("Triage des avis")).to_be_visible()
    wait_idle(page)


def go(page, title: str) -> None:
    """Navigates as a person does, through the sidebar: a reload would end the signed-in session."""
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()
    wait_idle(page)


def walk_main_workflow(page, server):
    from playwright.sync_api import expect

    if True:
        # 0. a page's address asks to sign in first (in French, no "Page not found"); then sign
        # in: the secretary sees no Réglages and no Avocat page
        page.goto(f"{server}/journal")
        expect(page.get_by_text("Connexion").first).to_be_visible()
        wait_idle(page)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        sign_in(page, server)
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

        # 3. copy: the button exists because the draft passes the guard
        review.get_by_role("button", name="Copier la réponse").click()
        wait_idle(page)
        code = review.locator('[data-testid="stCode"]')
        expect(code).to_be_visible()
        code.hover()
        code.get_by_role("button").first.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == draft.strip()
        page.screenshot(path=str(ARTIFACTS / "3-copied.png"), full_page=True)

        # 4. mark it answered: it leaves the queue and the journal shows the copy
        review.get_by_role("button", name="Marquer « répondu »").click()
        wait_idle(page)
        expect(page.locator(f".{key_class}")).to_have_count(0)
        go(page, "Journal")
        expect(page.get_by_text("Journal").first).to_be_visible()
        cells = page.locator("[data-testid='stDataFrame']")
        expect(cells).to_be_visible()
        # the copy is journaled under her name (dataframe cells are drawn on a canvas: read the
        # accessible grid Streamlit keeps beside it)
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
