"""No identifying details: names, appointment dates, companions, money, insurance."""

from __future__ import annotations

import re

from responders.guard.families import context
from responders.guard.families.generic import generic_mention
from responders.guard.rule import Context, Pattern, Rule, Span
from responders.vocabulary import Severity

_MONTHS = r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fev|sept|oct|nov|dec"
_DAYS = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
# A weekday read as a date, not as a habit (« le jeudi », « tous les samedis » are opening hours).
_DAY = rf"(?<!le )(?<!les )(?<!chaque )(?<!tous les )(?<!du )(?<!au )(?:{_DAYS})"
_TITLES = (
    "dr",
    "dre",
    "docteur",
    "docteure",
    "doc",
    "pr",
    "professeur",
    "professeure",
    "mme",
    "madame",
    "m",
    "monsieur",
    "mlle",
    "mademoiselle",
    "me",
    "maitre",
    "mr",
    "mrs",
    "ms",
)
# Words that may follow a title without being a name (« Madame, Monsieur », « le docteur qui »).
_NOT_A_NAME = frozenset(
    "le la les l de d du des et ou a au aux en qui que qu quoi dont est etait sera a avait vous nous "
    "il elle on ne n se s y un une ce cet cette ces son sa ses votre vos notre nos leur leurs pour par "
    "avec sans sur sous dans chez madame monsieur mesdames messieurs mademoiselle docteur docteure "
    "dr dre mme m mlle pr professeur equipe directeur directrice responsable gerant gerante "
    "dentiste medecin praticien praticienne secretaire assistante assistant hygieniste "
    "pharmacien infirmier infirmiere tous toutes chacun chacune".split()
)
_GREETING = re.compile(
    r"(?:^|[.!?\n]\s*)(?:Bonjour|Bonsoir|Salut|Allô|Allo|Hello|Cher|Chère|Chers|Chères|Merci)[ ,]+"
    r"(?:(?:à|a|de|pour)\s+)?([A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’-]+(?:[ -][A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’-]+)?)"
)
_GREETING_OK = frozenset(
    "madame monsieur mesdames messieurs mademoiselle tous toutes a vous et beaucoup infiniment "
    "pour de d chers cher chere cheres client cliente clients patient patiente internaute "
    "utilisateur utilisatrice auteur auteure equipe le la les docteur docteure".split()
)


_ROLES = frozenset(
    "petit petite petits petites jeune adjointe adjoint coordonnatrice coordonnateur gestionnaire assistante assistant hygieniste secretaire dentiste medecin infirmiere infirmier receptionniste "
    "collegue praticien praticienne associe associee remplacant remplacante stagiaire technicienne "
    "technicien orthodontiste chirurgien chirurgienne directrice directeur gerante gerant".split()
)


def _titled_names(ctx: Context) -> list[Span]:
    """« Dr Tremblay », « Mme Martin », « docteur gagnon », « l'hygiéniste Mélanie »."""
    out: list[Span] = []
    tokens = ctx.norm.tokens
    fix = ctx.correct or (lambda w: w)
    for i, tok in enumerate(tokens[:-1]):
        word = fix(tok.text)
        if word in _ROLES:
            # A role names someone only when a capitalized word follows (« la secrétaire Julie »).
            nxt = tokens[i + 1]
            raw = ctx.reply[nxt.start : nxt.end]
            gap = ctx.reply[tok.end : nxt.start]
            if (
                raw[:1].isupper()
                and gap in (" ", "\u00a0")
                and nxt.text not in _NOT_A_NAME
                and len(nxt.text) >= 3
            ):
                out.append((tok.start, nxt.end))
            continue
        if word not in _TITLES:
            continue
        # « m » and « me » are titles only when written « M. » / « Me » with a capital.
        raw = ctx.reply[tok.start : tok.end]
        if tok.text in ("m", "me", "doc", "pr", "mr", "ms") and not raw[:1].isupper():
            continue
        if tok.text == "m" and ctx.reply[tok.end : tok.end + 1] != ".":
            continue
        nxt = tokens[i + 1]
        gap = ctx.reply[tok.end : nxt.start]
        initial = ctx.reply[nxt.start : nxt.end]
        is_initial = (
            len(initial) == 1 and initial.isupper() and ctx.reply[nxt.end : nxt.end + 1] == "."
        )
        if (
            len(gap) > 3
            or any(c in gap for c in ",;:!?\n")
            or (nxt.text in _NOT_A_NAME and not is_initial)
        ):
            continue
        if nxt.text.isdigit():
            continue
        if len(nxt.text) < 2 and not is_initial:  # an initial: « Dr K. », « Dre L. Bergeron »
            continue
        end = nxt.end
        # A compound or double name: « Dr Jean-Pierre Gagnon ».
        if i + 2 < len(tokens):
            third = tokens[i + 2]
            raw3 = ctx.reply[third.start : third.end]
            if (
                raw3[:1].isupper()
                and len(ctx.reply[nxt.end : third.start]) <= 2
                and third.text not in _NOT_A_NAME
            ):
                end = third.end
        out.append((tok.start, end))
    return out


