"""No counter-attack: no accusation of lying, no comment on state of mind, no sarcasm, no threat."""

from __future__ import annotations

from responders.guard.rule import Pattern, Rule
from responders.vocabulary import Severity

LYING = Rule(
    name="counter_lying",
    family="counter_attack",
    severity=Severity.BLOCK,
    description="La réponse accuse l'auteur de mentir ou d'être de mauvaise foi.",
    explanation=(
        "« {text} » accuse l'auteur de l'avis de mentir ou d'être de mauvaise foi : une "
        "réponse publique ne conteste jamais les faits. Restez neutre et proposez un échange privé."
    ),
    patterns=(
        r"mentez|mentir|menti|mentiez|menteur|menteuse|menteurs|mensonges?|mensongere?s?|mensongers|menteries?|mythomane?s?|affabulatrice|affabulateur",
        r"(?:vous )?(?:racontez|inventez|pretendez|insinuez) (?:n importe quoi|des histoires|des choses|des faussetes)|n importe quoi|quelle imagination|imagination (?:debordante|fertile)|(?:contrairement a|malgre) ce que vous (?:pretendez|dites|affirmez|ecrivez|insinuez|laissez entendre|racontez)|ce que vous pretendez|vos pretentions|faussetes?",
        r"(?:vos |ces |les |votre |ce |cet |cette )?(?:propos|affirmations?|allegations?|accusations?|dires|faits relates|pretentions?|avis|commentaire|recit|version) (?:sont |est |reste |demeurent? )?(?:totalement |completement |absolument |parfaitement |entierement )?(?:faux|fausses?|inexacte?s?|infondee?s?|errone(?:e|s|es)?|calomnieu(?:x|se|ses)|diffamatoires?|inventee?s?|mensongere?s?|sans fondement|contraires? a la realite|trompeu(?:r|rs|se|ses))",
        r"chantage|extorsion|ne (?:cederons|cedera|cederai) (?:pas|jamais)",
        r"mise au point|retablir les faits|rectifier les faits|rien de (?:tel|tout cela|cela|ceci|ca|tout ca) (?:ne s est|n est|n a|ne s etait) (?:jamais )?(?:produit|passe|arrive|eu lieu)|(?:bien )?au contraire|(?:montre|montrent|prouve|prouvent|demontre|demontrent|atteste|attestent) (?:bien )?(?:le contraire|l inverse|que vous)|cameras?|video ?surveillance|enregistrements?|(?:des|nos|plusieurs) temoins|nous avons (?:des|la|les) preuves?|la verite (?:finit|finira|eclatera|eclate|triomphe|triomphera)|(?:finit|finira|finissent) (?:toujours )?par (?:se savoir|eclater|se retourner)|c (?:est|etait) (?:plutot |bien |pourtant )?vous qui",
        r"(?:cet|cette|ce|un tel|une telle) (?:avis|commentaire|message|critique|publication) (?:vient|provient|emane|est ecrit|a ete ecrit|a ete redige|est signe)|(?:ancien|ancienne|ex) (?:employe|employee|salarie|salariee|collegue|associe|associee)|concurrents?|concurrence deloyale|faux profil|compte (?:anonyme|fictif|cree pour)",
        r"(?:vos|ces|de telles|ses|les) accusations|accusations (?:graves|infondees|gratuites|mensongeres)|(?:votre|cette|sa|leur) version(?: des faits)?|fantaisistes?|farfelue?s?|fantasmes?|fictions?|ridicules?|grotesques?|mauvaise foi|calomni[a-z]*|contre verites?|fake|faux avis|avis bidon|pur mensonge|fabulation|affabul[a-z]*|fabul[a-z]*",
        r"(?:vous )?(?:inventez|avez invente|invente de toutes pieces|de toutes pieces|deformez|avez deforme|deformer la realite|travestissez|exagerez|avez exagere|amplifiez|manipulez|manipulatrice|manipulateur)",
        r"c est (?:totalement |completement |absolument |tout simplement )?(?:faux|inexact|un mensonge|mensonger|n importe quoi|ridicule)",
        r"(?:est|sont|etait|reste) (?:totalement |completement |absolument |tout simplement |parfaitement |entierement )?(?:faux|fausse|fausses|inexacte?s?|inventee?s?|mensongere?s?)|rien de vrai|(?:aucun|pas un) mot de vrai|(?:cette|une|votre|ce|cet) (?:histoire|recit|fable|roman|conte) (?:pareil(?:le)?|invente|inventee|fantaisiste|incroyable)|histoire pareille|qui (?:croira|peut croire|pourrait croire)|vous le savez(?: bien| tres bien)?|vous savez (?:tres )?bien",
        r"(?:ce n est|ce ne sont) pas (?:la verite|vrai|exact)|la (?:verite|realite) est (?:tout autre|que|bien differente)|retablir la verite|en realite vous|vous savez (?:tres )?bien (?:que|ce)",
        r"vous (?:avez|aviez) (?:omis|oublie|neglige) de (?:dire|mentionner|preciser|signaler|raconter)",
        r"(?:jamais|absolument pas) (?:eu lieu|arrive|passe comme)|rien de (?:tel|tout cela) ne s est (?:produit|passe)",
    ),
)

