"""Accusation shapes and contempt frames: what the sentence structure adds to the rules.

Passages are pinned with inline markup: <d>…</d> is a defamation passage, <i>…</i> an insult
passage, exactly as `text[start:end]`. The sentences are written for these tests (they are
in no evaluation file), with lawful look-alikes side by side.
"""

from __future__ import annotations

import re
import time

import pytest

from responders.classify import classify, classify_text
from responders.classify.accusation import find as find_accusations
from responders.classify.accusation import shapes
from responders.classify.segment import sentences
from responders.text.chars import normalize

_TAG = re.compile(r"<(/?)([di])>")


def _unmark(marked: str) -> tuple[str, list[tuple[str, int, int]]]:
    text, spans, open_at, shift = "", [], {}, 0
    last = 0
    for m in _TAG.finditer(marked):
        text += marked[last : m.start()]
        last = m.end()
        position = len(text)
        if m.group(1):
            spans.append(({"d": "defamation", "i": "insult"}[m.group(2)], open_at.pop(m.group(2)), position))
        else:
            open_at[m.group(2)] = position
    text += marked[last:]
    del shift
    return text, spans


MARKED = [
    # billing for acts not done, in spoken French without « ne »
    ("<d>Le dentiste charge la RAMQ pour des examens qu'il fait pas.</d>", 1),
    ("<d>12 traitements de physio réclamés à la Croix Bleue, j'en ai fait 5.</d>", 1),
    # secrecy: health information shown to a stranger
    ("<d>La secrétaire a montré mes résultats de biopsie à la dame d'à côté pour rigoler.</d>", None),
    ("<d>Le médecin a divulgué ma séropositivité à mon employeur.</d>", None),
    # hygiene: single-use material reused, with the writer's evidence
    ("<d>Le dentiste recycle les fraises jetables</d>, je l'ai vu les passer sous l'eau du robinet.", None),
    ("<d>Word is the hygienist reuses single-use needles to cut costs.</d>", None),
    # substances and money: prescriptions for cash, reported
    ("<d>Le Dr Aubry prescrit de l'oxycodone à qui paie en liquide</d>, toute la ville le sait.", None),
    ("<d>The dentist reeked of beer during my extraction.</d>", None),
    # qualifications, asked as a question
    ("<d>Is it true that Dr. Pratt lost his licence in Ontario for fraud?</d>", None),
    ("<d>La Dre Fortin a-t-elle vraiment un diplôme ?</d> Personne ne l'a jamais vu affiché.", None),
    ("<d>Le proprio fait fabriquer les dentiers dans son garage par un cousin sans formation.</d>", None),
    # billing: hearsay, and an insurer statement against the writer's whereabouts (two sentences)
    ("<d>Il paraît que le kiné facture des séances à la CPAM pour des patients décédés.</d>", None),
    ("<d>Mon relevé Desjardins indique un nettoyage le 4 mai. Le 4 mai, j'étais hospitalisée à Sherbrooke.</d>", 1),
    # violence, sexual conduct, photographs, discrimination
    ("<d>The nurse slapped my son when he cried.</d>", None),
    ("Super accueil. <d>Le docteur a touché les fesses de ma femme pendant l'examen du genou.</d> Dommage.", 3),
    ("<d>He filmed me getting changed with his phone.</d>", None),
    ("<d>They told my husband they don't treat Arabs here.</d>", None),
    # contempt: animal epithets in every frame, French, Québec and English
    ("<i>Quelle pintade</i>, cette secrétaire.", None),
    ("Le dentiste ? <i>Un vrai rat d'égout.</i>", None),
    ("<i>What a slimy weasel of a dentist.</i>", None),
    ("<i>Dr Kim is a pompous little toad.</i>", None),
    ("Dr Blais, <i>vieille bique aigrie.</i>", None),
    ("<i>Gros colon sans cervelle, ce dentiste.</i>", None),
    ("Long wait again. La réceptionniste, <i>une vraie vipère.</i> Never again.", 1),
]


