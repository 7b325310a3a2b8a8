"""Shared by the browser tests: the real server on 127.0.0.1, Chromium, and waits on what the
user waits for."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlmodel import Session, select

from responders.store.models import AuditEvent, Review

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
USER_WAIT_MS = int(__import__("os").environ.get("USER_WAIT_MS", "180000"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(database_url: str, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """`streamlit run app.py` as `make run` starts it; yields its address once it answers.
    `env` adds variables for the server only (e.g. RESPONDERS_NOW, the product's pinned clock)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium introuvable : `make test` l'installe (paquet Debian chromium).")
    port = free_port()
    env = {**os.environ, **(env or {}), "RESPONDERS_DATABASE_URL": database_url}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), "--server.headless", "true",
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
            if proc.poll() is not None:
                break
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit n'a pas démarré: " + proc.stdout.read().decode(errors="replace"))
    if proc.poll() is not None:
        pytest.fail("streamlit s'est arrêté: " + proc.stdout.read().decode(errors="replace"))
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_idle(page) -> None:  # type: ignore[no-untyped-def]
    """Waits until Streamlit has finished the rerun that the last interaction started."""
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=USER_WAIT_MS)
    page.wait_for_function("document.querySelectorAll('[data-stale=\"true\"]').length === 0", timeout=USER_WAIT_MS)


def stub_google(context) -> None:  # type: ignore[no-untyped-def]
    """The review's Google page, answered locally: tests never leave the machine."""
    for host in ("www.google.com", "maps.google.com", "g.page", "business.google.com", "search.google.com"):
        context.route(f"https://{host}/**", lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Google (simulé)</title>"))


def read_clipboard(page) -> str:  # type: ignore[no-untyped-def]
    """The clipboard as the page sees it; reading needs the page focused (a popup may have had it)."""
    from playwright.sync_api import Error

    for _attempt in range(5):
        page.bring_to_front()
        try:
            return str(page.evaluate("navigator.clipboard.readText()"))
        except Error as exc:
            if "not focused" not in str(exc):
                raise
            page.locator("h1").first.click()
            page.wait_for_timeout(200)
    return str(page.evaluate("navigator.clipboard.readText()"))


def add_account(database_url: str, name: str, role: str, password: str) -> None:
    """An account made the scripted way (`responders users add`, password on standard input)."""
    env = {**os.environ, "RESPONDERS_DATABASE_URL": database_url}
    subprocess.run([sys.executable, "-m", "responders", "users", "add", name, "--role", role],
                   input=password + "\n", text=True, env=env, cwd=ROOT, check=True, timeout=120)


def sign_in(page, address: str, name: str = "secretariat", password: str = "demo-secretariat") -> None:  # type: ignore[no-untyped-def]
    """Opens the dashboard and signs in (the demo's documented secretary by default)."""
    from playwright.sync_api import expect

    page.goto(address)
    expect(page.get_by_text("Connexion").first).to_be_visible()
    wait_idle(page)
    page.get_by_label("Nom d'utilisateur", exact=True).fill(name)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_text("Triage des avis")).to_be_visible()
    wait_idle(page)


def go(page, title: str) -> None:  # type: ignore[no-untyped-def]
    """Navigates as a person does, through the sidebar: a reload would end the signed-in session."""
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()
    wait_idle(page)


def browse(p, **context_options):  # type: ignore[no-untyped-def]
    """Chromium with the clipboard allowed and Google answered locally; returns (browser, context, page)."""
    from playwright.sync_api import expect

    browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], **context_options)
    stub_google(context)
    page = context.new_page()
    page.set_default_timeout(USER_WAIT_MS)
    expect.set_options(timeout=USER_WAIT_MS)
    return browser, context, page


def events(engine, review_id):  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return [(e.action, e.text, dict(e.detail)) for e in session.exec(
            select(AuditEvent).where(AuditEvent.review_id == review_id).order_by(AuditEvent.id))]


def status(engine, review_id) -> str:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return session.get(Review, review_id).status


def criticism_card(page, address, name="secretariat", password="demo-secretariat"):  # type: ignore[no-untyped-def]
    """The first card that has a draft to copy, searched by a word of the demo's criticism."""
    from playwright.sync_api import expect

    sign_in(page, address, name, password)
    search = page.get_by_role("textbox", name="Rechercher")
    search.fill("attente")
    search.press("Enter")
    wait_idle(page)
    cards = page.locator('[class*="st-key-card-"]')
    expect(cards.first).to_be_visible()
    for index in range(cards.count()):
        card = cards.nth(index)
        if card.locator("textarea").input_value().strip():
            key = next(c for c in card.get_attribute("class").split() if c.startswith("st-key-card-"))
            return page.locator(f".{key}"), int(key.removeprefix("st-key-card-"))
    raise AssertionError("no card with a draft")
