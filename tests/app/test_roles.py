"""Signing in and what each role sees: the pages ask the core rule (responders.people.roles)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from responders.people import accounts
from responders.people.accounts import Account
from responders.store.models import AuditEvent, Setting
from tests.app.conftest import sign_in_as

ROOT = Path(__file__).resolve().parents[2]
SECRETARIAT = Account(name="Claire", role="secretariat")
AVOCAT = Account(name="Me Durand", role="avocat")


def app(account: Account | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if account is not None:
        sign_in_as(at, account)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page(name: str, account: Account | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app_pages" / f"{name}.py"), default_timeout=60)
    if account is not None:
        sign_in_as(at, account)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_fresh_install_asks_for_the_first_practitioner_account(app_db):
    at = app()
    assert at.title[0].value == "Connexion"
    at.text_input(key="first-name").input("Dr Martin")
    at.text_input(key="first-password").input("correct horse")
    at.text_input(key="first-again").input("correct horse")
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == "Triage des avis"
    with Session(app_db) as session:
        assert accounts.list_users(session)[0]["role"] == "praticien"


def test_sign_in_is_required_and_shows_the_demo_accounts(demo_db):
    at = app()
    assert at.title[0].value == "Connexion"
    assert "Comptes de démonstration" in at.warning[0].value
    at.text_input(key="signin-name").input("secretariat")
    at.text_input(key="signin-password").input("mauvais mot de passe")
    at.button[0].click().run()
    assert at.error and "incorrect" in at.error[0].value
    at.text_input(key="signin-password").input("demo-secretariat")
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == "Triage des avis"
    assert "compte de démonstration" in " ".join(c.value for c in at.sidebar.caption)
    with Session(demo_db) as session:
        actions = [(e.user, e.action) for e in session.exec(select(AuditEvent)).all()
                   if e.action.startswith("sign_in")]
    assert actions == [("secretariat", "sign_in_refused"), ("secretariat", "sign_in")]


@pytest.mark.parametrize("name", ["triage", "journal", "reglages", "avocat", "importer", "tableau_de_bord"])
def test_every_page_requires_a_signed_in_person(app_db, name):
    at = page(name, None)
    assert at.warning and "Connectez-vous" in at.warning[0].value
    assert not at.title


def test_a_secretary_cannot_open_reglages_nor_change_the_model_address(demo_db):
    at = page("reglages", SECRETARIAT)
    assert at.error and "Secrétariat" in at.error[0].value
    assert not at.text_input and not at.button
    with Session(demo_db) as session:
        assert session.get(Setting, "llm") is None
    nav = app(SECRETARIAT)
    assert nav.title[0].value == "Triage des avis"


def test_a_lawyer_sees_only_the_avocat_page(demo_db):
    at = app(AVOCAT)
    assert at.title[0].value == "Dossier pour l'avocat"
    for name in ("triage", "journal", "reglages", "importer", "tableau_de_bord"):
        assert page(name, AVOCAT).error, f"an avocat must not open {name}"
    lawyer = page("avocat", AVOCAT)
    assert lawyer.title[0].value == "Dossier pour l'avocat"


DOUBTFUL = "Nous regrettons votre attente ; notre équipe vous rappellera."


class _ReviewVerdict:
    verdict = "review"
    allowed = False
    findings: list = []

    def to_dict(self):
        return {"allowed": False, "verdict": "review", "findings": []}


@pytest.fixture
def review_verdict(monkeypatch):
    from responders import guard

    real = guard.check
    monkeypatch.setattr(guard, "check", lambda text, **kw: _ReviewVerdict() if text == DOUBTFUL else real(text, **kw))


def _doubtful_card(account: Account) -> tuple[AppTest, int]:
    at = page("triage", account)
    at.multiselect(key="filter-labels").set_value(["criticism"]).run()
    box = [t for t in at.text_area if t.key and t.key.startswith("reply-") and t.value][0]
    box.input(DOUBTFUL).run()
    assert not at.exception
    return at, int(box.key.removeprefix("reply-"))


def test_only_a_praticien_confirms_a_reply_to_check(demo_db, review_verdict):
    at, review_id = _doubtful_card(SECRETARIAT)
    assert not [b for b in at.button if b.key in (f"confirm-{review_id}", f"copy-{review_id}")]
    assert "À vérifier" in " ".join(w.value for w in at.warning)

    at, review_id = _doubtful_card(Account(name="Dr Martin", role="praticien"))
    assert not [b for b in at.button if b.key == f"copy-{review_id}"]
    [b for b in at.button if b.key == f"confirm-{review_id}"][0].click().run()
    assert not at.exception
    # once confirmed, the page says so and the core copies this exact text
    assert any("confirmée par un praticien" in s.value for s in at.success)
    from responders.triage import actions

    with Session(demo_db) as session:
        outcome = actions.copy_reply(session, review_id, DOUBTFUL, user="Dr Martin")
        session.commit()
        events = [(e.user, e.action, e.text) for e in session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
    assert outcome.allowed
    assert events[-3:-1] == [("Dr Martin", "review_confirmed", DOUBTFUL), ("Dr Martin", "reply_copied", DOUBTFUL)]


def test_the_journal_page_shows_sentences_and_filters(demo_db):
    from responders.triage.journal import record_event

    with Session(demo_db) as session:
        record_event(session, user="Claire", action="status", detail={"from": "nouveau", "to": None})
        session.commit()
    at = page("journal", Account(name="Dr Martin", role="praticien"))
    frame = at.dataframe[0].value
    assert "Statut changé : « Nouveau » devient « non renseigné »." in list(frame["Ce qui s'est passé"])
    assert "None" not in frame.astype(str).to_string()
    at.multiselect(key="journal-users").set_value(["Claire"]).run()
    assert set(at.dataframe[0].value["Personne"]) == {"Claire"}


def test_a_journal_link_opens_that_review_alone(demo_db):
    from responders.store.models import Review

    with Session(demo_db) as session:
        review = session.exec(select(Review).where(Review.label == "praise")).first()
        review_id = review.id
    at = AppTest.from_file(str(ROOT / "app_pages" / "triage.py"), default_timeout=60)
    sign_in_as(at, SECRETARIAT)
    at.query_params["avis"] = str(review_id)
    at.run()
    assert not at.exception
    cards = {t.key for t in at.text_area if t.key and t.key.startswith("reply-")}
    assert cards <= {f"reply-{review_id}"}
    assert "journal" in at.info[0].value


def test_a_removed_account_is_signed_out_at_the_next_action(demo_db):
    from responders.store.models import User

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    sign_in_as(at, SECRETARIAT)
    at.run()
    assert at.title[0].value == "Triage des avis"
    with Session(demo_db) as session:
        session.delete(session.exec(select(User).where(User.name == "Claire")).one())
        session.commit()
    at.run()
    assert not at.exception
    assert at.title[0].value == "Connexion"


def test_an_identity_provider_email_signs_in_its_account(demo_db, monkeypatch):
    import app_pages.common as common

    with Session(demo_db) as session:
        accounts.add_user(session, "Me Durand", "avocat", None, email="me.durand@example.org")
        session.commit()
    monkeypatch.setattr(common, "oidc_configured", lambda: True)
    monkeypatch.setattr(common, "_oidc_email", lambda: "Me.Durand@example.org")
    at = app()
    assert at.title[0].value == "Dossier pour l'avocat"
    with Session(demo_db) as session:
        events = [(e.user, e.detail) for e in session.exec(select(AuditEvent)).all() if e.action == "sign_in"]
    assert events == [("Me Durand", {"method": "oidc"})]

    monkeypatch.setattr(common, "_oidc_email", lambda: "inconnu@example.org")
    assert app().title[0].value == "Connexion"  # an e-mail without an account opens nothing


def test_the_journal_period_is_chosen_in_french_and_typed_days_filter(demo_db, monkeypatch):
    from datetime import UTC, datetime

    from responders.triage.journal import record_event

    monkeypatch.setenv("RESPONDERS_NOW", datetime(2026, 3, 10, 12, tzinfo=UTC).isoformat())
    with Session(demo_db) as session:
        record_event(session, user="Claire", action="status", detail={"from": "nouveau", "to": "repondu"})
        session.commit()
    at = page("journal", Account(name="Dr Martin", role="praticien"))
    period = at.selectbox(key="journal-period")
    assert "Aujourd'hui" in period.options and "Dates précises…" in period.options
    period.set_value("today").run()
    assert "Claire" in set(at.dataframe[0].value["Personne"])
    period.set_value("custom").run()
    at.text_input(key="journal-period-from").input("01/01/2020")
    at.text_input(key="journal-period-to").input("02/01/2020").run()
    assert not at.exception
    assert at.dataframe[0].value.empty
    at.text_input(key="journal-period-to").input("31/02/2020").run()
    assert any("n'existe pas" in e.value for e in at.error)
    # what was typed is quoted back escaped, never as Markdown
    at.text_input(key="journal-period-to").input("[ici](https://example.org)").run()
    assert any("\\[ici\\]" in e.value for e in at.error), [e.value for e in at.error]
