"""The reply policy: documented defaults per profile, practice overrides stored in settings."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from responders.policy import (
    DEFAULT_POLICY,
    SETTING_KEY,
    SITUATIONS,
    PolicyError,
    PolicyRule,
    load_policy_overrides,
    policy_table,
    resolve_policy,
    save_policy_overrides,
)
from responders.profiles import PROFILES
from responders.store.engine import session_scope
from responders.store.models import Setting

DEFAULTS = [
    # profile, situation, action, a word the staff reason must contain
    ("fr-medecin", "praise", "no_reply", "Ordre des médecins"),
    ("fr-medecin", "criticism", "no_reply", "Ordre des médecins"),
    ("fr-medecin", "rating_only", "no_reply", "Ordre des médecins"),
    ("fr-medecin", "insult", "no_reply", "Signaler l'avis"),
    ("fr-medecin", "defamation", "escalate", "3 mois"),
    ("fr-dentiste", "praise", "reply", "neutre"),
    ("fr-dentiste", "criticism", "reply", "neutre"),
    ("fr-dentiste", "rating_only", "reply", "neutre"),
    ("fr-dentiste", "insult", "no_reply", "art. 33"),
    ("fr-dentiste", "defamation", "escalate", "avocat"),
    ("qc-medecin", "praise", "reply", "neutre"),
    ("qc-medecin", "criticism", "reply", "neutre"),
    ("qc-medecin", "rating_only", "reply", "neutre"),
    ("qc-medecin", "insult", "no_reply", "1 an"),
    ("qc-medecin", "defamation", "escalate", "2929"),
    ("qc-dentiste", "praise", "no_reply", "témoignages"),
    ("qc-dentiste", "criticism", "reply", "neutre"),
    ("qc-dentiste", "rating_only", "no_reply", "témoignages"),
    ("qc-dentiste", "insult", "no_reply", "Signaler l'avis"),
    ("qc-dentiste", "defamation", "escalate", "1 an"),
]


@pytest.mark.parametrize(("profile", "situation", "action", "word"), DEFAULTS)
def test_default_policy(profile: str, situation: str, action: str, word: str) -> None:
    decision = resolve_policy(profile, situation)
    assert (decision.action, decision.source) == (action, "default")
    assert word in decision.reason


def test_defaults_cover_every_profile_and_situation() -> None:
    assert {(r["profile"], r["situation"]) for r in policy_table()} == {
        (p, s) for p in PROFILES for s in SITUATIONS
    }
    assert len(DEFAULTS) == len(PROFILES) * len(SITUATIONS)


def test_unlawful_reviews_never_get_a_default_reply() -> None:
    for profile in PROFILES:
        for situation in ("insult", "defamation"):
            assert resolve_policy(profile, situation).action != "reply"


@pytest.mark.parametrize(
    ("overrides", "profile", "situation", "action", "source"),
    [
        ({"praise": "reply"}, "fr-medecin", "praise", "reply", "practice"),
        ({"praise": "reply"}, "fr-medecin", "criticism", "no_reply", "default"),
        ({"criticism": "no_reply"}, "fr-dentiste", "criticism", "no_reply", "practice"),
        ({"insult": "escalate"}, "qc-medecin", "insult", "escalate", "practice"),
        ({"defamation": "escalate"}, "qc-medecin", "defamation", "escalate", "default"),
        ({}, "fr-dentiste", "praise", "reply", "default"),
        (None, "fr-dentiste", "praise", "reply", "default"),
    ],
)
def test_overrides(overrides, profile, situation, action, source) -> None:  # type: ignore[no-untyped-def]
    decision = resolve_policy(profile, situation, overrides)
    assert (decision.action, decision.source) == (action, source)
    if source == "practice":
        assert "Réglages" in decision.reason


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"compliment": "reply"}, "Type d'avis inconnu"),
        ({"praise": "answer"}, "Action inconnue"),
        (["praise"], "table"),
    ],
)
def test_bad_overrides_are_refused_in_french(overrides, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PolicyError, match=message):
        resolve_policy("fr-dentiste", "praise", overrides)


def test_unknown_profile_or_situation() -> None:
    with pytest.raises(ValueError, match="Profil inconnu"):
        resolve_policy("be-medecin", "praise")
    with pytest.raises(PolicyError, match="Type d'avis inconnu"):
        resolve_policy("fr-dentiste", "spam")


def test_policy_rule_is_validated_when_built() -> None:
    with pytest.raises(ValueError):
        PolicyRule("praise", "answer", "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        PolicyRule("praise", "reply", "x", ("fr-kine",))
    with pytest.raises(ValueError):
        PolicyRule("praise", "reply", "  ")
    assert all(isinstance(rule, PolicyRule) for rule in DEFAULT_POLICY)


def test_overrides_round_trip_through_the_settings_table(engine: Engine) -> None:
    with session_scope(engine) as session:
        assert load_policy_overrides(session) == {}
        save_policy_overrides(session, {"praise": "no_reply", "insult": "escalate"})
    with session_scope(engine) as session:
        stored = load_policy_overrides(session)
        assert stored == {"praise": "no_reply", "insult": "escalate"}
        assert resolve_policy("fr-dentiste", "praise", stored).action == "no_reply"
        save_policy_overrides(session, {"praise": "reply"})
    with session_scope(engine) as session:
        assert load_policy_overrides(session) == {"praise": "reply"}
        setting = session.get(Setting, SETTING_KEY)
        assert setting is not None and setting.updated_at is not None
        assert setting.updated_at.tzinfo is not None


def test_invalid_overrides_are_not_saved(engine: Engine) -> None:
    with pytest.raises(PolicyError):
        with session_scope(engine) as session:
            save_policy_overrides(session, {"praise": "publish"})
    with session_scope(engine) as session:
        assert session.get(Setting, SETTING_KEY) is None


def test_a_corrupted_stored_policy_is_reported(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add(Setting(key=SETTING_KEY, value={"praise": "peut-être"}))
    with session_scope(engine) as session, pytest.raises(PolicyError, match="peut-être"):
        load_policy_overrides(session)
