"""Rule families, each with varied phrasings of the unlawful shape and lawful near-misses.

The texts are written for these tests (not taken from any evaluation split): several wordings,
agents, languages and positions per family, so a fix has to cover the family, not one
sentence. Each row: text, rating (or None), expected label of the whole review.
"""

from __future__ import annotations

import pytest

from responders.classify import classify

DEFAMATION_FAMILIES: dict[str, list[tuple[str, int | None]]] = {
    # Fraud against an insurer, told in English, hedged or not.
    "insurer_en": [
        ("I heard that he bills the insurance company for cleanings he never does.", 1),
        ("They submitted a claim to my insurer for a root canal I never had.", 1),
        ("This dentist commits insurance fraud, my mother's claims were padded.", 2),
        ("The office billed my insurance for two fillings, I only got one.", 1),
        ("Word is the doctor sends bogus claims to Blue Cross.", None),
        ("She charged my insurance for a deep cleaning that she did not do.", 1),
    ],
    # Prescriptions or sick notes traded for money.
    "prescriptions_for_money": [
        ("He sells oxycodone prescriptions for cash, everyone in town knows.", 1),
        ("I heard that the doctor writes prescriptions for cash under the table.", None),
        ("Ce médecin donne des ordonnances de morphine contre du liquide.", 1),
        ("Elle vend des ordonnances à qui paie en espèces.", None),
    ],
    # Billing one material or act, delivering another or fewer.
    "billed_other_than_delivered": [
        ("Facturé une couronne céramique, posé du métal bas de gamme.", 1),
        ("On m'a facturé de la céramique et j'ai eu une couronne en métal.", 2),
        ("Il a facturé deux actes et n'en a fait qu'un.", 1),
        ("Ils font payer la Sécu pour des détartrages qu'ils ne font même pas.", 1),
        ("They charged me for a porcelain crown and fitted a cheap metal one.", 1),
        ("Billed two procedures, did only one.", 1),
        ("La facture mentionne trois radios, je n'en ai eu aucune.", 1),
        ("Elle a déclaré un implant à ma mutuelle mais m'a posé un simple bridge.", 2),
    ],
    # Hygiene facts the writer says they saw.
    "hygiene_seen": [
        ("J'ai vu l'assistante passer d'un patient à l'autre sans changer de gants.", 1),
        ("Il m'a fait l'extraction sans gants, les mains nues dans ma bouche.", 1),
        ("Ils utilisent les mêmes instruments d'un patient à l'autre sans les stériliser.", 1),
        (
            "La fraise n'a pas été stérilisée, je l'ai vue sortir directement de la bouche du patient précédent.",
            1,
        ),
        ("No gloves, and he used the same tools he had used on the previous patient.", 1),
        ("I watched the hygienist wipe the probe with a tissue and use it on me.", 2),
        ("Les instruments sortaient du tiroir sans sachet de stérilisation.", 2),
    ],
    # Discrimination facts: refused, then accepted under another name.
    "discrimination": [
        (
            "Refusée au téléphone quand j'ai donné mon nom, acceptée le lendemain sous le nom de ma collègue.",
            1,
        ),
        ("Aucune place pour moi avec mon nom arabe, mon amie a eu un rendez-vous le jour même.", 1),
        (
            "When I gave my name there was no slot; my husband called with a French name and got one the same day.",
            1,
        ),
        ("Ils ont refusé mon fils parce qu'il est autiste.", 1),
        ("Il a refusé de me soigner à cause de mon voile.", 1),
        ("They refused to see my father because of his wheelchair.", 1),
    ],
    # Registration and qualification facts.
    "qualification": [
        ("Il n'est pas inscrit à l'Ordre des chirurgiens-dentistes, vérifiez par vous-mêmes.", 1),
        ("Elle n'a pas de numéro RPPS, j'ai cherché sur l'annuaire.", 1),
        ("Il a raté ses examens trois fois et il exerce quand même.", 1),
        ("C'est le prothésiste qui se fait passer pour le dentiste.", 1),
        ("L'assistante fait les détartrages en cachette quand le docteur est absent.", 1),
        ("Je serais curieuse de savoir si son diplôme est reconnu en France.", 2),
        ("Je me demande comment quelqu'un qui a raté son internat peut encore opérer.", 1),
        ("She is not registered with the College of Dentists.", 1),
        ("The denturist pretends to be a dentist and does fillings.", 1),
        ("He failed his board exams and still practises.", 1),
    ],
    # Theft by staff.
    "staff_theft": [
        ("L'assistante a pris 50 € dans mon portefeuille pendant que j'étais sur le fauteuil.", 1),
        ("La secrétaire s'est servie dans mon sac pendant ma radio.", 1),
        ("The receptionist took $40 out of my purse while I was in the chair.", 1),
        (
            "Quelqu'un du personnel a pris l'argent dans mon manteau, la secrétaire était seule dans la pièce.",
            1,
        ),
    ],
    # Breach of medical secrecy by the practitioner.
    "secrecy": [
        ("Le médecin a dit à ma mère que j'étais enceinte.", 1),
        ("Il a appelé mon employeur pour lui parler de ma dépression.", 1),
        ("The doctor told my boss about my diagnosis.", 1),
        ("Elle a annoncé ma grossesse à ma belle-mère avant moi.", 1),
        ("Le dentiste a raconté à mon patron que j'avais le VIH.", 1),
    ],
    # False statements to insurers or employers.
    "false_statements": [
        ("Il a déclaré à mon assurance que ma fracture datait d'avant l'accident, c'est faux.", 1),
        ("Elle a écrit à mon employeur que je simulais alors qu'elle ne m'a jamais examinée.", 1),
        ("He told my insurance company I missed the appointment when I was there.", 1),
        ("Le médecin a fait une fausse déclaration à la CNESST.", 1),
    ],
    # A defamation passage buried in a long positive review wins whatever the rating.
    "buried_in_praise": [
        (
            "Équipe adorable, salle d'attente agréable et secrétaire très souriante. Le dentiste "
            "explique bien et prend son temps. Par contre j'ai vu l'assistante réutiliser les mêmes "
            "gants pour le patient suivant. Sinon tout est parfait, je recommande.",
            5,
        ),
        (
            "Great location, friendly staff and easy parking. The dentist was gentle. I later found "
            "out he billed my insurance for a filling he never did. Otherwise a nice office.",
            4,
        ),
        (
            "Très bon accueil, locaux modernes, je recommande pour les enfants. Petit bémol : il "
            "paraît que le docteur n'est pas inscrit à l'Ordre. À part ça rien à redire.",
            5,
        ),
    ],
}