@pytest.mark.parametrize(("marked", "rating"), MARKED)
def test_passages_are_pinned(marked: str, rating: int | None) -> None:
    text, expected = _unmark(marked)
    result = classify(text, rating)
    found = [(p.qualification, p.start, p.end) for p in result.passages if p.qualification in ("defamation", "insult")]
    assert found == expected, [(q, text[s:e]) for q, s, e in found]
    for p in result.passages:
        assert text[p.start : p.end] == p.text
    assert result.label == max((q for q, _, _ in expected), key=["insult", "defamation"].index)


LAWFUL = [
    # the same vocabulary in lawful reviews: no passage of insult or defamation, no check
    ("La facture est arrivée. Le dentiste ne fait pas de paiement en plusieurs fois.", 2),
    ("On m'a facturé 180 € pour un détartrage, j'en ai eu pour mon argent.", 4),
    ("La secrétaire a crié mon nom dans la salle d'attente, c'était gênant.", None),
    ("Le dentiste m'a facturé 180 $ pour une radio, c'est cher.", 2),
    ("On m'a dit qu'il n'y avait plus de place avant janvier, très déçue.", 2),
    ("Il a refusé de me prescrire des antibiotiques, je trouve ça abusif.", 2),
    ("The receptionist told me in front of everyone that I was late. Embarrassing.", 2),
    ("L'hygiéniste m'a montré mes radios, franchement elle parlait trop vite.", 3),
    ("Il paraît qu'il a toujours une heure de retard, et c'est vrai.", 2),
    ("Le docteur sentait le tabac froid, pas agréable.", 2),
    ("Mon chien est mieux soigné chez le vétérinaire que moi ici.", 1),
    ("They charged me twice for parking, fix your machine.", 2),
    ("La dentiste a un accent et parle vite, difficile à comprendre.", 3),
    ("Ils ont perdu mon dossier deux fois, quelle organisation.", 2),
    ("Le dentiste a pris des photos de mes dents pour le dossier, sans rien m'expliquer.", 3),
    ("La vétérinaire de mon chat m'a recommandé ce dentiste, bon conseil.", 5),
    ("Le docteur a su me rassurer, ma fille de 8 ans n'a pas eu peur.", 5),
    ("Ils prennent les patients de l'aide sociale sans problème, merci.", 5),
    ("Le Dr Renard est un amour avec les enfants.", 5),
    ("C'est une perle, cette hygiéniste.", 5),
    ("Quel ange cette infirmière !", 5),
    ("Il y a des rats de bibliothèque dans la salle d'attente, tout le monde lit.", 4),
    ("Docteure Pintade est très douce avec les enfants.", 5),
    ("Ce n'est pas une dinde, elle sait ce qu'elle fait.", 4),
    ("Le dentiste m'a chargé 250 $ pour un nettoyage, c'est du vol.", 2),
    ("Ils ne prennent plus de nouveaux patients, même pas sur liste d'attente.", 2),
    ("He charged me for the missed appointment even though I called.", 2),
    ("Dr. Fox is a bear of a man but gentle as a lamb.", 5),
    ("On m'avait dit que c'était une vipère, c'est tout le contraire : adorable.", 5),
    ("People said he was a butcher. Honestly, the gentlest extraction I've ever had.", 5),
    ("Le dentiste n'a jamais senti l'alcool, contrairement à ce que dit un autre avis.", 5),
    ("My colleague was suspended from work and still recommended this clinic.", 4),
    ("Ma chimio m'avait abîmé les dents, trois séances plus tard je revis. Merci.", 5),
    ("Elle m'a demandé d'enlever mon chandail pour écouter mes poumons.", 4),
]


@pytest.mark.parametrize(("text", "rating"), LAWFUL)
def test_lawful_look_alikes_are_neither_flagged_nor_checked_by_the_rules(
    text: str, rating: int | None
) -> None:
    # the rules layer alone: the learned model may still ask for a look (see test_learned_check)
    result = classify_text(text, rating, learned=False)
    assert result.label in ("praise", "criticism"), [(p.rule, p.text) for p in result.passages]
    assert not result.check, result.check_reason


