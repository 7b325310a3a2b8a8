"""Never confirm or deny that the reviewer is a patient (CSP R4127-4, L1110-4; QC art. 20 2°)."""

from __future__ import annotations

from responders.guard.rule import Context, Pattern, Rule, Span
from responders.text.words import squeeze
from responders.vocabulary import Severity

_VOTRE = r"(?:votre|vos|ton|tes)"
_CARE_EPISODE = (
    r"consultation|consultations|traitement|traitements|dossier|dossiers|dossier medical|dossier patient|"
    r"rendez vous|rdv|visite|visites|venue|passage|seance|seances|soin|soins|intervention|operation|"
    r"examen|examens|suivi|prise en charge|ordonnance|facture|devis|radio|radios|radiographie|"
    r"hospitalisation|sejour|plan de traitement|fiche|fiche patient|historique|"
    r"etat de sante|sante dentaire|sante bucco dentaire|sourire|bouche|dent|dents|prothese|appareil|"
    r"implant|couronne|douleur|douleurs|probleme de sante|problemes de sante|diagnostic|resultats?|"
    r"chirurgie|accouchement|grossesse|vaccin|medicaments?|analyses?|bilan|rappel|annulation|absence|retard|"
    r"arrivee|attente|anesthesie|extraction|cas medical|situation medicale|parcours de soins?|"
    r"experience (?:au|a la|chez|avec|dans|lors|parmi)|experience|temps d attente|accueil|depart|sortie|"
    r"entretien|echange avec|conversation avec|discussion avec|admission|inscription|premier contact|"
    r"cas|situation|medecin traitant|dentiste traitant|plan de soins|ordonnance|facture|abonnement|adhesion|"
    r"medecin de famille|numero de dossier|compte patient|programme de soins|carnet|carnet de sante|carnet de vaccination|fidelite|bonne humeur|"
    r"gentillesse|ponctualite|patience lors|visites|venues|passages|courage|calme"
)

# Past participles that only describe writing or reading the review (« vous avez écrit »).
_NEUTRAL_PAST = (
    r"(?:pris le temps|pris la peine|ecrit|partage|exprime|publie|laisse|redige|fait part|souhaite|"
    r"note|mentionne|formule|envoye|adresse|soumis|transmis|signale|poste|choisi d ecrire|tout a fait|"
    r"entierement|parfaitement|bien entendu|raison|le droit|toute|tout|tous|toutes|une|des|les|ces|"
    r"du|de la|un|votre|vos|nos|notre|lu|vu notre message|ete nombreu|donne votre avis|donne votre)"
    r"(?![a-z])"
)
_NEUTRAL_OURS = r"(?:lu|lue|lus|bien lu|entendu|entendue|compris|comprise|ecoute|ecoutee|repondu|ecrit|transmis)(?![a-z])"

_SECRET_REFS = {
    "FR": "Code de la santé publique, art. L1110-4 et R4127-4 ; Code pénal, art. 226-13",
    "FR-dentiste": "Code de la santé publique, art. L1110-4 et R4127-206 ; Code pénal, art. 226-13",
    "QC": "Charte des droits et libertés de la personne, art. 9 ; Code des professions, art. 60.4",
    "QC-medecin": "Code de déontologie des médecins, art. 20 ; Code des professions, art. 60.4",
}


