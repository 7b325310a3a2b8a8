"""The reply policy in English, for Montréal practices answering in English.

The French families read French shapes; these rules read the same policy in English: the
relationship confirmed or denied (rule 2), counter-attacks (rule 5) and promotion (rule 6).
Care vocabulary in English is in the lexicon (`data/lay_en.tsv`, and the ICD-11 English labels),
so the care rules already read it; the exclusions here keep its everyday senses (« filling out
the form », « cleaning of the waiting room », « the sensitivity of this matter »).
Patterns are written on the folded words (« you re », « we ve »), like every rule.
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

_EPISODE = (
    r"visit|visits|appointment|appointments|appt|consultation|consult|treatment|treatments|procedure|"
    r"surgery|exam|examination|check ?up|cleaning|file|chart|records?|medical records?|dental records?|"
    r"x rays?|results?|stay|session|sessions|care|recovery|healing|progress|case|condition|diagnosis|"
    r"prescription|bill|invoice|statement|estimate|quote|claim|insurance|insurer|coverage|family|"
    r"husband|wife|son|daughter|child|children|kids|mother|father|mom|dad|parent|parents|partner|"
    r"dentist|doctor|hygienist|physician|smile|teeth|tooth|mouth|health|experience with us|time with us|"
    r"wait|waiting time|arrival|departure|history|loyalty|trust"
)

EN_RELATIONSHIP = Rule(
    name="en_relationship",
    family="relationship",
    severity=Severity.BLOCK,
    refs=_SECRET_REFS,
    description="La réponse (en anglais) confirme ou nie que l'auteur de l'avis est ou a été patient.",
    explanation=(
        "« {text} » laisse entendre que cette personne est venue (ou n'est jamais venue) au "
        "cabinet : le secret professionnel interdit de le confirmer comme de le nier."
    ),
    patterns=(
        rf"(?:your|ur) (?:last |recent |first |next |previous |upcoming |latest |annual |regular |routine |follow up |new )?(?:{_EPISODE})",
        r"(?:during|at|after|before|since|from|following|throughout) (?:your|the|this|that) (?:last |recent |first |previous )?(?:visit|appointment|consultation|treatment|procedure|surgery|exam|cleaning|session|stay|check ?up)",
        r"(?:we|i) (?:still |clearly |do |very well )?(?:remember|recall|recognize|recognise) (?:you|your|seeing|meeting|treating)",
        r"(?:we|i|the team|our team|the (?:doctor|dentist|hygienist|assistant|receptionist|nurse|staff|physician|surgeon)|dr [a-z]+|she|he|they) (?:have |had |has )?(?:seen|treated|examined|welcomed|received|known|served|met|cared for|looked after|explained|told|called|reminded|warned|advised|referred) (?:you(?! (?:to|for|are|can|may|would|could))|your (?:child|son|daughter|kids|family|husband|wife|mother|father|parents?))",
        r"(?:you (?:are|were|ve been|have been|re)|being) (?:a |one of our |our )?(?:long ?time |loyal |valued |regular |former |new )?(?:patient|patients|client|clients|member of our (?:practice|clinic|family))",
        r"(?:our|a) (?:long ?time |loyal |valued |regular |former )?patient(?:s)? (?:for|since) |patient of (?:ours|our|the)",
        r"(?:no|any|a) (?:record|records|trace|file|chart) (?:of|for|under) (?:you|your|that name|this name|anyone)|(?:not|never|no one) (?:in|on) (?:our|the) (?:system|files|records|books|database|list)|under (?:that|this|your) name",
        r"(?:never|not|haven t|have not|has not|hasn t) (?:been )?(?:a )?(?:patient|client|seen|treated) (?:here|of ours|with us|at our|at this|by)",
        r"(?:see|seeing|welcome|welcoming|have) you (?:back|again|soon|next (?:time|week|month|year))|(?:welcome|come|coming) back|(?:next|last|previous|upcoming|follow up) (?:visit|appointment|session|check ?up)",
        r"(?:after|all) (?:these|those|so many|the|\d+) years|(?:for|over) (?:\d+|so many|all these|many|several) (?:years|months) (?:with us|together|now|of trust|of loyalty)|every (?:year|spring|summer|fall|winter|six months|visit)",
        r"(?:chat|chatting|chatted|talk|talking|talked|speak|speaking|spoke) (?:with|to) you (?:at|in|during|the other|last|yesterday|on)|(?:reschedul|rebook|rebooked|moved|move|bumped|squeezed)[a-z]* (?:you|your)",
        r"(?:switch|switching|switched|change|changing|changed) (?:to another|to a new|practices|clinics|dentists|doctors|your dentist|your doctor)|(?:left|leaving|leave) (?:our|the|this) (?:practice|clinic|office) (?:for|to)",
        r"(?:was|were) (?:in )?(?:good|great|safe|the best) hands|in (?:good|great|safe) hands",
    ),
    exclusions=(
        r"your (?:message|review|comment|feedback|note|concerns?|question|time|patience|understanding|attention)",
        r"(?:file|filing) (?:a )?(?:complaint|request|claim)",
        r"whether or not [a-z ]{0,40}",
        r"(?:whether|if) (?:or not )?(?:anyone|someone|somebody|a person|this person|the author|the writer|any person|anybody)(?: [a-z]+){0,2} (?:is|was|has been|have been) (?:or was )?(?:a |our |ever )?(?:patient|client)s?(?: (?:of|at|with) (?:our|the|this) (?:practice|clinic|office))?",
        r"(?:neither|cannot|can not|can t|not) (?:confirm|deny)(?: (?:nor|or) (?:confirm|deny))? [a-z ]{0,80}",
        # thanks for waiting on our answer; a message (not a person) in good hands
        r"(?:thank you|thanks|we appreciate you|we thank you) for (?:being patient|your patience)",
        r"(?:your|this|the) (?:message|comment|comments|feedback|request|complaint|concern|concerns|note) (?:is|are) in (?:good|safe) hands",
    ),
)

EN_COUNTER = Rule(
    name="en_counter_attack",
    family="counter_attack",
    severity=Severity.BLOCK,
    description="La réponse (en anglais) contre-attaque : mensonge, état d'esprit, sarcasme, menace.",
    explanation=(
        "« {text} » s'en prend à l'auteur de l'avis (accusation, jugement sur son état "
        "d'esprit, ironie ou menace) : une réponse insultante peut excuser l'injure (art. 33, "
        "provocation). Retirez ce passage."
    ),
    patterns=(
        r"(?:you re|you are|youre|you were) (?:lying|a liar|dishonest|exaggerating|mistaken|wrong|confused|rude|aggressive|abusive|unreasonable|being dramatic|clearly upset)",
        r"(?:lie|lies|lying|liar|false|untrue|fake|fabricated|made up|defamatory|slanderous|libel(?:ous)?) (?:review|claims?|accusations?|statements?|story|allegations?)|(?:this|that|your) (?:review|post|comment) is (?:false|fake|untrue|defamatory|a lie)",
        r"(?:not|never) what (?:really )?happened|(?:bad faith|attention seeking|settl(?:e|es|ing) (?:a )?scores?|play(?:s|ing)? the victim|ask yourself|look in the mirror|calm down|get over it|grow up)",
        r"(?:our|my|the practice s|the clinic s) (?:lawyer|lawyers|attorney|attorneys|legal counsel|legal team|counsel|solicitor)|legal (?:action|proceedings|steps|counsel|measures)|(?:sue|suing|take you to court|see you in court|small claims)",
        r"(?:showing|show) up on time|(?:next time|perhaps|maybe) (?:try|read|listen|follow)|(?:clearly|obviously|evidently) you (?:did not|didn t|don t|do not|never)|if you had (?:listened|followed|shown up|read)",
        r"(?:hope|hoping) you (?:feel|felt) better (?:now )?(?:after|for) (?:venting|writing that)|(?:thanks|thank you) for the (?:free )?(?:publicity|advertising|laugh)",
    ),
)

EN_PROMOTION = Rule(
    name="en_promotion",
    family="promotion",
    severity=Severity.BLOCK,
    description="La réponse (en anglais) fait de la promotion ou sollicite des avis.",
    explanation=(
        "« {text} » fait la promotion du cabinet ou sollicite des avis : la déontologie "
        "interdit la publicité et l'usage de témoignages. Retirez ce passage."
    ),
    patterns=(
        r"(?:the )?(?:best|top|leading|number one|no 1|finest|greatest|top rated|highest rated|award winning) (?:dentist|dentists|dental|clinic|doctor|doctors|practice|care|team|office|service|in town|in montreal|in the city)",
        r"(?:5|five) stars?|(?:leave|write|post|share) (?:us )?(?:a |your |this |it )?(?:review|rating|feedback|experience|it|too)? ?(?:on|to) (?:google|yelp|facebook|instagram|social media|our page|your page|the web)|(?:leave|write|post) (?:us )?a (?:review|rating)|review us|rate us",
        r"(?:win|winner|giveaway|contest|draw|raffle|prize|discount|coupon|promo|promotion|special offer|% off|free (?:consultation|exam|whitening|cleaning|check ?up))",
        r"(?:book|schedule|reserve) (?:now|today|online|an appointment|your (?:next )?(?:appointment|visit|cleaning)|a visit)|new patients (?:welcome|are welcome)|refer (?:a friend|your friends|family)",
        r"(?:yelp|facebook|instagram|tiktok|trustpilot|ratemds)|(?:spread|share) the word|tell your friends",
        r"\d[\d, ]{0,12} (?:smiles|happy patients|patients|satisfied|reviews)|(?:happy|satisfied) (?:patients|customers|clients)",
        r"(?:thank you|thanks) (?:so much )?for (?:the |your )?(?:kind words|recommendation|referral|trust|loyalty|5|five|glowing|lovely|wonderful|great|positive) ?(?:review|stars?|words|rating|feedback)?|(?:glad|happy|pleased|delighted|thrilled) (?:that )?you (?:enjoyed|loved|liked|were (?:happy|satisfied|pleased))",
    ),
)

RULES = (EN_RELATIONSHIP, EN_COUNTER, EN_PROMOTION)

# Everyday senses of English care words, for the care rules' exclusions.
CARE_EXCLUSIONS = (
    r"(?:filling|fill|filled) (?:out|in)(?: (?:a|the|our|this|any|an|online|web|contact|short|request|feedback|complaint) ){0,3}(?:form|forms|survey|questionnaire|request)?",
    r"(?:filling|filled) (?:the )?(?:position|role|gap|slot)",
    r"cleaning (?:of |in )?(?:the |our )?(?:office|premises|waiting room|rooms|building|clinic|floors)",
    r"(?:the |this |such )?sensitivity (?:of|around) (?:this|the|these|such|that|your) (?:matter|topic|subject|issue|information|data)s?|sensitive (?:matter|topic|subject|information|data|issue)s?",
    r"freezing (?:weather|cold|temperatures|rain|outside|days|nights|mornings|drizzle)|(?:bleeding|painful) (?:heart|truth)",
    r"(?:as |where )?(?:prescribed|required) by (?:law|the law|regulations?|our (?:college|order|code))",
    r"by e ?mail|via e ?mail|(?:an|our|your|the) e ?mail|e ?mail (?:address|us|at)|par e ?mail|(?:ou|or|and|et) (?:par )?e ?mail",
)