STATE_OF_MIND = Rule(
    name="counter_state_of_mind",
    family="counter_attack",
    severity=Severity.BLOCK,
    description="La réponse commente l'état d'esprit ou le comportement de l'auteur.",
    explanation=(
        "« {text} » commente l'humeur, l'état d'esprit ou le comportement de l'auteur : c'est "
        "une attaque personnelle (et une donnée sensible). Retirez-le."
    ),
    patterns=(
        r"vous (?:etiez|etes|sembliez|semblez|paraissiez|paraissez|avez ete|vous etes montree?) (?:un |une )?(?:personne |client |cliente |patient |patiente |individu |homme |femme |dame |monsieur )?(?:tres |vraiment |particulierement |visiblement |completement |assez |un peu |trop |si |tellement )?(?:enervee?s?|agressi(?:f|ve|fs|ves)|en colere|hysteriques?|instables?|irritee?s?|nerveu(?:x|se)|stressee?s?|angoissee?s?|perturbee?s?|ivres?|alcoolisee?s?|sous l emprise|de mauvaise humeur|impatiente?s?|irrespectueu(?:x|se)|impolie?s?|desagreables?|confuse?s?|fragiles?|depressi(?:f|ve)|paranoiaques?|paranos?|menacante?s?|violente?s?|grossiere?s?|insultante?s?|exigeante?s?|difficiles?|susceptibles?|excitee?s?|incoherente?s?)",
        r"vo(?:tre|s) (?:mauvaise |propre |grande |vive |excessive |soudaine |legendaire )?(?:colere|agressivite|comportement|comportements|attitude|impatience|humeur|frustrations?|nervosite|impolitesse|emportement|hysterie|violence|insultes|grossierete|etat d esprit|etat emotionnel|etat psychologique|susceptibilite|jalousie|rancoeur|amertume|aigreur|vengeance|acharnement|obsession|problemes? personnels?)",
        r"calmez vous|calmer vos|restez calme|(?:soyez|etre) plus (?:poli|respectueu)[a-z]*|apprenez (?:a|la|le|les|donc)|(?:avoir|ayez|aurait|auriez) honte|honteu(?:x|se|sement)|vous devriez (?:avoir|vous|plutot|etre|apprendre|relire|reflechir)|(?:lecon|lecons) (?:a recevoir|de politesse|de morale|de savoir vivre)|en etat d ebriete|ebriete|sous l effet|(?:facile|lache) de (?:critiquer|juger|denigrer|se cacher)|derriere (?:un|votre|son) (?:ecran|clavier)|sous couvert d anonymat|courage de signer|(?:faites vous|allez vous faire) (?:soigner|aider|consulter)|(?:besoin|consulter) (?:d |un )?(?:un )?psy[a-z]*",
        r"frustree?s?|aigrie?s?|jalou(?:x|se|ses)|rancuni(?:er|ere|ers|eres)|vindicati(?:f|ve)|irrationnel(?:le)?s?|deraisonnables?|lunatiques?|capricieu(?:x|se)|hysteriques?|paranoia[a-z]*",
        r"vous ne savez pas (?:lire|ce que vous dites|de quoi vous parlez)|vous n avez (?:rien )?compris|(?:ayez|avez|aviez|auriez) mal (?:compris|interprete|lu|entendu|saisi)|mal interprete|vous confondez",
        r"(?:bien |le |la )?seule? a (?:vous plaindre|vous etre plainte?|nous reprocher|vous en plaindre|vous plaindre)|(?:tous|toutes) (?:les autres|nos autres)(?: [a-z]+)? (?:sont|ont ete|etaient|semblent) (?:satisfaite?s?|contente?s?|ravie?s?)|personne (?:d autre )?ne s est (?:jamais )?plaint",
        r"vo(?:tre|s) (?:ton|langage|vocabulaire|propos|mots|ecrits|manieres)(?: [a-z]+)? (?:est|sont|etait|etaient|nous semble|nous semblent|reste)?(?: [a-z]+)? ?(?:deplacee?s?|inacceptables?|inappropriee?s?|insultante?s?|injurieu(?:x|se|ses)|choquante?s?|irrespectueu(?:x|se|ses)|agressi(?:f|ve|fs|ves)|excessi(?:f|ve|fs|ves)|outranciere?s?|indignes?|deplorables?)|(?:trouvons|jugeons|estimons) (?:votre|vos|ce|ces) [a-z]+ (?:[a-z]+ )?(?:deplacee?s?|inacceptables?|inappropriee?s?|choquante?s?|insultante?s?)",
        r"(?:du|un certain|quel|beaucoup de) (?:culot|toupet|aplomb)|culotte?s?|gonfle(?:e)?s? de",
        r"vo(?:tre|s) (?:insolence|arrogance|mepris|condescendance|malhonnetete|hypocrisie|lachete|betise|ignorance|mechancete|impertinence|effronterie|suffisance|bassesse|medisance|posture|victimisation)|(?:posture|role|air) de victime|jouer (?:les|la) victimes?|fai(?:tes|sez|re) preuve d (?:une |un )?(?:malhonnetete|mauvaise foi|mechancete|insolence|arrogance|mepris|betise|ignorance|hypocrisie|lachete)|malhonnetete|malhonnete",
        r"(?:suivez|suiviez|suivez pas|respectez|respectiez|ecoutez|ecoutiez|appliquez|appliquiez) (?:jamais |pas |rarement |plus |meme pas )?(?:nos|les|mes|ses|leurs) (?:conseils|recommandations|consignes|instructions|prescriptions|indications)|vous vous plaign(?:ez|iez)|(?:toujours|sans cesse|constamment) (?:a )?(?:vous )?plaindre|plaignez (?:toujours|sans cesse|constamment)",
        r"(?:il est |c est )?(?:rare|exceptionnel|inhabituel|etonnant) qu (?:un|une|on|nos)|(?:rarement|jamais) (?:de|des|eu de) plaintes?|se plaign(?:e|ent) (?:rarement|jamais)|(?:aucun|aucune|personne|nul) (?:autre )?(?:patient|patiente|client|cliente)? ?(?:ne )?(?:s est|se) (?:jamais )?plain",
        r"(?:les |des )?(?:gens|personnes|patients|patientes|clients|clientes|individus) comme vous|vous et vos (?:semblables|pareils)|toujours la meme (?:chose|histoire|rengaine)|(?:restez|soyez|rester|etre) (?:poli|polie|polis|courtois|courtoise|respectueu(?:x|se)|correcte?|calme)|un peu de (?:politesse|respect|courtoisie|tenue|decence)",
        r"gardez (?:vos|votre|ces|ce) [a-z]+(?: [a-z]+)? pour vous|abstenez vous|epargnez nous|passez votre chemin|allez (?:voir |donc )?ailleurs|changez de (?:dentiste|medecin|cabinet|clinique|praticien)|(?:trouvez|cherchez) (?:vous )?un autre (?:dentiste|medecin|cabinet|praticien)|ne (?:nous )?(?:inquiete|fait peur|impressionne|effraie|derange) (?:pas|aucunement|nullement)",
        r"(?:avis|commentaire|message|propos|comportement|attitude|publication|geste)s? (?:est|sont|etait|etaient|reste|restent) (?:[a-z]+ )?(?:indigne|indignes|indecente?s?|honteu(?:x|se|ses)|scandaleu(?:x|se|ses)|inadmissibles?|lamentables?|pitoyables?|minables?|mesquine?s?|pueriles?|immatures?|grotesques?|deplorables?|navrante?s?)|indignes? d|pitoyable|lamentable|pueril(?:e|es|s)?|immature|mesquin(?:e|es|s)?|(?:allez|aller|va|allez donc)(?: [a-z]+){0,3} ailleurs|ailleurs si vous",
        r"aiment (?:se plaindre|critiquer|denigrer|raler)|(?:certains|certaines|certaines personnes|certaines gens|des gens) (?:aiment|adorent|passent leur temps|ne savent que)|se plaindre (?:pour|de) (?:rien|un rien|tout)|raler pour",
        r"plutot (?:que d |qu |que de )(?:ecrire|publier|poster|laisser|noter|critiquer)|(?:aurions|aurait|aurais|aurions bien) (?:aime|prefere|souhaite) que vous|avant de (?:publier|poster|ecrire|critiquer|juger)|(?:auriez pu|pourriez) (?:nous )?(?:en parler|nous parler|nous appeler|venir nous voir) (?:avant|plutot|directement)",
        r"on se tait|taise?z vous|vous (?:feriez|auriez fait) mieux de (?:vous taire|ne rien dire|reflechir|vous renseigner)|mieux vaut se taire|quand on ne sait pas|(?:renseignez|informez) vous avant",
        r"(?:preferez|preferiez|choisissez|choisissiez) (?:d |de )?(?:insulter|critiquer|denigrer|injurier|attaquer|salir)|insulter|injurier|(?:vos|ces|de telles) (?:insultes|injures|invectives|grossieretes|menaces)",
        r"(?:certains|certaines|des|les|ces) (?:patients?|patientes?|gens|personnes|clients?|clientes?) (?:ne sont|n est) jamais (?:contente?s?|satisfaite?s?)|jamais (?:contente?s?|satisfaite?s?)|plaire a tout le monde|surtout pas (?:a )?vous|en dit (?:plus |bien plus |tres )?long sur vous|en dit plus sur vous|(?:revele|montre) (?:beaucoup |surtout )?(?:de choses )?sur vous",
        r"(?:avis|commentaire|message|critique|propos|note|publication|cela|ca|ceci)s? ne (?:changera|change|changeront|changent) (?:strictement |absolument )?rien|n y (?:changera|change) rien|libre d aller|(?:aller|allez) ou (?:vous voulez|bon vous semble)|c est bien connu|comme chacun (?:sait|le sait)|tout le monde (?:sait|le sait)|les gens (?:heureux|satisfaits|contents) (?:n ecrivent|ne laissent|ne publient)",
        r"ne (?:plus|jamais|pas) (?:vous )?(?:presenter|revenir|remettre les pieds|reprendre rendez vous|rappeler)(?: (?:au|a la|chez|ici|dans))?|prie de ne plus|prions de ne plus",
        r"apprendre a lire|(?:savoir|sachez|savez) lire|lire les (?:affiches|consignes|panneaux|instructions|conditions|documents)|(?:lisez|relisez) (?:les|nos|le|la) (?:affiches|consignes|panneaux|instructions|conditions|documents|contrat|devis)",
        r"(?:racontez|raconter|racontiez) des (?:salades|histoires|sornettes|balivernes|betises|mensonges)|(?:inventer|raconter) des histoires|ne vous menera (?:nulle part|a rien|pas loin)|(?:contre vous|a votre encontre|vous concernant) (?:des |les )?(?:mesures|poursuites|actions|demarches)|(?:mesures|poursuites|actions|demarches) (?:necessaires |appropriees |qui s imposent )?(?:contre vous|a votre encontre)",
        r"inutile d insister|la decision est prise|(?:n accepterons|ne recevrons|ne prendrons|n accepterai|ne repondrons|ne traiterons) plus (?:vos|aucun|aucune|de|d)|interdite? (?:de sejour|d acces|d entree)|(?:n etes|n etiez|n est) plus (?:la )?(?:bienvenue?s?|admise?s?)|(?:bon courage|bonne chance|bonne continuation) (?:avec|pour|chez|aupres de) (?:votre|vos|le|la|un|une|ce|cette)",
        r"vous avez (?:un|de) (?:serieux |gros |vrai |reel |sacre )?(?:probleme|problemes)|ce (?:genre|type) de (?:comportement|propos|attitude|personne|client|patient|commentaire|message|avis|critique|remarque|gens|individu|plainte|reproche)s?|temps a perdre|(?:perdre|perdez|perd) (?:notre|son|votre|leur) temps|faire perdre (?:du|le|notre) temps|(?:c est|voici|ce n est pas) la (?:deuxieme|troisieme|quatrieme|cinquieme|enieme|nieme|ixieme|premiere) fois|(?:\d+e|\d+eme|encore une) fois que vous|vous etes (?:connue?s?|reputee?s?|habituee?s?|coutumiere?s?|celebres?) (?:pour|de|a|dans)|vos (?:avis|commentaires|critiques) (?:negatifs|negatives|habituels|habituelles|incessants|incessantes)|(?:habitude|specialiste|habituee?) (?:des|de|du) (?:avis|critiques|commentaires|plaintes)|ne (?:tolererons|tolerons|tolererai|tolere) (?:pas|plus|aucun)",
        # Condescending advice: telling the reader to reread, check, learn before writing.
        Pattern(
            "condescending_advice",
            r"relise?z (?:vous|votre|vos|bien|donc|attentivement|d abord|plutot|le|la|les|ce|cette)|(?:invitons|invite|suggerons|suggere|conseillons|conseille|recommandons|recommande|prions|encourageons)(?: vivement| donc| fortement)? (?:a|de) (?:bien |attentivement )?(?:relire|vous relire|reflechir|verifier (?:vos|les|ses) (?:sources|informations|infos|dires|faits)|vous renseigner (?:avant|mieux|davantage|d abord))|lise?z (?:attentivement|mieux|correctement|bien|jusqu au bout) (?:avant|la prochaine|votre|vos|les|nos)|(?:renseigne?z|informe?z|documente?z|instruise?z|cultive?z) vous (?:un peu|mieux|d abord|davantage|avant|correctement|serieusement|donc|la prochaine fois)|(?:renseignez|informez|documentez|cultivez) vous(?: [a-z]+)? avant|(?:verifie?z|verifier|recoupe?z) (?:d abord |donc |bien |mieux )?(?:vos|les|ses) (?:sources|informations|infos|dires|affirmations|faits)|avant d (?:accuser|affirmer|insinuer|attaquer|ecrire|incriminer)|avant de (?:lancer|porter|proferer|formuler) des (?:accusations|critiques|reproches)|avant de (?:parler|commenter|medire|denigrer|vous plaindre|porter un jugement|noter|condamner|tirer des conclusions|vous emporter|raconter)|(?<!nous )(?<!vous )(?:il )?(?:faudrait|faudra|serait bon|conviendrait|vaudrait mieux)(?: peut etre| d abord| deja| quand meme| aussi| avant tout| surtout| plutot)? (?:de |d )?(?:se |vous |s )?(?:relire|lire|renseigner|informer|documenter|apprendre a|reflechir|ouvrir les yeux)",
        ),
        r"(?:la prochaine fois|a l avenir|avant tout)(?: [a-z]+){0,2} (?:renseigne?z|informe?z|documente?z|relise?z|lise?z|verifie?z|reflechisse?z) vous|(?:la prochaine fois|a l avenir|avant tout)(?: [a-z]+){0,2} (?:relise?z|lise?z|verifie?z|reflechisse?z)|ne vous (?:ferait|ferai|feraient) (?:pas|aucun) (?:de )?mal|(?:un peu de|un minimum de|quelques notions de) (?:lecture|culture|humilite|jugeote|bon sens|modestie|discernement)|(?:pas|rien de) (?:si |bien |tres |plus )?(?:complique|difficile|sorcier) (?:pourtant|a comprendre)|pas sorcier|(?:c est|c etait|c est pourtant|ce n est pourtant) pourtant (?:simple|clair|ecrit|affiche|indique)|pourtant (?:simple|clair) (?:a comprendre)?|(?:rien de mieux|que ca|juste ca|seulement ca|rien d autre) a faire",
        r"(?<!nous )(?<!vous )(?:faudrait|faudra|faut) il (?:peut etre |d abord |deja |quand meme )?(?:relire|lire|vous relire|se relire|savoir lire|se renseigner|vous renseigner|verifier)|(?:il )?(?:serait|serait peut etre|aurait ete) (?:bon|utile|temps|judicieux|sage) de (?:relire|lire|vous relire|vous renseigner|vous informer|verifier vos|reflechir)|(?:aurait|aurais) fallu (?:lire|relire|vous renseigner|verifier|reflechir)",
        # The reader's memory or understanding mocked.
        Pattern(
            "memory_mocked",
            r"vous (?:avez|aviez|auriez) (?:du |sans doute |surement |certainement |peut etre |probablement |visiblement )?(?:reve|revasse|hallucine|fantasme|confondu|confondre|rever|halluciner|tout invente)|vous revez|hallucin(?:e|ant|ante|ations?)",
        ),
        r"(?:votre|vos|ta) (?:memoire|souvenirs?) (?:vous |te )?(?:joue|jouent|fait defaut|font defaut|flanche|flanchent|trahit|trahissent|est|sont|semble|semblent|reste|restent)(?: [a-z]+){0,2} ?(?:des tours|defaillante?s?|courte?s?|selective?s?|flous?|floue?s?|confuse?s?|imprecise?s?|inexacte?s?|erronee?s?|defaut|approximative?s?)?|memoire (?:courte|selective|defaillante|de poisson(?: rouge)?|qui flanche|qui vous joue|bien selective|tres selective)|souvenirs? (?:flous?|selectifs?|confus|approximatifs?|arranges?|embellis?)|vous (?:semblez|paraissez|sembliez) (?:avoir )?(?:oublie|confondu|mal compris|mal lu|ignorer|meconnaitre|confondre|tout melanger)|vous (?:avez|aviez|auriez) (?:visiblement |manifestement |sans doute |probablement |peut etre |apparemment |surement |clairement |encore )?(?:mal (?:compris|lu|retenu|saisi|ecoute|entendu|interprete)|tout (?:confondu|melange|oublie)|oublie (?:l essentiel|un detail|certains details|de preciser|de mentionner|que|quelques))|vous n (?:avez|aviez|auriez) (?:visiblement |manifestement |sans doute |probablement |apparemment |clairement |donc |meme )?(?:pas|rien|jamais) (?:bien |vraiment |tout |du tout )?(?:compris|lu|retenu|saisi|ecoute)",
        # Québec: people lumped together with « du monde », complaining as « chialer ».
        Pattern(
            "quebec_du_monde",
            r"chial(?:er|e|es|ent|eux|euse|eurs|euses|age|ez|iez|ait|aient)|(?:du|certain|ce) monde (?:de meme|comme vous|qui (?:aiment?|adorent?|passent?|ont|a|n ont|n a|chialent?|se plaint|se plaignent|critiquent?|ecrivent?|cherchent?|savent pas|ne savent pas))|(?:ca )?prend (?:bien |vraiment )?du monde (?:pour|comme)",
        ),
        r"(?:etiez|etes|sembliez|semblez) vous (?:[a-z]+ )?(?:fatiguee?s?|stressee?s?|enervee?s?|pressee?s?|contrariee?s?|de mauvaise humeur|ivres?)|vous (?:etiez|etes|sembliez|semblez) (?:[a-z]+ )?(?:fatiguee?s?|pressee?s?|contrariee?s?)",
        r"(?:cherchez|cherchiez|voulez|vouliez|tentez|essayez|cherche|veut) (?:[a-z]+ )?(?:a nuire|de nuire|a nous nuire|a salir|a ternir|a discrediter|de l attention|a attirer l attention|le buzz|la polemique|a vous venger|vous venger|a nous denigrer)|(?:volonte|intention|desir|envie) de (?:nuire|vous venger|salir)",
        r"vous (?:avez|aviez) (?:manque|fait preuve d un manque) de (?:respect|politesse|courtoisie)|(?:ne respecte|ne respectez|ne respectait|ne respectiez) (?:pas|jamais|ni) (?:les|nos|l|le)|vous (?:etiez|etes arrivee?) en retard|votre retard|si vous (?:etiez|aviez|etes|avez) [a-z ]{0,50}vous n (?:auriez|aurez|auriez jamais)",
    ),
    exclusions=(
        r"(?:nous |je |on )?(?:comprenons|comprends|comprend|entendons|entends|entend|regrettons|regrette|prenons note de|respectons|sommes (?:desoles|navres|sensibles a)|suis (?:desolee?|navree?|sensible a)) (?:de |a )?(?:votre|vos) (?:colere|frustrations?|deception|mecontentement|insatisfaction|ressenti|inquietude|impatience)",
    ),
)

