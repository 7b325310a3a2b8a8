"""No promotion, no testimonial (QC dentists' code; CSP R4127-19-1, R4127-215-1)."""

from __future__ import annotations

from responders.guard.families import context
from responders.guard.rule import Pattern, Rule
from responders.vocabulary import Severity

SUPERLATIVE = Rule(
    name="promotion_superlative",
    family="promotion",
    severity=Severity.BLOCK,
    description="La réponse vante le cabinet (superlatifs, qualité, expertise).",
    explanation=(
        "« {text} » fait la promotion du cabinet : la publicité et l'autopromotion sont "
        "interdites aux professionnels de santé. Retirez ce passage."
    ),
    patterns=(
        r"(?:equipe|cabinet|clinique|centre|soins|service|services|praticiens?|patients?|patientes?|accueil) d exception|(?:equipe|cabinet|clinique|centre|service|accueil) (?:exceptionnel|exceptionnelle|hors pair|hors du commun)",
        r"(?:le |la |les |nos |notre |un |une |des )?meilleure?s?(?! (?:journee|soiree|continuation|sante|salutations|voeux|sentiments|delais?|solution|facon|maniere|voie|suite|avenir|pour la suite|pour l avenir|moyen|moyens|canal|endroit|interlocuteur|facon de|chose a faire))",
        r"excellente?s?(?! (?:journee|soiree|continuation|fin de journee|semaine|annee|sante|fete|fetes))|exceptionnel(?:le)?s?|extraordinaires?|incomparables?|inegalee?s?|inegalables?|remarquables?|irreprochables?|impeccables?|parfaite?s?",
        r"(?:hygieniste|assistante?|secretaire|docteure?|dentiste|medecin|chirurgien(?:ne)?|praticien(?:ne)?|infirmiere?|orthodontiste|equipe|personnel|specialiste)s?(?: [a-z]+){0,2} (?:est|sont|etait|etaient|reste|restent) (?:tres |particulierement |hautement |extremement |vraiment |tout a fait )?(?:experimentee?s?|qualifiee?s?|competente?s?|chevronnee?s?|reconnue?s?|diplomee?s?|formee?s?|expertes?|douee?s?|minutieu(?:x|se|ses)|delicate?s?|professionnel(?:le)?s?)",
        r"desormais (?:climatisee?s?|equipee?s?|disponibles?|ouverte?s?|renovee?s?|accessibles?)|(?:a|ont) ete (?:renovee?s?|remplacee?s?|modernisee?s?|agrandie?s?|refaite?s? a neuf|equipee?s?)|nouvellement|climatisee?s?",
        r"primee?s?|reconnue?s? (?:dans|a travers|partout dans) (?:toute )?(?:la|le|notre|l) (?:region|ville|quartier|province|milieu|pays)",
        r"contrairement (?:aux autres|a la concurrence|a nos concurrents|a d autres|a beaucoup)|(?:plus|mieux|moins cher) que (?:les autres|nos concurrents|la concurrence|ailleurs|partout)|a la difference des autres",
        r"certifiee?s?|certifications?|accreditee?s?|agreee?s?|labellisee?s?|reconnue?s? par (?:l ordre|le college|l association|les)|diplomee?s? (?:de|d|en|du)|(?:formation|formations) (?:continue|avancee|specialisee)",
        r"(?:de la |de |d une )?(?:plus |tres )?haute qualite|qualite superieure|(?:de |d un )?(?:tres )?haut niveau|haut de gamme|qualite premium|excellence",
        r"(?:presenter|accueillir|annoncer) (?:notre|nos|la|le|les) (?:nouvelle?|nouveaux|nouvelles) |hate de vous (?:presenter|faire decouvrir|montrer)|(?:notre|nos) (?:nouvelle?|nouveaux|nouvelles) (?:hygieniste|dentiste|medecin|praticien|praticienne|docteure?|recrue|collegue|associee?|equipe)s?",
        r"vient d ouvrir|viennent d ouvrir|nouvelle? (?:clinique|succursale|adresse(?! (?:courriel|e mail|email|electronique|de messagerie))|localisation|antenne|salle|equipe de)|(?:deuxieme|second|seconde|troisieme|nouveau|nouvelle|autre) (?:local|locaux|succursale|clinique|cabinet|centre|adresse|point de service)|ouverture (?:de notre|d une|d un|prochaine)",
        r"(?:elus?|elue?s?|nommee?s?|classee?s?|primee?s?|recompensee?s?|couronnee?s?|designee?s?) (?:meilleure?s?|clinique|cabinet|dentistes?|medecins?|au|parmi|(?<!bilan )(?<!fin )(?<!debut )(?<!cours )de l annee|numero)|de l annee|(?:prix|trophee|distinction|label|certification) (?:de|du|d)|recompenses?|palmares|classements?",
        r"(?:ans|annees) d (?:experience|expertise|exercice)|(?:plus de |pres de |depuis )?(?:\d+|dix|quinze|vingt|trente|quarante) ans (?:d experience|de pratique|d expertise|d exercice|de metier)|experience de (?:plus de )?\d+",
        r"(?:patients?|patientes?|clients?|clientes?|familles?) (?:satisfaite?s?|ravie?s?|heureu(?:x|ses?)|conquise?s?)|(?:nous )?font confiance|des (?:centaines|milliers|dizaines) de (?:patients|clients|sourires|familles)|(?:plus de )?\d+ (?:patients|clients|sourires|familles) (?:satisfaits|soignes|traites)|photos? (?:avant|du resultat|des resultats)|avant ?apres|resultats? (?:spectaculaires?|garantis?|visibles|naturels)|sourire (?:de star|parfait|eclatant|de reve|hollywood)",
        # « un appel est le plus simple », « un courrier est la meilleure voie »: advice, not praise
        r"(?:sommes|etes|est|sont|etre|restons|reste) (?:les|la|le) (?:plus|mieux|meilleure?s?|moins chers?|moins chere?s?)(?! possible)(?! (?:voie|voies|option|options|moyen|moyens|facon|solution|simple|simples|rapide|pratique|efficace|sur|sure|sage|indique|indiquee|approprie|appropriee|adapte|adaptee|direct|directe|court|courte|commode))",
        r"(?:le|la|les) (?:plus|mieux|moins chers?|moins chere?s?) (?:[a-z]+ )?[a-z]+ (?:du|de la|de|des|en|au|a) (?:quartier|ville|region|secteur|province|pays|france|quebec|canada|coin|monde|environs|alentours|rive sud|rive nord|montreal|paris|lyon)|(?:le|la|les) (?:mieux|plus) (?:note|notee|notes|notees|classe|classee|classes|evalue|evaluee|evalues|recommande|recommandee|recommandes)",
        r"(?:n|no|numero) ?(?:1|un) (?:du|de|des|en|au|sur|a|dans)|(?:etre|sommes|est|le|la|les) (?:n|no|numero) ?(?:1|un)|leader|top|au top|a la pointe|(?<!heures )(?<!heure )(?<!periodes )(?<!periode )de pointe|derniere generation|haut de gamme|dernier cri|technologies? (?:avancees?|de pointe|modernes?)|equipements? (?:modernes?|de pointe|recents?)",
        r"(?:experts?|experte?s?|specialistes?) (?:reconnue?s?|de reference|en [a-z]+)|hautement (?:qualifiee?s?|competente?s?)|le plus (?:competent|experimente|moderne|reconnu|qualifie)|reconnue?s? pour (?:notre|son|leur|la qualite)",
        r"qualite (?:irreprochable|exceptionnelle|superieure|inegalee|reconnue)|satisfaction garantie|resultats? garantie?s?|garantie? sans douleur|sans aucune douleur|100 ?(?:%|pour cent)(?! (?:confidentiel|anonyme))",
        r"(?:equipe|praticiens?|dentistes?|medecins?|professionnels?) (?:experimentee?s?|qualifiee?s?|competente?s?|dynamiques?|passionnee?s?|chevronnee?s?|devouee?s?|attentionnee?s?|bienveillante?s?)|(?:cadre|locaux|cabinet|clinique|installations?) (?:moderne|modernes|agreable|agreables|chaleureux|neuf|neufs|renove|renoves|lumineux|spacieux|confortable)",
        r"(?:sommes|suis|est|sont|etes|etre) (?:tres |si |tellement |vraiment |particulierement )?fiere?s? (?:de|d)|notre fierte",
        r"(?:les |le |la )?seule?s? (?:de la region|du quartier|de la ville|du secteur|a (?:proposer|offrir|utiliser|pratiquer|disposer))|(?:cet|ce|nos|notre|cette|ces) (?:nouvel |nouveau |nouvelle |nouveaux |nouvelles |tout nouvel |tout nouveau |tout nouveaux )?(?:equipements?|technologies?|materiels?|plateau technique|appareils? de (?:pointe|derniere))|faire profiter|beneficier de (?:notre|nos)|nous sommes (?:les )?(?:meilleurs|reconnus|fiers de (?:notre|nos))|fierte de notre|notre savoir faire|notre expertise|notre experience de (?:plus de )?\d+",
    ),
    exclusions=(
        r"souhait[a-z]* (?:le|tout le|bien le) meilleur|meilleurs voeux|nos meilleures? salutations",
        r"(?:le|la|les) meilleure?s? (?:[a-z]+ )?possibles?",  # an aim, not a claim
    ),
)

