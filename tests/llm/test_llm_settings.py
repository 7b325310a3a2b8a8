"""Settings, the chat model's bounds, connection checks, and what leaves the machine."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy.engine import Engine

from responders import llm
from responders.llm import (
    LLMSettings,
    LLMUnavailable,
    check_connection,
    load_settings,
    make_chat_model,
    save_settings,
)
from responders.store.engine import session_scope
from responders.store.models import Setting

BASE = "http://127.0.0.1:8080/v1"


def test_settings_from_environment() -> None:
    env = {llm.BASE_URL_ENV: BASE, llm.MODEL_ENV: "gemma-3-270m"}
    settings = load_settings(env=env)
    assert settings is not None
    assert (settings.base_url, settings.model) == (BASE, "gemma-3-270m")
    assert settings.is_local


def test_tuning_from_environment_for_scheduled_jobs() -> None:
    env = {
        llm.BASE_URL_ENV: BASE, llm.MODEL_ENV: "m", "RESPONDERS_LLM_TIMEOUT": "12.5",
        "RESPONDERS_LLM_MAX_TOKENS": "64", "RESPONDERS_LLM_FOLD_SYSTEM_PROMPT": "1",
    }
    settings = load_settings(env=env)
    assert settings is not None
    assert (settings.timeout, settings.max_tokens, settings.fold_system_prompt) == (12.5, 64, True)
    with pytest.raises(LLMUnavailable, match="RESPONDERS_LLM_MAX_TOKENS"):
        load_settings(env={**env, "RESPONDERS_LLM_MAX_TOKENS": "beaucoup"})
    with pytest.raises(LLMUnavailable, match="invalides"):
        load_settings(env={**env, "RESPONDERS_LLM_MAX_TOKENS": "0"})


def test_nothing_configured_means_no_model() -> None:
    assert load_settings(env={}) is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({llm.BASE_URL_ENV: BASE}, "le nom du modèle manque"),
        ({llm.MODEL_ENV: "m"}, "l'adresse manque"),
        ({llm.BASE_URL_ENV: "127.0.0.1:8080", llm.MODEL_ENV: "m"}, "http://"),
    ],
    ids=["no model", "no url", "url without scheme"],
)
def test_incomplete_settings_say_what_to_fix(env: dict[str, str], message: str) -> None:
    with pytest.raises(LLMUnavailable, match=message):
        load_settings(env=env)


def test_api_key_resolution_order() -> None:
    settings = LLMSettings(base_url=BASE, model="m")
    assert settings.resolve_api_key({}) is None
    assert settings.resolve_api_key({"OPENAI_API_KEY": "b"}) == "b"
    assert settings.resolve_api_key({"OPENAI_API_KEY": "b", llm.API_KEY_ENV: "a"}) == "a"
    assert settings.with_api_key("from-secrets").resolve_api_key({llm.API_KEY_ENV: "a"}) == "from-secrets"


def test_api_key_never_in_repr_nor_in_the_stored_value() -> None:
    settings = LLMSettings(base_url=BASE, model="m").with_api_key("sk-secret-123")
    assert "sk-secret-123" not in repr(settings)
    assert "sk-secret-123" not in str(settings.to_setting_value())
    assert "api_key" not in settings.to_setting_value()


def test_settings_round_trip_through_the_settings_table_without_the_key(engine: Engine) -> None:
    settings = LLMSettings(base_url=BASE, model="mistral-small", timeout=12, max_tokens=300).with_api_key("sk-secret-123")
    with session_scope(engine) as session:
        save_settings(session, settings)
    with session_scope(engine) as session:
        row = session.get(Setting, llm.SETTING_KEY)
        assert row is not None and "sk-secret-123" not in str(row.value)
        loaded = load_settings(session, env={})
    assert loaded == settings  # the key is not part of equality
    assert loaded is not None and loaded.api_key is None and loaded.timeout == 12


def test_environment_overrides_the_table_and_a_stored_key_is_ignored(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add(Setting(key=llm.SETTING_KEY, value={"base_url": BASE, "model": "a", "api_key": "leaked"}))
    with session_scope(engine) as session:
        loaded = load_settings(session, env={llm.MODEL_ENV: "b"})
    assert loaded is not None and loaded.model == "b" and loaded.base_url == BASE
    assert loaded.resolve_api_key({}) is None


def test_chat_model_is_bounded_in_time_length_and_retries() -> None:
    model = make_chat_model(LLMSettings(base_url=BASE, model="m", timeout=7, max_tokens=123, max_retries=0))
    assert model.request_timeout == 7  # type: ignore[attr-defined]
    assert model.max_retries == 0  # type: ignore[attr-defined]
    # llama.cpp ignores max_completion_tokens: the bound must travel as max_tokens
    assert model.extra_body == {"max_tokens": 123}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "kwargs",
    [{"timeout": 0}, {"max_tokens": 0}, {"max_retries": 9}, {"model": " "}],
    ids=["timeout", "max_tokens", "retries", "model"],
)
def test_unbounded_settings_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        LLMSettings(**{"base_url": BASE, "model": "m", **kwargs})  # type: ignore[arg-type]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_check_connection_on_an_unreachable_endpoint_says_what_to_do() -> None:
    settings = LLMSettings(base_url=f"http://127.0.0.1:{_closed_port()}/v1", model="m", timeout=5, max_retries=0)
    ok, message = check_connection(settings)
    assert ok is False
    assert "Impossible de joindre" in message and settings.base_url in message


def test_check_connection_without_settings() -> None:
    ok, message = check_connection(None)
    assert ok is False and "Réglages" in message


def test_what_leaves_the_machine_is_a_french_statement_about_text_and_template_only() -> None:
    statement = llm.WHAT_LEAVES_THE_MACHINE
    for words in ("texte de l'avis", "modèle de réponse", "nom de l'auteur", "note", "identifiants", "clé d'API"):
        assert words in statement


def test_settings_errors_are_both_unavailable_and_value_errors() -> None:
    # the Réglages page catches ValueError, the CLI catches RuntimeError/LLMUnavailable
    with pytest.raises(ValueError):
        load_settings(env={llm.MODEL_ENV: "m"})
    with pytest.raises(RuntimeError):
        load_settings(env={llm.MODEL_ENV: "m"})