SARCASM = Rule(
    name="counter_sarcasm",
    family="counter_attack",
    severity=Severity.BLOCK,
    description="La réponse est ironique ou sarcastique.",
    explanation=(
        "« {text} » est ironique : le sarcasme envenime l'échange et peut même excuser une "
        "injure (provocation). Gardez un ton neutre et courtois."
    ),
    patterns=(
        r"(?:constructive?s?|utiles?|pertinente?s?|intelligente?s?|objective?s?|juste?s?|sympathiques?|aimables?|polie?s?|honnetes?) ou (?:pas|non)",
        r"comme par hasard|quelle (?:surprise|coincidence|ironie)|bien sur que (?:non|oui)|evidemment (?:vous|c est|que)|bien entendu vous",
        r"(?:chacun|les lecteurs|vos lecteurs|les internautes|le lecteur|chacune) (?:jugera|jugeront|appreciera|apprecieront|se fera|en tirera)|seule? juge|drole de (?:facon|maniere|conception)|(?:belle|grande|jolie|bonne|sacree) lecon|bravo (?:pour|a vous)|felicitations pour (?:votre|cet|ce)|merci (?:pour|de) (?:cette|votre) (?:lecon|sagesse|grande sagesse|expertise|analyse|lecon de morale|precieuse? analyse)",
        r"si vous le dites|c est vous qui le dites|on se demande (?:bien )?(?:pourquoi|comment)|curieusement|etrangement|bizarrement|chacun (?:ses|son) gouts?|tant pis pour vous|bon debarras|bon vent|bonne chance (?:ailleurs|pour trouver|avec)",
        r"(?:ravie?s?|heureu(?:x|se)|contente?s?) de ne (?:plus|pas|jamais plus) vous (?:revoir|voir|recevoir)|ne revenez (?:pas|plus|jamais)|inutile de revenir|allez voir ailleurs",
        r"(?:ha|ah|hi|he|ho)(?: (?:ha|ah|hi|he|ho))+|(?:tres|trop|vraiment) (?:drole|amusant|amusante|marrant|marrante)|quelle blague|c est (?:une )?blague|on croit rever|on aura tout (?:lu|vu|entendu)|voyons donc|franchement|serieusement|lol|mdr|ptdr|haha+|hihi+|ironie|ironiquement|sans rancune|sans commentaire|no comment",
        r"(?:apparemment|visiblement|manifestement) (?:vous|certaines personnes|certains)",
        # Mock compliments: the review praised as a piece of fiction or a lesson.
        Pattern(
            "mock_compliment",
            r"(?:merci|(?:nous )?(?:vous )?remercions|(?:je )?(?:vous )?remercie) (?:beaucoup |infiniment |mille fois |bien |vivement )?(?:pour|de) (?:ce|cette|cet|votre|vos|ces|la|le) (?:(?:tres |si )?(?:beau|belle|bel|magnifique|superbe|joli|jolie|grand|grande|petit|petite|veritable|vrai|precieu(?:x|se|ses)|riche|passionnante?|captivante?|palpitante?|savoureu(?:x|se)) )?(?:roman|romans|chef d oeuvre|fiction|fable|conte|conte de fees|scenario|feuilleton|saga|epopee|tirade|poeme|prose|litterature|morceau de bravoure|spectacle|moment (?:de|d) (?:litterature|lecture|poesie|bravoure|comedie|rigolade|theatre|cinema|humour)|oeuvre de fiction|recit (?:haut en couleur|epique|fleuve|romance|fantaisiste|palpitant|captivant)|lecons?|lumieres|conseils avises)",
        ),
        r"(?:apprendre|enseigner|expliquer|rappeler|dire|montrer) (?:comment faire |comment exercer |a faire )?(?:notre|le|nos) (?:metier|travail|profession)|(?:savez|savoir|connaissez|connaitre|sachant) (?:tout |tellement |bien )?mieux que (?:tout le monde|nous|les professionnels|les medecins|les dentistes|les specialistes)|(?:on|nous) (?:apprend|apprenons) (?:[a-z]+ ){0,4}(?:grace a vous|avec vous)|(?:avions|avons|aurions) affaire a (?:un|une) (?:grand |grande |veritable |vrai |vraie )?(?:expert|experte|specialiste|connaisseu(?:r|se)|professionnel|professionnelle)|vos lumieres|eclairer (?:notre|nos) lanternes?|conseils (?:avises|eclaires|d expert)|(?:vos|ces) (?:precieux|judicieux) conseils|c est (?:gentil|aimable|touchant|adorable|trop gentil|tres gentil|bien aimable) de (?:vous )?(?:soucier|inquieter|preoccuper|nous (?:conseiller|expliquer|apprendre|rappeler|faire la lecon))|heureusement que vous (?:etes|etiez) la|(?:c est|ca doit etre) (?:beau|bien|agreable|formidable) de tout savoir|vous (?:qui )?savez tout|je sais tout|(?:nous )?apprendre notre metier|donneu(?:r|se|rs|ses) de lecons?|faire la lecon",
        r"sens (?:du|de la|de l) (?:drame|dramatique|recit|mise en scene|formule|theatre|spectacle|exageration|fiction|tragedie|comedie|romanesque)|(?:lecture|moment|avis|message|recit|commentaire|histoire)s? (?:tres |bien |assez )?(?:divertissante?s?|amusante?s?|distrayante?s?|savoureu(?:x|se|ses)|edifiante?s?|hilarante?s?|croustillante?s?|cocasses?|rocambolesques?)|bonne lecture|(?:ceux|celles|les gens|quiconque) qui (?:croient|croiront|croiraient|goberont|gobent|gobe|croira)|(?:fait|font|fera|a fait|ont fait|faire) (?:bien |beaucoup |doucement |franchement |tous )?(?:rire|rigoler)|(?:avons|ai|a|avez) (?:bien |beaucoup |franchement |tous )?(?:ri|rigole)(?![a-z])|(?:quel|quelle|bravo pour ce|bravo pour cette|bravo pour votre) (?:beau |belle |joli |jolie |grand |grande |sacre |sacree )?(?:talent|plume|inventivite|creativite|conteu(?:r|se)|romancier|romanciere|ecrivain|ecrivaine|histoire|roman|scenario|tirade|numero|performance|cinema)|(?:belle|jolie|sacree) histoire|(?:un vrai|un veritable|tout un|digne d un|digne d une|digne des|digne du) (?:scenario|roman|film|feuilleton|telenovela|theatre|melodrame|thriller|polar|conte|oscar|cesar|goncourt|prix)|(?:roman|scenario|film) (?:de gare|hollywoodien|catastrophe)|(?:merit[a-z]*|vaudrait|vaut|digne d) (?:le |un |une |l )?(?:prix|oscar|cesar|goncourt|palme)|science fiction|conte de fees|(?:prix|oscar|cesar|goncourt) (?:litteraire|de (?:litterature|la meilleure|l imagination|la fiction))",
        r"(?:chapeau|bravo|felicitations|effort|belle|bel|quelle|beaucoup|que|preuve|fruit|faute) (?:pour |d |de |l |votre |d une |de votre )*imagination|belle tentative|bel essai|bien essaye|joli essai|bien tente",
        r"(?:votre|vos|cette|de votre|sa) (?:[a-z]+ ){1,2}legendaires?|(?:vo(?:tre|s)|ces|cette|ce) (?:precieu[a-z]+ )?(?:conseils?|avis|analyse|diagnostic|expertise|lecons?) d (?:expert|experte|specialiste|grand specialiste|grande specialiste)|(?:admirons|apprecions|saluons|remarquons|notons) (?:votre|vos|ce|cette) (?:sens de la (?:nuance|mesure)|objectivite|impartialite|finesse|delicatesse|tact|elegance|moderation|indulgence|sens de l humour)|(?:avis|commentaire|message|propos|critique|analyse)s? (?:aussi|si|tellement) (?:nuancee?s?|objective?s?|mesuree?s?|equilibree?s?|impartiale?s?)|(?:aussi|si) (?:parfaite?s?|irreprochables?|exemplaires?|infaillibles?|savante?s?|intelligente?s?) que vous",
        r"(?:toujours|forcement|evidemment|bien sur|comme toujours|c est) (?:de )?la faute (?:des autres|du dentiste|de la dentiste|du medecin|de la medecin|du cabinet|de quelqu un d autre|de l autre|des professionnels|du praticien|de la praticienne|de l equipe)|(?:c est )?(?:toujours|forcement) (?:de )?(?:la|votre) faute",
        r"merci (?:beaucoup |bien )?(?:pour|de) (?:la|cette|votre) (?:publicite|pub|contre publicite|promotion gratuite)|vous etes (?:[a-z]+ )?(?:drole|droles|comique|amusante?|marrante?|un comique|une comique|un clown|un rigolo|une rigolote|impayable|un poete|une poete|un cas)(?![a-z])|(?:sacree?|drole de|quel|quelle) (?:personnage|numero|phenomene|energumene|loustic|specimen|comique|clown)",
        # Condescending forms of address.
        Pattern(
            "condescending_address",
            r"ma (?:chere |pauvre |petite |bonne )dame|mon (?:cher |pauvre |petit |bon )monsieur|pauvre de vous|(?:mon|ma) pauvre|pauvres? (?:petite?s?|chou|choux)|mon (?:petit|grand) (?:ami|gars|bonhomme)|ma (?:petite|grande) (?:amie|fille)",
        ),
        # A new career suggested to the reader.
        Pattern(
            "new_career",
            r"(?:talents?|dons?|plume|vocation|carriere|avenir|place) (?:d |de |dans le |dans la |dans l |au |en )(?:ecrivaine?|conteu(?:r|se)|romanciere?|actrice|acteur|comedienne?|scenariste|humoriste|auteure?|poete|dramaturge|roman|romans|cinema|ecriture|fiction|theatre|comedie|litterature|one man show|stand up|telenovela)|(?:hollywood|broadway|netflix|la comedie francaise) (?:vous attend|vous tend les bras|n attend que vous)|(?:on|nous) vous (?:verrait|verrions|voit|voyons) (?:bien|tres bien|volontiers)",
        ),
        r"(?:vous devriez|tu devrais|vous pourriez|tu pourrais)(?: vraiment| serieusement| peut etre)? (?:ecrire|faire|publier|tenter|vous lancer|te lancer|vous reconvertir|songer a|penser a|envisager) (?:des livres|un livre|des romans|un roman|du theatre|du cinema|carriere|de la politique|dans (?:l ecriture|le theatre|le cinema|la fiction|la litterature)|une carriere|le metier)|(?:rate|manque|trouve) (?:votre|ta) vocation|carriere (?:d |de )?(?:ecrivaine?|romanciere?|actrice|acteur|comedienne?|scenariste|humoriste|au cinema|au theatre)",
        # Mock expertise: the reader as a better doctor than the practice.
        Pattern(
            "mock_expertise",
            r"(?:plus|mieux) (?:competente?s?|qualifiee?s?|savante?s?|calee?s?|informee?s?|expert|experte?s?|place|placee?) que (?:nous|nos|le docteur|la docteure|le dentiste|la dentiste|les professionnels|les medecins|les dentistes)|(?:docteur|dr|docteure|diplome|diplomee?) (?:google|internet|wikipedia|youtube|facebook)|(?:avez|auriez|possedez|detenez) (?:sans doute |surement |peut etre |certainement |donc )?(?:un|votre) diplome (?:de|en) (?:medecine|dentisterie|chirurgie|pharmacie)|(?:ignorions|savions pas|ne savions pas) que vous (?:etiez|etes) (?:medecin|dentiste|expert|experte|specialiste|docteur|docteure|chirurgien|chirurgienne)",
        ),
    ),
    raw_patterns=(
        r"[🙄😂🤣😏😒🙃😜😆🤡👏]",
        # « Ben voyons. », « Mais bien sûr ! » said alone; « mais bien sûr, nous restons
        # joignables » goes on and is no retort.
        Pattern(
            "retort_bien_sur",
            r"(?<![a-z])(?:ben|bien) voyons(?![a-z])|(?:^|[.!?…]\s*)(?:mais|oui|ah|ouais)(?:,? (?:oui|mais))?,? bien s[uû]r\s*(?:[.!?…]|$)",
        ),
    ),
)