OFFER = Rule(
    name="promotion_offer",
    family="promotion",
    severity=Severity.BLOCK,
    description="La réponse propose une offre, une réduction ou un cadeau.",
    explanation=(
        "« {text} » est une offre commerciale : interdite dans une réponse d'un professionnel de "
        "santé. Retirez-la."
    ),
    patterns=(
        r"offres? (?:speciale?s?|exceptionnelles?|de bienvenue|promotionnelles?|du moment|limitee?s?)|(?:consultation|seance|visite|bilan|examen|detartrage|blanchiment|premiere [a-z]+|remise|reduction|cadeau|devis|radio|nettoyage|evaluation|kit|brosse a dents) offerte?s?|(?:est|sont|sera|seront) (?:toujours |souvent |aussi |egalement |desormais |gracieusement )?offerte?s?|promotions?|promo|code promo|codes? de reduction",
        r"(?:nous )?(?:proposons|offrons) (?:desormais|maintenant|aussi|egalement|un|une|des|le|la|les)|desormais disponibles?|nouveaux? (?:services?|soins|traitements?|techniques?)|cartes? de fidelite|programmes? de fidelite|points? (?:de )?fidelite|demandez (?:notre|nos|le|la|les)|reductions?|remises?|rabais|ristournes?|escomptes?|soldes|gratuite?s?|gratuitement|cadeaux?|parrainage|parrainez|parrainer|bons? (?:de reduction|d achat|cadeau)|coupons?|forfaits?",
        r"premiere (?:consultation|visite|seance) (?:offerte|gratuite)|consultation (?:offerte|gratuite)|sans frais supplementaires? pour votre prochain",
    ),
    raw_patterns=(r"-\s?\d{1,2}\s?%|\d{1,2}\s?%\s?(?:de reduction|de remise|de rabais|offert)",),
    exclusions=(
        r"(?:numero|appel|ligne|service) (?:gratuit|sans frais)|sans frais|(?:stationnement|parking|wifi|wi fi|acces|stationnements) (?:est |reste |sont )?gratuits?",
        # Offering to talk in private is the reply the policy asks for, not a commercial offer.
        Pattern(
            "private_talk_offer",
            r"(?:nous (?:vous )?|vous )?(?:proposons|offrons|proposer|offrir|propose|offre) (?:volontiers |bien volontiers |donc |plutot |simplement |a nouveau |de nouveau )?(?:un |une |des |la |le |l )?(?:possibilite|occasion|moment|temps|espace)? ?(?:d |de )?(?:echanges?|echanger|entretiens?|rencontres?|rencontrer|discussions?|discuter|appels?|appeler|conversations?|dialogues?|contacts?|ecoute|reponses?|rappels? (?:telephonique|par (?:le|la|notre|l))|suivi (?:de|du) (?:votre |la |cette )?(?:demande|reclamation|plainte|message|courriel)|rendez vous (?:telephonique|avec (?:la|le|notre|l))|en parler|en discuter|nous (?:contacter|joindre|appeler|ecrire|parler|rencontrer)|parler)",
        ),
    ),
)