CHECKED = [
    # an act in a domain of honour, not settled: criticism (or praise), « à vérifier »
    ("La secrétaire a parlé de mes radios devant tout le monde.", 2, "secret professionnel"),
    ("L'assistante fait les extractions quand le dentiste n'est pas là.", 2, "qualifications"),
    ("Espèce de truc, va.", 1, "injure possible"),
]


@pytest.mark.parametrize(("text", "rating", "words"), CHECKED)
def test_what_the_engine_cannot_settle_is_checked(text: str, rating: int | None, words: str) -> None:
    result = classify(text, rating)
    assert result.label in ("praise", "criticism")
    assert result.check and words in (result.check_reason or "")
    out = result.to_dict("r1")
    assert out["check"] is True and out["check_reason"] == result.check_reason


def test_the_explanation_names_the_fact_actually_imputed() -> None:
    result = classify("Ce dentiste prescrit de la morphine contre 50 $ cash, sans examen.", None)
    (passage,) = [p for p in result.passages if p.qualification == "defamation"]
    assert "prescription de stupéfiants" in passage.explanation
    assert "« Ce dentiste »" in passage.explanation
    assert "falsification" not in passage.explanation
    hearsay = classify("Une ancienne employée m'a dit que la Dre Roy signe les arrêts de travail sans voir les patients.")
    (passage,) = [p for p in hearsay.passages if p.qualification == "defamation"]
    assert "« la Dre Roy »" in passage.explanation and "signature" in passage.explanation
    assert "dubitative ou rapportée" in passage.explanation and "avocat" in passage.explanation


def test_praise_needs_evidence() -> None:
    assert classify("erreurs médicales", None).label == "criticism"
    assert classify("Service ordinaire.", None).label == "criticism"
    assert classify("RAS 👍", None).label == "praise"
    bare = classify("", 1)
    assert bare.label == "criticism" and bare.passages == [] and not bare.check
    assert classify("", 5).label == "praise"


# One hit per shape of data/accusation.toml: a shape nobody can trigger is a dead rule.
SHAPE_HITS = {
    "hygiene.single_use": "Les aiguilles à usage unique ressortent du tiroir pour le patient suivant.",
    "hygiene.veterinary": "Le gel qu'il utilise est marqué usage vétérinaire.",
    "hygiene.not_sterile": "Le dentiste ne stérilise pas ses instruments.",
    "hygiene.expired": "Elle m'a injecté un produit périmé depuis deux ans.",
    "money.not_done": "Il m'a facturé une couronne jamais posée.",
    "money.substitution": "Il facture de la céramique et pose du métal pour sauver de l'argent.",
    "money.notes_for_cash": "Le doc vend des arrêts de travail 40 $ cash sans te voir.",
    "money.sign_unseen": "La Dre Roy signe les examens sans avoir vu les patients.",
    "money.tax": "Le dentiste demande d'être payé au noir.",
    "money.insurer_absent": "Ma mutuelle a reçu une facture pour une visite le 3 mars. J'étais à Montréal ce jour-là.",
    "sexual.touch": "Le médecin fait des remarques sur la poitrine des patientes.",
    "sexual.kiss": "The dentist kissed me without my consent.",
    "sexual.advances": "Le dentiste m'a fait des avances pendant le soin.",
    "consent.undress_minor": "Il a fait déshabiller ma fille de 12 ans pour une otite, porte fermée.",
    "consent.undress": "He told me to take off my shirt for no reason.",
    "consent.undress_check": "Le pédiatre a fait déshabiller mon fils de 6 ans.",
    "consent.photos": "L'assistant a pris des photos de moi sous sédation avec son téléphone perso.",
    "consent.no_consent": "Il a arraché la dent sans mon consentement.",
    "secrecy.disclosure": "La réceptionniste a annoncé mon test de grossesse devant toute la salle d'attente.",
    "secrecy.disclosure_weak": "La secrétaire a parlé de mes radios devant tout le monde.",
    "substance.smell": "Le docteur sentait l'alcool pendant la consultation.",
    "substance.intoxicated": "Le dentiste était ivre.",
    "substance.divert": "Il paraît que le médecin se sert dans l'armoire à morphine.",
    "substance.prescribe_cash": "Il prescrit de l'oxycodone contre 100 $ cash.",
    "substance.overprescribe": "Why does Dr. Lee keep prescribing opioids to the same addicts every week?",
    "qualification.struck_off": "Le Dr Roy a été radié de l'Ordre.",
    "qualification.sanction": "Ce dentiste a été suspendu par le Collège pour fraude.",
    "qualification.asked": "Le docteur a-t-il un diplôme ?",
    "qualification.fake": "Elle exerce sans diplôme.",
    "qualification.poses_as": "Il se fait appeler docteur alors qu'il n'a jamais fait médecine.",
    "qualification.not_member": "Cette praticienne exerce sans être inscrite à l'Ordre.",
    "qualification.backroom_lab": "Les couronnes sont fabriquées dans un sous-sol par son beau-frère.",
    "qualification.act_by_other": "C'est la secrétaire qui fait les détartrages.",
    "discrimination.treatment": "Dès que j'ai dit que j'avais la CMU, la secrétaire a refusé le rendez-vous.",
    "violence.physical": "Le dentiste a giflé mon fils.",
    "theft.belongings": "Mon portefeuille a disparu du casier et la caméra montre l'assistant y entrer seul.",
    "records.falsified": "Ils ont falsifié mon dossier pour cacher l'erreur.",
    "records.altered": "Le médecin a modifié mon dossier après coup.",
    "fault.concealed": "Le Dr Caron a percé le sinus et ne m'a rien dit.",
    "generic.honour": "Le dentiste a menti à la police.",
    "money.deceit": "Il fait faire ses couronnes en Chine et les facture comme si elles venaient d'un labo d'ici.",
    "theft.resale": "La clinique garde les dents en or extraites et les revend.",
}


