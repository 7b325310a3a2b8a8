"""Closeness a reply to a stranger would never show: it confirms the relationship (rule 2).

The practice answers a public review as it would answer anyone: « vous », no familiarity, no
account of how things went. « T'étais entre bonnes mains », « tu sais bien que… », « tout
s'est bien passé » or « vous étiez entre de bonnes mains » only make sense for someone the
practice has seen.
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

FAMILIARITY = Rule(
    name="relationship_familiarity",
    family="relationship",
    severity=Severity.BLOCK,
    refs=_SECRET_REFS,
    description="La réponse tutoie l'auteur ou raconte comment « tout s'est passé » : une relation est supposée.",
    explanation=(
        "« {text} » suppose que le cabinet connaît cette personne (tutoiement, familiarité, "
        "récit de ce qui s'est passé) : le secret professionnel interdit de le laisser entendre."
    ),
    patterns=(
        # tutoiement: the subject and object pronouns, « t'es », « t'étais », « ta / tes / ton »
        r"(?:tu|toi|t es|t etais|t as|t avais|te voir|te revoir|te recevoir|t attend|t attendons)",
        r"(?:vous etiez|vous etes|vous avez ete|tu etais|t etais|tu es|t es|etiez|etait) (?:vraiment |bien |toujours )?entre (?:de )?(?:bonnes|tres bonnes|excellentes|les meilleures) mains",
        r"(?:tout|ca|cela|les choses|votre passage|la seance|l intervention) (?:s est|se soit|s etait) (?:tres |plutot |vraiment )?(?:bien |mal )?(?:passe|passee|deroule|deroulee)",
        r"(?:everything|it all|things|it) (?:went|has gone|had gone|turned out) (?:so |very |really )?(?:well|smoothly|fine|great|badly)",
    ),
    exclusions=(
        r"(?:commentaire|message|avis|demande|retour|plainte|reclamation)s? (?:est|sont|a ete|reste|sera) (?:bien )?entre (?:de )?bonnes mains",
    ),
)

RULES = (FAMILIARITY,)