# « votre / vos » + anything but the review itself, feelings about it, or the ways to reach us
# points at something of the reader's (their file, their doctor, their cheque, their smile):
# it presupposes a relation with the practice.
_POSSESSED_OK = frozenset(
    """departement region ville quartier province secteur localite
    message messages avis commentaire commentaires retour retours publication publications demande
    demandes reclamation reclamations courriel courriels appel appels lettre lettres ecrit ecrits texte
    mot mots propos parole paroles temps point opinion opinions deception deceptions insatisfaction
    mecontentement ressenti ressentis frustration frustrations comprehension patience disposition ecoute
    attention remarque remarques preoccupation preoccupations suggestion suggestions question questions
    coordonnees droit droits choix sentiment sentiments impression impressions critique critiques
    interpellation inquietude inquietudes interrogation interrogations perspective vision souhait souhaits
    besoin besoins convenance gre egard part place cote sujet vie confidentialite securite attentes
    demarche demarches franchise sincerite indulgence bienveillance initiative contribution partage
    reaction reactions plainte plaintes signalement signalements tour aise reponse reponses insistance
    emotion emotions peine chagrin desaccord lecture regard colere agacement irritation exasperation
    amertume tristesse desarroi indignation lassitude desappointement contrariete ressentiment
    lignes recit description expression plume post observation observations doleances griefs
    reproche reproches envie volonte intention motivation courrier evaluation liberte service
    attente_ comprehension bonne_foi""".split()
)
_POSSESSIVE = frozenset({"votre", "vos", "ton", "tes"})
_ADJECTIVES = frozenset(
    """nouveau nouvel nouvelle ancien ancienne dernier derniere premier premiere prochain prochaine
    propre petit petite grand grande bel belle beau long longue cher chere precieux precieuse gentil
    gentille aimable sincere legitime juste honnete bon bonne mauvais mauvaise entiere entier tres si
    vive vif profond profonde recent recente""".split()
)


def _possessive(ctx: Context) -> list[Span]:
    tokens = ctx.norm.tokens
    out = []
    for i, tok in enumerate(tokens[:-1]):
        if tok.text not in _POSSESSIVE and squeeze(tok.text) != "votre":
            continue
        j = i + 1
        if tokens[j].text in _ADJECTIVES and j + 1 < len(tokens):
            j += 1
        noun = tokens[j].text
        if noun in _POSSESSED_OK or not noun.isalpha() or len(noun) < 2:
            continue
        out.append((tok.start, tokens[j].end))
    return out