BOOKING = Rule(
    name="promotion_booking",
    family="promotion",
    severity=Severity.BLOCK,
    description="La réponse invite à prendre rendez-vous ou à revenir.",
    explanation=(
        "« {text} » invite à prendre rendez-vous ou à revenir : c'est de la sollicitation, et "
        "cela laisse entendre une relation de soins. Proposez seulement de contacter le cabinet."
    ),
    patterns=(
        r"prene?z (?:un |votre )?(?:nouveau )?rendez vous|prendre (?:un |votre )?(?:nouveau |prochain )?(?:rendez vous|rdv)|reservez|reserver (?:en ligne|votre|un|une|des)|doctolib|rendez vous en ligne|prise de rendez vous",
        r"(?:prochain|nouveau|autre) (?:rendez vous|rdv)|planifier (?:un|votre|vos) (?:rendez vous|rdv|soins?)|fixer (?:un|votre) (?:rendez vous|rdv)|nos disponibilites|disponibilites|creneaux?|plages? horaires? (?:libres?|disponibles?)|agenda en ligne|des (?:demain|aujourd hui|cette semaine|maintenant)|sans attente|(?:reservation|inscription) en ligne",
        r"revene?z (?:nous voir|nous consulter|quand vous|des que|au cabinet)|n hesitez pas a (?:revenir|reprendre rendez vous|prendre rendez vous|nous rendre visite|venir)|venez (?:nous voir|decouvrir|essayer|nous rendre visite|consulter)|revenir (?:nous voir|au cabinet|a la clinique|consulter)",
        r"(?:nous serons |serons )?(?:ravie?s?|heureu(?:x|ses?)|enchantee?s?) de vous (?:revoir|recevoir|accueillir|soigner|retrouver)|au plaisir de vous (?:revoir|recevoir|accueillir|voir|retrouver|soigner)|a (?:tres )?bientot|a la prochaine",
        r"compter parmi (?:nos|notre|les)|parmi nos (?:patients|patientes|clients|clientes|fideles)|devenir (?:notre |un de nos |une de nos )?(?:patiente?|cliente?)|rejoindre (?:notre|nos) (?:patientele|clientele|patients|clients)|(?:ravie?s?|heureu(?:x|ses?)|enchantee?s?) de vous compter",
        r"(?:espere|esperons|esperent|souhaitons|souhaite|souhaitent) (?:vivement |sincerement )?vous (?:revoir|retrouver|recevoir|accueillir|soigner)",
        r"pour (?:un|votre|prendre|fixer|obtenir) (?:nouveau |prochain )?(?:rdv|rendez vous)",
        r"(?:on|nous) (?:se|nous) (?:revoit|reverra|reverrons|retrouve|retrouvera|retrouverons|dit a)|a dans (?:[a-z]+ )?(?:jours|semaines|mois|ans)|(?:dans|d ici) (?:deux|trois|quatre|six|douze|\d+) (?:semaines|mois)",
        r"au plaisir de vous (?!lire|entendre|repondre|parler|ecrire|discuter|echanger|joindre|reparler)[a-z]+",
        r"(?:on|nous) vous attend(?:ons|rons)?|controle annuel|(?:rappel|bilan|examen|visite|nettoyage|detartrage) (?:annuel|semestriel|de controle|de routine|periodique|de suivi)|visite de (?:controle|suivi|routine)",
        r"(?:obtene?z|profite?z|decouvre?z|essaye?z|offre?z vous|faites vous plaisir|ne tardez pas|n attendez plus|n attendez pas)",
        r"(?:un|toujours un|le|quel|un vrai|un reel) plaisir de vous (?:recevoir|soigner|accueillir|voir|revoir|compter|retrouver)",
        r"(?:acceptons|accueillons|prenons|recevons|accepte|accueille|prend|recoit) (?:de |des |les |encore de |a nouveau de |toujours de )?nouve(?:aux|lles) (?:patients?|patientes?|clients?|clientes?)|nouveaux patients",
    ),
)

