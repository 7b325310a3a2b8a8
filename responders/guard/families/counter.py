"""No counter-attack: no accusation of lying, no comment on state of mind, no sarcasm, no threat."""

from __future__ import annotations

from responders.guard.rule import Rule

LYING = Rule(
    name="counter_lying",
    family="counter_attack",
    severity="block",
    description="La réponse accuse l'auteur de mentir ou d'être de mauvaise foi.",
    explanation=(
        "« {text} » accuse l'auteur de l'avis de mentir ou d'être de mauvaise foi : une "
        "réponse publique ne conteste jamais les faits. Restez neutre et proposez un échange privé."
    ),
    patterns=(
        r"mentez|mentir|menti|mentiez|menteur|menteuse|menteurs|mensonges?|mensongere?s?|mensongers",
        r"(?:vos |ces |les |votre |ce |cet |cette )?(?:propos|affirmations?|allegations?|accusations?|dires|faits relates|pretentions?|avis|commentaire|recit|version) (?:sont |est |reste |demeurent? )?(?:totalement |completement |absolument |parfaitement |entierement )?(?:faux|fausses?|inexacte?s?|infondee?s?|errone(?:e|s|es)?|calomnieu(?:x|se|ses)|diffamatoires?|inventee?s?|mensongere?s?|sans fondement|contraires? a la realite|trompeu(?:r|rs|se|ses))",
        r"mauvaise foi|calomni[a-z]*|contre verites?|fake|faux avis|avis bidon|pur mensonge|fabulation|affabul[a-z]*|fabul[a-z]*",
        r"(?:vous )?(?:inventez|avez invente|invente de toutes pieces|de toutes pieces|deformez|avez deforme|deformer la realite|travestissez|exagerez|avez exagere|amplifiez|manipulez|manipulatrice|manipulateur)",
        r"c est (?:totalement |completement |absolument |tout simplement )?(?:faux|inexact|un mensonge|mensonger|n importe quoi|ridicule)",
        r"(?:ce n est|ce ne sont) pas (?:la verite|vrai|exact)|la (?:verite|realite) est (?:tout autre|que|bien differente)|retablir la verite|en realite vous|vous savez (?:tres )?bien (?:que|ce)",
        r"vous (?:avez|aviez) (?:omis|oublie|neglige) de (?:dire|mentionner|preciser|signaler|raconter)",
        r"(?:jamais|absolument pas) (?:eu lieu|arrive|passe comme)|rien de (?:tel|tout cela) ne s est (?:produit|passe)",
    ),
)

STATE_OF_MIND = Rule(
    name="counter_state_of_mind",
    family="counter_attack",
    severity="block",
    description="La réponse commente l'état d'esprit ou le comportement de l'auteur.",
    explanation=(
        "« {text} » commente l'humeur, l'état d'esprit ou le comportement de l'auteur : c'est "
        "une attaque personnelle (et une donnée sensible). Retirez-le."
    ),
    patterns=(
        r"vous (?:etiez|etes|sembliez|semblez|paraissiez|paraissez|avez ete|vous etes montree?) (?:tres |particulierement |visiblement |completement |assez |un peu |trop |si |tellement )?(?:enervee?s?|agressi(?:f|ve|fs|ves)|en colere|hysteriques?|instables?|irritee?s?|nerveu(?:x|se)|stressee?s?|angoissee?s?|perturbee?s?|ivres?|alcoolisee?s?|sous l emprise|de mauvaise humeur|impatiente?s?|irrespectueu(?:x|se)|impolie?s?|desagreables?|confuse?s?|fragiles?|depressi(?:f|ve)|paranoiaques?|paranos?|menacante?s?|violente?s?|grossiere?s?|insultante?s?|exigeante?s?|difficiles?|susceptibles?|excitee?s?|incoherente?s?)",
        r"vo(?:tre|s) (?:colere|agressivite|comportement|comportements|attitude|impatience|humeur|frustrations?|nervosite|impolitesse|emportement|hysterie|violence|insultes|grossierete|etat d esprit|etat emotionnel|etat psychologique|susceptibilite|jalousie|rancoeur|amertume|aigreur|vengeance|acharnement|obsession|problemes? personnels?)",
        r"calmez vous|calmer vos|restez calme|(?:soyez|etre) plus (?:poli|respectueu)[a-z]*|apprenez a|(?:faites vous|allez vous faire) (?:soigner|aider|consulter)|(?:besoin|consulter) (?:d |un )?(?:un )?psy[a-z]*",
        r"frustree?s?|aigrie?s?|jalou(?:x|se|ses)|rancuni(?:er|ere|ers|eres)|vindicati(?:f|ve)|irrationnel(?:le)?s?|deraisonnables?|lunatiques?|capricieu(?:x|se)|hysteriques?|paranoia[a-z]*",
        r"vous ne savez pas (?:lire|ce que vous dites|de quoi vous parlez)|vous n avez (?:rien )?compris|vous avez mal compris|mal interprete|vous confondez",
    ),
    exclusions=(
        r"(?:nous |je )?(?:comprenons|comprends|entendons|entends|regrettons|regrette|prenons note de|respectons|sommes (?:desoles|navres|sensibles a)|suis (?:desolee?|navree?|sensible a)) (?:de |a )?(?:votre|vos) (?:colere|frustrations?|deception|mecontentement|insatisfaction|ressenti|inquietude|impatience)",
    ),
)

