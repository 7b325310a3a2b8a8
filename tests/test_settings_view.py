import pytest
from sqlmodel import Session, select

from responders import llm
from responders.drafting.catalogue import default_catalogue
from responders.people.accounts import Account
from responders.store.models import AuditEvent, Setting
from responders.triage import actions
from responders.views import settings_view

PRATICIEN = Account(name="Dr Martin", role="praticien")
SECRETARIAT = Account(name="Claire", role="secretariat")


def test_no_rephraser_unless_staff_chose_a_language_model(engine, monkeypatch):
    for name in ("RESPONDERS_LLM_BASE_URL", "RESPONDERS_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("responders.llm.check_connection", lambda _s: (True, "Connexion réussie."))
    with Session(engine) as session:
        assert settings_view.rephraser(session) is None
        assert actions.check_llm(session, base_url="http://127.0.0.1:9/v1", model="m", user="Claire")[0]
        assert settings_view.rephraser(session) is None  # a test alone switches nothing on
        ok, message = actions.save_llm(session, engine="auto", base_url="http://127.0.0.1:9/v1", model="m",
                                              by=PRATICIEN)
        assert ok, message
        assert callable(settings_view.rephraser(session))
        stored = session.get(Setting, "llm").value
        assert "api_key" not in stored and stored["base_url"] == "http://127.0.0.1:9/v1"


def test_a_bad_endpoint_is_refused_in_french(engine):
    with Session(engine) as session:
        ok, message = actions.save_llm(session, engine="llm", base_url="pas une url", model="m", by=PRATICIEN)
    assert not ok and "Adresse du modèle invalide" in message


def test_tables_for_the_settings_page():
    frame = settings_view.catalogue_frame(default_catalogue(), "qc-dentiste")
    assert len(frame) >= 4 and frame["Identifiant"].is_unique
    policy = settings_view.policy_frame("fr-medecin")
    assert len(policy) == 5 and policy["Raison"].str.len().min() > 0


def _llm_events(session):


    return [e for e in session.exec(select(AuditEvent).where(AuditEvent.action == "settings")).all()
            if e.detail.get("section") == settings_view.LLM_SECTION]


def test_a_failed_test_never_switches_the_model_on(engine, monkeypatch):
    monkeypatch.setattr("responders.llm.check_connection", lambda _s: (False, "Le serveur ne répond pas."))
    with Session(engine) as session:
        ok, message = actions.check_llm(session, base_url="https://llm.example/v1", model="m", user="Claire")
        assert not ok and "pas été activé" in message
        assert settings_view.llm_state(session).engine == "rules"
        # and choosing the model without a successful test is refused
        ok, message = actions.save_llm(session, engine="llm", base_url="https://llm.example/v1", model="m",
                                             user="Claire")
        assert not ok and "testez d'abord" in message
        assert settings_view.llm_state(session).engine == "rules"
        events = _llm_events(session)
    assert [(e.user, e.detail["test"]) for e in events] == [("Claire", "échoué")]


def test_the_model_is_on_only_after_a_successful_test_of_that_endpoint_and_an_explicit_choice(engine, monkeypatch):
    monkeypatch.setattr("responders.llm.check_connection", lambda _s: (True, "Connexion réussie."))
    with Session(engine) as session:
        assert actions.check_llm(session, base_url="https://llm.example/v1", model="m", user="Claire")[0]
        assert settings_view.llm_state(session).engine == "rules"
        # another endpoint than the one tested: refused
        ok, _ = actions.save_llm(session, engine="llm", base_url="https://other.example/v1", model="m", user="Claire")
        assert not ok
        ok, _ = actions.save_llm(session, engine="llm", base_url="https://llm.example/v1", model="m", user="Claire")
        assert ok and settings_view.llm_state(session).engine == "llm"
        ok, _ = actions.save_llm(session, engine="rules", base_url="https://llm.example/v1", model="m", user="Dr Martin")
        assert ok and settings_view.llm_state(session).engine == "rules"
        changes = [e for e in _llm_events(session) if "to" in e.detail]
    # every change of where review text goes, with who made it
    assert [(e.user, e.detail["from"]["engine"], e.detail["to"]["engine"]) for e in changes] == [
        ("Claire", "rules", "llm"), ("Dr Martin", "llm", "rules"),
    ]
    assert changes[0].detail["to"]["base_url"] == "https://llm.example/v1"


def test_quebec_practices_need_their_privacy_assessment_before_sending_text_away(engine, monkeypatch):
    from responders.store.models import Location

    monkeypatch.setattr("responders.llm.check_connection", lambda _s: (True, "Connexion réussie."))
    with Session(engine) as session:
        session.add(Location(key="locations/1", name="Clinique", profile="qc-medecin"))
        session.flush()
        assert settings_view.quebec_in_use(session)
        actions.check_llm(session, base_url="https://llm.example/v1", model="m", user="Claire")
        ok, message = actions.save_llm(session, engine="auto", base_url="https://llm.example/v1", model="m",
                                             user="Claire")
        assert not ok and "Loi 25" in message and "art. 17" in message
        ok, _ = actions.save_llm(session, engine="auto", base_url="https://llm.example/v1", model="m",
                                       user="Claire", privacy_assessed=True)
        assert ok
        assert _llm_events(session)[-1].detail["privacy_assessment"] is True


def _clean_env(monkeypatch):
    for name in ("RESPONDERS_LLM_BASE_URL", "RESPONDERS_LLM_MODEL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RESPONDERS_LLM_API_KEY", "sk-from-env")


def test_only_a_praticien_may_change_the_model_address(engine, monkeypatch):
    _clean_env(monkeypatch)
    with Session(engine) as session:
        with pytest.raises(PermissionError, match="Secrétariat"):
            actions.save_llm(session, engine="llm", base_url="https://evil.example/v1", model="m",
                                   by=SECRETARIAT)
        assert session.get(Setting, "llm") is None


def test_a_key_from_the_environment_goes_only_where_it_was_configured(engine, monkeypatch):
    _clean_env(monkeypatch)
    monkeypatch.setattr("responders.llm.check_connection", lambda _s: (True, "Connexion réussie."))
    with Session(engine) as session:
        assert actions.check_llm(session, base_url="https://llm.example/v1", model="m", by=PRATICIEN)[0]
        ok, message = actions.save_llm(session, engine="llm", base_url="https://llm.example/v1",
                                             model="m", by=PRATICIEN, api_key="sk-from-secrets")
        assert ok and "saisie à nouveau" in message
        assert llm.load_settings(session).resolve_api_key() is None  # never typed for this address
        assert llm.load_settings(session).key_withheld()

        actions.save_llm(session, engine="llm", base_url="https://llm.example/v1", model="m",
                               by=PRATICIEN, typed_key="sk-from-env")
        assert llm.load_settings(session).resolve_api_key() == "sk-from-env"
        assert llm.load_settings(session).with_api_key("sk-other").resolve_api_key() is None

        # a new address forgets the binding: the key must be typed again
        assert actions.check_llm(session, base_url="https://ailleurs.example/v1", model="m", by=PRATICIEN)[0]
        actions.save_llm(session, engine="llm", base_url="https://ailleurs.example/v1", model="m",
                               by=PRATICIEN)
        assert llm.load_settings(session).resolve_api_key() is None
        session.commit()
        events = [e for e in _llm_events(session) if "to" in e.detail]
    assert [e.user for e in events] == ["Dr Martin"] * 3
    assert events[-1].detail["from"]["base_url"] == "https://llm.example/v1"
    assert events[-1].detail["to"]["base_url"] == "https://ailleurs.example/v1"
    assert events[-1].detail["key_bound"] is False
    assert "sk-from-env" not in str([e.detail for e in events])


def test_an_address_set_in_the_environment_travels_with_its_key(engine, monkeypatch):
    _clean_env(monkeypatch)
    monkeypatch.setenv("RESPONDERS_LLM_BASE_URL", "https://llm.example/v1")
    monkeypatch.setenv("RESPONDERS_LLM_MODEL", "m")
    assert llm.load_settings().resolve_api_key() == "sk-from-env"


def test_the_connection_test_says_when_the_key_was_withheld(engine, monkeypatch):
    _clean_env(monkeypatch)
    with Session(engine) as session:
        ok, message = actions.check_llm(session, base_url="http://127.0.0.1:9/v1", model="m",
                                              api_key="sk-from-secrets", by=PRATICIEN)
    assert not ok and "n'a pas été envoyée" in message