REVIEW_REQUEST = Rule(
    name="promotion_review_request",
    family="promotion",
    severity=Severity.BLOCK,
    description="La réponse demande un avis, une note ou des étoiles, ou de modifier l'avis.",
    explanation=(
        "« {text} » sollicite un avis ou une note (ou sa modification) : c'est interdit. Ne "
        "parlez ni d'étoiles ni de note."
    ),
    patterns=(
        r"laisse(?:z|r) (?:nous )?(?:un|votre|une|vos|d autres)? ?(?:nouvel |bon |autre |petit )?(?:avis|commentaire|note|evaluation|critique)",
        r"(?:cinq|5|quatre|4|trois|3|deux|2|une|1) etoiles?|etoiles?|(?:bonne|meilleure|mauvaise|sa|votre|la|une) note|notez nous|noter notre|evaluez nous|evaluer notre",
        r"(?:partagez|publiez|laissez|postez|ecrivez|donnez)[a-z]* (?:aussi |egalement |le |votre |vos |un |une )*(?:avis|commentaire|note|evaluation|experience)|sur (?:pages jaunes|google|yelp|facebook|doctolib|rate ?md|trustpilot)",
        r"recommande(?:z|r) (?:nous|notre|le cabinet|la clinique)|parle(?:z|r) de nous|parlez en autour|autour de vous|faites connaitre|partagez (?:votre experience|votre avis|notre page|notre|nous)|bouche a oreille|parrainez",
        r"(?:modifi|revis|reconsider|retir|supprim|corrig|mettre a jour|mettez a jour|changez|changer|ajust)[a-z]* (?:votre|cet|ce|la|sa|vos) (?:note|avis|evaluation|commentaire|publication|critique)",
        r"avis (?:positifs?|favorables?|5 etoiles)|(?:commentaires?|retours?) positifs?",
    ),
    exclusions=(r"(?:pris|prenons|prend|prendre|prenez|avons pris) (?:bonne )?note|bonne note de",),
    raw_patterns=(
        r"[0-5](?:[.,]\d)?\s?/\s?5(?![\d/])|(?:10|[0-9](?:[.,]\d)?)\s?/\s?10(?![\d/])|[★⭐✰☆✩✪✫✬✭✮✯]+",
    ),
)

