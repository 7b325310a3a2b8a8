"""Never mention health or care: words from the CIM-10/CIM-11, drug and act lexicons."""

from __future__ import annotations

import re

from responders.guard.families import context
from responders.guard.families.generic import generic_mention
from responders.guard.rule import Context, Pattern, Rule, Span
from responders.vocabulary import Severity

_CARE_EXCLUSIONS = (
    r"(?:sans |en cas d )?(?:urgence|urgences) (?:dentaire|medicale)s?|en cas d urgence",
    r"(?:examen|analyse|etude) (?:de|du|des|attentif de|attentive de) (?:votre|vos|la|le|les|cette|chaque|ce) (?:demande|dossier|reclamation|plainte|message|commentaire|avis|situation|remarque|retour|question|signalement)s?",
    # a channel of communication, not a root canal
    r"(?:ce|cet|notre|nos|un|le|les|par|via|sur|bon|meilleur|autre|seul) canal(?: (?:de communication|officiel|prive|public|approprie|telephonique|habituel))?(?! (?:radiculaire|dentaire|carpien|lacrymal|auditif|biliaire|rachidien))",
    r"bouche a oreille|sang froid|bon sang|sang neuf|nez a nez|a vue de nez",
    r"nettoyage (?:des|du|de la|de nos) (?:locaux|salle|salles|cabinet|clinique|lieux|vitres|sols|surfaces)",
    # An insurer's name is no diagnosis: « l'assurance maladie », « caisse d'assurance maladie ».
    r"(?:regime d |caisse (?:primaire )?d |carte d )?assurances? maladie",
    r"consultation (?:de|d|avec|aupres de|aupres d) (?:l equipe|la direction|nos|notre|l ensemble|la responsable|le responsable|nos collegues|nos associes|la gerance|l administration)|consultation publique",
    *context.CARE,
)


def _care(name: str, category: str, what: str, example: str) -> Rule:
    return Rule(
        name=name,
        family="care",
        severity=Severity.BLOCK,
        description=f"La réponse parle de santé : {what}.",
        explanation=(
            f"« {{text}} » ({what}) : une réponse publique ne doit jamais parler de santé ni "
            f"de soins, même pour reprendre les mots de l'avis ({example}). Retirez ce passage."
        ),
        categories=(category,),
        exclusions=_CARE_EXCLUSIONS,
        invalidate=generic_mention,
    )


CONDITION = _care(
    "care_condition", "condition", "maladie ou état de santé", "carie, diabète, abcès"
)
SYMPTOM = _care("care_symptom", "symptom", "symptôme", "douleur, saignement, fièvre")
ACT = _care("care_act", "act", "acte ou traitement", "détartrage, extraction, traitement de canal")
MATERIAL = _care(
    "care_material", "material", "matériel ou dispositif", "couronne, implant, prothèse"
)
DRUG = _care("care_drug", "drug", "médicament", "antibiotique, anesthésie, Doliprane")
EXAM = _care("care_exam", "exam", "examen ou résultat", "radio, prise de sang, diagnostic")
BODY = _care("care_body", "body", "partie du corps", "dent, gencive, mâchoire")

TOOTH_NUMBER = Rule(
    name="care_tooth_number",
    family="care",
    severity=Severity.BLOCK,
    description="La réponse cite un numéro de dent.",
    explanation=(
        "« {text} » désigne une dent précise : c'est une information de santé. Retirez-la."
    ),
    raw_patterns=(
        Pattern(
            "tooth_named_number",
            r"(?:dents?|molaires?|premolaires?|incisives?|canines?|sagesse)\s*(?:n\s?[°o]\.?\s*|#\s*|numero\s*|no\.?\s*)?(?:[1-4][1-8]|[5-8][1-5])(?:\s*(?:et|,|-|a)\s*(?:[1-4][1-8]|[5-8][1-5]))*",
        ),
        Pattern(
            "tooth_number_alone",
            r"(?:la|les|sur la|de la|a la)\s+(?:[1-4][1-8])(?:\s*(?:et|,|-)\s*[1-4][1-8])*(?!\s*(?:h\b|heures?|min|ans|jours|mois|rue|avenue|boulevard|%|€|\$|eur|e\b|eme|er\b|place|personnes|minutes))",
        ),
        Pattern("tooth_hash_number", r"(?:dent|molaire|premolaire|incisive|canine)\s*#\s*\d{1,2}"),
    ),
)