INSULT_FAMILY: list[tuple[str, int | None]] = [
    ("Dentiste véreux.", 1),
    ("Quel minable, ce toubib.", 1),
    ("Ce maquignon m'a vendu trois couronnes.", 1),
    ("Une vraie tanche, cette secrétaire.", 1),
    ("Le clampin de l'accueil ne sait pas lire un agenda.", 1),
    ("Un clown en blouse blanche.", 1),
    ("Guignol !", 1),
    ("Bande d'incapables !", 1),
    ("Espèce de pourri.", 1),
    ("Sti de cave, tu m'as fait attendre trois heures.", 1),
    ("Gros c.o.n, va.", 1),
    ("He's an absolute clown.", 1),
    ("The doctor is a walking joke.", 1),
    ("Total quack.", 1),
    ("What an idiot.", 1),
    ("Le plus abruti des dentistes que j'ai croisés.", 1),
    ("La secrétaire la plus conne que j'aie jamais vue.", 1),
    ("Biggest idiot I have ever met.", 1),
]

SARCASM_FAMILY: list[tuple[str, int | None]] = [
    (
        "Super dentiste ! Trois heures d'attente, une dent cassée et 200 € de plus sur la facture. Bravo vraiment.",
        5,
    ),
    (
        "Accueil génial : on m'a raccroché au nez deux fois et le rendez-vous a été annulé sans prévenir. Bravo vraiment !",
        5,
    ),
    ("Excellent service, attendu 2 h pour 5 minutes de consultation. Bravo, vraiment.", 5),
]

# Lawful near-misses for the families above: they must stay criticism or praise.
LAWFUL_NEAR_MISSES: list[tuple[str, int | None, str]] = [
    ("Incompétent et hautain, à fuir.", 1, "criticism"),
    (
        "Je ne comprends pas pourquoi on m'a facturé le code HBJD001, je pensais que le détartrage était compris.",
        2,
        "criticism",
    ),
    (
        "Je me demande pourquoi la radio a été facturée à part, ce n'était pas clair.",
        2,
        "criticism",
    ),
    ("Il m'a facturé deux actes, un détartrage et une radio, c'est cher.", 2, "criticism"),
    ("Ma couronne en céramique est magnifique, merci !", 5, "praise"),
    ("Je suis enceinte et le médecin a été adorable avec moi.", 5, "praise"),
    (
        "J'ai dit moi-même à mon employeur que j'étais en arrêt, le médecin m'a bien conseillée.",
        4,
        "praise",
    ),
    (
        "Elle a mis des gants et un masque, les instruments sortaient de leur sachet stérile.",
        5,
        "praise",
    ),
    ("Le prothésiste a fait un travail superbe sur mon appareil.", 5, "praise"),
    ("Je me demande comment elle fait pour rester si calme avec les enfants.", 5, "praise"),
    ("Le service est pourri, trois heures d'attente.", 1, "criticism"),
    ("Le dentiste le plus doux que j'ai croisé.", 5, "praise"),
    (
        "On m'a volé mon portefeuille dans le métro avant le rendez-vous, l'équipe a été adorable.",
        5,
        "praise",
    ),
    ("I heard great things about her and it was all true.", 5, "praise"),
    ("Insurance didn't cover the crown and the bill was expensive.", 2, "criticism"),
    ("The dentist is incompetent and rude, avoid.", 1, "criticism"),
    ("Il m'a refusé un arrêt de travail, je trouve ça injuste.", 2, "criticism"),
    ("Mon diplôme d'infirmière m'aide à juger : ici c'est sérieux.", 5, "praise"),
    (
        "J'ai eu une infection après l'extraction, j'ai dû prendre des antibiotiques.",
        2,
        "criticism",
    ),
    (
        "Il ne m'a pas expliqué pourquoi il a posé une couronne en métal plutôt qu'en céramique.",
        2,
        "criticism",
    ),
    ("Une dent cassée, trois heures d'attente, je suis très déçue.", 1, "criticism"),
    ("Le clown de l'hôpital a fait rire mon fils, merci à toute l'équipe.", 5, "praise"),
    ("I had to wait two hours and the doctor was dismissive.", 1, "criticism"),
    ("Très bonne dentiste, un peu d'attente. Bravo vraiment !", 5, "praise"),
    ("Le dentiste le plus nul que j'ai vu, trois heures d'attente.", 1, "criticism"),
    ("Le docteur Pitre est très doux, merci.", 5, "praise"),
    ("Y a t il un parking ? Oui, et l'équipe est top.", 5, "praise"),
    ("Tarifs élevés et je n'ai pas compris la facture, à éviter.", 1, "criticism"),
]