CONFIRMED = Rule(
    name="relationship_confirmed",
    family="relationship",
    severity=Severity.BLOCK,
    refs=_SECRET_REFS,
    detector=_possessive,
    description="La réponse laisse entendre que l'auteur de l'avis est ou a été patient.",
    explanation=(
        "« {text} » laisse entendre que cette personne est venue au cabinet : le secret "
        "professionnel interdit de le confirmer. Formulez une réponse qui vaudrait aussi pour "
        "quelqu'un qui n'est jamais venu."
    ),
    patterns=(
        rf"{_VOTRE} (?:derniere?s? |premiere?s? |prochaine?s? |precedente?s? |recente?s? |dernier |recent )?(?:{_CARE_EPISODE})",
        r"lors (?:de|du) (?:votre|vos|ce|cette) (?:derniere? |premiere? )?(?:passage|venue|visite|rendez vous|rdv|consultation|sejour|seance|intervention|soin|examen)",
        r"(?:je|nous) (?:me |nous )?souv(?:iens|enons) (?:tres )?(?:bien )?(?:de vous|de votre)",
        r"(?:je|nous) vous (?:avons|ai|avions|avais) (?:bien |deja )?(?:recue?s?|vue?s?|soignee?s?|traitee?s?|operee?s?|examinee?s?|auscultee?s?|pris en charge|accueillie?s?|rencontree?s?|suivie?s?|recu en consultation)",
        r"(?:eu|avoir|aurons|aurions) le plaisir de vous (?:recevoir|soigner|accueillir|voir|rencontrer|traiter|compter|suivre)",
        r"vous (?:etes|etiez|avez ete) (?:suivie?s?|soignee?s?|traitee?s?|prise?s? en charge|connue?s?|inscrite?s?|enregistree?s?) (?:a|au|chez|par|dans|depuis|ici|a notre|au cabinet)",
        r"(?:faites|faisiez|fait|faire) (?:pas |plus |jamais |toujours |bien )?partie (?:de nos|des|de notre|de la) (?:patients?|patientes?|clients?|clientele|patientele|fideles|habitues)",
        r"(?:va|vais|allons|vont|allait|allions) (?:vous )?(?:rappeler|recontacter|contacter|appeler|ecrire|revoir|recevoir|reprendre|convoquer)(?! (?:si|des que|lorsque|quand) vous)|d etre (?:un|une|notre) (?:patiente?|cliente?|fidele)|(?:patiente?|cliente?|fidele)s? (?:[a-z]+ ){0,3}depuis (?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|des|plusieurs|longtemps|toujours)",
        r"vous (?:rappellera|rappelleront|recontactera|recontacteront|contactera|contacteront|appellera|appelleront|ecrira|ecriront|recevra|recevront|reverra|reverront|attend|attendent|attendra)(?! (?:si|des que|lorsque|quand) vous)|notre rencontre|nos rencontres|(?:un|le|bon|excellent|beau|tres bon) souvenir (?:emu |de|d)",
        r"(?:notre|la|votre|nos) (?:patientele|clientele)|(?:partie|membre) de (?:la|notre) (?:grande )?famille|(?:notre|la) (?:grande )?famille (?:du cabinet|de la clinique|de patients)",
        r"vous (?:frequentez|frequentiez|frequentez|venez|veniez|consultez|consultiez|visitez) (?:le cabinet|la clinique|notre|nos|chez nous|ici|depuis|regulierement|souvent)|depuis que vous (?:frequentez|venez|consultez|etes)",
        r"vous (?:etiez|etes|serez|seriez) (?:notre|le|la|un|une) (?:premier |premiere |dernier |derniere |prochain |prochaine |seul |seule )?(?:rendez vous|rdv|patient|patiente|cas|consultation|client|cliente)",
        r"vous (?:l |le |la |les |en |y )?(?:a|ont|avait|avaient|aura|auront) (?:bien |deja |pourtant |alors )?ete (?:[a-z]+ )?(?:adresse|adressee?s?|envoye|envoyee?s?|remis|remise?s?|transmis|transmise?s?|prescrit|prescrite?s?|facture|facturee?s?|explique|expliquee?s?|communique|communiquee?s?|propose|proposee?s?|donne|donnee?s?|fait|faite?s?|pose|posee?s?|retire|retiree?s?|recommande|recommandee?s?)",
        r"(?:nos|notre|des) (?:patients?|patientes?|clients?|clientes?) (?:fideles|de longue date|reguliers?|regulieres?|habituels?|de toujours)",
        r"(?:patiente?|cliente?) (?:du cabinet |de la clinique |de notre [a-z]+ |chez nous )?depuis|(?:patiente?|cliente?) (?:fidele|de longue date|reguliere?)",
        r"(?:qui|qu il|qu elle|il|elle|on|ils|elles|l equipe|le docteur|la docteure|le praticien|la praticienne|le dentiste|la dentiste|le medecin|l hygieniste) vous (?:a|ont|avait|avaient) (?:bien |deja |pourtant |alors |tres bien |chaleureusement )?(?:accueillie?s?|recue?s?|soignee?s?|examinee?s?|vue?s?|prise? en charge|traitee?s?|operee?s?|auscultee?s?|prescrit|facture|remis|conseillee?s?|orientee?s?|referee?s?|expliquee?|rappelee?s?|contactee?s?|appelee?s?|informee?s?|prevenue?s?|installee?s?|anesthesiee?s?|piquee?s?|suivie?s?|accompagnee?s?|opere)",
        r"(?:qui |il |elle |le docteur |le praticien |la praticienne |le dentiste |la dentiste |le medecin |la docteure )vous (?:suit|suivait|suivra|soigne|soignait|traite|traitait|connait|connaissait)",
        r"(?:selon|d apres|dans|au vu de|a la lecture de|verification de|consultation de) (?:nos|notre) (?:notes|dossiers|registres|fichiers|archives|agenda|agendas|historique|systeme|logiciel|informations)|apres (?:verification|verifications|recherches?)(?! (?:de|du|des|aupres) (?:l equipe|la direction|notre politique|nos regles))",
        # A past action of the reader presupposes a visit; only writing the review is neutral.
        Pattern(
            "reader_past_action",
            rf"(?<!si )(?<!s il )(?<!meme si )vous (?:nous |l |le |la |les )?(?:avez|aviez|ayez|auriez|avez deja|aviez deja) (?:pourtant |bien |deja |alors |meme |aussi |tout de meme |quand meme |certainement |probablement |sans doute |vous meme |pourtant bien |effectivement )?(?!{_NEUTRAL_PAST})(?:[a-z]{{2,}}(?:e|ee|es|ees|i|ie|is|ies|u|ue|us|ues|it|ait|ert|int))(?: [a-z]+)?",
        ),
        rf"(?:nous|je|on|l equipe|le cabinet|la clinique) vous (?:l |le |la |les |en |y )?(?:avons|ai|a|avions|avais|avait) (?:bien |deja |pourtant |alors |clairement |pourtant bien )?(?!{_NEUTRAL_OURS})[a-z]{{2,}}(?:e|ee|es|ees|i|ie|is|ies|u|ue|us|ues|it|ait|ert|int)",
        r"(?:nous|je|on|le cabinet|la clinique|l equipe|le secretariat|le docteur|la docteure) (?:vous )?(?:rappellerons|rappellera|recontacterons|recontactera|contacterons|contactera|appellerons|appellera|reverrons|reverra|reconvoquerons)(?! (?:si|des que|lorsque|quand|apres que|a condition que|pour peu que) (?:vous|nous))",
        r"(?:du|pu|voulu|tente de|essaye de|decide de|choisi de) vous (?:reorienter|orienter|referer|envoyer|adresser|soigner|recevoir|examiner|traiter|operer|faire attendre|rappeler|annuler|facturer|refuser|renvoyer|reporter)",
        r"vous (?:a|ont|avait|avaient) (?:bien |deja |aussitot |rapidement |immediatement )?(?:repondu|ecrit|telephone|rappele|rappelee?|repondue?)",
        r"(?:occupee?s?|chargee?s?) de vous|pris soin de vous|prendre soin de vous|(?:l|cet|cette|un|le meme) incident|(?:consigne|consignee|documente|documentee|rapporte|rapportee|inscrit|inscrite) (?:[a-z]+ )?(?:l incident|dans (?:notre|nos|le|un) (?:registre|rapport|cahier|journal))|(?:notre|nos|le) registre|rapport d incident",
        # someone did something to the reader: « l'assistante vous a installée », « on vous avait prévenu »
        Pattern(
            "done_to_reader",
            rf"(?<!nous )(?<!je )(?<!j )vous (?:a|ont|avait|avaient|aurait|auraient) (?:bien |deja |pourtant |alors |aussitot |rapidement |immediatement |probablement |sans doute |certainement )?(?!{_NEUTRAL_OURS})[a-z]{{2,}}(?:e|ee|es|ees|i|ie|is|ies|u|ue|us|ues|it|ait|ert|int)(?![a-z])",
        ),
        r"(?:le|la|l|notre|votre) (?:docteur|docteure|dr|dre|dentiste|medecin|hygieniste|praticien|praticienne|assistante?|secretaire|infirmiere?|chirurgien|chirurgienne|specialiste|anesthesiste|radiologue|remplacante?|equipe soignante|stagiaire|adjointe?|agente?|coordonnatrice|coordonnateur|gestionnaire|receptionniste)(?: [a-z]+)? (?:a|avait|ont|aurait|avaient) (?!pris connaissance|lu |bien lu|bien recu|recu votre|ete informee?|ete avisee?|transmis|repondu|pris note)(?:bien |deja |pourtant |alors |simplement |seulement |juste |uniquement |toujours )?(?:du|pu|voulu|[a-z]{2,}(?:e|i|it|u|is|t))(?![a-z])",
        r"(?:la|le|l|cette|ce|cet|votre|vos) (?:seance|consultation|visite|rendez vous|rdv|attente|intervention|soin|soins|anesthesie|examen|operation|extraction|accueil|traitement)s? vous (?:a|ont|avait|avaient|aura) (?:semble|paru|fait|cause|derange|deplu|plu|inquiete|surpris|choque|decu|gene|fatigue|stresse|effraye|fait peur|fait mal)",
        r"(?:figure|figurent|figurait|note|notee|consigne|consignee|inscrit|inscrite|verse|versee|classe) (?:[a-z]+ )?(?:au|dans le|dans votre|a votre) dossier|(?:au|dans le) dossier (?:medical|patient)?",
        r"vous (?:avoir|compter) (?:eu )?(?:comme|pour|parmi nos) (?:patiente?s?|cliente?s?)|comme (?:patient|patiente|cliente?)(?! ou non)",
        r"(?:hygieniste|assistante?|secretaire|receptionniste|docteure?|dentiste|medecin|praticien(?:ne)?|infirmiere?|equipe|personnel|stagiaire|collegue) (?:s est|s etait|se sont|s etaient) (?:[a-z]+ )?(?:excusee?s?|occupee?s?|chargee?s?|entretenue?s?|adressee?s?|montree?s?|expliquee?s?) (?:aupres de vous|de vous|avec vous|a vous)?|(?:aupres de vous|avec vous) (?:en salle|au cabinet|sur place|ce jour)",
        r"ce qui s est (?:dit|passe|produit|deroule|fait)|s est (?:passe|deroule|produit) (?:ce jour|lors|pendant|en salle|au cabinet|a la clinique|avec vous)|en salle(?: d attente| de soins| d examen)?(?! d attente (?:du|de la) (?:cabinet|clinique))",
        r"(?:juste |immediatement |peu |tout de suite )(?:avant|apres) vous|(?:urgence|patient|patiente|rendez vous|rdv|personne) (?:juste )?(?:avant|apres) vous",
        r"(?:on s est|nous nous sommes|on s etait|nous nous etions) (?:deja )?(?:vus|vu|vues|rencontres|rencontre|parle|parles|croises|croise|entretenus)",
        r"(?:avons|ai|a|avions) (?:bien |vite |tout de suite |immediatement )?(?:reconnu|identifie|retrouve|repere|devine) (?:votre|vos|vous|l auteur|l auteure|qui)",
        r"(?:nous|je) vous (?:connaissons|connais|connaissions)|(?:nous|je) (?:savons|sais) (?:que vous|ce que vous avez)",
        r"(?:que vous|vous) (?:ayez|avez|aviez|auriez) (?:du |pu )?(?:attendu|patiente|souffert|eu mal|ete recue?s?|ete soignee?s?|ete vue?s?|ete traitee?s?|ete operee?s?|ete piquee?s?|ete mal recue?s?|eu peur|saigne|ete decue? par (?:les soins|le traitement|l intervention|la consultation))",
        r"vous (?:avez|aviez) quitte (?:le cabinet|la clinique|la salle|les lieux|le fauteuil|la consultation)|vous (?:etes|etiez) (?:partie?s?|repartie?s?|arrivee?s?|reparti) (?:du cabinet|de la clinique|sans|avant|en|avec|a)",
        r"depuis (?:toutes ces|des|plusieurs|de nombreuses|tant d|si longtemps|longtemps|\d+) ?(?:annees|ans|mois)?(?= (?:avec nous|chez nous|au cabinet|a la clinique))|(?:fidelite|confiance) depuis|depuis toutes ces annees",
        r"(?:apres|avant|pendant|durant|au cours de|a l issue de|suite a|lors de|depuis) (?:tout |toute )?(?:la|le|l|cette|ce|cet|votre|vos) (?:nettoyage|detartrage|consultation|rendez vous|rdv|visite|seance|intervention|operation|extraction|examen|anesthesie|hospitalisation|chirurgie|pose|soin|soins|traitement|passage|venue)",
        r"comme (?:tous |toutes |l ensemble de |chacun de |chacune de |la plupart de )?nos (?:patients?|patientes?|clients?|clientes?)",
        r"(?:souvien[a-z]*|rappel(?:le|lons|lent)|oubli(?:e|ons|ent)) (?:tres |parfaitement |encore )?(?:bien )?(?:de |d )?(?:vous|votre|vos)",
        r"notre (?:patient|patiente|cliente?)|(?:un|une|l|notre) (?:ancien|ancienne|fidele|nouveau|nouvelle) (?:patient|patiente|cliente?)",
        r"vous (?:etes|etiez|avez ete|restez) (?:un |une |notre |l un de nos |l une de nos )?(?:patient|patiente|patients|patientes|cliente?s?)",
        r"en tant que (?:patient|patiente|notre patient)",
        r"(?:quand|lorsque|depuis que|la derniere fois que|chaque fois que|si) vous (?:etes|etiez) (?:venue?s?|passee?s?|la|au cabinet|a la clinique)",
        r"vous (?:etes|etiez) (?:venue?s?|passee?s?) (?:au cabinet|a la clinique|nous voir|consulter|en consultation|a votre|pour|le|la semaine|hier|ce)",
        r"vous (?:avez|aviez) (?:ete )?(?:consulte|recue?s?|vue?s?|soignee?s?|traitee?s?|operee?s?|prise? en charge|hospitalisee?s?|suivie?s?|examinee?s?|anesthesiee?s?)",
        r"vous (?:avez|aviez) (?:rate|manque|annule|oublie|decale|reporte|pris|obtenu|eu) (?:votre|vos|le|un|une|ce) (?:rendez vous|rdv|consultation|visite|seance|creneau|soin|traitement)",
        r"(?:heureux|heureuse|heureuses|ravie?s?|contente?s?|fiers?|fieres?) (?:de vous avoir|d avoir pu vous|d avoir pu (?:vous )?(?:aider|soigner|soulager|traiter|accompagner)|que (?:nos|notre|le|les) (?:soins?|traitements?|equipe))",
        r"(?:au plaisir|heureux|ravie?s?|hate) de vous (?:revoir|retrouver|recevoir a nouveau|soigner a nouveau|revoir bientot)",
        r"(?:nous avons|j ai|on a) (?:verifie|consulte|regarde|examine|fouille|recherche) (?:votre|vos|le|notre|nos|dans nos) (?:dossier|dossiers|fichier|fichiers|agenda|registre|registres|historique|systeme|archives|rendez vous)",
        r"comme (?:convenu|discute|explique|indique|vu|prevu) (?:avec vous|ensemble|lors|au cabinet|en consultation|par telephone)",
        r"(?:nous|je) vous (?:l |le |en |y )?(?:avons|ai|avions|avais) (?:pourtant |bien |clairement |deja )?(?:explique|expliquee|informee?|propose|proposee|dit|conseille|conseillee|prevenue?|avertie?|recommande|prescrit|remis|envoye|rappele)",
        r"(?:le |la |l |notre )?(?:docteur|docteure|dr|dre|dentiste|medecin|hygieniste|secretaire|assistante?|praticien|praticienne|infirmiere?)(?: [a-z]+)? vous (?:a|avait) (?:bien )?(?:recue?|vue?|soignee?|traitee?|operee?|examinee?|explique|expliquee|informee?|propose|dit|conseille|prescrit|fait)",
    ),
)

