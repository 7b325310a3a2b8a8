"""The vetted catalogue: complete, documented, short, and free of the words the policy forbids."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from responders.drafting import MAX_REPLY_CHARS, CatalogueError, default_catalogue, load_catalogue
from responders.drafting.catalogue import (
    MAX_CONTACT_CHARS,
    MAX_PRACTICE_CHARS,
    TEMPLATES_DIR,
    clean_value,
)
from responders.policy import SITUATIONS
from responders.profiles import PROFILES

CATALOGUE = default_catalogue()
TEMPLATES = CATALOGUE.templates
PAIRS = [(p, s) for p in PROFILES for s in SITUATIONS]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


# Words a reply must never contain, with the DOMAIN.md rule each one breaks. This list is
# deliberately independent from the guard's lexicons: it double-checks the data files.
FORBIDDEN = [
    (r"\bpatient", 2), (r"\bconsultation", 2), (r"\bvotre (dossier|passage|visite|venue|sejour)", 2),
    (r"\brevenir\b", 2), (r"\brevoir\b", 2), (r"\bvotre experience\b", 2), (r"\bsouviens\b", 2),
    (r"\baucune trace\b", 2), (r"\bjamais ete\b", 2), (r"\bsecret\b", 2),
    (r"\bsoins?\b", 3), (r"\btraitement", 3), (r"\bsante\b", 3), (r"\bdent", 3), (r"\bmedic", 3),
    (r"\bdouleur", 3), (r"\bintervention", 3), (r"\bordonnance", 3), (r"\bdiagnostic", 3),
    (r"\b(detartrage|extraction|couronne|implant|devitalis|canal|prothese|anesthes|chirurg|carie)", 3),
    (r"\d", 4), (r"\brendez-vous\b", 6), (r"\betoiles?\b", 6), (r"\btemoignage", 6),
    (r"\brecommand", 6), (r"\bmeilleur", 6), (r"\bexcellent", 6), (r"https?:|www\.", 6),
    (r"merci (pour|de) (votre|ce|cet|ces) ", 6), (r"\bmensong", 5), (r"\bdiffam", 5),
    (r"\bavocat", 5), (r"\bplainte", 5), (r"\bpoursuite", 5), (r"\bjustice\b", 5),
    (r"\bdesole", 1), (r"\bexcus", 1),
]


def test_catalogue_is_not_empty_and_ids_are_unique() -> None:
    ids = [t.id for t in TEMPLATES]
    assert len(ids) >= 20
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("profile", "situation"), PAIRS)
def test_every_profile_and_situation_has_four_variants(profile: str, situation: str) -> None:
    assert len(CATALOGUE.variants(profile, situation)) >= 4


@pytest.mark.parametrize("profile", list(PROFILES))
def test_positive_and_negative_reviews_get_the_same_variants(profile: str) -> None:
    # rule 8: the reply must not tell readers how the review was read
    ids = {s: [t.id for t in CATALOGUE.variants(profile, s)] for s in ("praise", "criticism", "rating_only")}
    assert ids["praise"] == ids["criticism"] == ids["rating_only"]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_template_is_documented_and_valid(template) -> None:  # type: ignore[no-untyped-def]
    assert len(template.note) >= 30
    assert set(template.situations) <= set(SITUATIONS)
    assert set(template.profiles) <= set(PROFILES)
    assert template.rules and all(1 <= r <= 8 for r in template.rules)
    assert set(re.findall(r"\{(\w+)\}", template.text)) <= {"practice", "contact"}
    # a reply never starts like a spreadsheet formula, whatever the placeholder values
    assert template.text[0].isalpha()


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_template_fits_with_defaults_and_with_the_longest_allowed_values(template) -> None:  # type: ignore[no-untyped-def]
    for profile in template.profiles:
        assert len(template.fill(*CATALOGUE.placeholder_values(profile))) <= MAX_REPLY_CHARS
    longest = template.fill("N" * MAX_PRACTICE_CHARS, "c" * MAX_CONTACT_CHARS)
    assert len(longest) <= MAX_REPLY_CHARS


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_template_avoids_forbidden_words(template) -> None:  # type: ignore[no-untyped-def]
    for profile in template.profiles:
        text = _fold(template.fill(*CATALOGUE.placeholder_values(profile)))
        hits = [(pattern, rule) for pattern, rule in FORBIDDEN if re.search(pattern, text)]
        assert not hits, f"{template.id}: {hits}"


@pytest.mark.parametrize(
    ("text", "should_hit"),
    [
        ("vous pouvez revenir si vous le souhaitez", True),
        ("merci pour votre témoignage", True),
        ("lors de votre passage au cabinet", True),
        ("votre détartrage", True),
        ("merci d'avoir pris le temps d'écrire", False),
        ("vous pouvez contacter le cabinet", False),
        ("votre avis a bien été lu", False),
    ],
)
def test_forbidden_list_has_hits_and_near_misses(text: str, should_hit: bool) -> None:
    folded = _fold(text)
    assert any(re.search(p, folded) for p, _ in FORBIDDEN) is should_hit


@pytest.mark.parametrize(
    ("profile", "word"),
    [("fr-medecin", "cabinet"), ("fr-dentiste", "cabinet"), ("qc-medecin", "clinique"), ("qc-dentiste", "clinique")],
)
def test_wording_follows_the_jurisdiction(profile: str, word: str) -> None:
    other = "clinique" if word == "cabinet" else "cabinet"
    for situation in SITUATIONS:
        for template in CATALOGUE.variants(profile, situation):
            filled = template.fill(*CATALOGUE.placeholder_values(profile))
            assert word in filled and other not in filled, template.id


def test_variants_within_a_situation_are_distinct() -> None:
    for profile, situation in PAIRS:
        texts = [t.text for t in CATALOGUE.variants(profile, situation)]
        assert len(texts) == len(set(texts))
        openings = {" ".join(t.split()[:4]) for t in texts}
        assert len(openings) >= len(texts) - 1, (profile, situation)


def test_fill_does_not_interpret_braces_in_values() -> None:
    template = CATALOGUE.variants("fr-dentiste", "criticism")[0]
    filled = template.fill("Cabinet {contact}", "par téléphone")
    assert "Cabinet {contact}" in filled


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("practice", "  Cabinet   des Lilas ", "Cabinet des Lilas"),
        ("practice", "", None),
        ("practice", None, None),
        ("contact", "par courriel", "par courriel"),
        ("contact", "au 01 23 45 67 89", "au 01 23 45 67 89"),
        # the value follows « joignable » or « contacter le cabinet »: it is made a complement
        ("contact", "01 23 45 67 89", "au 01 23 45 67 89"),
        ("contact", "+1 514 555-0100", "au +1 514 555-0100"),
        ("contact", "accueil@cabinet.fr", "à l'adresse accueil@cabinet.fr"),
        ("contact", "Téléphone au secrétariat", "par téléphone au secrétariat"),
    ],
)
def test_clean_value_accepts(name: str, value: str | None, expected: str | None) -> None:
    assert clean_value(name, value) == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("practice", "=HYPERLINK(\"x\")"),
        ("practice", "@cabinet"),
        ("practice", "-Lilas"),
        ("contact", "=A1"),
        ("practice", "x" * 81),
        ("contact", "par " + "y" * 97),
        ("contact", "y" * 97),  # 101 once « par » is added
    ],
)
def test_clean_value_rejects(name: str, value: str) -> None:
    with pytest.raises(ValueError):
        clean_value(name, value)


def _copy_catalogue(tmp_path: Path, extra: str) -> Path:
    for path in TEMPLATES_DIR.glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "zz.toml").write_text(extra, encoding="utf-8")
    return tmp_path


GOOD = """
[[template]]
id = "fr-essai-01"
situations = ["criticism"]
profiles = ["fr-dentiste"]
rules = [1]
note = "Essai"
text = "Bonjour, le cabinet reste joignable {contact}."
"""


@pytest.mark.parametrize(
    ("replace", "message"),
    [
        (("", ""), None),
        (('"criticism"', '"complaint"'), "situations"),
        (('"fr-dentiste"', '"fr-kine"'), "profiles"),
        (("rules = [1]", "rules = [9]"), "rules"),
        (('note = "Essai"', 'note = " "'), "note"),
        (("{contact}", "{reviewer}"), "seuls"),
        (("{contact}", "{contact"), "seuls"),
        (('text = "Bonjour', 'text = "=Bonjour'), "commencer"),
        (('id = "fr-essai-01"', 'id = "fr-neutre-01"'), "double"),
        (('rules = [1]', 'rules = [1]\nauthor = "x"'), "inconnus"),
    ],
)
def test_loader_rejects_broken_templates(tmp_path: Path, replace: tuple[str, str], message: str | None) -> None:
    directory = _copy_catalogue(tmp_path, GOOD.replace(*replace) if replace[0] else GOOD)
    if message is None:
        assert load_catalogue(directory).get("fr-essai-01").situations == ("criticism",)
        return
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(directory)


def test_loader_rejects_invalid_toml(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"zz\.toml"):
        load_catalogue(_copy_catalogue(tmp_path, "[[template]\n"))


@pytest.mark.parametrize(
    ("profile", "situation"),
    [("qc-dentiste", s) for s in SITUATIONS] + [(p, s) for p in PROFILES for s in ("insult", "defamation")],
)
def test_no_thanks_where_thanks_would_welcome_the_review(profile: str, situation: str) -> None:
    # Ordre des dentistes du Québec: never accept a testimonial; and thanking an insult or a
    # defamatory post would read as accepting it
    for template in CATALOGUE.variants(profile, situation):
        assert "merci" not in _fold(template.text) and "remerci" not in _fold(template.text), template.id