def _rank_of(word: str) -> int:
    from responders.guard.families.echo import _rank

    return _rank().get(word, 10**9)


_GREETING_WORDS = frozenset(
    "bonjour bonsoir salut allo hello cher chere chers cheres coucou".split()
)


def _greeting_names(ctx: Context) -> list[Span]:
    """« Bonjour Marie », « BONJOUR JACQUES », « Bonjour J a c q u e s »: a name after a greeting."""
    out = [
        (m.start(1), m.end(1))
        for m in _GREETING.finditer(ctx.reply)
        if re.split(r"[ '’-]", m.group(1))[0].lower() not in _GREETING_OK
        and _fold(re.split(r"[ '’-]", m.group(1))[0]) not in _GREETING_OK
    ]
    tokens = ctx.norm.tokens
    for i, tok in enumerate(tokens[:-1]):
        if tok.text not in _GREETING_WORDS:
            continue
        nxt = tokens[i + 1]
        raw = ctx.reply[nxt.start : nxt.end]
        letters = [c for c in raw if c.isalpha()]
        if not letters or not letters[0].isupper() or len(nxt.text) < 3 or not nxt.text.isalpha():
            continue
        if nxt.text in _GREETING_OK or nxt.text in _NOT_A_NAME:
            continue
        shouting = all(c.isupper() for c in letters) and len(letters) > 1
        spaced = " " in raw
        # In capitals or spelled out, only a word that is no common French word reads as a name.
        # Only a word that is no very common French word reads as a name (« Bonjour Tout le monde »).
        if _rank_of(nxt.text) < 300 and not (shouting or spaced):
            continue
        if (shouting or spaced) and _rank_of(nxt.text) < 300:
            continue
        out.append((nxt.start, nxt.end))
    return out


def _fold(word: str) -> str:
    from responders.text.words import Normalized

    toks = Normalized(word).tokens
    return toks[0].text if toks else ""


PERSON_NAME = Rule(
    name="identity_person_name",
    family="identity",
    severity=Severity.BLOCK,
    description="La réponse nomme une personne (« Dr X », « Mme Y », un prénom en salutation).",
    explanation=(
        "« {text} » nomme une personne : ne citez aucun nom dans une réponse publique, ni celui "
        "de l'auteur de l'avis ni celui d'un membre de l'équipe."
    ),
    detector=lambda ctx: _titled_names(ctx) + _greeting_names(ctx),
)


def _capitalized_unknown(ctx: Context) -> list[Span]:
    """A capitalized word inside a sentence that is no French word: maybe a name."""
    from responders.guard.lexicon import get_lexicon

    general = get_lexicon().general
    out = []
    for m in re.finditer(
        r"(?<=[a-zà-ÿ,;] )([A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]+)?)", ctx.reply
    ):
        folded = _fold(m.group(1))
        if folded in general or folded in _NOT_A_NAME or folded in _KNOWN_PROPER:
            continue
        out.append((m.start(1), m.end(1)))
    return out


_KNOWN_PROPER = frozenset(
    "google facebook ramq cpam vitale doctolib quebec france canada montreal paris ordre college "
    "ameli regie internet".split()
)

PROPER_NOUN = Rule(
    name="identity_proper_noun",
    family="identity",
    severity=Severity.WARN,
    description="Un mot en majuscule inconnu du dictionnaire : peut-être un nom de personne.",
    explanation=(
        "« {text} » ressemble à un nom propre : vérifiez qu'il ne s'agit pas du nom d'une "
        "personne (patient, proche, membre de l'équipe)."
    ),
    detector=_capitalized_unknown,
)

