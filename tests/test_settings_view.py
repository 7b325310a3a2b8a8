from sqlmodel import Session

from responders.drafting.catalogue import default_catalogue
from responders.store.models import Setting
from responders.views import settings_view


def test_no_rephraser_unless_staff_chose_a_language_model(engine, monkeypatch):
    for name in ("RESPONDERS_LLM_BASE_URL", "RESPONDERS_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    with Session(engine) as session:
        assert settings_view.rephraser(session) is None
        ok, message = settings_view.save_llm(session, engine="auto", base_url="http://127.0.0.1:9/v1", model="m")
        assert ok, message
        assert callable(settings_view.rephraser(session))
        stored = session.get(Setting, "llm").value
        assert "api_key" not in stored and stored["base_url"] == "http://127.0.0.1:9/v1"


def test_a_bad_endpoint_is_refused_in_french(engine):
    with Session(engine) as session:
        ok, message = settings_view.save_llm(session, engine="llm", base_url="pas une url", model="m")
    assert not ok and "Adresse du modèle invalide" in message


def test_tables_for_the_settings_page():
    frame = settings_view.catalogue_frame(default_catalogue(), "qc-dentiste")
    assert len(frame) >= 4 and frame["Identifiant"].is_unique
    policy = settings_view.policy_frame("fr-medecin")
    assert len(policy) == 5 and policy["Raison"].str.len().min() > 0