TESTIMONIAL = Rule(
    name="promotion_testimonial",
    family="promotion",
    severity=Severity.BLOCK,
    refs={
        "FR-medecin": "Code de la santé publique, art. R4127-19-1",
        "FR-dentiste": "Code de la santé publique, art. R4127-215-1",
        "QC-dentiste": "Code de déontologie des dentistes : aucun témoignage accepté, utilisé ni encouragé",
        "QC-medecin": "Code de déontologie des médecins : publicité et témoignages encadrés",
    },
    description="La réponse remercie l'avis comme un témoignage ou une recommandation.",
    explanation=(
        "« {text} » accueille l'avis comme un témoignage ou une recommandation : les "
        "professionnels de santé ne peuvent ni solliciter ni utiliser de témoignages. Remerciez "
        "seulement d'avoir écrit, sans vous en féliciter."
    ),
    patterns=(
        r"(?:merci|remercions|remercie|remercient)(?: beaucoup| infiniment| mille fois| enormement| sincerement| vivement| chaleureusement)? (?:vous )?(?:pour|de) (?:votre|vos|ce|cet|cette|ces|ce tres|ce si) (?:(?:tres |si )?(?:bel|belle|beau|beaux|belles|gentil|gentils|gentille|joli|superbe|magnifique|excellent|chaleureu(?:x|se)|aimable|sympathique|genereu(?:x|se)|bon|bonne|adorable|precieu(?:x|se)|touchant|touchante|elogieu(?:x|se)|positi(?:f|ve)|enthousiaste|fidele) )?(?:temoignages?|recommandations?|eloges?|compliments?|note|notes|etoiles?|evaluation|fidelite|confiance|soutien|mots? (?:gentils?|doux|aimables?)|avis positif|bel avis|commentaire positif|retour positif|bons mots|gentillesse|felicitations|encouragements?)",
        r"merci (?:de|pour) (?:nous )?(?:recommander|avoir recommande|nous avoir recommande|nous faire confiance|nous avoir fait confiance|votre fidelite|nous avoir choisis?|avoir choisi)",
        r"(?:ravie?s?|heureu(?:x|se|ses)|contente?s?|enchantee?s?|touchee?s?|fiers?|fieres?) (?:que vous (?:soyez|ayez ete|ayez) (?:satisfaite?s?|content|contente|apprecie|aime)|de (?:votre satisfaction|vous avoir satisfait|lire (?:vos|votre|ce|ces) (?:compliments|eloges|mots|bel avis)))",
        r"votre satisfaction|vous avez ete satisfaite?s?|vous etes satisfaite?s?|(?:touchee?s?|emue?s?) par (?:vos|votre|ce|ces) (?:mots|compliments|eloges|temoignage|paroles|avis)|vos (?:mots|paroles|compliments|eloges) nous (?:touchent|vont droit au coeur|font chaud au coeur)|(?:ca|cela) (?:nous )?(?:fait|va droit au) (?:chaud au )?coeur",
        r"(?:tres |si |vraiment )?(?:bel|beau|magnifique|superbe|gentil|excellent|joli|chaleureux|adorable|merveilleux|formidable|touchant|genereux) (?:avis|commentaire|message|temoignage|mot|retour|compliment)|nous (?:encourage|encouragent|motive|motivent|pousse|poussent|donne envie|donnent envie|conforte|confortent) (?:a|dans|de)|(?:5|cinq) etoiles nous",
        r"vous etes (?:tres |si |trop |vraiment |tellement )?(?:adorable|gentille?|charmante?|formidable|geniale?|extraordinaire|un amour|un ange|une perle|un patient modele|une patiente modele|un rayon de soleil)",
        r"que (?:[a-z]+ ){0,3}vous (?:plaise|plaisent|ait plu|aient plu|satisfasse|satisfassent|convienne|conviennent|ait satisfait)",
        r"l equipe (?:est|sera) (?:ravie|touchee|fiere|heureuse|comblee)|nous transmettrons (?:vos|ces) (?:compliments|eloges|felicitations)",
        r"merci (?:beaucoup |infiniment |mille fois )?(?:pour|de) (?:votre|vos|ce|cet|cette|ces) (?:tres |si )?(?:bel|belle|beau|beaux|belles|gentil|gentils|gentille|joli|superbe|magnifique|excellent|chaleureux|chaleureuse|aimable|sympathique|genereux|genereuse|bon|bonne|adorable|touchant|touchante|elogieux|elogieuse|positif|positive|enthousiaste|merveilleux|merveilleuse|formidable|super|splendide) (?:avis|commentaire|commentaires|message|messages|retour|retours|mot|mots|note|evaluation|critique|partage)",
        r"vo(?:tre|s) (?:temoignages?|recommandations?|eloges|compliments)(?! de mecontentement)|(?:nous )?(?:va|vont|allez) droit au coeur",
        r"(?:publier|publierons|publions|partager|partagerons|partageons|afficher|afficherons|utiliser|utiliserons|diffuser|diffuserons|reprendre|reprendrons|mettre en avant|mettrons en avant)[a-z]* (?:votre|vos|ce|cet|cette|ces) (?:temoignages?|avis|commentaires?|recommandations?|mots|eloges|photos?)",
        r"(?:aide|aidera|aident|aideront|aiguille|guide|guidera|permet|permettra) (?:d autres|les autres|de futurs|les futurs|de nouveaux|les nouveaux|d autres futurs) (?:personnes|patients|patientes|clients|familles|lecteurs)|a nous choisir|(?:de )?nous (?:choisir|recommander|faire connaitre)",
    ),
    exclusions=context.PROMOTION,
)