DATETIME = Rule(
    name="identity_datetime",
    family="identity",
    severity=Severity.BLOCK,
    description="La réponse donne une date ou une heure (de rendez-vous, de passage).",
    explanation=(
        "« {text} » situe une venue dans le temps : aucune date ni heure de rendez-vous dans "
        "une réponse publique."
    ),
    patterns=(
        # the same weekdays on the words, for « l u n d i » and other spelled-out forms
        Pattern(
            "weekday_words",
            rf"(?<!le )(?<!les )(?<!chaque )(?<!tous les )(?<!du )(?<!au )(?:{_DAYS})(?! (?:au|et|ou) )|(?:avant )?hier|ce matin",
        ),
    ),
    raw_patterns=(
        Pattern(
            "numeric_date",
            r"(?<!\d[/.-])\d{1,2}\s?[/.-]\s?\d{1,2}(?:\s?[/.-]\s?\d{2,4})?(?![/.\-]?\s?\d)",
        ),
        Pattern(
            "day_and_month",
            rf"(?:le |du |au |ce |depuis le )?\d{{1,2}}(?:er|e)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?",
        ),
        Pattern(
            "month",
            rf"(?:en |au mois d'|au mois de |debut |fin |mi-)(?:{_MONTHS})(?:\s+\d{{4}})?|(?:{_MONTHS})\s+(?:dernier|passe|\d{{4}})",
        ),
        Pattern(
            "weekday_qualified",
            rf"(?:ce |un |dernier |depuis )?{_DAY}(?:\s+(?:dernier|passe|matin|soir|apres-midi|apres midi|\d{{1,2}}(?:er)?))",
        ),
        Pattern("this_weekday", rf"(?:ce |cet |un )(?:{_DAYS})"),
        Pattern(
            "clock_time",
            # no trailing blank in the span: « de 8 h à 18 h » must fall inside its exclusion
            r"\d{1,2}\s?(?:h|heures?)(?:\s?\d{1,2})?(?!\s*(?:/|sur)\s*(?:24|7))|\d{1,2}:\d{2}",
        ),
        Pattern(
            "relative_day",
            r"(?:avant-)?hier(?: soir| matin| apres-midi)?|ce matin|cet apres-midi|ce (?:jour|soir|matin)-la|ce jour-meme|cette (?:journee|fois|semaine)-la|la semaine (?:derniere|passee)|le mois (?:dernier|passe)|l'an (?:dernier|passe)|l'annee (?:derniere|passee)",
        ),
        Pattern("of_weekday", rf"(?:de|du|d'un|d'une|ce) (?:{_DAYS})(?! au)"),
        Pattern(
            "day_around",
            r"le jour (?:meme|d apres|suivant)|le lendemain|la veille|le surlendemain|l avant-veille",
        ),
        Pattern(
            "time_ago",
            r"il y a (?:\d+|un|une|deux|trois|quatre|cinq|six|quelques|plusieurs) (?:jours?|semaines?|mois|ans|annees)",
        ),
        Pattern("weekday", rf"{_DAY}(?!s)(?! (?:au|et|ou) )"),
    ),
    exclusions=(
        r"(?:du|de) (?:lundi|mardi|mercredi|jeudi) (?:au|a) (?:jeudi|vendredi|samedi|dimanche)(?: de \d{1,2} ?h ?\d{0,2} a \d{1,2} ?h ?\d{0,2})?",
        r"de \d{1,2} ?h ?\d{0,2} a \d{1,2} ?h ?\d{0,2}",
        # a reminder system described for everyone, holidays announced by month
        r"la veille (?:des|de chaque|de leurs?) rendez vous|(?:chacun|chaque personne|chaque patient|tout le monde|toute personne)(?: [a-z]+){0,6} la veille de (?:son|leur) rendez vous",
        r"(?:ferme|fermee|fermes|fermeture|conges?|vacances|semaine|semaines|travaux|reprendront|reprennent|reprise|rouvrira|rouvrent|reouverture|horaires|changent|changeront|changera)(?: [a-z]+){0,5} en (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)",
        # opening hours said otherwise: « le stationnement est gratuit après 18 h »
        r"(?:gratuit|gratuite|ouvert|ouverte|ouverts|ferme|fermee|fermes|accessible|disponible|disponibles|joignable|joignables|accueil|standard|secretariat|stationnement)(?: [a-z]+){0,4} (?:apres|avant|des|jusqu a|a partir de|vers) \d{1,2} ?h ?\d{0,2}",
        r"(?:from |between )?\d{1,2}(?: \d{2})?(?: ?(?:am|pm|a m|p m))? (?:to|and|until|till|through) \d{1,2}(?: \d{2})?(?: ?(?:am|pm|a m|p m))?|(?:hours|open|opens|closes|closed|reachable|available)(?: [a-z]+){0,4} (?:from|at|until|after|before) \d{1,2}(?: \d{2})?(?: ?(?:am|pm|a m|p m))?",
        r"(?:sous|dans les|d ici|en moins de|dans un delai de) \d{1,3} ?(?:h|heures)",
        r"24 ?h ?24|7 ?j ?7|24 ?h ?sur ?24|7 ?jours sur ?7",
        rf"(?:du|de|entre le|le) \d{{1,2}}(?: er)? (?:{_MONTHS})(?: \d{{4}})? (?:au|a|et le|jusqu au) \d{{1,2}}(?: er)? (?:{_MONTHS})(?: \d{{4}})?",
        rf"(?:ferme|fermee|fermes|fermees|fermeture|ouvert|ouverte|ouverture|conges?|vacances|reouverture|rouvrira|ferme ses portes)(?: [a-z]+){{0,4}} (?:du|le|jusqu au|a partir du|des le|au) \d{{1,2}}(?: ?er)?(?: (?:{_MONTHS}))?",
        r"(?:ouvert|ouverte|ouverts|ouvertes|ouverture|ferme|fermee|fermes|fermeture|joignable|joignables|disponible|disponibles|accueil|reception|standard|secretariat|permanence|horaires?)(?: [a-z]+){0,4} (?:des|a partir de|jusqu a|avant|apres|de|entre|a) \d{1,2} ?h(?: ?\d{2})?(?: (?:a|et|jusqu a) \d{1,2} ?h(?: ?\d{2})?)?",
    ),
)

