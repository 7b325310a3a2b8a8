"""The positive model of a publishable reply: what it clears, what it sends to review.

The leaks below were written from the kinds of leak the reply policy forbids that keyword
rules tend to miss (shared history, paraphrased echoes, counter-attacks and promotion without
keywords, English care words); the safe replies are near misses written from the policy. None is
copied from an evaluation set.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from responders.guard import check
from responders.guard.publishable import model

LEAKS = [
    # shared history, relationship without the usual words
    "Bonjour, cela fait plus de quinze ans que nous vous voyons chaque printemps, merci de votre fidélité.",
    "Bonjour, toute votre famille compte pour nous depuis si longtemps.",
    "Bonjour, nous avons été ravis de bavarder avec vous l'autre jour dans la salle d'attente.",
    "Bonjour, après deux reports, nous avions pu vous trouver une place en fin de journée.",
    "Bonjour, nous avons dû déplacer votre créneau à l'après-midi, désolés.",
    "Bonjour, personne ne correspond à ce nom dans notre système.",
    "Bonjour, nous comprenons votre choix de changer de dentiste et vous souhaitons le meilleur.",
    "Bonjour, tu sais bien que t'es toujours la bienvenue ici !",
    "Hello, after all these years with us, we were sad to read this.",
    "Hi, we could not find anyone under that name in our system.",
    "Hello, it was lovely chatting with you at the front desk last week.",
    "Hi, we had to move you to the afternoon because the schedule was full.",
    # echo by paraphrase
    "Bonjour, nous sommes désolés d'apprendre ces difficultés à manger depuis l'été.",
    "Bonjour, un malaise comme celui-là doit être très impressionnant.",
    "Bonjour, nous espérons que votre père se remet bien de sa chute.",
    "Bonjour, ce que vous traversez en ce moment est difficile, courage.",
    "Bonjour, nous sommes navrés que vous ayez fini aux urgences le soir même.",
    "Hello, we are sorry to hear about the trouble chewing since the summer.",
    "Hi, that hockey accident must have been a real shock for your son.",
    "Hello, memory changes in a parent are never easy to live with.",
    "Hi, we hope you are feeling better now and sleeping through the night.",
    # counter-attack without keywords
    "Bonjour, peut-être faudrait-il vous poser les bonnes questions avant d'écrire.",
    "Bonjour, régler ses comptes sur Google n'est pas une solution.",
    "Bonjour, inutile de jouer les victimes.",
    "Bonjour, arriver à l'heure aiderait sans doute.",
    "Bonjour, votre message a été transmis à notre conseiller juridique.",
    "Hello, maybe ask yourself the right questions before posting.",
    "Hi, settling scores online never helps anyone.",
    "Hello, there is no need to play the victim here.",
    "Hi, perhaps try showing up on time next time.",
    "Hello, this has been forwarded to our legal counsel.",
    # promotion in figures or contests
    "Bonjour, plus de 2 000 sourires soignés depuis 2015 !",
    "Bonjour, laissez un avis et gagnez une brosse à dents électrique !",
    "Bonjour, partagez aussi votre avis sur Yelp, ça nous aide.",
    "Hello, over 2,000 smiles since 2015 and counting!",
    "Hi, leave a review this month to win an electric toothbrush!",
    "Hello, please share it on Yelp too!",
    # English care vocabulary
    "Hello, the freezing usually wears off within a few hours.",
    "Hi, some numbness after a filling is normal.",
    "Hello, gum recession can take time to settle after a graft.",
    "Hi, bleeding gums after a cleaning are common.",
    "Hello, the stitches will dissolve on their own.",
    "Hi, the crown was cemented properly.",
    "Hello, your bloodwork came back fine.",
    "Hi, the root canal was necessary.",
    "Hello, we are sorry the braces were uncomfortable.",
    "Hi, the prescription was sent to your pharmacy.",
    "Hello, scaling can leave the teeth a little sensitive.",
    # what the practice did for them, body, feelings about an event
    "Bonjour, nous avons tout fait pour vous soulager ce jour-là.",
    "Bonjour, l'équipe a pris le temps de tout vous expliquer.",
    "Hello, our team did everything possible to make you comfortable that day.",
    "Hi, the hygienist explained everything to you twice.",
    "Bonjour, nous comprenons que la peur de l'aiguille soit difficile à vivre.",
    "Bonjour, nous sommes heureux que vous ayez retrouvé le sourire.",
    "Hello, we're glad you can finally eat without pain.",
    "Hi, we understand how anxious you were in the chair.",
    "Bonjour, t'étais entre bonnes mains, voyons.",
    "Bonjour, ça nous fait plaisir de savoir que tout s'est bien passé.",
    "Hello, so glad everything went smoothly for you!",
    # a third batch of leaks
    'Bonjour, nous espérons que la rééducation se passe bien et que vous remarchez sans béquilles.',
    'Bonjour, on se souvient encore de votre rire dans la salle, revenez-nous vite !',
    'Bonjour, nous regrettons que la facture de votre fils ait été envoyée à la mauvaise adresse.',
    "Bonjour, l'assistante a bien retrouvé vos papiers d'assurance, tout est réglé.",
    "Bonjour, quelle drôle d'idée de publier ça alors que vous êtes partie fâchée sans payer.",
    "Bonjour, nous sommes heureux d'avoir pu vous dépanner un dimanche soir.",
    'Hello, we hope the new glasses are working out better than the old ones.',
    'Hi, sorry the numbing took so long to wear off on Friday.',
    'Hello, glad your little one was brave during the visit!',
    'Hi, some people will complain about anything, but thanks anyway.',
    'Hello, we miss seeing you at your six-month checkups.',
    'Hi, your husband was very kind to wait in the lobby the whole time.',
    "Bonjour, après votre accident de vélo, c'était normal d'avoir mal quelques jours.",
    'Bonjour, nous avons bien reçu le chèque, merci.',
    'Bonjour, vous nous manquez depuis votre déménagement à Laval !',
    # a fourth batch of leaks
    'Hello, we remember how nervous you were before the extraction.',
    "Hi, your daughter's braces should feel better in a few days.",
    'Hello, you were our last appointment that Friday, so the team was tired.',
    "Hi, we're glad the new medication is helping your blood pressure.",
    'Bonjour, on est contents que ta rage de dents soit passée.',
    "Bonjour, votre conjoint nous a appelés pour annuler, c'est noté.",
    "Hello, it's been a pleasure seeing your family grow over the years.",
    "Hi, we'll waive the missed-appointment fee this one time.",
    'Hello, maybe next time read the consent form before signing it.',
    "Bonjour, rappelez-vous que vous aviez signé le devis avant l'intervention.",
]

SAFE = [
    "Bonjour, nous respectons les règles qui nous sont prescrites par notre ordre professionnel.",
    "Bonjour, merci d'avoir pris le temps de partager votre avis. Le cabinet reste joignable par téléphone.",
    "Bonjour, le cabinet est ouvert du lundi au vendredi de 8 h à 20 h.",
    "Bonjour, le cabinet est accessible en fauteuil roulant, avec un stationnement sur place.",
    "Bonjour, soyez assuré que votre commentaire est entre bonnes mains : il a été transmis à la direction.",
    "Bonjour, la clinique est ouverte de 8h30 à 17h en semaine. Vous pouvez nous joindre au 514 555-0199.",
    "Bonjour, vous pouvez écrire à info@clinique-exemple.ca ; nous vous répondrons en privé.",
    "Bonjour, nous ne pouvons ni confirmer ni infirmer qu'une personne fréquente la clinique. Au plaisir d'en discuter par téléphone.",
    "Bonjour, nous prenons bonne note de vos remarques et demeurons disponibles pour en parler en privé.",
    "Bonjour, nous regrettons que ce message traduise une insatisfaction et vous invitons à contacter la direction.",
    "Bonjour, les questions de facturation sont traitées par le secrétariat, par téléphone ou par courriel.",
    "Madame, Monsieur, votre message a retenu notre attention. Le secrétariat reste à votre disposition.\nCordialement,\nCentre dentaire Saint-Laurent",
    "Bonjour, merci pour votre retour. Nous ne commentons jamais de situation individuelle en ligne.\nL'équipe de la Clinique médicale Rosemont",
    "Hello, thank you for taking the time to write. Our office does not comment on individual situations online; please contact us directly by phone.",
    "Hi, we have received your feedback. For privacy reasons we cannot discuss any details here, but our team is available by phone or email.",
    "Hello, thank you for your comments. We take all feedback seriously and invite you to reach out to our office manager directly.",
    "Hello, our clinic is open Monday to Friday from 8 am to 8 pm and is wheelchair accessible.",
    "Hi, we are sorry to read about your disappointment. Please call the clinic so we can discuss it privately.",
    "Hello, professional secrecy prevents us from responding publicly. We remain available at the front desk.",
    "Hi, we can neither confirm nor deny whether anyone is a patient of our practice. Feel free to contact us.",
    "Hello, thanks for sharing your thoughts. Please get in touch with our team by phone during business hours.",
    "Hi, we appreciate you taking the time to leave a comment. Our office remains available to discuss any concerns.",
    "Bonjour, nous comprenons votre mécontentement. Le cabinet reste joignable en semaine pour en discuter.",
    "Bonjour, par respect pour la confidentialité de chacun, nous ne répondons pas aux avis sur le fond.",
    "Bonjour, le secrétariat est joignable par téléphone aux heures d'ouverture ; il pourra vous orienter.",
    "Bonjour, votre message a bien été reçu. Nous vous invitons à communiquer avec la clinique par téléphone.\nBonne journée,\nL'équipe de la clinique",
    "Bonjour, merci d'avoir pris le temps de nous écrire. Le cabinet ne commente pas publiquement les avis.",
    "Hello, the clinic is closed on statutory holidays. Our front desk will be happy to answer any general question.",
    "Hi, we understand your frustration and would welcome the chance to talk with you privately.",
    "Hello, all questions about billing or insurance in general can be directed to our front desk.",
    # a second batch, written afterwards to probe how far the generic vocabulary reaches
 "Bonjour, nous vous remercions pour ce retour. Afin d'en parler sereinement, nous vous invitons à contacter notre secrétariat, qui transmettra votre demande au praticien concerné.",
 "Bonjour, chaque avis est lu attentivement par l'équipe. Nous ne pouvons toutefois pas y répondre en détail ici, par respect du secret professionnel.",
 "Bonjour, nous sommes sincèrement désolés de lire ce message. La direction se tient à votre disposition pour un échange en toute discrétion.",
 "Bonjour, merci d'avoir pris le temps de partager votre ressenti. Pour toute précision, n'hésitez pas à nous joindre directement par téléphone.",
 "Bonjour, nous avons bien reçu votre commentaire et l'avons transmis aux personnes concernées. Nous restons joignables du lundi au vendredi.",
 "Bonjour, votre avis compte pour nous. Par déontologie, nous ne commentons aucune situation particulière en ligne ; la clinique reste à votre écoute.",
 "Bonjour, nous prenons note de vos remarques. Si vous le souhaitez, un rendez-vous téléphonique avec la responsable peut être organisé.",
 "Bonjour, nous comprenons votre déception et vous proposons d'en discuter de vive voix. Vous pouvez nous appeler aux heures d'ouverture.",
 "Bonjour, le cabinet se situe au premier étage, avec ascenseur. Le secrétariat répond de 9 h à 18 h du lundi au vendredi.",
 "Bonjour, conformément au secret médical, aucune information concernant une personne ne peut être communiquée ici. Merci de votre compréhension.",
 "Allô, merci pour votre message. On préfère régler ça de vive voix : appelez-nous à la réception quand ça vous convient.",
 "Bonjour, toute l'équipe de la clinique a pris connaissance de votre commentaire. Pour en jaser, téléphonez-nous en semaine.",
 "Bonjour, nous sommes tenus à la confidentialité et ne pouvons rien préciser publiquement. La direction reste disponible par courriel.",
 "Bonjour, merci de nous avoir fait part de votre opinion. Nous vous invitons à communiquer avec la clinique pour poursuivre la discussion.",
 "Bonjour, nous regrettons sincèrement que ce message exprime une insatisfaction. Notre porte reste ouverte pour en parler en privé.",
 "Hello, thank you for your feedback. We're unable to discuss specifics publicly, but our office manager would be glad to speak with you by phone.",
 "Hi there, we appreciate you sharing your perspective. Please give our front desk a call so we can follow up privately.",
 "Hello, we've read your comments carefully. Due to privacy obligations we can't respond in detail here; feel free to contact us directly.",
 "Thank you for taking a moment to write. Our team reviews all feedback, and we'd welcome a private conversation at your convenience.",
 "Hi, we're sorry to hear you were disappointed. We'd like to understand your concerns better, so please reach out to the clinic by phone or email.",
 "Hello, our clinic is located on the second floor and is accessible by elevator. Office hours are Monday through Friday, 8:30 to 5.",
 "Hello, we take every comment seriously. Our professional obligations prevent us from saying more online, but we're always happy to talk.",
 "Hi, thanks for letting us know how you feel. Our manager is available during business hours if you would like to discuss further.",
 "Hello, we cannot confirm or comment on whether any individual has been seen here. Please contact our office if you have questions.",
 "Thank you for your message. We have shared it with the team and invite you to call us so we can discuss it privately.",
 "Bonjour, nous vous remercions de votre message et vous invitons à prendre contact avec le cabinet pour en discuter en toute confidentialité.",
 "Bonjour, nous entendons vos critiques. Le cabinet ne s'exprime pas sur les cas individuels en ligne, mais reste joignable par téléphone.",
 "Bonjour, l'équipe reste à votre disposition pour toute question d'ordre général. Vous pouvez nous écrire à l'adresse du cabinet.",
 "Bonjour, votre message a été lu avec attention. Nous préférons échanger directement plutôt que par commentaires interposés.",
 "Hello, we value all feedback and strive to improve. Please reach out to our office so we can talk about this directly.",
    # a third batch of near misses, also written from the policy
    "Bonjour, nous accusons réception de votre avis. Le cabinet privilégie le dialogue direct : n'hésitez pas à nous appeler.",
    'Bonjour, nos excuses si ce message reflète une insatisfaction. Pour en discuter, merci de contacter la direction du cabinet.',
    'Bonjour, soucieux de la confidentialité de chacun, nous ne répondons jamais publiquement. Vous pouvez toutefois nous écrire.',
    "Bonjour, la clinique remercie toutes les personnes qui prennent le temps de s'exprimer. Nous restons à l'écoute par téléphone.",
    'Bonjour, nous lisons chaque avis et en tirons des enseignements. Pour échanger, contactez-nous aux heures habituelles.',
    "Bonjour, nous respectons votre point de vue. Un échange téléphonique serait sans doute plus constructif qu'une discussion en ligne.",
    "Bonjour, notre équipe fait de son mieux pour accueillir chacun dans de bonnes conditions. N'hésitez pas à nous faire part de vos suggestions en privé.",
    'Bonjour, le secrétariat est ouvert de 8 h 30 à 12 h et de 14 h à 18 h. Un répondeur prend les messages en dehors de ces horaires.',
    'Bonjour, pour des raisons de confidentialité, nous vous invitons à poursuivre cet échange par courriel ou par téléphone.',
    'Salut, merci de nous avoir écrit. La réception est là pour répondre à vos questions du lundi au vendredi.',
    "Bonjour, on a bien lu votre commentaire. Si vous voulez qu'on en parle, appelez-nous, ça nous fera plaisir.",
    'Bonjour, par respect pour tout le monde, on ne discute pas de ces choses-là sur Internet. Notre réception est disponible pour vous.',
    'Bonjour, la clinique est fermée durant les vacances de la construction. Les messages laissés seront traités au retour.',
    "Hello, thank you for your review. We are committed to protecting everyone's privacy, so we don't discuss any matters online.",
    "Hi, we hear you. If you'd like to share more, please contact the clinic directly and ask for the office manager.",
    "Hello, we're grateful for all feedback. Our staff will be happy to answer any general questions over the phone.",
    "Hi, thank you for posting. We'd rather continue this conversation offline, so please give us a call when convenient.",
    'Hello, confidentiality rules prevent us from commenting on any specific situation. We encourage you to contact our office.',
    'Hi, we apologize for any frustration. Our front desk can be reached weekdays between 9 and 5.',
    'Hello, please know that every message is read by our management team. We are available to talk whenever suits you.',
    'Hi, thanks for the note. Parking is available behind the building and the entrance is wheelchair accessible.',
    "Hello, we can't share details here, but we genuinely want to hear from you. Please call or email the clinic.",
    'Hi, we understand this is important to you. The best way to address it is a private conversation with our team.',
    'Bonjour, nous vous remercions de cette publication. Le cabinet reste à la disposition de toute personne souhaitant échanger.',
    'Bonjour, la politique du cabinet est de ne jamais répondre sur le fond aux avis en ligne. Merci de votre compréhension.',
    "Bonjour, chaque remarque est transmise à l'équipe concernée afin d'améliorer notre organisation. Bonne continuation.",
    "Bonjour, votre message a été porté à l'attention de la direction, qui reste disponible pour en discuter de vive voix.",
    # a fourth batch (8 of 20 went to review before its words were added)
    'Good afternoon, and thank you for your message. We take comments like this to heart and would appreciate the opportunity to speak with you privately.',
    'Hello, we regret that this was your impression. Our policy is not to discuss anything related to individuals on public sites. Please call our reception.',
    'Hi, we appreciate honest feedback. Unfortunately, privacy law keeps us from replying in detail; our door remains open by phone.',
    "Hello, the clinic's reception is open Monday to Friday, 8 to 4, and our voicemail is checked every morning.",
    'Dear reviewer, thank you for your words. For any concern, our clinic manager can be contacted through the main line.',
    'Hello, we always want to do better. If you are comfortable doing so, please reach out to us so we can listen.',
    "Hi, out of respect for everyone's confidentiality, we never confirm who visits our clinic. We'd be glad to talk by phone.",
    'Hello, your message has been forwarded to our management. We invite you to get in touch with them at your convenience.',
    "Hi, we're sorry for any inconvenience. Please contact the office and a member of our administrative team will follow up.",
    "Hello, thanks for taking the time. We don't respond to reviews in detail, but our team is reachable during opening hours.",
    "Bonjour, merci d'avoir pris la peine de nous écrire. Notre équipe administrative peut être rejointe par téléphone ou par courriel.",
    'Bonjour, on vous remercie pour votre commentaire. Pour toute question, la réception est ouverte de 8 h à 16 h en semaine.',
    'Bonjour, on prend note de vos commentaires. Par souci de confidentialité, on ne peut pas en dire plus ici, mais on reste disponibles.',
    "Bonjour, nous sommes désolés pour les désagréments que vous évoquez. La direction se fera un plaisir d'en discuter avec vous.",
    'Bonjour, notre clinique applique des règles strictes de confidentialité. Toute discussion doit donc se faire directement avec nous.',
    'Bonjour, nous tenons à vous remercier pour votre franchise et vous invitons à prendre contact avec notre gestionnaire.',
    "Bonjour, merci pour ce commentaire. Nous restons ouverts à toute discussion constructive, par téléphone ou en personne à l'accueil.",
    "Bonjour, la clinique est facilement accessible en transport en commun et dispose d'un stationnement pour vélos.",
    "Bonjour, les demandes écrites sont traitées dans l'ordre d'arrivée. Nous vous remercions de votre patience.",
    "Bonjour, votre retour sera pris en compte. N'hésitez pas à communiquer avec nous pour toute précision.",
    # a fifth batch (6 of 20 went to review before its words were added)
    'Bonjour, nous avons pris connaissance de vos propos avec sérieux. Le cabinet vous invite à le contacter pour un échange plus approprié.',
    "Bonjour, merci pour votre avis, que nous avons transmis à l'équipe. Toute question peut être adressée au secrétariat.",
    'Bonjour, nous sommes sensibles à votre message. Les échanges de ce type ont leur place en privé : le cabinet reste joignable.',
    'Bonjour, le respect du secret professionnel nous conduit à ne pas répondre ici. Nous vous remercions de votre compréhension.',
    'Bonjour, votre commentaire a bien été enregistré. Si vous le désirez, la coordonnatrice de la clinique peut vous rappeler.',
    "Bonjour, nous vous remercions de votre message et restons à l'écoute de toutes les personnes qui souhaitent nous faire part de leurs remarques.",
    'Bonjour, nous ne pouvons pas entrer dans les détails sur cette plateforme. Écrivez-nous, nous prendrons le temps de vous répondre.',
    'Bonjour, la clinique est ouverte en soirée deux fois par semaine. Les horaires complets sont disponibles auprès de la réception.',
    'Bonjour, nous sommes navrés de lire ce commentaire et souhaitons en comprendre les raisons. Contactez-nous à votre convenance.',
    "Bonjour, l'équipe vous remercie de votre message. Pour des raisons déontologiques, aucune réponse détaillée ne sera publiée.",
    'Hello, we have received your comment and shared it internally. Feel free to phone us if you would like to discuss it.',
    'Hi, we take our confidentiality obligations very seriously and cannot respond publicly. Our front desk would be happy to assist.',
    'Hello, thank you for your input. Our team values every opinion and welcomes a direct conversation by phone.',
    'Hi, we are sorry to read this and would like the chance to talk. Please contact our office during regular hours.',
    'Hello, our office is closed on weekends and holidays. Messages left after hours are answered the next business day.',
    'Hi, we appreciate you bringing this to our attention. Please reach out privately so we can look into your concerns.',
    'Hello, as a matter of policy we do not discuss individual cases online. Our administrative staff can be reached by email.',
    "Hi, thanks for your review. We're always looking for ways to improve and would welcome a call from you.",
    "Hello, we respect your right to share your opinion. For privacy reasons, we'd prefer to continue the discussion directly.",
    'Hi, we understand your point of view. Please know that our team is available by phone should you wish to talk.',
]


@pytest.mark.parametrize("reply", LEAKS, ids=lambda s: s[:50])
def test_subtle_leak_is_stopped(reply: str) -> None:
    result = check(reply)
    assert result.verdict in ("block", "review") and not result.allowed
    for f in result.findings:
        assert reply[f.start : f.end] == f.text


def test_most_subtle_leaks_are_blocked_outright() -> None:
    blocked = [r for r in LEAKS if check(r).verdict == "block"]
    assert len(blocked) >= 0.7 * len(LEAKS), [r for r in LEAKS if r not in blocked]


@pytest.mark.parametrize("reply", SAFE, ids=lambda s: s[:50])
def test_near_miss_passes(reply: str) -> None:
    result = check(reply)
    assert result.verdict == "pass", [(f.rule, f.severity, f.text) for f in result.findings]
    assert result.allowed


def test_review_finding_explains_in_french_with_offsets() -> None:
    reply = "Bonjour, nous espérons que le moral remonte doucement. Le cabinet reste joignable."
    result = check(reply)
    assert result.verdict == "review" and not result.allowed
    (finding,) = result.to_review
    assert finding.rule == "personal_content" and finding.severity == "review"
    assert finding.explanation.startswith("contenu propre à la personne : « moral remonte doucement »")
    assert reply[finding.start : finding.end] == finding.text == "moral remonte doucement"
    assert result.to_dict()["verdict"] == "review"


def test_verdict_is_block_over_review_over_pass() -> None:
    assert check("Bonjour, votre message a bien été lu.").verdict == "pass"
    assert check("Bonjour, nous espérons que le moral remonte.").verdict == "review"
    both = check("Bonjour, nous espérons que le moral remonte après votre détartrage.")
    assert both.verdict == "block" and both.to_review and both.blocking


@pytest.mark.parametrize(
    "reply",
    [
        "Bonjour, nous ne discutons jamais de remboursements ni de rendez-vous sur cette page.",
        "Bonjour, les questions d'assurance ne peuvent pas être traitées ici.",
        "Hello, we never discuss billing, appointments or insurance online.",
    ],
)
def test_a_topic_named_to_refuse_it_is_cleared(reply: str) -> None:
    assert check(reply).verdict == "pass"


@pytest.mark.parametrize(
    "reply",
    [
        "Bonjour, nous ne discutons pas de votre chute en ligne.",
        "Bonjour, la chute ne pouvait pas être commentée par téléphone.",
        "Hello, we cannot discuss your recovery online.",
    ],
)
def test_a_refusal_tied_to_the_reader_is_not_cleared(reply: str) -> None:
    assert check(reply).verdict != "pass"


def test_the_signature_may_carry_the_practice_name_but_not_a_title_and_name() -> None:
    ok = "Bonjour, votre message a bien été lu.\nCordialement,\nCentre dentaire du Plateau"
    assert check(ok).verdict == "pass"
    assert check("Bonjour M. Côté, au plaisir d'en discuter.").verdict != "pass"


def test_the_template_word_list_is_up_to_date() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_reply_words", Path(__file__).resolve().parents[2] / "scripts" / "build_reply_words.py"
    )
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    expected = build.render(build.template_reply_words())
    assert build.OUT.read_text(encoding="utf-8") == expected, "python3 scripts/build_reply_words.py"


def test_the_model_is_built_from_data() -> None:
    m = model()
    assert {"message", "cordialement", "joignable", "thank", "contacted"} <= m.words
    assert not {"visite", "venue", "soin", "visit", "treatment", "confiance", "trust"} & m.words
    assert {shape.move for shape in m.shapes} >= {"policy", "setting", "contact", "practical", "person"}


@pytest.mark.parametrize(
    "text",
    [
        " ".join("abcdefghij" * 205)[:4096],
        " ".join("détartrage" * 410)[:4096],
        ".".join("dossiermedical" * 300)[:4096],
        ("1 2 3 4 5 6 7 8 9 0 " * 210)[:4096],
        ("d\u200be\u200bn\u200bt " * 512)[:4096],
    ],
    ids=["spaced", "spaced-word", "dotted", "digits", "zero-width"],
)
def test_a_long_adversarial_reply_is_checked_in_linear_time(text: str) -> None:
    # generous bound for a shared CI machine; benchmarks/guard_bench.py measures the real figure
    check("warm up")
    t0 = time.process_time()
    check(text)
    assert time.process_time() - t0 < 0.5


@pytest.mark.parametrize(
    "reply",
    [
        # what every rule lets through (the practice's setting) is generic for the model too
        "Bonjour, le cabinet de kinésithérapie est ouvert de 8 h à 20 h en semaine.",
        "Hi, the physiotherapy clinic is a short walk from the metro and has a ramp at the entrance.",
        # everyday senses of care words
        "Bonjour, nous prenons soin de répondre à chaque message en privé.",
        "Hello, the treatment of your request will be handled by our clinic manager.",
        "Hello, we care about every message we receive and would be glad to talk privately.",
        "Bonjour, le cabinet reçoit uniquement sur rendez-vous ; le secrétariat répond par téléphone.",
        # practical information for anyone
        "Bonjour, le stationnement est gratuit après 18 h et l'entrée est de plain-pied.",
    ],
)
def test_generic_setting_and_everyday_senses_pass(reply: str) -> None:
    result = check(reply)
    assert result.verdict == "pass", [(f.rule, f.text) for f in result.findings]


@pytest.mark.parametrize(
    "reply",
    [
        "Hi, we hope the physiotherapy you received helped your back.",
        "Bonjour, nous avons pris soin de votre dent la semaine dernière.",
        "Hello, we care about your recovery after the surgery.",
        "Bonjour, nous sommes désolés qu'une de nos patientes ait ressenti cela.",
        "Bonjour, le praticien a reçu votre message sur la messagerie sécurisée.",
    ],
)
def test_the_same_words_about_the_person_are_stopped(reply: str) -> None:
    assert check(reply).verdict != "pass"


@pytest.mark.parametrize(
    "reply",
    [
        # the building and its machines, the weather, amenities: never a person's care
        "Bonjour, un technicien a posé le diagnostic de la panne de notre ligne.",
        "Bonjour, un incident électrique dans l'immeuble a fermé le cabinet toute la journée.",
        "Bonjour, notre ligne est en dérangement ; écrivez-nous par courriel.",
        "Bonjour, quand il gèle, l'entrée arrière est déglacée dès l'ouverture.",
        "Bonjour, le nettoyage des planchers a lieu le soir après la fermeture.",
        "Hello, a fire drill is planned this week; the front desk may be unreachable for a few minutes.",
        "Hello, our operations were disrupted by a power outage on the whole block.",
        "Bonjour, le stationnement est gratuit dans la ruelle derrière l'immeuble.",
        "Hello, we switched to a new phone system this month.",
        "Bonjour, le service d'optométrie est au deuxième étage.",
    ],
)
def test_the_premises_and_their_machines_are_not_blocked(reply: str) -> None:
    result = check(reply)
    assert not result.blocking, [(f.rule, f.text) for f in result.blocking]


@pytest.mark.parametrize(
    "reply",
    [
        "Bonjour, le diagnostic de votre carie a été posé lors de votre visite.",
        "Bonjour, l'incident survenu pendant votre soin est regrettable.",
        "Hello, your email about your crown was forwarded to the dentist.",
        "Bonjour, nous faisons de notre mieux malgré votre comportement.",
        # a refusal does not clear the moment told after it
        "Bonjour, on ne peut pas répondre sur le fond ici, surtout après un traitement de canal.",
    ],
)
def test_the_same_words_about_the_person_are_blocked(reply: str) -> None:
    assert check(reply).blocking
