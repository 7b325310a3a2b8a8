"""Dashboard render time with a large database: the Triage and Tableau de bord pages in AppTest.

Fills a fresh SQLite file with N reviews (Business Profile API JSON through the real import,
classification included), then renders each page several times and prints the first (cold)
and the median warm render. Target: ≤ 1 s each with 100,000 reviews.

It also measures what a secretary waits for (issue #16), on the same database: the time
`scripts/serve.py` spends loading lexicons and models before the server opens, the first
Triage render once that is done (target ≤ 3 s), and the re-render after an action on a card
(« Ne pas répondre », then a copy reported by the copy button; target ≤ 1 s with 1,000 reviews). Usage:

    python benchmarks/dashboard_bench.py [--reviews 100000] [--runs 5]
    python benchmarks/dashboard_bench.py --reviews 1000 --actions 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from import_bench import generate  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from responders.importers import import_paths  # noqa: E402
from responders.store.engine import make_engine  # noqa: E402

PAGES = ("triage", "tableau_de_bord")
# Every page asks who is signed in: the figures are those of a signed-in secretary (a page shown
# to nobody stops at its first line and would measure nothing).
SECRETARY, PASSWORD = "secretariat-bench", "mot-de-passe-du-banc"
LAWYER = "avocat-bench"


FLAGGED = (
    "Ce dentiste facture à la mutuelle des soins jamais faits, c'est un escroc.",
    "La secrétaire est une vraie peste, espèce d'incapable.",
    "Il réutilise les aiguilles d'un patient à l'autre, je l'ai vu.",
)


def add_flagged(folder: Path, engine, count: int = 40) -> None:  # type: ignore[no-untyped-def]
    """Reviews the lawyer's page lists (defamation, insult): the generated ones are all lawful."""
    reviews = [
        {
            "name": f"accounts/1/locations/1/reviews/F{i:05d}",
            "reviewId": f"F{i:05d}",
            "reviewer": {"displayName": f"Auteur {i}", "isAnonymous": False},
            "starRating": "ONE",
            "comment": FLAGGED[i % len(FLAGGED)],
            "createTime": f"2026-0{1 + i % 9}-1{i % 10}T10:00:00Z",
            "updateTime": f"2026-0{1 + i % 9}-1{i % 10}T10:00:00Z",
        }
        for i in range(count)
    ]
    path = folder / "flagged.json"
    path.write_text(json.dumps([{"reviews": reviews}], ensure_ascii=False), encoding="utf-8")
    import_paths(engine, [path])


def add_secretary(engine) -> None:  # type: ignore[no-untyped-def]
    from responders.people import accounts
    from responders.store.engine import session_scope

    with session_scope(engine) as session:
        accounts.add_user(session, SECRETARY, "secretariat", PASSWORD)
        accounts.add_user(session, LAWYER, "avocat", PASSWORD)


def signed_in(page: str) -> AppTest:
    from responders.people.accounts import Account

    at = AppTest.from_file(str(ROOT / "app_pages" / f"{page}.py"), default_timeout=120)
    at.session_state["account"] = Account(name=SECRETARY, role="secretariat")
    return at


def action_seconds(actions: int) -> tuple[list[float], list[float]]:
    """Re-render times after « Ne pas répondre » on the first card, and after a reported copy."""
    later, copies = [], []
    at = signed_in("triage")
    at.run()
    if not any(b.key and b.key.startswith("noreply-") for b in at.button):
        raise SystemExit("triage: no card drawn (not signed in?)")
    drafts = [t for t in at.text_area if t.key and t.key.startswith("reply-")]
    print(f"triage: {len(drafts)} cards drawn, {sum(1 for t in drafts if t.value)} with a reply to guard")
    for n in range(actions):
        button = next(b for b in at.button if b.key and b.key.startswith("noreply-"))
        start = time.perf_counter()
        button.click().run()
        later.append(time.perf_counter() - start)
        boxes = [t for t in at.text_area if t.key and t.key.startswith("reply-") and t.value]
        if boxes:
            at.session_state[boxes[0].key.replace("reply-", "copy-")] = {
                "event": "copied", "text": boxes[0].value, "nonce": f"bench-{n}"}
            start = time.perf_counter()
            at.run()
            copies.append(time.perf_counter() - start)
        if at.exception:
            raise SystemExit(f"triage: {at.exception[0].value}")
    return later, copies