def test_every_shape_has_a_hit() -> None:
    assert set(SHAPE_HITS) == {shape.name for shape in shapes()}


@pytest.mark.parametrize(("name", "text"), sorted(SHAPE_HITS.items()))
def test_shape_hits(name: str, text: str) -> None:
    doc = normalize(text)
    found = {a.shape.name for a in find_accusations(doc.text, sentences(doc.text))}
    assert name in found, found


def _review(length: int) -> str:
    pieces = [
        "Attente de deux heures, accueil froid. ", "Le Dr Martin est doux et patient, merci. ",
        "La secrétaire a dit devant tout le monde que j'étais enceinte. ", "Quel charlatan ! ",
        "Il m'a facturé des soins jamais faits. ", "Great staff, very gentle. ", "Espèce de vieille chouette. ",
    ]
    out, i = [], 0
    while sum(map(len, out)) < length:
        out.append(pieces[i % len(pieces)])
        i += 1
    return "".join(out)[:length]


def _cpu(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        classify(text, 1)
        best = min(best, time.process_time() - start)
    return best


def test_time_is_linear_in_the_length_of_the_text() -> None:
    classify(_review(500), 1)  # warm up
    assert _cpu(_review(4096)) <= 0.05
    small, large = _cpu(_review(20_000)), _cpu(_review(200_000))
    assert large <= 15 * small + 0.05  # ten times the text, about ten times the work
    wall = "lorem ipsum dolor sit amet consectetur " * 5000  # no punctuation at all
    assert _cpu(wall) <= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Une étoile pour le système de santé, pas pour le cabinet : la dentiste est adorable.",
        "Two stars go to the health system, the nurse was very kind.",
        "Le système de santé est à bout de souffle, mais l'équipe a été formidable.",
    ],
)
def test_stars_given_to_the_health_system_are_not_the_practice(text: str) -> None:
    assert classify(text, 1).label == "praise"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("What a knobhead!", True),  # a word in no list, in the frame of an insult: at least « à vérifier »
        ("Le Dr Roy est un bonnet de nuit.", False),
        ("Quelle attente !", False),
        ("What a relief!", False),
        ("Il est un excellent dentiste.", False),
    ],
)
def test_contempt_outside_the_lists_is_at_least_checked(text: str, flagged: bool) -> None:
    result = classify_text(text, None, learned=False)
    assert (result.label == "insult" or result.check) is flagged, result
