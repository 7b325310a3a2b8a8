"""Normalization resists evasion and always maps back to the original characters."""

from __future__ import annotations

import random

import pytest

from responders.guard import check
from responders.guard.lexicon import get_lexicon
from responders.text.words import Normalized, edit1, key, leet, stem

EVASIONS = [
    # (reply, the original words the care lexicon must find)
    ("votre d1abète", "d1abète"),
    ("une c4rie", "c4rie"),
    ("le $oin de c@rie", "$oin de c@rie"),
    ("le d é t a r t r a g e", "d é t a r t r a g e"),
    ("le d.é.t.a.r.t.r.a.g.e", "d.é.t.a.r.t.r.a.g.e"),
    ("l'im-plant", "im-plant"),
    ("la dé tar trage", "dé tar trage"),
    ("la cаrie", "cаrie"),  # Cyrillic а
    ("la ca\u200brie", "ca\u200brie"),  # zero-width space
    ("la ca\u00adrie", "ca\u00adrie"),  # soft hyphen
    ("le DÉTARTRAGE", "DÉTARTRAGE"),
    ("le detartrage", "detartrage"),
    ("la carrrrie", "carrrrie"),
    ("les couronnes", "couronnes"),
    ("la détatrage", "détatrage"),  # one letter missing
    ("la dévitalisattion", "dévitalisattion"),  # one letter too many
    ("l'amoxiciline", "amoxiciline"),
    ("la ｃａｒｉｅ", "ｃａｒｉｅ"),  # full-width letters
    ("une gingivite", "gingivite"),
]


@pytest.mark.parametrize(("reply", "word"), EVASIONS)
def test_evasions_are_read_as_health_words(reply: str, word: str) -> None:
    norm = Normalized(reply)
    matches = get_lexicon().match(norm)
    found = [reply[norm.tokens[m.first].start : norm.tokens[m.last - 1].end] for m in matches]
    assert word in found, found
    assert not check(reply).allowed


@pytest.mark.parametrize(
    "reply",
    [
        "Nous avons bien reçu votre commentaire.",  # « avons » shares a stem with a drug name
        "Nous lisons tous les messages.",  # « tous » shares a stem with « toux »
        "Le cabinet reste joignable du lundi au vendredi.",
        "Nous répondons à chacun de la même façon.",
    ],
)
def test_everyday_words_are_not_stretched_into_health_words(reply: str) -> None:
    assert get_lexicon().match(Normalized(reply)) == []


def test_offsets_map_back_under_random_evasion() -> None:
    rng = random.Random(1234)
    base = [
        "Bonjour Marie, votre détartrage du 12/03 à 14h30 coûte 80 €, votre mari vous attendait.",
        "Le Dr Tremblay vous a reçue pour la couronne de la dent 36 ; vous mentez.",
        "Merci pour ces 5 étoiles ! Prenez rendez-vous sur www.cabinet.fr, à bientôt.",
    ]
    noise = ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u0301"]
    homoglyph = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р"}
    for _ in range(300):
        text = list(rng.choice(base))
        for i in range(len(text) - 1, 0, -1):
            roll = rng.random()
            if roll < 0.05:
                text.insert(i, rng.choice(noise))
            elif roll < 0.10 and text[i] in homoglyph:
                text[i] = homoglyph[text[i]]
            elif roll < 0.12:
                text[i] = text[i].upper()
        reply = "".join(text)
        result = check(reply, review="Mon mari, 12/03", reviewer_name="Marie Tremblay")
        assert not result.allowed
        for f in result.findings:
            assert 0 <= f.start <= f.end <= len(reply)
            assert reply[f.start : f.end] == f.text


def test_token_offsets_point_at_original_text() -> None:
    text = "Œdème et « dé\u0301tartrage » à l’école"
    norm = Normalized(text)
    assert [t.text for t in norm.tokens][:3] == ["oedeme", "et", "detartrage"]
    for tok in norm.tokens:
        assert text[tok.start : tok.end]
    assert text[norm.tokens[0].start : norm.tokens[0].end] == "Œdème"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("d1abete", "diabete"), ("c4rie", "carie"), ("16h30", "16h30"), ("2eme", "2eme"), ("12", "12"), ("$oin", "soin")],
)
def test_leet_only_inside_words(word: str, expected: str) -> None:
    assert leet(word) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("caries", "carie"), ("couronnes", "couronne"), ("infectee", "infecte"), ("dentaux", "dental")],
)
def test_stem_joins_inflections(a: str, b: str) -> None:
    assert key(a) == key(b)
    assert stem(key(a)) == key(a)  # keys are stable


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("plainte", "plinte", True), ("avocat", "avocta", True), ("pointe", "plainte", False), ("abc", "abc", True)],
)
def test_edit1(a: str, b: str, expected: bool) -> None:
    assert edit1(a, b) is expected


def test_typos_in_rule_words_are_read_as_the_rule_word() -> None:
    assert not check("Nous allons porter plinte.").allowed
    assert not check("Notre avocta vous contactera.").allowed


def test_prefilter_never_hides_a_match(monkeypatch: pytest.MonkeyPatch) -> None:
    from responders.guard import rule as rule_module
    from tests.guard.cases import HITS, NEAR_MISSES
    from tests.guard.paraphrases import LEAKS, SAFE

    texts = [e if isinstance(e, str) else e[0] for table in (HITS, NEAR_MISSES) for v in table.values() for e in v]
    texts += LEAKS + SAFE
    with_filter = [check(t).to_dict() for t in texts]
    everything = frozenset().union(*rule_module._BY_TRIGRAM.values())
    monkeypatch.setattr(rule_module, "present_literals", lambda text: everything)
    without = [check(t).to_dict() for t in texts]
    assert with_filter == without


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"avocats?|huissiers?", {"avocat", "huissier"}),
        (r"vo(?:tre|s) (?:consultation|dossier)", {"consultation", "dossier"}),
        (r"\d{1,2}\s?h", None),
        (r"(?:le |)plainte", {"plainte"}),
        (r"(?:ha|ah)(?: (?:ha|ah))+", None),
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    from responders.text.literals import required_literals as required

    got = required(pattern)
    assert (set(got) if got is not None else None) == expected
