"""Table-driven tests: each rule with its hits and its near-misses side by side."""

from __future__ import annotations

import pytest

from responders.classify import DEFAULT_RULES, classify, get_rules

# rule name -> (texts the rule must flag, near-misses it must leave alone)
TABLE: dict[str, tuple[list[str], list[str]]] = {
    "defamation.billing": (
        [
            "Il m'a facturé des soins jamais réalisés.",
            "La dentiste m'a fait payer une séance qui n'a jamais eu lieu.",
            "Crosseur qui m'a chargé 200$ pour un traitement qu'il a jamais fait.",
            "Ils ont encaissé deux fois la même consultation.",
            "He billed me for a cleaning that was never done.",
            "Des soins inutiles pour gonfler la facture.",
        ],
        [
            "Il m'a facturé 80 € la consultation, c'est beaucoup trop cher.",
            "Le devis était plus élevé que prévu, je trouve ça abusif.",
            "They charged me $200 for a cleaning, way too expensive.",
        ],
    ),
    "defamation.insurer": (
        [
            "Il fraude la Sécu en déclarant des actes qu'il n'a pas faits.",
            "Le Dr a facturé à ma mutuelle une couronne céramique alors qu'il m'a posé une couronne métallique.",
            "Ils gonflent les devis pour les mutuelles.",
            "This clinic bills RAMQ for visits that never happened, insurance fraud.",
        ],
        [
            "Ma mutuelle ne rembourse presque rien, c'est dommage.",
            "La RAMQ ne couvre pas ce traitement, il faut payer soi-même.",
        ],
    ),
    "defamation.qualification": (
        [
            "Il paraît qu'elle exerce sans diplôme.",
            "Je me demande s'il a vraiment son diplôme.",
            "Ce n'est même pas un vrai dentiste, c'est un faux médecin.",
            "She is not licensed to practise in Quebec.",
        ],
        [
            "Diplômée de l'université de Montréal, elle connaît son métier.",
            "Elle ne semble pas très expérimentée.",
            "Il n'a pas le permis de conduire mais il est très bon dentiste.",
        ],
    ),
    "defamation.hygiene": (
        [
            "Les instruments ne sont pas stérilisés entre deux patients.",
            "L'assistante réutilise les mêmes gants pour tout le monde.",
            "Il travaille sans gants.",
            "They don't sterilize their tools.",
        ],
        [
            "Toilettes sales et pas de gel à l'accueil.",
            "Elle met toujours des gants et un masque.",
            "Il s'est lavé les mains devant moi.",
        ],
    ),
    "defamation.substance": (
        [
            "Le dentiste était complètement ivre pendant le soin.",
            "Il sentait l'alcool à 9 h du matin.",
            "Elle vient travailler défoncée.",
            "The doctor was clearly drunk.",
        ],
        [
            "J'étais encore gelé en sortant du cabinet.",
            "On m'a désinfecté la plaie à l'alcool.",
            "La salle d'attente était bourrée de monde.",
            "Ça me saoule d'attendre autant.",
        ],
    ),
    "defamation.sexual": (
        [
            "Le kiné m'a touchée de manière déplacée.",
            "Ce médecin fait des commentaires sexuels aux jeunes patientes.",
            "He sexually harassed my sister during the exam.",
        ],
        [
            "Le médecin m'a touché l'épaule pour me rassurer, très humain.",
            "Elle est très familière, elle tutoie tout le monde.",
        ],
    ),
    "defamation.theft": (
        [
            "La réceptionniste a volé mon numéro de carte de crédit.",
            "La secrétaire pique dans la caisse.",
            "She stole my wallet from the waiting room.",
        ],
        [
            "120 € la consultation, c'est du vol.",
            "J'ai perdu mon portefeuille dans le bus en rentrant.",
        ],
    ),
    "defamation.records": (
        [
            "Il a falsifié mon dossier après l'accident.",
            "Ils modifient les dossiers pour se couvrir quand il y a une plainte.",
            "Le Dr vend des arrêts de travail.",
            "The doctor writes fake sick notes for cash.",
        ],
        [
            "Ils ont perdu mon dossier deux fois.",
            "Le médecin a refusé de me faire un arrêt de travail.",
        ],
    ),
    "defamation.confidentiality": (
        [
            "La secrétaire a raconté ma maladie à ma voisine.",
            "Il ne respecte pas le secret médical.",
            "On raconte que la secrétaire revend les coordonnées des patients.",
        ],
        [
            "Le secret de ce cabinet ? Une équipe souriante.",
            "La secrétaire m'a demandé mes coordonnées, normal.",
        ],
    ),
    "defamation.violence": (
        [
            "Le dentiste a giflé mon fils pendant le soin.",
            "D'après une ancienne assistante, le dentiste frappe ses employées.",
            "Le dentiste a hurlé sur une dame âgée jusqu'à ce qu'elle pleure.",
        ],
        [
            "J'ai été frappée par la gentillesse de l'équipe.",
            "Mon fils a hurlé pendant tout le soin.",
        ],
    ),
    "defamation.injury": (
        [
            "Il m'a perforé le sinus et n'a rien dit.",
            "Ce charlatan a arraché la mauvaise dent.",
            "Elle a laissé un morceau de lime dans ma dent.",
            "He broke my jaw pulling a wisdom tooth.",
        ],
        [
            "Il m'a arraché une dent de sagesse, j'ai eu mal deux jours.",
            "Mon plombage est tombé au bout de deux semaines.",
            "L'anesthésie n'a pas fonctionné et j'ai eu très mal.",
        ],
    ),
    "defamation.discrimination": (
        [
            "Le cabinet refuse les patients CMU.",
            "Refus de soins parce que je suis bénéficiaire de l'AME.",
            "La clinique refuse les patients avec un handicap.",
            "They refused to treat me because I am on welfare.",
        ],
        [
            "Le cabinet refuse les nouveaux patients depuis six mois.",
            "Il a refusé de me prescrire des antibiotiques.",
        ],
    ),
    "defamation.sanction": (
        [
            "Ce dentiste a déjà été condamné pour fraude.",
            "Elle a été radiée de l'Ordre l'an dernier.",
            "Y paraît que la dentiste a perdu son permis l'an passé.",
            "She was suspended by the Order of Dentists last year.",
        ],
        [
            "J'ai été condamnée à attendre deux heures.",
            "Il a suspendu mon traitement sans m'expliquer pourquoi.",
        ],
    ),
    "defamation.fake_reviews": (
        [
            "Il achète ses avis cinq étoiles.",
            "Les avis positifs sont rédigés par sa famille.",
        ],
        [
            "Je ne comprends pas les avis positifs, mon expérience a été mauvaise.",
            "N'hésitez pas à lire les autres avis.",
        ],
    ),
    "defamation.false_statement": (
        [
            "Il a déclaré à mon assurance que ma fracture datait d'avant l'accident, c'est faux.",
            "Elle a écrit à mon employeur que je simulais alors qu'elle ne m'a jamais examinée.",
            "He told my insurance company I missed the appointment when I was there.",
        ],
        [
            "Il a écrit à mon employeur pour justifier mon arrêt, très efficace.",
            "J'ai dit à mon assurance que le devis était trop cher.",
        ],
    ),
    "defamation.safety": (
        [
            "Il a posé un implant périmé, j'ai vu la date sur l'emballage.",
            "La radio a été faite sans tablier de plomb.",
        ],
        [
            "Le cabinet est vétuste mais propre.",
            "Mon implant me fait encore mal après trois mois.",
        ],
    ),
    "insult.lexicon": (
        [
            "Un charlatan de la pire espèce.",
            "C'est un c0nnard fini.",
            "Quel charlatant.",
            "Gros crosseur, tabarnak.",
            "Dr. Smith is a quack.",
        ],
        [
            "Ce n'est pas un charlatan, contrairement à ce qu'on dit.",
            "Il m'a traité de connard devant tout le monde.",
            "Excellent dentiste, très doux.",
        ],
    ),
    "insult.epithet": (
        [
            "Un vrai boucher.",
            "Dentiste = BOUCHER !!!",
            "Ce b o u c h e r m'a fait un mal de chien.",
            "Maudit épais, tu devrais pas soigner du monde.",
            "The receptionist is a miserable witch.",
        ],
        [
            "Il faut boucher le trou avec un plombage.",
            "Une épaisse couche de poussière sur les chaises.",
            "Voleurs ! 45 € pour un renouvellement d'ordonnance de 3 minutes.",
            "Dentiste nul, j'ai encore mal.",
        ],
    ),
    "criticism.uncertain_honesty": (
        [
            "Il m'a menti sur le prix.",
            "Des soins inutiles à mon avis, un autre dentiste n'a rien trouvé.",
        ],
        [
            "Il m'a expliqué honnêtement les risques.",
        ],
    ),
    "criticism.uncertain_hygiene": (
        [
            "Hygiène douteuse dans la salle d'attente.",
        ],
        [
            "Cabinet très propre, hygiène irréprochable.",
        ],
    ),
    "criticism.uncertain_mistreatment": (
        [
            "Je me suis sentie maltraitée du début à la fin.",
        ],
        [
            "Très bien traitée par toute l'équipe.",
        ],
    ),
    "criticism.opinion": (
        [
            "Médecin hautain et expéditif.",
            "Attente interminable, 2 h en salle d'attente.",
            "Je recommande pas pantoute.",
            "Rude receptionist, waited two hours.",
        ],
        [
            "Pas d'attente, médecin poli.",
            "Je ne suis pas déçue, bien au contraire.",
        ],
    ),
}

