import pytest

from responders.people import roles


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [
        ("secretariat", "triage", True),
        ("secretariat", "copy_reply", True),
        ("secretariat", "change_settings", False),
        ("secretariat", "change_llm", False),
        ("secretariat", "confirm_review_reply", False),
        ("secretariat", "view_lawyer", False),
        ("praticien", "confirm_review_reply", True),
        ("praticien", "change_llm", True),
        ("praticien", "change_policy", True),
        ("praticien", "copy_reply", True),
        ("avocat", "view_lawyer", True),
        ("avocat", "download_dossier", True),
        ("avocat", "triage", False),
        ("avocat", "view_journal", False),
        (None, "triage", False),
    ],
)
def test_what_each_role_may_do(role, action, allowed):
    assert roles.can(role, action) is allowed


def test_pages_per_role():
    assert roles.pages_for("avocat") == ["avocat"]
    assert "reglages" not in roles.pages_for("secretariat")
    assert roles.pages_for("praticien") == list(roles.PAGES)
    assert roles.pages_for(None) == []


def test_unknown_names_raise():
    with pytest.raises(ValueError):
        roles.can("chef", "triage")
    with pytest.raises(ValueError):
        roles.can("praticien", "fly")


def test_refusal_is_french():
    with pytest.raises(PermissionError, match="Secrétariat"):
        roles.require("secretariat", "change_llm")