LEGAL_THREAT = Rule(
    name="counter_legal_threat",
    family="counter_attack",
    severity=Severity.BLOCK,
    description="La réponse menace publiquement de poursuites.",
    explanation=(
        "« {text} » menace publiquement de poursuites : cela ne se fait pas dans une réponse. "
        "Si l'avis est diffamatoire, gardez les preuves et parlez-en à votre avocat."
    ),
    patterns=(
        r"(?:nous )?(?:savons|connaissons) (?:qui vous etes|votre identite|votre nom)|(?:nous )?vous avons identifiee?|tenue?s? (?:pour )?responsables?|responsabilite (?:civile|penale)|dommages (?:et )?interets|reparation du prejudice|juristes?|conseillers? juridiques?|contentieux|ne (?:laisserons|laissera|laisserai|laisserons jamais|allons pas laisser) (?:pas )?passer|(?:toutes les |les )?suites (?:possibles|a donner|judiciaires|legales|qui s imposent)|(?:etudions|envisageons|examinons|etudierons|envisagerons) (?:toutes )?(?:les |nos )?(?:suites|options|recours|possibilites|moyens)|main courante|police|gendarmerie|(?:cet|votre|ce|vos) (?:avis|commentaire|commentaires|message|publication) (?:sera|seront|a ete|ont ete|va etre|vont etre|sera bientot) (?:signalee?s?|supprimee?s?|retiree?s?|denoncee?s?)|nous (?:avons|allons) (?:signale|denonce) (?:votre|cet|ce)|(?:transmis|transmettrons|transmettons|signale|signalerons|remis|confie)(?: [a-z]+){0,5} (?:a|au|aux|a notre|a nos) (?:avocat|avocats|police|autorites|justice|tribunal|huissier|juriste|juristes|service juridique|conseil juridique)|avocats?|avocate?s?|notre conseil juridique|service juridique|huissiers?|commissaire de justice|mise en demeure|mettre en demeure",
        # the passive too: « une plainte sera déposée », "a complaint has been filed"
        r"(?<!votre )(?<!vos )(?<!your )plaintes? (?:[a-z]+ ){0,2}(?:sera|seront|a ete|ont ete|va etre|vont etre|serait|pourrait etre|pourraient etre) (?:[a-z]+ )?(?:deposee?s?|portee?s?)(?! par vous)|(?:a |an )?(?:formal )?(?:complaint|claim|police report) (?:will be|has been|is being) (?:filed|lodged) (?:against|with the police)|porter plainte|portons plainte|porterons plainte|deposer (?:une )?plainte|plainte (?:contre vous|pour diffamation|penale|en diffamation|aupres)|(?:avons|allons) (?:deja )?(?:porte|depose) plainte",
        r"poursuites?(?: judiciaires| penales| civiles)?|(?:vous|les) poursuivre|poursuivre (?:en justice|judiciairement|l auteur|cette personne)|poursuivrons|poursuivi en justice|action (?:en justice|judiciaire|legale|en diffamation)|actions? en justice|ester en justice",
        r"tribunal|tribunaux|en justice|devant la justice|devant les tribunaux|proces|juge|jugement|condamne[a-z]*|condamnation|penalement|sanctions? penales?|code penal|passible|amende",
        r"harcelement|harceler|harcelez|harceleu(?:r|se)|(?:releve|relevent|constitue|constituent) (?:du|de la|d une|d un) (?:harcelement|diffamation|calomnie|infraction|delit|penal)|diffamation|diffamatoires?|diffamer|diffamante?s?|(?:sera|seront|est|sont) (?:traitee?s?|gerees?|considere) (?:comme tel(?:le)?s?|en consequence)|en consequence de quoi|denigrement|injure publique|atteinte a (?:la |notre )?reputation|calomnie",
        r"(?:votre|vos|cette|une|sa) (?:plainte|reclamation|signalement|denonciation)s? (?:a|aupres de|devant|au conseil de) (?:l ordre|college|syndic)|(?:avons|allons|ai|vais) (?:saisi|saisir|signale|signaler|contacte|contacter|informe|informer|prevenu|prevenir) (?:l ordre|le college|le syndic)|conseil de discipline|faire valoir (?:nos|ses|tous nos|leurs|mes) droits|defendre (?:nos droits|nos interets|notre reputation|notre honneur)|(?:prendre|prendrons|prenons) (?:toutes )?les mesures (?:necessaires|qui s imposent|appropriees)|nous (?:nous )?reserv(?:ons|erons) (?:le droit|tous (?:nos|les) droits|toute action|la possibilite)|(?:suites|consequences) (?:juridiques|judiciaires|legales)|loi (?:du|de) (?:29 juillet )?1881|article \d+",
    ),
)