# A second round of phrasings, written after the first fixes, so each family is checked on
# wordings the patterns were not first written from.
DEFAMATION_FAMILIES["second_round"] = [
    ("Apparently this clinic charges insurance for fluoride treatments nobody receives.", 1),
    ("My insurer got a bill for an extraction that was never performed.", 1),
    ("They put through a claim for a crown while I only got a temporary filling.", 1),
    ("Le cabinet a envoyé à ma mutuelle une facture pour un implant que je n'ai jamais eu.", 1),
    ("J'ai reçu le relevé de la RAMQ : trois visites facturées, je suis venue une fois.", 1),
    ("Ils ont compté à la Sécu une consultation alors que je n'ai vu personne.", 1),
    ("He got paid by my insurance for a deep cleaning he never did.", 2),
    ("On a payé pour de la zircone et c'est une couronne en résine qu'il a posée.", 1),
    (
        "Devis en céramique, facture en céramique, mais un autre dentiste a vu que c'était du métal.",
        1,
    ),
    ("I paid for gold and got nickel.", 1),
    ("Facturé comme un implant, c'était un simple bridge.", 1),
    ("Elle n'a même pas changé ses gants après avoir touché son téléphone.", 1),
    ("Le dentiste a ramassé la fraise tombée par terre et l'a remise dans ma bouche.", 1),
    ("I saw the assistant take the mirror from the last patient's tray and use it on me.", 1),
    ("Personne ne porte de masque ni de gants dans ce cabinet.", 1),
    ("He didn't wear gloves during the whole extraction.", 1),
    ("Les seringues traînaient déjà ouvertes sur le plateau du patient précédent.", 1),
    ("La secrétaire m'a dit qu'ils ne prenaient pas 'les gens comme moi' en voyant mon voile.", 1),
    ("Ils m'ont raccroché au nez en entendant mon accent, puis ma femme a eu un rendez-vous.", 1),
    ("Refusé parce que j'ai la CSS, mais ils acceptent tout le monde qui paie plein tarif.", 1),
    ("Ce n'est pas un dentiste, c'est un denturologiste qui fait des extractions.", 1),
    ("Son numéro n'existe pas au tableau de l'Ordre, j'ai vérifié.", 1),
    ("La soi-disant hygiéniste n'a aucun diplôme, elle me l'a avoué.", 1),
    ("He isn't even a real orthodontist, just a general dentist calling himself one.", 1),
    ("Je serais curieux de savoir où il a eu son diplôme.", 2),
    (
        "Je me demande comment quelqu'un qui a échoué trois fois à ses examens peut encore pratiquer.",
        1,
    ),
    ("I'd love to know if she actually finished dental school.", 1),
    (
        "En sortant j'ai vu qu'il manquait 100 € dans mon sac, resté dans la salle de soin avec l'assistante.",
        1,
    ),
    ("The hygienist went through my purse while I was getting an X-ray and took my cash.", 1),
    ("La réceptionniste a gardé la monnaie de mon paiement en liquide et a nié.", 1),
    ("Le médecin a expliqué à mon mari que j'avais fait une IVG, sans me demander.", 1),
    ("My dentist told my mom about my eating disorder.", 1),
    ("Elle a parlé de ma séropositivité devant toute la salle d'attente.", 1),
    ("Le docteur a appelé mon patron pour lui dire que je faisais une dépression.", 1),
    ("Il a écrit dans son rapport à la SAAQ que j'étais guéri, c'est faux.", 1),
    ("She told the insurance I was a no-show when I was sitting in the waiting room.", 1),
    ("Le médecin a menti à mon employeur sur mes arrêts.", 1),
    ("J'ai entendu dire qu'il vend des ordonnances d'oxycodone.", None),
    ("On raconte que la dentiste n'a jamais terminé ses études.", None),
    ("Rumour has it he was struck off in France before moving here.", None),
]
INSULT_FAMILY += [
    ("Espèce de nullard.", 1),
    ("Bande de véreux !", 1),
    ("Ce guignol m'a fait poireauter.", 1),
    ("Une belle bande de clowns.", 1),
    ("Quelle tanche cette réceptionniste.", 1),
    ("Le dentiste est un vrai minable.", 1),
    ("Sti de crosseur de dentiste.", 1),
    ("Ostie de cave.", 1),
    ("c-o-n-n-a-r-d", 1),
    ("Gros c*n.", 1),
    ("What a buffoon.", 1),
    ("This dentist is an absolute joke.", 1),
    ("Dr. Lee is a quack and a clown.", 1),
    ("The receptionist is a complete idiot.", 1),
    ("Le médecin le plus débile que j'ai jamais vu.", 1),
    ("La pire sorcière de tout le Québec.", 1),
    ("Biggest moron in town.", 1),
    ("T'es rien qu'un maquignon.", 1),
    ("Pourri de dentiste.", 1),
]
LAWFUL_NEAR_MISSES += [
    ("Très déçue, incompétent et hautain.", 1, "criticism"),
    ("Le pire dentiste que j'ai connu, à fuir.", 1, "criticism"),
    ("Pourri comme service.", 1, "criticism"),
    ("Quel cirque cette clinique, aucune organisation.", 1, "criticism"),
    ("My insurance refused the claim, so I had to pay out of pocket.", 2, "criticism"),
    ("La secrétaire a dit à ma mère où se garer, très gentille.", 5, "praise"),
    ("J'ai dit à mon patron que j'avais un rendez-vous chez le dentiste.", 4, "praise"),
    (
        "Le dentiste m'a demandé si je préférais la céramique ou le métal, bien expliqué.",
        5,
        "praise",
    ),
    ("I told my boss about this clinic, he loved it.", 5, "praise"),
    ("J'ai raté mon rendez-vous et ils m'ont facturé quand même, un peu abusé.", 2, "criticism"),
    ("Ils ont refusé de me prendre sans rendez-vous, dommage.", 2, "criticism"),
    ("Le clown thérapeutique de l'hôpital est génial.", 5, "praise"),
    ("Elle a changé de gants devant moi, très rassurant.", 5, "praise"),
    ("La couronne facturée 900 €, c'est une arnaque.", 1, "criticism"),
]
# Lawful reviews sharing the vocabulary of the broadened families: none may be flagged.
NEVER_FLAGGED = [
    "Ma mutuelle ne m'a jamais remboursé la facture du dentiste, quelle galère.",
    "J'ai envoyé la facture à ma mutuelle et je n'ai jamais eu de réponse.",
    "The insurance never paid the claim and the office kept sending me bills.",
    "La RAMQ ne couvre pas les radios, on me les a facturées, je ne savais pas.",
    "Le dentiste a facturé la consultation à la Sécu, je n'ai rien payé, super.",
    "I only had one cleaning this year because insurance covers just one.",
    "Insurance was billed directly, I never had to pay anything up front, great service.",
    "La facture de la mutuelle est arrivée une seule fois, tout était clair.",
    "Je suis venue une seule fois et la facture était correcte.",
    "Ils ont refusé de me prendre en urgence malgré mon handicap, j'ai trouvé ça dur.",
    "Très accessible en fauteuil roulant, ils n'ont jamais refusé de nous aider.",
    "Ils acceptent la CMU sans problème, jamais eu de refus.",
    "Mon fils autiste a été très bien accueilli, aucun refus, merci.",
    "Le dentiste a refusé d'arracher la dent, il préférait la soigner, mon accent ne l'a pas gêné.",
    "Pas de place avant trois mois, c'est long quand on est handicapé.",
    "They turned us away because they were fully booked, my wheelchair was not the problem.",
    "Le dentiste ne met ses gants qu'après m'avoir salué, normal.",
    "Elle n'a pas eu besoin de changer de gants, le soin était court.",
    "Je n'ai pas aimé qu'il mette des gants aussi tard, mais c'est propre.",
    "Il ne porte pas de masque à l'accueil mais en soin oui.",
    "The dentist did not wear a mask at the front desk, which is fine.",
    "Ma couronne en céramique a remplacé un vieux plombage en amalgame, super travail.",
    "Le devis était en céramique, mais on a choisi le métal pour le prix, bien conseillé.",
    "J'ai payé la zircone plus cher mais c'est magnifique, mieux que le métal.",
    "Facturé comme prévu, c'était un simple détartrage.",
    "Ce n'est pas un dentiste, c'est une équipe entière qui s'occupe de vous !",
    "Il se dit spécialiste des enfants et c'est vrai, mon fils l'adore.",
    "J'ai échoué à mon examen de conduite le matin, mais le dentiste m'a remonté le moral.",
    "La fraise est tombée par terre et elle en a pris une neuve, très pro.",
    "Le plateau du patient précédent a été nettoyé devant moi.",
    "Il manquait un papier dans mon dossier, la secrétaire l'a réclamé gentiment.",
    "J'ai oublié mon portefeuille dans la salle d'attente et la secrétaire me l'a rendu avec tout l'argent.",
    "Le docteur a dit à ma mère de bien me surveiller après l'anesthésie.",
    "Le médecin a expliqué à mon mari comment changer le pansement.",
    "My doctor told my mom to bring me back in a week, very caring.",
    "Il a écrit à mon employeur que je devais rester en arrêt deux semaines, merci.",
    "Le médecin a dit à mon employeur que j'étais apte alors que j'avais encore mal, pas d'accord avec lui.",
    "Devis de 900 € pour une couronne, j'ai payé et c'était cher mais c'est bien fait.",
    "Je suis venu une fois pour une urgence, ils ont été top.",
    "Refusée en urgence parce qu'ils étaient complets, voilà.",
    "Elle a refusé de me prescrire des antibiotiques, personne ne m'a expliqué pourquoi.",
]

