"""Real Chromium: a practitioner finds the published reply that breaches secrecy, copies its
replacement with one click (read back from the clipboard, journaled under her name), marks it
corrected, and records a removal request filed with Google."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from responders.importers.demo import load_demo
from responders.store.engine import make_engine
from responders.store.models import AuditEvent, RemovalRequest
from tests.browser.streamlit_server import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    USER_WAIT_MS,
    go,
    read_clipboard,
    running_server,
    sign_in,
    stub_google,
    wait_idle,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(tmp_path):
    url = f"sqlite:///{tmp_path / 'published.db'}"
    engine = make_engine(url)
    load_demo(engine)
    with running_server(url) as address:
        yield address, engine
    engine.dispose()


def test_published_reply_audit_and_a_removal_request(demo):
    from playwright.sync_api import expect, sync_playwright

    from responders.audit import audit_replies
    from responders.triage.actions import text_digest

    address, engine = demo
    with Session(engine) as session:
        audit = audit_replies(session, only_flagged=True)[0]
    assert audit.replacement
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                      permissions=["clipboard-read", "clipboard-write"])
        stub_google(context)
        page = context.new_page()
        page.set_default_timeout(USER_WAIT_MS)
        expect.set_options(timeout=USER_WAIT_MS)
        try:
            sign_in(page, address, "praticien", "demo-praticien")
            # the dashboard counts the published reply to correct
            go(page, "Tableau de bord")
            expect(page.get_by_text("Réponses publiées à corriger")).to_be_visible()

            go(page, "Réponses déjà publiées")
            expect(page.get_by_text("Merci Julien").first).to_be_visible()
            expect(page.get_by_text("Révèle une information protégée").first).to_be_visible()
            # one click copies the replacement (and opens the review on Google to paste it there)
            card = page.locator(f".st-key-published-{audit.review_id}")
            button = card.frame_locator("iframe").first.get_by_role(
                "button", name="Copier la réponse de remplacement", exact=False)
            expect(button).to_be_visible()
            page.evaluate("navigator.clipboard.writeText('rien encore')")
            if audit.review_url:
                with context.expect_page() as google:
                    button.click()
                google.value.close()
            else:
                button.click()
            assert read_clipboard(page) == audit.replacement
            wait_idle(page)
            expect(page.get_by_text("Réponse de remplacement copiée").first).to_be_visible()
            page.get_by_role("button", name="Marquer « corrigée »").first.click()
            wait_idle(page)
            expect(page.get_by_text("Aucune réponse publiée ne pose problème.")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "published-1.png"), full_page=True)

            go(page, "Retraits")
            expect(page.get_by_text("Voie proposée").first).to_be_visible()
            # the first review's own form (grouped reports and the blackmail form come before it)
            submit = page.get_by_role("button", name="Enregistrer la demande déposée")
            form = page.locator('[data-testid="stForm"]', has=submit).first
            form.get_by_label("Référence donnée par Google").fill("G-2026-17")
            form.get_by_role("button", name="Enregistrer la demande déposée").click()
            wait_idle(page)
            expect(page.get_by_text("en attente de Google").first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "removal-1.png"), full_page=True)

            # the dashboard counts it among the requests awaiting Google
            go(page, "Tableau de bord")
            awaiting = page.locator('[data-testid="stMetric"]', has_text="Retraits en attente de Google")
            expect(awaiting.locator('[data-testid="stMetricValue"]')).to_have_text("1")
        finally:
            browser.close()
    with Session(engine) as session:
        corrected = session.exec(select(AuditEvent).where(AuditEvent.action == "reply_corrected")).all()
        copied = session.exec(select(AuditEvent).where(AuditEvent.action == "reply_copied")).all()
        requests = session.exec(select(RemovalRequest)).all()
    assert [e.user for e in corrected] == ["praticien"]
    assert [(e.user, e.review_id, e.text, e.detail["sha256"], e.detail["verdict"]) for e in copied] == [
        ("praticien", audit.review_id, audit.replacement, text_digest(audit.replacement), "pass")]
    assert [(r.reference, r.submitted_by, r.decision) for r in requests] == [("G-2026-17", "praticien", "pending")]
