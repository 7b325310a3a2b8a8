"""The engine as a whole: labels, severity order, absorption, offsets, quality gates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from responders.classify import ENGINE_VERSION, LABELS, classify
from responders.classify.evaluate import evaluate, load
from responders.text.chars import normalize

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "data" / "eval" / "classify" / "dev.jsonl"
TEST = ROOT / "data" / "eval" / "classify" / "test.jsonl"
LAWFUL = Path(__file__).with_name("lawful_reviews.txt")

# text, rating, expected label
LABEL_TABLE = [
    ("Excellente équipe, très à l'écoute, je recommande !", 5, "praise"),
    ("Correct, rien à signaler.", 3, "praise"),
    ("Médecin hautain et expéditif, à fuir.", 1, "criticism"),
    ("Arnaque, 300 € pour un détartrage.", 1, "criticism"),
    ("Incompétent. Mon problème n'a pas été réglé après trois rendez-vous.", 1, "criticism"),
    ("Merci pour les 3 h d'attente, bravo l'organisation 🙃", 5, "criticism"),
    ("Oups, j'ai mis 1 étoile par erreur : le docteur est génial !", 1, "praise"),
    ("Meant to give 5 stars, sorry! The staff here are great.", 1, "praise"),
    ("Charlatan.", None, "insult"),
    ("Très bon accueil. Mais le dentiste est un boucher.", 4, "insult"),
    ("Ostie de crosseur.", 1, "insult"),
    ("What a quack.", 1, "insult"),
    ("Il paraît qu'il exerce sans diplôme.", None, "defamation"),
    ("Je me demande s'il n'était pas ivre pendant l'opération.", 2, "defamation"),
    ("I heard the dentist reuses needles between patients.", 1, "defamation"),
    ("Super accueil, mais il m'a facturé des soins jamais faits.", 5, "defamation"),
]


@pytest.mark.parametrize(("text", "rating", "label"), LABEL_TABLE)
def test_labels(text: str, rating: int | None, label: str) -> None:
    assert classify(text, rating).label == label


def test_most_serious_passage_wins_and_insult_elsewhere_stays_separate() -> None:
    text = "Attente trop longue. Ce boucher est nul. Il a falsifié mon dossier."
    result = classify(text, 1)
    assert result.label == "defamation"
    qualifications = [p.qualification for p in result.passages]
    assert qualifications == ["criticism", "insult", "defamation"]


def test_insult_fused_with_fact_is_absorbed() -> None:
    text = "Ce charlatan a arraché la mauvaise dent et a refusé de le reconnaître."
    result = classify(text, 1)
    assert result.label == "defamation"
    assert [p.qualification for p in result.passages] == ["defamation"]
    assert "absorbé" in result.passages[0].explanation
    assert "charlatan" in result.passages[0].explanation


def test_hedge_is_reported_in_the_explanation() -> None:
    result = classify("On dit que la secrétaire pique dans la caisse.", None)
    assert result.label == "defamation"
    assert "dubitative" in result.passages[0].explanation
    assert "avocat" in result.passages[0].explanation


def test_weak_evidence_is_criticism_with_uncertain_note() -> None:
    result = classify("Il m'a menti sur le prix, des soins inutiles à mon avis.", 2)
    assert result.label == "criticism"
    assert any("incertaine" in p.explanation for p in result.passages)


@pytest.mark.parametrize(
    ("rating", "label"), [(1, "criticism"), (2, "criticism"), (3, "praise"), (5, "praise"), (None, "praise")]
)
def test_rating_only_reviews(rating: int | None, label: str) -> None:
    for text in ("", "   "):
        result = classify(text, rating)
        assert result.label == label
        assert result.passages == []


def test_to_dict_is_the_contract_shape() -> None:
    text = "Gros crosseur. Il était saoul."
    out = classify(text, 1).to_dict("r1")
    assert set(out) - {"check_reason"} == {"id", "label", "confidence", "passages", "check"}
    assert out["id"] == "r1" and out["label"] in LABELS and 0.0 <= out["confidence"] <= 1.0
    for passage in out["passages"]:
        assert set(passage) == {"start", "end", "text", "qualification", "rule", "explanation"}
        assert text[passage["start"] : passage["end"]] == passage["text"]
    json.dumps(out, ensure_ascii=False)


def _corpus() -> list[str]:
    texts = [line for line in LAWFUL.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    if DEV.exists():
        texts += [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [
        "C'est un  c.o.n.n.a.r.d\u200b fini !!!",
        "ＣＨＡＲＬＡＴＡＮ",
        "Le Dr. Œuvrard est un ch@rlatan… vraiment 😡\n\nÀ fuir.",
        "İstanbul: İyi doktor.",
        "b o u c h e r",
        "\u0441harlatan (cyrillic c)",
    ]
    return texts


def test_offsets_point_into_the_original_text() -> None:
    for text in _corpus():
        result = classify(text, None)
        for p in result.passages:
            assert 0 <= p.start < p.end <= len(text)
            assert text[p.start : p.end] == p.text, (text, p)
            assert p.text == p.text.strip()


def test_normalized_map_is_monotonic() -> None:
    for text in _corpus():
        doc = normalize(text)
        assert len(doc.origin) == len(doc.text)
        assert all(a <= b for a, b in zip(doc.origin, doc.origin[1:], strict=False))
        assert all(0 <= i < len(text) for i in doc.origin)


@pytest.mark.parametrize(
    "text",
    ["C'est un c0nnard.", "Quel ch@rlatan !", "Un vrai b o u c h e r.", "c.o.n.n.a.r.d", "Un connnnnard.", "C'est un \u0441harlatan."],
)
def test_obfuscations(text: str) -> None:
    assert classify(text, 1).label == "insult"


def test_deterministic() -> None:
    texts = _corpus()
    first = [classify(t, 1).to_dict() for t in texts]
    assert first == [classify(t, 1).to_dict() for t in texts]


def test_lawful_reviews_are_rarely_flagged() -> None:
    texts = [line for line in LAWFUL.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    flagged = [t for t in texts if classify(t, None).label in ("insult", "defamation")]
    assert len(texts) >= 60
    assert len(flagged) / len(texts) <= 0.03, flagged


def test_engine_version_is_a_string() -> None:
    assert isinstance(ENGINE_VERSION, str) and ENGINE_VERSION


@pytest.mark.skipif(not TEST.exists(), reason="data/eval/classify/test.jsonl absent")
def test_macro_f1_on_held_out_split() -> None:
    report = evaluate(load([str(TEST)]))
    assert report.macro_f1() >= 0.80, report.scores()


@pytest.mark.skipif(not DEV.exists(), reason="data/eval/classify/dev.jsonl absent")
def test_dev_split_regression() -> None:
    report = evaluate(load([str(DEV)]))
    assert report.macro_f1() >= 0.90, report.errors()


# Generalisation: the same facts whoever the agent is and however hedged; the same epithets in
# any position; harsh opinions that must stay criticism.
AGENTS_FR = ["le Dr Martin", "la secrétaire", "ce cabinet", "elle"]
HEDGES_FR = ["", "Il paraît que ", "D'après une ancienne employée, ", "J'ai entendu dire que "]
FACTS_FR = [
    "{a} exerce sans diplôme",
    "{a} était ivre pendant les soins",
    "{a} facture des soins jamais réalisés",
    "{a} ne stérilise pas les instruments",
    "{a} a été radiée de l'Ordre",
    "{a} fraude la Sécu",
    "{a} refuse les patients à la CMU",
    "{a} a falsifié des dossiers",
    "{a} vole dans les sacs des patients",
    "{a} touche les patientes de manière déplacée",
    "{a} vend des arrêts de travail",
    "{a} divulgue les diagnostics des patients à tout le monde",
]
AGENTS_EN = ["Dr. Smith", "the receptionist", "this clinic", "she"]
HEDGES_EN = ["", "I heard ", "Apparently "]
FACTS_EN = [
    "{a} practises without a licence",
    "{a} was drunk during my procedure",
    "{a} billed my insurance for work never done",
    "{a} reuses needles",
    "{a} was suspended by the College",
    "{a} defrauds RAMQ",
    "{a} falsified my records",
    "{a} sells prescriptions",
]


def _sentences(hedges: list[str], agents: list[str], facts: list[str]) -> list[str]:
    out = []
    for fact in facts:
        for hedge in hedges:
            for agent in agents:
                text = hedge + fact.format(a=agent) + "."
                out.append(text[0].upper() + text[1:])
    return out


@pytest.mark.parametrize(
    "text", _sentences(HEDGES_FR, AGENTS_FR, FACTS_FR) + _sentences(HEDGES_EN, AGENTS_EN, FACTS_EN)
)
def test_imputations_whatever_the_agent_and_hedge(text: str) -> None:
    assert classify(text, None).label == "defamation"


EPITHET_CONTEXTS = ["Quel {t} !", "C'est un {t}.", "Espèce de {t}.", "Le dentiste est un vrai {t}.", "{T} !", "Dr Roy, {t}."]
EPITHETS = ["charlatan", "boucher", "connard", "crosseur", "guignol", "escroc", "sorcière", "abruti"]


@pytest.mark.parametrize("text", [c.format(t=t, T=t.capitalize()) for c in EPITHET_CONTEXTS for t in EPITHETS])
def test_epithets_in_any_position(text: str) -> None:
    assert classify(text, 1).label == "insult"


HARSH = ["incompétent", "nul", "hautain", "arrogant", "méprisant", "lamentable", "pourri", "à fuir", "une arnaque", "du vol"]
HARSH_CONTEXTS = ["Le dentiste est {a}.", "Médecin {a}.", "{A} !", "Service {a}, je ne reviendrai pas."]


@pytest.mark.parametrize("text", [c.format(a=a, A=a.capitalize()) for c in HARSH_CONTEXTS for a in HARSH])
def test_harsh_opinions_stay_criticism(text: str) -> None:
    assert classify(text, 1).label == "criticism"


# Minimal pairs: the lawful side and the unlawful side of each boundary.
MINIMAL_PAIRS = [
    ("Il avait l'air fatigué et distrait.", "criticism"),
    ("Il avait l'air saoul pendant la consultation.", "defamation"),
    ("Elle ne semble pas très expérimentée.", "criticism"),
    ("Elle n'a pas de diplôme, c'est une simple assistante qui joue au dentiste.", "defamation"),
    ("Ils ont perdu mon dossier.", "criticism"),
    ("Ils ont falsifié mon dossier.", "defamation"),
    ("Il m'a facturé 150 € pour un détartrage, trop cher.", "criticism"),
    ("Il m'a facturé un détartrage qu'il n'a jamais fait.", "defamation"),
    ("Il est très tactile, un peu trop familier.", "criticism"),
    ("Il m'a caressé la cuisse pendant l'examen.", "defamation"),
    ("Voleurs ! 60 € les 5 minutes.", "criticism"),
    ("Voleurs !", "insult"),
    ("Voleurs : ils ont encaissé deux fois ma consultation.", "defamation"),
    ("Il m'a arraché une dent, j'ai eu mal toute la semaine.", "criticism"),
    ("Il m'a arraché la mauvaise dent.", "defamation"),
    ("L'anesthésie n'a pas marché, j'ai souffert.", "criticism"),
    ("Il a percé le nerf, je n'ai plus de sensation dans la lèvre.", "defamation"),
    ("Les toilettes étaient sales.", "criticism"),
    ("Les instruments étaient sales et rouillés.", "defamation"),
    ("Il parle mal à tout le monde.", "criticism"),
    ("Il a giflé un enfant dans la salle d'attente.", "defamation"),
    ("Il paraît que c'est toujours 1 h de retard.", "criticism"),
    ("Je me demande s'il a vraiment son diplôme.", "defamation"),
    ("Le cabinet refuse les nouveaux patients.", "criticism"),
    ("Le cabinet refuse les patients à l'AME.", "defamation"),
    ("Tabarnak que c'est long !", "criticism"),
    ("Mon tabarnak de charlatan.", "insult"),
    ("She seemed tired and distracted.", "criticism"),
    ("She seemed drunk and slurred her words.", "defamation"),
    ("They lost my file twice.", "criticism"),
    ("They falsified my file after the complaint.", "defamation"),
    ("He charged me $200 for a cleaning, way too much.", "criticism"),
    ("He charged me for a cleaning that never happened.", "defamation"),
    ("The receptionist was a bit too familiar.", "criticism"),
    ("The dentist groped me during the exam.", "defamation"),
]


@pytest.mark.parametrize(("text", "label"), MINIMAL_PAIRS)
def test_minimal_pairs(text: str, label: str) -> None:
    assert classify(text, None).label == label


# Praise versus criticism: irony, explained stars, complaints about someone else.
OPINION_TABLE = [
    ("Génial, encore 2 heures d'attente, comme d'habitude. Bravo !", 5, 'criticism'),
    ('Parfait si vous aimez attendre debout pendant une heure 😂', 5, 'criticism'),
    ('Bon dentiste mais les tarifs ont explosé cette année, dommage.', 4, 'criticism'),
    ('Super accueil... ou pas. La secrétaire ne lève même pas la tête.', 5, 'criticism'),
    ('Moyen. Le médecin est correct mais le secrétariat est une catastrophe.', 3, 'criticism'),
    ('Rendez-vous annulé 3 fois.', 1, 'criticism'),
    ("J'attends toujours mes résultats.", 2, 'criticism'),
    ("Pour un cabinet qui se dit moderne, ils n'ont même pas la carte bancaire.", None, 'criticism'),
    ('Best clinic ever if you enjoy waiting 3 hours. Not.', 5, 'criticism'),
    ("Nice staff but the doctor didn't listen to anything I said.", 4, 'criticism'),
    ('Très bonne dentiste, je mets une étoile car le cabinet va fermer et je suis triste :(', 1, 'praise'),
    ("Le docteur est génial, c'est la RAMQ qui est le problème, pas lui.", 1, 'praise'),
    ('Rien à reprocher au médecin, juste le parking qui est difficile.', 2, 'praise'),
    ('Merci pour tout, vous êtes formidables.', None, 'praise'),
    ('RAS', 5, 'praise'),
    ('Consultation rapide et efficace.', 4, 'praise'),
    ('Correct, sans plus, ça fait le travail.', 3, 'praise'),
    ('Excellent, merci pour votre écoute.', 1, 'praise'),
    ("Dentiste doux et rassurant, mon fils n'a pas pleuré une seule fois.", None, 'praise'),
    ("Je n'ai jamais eu aussi peu mal chez un dentiste !", 5, 'praise'),
]


@pytest.mark.parametrize(("text", "rating", "label"), OPINION_TABLE)
def test_opinion_with_rating(text: str, rating: int | None, label: str) -> None:
    assert classify(text, rating).label == label


BOUNDARY = Path(__file__).with_name("boundary_reviews.tsv")


def test_boundary_reviews_accuracy() -> None:
    rows = []
    for line in BOUNDARY.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, rating, text = line.split("\t")
            rows.append((label, None if rating == "None" else int(rating), text))
    wrong = [(label, text) for label, rating, text in rows if classify(text, rating).label != label]
    assert len(rows) >= 150
    # a few boundary cases stay debatable; the set as a whole must hold
    assert len(wrong) / len(rows) <= 0.03, wrong


GUARD_SETS = sorted((ROOT / "data" / "eval" / "guard").glob("*.jsonl"))


@pytest.mark.skipif(not GUARD_SETS, reason="data/eval/guard absent")
def test_practice_replies_are_never_flagged() -> None:
    # Courteous replies mention care, insurers, records and secrecy in lawful ways: a broad
    # source of near-misses for the imputation patterns.
    replies = []
    for path in GUARD_SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                reply = json.loads(line).get("reply")
                if isinstance(reply, str) and reply.strip():
                    replies.append(reply)
    flagged = [r for r in replies if classify(r, None).label in ("insult", "defamation")]
    assert len(replies) >= 100
    assert len(flagged) <= len(replies) // 100, flagged[:10]


def test_a_review_far_longer_than_google_allows_is_read_in_part_and_sent_to_a_person():
    from responders.classify import MAX_ANALYSED_CHARS, classify

    head = "Le dentiste facture à la CPAM des soins jamais faits. "
    text = "Accueil correct. " * (MAX_ANALYSED_CHARS // 17 + 10) + head
    result = classify(text)
    assert len(text) > MAX_ANALYSED_CHARS
    # the accusation lies beyond what was read: the label cannot see it, the check says so
    assert result.check and "premiers ont été analysés" in (result.check_reason or "")
    assert all(text[p.start:p.end] == p.text for p in result.passages)
    short = classify(head)
    assert short.label == "defamation"