SARCASM = Rule(
    name="counter_sarcasm",
    family="counter_attack",
    severity="block",
    description="La réponse est ironique ou sarcastique.",
    explanation=(
        "« {text} » est ironique : le sarcasme envenime l'échange et peut même excuser une "
        "injure (provocation). Gardez un ton neutre et courtois."
    ),
    patterns=(
        r"comme par hasard|quelle (?:surprise|coincidence|ironie)|bien sur que (?:non|oui)|evidemment (?:vous|c est|que)|bien entendu vous",
        r"bravo (?:pour|a vous)|felicitations pour (?:votre|cet|ce)|merci (?:pour|de) (?:cette|votre) (?:lecon|sagesse|grande sagesse|expertise|analyse|lecon de morale|precieuse? analyse)",
        r"si vous le dites|c est vous qui le dites|on se demande (?:bien )?(?:pourquoi|comment)|curieusement|etrangement|bizarrement|chacun (?:ses|son) gouts?|tant pis pour vous|bon debarras|bon vent|bonne chance (?:ailleurs|pour trouver|avec)",
        r"(?:ravie?s?|heureu(?:x|se)|contente?s?) de ne (?:plus|pas|jamais plus) vous (?:revoir|voir|recevoir)|ne revenez (?:pas|plus|jamais)|inutile de revenir|allez voir ailleurs",
        r"lol|mdr|ptdr|haha+|hihi+|ironie|ironiquement|sans rancune|sans commentaire|no comment",
        r"(?:apparemment|visiblement|manifestement) (?:vous|certaines personnes|certains)",
    ),
    raw_patterns=(r"[🙄😂🤣😏😒🙃😜😆🤡👏]",),
)

LEGAL_THREAT = Rule(
    name="counter_legal_threat",
    family="counter_attack",
    severity="block",
    description="La réponse menace publiquement de poursuites.",
    explanation=(
        "« {text} » menace publiquement de poursuites : cela ne se fait pas dans une réponse. "
        "Si l'avis est diffamatoire, gardez les preuves et parlez-en à votre avocat."
    ),
    patterns=(
        r"avocats?|avocate?s?|notre conseil juridique|service juridique|huissiers?|commissaire de justice|mise en demeure|mettre en demeure",
        r"porter plainte|portons plainte|porterons plainte|deposer (?:une )?plainte|plainte (?:contre vous|pour diffamation|penale|en diffamation|aupres)|(?:avons|allons) (?:deja )?(?:porte|depose) plainte",
        r"poursuites?(?: judiciaires| penales| civiles)?|poursuivre|poursuivrons|poursuivons|poursuivi en justice|action (?:en justice|judiciaire|legale|en diffamation)|actions? en justice|ester en justice",
        r"tribunal|tribunaux|en justice|devant la justice|devant les tribunaux|proces|juge|jugement|condamne[a-z]*|condamnation|penalement|sanctions? penales?|code penal|passible|amende",
        r"diffamation|diffamatoires?|diffamer|denigrement|injure publique|atteinte a (?:la |notre )?reputation|calomnie",
        r"nous (?:nous )?reserv(?:ons|erons) (?:le droit|tous (?:nos|les) droits|toute action|la possibilite)|(?:suites|consequences) (?:juridiques|judiciaires|legales)|loi (?:du|de) (?:29 juillet )?1881|article \d+",
    ),
)

RULES = (LYING, STATE_OF_MIND, SARCASM, LEGAL_THREAT)