# Third round: long mixed reviews, hedged questions and English, written before any fix.
DEFAMATION_FAMILIES["third_round"] = [
    (
        "Le Dr Caron est adorable et sa salle d'attente est superbe. Petit détail quand même : il a compté à ma mutuelle deux couronnes alors qu'il n'en a posé qu'une. Sinon je recommande !",
        5,
    ),
    (
        "Très bon cabinet dans l'ensemble, personnel souriant, horaires pratiques. J'ai quand même remarqué que l'hygiéniste ne changeait pas de gants entre deux patients. Cinq étoiles pour l'accueil.",
        5,
    ),
    (
        "Great dentist, very gentle. However, I later found out the office billed my insurer for three X-rays when I had none. Still, nice staff.",
        4,
    ),
    (
        "I was told by a former employee that the dentist pays cash under the table to his assistants.",
        None,
    ),
    ("He charges patients for nitrous oxide and never actually turns it on.", 1),
    ("She charged my dental plan for a scaling, I only had a quick polish.", 1),
    ("Ils déclarent des séances de kiné qui n'ont jamais eu lieu.", 1),
    ("Le dentiste a mis du composite et m'a facturé de la céramique.", 1),
    ("Il fait passer des blanchiments pour des soins remboursés auprès de la mutuelle.", 1),
    (
        "On m'a fait payer un implant en titane alors que la radio montre une simple vis en acier.",
        1,
    ),
    (
        "La dentiste ne se lave jamais les mains entre les patients, je l'ai observée toute la matinée.",
        1,
    ),
    (
        "J'ai vu l'assistante sortir les instruments de l'évier et les poser directement sur mon plateau.",
        1,
    ),
    ("The needle he used came out of an open package lying on the counter.", 1),
    ("Ils ont refusé mon inscription quand ils ont vu que j'étais à l'aide sociale.", 1),
    ("La secrétaire a dit qu'il ne prenait pas les patients CMU, textuellement.", 1),
    ("They wouldn't book my son once they heard he has Down syndrome.", 1),
    (
        "Cette prétendue orthodontiste est en fait dentiste généraliste, elle n'a aucune spécialisation.",
        1,
    ),
    (
        "Le dentiste n'a jamais obtenu son diplôme en France, il exerce avec un diplôme non reconnu.",
        1,
    ),
    ("Il paraît qu'il a été radié au Maroc avant de venir ici.", None),
    ("Is she even licensed? I couldn't find her on the Order's registry.", 1),
    (
        "Le remplaçant n'est qu'un étudiant de cinquième année, il n'a pas le droit de faire des extractions seul.",
        1,
    ),
    (
        "Mon portefeuille était plein quand je l'ai laissé à l'accueil, il manquait 60 € en le récupérant.",
        1,
    ),
    ("The dental assistant stole painkillers from my bag.", 1),
    ("La pharmacienne a raconté ma séropositivité à ma voisine.", 1),
    ("He discussed my HIV status with my employer without asking me.", 1),
    ("Le psychiatre a envoyé mon dossier à mon employeur sans mon accord.", 1),
    ("Le médecin a certifié à l'assurance que j'étais consolidé sans même m'avoir examiné.", 1),
    ("She wrote to my employer that I had been drinking, which is a lie.", 1),
    ("Je me demande combien de patients il a défigurés avant moi.", 1),
    ("On se demande s'il a vraiment fini ses études de dentaire.", 1),
    (
        "Je serais curieuse de savoir combien il facture à la Sécu pour des soins qu'il ne fait pas.",
        2,
    ),
    ("I heard she reuses the same needles.", None),
    ("Apparemment elle aurait perdu sa licence pendant un an.", None),
    ("Le chirurgien a opéré en étant complètement saoul, toute l'équipe le sait.", 1),
    ("L'assistant fait les piqûres d'anesthésie à la place du dentiste.", 1),
]
INSULT_FAMILY += [
    ("Vieux schnock.", 1),
    ("Quelle bande de branquignols.", 1),
    ("Médecin = escroc, point.", 1),
    ("Ce toubib est une vraie tanche.", 1),
    ("Réceptionniste mal élevée, une vraie pétasse.", 1),
    ("What a moron.", 1),
    ("The dentist is a dimwit.", 1),
    ("Cette conne de secrétaire.", 1),
    ("Le pire charlatan du coin.", 1),
    ("Tabarnak de crosseur.", 1),
    ("Gang de caves.", 1),
    ("Dr Roy, un sale type.", 1),
    ("Minable, ce docteur, un vrai nul.", 1),
    ("Une incapable de première.", 1),
    ("C'est un gros naze.", 1),
]
NEVER_FLAGGED += [
    "Le dentiste a refusé de poser l'implant car j'ai du diabète, il m'a orientée vers un spécialiste.",
    "Ils ne prennent plus de nouveaux patients, même pour les gens comme moi qui habitent à côté.",
    "J'ai demandé à être remboursé par ma mutuelle et ils ne m'ont jamais répondu.",
    "The insurance company denied my claim even though the work was done.",
    "La couronne en céramique coûtait trop cher, il a proposé du métal, j'ai accepté.",
    "On m'a facturé deux fois le parking, c'est le parking de l'hôpital le problème.",
    "Je ne suis pas sûre que ce dentiste ait beaucoup d'expérience, il a hésité longtemps.",
    "Il n'a pas mis de gants pour me serrer la main, normal.",
    "Mon dossier a été transmis à mon médecin traitant, comme je l'avais demandé.",
    "Le médecin a dit à ma fille que tout allait bien, ouf.",
    "Elle a refusé de me donner un arrêt de travail, je trouve ça abusé.",
    "On m'a fait payer la consultation alors que j'ai attendu 3 heures, scandaleux.",
    "Médecin incompétent, diagnostic raté, j'ai dû aller aux urgences.",
    "Le plus long rendez-vous de ma vie, trois heures pour une carie.",
    "Je me demande pourquoi j'ai attendu si longtemps pour venir, équipe géniale.",
    "La secrétaire est une vraie perle, merci.",
    "Mon mari m'a accompagnée, le médecin lui a expliqué le traitement avec mon accord.",
    "J'ai raconté à ma mère que le dentiste était génial.",
    "Elle a dit que les instruments étaient stérilisés à l'autoclave, j'ai vu le sachet.",
    "Il pratique des tarifs exorbitants, à fuir.",
    "J'ai eu un rendez-vous rapidement malgré mon fauteuil roulant, cabinet adapté.",
    "Le dentiste m'a prévenu que ma mutuelle ne rembourserait pas la céramique.",
    "Je trouve que les dentistes de ce cabinet facturent beaucoup d'actes, à vérifier sur vos relevés.",
    "I heard the wait times are long, and yes, I waited 40 minutes.",
    "Apparently they are the best in town, and it's true.",
    "Dentiste arrogant qui prend ses patients de haut, je ne reviendrai pas.",
    "Une catastrophe ambulante ce cabinet, trois rendez-vous annulés.",
    "Elle m'a traitée comme une idiote, très vexant.",
    "Le dentiste ne portait pas de masque pendant la discussion au bureau, il l'a mis pour le soin.",
    "Ils font payer les radios, la Sécu ne les rembourse pas entièrement.",
]