COMPANION = Rule(
    name="identity_companion",
    family="identity",
    severity=Severity.BLOCK,
    description="La réponse évoque une personne accompagnante ou un proche.",
    explanation=(
        "« {text} » évoque un proche ou un accompagnant : c'est un détail qui identifie. "
        "Retirez-le."
    ),
    patterns=(
        r"(?:votre|vos|ton|tes) (?:mari|femme|epouse|epoux|conjoint|conjointe|compagnon|compagne|conjoints|"
        r"fils|fille|filles|enfant|enfants|bebe|bebes|nourrisson|ado|adolescent|adolescente|mere|pere|maman|papa|parent|parents|"
        r"frere|freres|soeur|soeurs|grand mere|grand pere|grands parents|petit fils|petite fille|petits enfants|"
        r"ami|amie|amis|amies|accompagnateur|accompagnatrice|accompagnant|accompagnante|proche|proches|"
        r"beau pere|belle mere|beau frere|belle soeur|oncle|tante|cousin|cousine|neveu|niece|fiance|fiancee|"
        r"chum|blonde|petit ami|petite amie|garcon|fillette|aine|cadet|cadette|benjamin|jumeaux|jumelles)",
        r"(?:vous etiez|vous etes venue?s?|vous etes venues?|venue?s?) (?:accompagnee?s?|avec (?:votre|vos|un|une))",
        r"(?:la|les) personnes? qui vous (?:accompagn|suivait|etait avec)[a-z]*",
        r"(?:votre|l) accompagn[a-z]+",
        r"(?:le|ce|cette|la) (?:bebe|bambin|nourrisson|petit garcon|petite fille|fillette|gamin|gamine)",
        r"(?:le petit|la petite|les petits|les enfants|l enfant|cet enfant|votre enfant|le bebe|votre bebe) (?:que vous|qui vous|etait|a ete|est venue?|a|avait|s est|n a|n avait|est)",
    ),
)

_TOPIC = (
    # longest first: « assurance maladie » before « assurance »
    r"(?:assurances? maladie|regie de l assurance maladie|complementaires? sante|prise en charge|securite sociale|"
    r"carte vitale|facturation|remboursements?|assurances?|mutuelles?|honoraires|tarifs?|tarification|"
    r"paiements?|frais|factures?|comptabilite|administration|reglements?|ramq|cpam|recus?)"
)
# « la question de facturation que vous soulevez » points at the reader's own case.
_NOT_RAISED = (
    r"(?! (?:que|dont) vous (?:(?:avez|aviez) )?(?:soulev|evoqu|mention|signal|decri|rapport|abord)[a-z]*"
    r"| (?:que|dont) vous (?:avez|aviez) (?:posee?s?|parle)"
    # « … les remboursements, et le vôtre a été fait » ties the topic back to the reader.
    r"| (?:[a-z]+ ){0,8}(?:le|la|les) votres?(?![a-z]))"
)