HITS = [(rule, text) for rule, (hits, _) in TABLE.items() for text in hits]
MISSES = [(rule, text) for rule, (_, misses) in TABLE.items() for text in misses]


def _rules_of(text: str) -> set[str]:
    return {p.rule for p in classify(text).passages}


@pytest.mark.parametrize(("rule", "text"), HITS)
def test_rule_hits(rule: str, text: str) -> None:
    assert rule in _rules_of(text), f"{rule} should flag: {text}"


@pytest.mark.parametrize(("rule", "text"), MISSES)
def test_rule_near_misses(rule: str, text: str) -> None:
    assert rule not in _rules_of(text), f"{rule} should not flag: {text}"


def test_every_rule_has_a_hit_and_a_near_miss() -> None:
    names = {rule.name for rule in DEFAULT_RULES}
    assert names == set(TABLE), f"documented rules differ: {names ^ set(TABLE)}"
    for name, (hits, misses) in TABLE.items():
        assert hits and misses, name


def test_registry_rejects_unknown_names() -> None:
    assert get_rules(["insult.lexicon"])[0].name == "insult.lexicon"
    with pytest.raises(ValueError, match="inconnue"):
        get_rules(["defamation.nope"])


def test_rules_are_validated_when_built() -> None:
    from responders.classify.rules import PatternRule

    with pytest.raises(ValueError, match="motif invalide"):
        PatternRule(name="x", qualification="defamation", explanation="x", patterns=("(unclosed",))
    with pytest.raises(ValueError, match="aucun motif"):
        PatternRule(name="x", qualification="defamation", explanation="x", patterns=())