# Fourth round: praise openings with a fact inside, rumours, photos posted online, another
# practitioner's name, and more epithets and ironic five-star reviews.
DEFAMATION_FAMILIES["fourth_round"] = [
    (
        "Honnêtement le meilleur accueil de la ville, mais sachez que le dentiste facture des fluorures qu'il ne pose jamais.",
        5,
    ),
    (
        "Lovely staff. Sadly I discovered the hygienist is not registered with the college, she admitted it herself.",
        4,
    ),
    (
        "Cabinet moderne, très propre en apparence, pourtant j'ai vu le dentiste reprendre une fraise usagée dans la poubelle.",
        4,
    ),
    ("J'ai entendu dire que le docteur touche des commissions du laboratoire de prothèses.", None),
    ("Il paraîtrait qu'elle refuse les patients qui ont la CSS.", None),
    ("Rumeur ou pas, son assistante m'a confirmé qu'il n'a pas son diplôme de spécialiste.", None),
    (
        "The office manager told me they bill every patient for a full exam even when it's just a quick check.",
        2,
    ),
    ("Ils facturent systématiquement une radio panoramique même quand on n'en fait pas.", 1),
    ("Il a déclaré l'accident du travail comme une maladie pour arranger mon employeur.", 1),
    (
        "Le dentiste a dit à mon assurance que ma dent était déjà cassée avant l'accident, ce qui est faux.",
        1,
    ),
    ("My dentist gossiped about my abortion with his receptionist.", 1),
    ("He took photos of me in the chair and posted them online.", 1),
    ("Elle consulte sous le nom de sa sœur, qui elle est médecin.", 1),
    ("Ils ont refusé de soigner ma fille parce qu'elle est trisomique.", 1),
    ("The dentist refused me as soon as he heard my Arabic name.", 1),
]
INSULT_FAMILY += [
    ("Une vraie tache ce médecin.", 1),
    ("Bouffon de dentiste.", 1),
    ("Sale incompétent de merde.", 1),
    ("Quel gros lourdaud.", 1),
    ("He's a complete clown and a fraud.", 1),
    ("What a dumb quack.", 1),
    ("Le docteur le plus crétin de la ville.", 1),
]
SARCASM_FAMILY += [
    (
        "Wow, cinq étoiles pour l'attente ! Deux heures debout, la secrétaire qui soupire et le dentiste qui oublie mon dossier. Bravo vraiment.",
        5,
    ),
    (
        "Top du top : rendez-vous annulé trois fois, facture erronée, personne ne rappelle. Bravo, vraiment.",
        5,
    ),
    ("Merci pour la dent cassée et les trois heures d'attente, super expérience 🙄", 5),
]
LAWFUL_NEAR_MISSES += [
    (
        "Je ne comprends pas le code d'acte sur ma facture, la secrétaire n'a pas su m'expliquer.",
        2,
        "criticism",
    ),
    ("Je pense qu'on m'a facturé une radio de trop, j'attends une explication.", 2, "criticism"),
    ("J'ai fait une fausse couche et le médecin a été d'une grande douceur.", 5, "praise"),
    ("Mon cancer a été détecté à temps grâce à elle, merci infiniment.", 5, "praise"),
    (
        "Après l'extraction j'ai eu une infection, c'est le risque, rien à dire sur le dentiste.",
        4,
        "praise",
    ),
    ("Médecin froid, méprisant et incompétent, je le déconseille fortement.", 1, "criticism"),
    ("C'est une honte, on attend des heures, service lamentable, à fuir.", 1, "criticism"),
    ("Prix abusifs, une vraie arnaque ce cabinet.", 1, "criticism"),
    ("The dentist was arrogant and useless, worst experience ever.", 1, "criticism"),
    ("Il ne m'a jamais rappelé pour les résultats de ma biopsie.", 1, "criticism"),
    ("Je me demande si je n'aurais pas dû aller ailleurs, trop d'attente.", 2, "criticism"),
    ("J'ai entendu dire qu'il était excellent, et c'est vrai.", 5, "praise"),
    (
        "Mon mari m'a accompagnée et le dentiste lui a expliqué la suite avec mon accord.",
        5,
        "praise",
    ),
]
NEVER_FLAGGED += [
    "La secrétaire m'a dit que ma mutuelle ne couvrait pas le bridge.",
    "Le médecin a refusé de me prescrire des opioïdes, il a proposé autre chose.",
    "Il a fallu payer en liquide car le terminal était en panne.",
]

