"""Words read in context: everyday senses of care and promotion words in a generic reply.

« les règles qui nous sont prescrites » is no prescription, « accessible en fauteuil roulant »
is access information valid for anyone, « merci d'avoir pris le temps de partager votre avis »
thanks for writing, not for a testimonial. These exclusions are added to the families' own.
"""

from __future__ import annotations

from responders.guard.families.english import CARE_EXCLUSIONS as _ENGLISH_CARE

CARE = (
    # rules, duties, obligations « prescrites » by an order or a law
    r"(?:regles?|obligations?|dispositions?|exigences?|normes?|devoirs?|principes?|procedures?|mesures?|consignes?|delais?)"
    r"(?: (?:deontologiques?|professionnelles?|legales?|sanitaires?))? (?:qui (?:nous |leur |lui )?(?:sont|est|etaient|seront) |)"
    r"(?:prescrite?s?|prescrits)(?: (?:par|dans) [a-z ]{0,60})?",
    r"(?:prescriptions?|prescrit|prescrite?s?) (?:de|du|des|par) (?:notre |l |la |le |nos |son |leur )?(?:ordre|code|college|deontologie|loi|lois|profession|reglement|legislateur|ministere)",
    # a request handled with care, an emergency service for anyone
    r"(?:traitement|suivi) (?:attentif|rigoureux|confidentiel|serieux|personnalise de (?:chaque|toute|votre) (?:demande|question|reclamation))|(?:fait|font) l objet d un (?:traitement|suivi|examen)",
    r"(?:the )?nearest (?:emergency room|emergency|hospital|er)|(?:urgences?|emergency room) (?:la |les |le )?plus proches?|service (?:de garde|d urgence) (?:de|du|le plus proche)",
    # access for anyone
    r"(?:accessibles?|acces|adapte|adaptee?s?|amenage|amenagee?s?|ouvert|ouverte?s?|rampe|entree) (?:aux |en |par |pour (?:les )?|a )?(?:personnes en )?fauteuils? roulants?",
    r"(?:personnes? (?:a mobilite reduite|en situation de handicap)|fauteuils? roulants?|poussettes?) (?:sont |est )?(?:les )?(?:bienvenue?s?|acceptee?s?)",
    r"(?:wheelchair|barrier free|step free) (?:access|accessible|users)|accessible (?:by|to|for) wheelchairs?",
    r"(?:places?|stationnements?|acces|toilettes|entree|ascenseur) (?:[a-z]+ ){0,2}(?:aux |pour (?:les )?)personnes (?:handicapees|en situation de handicap|a mobilite reduite)",
    # the building and its services: a maintenance operation, a technician on the lines, the
    # cleaning crew, a bridge of the city, hours of operation
    r"(?:hours|heures?) (?:of|d) (?:operation|ouverture)|operations? (?:de maintenance|technique|techniques|informatiques?|de mise a jour)|(?:maintenance|technical|it) operations?",
    r"intervention (?:d un|de|des|du) (?:technicien|techniciens|plombier|electricien|pompiers|ouvriers?|equipe technique|prestataire)|intervention technique|travaux",
    r"cleaning (?:crew|crews|staff|company|service|services|team)|janitorial",
    r"(?:[a-z]+ ){1,2}bridge (?:closures?|closed|traffic|construction|repairs?|work)|(?:the|across the|over the|via the) (?:[a-z]+ ){1,2}bridge|pont (?:jacques cartier|champlain|samuel de champlain|mercier|victoria|pie ix|de l ascension)",
    # « comme le prescrit notre code de déontologie »: the code prescribes, nobody is treated
    r"(?:comme|ainsi que|tel que|tels que|telle que|selon ce que) (?:le |l |la |les |nous )?(?:prescrit|prescrivent|prevoit|impose|imposent|exige|exigent) (?:notre |le |la |les |nos |son |leur )?(?:code|deontologie|ordre|loi|lois|reglement|regles|obligations)",
    *_ENGLISH_CARE,
)

PROMOTION = (
    # a rule for every review: « qu'il s'agisse d'un avis positif ou négatif »
    r"(?:avis|commentaires?|retours?) (?:positifs? ou negatifs?|negatifs? ou positifs?)|(?:positive|negative) or (?:negative|positive) (?:reviews?|feedback|comments?)",
    # thanks for writing: « pris le temps de partager votre avis / votre ressenti »
    r"(?:pris|prendre|prenez|prend) (?:le temps|la peine) (?:de |d )(?:nous )?(?:partager|faire part de|exprimer|ecrire|donner) (?:votre|vos|ce|cet|cette) (?:avis|ressenti|commentaire|commentaires|point de vue|message|remarques?|impressions?|retour)",
    r"(?:taking|took|taken|take) the time to (?:share|write|leave|post|express) (?:your|this|these) (?:feedback|comments?|thoughts|concerns?|review|message)",
)

# The ways of paying, for anyone: « le règlement est possible par carte bancaire, chèque ou
# espèces », « on accepte le débit, les cartes de crédit et l'argent comptant ».
PAYMENT = (
    # only said as what is possible for anyone, never « nous avons reçu le règlement par chèque »
    r"(?:(?:le |la |les )?(?:reglement|paiement)s? (?:est |sont )?(?:possibles?|acceptee?s?|acceptes|se fait|se font|peut se faire|peut etre (?:fait|effectue))(?: [a-z]+){0,2} (?:par|en)|(?:on |nous )?accept(?:e|ons|ent|es)|(?:possible de|vous pouvez|on peut|pouvez) (?:payer|regler) (?:par|en))"
    r"(?: (?:la |le |les |l |et |ou |des |par |en |aussi )*(?:cartes? (?:bancaires?|de credit|de debit)|carte|debit|credit|cheques?|especes|argent comptant|comptant|paiement direct|virements?|interac|visa|mastercard|paiement sans contact))+"
)