def _generic_money(ctx: Context, span: Span) -> bool:
    # An amount is never generic; a word like « facturation » may be, when refused as a topic.
    return not any(c.isdigit() for c in ctx.reply[span[0] : span[1]]) and generic_mention(ctx, span)


MONEY = Rule(
    name="identity_money",
    family="identity",
    severity=Severity.BLOCK,
    description="La réponse parle d'argent, de devis, d'assurance ou de remboursement.",
    explanation=(
        "« {text} » touche aux montants, devis, assurance ou remboursement : ces détails "
        "identifient la personne et révèlent des soins. N'en parlez pas publiquement."
    ),
    raw_patterns=(
        r"\d[\d\s ]{0,15}(?:[.,]\d{1,2})?\s?(?:€|eur\b|euros?\b|\$|dollars?\b|cad\b|can\b|k€)",
        r"(?:€|\$)\s?\d+(?:[.,]\d{1,2})?",
    ),
    patterns=(
        r"honoraires?|devis|factures?|facture[es]?|facturation|factures|facturer|tarifs?|tarification|tarifaires?",
        r"depassements? (?:d )?honoraires?|reste a charge|ticket moderateur|tiers payant|avance de frais|franchise medicale",
        r"mutuel(?:le)?s?|complementaires? sante|croix bleue|desjardins|sun life|manuvie|la capitale|ssq|beneva|canada vie|great west|harmonie mutuelle|mgen|axa|allianz|malakoff|ag2r|predetermination|pre determination|entente prealable|accord prealable|demande de prise en charge|feuilles? de soins?|formulaires? (?:d assurance|de reclamation)|reclamations? (?:d assurance|a l assurance|a votre assureur)|assurances?(?: dentaire| maladie| privee| collective| medicaments?)?|assureurs?|regime d assurance",
        r"rembours[a-z]*|prise en charge (?:par|de la|financiere)|pris en charge par",
        r"ramq|regie de l assurance maladie|carte (?:vitale|soleil|d assurance maladie|ramq)|securite sociale|secu|cpam|ameli|cmu|cmu c|css|aide medicale d etat|ame",
        r"(?:le |au |du |un |ce |votre |vos )?(?:prix|cout|couts|montant|montants|paiement|paiements|solde|acompte|reglement)(?! (?:a|de) (?:tout|toute))",
        r"payer|paye|payee|payes|payees|paiement|avez paye|a paye|frais(?! de (?:port|stationnement))",
        r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille)(?: (?:et )?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|vingts|trente|quarante|cinquante|soixante|cent|cents|mille))* (?:euros?|dollars?|balles|piastres)",
        r"la regie|regie (?:de l assurance maladie|du quebec)|(?:refuse|accepte|rejete|traite|paye|rembourse)e? (?:la|cette) reclamation|cheques?|virements?|carte de (?:credit|debit)|especes|comptant|interac|recus? (?:fiscal|fiscaux|de paiement|d assurance)|note d honoraires",
        r"(?:reste|restent|restait|a|de|rien) a (?:regler|payer|rembourser)|solde (?:du|a regler|impaye)|montant du|impayee?s?|relance de paiement|recouvrement",
        r"(?:est|sont|etait|etaient|sera|seront|n est|ne sont|n etait|n etaient) (?:pas |bien |entierement |partiellement |totalement |jamais )?(?:prise?s? en charge|pris en charge|remboursee?s?|couverte?s?|rembourse|couvert)",
    ),
    invalidate=_generic_money,
    exclusions=(
        r"(?:nos|les|des) (?:tarifs|honoraires|prix|recus(?: (?:pour|d) assurances?)?|factures|modalites de (?:paiement|reglement|remboursement)|moyens de paiement) (?:sont|restent|demeurent|peuvent etre) (?:affiches|disponibles|publics|consultables|indiques|accessibles|remis|delivres|fournis|emis|envoyes)|a tout prix|coute que coute|a nos frais|sans frais(?: supplementaires?)?|numero sans frais|sans frais pour vous",
        # The ways of paying, for anyone (context.PAYMENT).
        Pattern("payment_methods", context.PAYMENT),
        # The topic named only to decline it: « aucune question de facturation n'est traitée ici ».
        Pattern(
            "topic_declined",
            r"(?:aucune |les |toute |toutes les |des |cette |ces )?questions? (?:(?:generales?|administratives?|pratiques?|courantes?|d ordre (?:general|administratif|financier|pratique))(?: (?:ou|et) (?:generales?|administratives?|pratiques?|financieres?))? )?(?:(?:ou|et) )?(?:de|d|relatives? (?:a|aux)|concernant|portant sur|sur|liees? (?:a|aux)) (?:la |l |les )?"
            + _TOPIC
            + r"(?: (?:ou |et |par )?(?:de |d |a |aux )?(?:la |l |les )?"
            + _TOPIC
            + r")*"
            + _NOT_RAISED,
        ),
        # A department or a field named in general: « le service de facturation »,
        # « pour tout ce qui concerne la facturation », « en matière de remboursement ».
        Pattern(
            "topic_in_general",
            r"(?:(?:le |notre |au |du )?(?:service|secretariat|bureau|pole|equipe|guichet) (?:de |d |de la |des )|en matiere d(?:e|e la|es)? |pour tout ce qui (?:concerne|touche a|releve de|a trait a) (?:la |l |les )?"
            r"|(?:pour |concernant )?(?:toute|toutes les|les|des) (?:demandes?|demarches?|informations?|renseignements?|modalites|moyens|conditions) (?:generales? |pratiques? )?(?:de|d|sur|concernant|relatives? (?:a|aux)|liees? (?:a|aux)) (?:la |l |les )?"
            r"|(?:questions?|demarches?|demandes?|formalites) (?:administratives?|d ordre (?:administratif|financier|pratique)|pratiques?|financieres?)(?: [a-z]+){0,2}? (?:(?:comme|y compris|notamment|telles? que|par exemple|dont|a savoir) )?(?:la |l |les )?"
            r"|(?:renseigne|renseignent|renseignera|renseigneront|repond|repondent|repondra|repondront|informe|informent|informera|oriente|orientent|orientera)(?: [a-z]+){0,3}? (?:sur|concernant|au sujet (?:de|des|du)) (?:la |l |les )?)"
            + _TOPIC
            + r"(?: (?:ou |et |par )?(?:de |d |a |aux )?(?:la |l |les )?"
            + _TOPIC
            + r")*"
            + _NOT_RAISED,
        ),
    ),
)