# Lawful reviews written against the broadened patterns themselves (billing rules, gloves not
# needed, a used bur thrown away, surnames, a cause that is not the attribute).
NEVER_FLAGGED += [
    "Le dentiste m'a facturé le détartrage qu'il n'a pas pu terminer, il m'a expliqué pourquoi et c'était logique.",
    "On m'a facturé une consultation que je n'ai pas pu honorer, j'avais oublié d'annuler, c'est la règle.",
    "Ils facturent les rendez-vous non annulés même quand on n'en a pas besoin, c'est écrit à l'accueil.",
    "I was billed for the visit even when it was just a quick check, that's their policy and it's fair.",
    "Ma mutuelle a remboursé la couronne alors que je pensais qu'elle ne la couvrait pas, bonne surprise.",
    "La Sécu a payé la consultation, je n'ai jamais eu à avancer d'argent.",
    "They billed my insurance directly and I only paid the difference, easy.",
    "Ils ont refusé de me donner un rendez-vous en urgence parce que le dentiste était en vacances.",
    "Refusée car le cabinet ne prend plus de nouveaux patients, même avec mon fils handicapé ils ne pouvaient rien faire.",
    "Accessible aux personnes handicapées, ils ne refusent personne.",
    "The clinic turned us away because my son had a fever, which makes sense.",
    "Elle n'a pas changé de gants parce qu'elle n'avait pas encore commencé le soin.",
    "Il a enlevé ses gants pour écrire l'ordonnance, puis en a remis des neufs.",
    "Les instruments étaient dans leur sachet stérile, ouverts devant moi.",
    "J'ai vu l'assistante jeter la fraise usagée à la poubelle, très rigoureux.",
    "Il a ramassé mon écharpe par terre, très gentil.",
    "Le remplaçant est un jeune dentiste très compétent.",
    "Elle exerce sous son nom de jeune fille, on l'a trouvée facilement sur l'annuaire.",
    "Je n'ai pas trouvé le cabinet sur Google Maps, l'adresse est mal indiquée.",
    "I couldn't find parking, but the dentist was great.",
    "Le dentiste a dit à mon fils qu'il devait mieux se brosser les dents.",
    "He told my mom the filling would last years, and it did.",
    "La secrétaire a parlé de mon rendez-vous avec mon mari au téléphone car je le lui avais demandé.",
    "J'ai parlé de ma grossesse avec ma sage-femme, très à l'écoute.",
    "Le médecin a écrit à mon employeur pour demander un aménagement de poste, merci.",
    "Il m'a facturé de la céramique et c'est bien de la céramique, très beau travail.",
    "Devis en céramique respecté, couronne en céramique posée, rien à dire.",
    "J'ai payé la couronne en zircone, elle est magnifique.",
    "Il manquait un document dans mon sac, j'ai dû revenir le lendemain.",
    "J'ai perdu 20 € dans le parking, rien à voir avec le cabinet.",
    "Je me demande comment il fait pour être aussi doux avec les enfants.",
    "Je serais curieuse de savoir pourquoi l'attente est si longue.",
    "Je me demande s'il a vraiment lu mon dossier, il m'a reposé les mêmes questions.",
    "Il a raté mon rendez-vous deux fois, pas sérieux.",
    "La dentiste a échoué à me rassurer, j'avais très peur.",
    "Mon fils a raté ses examens à cause de la douleur, heureusement le dentiste nous a pris en urgence.",
    "On m'a dit que le docteur est très demandé, il faut réserver tôt.",
    "J'ai entendu dire que la salle d'attente était rénovée, c'est vrai que c'est beau.",
    "Le dentiste le plus gentil que j'ai croisé.",
    "C'est la secrétaire la plus efficace de la ville.",
    "Le clown de l'anniversaire de mon fils était moins drôle que ce dentiste, haha.",
    "Bande de rigolos à l'accueil, toujours de bonne humeur !",
    "Gros bisous à toute l'équipe.",
    "Service pourri, attente pourrie, je ne reviendrai pas.",
    "Docteur Pitre et docteure Tanche sont très compétents.",
    "C'est un cabinet véreux dans ses tarifs, trop cher.",
    "They charged me for a porcelain crown, it is porcelain and it looks great.",
    "Il ne porte pas de gants pour prendre la tension, c'est normal.",
    "Il a refusé de me soigner sans rendez-vous car il était complet, mon accent n'y est pour rien.",
]

# Fifth round: claims for absent patients, double counting per visit, devices swapped, the
# same pair of gloves, refusals compared with another caller, secrets shared with parents,
# hedged questions on the right to practise, and long five-star reviews.
DEFAMATION_FAMILIES["fifth_round"] = [
    ("I heard that the dentist files claims for patients who moved away years ago.", None),
    ("I heard that she tells insurers that cleanings took an hour when they take ten minutes.", 1),
    ("Someone at the front desk told me the doctor sells Adderall prescriptions.", 1),
    ("He billed my insurance for sedation I never got.", 1),
    ("They invoice the insurance company as if each filling were on a separate day.", 1),
    ("Facturé un bridge trois éléments, posé deux couronnes séparées bon marché.", 1),
    ("Le labo m'a confirmé que la prothèse facturée en céramique est en résine.", 1),
    ("Ils compte deux détartrages par séance à la Sécu.", 1),
    ("Le dentiste enchaîne les patients avec la même paire de gants, je l'ai vu faire.", 1),
    ("Pas de gants, pas de masque, et la turbine sortait directement du tiroir.", 1),
    ("I saw her reuse a needle on the next patient.", 1),
    ("Quand j'ai dit que j'étais à l'AME, la secrétaire a soudain trouvé l'agenda complet.", 1),
    (
        "Mon mari, qui est noir, s'est vu refuser un rendez-vous que j'ai obtenu cinq minutes après au téléphone.",
        1,
    ),
    ("On m'a refusé parce que mon fils est en fauteuil.", 1),
    ("Elle n'est pas inscrite à l'Ordre des dentistes du Québec, j'ai vérifié sur leur site.", 1),
    ("Le soi-disant spécialiste n'a aucun titre de spécialiste, il est généraliste.", 1),
    ("The hygienist does fillings, which only dentists are allowed to do.", 1),
    ("La secrétaire m'a volé ma carte bleue pendant que je remplissais le formulaire.", 1),
    ("My wallet was in the treatment room with the assistant and came back empty.", 1),
    ("Le médecin a révélé ma dépression à mon mari lors d'un repas.", 1),
    ("Elle a prévenu mon employeur de mon hospitalisation psychiatrique.", 1),
    ("He told my parents I was on birth control.", 1),
    (
        "Le médecin a attesté auprès de mon assurance que je n'avais pas de séquelles, sans jamais m'ausculter.",
        1,
    ),
    ("Elle a écrit un faux certificat pour mon ex-mari contre moi.", 1),
    ("Je serais curieuse de savoir s'il a vraiment le droit d'exercer en France.", None),
    (
        "Je me demande comment quelqu'un qui a été suspendu deux fois peut encore recevoir des patients.",
        None,
    ),
    (
        "Excellent accueil, locaux neufs, équipe jeune et dynamique, rendez-vous rapide, je recommande. Seul souci : le dentiste m'a facturé une dévitalisation qu'il n'a jamais faite.",
        5,
    ),
    (
        "Top dentist, fast and painless, 5 stars. But heads up: the assistant told my sister about my pregnancy before I did.",
        5,
    ),
]
INSULT_FAMILY += [
    ("Véreux et menteur.", 1),
    ("Guignol en blouse.", 1),
    ("Vraie bande de clowns à l'accueil.", 1),
    ("Clampin.", 1),
    ("Gros c.o.n de dentiste.", 1),
    ("Sti de niaiseux.", 1),
    ("Quack doctor, avoid.", 1),
    ("He is an idiot.", 1),
    ("Le plus gros abruti du Québec.", 1),
    ("Espèce de pourriture.", 1),
    ("This guy is a walking joke.", 1),
]
NEVER_FLAGGED += [
    "Le dentiste m'a facturé 200 € pour une dévitalisation, c'est cher mais bien fait.",
    "I heard the new hygienist is great, and she was.",
    "Je me demande pourquoi on m'a facturé une radio, je pensais qu'elle était comprise dans le forfait.",
    "I'm not sure why my insurance was billed for a separate exam, maybe it's normal.",
    "Le dentiste a refusé de faire l'implant, il m'a dit que mon os était trop fin.",
    "La secrétaire a appelé mon mari pour décaler le rendez-vous, à ma demande.",
    "Enceinte de 6 mois, j'avais peur, mais le dentiste a été parfait.",
    "Je suis diabétique et le médecin a adapté le traitement, merci.",
    "J'ai perdu ma carte bleue au cabinet, ils me l'ont rendue le lendemain.",
    "Le médecin m'a conseillé de parler de ma dépression à mon employeur.",
    "Elle a mis des gants neufs devant moi.",
    "Incompétent, arrogant, une arnaque. À fuir.",
    "Nul, nul, nul. Le pire dentiste.",
    "Dentiste minable, travail bâclé.",
]