# Insinuation without a keyword: a maxim aimed at the reader (« le respect s'applique dans les
# deux sens »), reviewers who « prefer » Google to a call, a doubt about the reader's reading,
# advice for « next time ». The reply then lectures the person instead of acknowledging.
LECTURE = Rule(
    name="counter_lecture",
    family="counter_attack",
    severity=Severity.BLOCK,
    description="La réponse fait la leçon ou insinue un tort de la personne.",
    explanation=(
        "« {text} » fait la leçon à la personne ou insinue qu'elle a tort : c'est une contre-"
        "attaque, même polie. Remerciez, regrettez et invitez à un échange privé, sans plus."
    ),
    patterns=(
        # maxims: a virtue that « goes both ways », « has its rights », « is a value »
        r"(?:le respect|la politesse|la courtoisie|la ponctualite|la verite|l honnetete|la bonne foi|la confiance|la patience|la bienveillance|respect|courtesy|politeness|punctuality|honesty|patience|kindness|trust) (?:[a-z]+ ){0,4}(?:dans les deux sens|a double sens|a ses droits|est une (?:valeur|qualite|vertu) (?:qui|que)|goes both ways|works both ways|is a two way street|cuts both ways)",
        # reviewers who « prefer » writing online to calling
        r"(?:certains|certaines|certaines personnes|d autres|some people|some patients|certain people|others) (?:[a-z]+ ){0,2}(?:preferent|prefereront|choisissent|trouvent (?:plus )?(?:facile|simple)|would rather|prefer|choose|find it easier) (?:[a-z]+ ){0,3}(?:ecrire|publier|poster|se plaindre|critiquer|denigrer|laisser un avis|post|write|complain|vent|review)",
        r"(?:plutot que|au lieu de|rather than|instead of) (?:de )?(?:nous )?(?:appeler|telephoner|contacter|venir nous voir|parler|pick(?:ing)? up the phone|call(?:ing)? us|talk(?:ing)? to us|contact(?:ing)? us)(?! (?:par|au|en|by|at|through))",
        # a doubt about the reader's reading, facts or temper
        r"(?:on|nous) (?:se |nous )?demand(?:e|ons) (?:bien )?si vous|we (?:do )?wonder (?:if|whether) you|(?:avez vous|vous avez) (?:bien |vraiment )?lu|did you (?:even |actually )?read|check (?:your|the) facts|verifiez? (?:vos|les) (?:faits|informations) avant|avant de (?:partir en peur|vous emporter|juger|accuser)|avant de (?:publier|poster|ecrire|laisser) (?:un avis|un commentaire|en ligne|sur (?:internet|google|les reseaux))|before (?:judging|accusing|jumping to conclusions)|before (?:posting|writing)(?: [a-z]+){0,3} (?:next time|a review|online)|(?:la|une) (?:colere|frustration|emotion) (?:[a-z]+ ){0,4}(?:faire ecrire|fait ecrire|pousse a ecrire|regrette)|(?:next time|la prochaine fois)(?:,)? (?:[a-z]+ ){0,3}(?:try|please|veuillez|pensez|essayez|nous vous invitons|we suggest|consider)",
    ),
)

RULES = (LYING, STATE_OF_MIND, SARCASM, LEGAL_THREAT, LECTURE)
