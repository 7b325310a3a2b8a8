"""Never answer on the substance: no account of what happened, no justification, no clinical
reassurance. A reply that explains or narrates confirms that something happened to someone."""

from __future__ import annotations

import re

from responders.guard.rule import Context, Pattern, Rule, Span
from responders.text.words import Normalized
from responders.vocabulary import Severity

_CLAUSE_END = re.compile(r"[.!?;:,\n]")
_HYPOTHESIS = re.compile(r"(?<![a-z])(?:si|s'il|s'ils|meme si|comme si)(?![a-z])")


def _hypothetical(ctx: Context, span: Span) -> bool:
    """« Si votre message était une question… » imagines; it does not tell what happened."""
    start = max((m.end() for m in _CLAUSE_END.finditer(ctx.reply, 0, span[0])), default=0)
    return bool(_HYPOTHESIS.search(Normalized(ctx.reply[start : span[0]]).folded))


ACCOUNT = Rule(
    name="substance_account",
    family="substance",
    severity=Severity.BLOCK,
    description="La réponse raconte, justifie ou rassure sur le fond (ce qui s'est passé, pourquoi).",
    explanation=(
        "« {text} » répond sur le fond (récit, justification ou avis rassurant) : cela confirme "
        "qu'il s'est passé quelque chose avec cette personne. Ne répondez jamais sur le fond ; "
        "proposez un échange privé."
    ),
    patterns=(
        # The imperfect tense tells a past scene (« la molaire ne pouvait pas être sauvée »).
        Pattern(
            "imperfect_scene",
            r"(?<!si )(?<!comme si )(?:c |il |elle |ils |elles |on |ce qui |cela |ca |qui |tout |rien |ce |la |le |les |l |vous |nous |je |j )?"
            r"(?:etait|etaient|avait|avaient|pouvait|pouvaient|devait|devaient|fallait|semblait|semblaient|"
            r"allait|allaient|faisait|faisaient|aviez|etiez|pouviez|deviez|avions|etions|pouvions|devions|"
            r"s agissait|se trouvait|se passait|arrivait|venait|restait|manquait|voulait|pensait|croyait|savait|"
            r"disait|prenait|mettait|attendait|souffrait|saignait|genait|refusait|demandait|expliquait|presentait|"
            r"necessitait|exigeait|empechait|permettait|imposait|justifiait|depassait|durait|concernait|touchait)",
        ),
        r"c est (?:la regle|le reglement|la procedure|le protocole|la politique|normal|comme ca|ainsi)|(?:telle|ainsi) est la (?:regle|procedure)|ce sont les regles",
        r"(?:du|pu|a du|avons du|ai du|avait du) (?:refaire|recommencer|reprendre|repeter|retoucher|corriger|ajuster|modifier|changer|remplacer|reporter|annuler|ecourter|arreter|interrompre)|parce qu|a cause (?:de|du|des|d)|s explique|s expliquent|(?:en raison|du fait) d(?:e|u|es)? (?!(?:la |du |des |notre |nos )?(?:secret|confidentialite|vie privee|respect|regles|obligations|loi|deontologie|code))|etant donne",
        r"(?:est|etait|reste|sont|etaient|sera|seront|demeure) (?:tout a fait |parfaitement |assez |tres |bien |malheureusement )?(?:normale?s?|habituele?s?|frequente?s?|courante?s?|attendue?s?|inevitables?|necessaires?|indispensables?|benigne?s?|sans gravite|rassurante?s?|inquietante?s?|previsibles?)(?! que nous)",
        r"(?:revenu|revenue|revenus|revenues|sont|est|etait|etaient) (?:normale?s?|negati(?:f|ve|fs|ves)|positi(?:f|ve|fs|ves)|bonne?s?|rassurante?s?|stables?|elevee?s?|basse?s?)(?! que nous)|"
        r"(?:est|sont|sera|seront|reste|restent) (?:tout a fait |seulement |simplement |souvent )?(?:temporaire|temporaires|passagere?s?|passager|transitoires?|reversibles?)|"
        r"comme prevu|pas d inquietude|rassurez vous|ne vous inquietez|sans (?:danger|gravite|consequence)|(?:va|vont|devrait|devraient|finira|finiront par) (?:passer|disparaitre|s estomper|se resorber|guerir|cicatriser|s ameliorer|se calmer|partir)|disparaitra|disparaitront|s estompera|rentrer(?:a|ont)? dans l ordre|par (?:mesure de )?precaution",
        r"(?:depend|dependent|dependait|dependra) (?:aussi |surtout |beaucoup |en partie |egalement |avant tout )?(?:de|du|des|d)|(?:sera|seront|serait|seraient|est|sont) (?:peut etre |sans doute |probablement |certainement |alors )?(?:necessaires?|indispensables?|inevitables?|a prevoir|a envisager)",
        r"(?:toujours|bien|tres|parfaitement) ete (?:correcte?s?|polie?s?|respectueu(?:x|se|ses)|aimables?|professionnel(?:le)?s?|courtoise?s?|irreprochables?|patiente?s?|a l ecoute)|rien a (?:se|nous|me|lui) reprocher|dans cette (?:affaire|histoire|situation)|(?:aucune|pas de|sans) faute|(?:plus|moins) (?:de temps|long|longue|longtemps|complique|compliquee) que prevu|que prevu",
        r"sachez (?:toutefois|cependant|pourtant|neanmoins|quand meme|tout de meme|bien) que|(?:precisons|rappelons|signalons|soulignons|notons|ajoutons) (?:toutefois |cependant |simplement |aussi )?que|(?:il faut|faut il|tenons a|tiens a) (?:savoir|rappeler|preciser|souligner|signaler) que",
        r"(?:selon|dans le respect des|conformement aux|d apres) (?:les |la |des |aux |nos )?(?:regles de l art|normes|protocoles?|recommandations|donnees acquises|bonnes pratiques)",
        r"(?:nous avons|on a|j ai|avons|ai) (?:fait|tout fait) (?:notre|mon|tout notre|tout mon|le|tout le) (?:possible|maximum|mieux)|(?:de notre|tout notre|tout mon) mieux|nous n y sommes pour rien|(?:ce n est|ce n etait) pas (?:de notre|notre) faute|(?:n est|n etait) pas (?:de notre|notre) (?:faute|fait|ressort)",
    ),
    invalidate=_hypothetical,
)

RULES = (ACCOUNT,)