# Lawful reviews written against the fifth round (attributes mentioned without a refusal, a
# colleague suspended from work, a bag emptied by its owner, claims handled for others).
NEVER_FLAGGED += [
    "Quand j'ai dit que j'étais enceinte, la secrétaire m'a trouvé un créneau plus tôt, adorable.",
    "Quand j'ai dit que j'étais à la CMU, aucun problème, tout a été pris en charge.",
    "Agenda complet pendant un mois, c'est long, mais le dentiste est bon.",
    "My husband, who is black, was treated with great respect, thank you.",
    "Mon mari qui est handicapé a été reçu rapidement, cabinet accessible.",
    "They billed my insurance as if it were a regular visit, which it was.",
    "La couronne facturée en céramique est en céramique, j'ai vérifié avec le labo, parfait.",
    "Facturé une couronne, posé une couronne, rien à redire.",
    "Mon collègue qui a été suspendu du travail m'a recommandé ce dentiste.",
    "Only dentists are allowed to do this, and she did it perfectly.",
    "Mon sac est revenu vide de l'hôpital, j'avais tout repris, rien à signaler.",
    "My bag came back from the cleaning room empty, as I had taken everything out.",
    "The doctor told my parents I needed glasses.",
    "Le médecin a parlé de ma grossesse avec moi pendant une heure.",
    "Ils comptent deux rendez-vous par an pour le suivi, c'est normal.",
    "Claims for patients who moved away are handled quickly by their staff.",
    "Le dentiste m'a demandé si j'avais la CSS, puis m'a expliqué les remboursements.",
    "Il paraît qu'il est très doux avec les enfants, c'est vrai.",
    "J'ai entendu dire que les tarifs avaient augmenté, effectivement c'est cher.",
    "I heard that parking is hard, and it was.",
    "Le dentiste a écrit à mon assurance pour justifier le traitement, très réactif.",
    "She wrote to my insurer to explain the treatment, very helpful.",
    "Il est pas diplômé en communication, ça c'est sûr, très froid.",
    "Les gants étaient bleus et le masque rose, sympa pour les enfants.",
    "Elle a changé de gants entre chaque étape, rassurant.",
    "On m'a refusé un rendez-vous car je n'avais pas ma carte vitale, dommage.",
    "He refused to see me because I was 30 minutes late, fair enough.",
    "Ils m'ont renvoyée chez moi parce que j'avais de la fièvre.",
    "Devis pour deux implants, la dentiste n'en a posé qu'un car l'os suffisait, et elle a corrigé la facture.",
    "The dentist only did one filling instead of two because the second tooth was fine, and only charged one.",
]

# Sixth round: care declared for a child who never came, gold paid and alloy fitted, sealants
# billed and never applied, instruments only rinsed, gloves touching the door then the mouth,
# a card number used online, secrets told to in-laws, records faxed to an employer.
DEFAMATION_FAMILIES["sixth_round"] = [
    ("La dentiste a déclaré à la mutuelle des soins pour mon fils, il n'est jamais venu.", 1),
    ("Je paie une couronne en or et je me retrouve avec un alliage gris, merci l'arnaque.", 1),
    ("Il a facturé trois consultations pour une seule visite.", 1),
    ("The dentist charged Medicaid for my kids' sealants but never put any on.", 1),
    ("I heard that they bill insurance for night guards nobody ever receives.", None),
    ("Elle ne stérilise rien, les instruments passent juste sous l'eau.", 1),
    ("The assistant wiped the drill with her sleeve and kept going.", 1),
    ("Même gant pour toucher la poignée de porte, l'ordinateur et ma bouche.", 1),
    ("Il ne prend pas les Noirs, il l'a dit à ma sœur au téléphone.", 1),
    (
        "On m'a dit qu'il n'y avait plus de place, mon collègue au nom bien français a eu un rendez-vous le lendemain.",
        1,
    ),
    ("Elle n'a pas de permis pour exercer au Québec, elle est inscrite seulement en France.", 1),
    ("L'assistante dentaire fait des dévitalisations seule, sans le dentiste.", 1),
    ("Il a raté l'examen de l'Ordre et il continue de soigner.", 1),
    (
        "L'hygiéniste a fouillé dans mon manteau pendant la radio, j'ai retrouvé mes poches vides.",
        1,
    ),
    ("The receptionist took my credit card number and used it online.", 1),
    ("Le médecin a raconté à mon beau-frère mes problèmes d'alcool.", 1),
    ("My doctor faxed my psychiatric records to my employer without permission.", 1),
    ("Il a indiqué à la CNESST que je n'étais pas venu au rendez-vous alors que j'étais là.", 1),
    ("Je me demande comment on peut garder son permis après avoir tué un patient.", None),
    (
        "Five stars for the staff, but the dentist himself was clearly drunk during my appointment.",
        5,
    ),
]
INSULT_FAMILY += [
    ("Espèce de véreux.", 1),
    ("Bande de minables.", 1),
    ("Maquignon !", 1),
    ("Une vraie tanche.", 1),
    ("What a clown.", 1),
    ("Dentist is a total idiot.", 1),
    ("Ostie de clown.", 1),
    ("Le plus grand guignol de la ville.", 1),
    ("C'est un incapable, un vrai.", 1),
    ("Gros c.o.n.", 1),
]
NEVER_FLAGGED += [
    "Je me demande si la facture inclut bien la radio, à vérifier.",
    "Le code CCAM sur ma facture me paraît bizarre, j'ai demandé des explications.",
    "Il ne stérilise pas les instruments devant les patients, c'est fait dans une autre salle, il m'a montré.",
    "On m'a dit qu'il n'y avait plus de place avant juin.",
    "Elle n'a pas de permis de conduire, elle vient en bus, anecdote sympa.",
    "L'assistante a fait la radio pendant que le dentiste préparait le soin.",
    "J'ai raté mon examen de conduite mais j'ai réussi ma visite chez le dentiste !",
    "J'ai fouillé dans mon manteau pour trouver ma carte vitale, la secrétaire a attendu patiemment.",
    "Le médecin a parlé à mon mari de mon traitement parce que je le lui avais demandé.",
    "Il a indiqué à la CNESST mes dates d'arrêt, rien à redire.",
    "Honnêtement, il est lent et pas très aimable, mais honnête sur les prix.",
    "Incompétent et désagréable, j'ai dû refaire le plombage ailleurs.",
    "Je me demande comment il fait pour voir autant de patients par jour.",
    "The dentist told my mother everything went well.",
    "They never billed my insurance, I had to do it myself, annoying.",
    "Cher, long, et le résultat est moyen.",
    "J'ai payé une couronne en céramique et j'ai bien une couronne en céramique.",
    "C'est la pire clinique, un vrai cirque.",
    "Le dentiste le plus lent que j'ai vu.",
    "Il a refusé de me soigner car j'avais une infection, il fallait d'abord des antibiotiques.",
    "La mutuelle a remboursé la consultation de mon fils, le dentiste n'est jamais en retard.",
    "Ma mère a été facturée normalement, elle n'est jamais venue avant et a été bien reçue.",
    "The insurance claim went through, I was never charged anything extra.",
    "They billed my dental plan and never put any pressure on me to pay, great.",
    "Je paie en deux fois et je me retrouve avec un beau sourire.",
    "J'ai payé la couronne en céramique et je me retrouve avec une couronne en céramique parfaite.",
    "Elle a essuyé mes larmes avec un mouchoir, très humaine.",
    "Même gant blanc pour toute l'équipe, c'est leur uniforme.",
    "Il a raté l'examen de passage de mon fils, désolé je voulais dire la radio, bref tout va bien.",
    "Le médecin a raconté à mon beau-frère une blague sur les dentistes.",
    "The doctor sent my records to my new dentist with my consent.",
    "J'ai noté mon numéro de carte vitale sur le formulaire en ligne.",
]

