"""What a reply says without the usual words: history, a visit's details, insinuation, figures.

The positive model (publishable.py) already sends such replies to review; these shapes give
the precise reason, and block, when they recognise the move:
- the relationship shown by shared history, a change of practitioner, a waiting list or a
  rescheduled slot, the time someone waited, the child they came with;
- a staff member named with their role (« Claire V., notre hygiéniste », "our hygienist Priya");
- counter-attack by insinuation (« qui appréciera », « la cohérence de votre récit »,
  "you know it", "creative writing", "reflect on your own conduct");
- promotion in figures (« note moyenne de 4,9 sur 800 avis », "over 4,000 happy smiles").
"""

from __future__ import annotations

from responders.guard.rule import Rule
from responders.vocabulary import Severity

_SECRET_REFS = {
    "FR": "Code de la santé publique, art. L1110-4 et R4127-4 ; Code pénal, art. 226-13",
    "FR-dentiste": "Code de la santé publique, art. L1110-4 et R4127-206 ; Code pénal, art. 226-13",
    "QC": "Charte des droits et libertés de la personne, art. 9 ; Code des professions, art. 60.4",
    "QC-medecin": "Code de déontologie des médecins, art. 20 ; Code des professions, art. 60.4",
}
_NUM = r"(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|quarante|cinquante|soixante|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|sixty|an|a)"

SITUATION = Rule(
    name="relationship_history",
    family="relationship",
    severity=Severity.BLOCK,
    refs=_SECRET_REFS,
    description="La réponse évoque une histoire commune, un changement de praticien, une attente ou un rendez-vous déplacé.",
    explanation=(
        "« {text} » raconte ce qui s'est passé avec cette personne (histoire commune, attente, "
        "rendez-vous, accompagnant) : c'est confirmer qu'elle est venue. Retirez ce passage."
    ),
    patterns=(
        # shared history
        r"(?:toutes |depuis )?ces (?:annees|longues annees) (?:passees )?(?:a|avec|ensemble|de fidelite|de confiance)|depuis le temps (?:que|qu) (?:nous|on|vous)|(?:ca|cela) fait (?:plus de |pres de |bientot )?"
        + _NUM
        + r" (?:ans|annees|mois) (?:que|qu)|depuis (?:l ouverture|le debut|nos debuts|des lustres)(?! (?:du|de la|de l|de notre|des|d un|d une|de ce|de cette) )|(?:vous etes|vous etiez|on vous connait|nous vous connaissons) (?:avec nous|des notres|ici) depuis",
        r"(?:over|for|after) (?:all these|so many|all those) years|catching up with you|(?:known|know) (?:each other|you) (?:for|since)|(?:been|with us) since (?:we opened|the beginning|day one)",
        # a change of practitioner
        r"(?:suivie?s?|soignee?s?|traitee?s?|continuer|poursuivre|voir) (?:desormais |dorenavant |a l avenir |plutot )?(?:avec|par) (?:l autre|une autre|un autre|notre autre|la nouvelle|le nouveau) (?:praticienne?|dentiste|medecin|docteure?|hygieniste|specialiste)|(?:l autre|une autre|un autre) (?:praticienne?|dentiste|medecin|docteure?|hygieniste) (?:du cabinet|de l equipe|de la clinique)",
        r"(?:see|seeing|with|to) (?:a different|another|a new|the other) (?:dentist|doctor|physician|hygienist|practitioner)|(?:take care of|handle|arrange) the (?:switch|transfer)|(?:s occuper|s occupe|s en occupe|va s occuper) du transfert",
        # waiting list, slots, rescheduling
        r"liste d attente|(?:plage|place|creneau|disponibilite) (?:horaire )?(?:se libere|se liberera|se libérera)|(?:push|pushed|bump|bumped|move|moved|reschedule|rescheduled|rebook|rebooked) you (?:back|up|twice|again|to)|recedul[a-z]*|(?:reporte|deplace|annule) (?:deux|trois|plusieurs) fois",
        # how long someone waited, with whom they came
        r"(?:(?:"
        + _NUM
        + r") (?:minutes?|heures?|hours?)|une heure et demie|une demi heure|half an hour|an hour and a half) (?:de retard|d attente|a attendre|late|to wait|of waiting|waiting|past (?:a|the|your) (?:booked|scheduled) time)",
        r"(?:avec|with) (?:un|une|votre|your|a|an|ton|ta) (?:jeune |petit |petite |tout petit |toute petite )?(?:enfant|bebe|bambin|nourrisson|fille|fils|child|baby|toddler|infant|kid|son|daughter)(?: en bas age)?",
    ),
)