HEALTH_PHRASE = Rule(
    invalidate=generic_mention,
    name="care_health_context",
    family="care",
    severity=Severity.BLOCK,
    description="La réponse évoque l'état de santé ou les soins d'une personne.",
    explanation=(
        "« {text} » évoque la santé ou les soins d'une personne : une réponse publique ne "
        "doit jamais en parler. Retirez ce passage."
    ),
    patterns=(
        r"(?:son|votre|leur|mon|ton) etat de sante|(?:probleme|problemes|soucis?|ennuis) (?:de sante|dentaires?|medicaux|medical)",
        r"(?:sante|hygiene) (?:dentaire|bucco dentaire|buccodentaire|mentale|physique|psychique|cardiaque)",
        r"(?:vo(?:tre|s)|le|les|ce|ces|un|des) (?:soins?|actes?|gestes?) (?:dentaires?|medicaux|medical|chirurgicaux|pratiques?|realises?|effectues?|prodigues?|recus?)",
        r"(?:acte|geste|protocole) (?:medical|chirurgical|therapeutique|dentaire)",
        r"(?:traitements?|soins?) (?:adaptes?|necessaires?|prescrits?|realises?|effectues?|en cours|recommandes?|prevus?)",
        r"(?:avoir|a|ai|avez|avait|aviez|ayez|eu|aurez|aura) mal(?! (?:compris|interprete|lu|entendu|saisi|exprime|formule|oriente|oriente|pris|vecu|place|accueilli|recu|informe|renseigne|percu|a l aise))",
        r"(?:intervention|operation|chirurgie|soins?|probleme|problemes|douleurs?|mal) (?:a|au|aux|sur|de|du|des) (?:la |le |l |les |votre |vos |son |sa |ses )?(?:main|mains|bras|pied|pieds|jambe|jambes|dos|tete|oeil|yeux|genou|genoux|hanche|epaule|cou|doigt|doigts|poignet|cheville|visage|nez|ventre|coeur|dent|dents|gencive|gencives|machoire|bouche|langue|gorge|oreille|oreilles|peau)(?![a-z])",
        r"(?:main|bras|pied|jambe|oeil|genou|hanche|epaule|poignet|cheville|oreille|poumon|rein|sein) (?:droite?|gauche)",
        r"(?:lettre|demande|bon|formulaire) de (?:recommandation|reference|liaison|consultation|transfert) (?:pour|vers|a|au|aupres)|(?:pour|vers) (?:le|la|un|une) (?:specialiste|chirurgien|chirurgienne|orthodontiste|cardiologue|dermatologue|radiologue|pneumologue|neurologue)",
        r"sous (?:sedation|anesthesie|calmants?|medicaments?|antibiotiques?|traitement|perfusion|oxygene|morphine|antidepresseurs?|anticoagulants?)|(?:votre|son|sa|leur) etat(?! d esprit| civil| d avancement)|prise en charge (?:rapide|immediate|urgente|medicale|adaptee|specialisee|chirurgicale|dentaire)|(?:poursuivre|interrompre|arreter|reprendre|continuer|suspendre) (?:les|vos|le|votre|ses) (?:soins|traitements?|seances)",
        r"(?:retirer|retires|retirees|enlever|enleves|retrait des|oter|otes) (?:les |des |vos |ses )?(?:points|fils|agrafes)|(?:les|des|vos|ses) (?:points|fils|agrafes) (?:seront|sont|ont ete|vont etre|se) (?:retires|enleves|resorbes|resorbent|otes|tombent|tomberont)",
        r"steril[a-z]*|asepsie|aseptique|desinfect[a-z]*|(?:hygiene|proprete) des (?:instruments|salles|fauteuils|locaux)|autoclave|materiel (?:sterile|jetable|a usage unique)|usage unique",
        r"(?:controle|visite|examen|bilan|suivi) (?:de routine|annuel|annuelle|dentaire|medical|medicale|periodique|post operatoire|de controle)",
        r"sensibilite (?:au froid|au chaud|au sucre|dentaire|des dents|de la dent|des gencives)|(?:dents?|gencives?) sensibles?",
        r"dossiers? (?:medical|medicaux|patient|patients|de soins|dentaire|dentaires|clinique|cliniques|de sante)|(?:programme|plan|protocole|parcours|cycle|serie|phase|etape|seance|seances|suite) (?:de |du |des |d )?(?:soins?|traitements?|traitement|orthodontie|implantologie|reeducation|physiotherapie|kinesitherapie)",
        r"(?:au|dans le|sur le) fauteuil|(?:que vous|vous) (?:allez|alliez|irez|portez|sentez|sentiez) (?:mieux|bien mieux|beaucoup mieux|moins bien)|(?:prompt|bon|rapide|meilleur) retablissement|remis(?:e|es)? sur pied|(?:votre|sa) (?:guerison|convalescence|cicatrisation|recuperation)",
        r"(?:vers|chez|a|aupres d|aupres de) (?:un|une|le|la|notre|votre) (?:specialiste|confrere|consoeur|chirurgien|chirurgienne|orthodontiste|parodontiste|endodontiste|pediatre|dermatologue|radiologue|generaliste|medecin de famille|medecin traitant|urgentiste|hopital)",
        r"(?:votre|sa|ta|leur) (?:tension|glycemie|temperature|poids|cholesterol)|tension (?:trop |tres |un peu )?(?:elevee|basse|haute|arterielle)",
        r"(?:ca|cela) (?:fait|faisait) mal|sans (?:avoir )?mal",
        r"(?:anesthesi|endodont|orthodont|parodont|implantolog|stomatolog|cardiolog|dermatolog|gynecolog|pediatr|psychiatr|neurolog|ophtalmolog|oncolog|radiolog)[a-z]*",
    ),
)