def rerun_breakdown(engine, runs: int) -> None:  # type: ignore[no-untyped-def]
    """What every Triage rerun recomputes for one page of cards, outside Streamlit: the queue
    query, the cards' rows, a draft and a guard verdict per card, the confirmation look-ups.
    The rest of a rerun is Streamlit drawing the page."""
    from responders.drafting import draft
    from responders.guard import check
    from responders.profiles import get_profile
    from responders.store.engine import session_scope
    from responders.store.settings import PracticeSettings
    from responders.triage import queue
    from responders.triage.confirmation import is_confirmed

    def best(step):  # type: ignore[no-untyped-def]
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            value = step()
            timings.append(time.perf_counter() - start)
        return value, min(timings) * 1000

    with session_scope(engine) as session:
        settings = PracticeSettings.load(session)
        jurisdiction = get_profile(settings.profile).jurisdiction
        shown, t_queue = best(lambda: queue.queue_page(
            session, queue.QueueFilters(only_new=True), jurisdiction=jurisdiction, offset=0, limit=10))
        items, t_items = best(lambda: queue.load_items(session, shown.review_ids, profile=settings.profile))
        drafts, t_draft = best(lambda: [draft(i.text or None, i.rating, profile=i.profile, label=i.label,
                                              reviewer_name=i.author, seed_key=str(i.review_id)) for i in items])
        _, t_guard = best(lambda: [check(d.reply, review=i.text or None, reviewer_name=i.author, profile=i.profile)
                                   for d, i in zip(drafts, items, strict=True) if d.reply])
        _, t_confirmed = best(lambda: [is_confirmed(session, i.review_id, d.reply or "")
                                       for d, i in zip(drafts, items, strict=True)])
    print(f"per rerun, {len(items)} cards: queue {t_queue:.1f} ms, card rows {t_items:.1f} ms, drafts "
          f"{t_draft:.1f} ms, guard {t_guard:.1f} ms, confirmations {t_confirmed:.1f} ms (best of {runs})")


def render_seconds(page: str, runs: int) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        at = signed_in(page)
        start = time.perf_counter()
        at.run()
        timings.append(time.perf_counter() - start)
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].value}")
        if not at.title:
            raise SystemExit(f"{page}: nothing drawn (not signed in?)")
    return timings[0], statistics.median(timings[1:] or timings)


def browser_seconds(url: str, actions: int) -> None:
    """The real thing: `scripts/serve.py` started, then headless Chromium (as the browser tests)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.browser.streamlit_server import (
        CHROMIUM,
        CHROMIUM_ARGS,
        running_server,
        sign_in,
        wait_idle,
    )

    start = time.perf_counter()
    with running_server(url) as address:
        print(f"browser: server ready {time.perf_counter() - start:.2f} s after start (lexicons loaded first)")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            start = time.perf_counter()
            sign_in(page, address, SECRETARY, PASSWORD)
            page.locator('[class*="st-key-card-"]').first.wait_for(timeout=120_000)
            print(f"browser: first card {time.perf_counter() - start:.2f} s after opening the page "
                  "(sign-in included)")
            wait_idle(page)
            timings = []
            for _ in range(actions):
                card = page.locator('[class*="st-key-card-"]').first
                key = next(c for c in card.get_attribute("class").split() if c.startswith("st-key-card-"))
                start = time.perf_counter()
                card.get_by_role("button", name="Ne pas répondre").click()
                page.locator(f".{key}").wait_for(state="detached", timeout=120_000)
                wait_idle(page)
                timings.append(time.perf_counter() - start - 0.3)  # wait_idle's fixed 0.3 s settle
            if timings:
                print(f"browser: « Ne pas répondre » until the card is gone and the page idle: median "
                      f"{statistics.median(timings):.2f} s, max {max(timings):.2f} s ({len(timings)} actions)")
            # the lawyer's page is usable when its first « Préparer » button can be pressed
            # (a lawyer lands on the Avocat page when signing in)
            lawyer = browser.new_page(viewport={"width": 1440, "height": 1000})
            lawyer.goto(address)
            lawyer.get_by_label("Nom d'utilisateur", exact=True).wait_for(timeout=120_000)
            wait_idle(lawyer)
            lawyer.get_by_label("Nom d'utilisateur", exact=True).fill(LAWYER)
            lawyer.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
            start = time.perf_counter()
            lawyer.get_by_role("button", name="Se connecter").click()
            # usable: the list of candidates and the capture form at its end are drawn
            lawyer.get_by_text("le plus urgent en premier").wait_for(timeout=120_000)
            lawyer.get_by_role("heading", name="Captures de l'avis").wait_for(timeout=120_000)
            print(f"browser: Avocat page usable {time.perf_counter() - start:.2f} s after signing in "
                  "(candidates listed, capture form drawn)")

            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--actions", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also measure in headless Chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        os.environ["RESPONDERS_DATABASE_URL"] = url
        source = Path(folder) / "reviews.json"
        generate(source, args.reviews)
        engine = make_engine(url)
        start = time.perf_counter()
        summary = import_paths(engine, [source])
        print(f"database: {summary.new} reviews imported and classified in {time.perf_counter() - start:.1f} s")
        add_flagged(Path(folder), engine)
        add_secretary(engine)
        engine.dispose()
        from app_pages.common import warm_core

        print(f"start-up: lexicons, classifier and templates loaded in {warm_core():.2f} s (before the server opens)")
        for page in PAGES:
            cold, warm = render_seconds(page, args.runs)
            print(f"{page:16s} first render {cold:6.2f} s   median warm render {warm:6.2f} s")
        rerun_breakdown(make_engine(url), args.runs)
        if args.actions:
            later, copies = action_seconds(args.actions)
            for name, timings in (("« Ne pas répondre »", later), ("copy reported", copies)):
                if timings:
                    print(f"after {name:14s} re-render median {statistics.median(timings):5.2f} s   "
                          f"max {max(timings):5.2f} s   ({len(timings)} actions)")
        if args.browser:
            browser_seconds(url, args.actions)


if __name__ == "__main__":
    main()