STAFF_NAMED = Rule(
    name="identity_staff_named",
    family="identity",
    severity=Severity.BLOCK,
    description="La réponse nomme un membre de l'équipe avec sa fonction.",
    explanation=(
        "« {text} » nomme une personne de l'équipe : aucun nom ne doit figurer dans une "
        "réponse publique (il identifie aussi qui s'est occupé de l'auteur de l'avis)."
    ),
    case_patterns=(
        r"(?:[Nn]otre|[Oo]ur|[Tt]he|[Ll]'|[Ll]a|[Ll]e) ?(?:hygiénistes?|hygienists?|assistantes?|assistants?|réceptionnistes?|receptionists?|secrétaires?|secretary|infirmières?|infirmiers?|nurses?|dentistes?|dentists?|doctors?|technicien(?:ne)?s?|stagiaires?|coordonnatrices?|coordonnateurs?)(?:,)? (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Info|Google|Montréal|Montreal|Québec|Quebec)\b)([A-ZÉÈ][a-zéèêëàâîïôöûüç-]+(?: [A-Z]\.)?)",
        r"([A-ZÉÈ][a-zéèêëàâîïôöûüç-]+ [A-Z]\.),? (?:notre|our|la|le|l'|the) (?:hygiéniste|hygienist|assistante?|réceptionniste|receptionist|secrétaire|infirmière|nurse|dentiste|dentist)",
    ),
)

INSINUATION = Rule(
    name="counter_insinuation",
    family="counter_attack",
    severity=Severity.BLOCK,
    description="La réponse contre-attaque par l'insinuation ou l'ironie, sans mot injurieux.",
    explanation=(
        "« {text} » insinue que l'auteur de l'avis ment, exagère ou se comporte mal : une "
        "contre-attaque, même voilée, peut excuser l'injure (art. 33, provocation). Retirez-la."
    ),
    patterns=(
        r"(?:notre|nos) (?:conseil|conseils|avocat|avocats|juriste|juristes)(?: [a-z]+){0,3} qui (?:appreciera|apprecieront|jugera|jugeront|avisera|aviseront|en tirera|decidera)|copie horodatee|capture d ecran (?:a ete |est )?(?:conservee|faite|realisee)|constat d huissier|(?:pour|en vue de) les suites (?:qu il conviendra|a donner|judiciaires)",
        r"(?:ravie?s?|heureu(?:x|se)|content(?:e|s)?) d apprendre que vous (?:etes|savez|connaissez)|plus (?:competent|competente|doue|douee|savant|savante) que|la colere (?:puisse|peut|fait) (?:faire )?dire|(?:coherence|veracite|sincerite|credibilite) de votre (?:recit|histoire|version|temoignage)|(?:recit|histoire|version) (?:aussi |si |tres )?(?:arrangee?|romancee?|imaginative|fantaisiste|creative)|conversations? d adulte|(?:preferent|preferez) les ecrans|nos lecteurs (?:apprecieront|jugeront|sauront)",
        r"(?:simply|completely|totally|entirely|patently) (?:untrue|false|made up|inaccurate)|(?:and )?you know it|creative writing|(?:a )?good laugh|easier to (?:type|write|post|complain) than|(?:reflect|think) (?:on|about) your own (?:conduct|behaviou?r|actions|attitude)|your own (?:conduct|behaviou?r)|see (?:this|it|that) for what it is|interesting (?:how|that|timing)|right after your (?:balance|bill|account|invoice)|(?:went|sent|going) to collections",
    ),
)

FIGURES = Rule(
    name="promotion_figures",
    family="promotion",
    severity=Severity.BLOCK,
    description="La réponse fait la promotion du cabinet par des chiffres (notes, nombre d'avis, de patients).",
    explanation=(
        "« {text} » vante le cabinet par des chiffres (note, nombre d'avis ou de patients) : "
        "c'est de la publicité, interdite aux professionnels de santé. Retirez ce passage."
    ),
    raw_patterns=(
        r"(?:note|moyenne|rating|average)[a-z ]{0,12}\d(?:[.,]\d)? ?(?:/|sur|out of) ?(?:5|10|cinq|five)|\d(?:[.,]\d)? ?(?:/ ?5|sur 5|out of 5|étoiles|etoiles|stars)",
        r"(?:plus de|over|more than|près de|pres de|nearly|almost)? ?\d[\d,. ]{0,8} ?(?:avis|reviews|happy|satisfied|smiles|sourires|patients? (?:satisfaits|heureux|soignés|soignes)|familles|families)",
        r"and counting|et ce n'est pas fini|(?:sharing|share|post|posting|publier|partager)[a-z ]{0,20}(?:on|sur) (?:our|notre) (?:website|site|page|instagram|facebook)",
    ),
)

RULES = (SITUATION, STAFF_NAMED, INSINUATION, FIGURES)