# Medical word-forms: a word outside everyday French with a clinical ending is a health term
# even when no terminology lists it (« scintigraphie », « tendinite », « spirométrie »).
_CLINICAL_ENDINGS = re.compile(
    r"(?:ites?|oses?|omes?|algies?|pathies?|emies?|uries?|plegies?|plegiques?|ectomies?|otomies?|ostomies?|"
    r"plasties?|scopies?|graphies?|grammes?|metries?|therapies?|therapeutes?|logues?|iatres?|iatries?|"
    r"ologies?|cytes?|mycines?|cillines?|azoles?|prazoles?|"
    r"oxacines?|statines?|olols?|prils?|sartans?|mabs?|tidines?|zepams?|azepams?|caines?)$"
)
_ALWAYS_CLINICAL = re.compile(
    r"(?:ectomies?|otomies?|plasties?|scopies?|graphies?|metries?|therapies?|emies?|algies?|pathies?)$"
)
_EVERYDAY_FORMS = frozenset(
    "photographie photographies biographie biographies geographie choregraphie calligraphie "
    "typographie bibliographie cartographie demographie orthographie cinematographie pornographie "
    "lexicographie geometrie symetrie asymetrie telemetrie trigonometrie dichotomie telescopie "
    "empathie sympathie antipathie apathie telepathie academie epidemie nostalgie economie "
    "autonomie astronomie gastronomie taxonomie ergonomie agronomie".split()
)


def _clinical_words(ctx: Context) -> list[Span]:
    from responders.guard.lexicon import get_lexicon

    lexicon = get_lexicon()
    general = lexicon.general
    english = lexicon.english  # everyday English (« welcomes ») has no clinical form
    out = []
    for tok in ctx.norm.tokens:
        word = tok.text
        if len(word) < 7 or not word.isalpha() or word in _EVERYDAY_FORMS:
            continue
        if _ALWAYS_CLINICAL.search(word) or (
            word not in general and tok.raw not in english and _CLINICAL_ENDINGS.search(word)
        ):
            out.append((tok.start, tok.end))
    return out


CLINICAL_FORM = Rule(
    name="care_clinical_form",
    family="care",
    severity=Severity.BLOCK,
    description="Un mot de forme médicale (examen, maladie, acte, médicament) hors du vocabulaire courant.",
    explanation=(
        "« {text} » a la forme d'un terme médical (examen, maladie, acte ou médicament) : une "
        "réponse publique ne doit jamais parler de santé. Retirez-le."
    ),
    detector=_clinical_words,
    exclusions=_CARE_EXCLUSIONS,
    invalidate=generic_mention,
)

RULES = (
    CONDITION,
    SYMPTOM,
    ACT,
    MATERIAL,
    DRUG,
    EXAM,
    BODY,
    TOOTH_NUMBER,
    HEALTH_PHRASE,
    CLINICAL_FORM,
)