DENIED = Rule(
    name="relationship_denied",
    family="relationship",
    severity=Severity.BLOCK,
    refs=_SECRET_REFS,
    description="La réponse nie que l'auteur de l'avis soit patient : c'est aussi une information couverte par le secret.",
    explanation=(
        "« {text} » dit que cette personne n'est pas patiente : le nier révèle autant que le "
        "confirmer. Ne dites rien de la relation avec l'auteur de l'avis."
    ),
    patterns=(
        r"vous (?:etes|etiez|serez|soyez) (?:deja |bien |souvent |plusieurs fois |encore |aussi )?(?:venue?s?|passee?s?|revenue?s?)(?! (?:sur|a|jusqu a) (?:notre|cette|la) page)|(?:deux|trois|quatre|cinq|plusieurs|\d+) fois (?:cette annee|ce mois|cette semaine|par an|par mois|depuis|l an dernier)",
        r"(?:un|une|des|nos|notre|l) (?:habituee?s?|fideles?|habitues)(?! de la page)|habituee? (?:du cabinet|de la clinique|des lieux|de la maison)",
        r"(?:patiente?|cliente?) (?:si |tres |aussi |vraiment |tellement )(?:fidele|regulier|reguliere|assidu|assidue|ponctuel|ponctuelle)|mis les pieds|qui nous (?:suivez|suivent|suivait|faites confiance|font confiance|etes fidele|restez fidele)|nous suivez depuis|depuis nos debuts",
        r"vous n (?:avez |aviez )?(?:[a-z]+ment )?(?:jamais |pas |meme pas )(?:ete |etes )?(?:notre |un |une )?(?:patient|patiente|cliente?|soignee?|recue?|vue?|venue?|consulte|mis les pieds|pris rendez vous|pris de rendez vous|eu de rendez vous|ete recue?|ete soignee?|ete vue?)",
        r"vous n etes (?:jamais |pas |meme pas )(?:venue?|passee?|un patient|une patiente|notre patiente?|patiente?|cliente?|connue?)",
        r"(?:aucune|pas de|pas la moindre|nulle|sans) trace(?! ecrite de votre (?:message|appel|demande))|(?:aucune|pas de|pas la moindre|nulle) (?:trace|dossier|fiche|rendez vous|rdv|consultation|visite|facture|inscription)s? (?:a votre nom|de vous|vous concernant|de votre (?:passage|visite|venue|nom)|dans nos|a ce nom|au nom de)",
        r"(?:inconnue?s?|introuvables?) (?:de nos services|au cabinet|de notre cabinet|de notre clinique|dans nos (?:fichiers|dossiers|registres|systemes|bases))",
        r"nous ne vous (?:connaissons|avons jamais|avons pas)",
        r"(?:je|nous) ne (?:vous )?(?:trouvons|trouve|retrouvons|retrouve) (?:pas|aucune?|nulle) (?:trace|dossier|fiche|rendez vous|votre nom|de trace)",
        r"(?:ne figurez|ne figure|n apparaissez|n apparait|n etes pas inscrite?) (?:pas|jamais|nulle part)",
        r"(?:figurez|figure|apparaissez|apparait|etes inscrite?s?|etes enregistree?s?) (?:dans|sur|parmi|a) (?:aucun|aucune|nul|nulle)|(?:dans|sur|parmi) aucun(?:e)? (?:de nos|de notre|des)",
        r"(?:liste|listes|fichier|fichiers|registre|base|bases|repertoire) (?:de |des )?(?:nos )?(?:patients?|patientes?|clients?|clientele)",
        r"(?:enregistree?s?|inscrite?s?|reservee?s?|rendez vous|rdv|dossier|fiche|compte) (?:a|sous) votre nom|(?:a|sous) votre nom",
        r"nos (?:fichiers|dossiers|registres|archives|systemes|agendas|dossiers patients) (?:ne |n )",
        r"(?:cet avis|ce commentaire|cette personne|l auteur) (?:ne |n )(?:correspond|concerne|provient) (?:a |d )?(?:aucun|aucune|pas)",
        r"(?:faux|fausse|pretendue?) (?:patient|patiente|cliente?)",
        r"n (?:a|avez|ont|aviez|avait) jamais (?:consulte|ete (?:patiente?s?|vue?s?|recue?s?|soignee?s?|cliente?s?)|mis les pieds|pris rendez vous|fait partie|ete inscrite?|eu de (?:rendez vous|dossier|rdv))",
        r"(?:a|sous|au|de|portant) (?:ce|votre) nom(?! de)",
        r"(?:trompez|trompe|trompiez|confondez|confondre|confusion)(?: [a-z]+){0,2} (?:de |d |avec )(?:cabinet|clinique|adresse|etablissement|praticien|medecin|dentiste|un autre|une autre|quelqu un)|eu affaire a vous|(?:jamais|pas) (?:croise|rencontre|recu|soigne|vu|eu affaire a) (?:de |a )?(?:vous|cette personne|ce monsieur|cette dame)|(?:n avons|n ai|n a) (?:recu|soigne|vu|accueilli) personne",
        r"(?:ne|n) (?:connaissons|connait|connais|connaissent) (?:pas|aucunement|nullement) (?:cette personne|l auteur|l auteure|ce nom|ce monsieur|cette dame|ce patient|cette patiente|vous|votre nom)",
        r"(?:fichiers|dossiers|registres|archives|agendas|systemes|notes) (?:n indiquent|ne montrent|ne mentionnent|ne contiennent|ne comportent) (?:aucun|aucune|pas|rien)",
    ),
)

RULES = (CONFIRMED, DENIED)