PERSONAL_DATA = Rule(
    name="identity_personal_data",
    family="identity",
    severity=Severity.BLOCK,
    description="La réponse évoque une donnée personnelle (adresse, âge, naissance, numéro).",
    explanation=(
        "« {text} » touche à une donnée personnelle de l'auteur de l'avis : n'en parlez pas "
        "publiquement."
    ),
    patterns=(
        r"vo(?:tre|s) (?:adresse|adresse postale|numero de telephone|numero de cellulaire|telephone|cellulaire|portable|date de naissance|age|numero d assurance maladie|nam|nas|numero d assurance sociale|numero de securite sociale|employeur|profession|metier|ecole|domicile|quartier|coordonnees|situation familiale|nationalite|origine)",
        r"vous avez \d+ ans|(?:age|agee?) de \d+ ans|a (?:votre|ton) age|ne(?:e)? (?:le|en) \d",
    ),
    exclusions=(
        r"votre adresse (?:courriel|electronique|e mail|mail)|vos coordonnees (?:restent|demeurent|ne sont)",
        # Asking for a way to call back is no disclosure: « laissez-nous vos coordonnées ».
        Pattern(
            "ask_contact",
            r"(?:laisse[rz]?|laissant|donne[rz]?|indique[rz]?|envoye[rz]?|communique[rz]?|transmet(?:tre|tez)|precise[rz]?) (?:nous )?(?:vos|votre) [a-z]+(?: [a-z]+)?",
        ),
    ),
)

CONTACT = Rule(
    name="identity_contact",
    family="identity",
    severity=Severity.WARN,
    description="Un courriel ou un numéro de téléphone : vérifiez que c'est celui du cabinet.",
    explanation=(
        "« {text} » est une coordonnée : n'y laissez que celle du cabinet, jamais celle d'une "
        "personne."
    ),
    raw_patterns=(
        Pattern("email", r"(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,}"),
        Pattern("phone", r"(?:\+|00)?\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"),
    ),
)

RULES = (PERSON_NAME, PROPER_NOUN, DATETIME, COMPANION, MONEY, PERSONAL_DATA, CONTACT)