# Seventh round: an inlay billed and a filling found, a full series billed and two taken,
# sessions declared for a child, needles from the sharps bin, refusals after mentioning a
# wheelchair, change kept, certificates written without seeing the patient.
DEFAMATION_FAMILIES["seventh_round"] = [
    (
        "Le dentiste m'a facturé un inlay en céramique, mon nouveau dentiste a trouvé un simple plombage.",
        1,
    ),
    ("She bills the plan for a full series of X-rays and only takes two.", 1),
    ("Ils ont déclaré trois séances d'orthophonie à la mutuelle, mon fils en a fait une.", 1),
    ("L'aiguille avait déjà servi, elle l'a sortie de la poubelle à aiguilles.", 1),
    ("No sterilization pouches, the tools come straight out of a drawer.", 1),
    ("Dès que j'ai parlé de mon fauteuil roulant, plus aucune disponibilité.", 1),
    (
        "I'm pretty sure he's not a licensed dentist in this province, his name isn't on the list.",
        1,
    ),
    ("Sa secrétaire fait les prises de sang alors qu'elle n'a aucune formation d'infirmière.", 1),
    ("La réceptionniste a gardé 40 $ de trop sur mon paiement comptant et refuse de le rendre.", 1),
    ("The dentist told my wife about my STD.", 1),
    ("Le médecin a transmis mes résultats d'analyse à mon patron.", 1),
    ("Elle a rédigé un certificat disant que j'étais apte alors qu'elle ne m'a jamais vue.", 1),
    (
        "Adorable équipe, locaux propres, cinq étoiles… mais j'ai vu le dentiste se servir dans le sac d'une patiente.",
        5,
    ),
    ("On raconte qu'il prescrit des somnifères à qui le demande, sans consultation.", None),
    ("Je me demande s'il est vraiment inscrit à l'Ordre, son nom n'apparaît nulle part.", 2),
]
INSULT_FAMILY += [
    ("Espèce de maquignon.", 1),
    ("Quelle bande de véreux.", 1),
    ("Total clown.", 1),
    ("Une vraie nullarde.", 1),
    ("Sti de guignol.", 1),
    ("He is such a moron.", 1),
]
NEVER_FLAGGED += [
    "Le dentiste m'a facturé un inlay, plus cher qu'un plombage, mais il m'a expliqué pourquoi.",
    "L'aiguille était neuve, sortie de son emballage devant moi.",
    "Pas de disponibilité avant deux mois, c'est long.",
    "Sa secrétaire fait les prises de rendez-vous très efficacement.",
    "Le médecin a transmis mes résultats à mon médecin traitant, comme prévu.",
    "I'm pretty sure he's the best dentist in this province.",
    "La réceptionniste m'a rendu la monnaie, très aimable.",
    "Elle a rédigé un certificat pour l'école de mon fils, rapide.",
]

DEFAMATION_ROWS = [
    pytest.param(text, rating, id=f"{family}-{i}")
    for family, rows in DEFAMATION_FAMILIES.items()
    for i, (text, rating) in enumerate(rows)
]


@pytest.mark.parametrize(("text", "rating"), DEFAMATION_ROWS)
def test_defamation_families(text: str, rating: int | None) -> None:
    result = classify(text, rating)
    assert result.label == "defamation", (result.label, text)
    flagged = [p for p in result.passages if p.qualification == "defamation"]
    assert flagged and all(text[p.start : p.end] == p.text for p in flagged)


@pytest.mark.parametrize(("text", "rating"), INSULT_FAMILY)
def test_insult_family(text: str, rating: int | None) -> None:
    assert classify(text, rating).label == "insult"


@pytest.mark.parametrize(("text", "rating"), SARCASM_FAMILY)
def test_sarcastic_praise_is_criticism(text: str, rating: int | None) -> None:
    assert classify(text, rating).label == "criticism"


@pytest.mark.parametrize(("text", "rating", "label"), LAWFUL_NEAR_MISSES)
def test_lawful_near_misses(text: str, rating: int | None, label: str) -> None:
    assert classify(text, rating).label == label


@pytest.mark.parametrize("text", NEVER_FLAGGED)
def test_shared_vocabulary_is_not_flagged(text: str) -> None:
    assert classify(text, None).label not in ("insult", "defamation"), text