def _in_email(reply: str, span: tuple[int, int]) -> bool:
    """An e-mail address is a contact (see identity_contact), not a link."""
    start = span[0]
    while start > 0 and not reply[start - 1].isspace():
        start -= 1
    return "@" in reply[start : span[1]]


LINK = Rule(
    name="promotion_link",
    family="promotion",
    severity=Severity.BLOCK,
    description="La réponse contient un lien ou une adresse de site.",
    explanation=(
        "« {text} » est un lien : pas de lien dans une réponse (sollicitation, et risque de "
        "pointer vers une page qui n'est pas la vôtre)."
    ),
    patterns=(
        Pattern(
            "social_and_channels",
            r"whatsapp|messenger|wechat|telegram|(?:texto|sms|textez nous) au|faq|foire aux questions|notre blogue?|nos articles|nos videos|nos conseils|suive?z nous|abonne?z vous|rejoigne?z nous|notre (?:page|compte|chaine|profil|blog|infolettre|site)|nos reseaux(?: sociaux)?|instagram|facebook|tiktok|youtube|linkedin|twitter|pinterest|snapchat|pages jaunes|notre site (?:web|internet)",
        ),
    ),
    raw_patterns=(
        Pattern("url", r"https?://\S+|www\s?\.\s?\S+(?:\s?\.\s?[a-z]{2,})?"),
        Pattern(
            "www_spaced",
            r"www[\s._-]{0,3}[a-z0-9-]{1,63}(?:[\s._-]{1,3}[a-z0-9]{1,63}){0,6}[\s._-]{1,3}(?:com|fr|ca|net|org|quebec|info)\b|(?:point|dot) (?:com|fr|ca|net|org|quebec)\b",
        ),
        Pattern(
            "dot_spelled",
            r"[a-z0-9-]{2,}\s*(?:\[\s*(?:\.|dot|point)\s*\]|\(\s*(?:\.|dot|point)\s*\)|\{\s*(?:\.|dot|point)\s*\}|\s(?:dot|point)\s|\s\.\s)\s*(?:com|fr|ca|net|org|info|quebec|io|be|ch|eu)\b",
        ),
        Pattern(
            "domain",
            r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,6}\.(?:com|fr|ca|net|org|info|quebec|io|be|ch|eu|biz|co|me|site|sante|dental|clinic)(?:/\S{0,200})?(?![a-z0-9@])",
        ),
    ),
    invalidate=lambda ctx, span: _in_email(ctx.reply, span),
)

RULES = (SUPERLATIVE, OFFER, BOOKING, REVIEW_REQUEST, TESTIMONIAL, LINK)
