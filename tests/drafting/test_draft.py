"""draft(): policy first, then a rotated vetted variant that the real guard allows."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from responders.drafting import DraftResult, default_catalogue, draft, draft_many, load_catalogue
from responders.drafting.catalogue import TEMPLATES_DIR
from responders.guard import check
from responders.profiles import PROFILES

CATALOGUE = default_catalogue()
CONTRACT_KEYS = {"id", "label", "action", "reply", "template_id", "guard"}
REPLY_PROFILES = ["fr-dentiste", "qc-medecin", "qc-dentiste"]
REVIEW = "Attente interminable et secrétaire désagréable, je suis très déçue."


def _still_allowed(result: DraftResult, review: str | None, name: str | None, profile: str) -> None:
    assert result.reply is not None
    verdict = check(result.reply, review=review, reviewer_name=name, profile=profile)
    assert verdict.allowed, verdict.to_dict()


@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize("situation", ["praise", "criticism", "rating_only", "insult", "defamation"])
def test_every_template_passes_the_guard_for_what_it_serves(profile: str, situation: str) -> None:
    practice, contact = CATALOGUE.placeholder_values(profile)
    reviews = {
        "praise": "Équipe très agréable, accueil parfait, je recommande.",
        "criticism": REVIEW,
        "rating_only": None,
        "insult": "Quel charlatan, une vraie sorcière.",
        "defamation": "Il facture des actes jamais réalisés et exerce sans diplôme.",
    }
    for template in CATALOGUE.variants(profile, situation):
        for values in ((practice, contact), ("Cabinet des Lilas", "par courriel à l'accueil")):
            reply = template.fill(*values)
            verdict = check(reply, review=reviews[situation], reviewer_name="Martine Dupuis", profile=profile)
            assert verdict.allowed, (template.id, [f.to_dict() for f in verdict.findings])


@pytest.mark.parametrize("profile", REPLY_PROFILES)
def test_criticism_gets_a_guarded_vetted_reply(profile: str) -> None:
    result = draft(REVIEW, 2, profile=profile, label="criticism", seed_key="r1", reviewer_name="Julie M.")
    assert (result.action, result.situation, result.label) == ("reply", "criticism", "criticism")
    template = CATALOGUE.get(result.template_id or "")
    assert template.serves(profile, "criticism")
    assert result.reply == template.fill(*CATALOGUE.placeholder_values(profile))
    assert result.guard["allowed"] is True and result.reason
    _still_allowed(result, REVIEW, "Julie M.", profile)
    as_json = result.to_dict("r1")
    assert set(as_json) == CONTRACT_KEYS and set(as_json["guard"]) == {"allowed", "verdict", "findings"}
    assert as_json["id"] == "r1" and as_json["reply"] == result.reply


def test_same_seed_same_draft_and_previous_variant_avoided() -> None:
    first = draft(REVIEW, 2, profile="fr-dentiste", label="criticism", seed_key="review-7")
    again = draft(REVIEW, 2, profile="fr-dentiste", label="criticism", seed_key="review-7")
    assert (first.template_id, first.reply) == (again.template_id, again.reply)
    other = draft(
        REVIEW, 2, profile="fr-dentiste", label="criticism", seed_key="review-7",
        previous_template_id=first.template_id,
    )
    assert other.template_id != first.template_id and other.action == "reply"


def test_practice_values_are_used() -> None:
    result = draft(
        "Très bien.", 5, profile="qc-medecin", label="praise", seed_key="a",
        practice="Clinique du Parc", contact="par courriel à l'accueil",
    )
    assert result.reply is not None
    assert result.reply.endswith("Clinique du Parc") and "par courriel à l'accueil" in result.reply


@pytest.mark.parametrize(
    ("profile", "label", "text", "action"),
    [
        ("fr-medecin", "praise", "Médecin à l'écoute.", "no_reply"),
        ("fr-medecin", "criticism", REVIEW, "no_reply"),
        ("fr-dentiste", "insult", "Espèce de boucher.", "no_reply"),
        ("qc-medecin", "defamation", "Il était ivre pendant l'opération.", "escalate"),
        ("qc-dentiste", "praise", "Super clinique.", "no_reply"),
        ("qc-dentiste", None, None, "no_reply"),
    ],
)
def test_policy_decides_before_any_template(profile, label, text, action) -> None:  # type: ignore[no-untyped-def]
    result = draft(text, 5 if label in ("praise", None) else 1, profile=profile, label=label or "praise")
    assert (result.action, result.reply, result.template_id) == (action, None, None)
    assert result.reason and result.to_dict("x")["guard"] == {"allowed": True, "verdict": "pass", "findings": []}


def test_practice_override_turns_a_no_reply_into_a_reply() -> None:
    result = draft(
        "Médecin à l'écoute.", 5, profile="fr-medecin", label="praise", seed_key="r9",
        policy_overrides={"praise": "reply"},
    )
    assert result.action == "reply" and result.template_id and result.template_id.startswith("fr-")
    assert "Réglages" in result.reason
    _still_allowed(result, "Médecin à l'écoute.", None, "fr-medecin")


def test_unlawful_review_gets_a_reserved_variant_when_the_practice_chooses_to_reply() -> None:
    review = "Ce dentiste est un escroc qui facture des soins jamais faits."
    result = draft(review, 1, profile="fr-dentiste", label="defamation", policy_overrides={"defamation": "reply"})
    assert result.action == "reply" and "reserve" in (result.template_id or "")
    _still_allowed(result, review, None, "fr-dentiste")


def test_rating_without_text_is_answered_as_a_rating() -> None:
    result = draft(None, 4, profile="qc-medecin", label="praise", seed_key="r3")
    assert result.situation == "rating_only" and result.action == "reply"
    assert result.template_id in {t.id for t in CATALOGUE.variants("qc-medecin", "rating_only")}
    assert draft("   ", 1, profile="fr-dentiste", label="insult").situation == "insult"


def test_label_comes_from_the_classifier_when_not_given() -> None:
    praise = draft("Équipe adorable et très professionnelle, merci !", 5, profile="fr-dentiste", seed_key="c1")
    assert praise.label == "praise" and praise.action == "reply"
    rating = draft(None, 5, profile="fr-dentiste", seed_key="c2")
    assert rating.situation == "rating_only" and rating.action == "reply"


def test_unknown_label_or_profile() -> None:
    with pytest.raises(ValueError, match="Étiquette inconnue"):
        draft("x", 3, profile="fr-dentiste", label="spam")
    with pytest.raises(ValueError, match="Profil inconnu"):
        draft("x", 3, profile="fr-kine", label="praise")


def _catalogue_with_bad_first_variant(tmp_path: Path) -> Path:
    # the loader checks shape, not content: content is the guard's job, so a care word loads
    bad = '''
[[template]]
id = "fr-essai-01"
situations = ["criticism"]
profiles = ["fr-dentiste"]
rules = [1]
note = "Variante volontairement fautive pour le test."
text = "Bonjour, nous espérons que votre détartrage s'est bien passé. Cordialement,\\n{practice}"

[[template]]
id = "fr-essai-02"
situations = ["criticism"]
profiles = ["fr-dentiste"]
rules = [1]
note = "Variante sûre."
text = "Bonjour, votre avis a bien été lu. Le cabinet reste joignable {contact}.\\nCordialement,\\n{practice}"
'''
    (tmp_path / "essai.toml").write_text(bad, encoding="utf-8")
    (tmp_path / "placeholders.toml").write_text(
        (TEMPLATES_DIR / "placeholders.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return tmp_path


def test_a_blocked_variant_is_skipped(tmp_path: Path) -> None:
    catalogue = load_catalogue(_catalogue_with_bad_first_variant(tmp_path))
    seen = Counter()
    for number in range(20):
        result = draft(REVIEW, 2, profile="fr-dentiste", label="criticism", seed_key=f"k{number}", catalogue=catalogue)
        assert result.template_id == "fr-essai-02" and "détartrage" not in (result.reply or "")
        seen[result.attempts[0]] += 1
    assert seen["fr-essai-01"] > 0  # the bad variant really was the stable pick for some keys


def test_when_no_variant_passes_the_review_is_escalated_without_reply(tmp_path: Path) -> None:
    directory = _catalogue_with_bad_first_variant(tmp_path)
    essai = directory / "essai.toml"
    essai.write_text(essai.read_text(encoding="utf-8").replace("votre avis a bien été lu", "votre détartrage"), encoding="utf-8")
    catalogue = load_catalogue(directory)
    result = draft(REVIEW, 2, profile="fr-dentiste", label="criticism", catalogue=catalogue)
    assert (result.action, result.reply, result.template_id) == ("escalate", None, None)
    assert result.guard["allowed"] is False and result.guard["findings"]
    assert sorted(result.attempts) == ["fr-essai-01", "fr-essai-02"]
    assert "Aucune réponse type" in result.reason
    assert result.to_dict("z")["reply"] is None


@pytest.mark.parametrize(
    ("practice", "contact", "problem"),
    [
        ("Centre de détartrage des Lilas", None, "refusé par le contrôle"),
        ("C" * 120, None, "dépasse 80"),
        ("=SOMME(A1)", None, "ne doit pas commencer"),
    ],
)
def test_an_unusable_practice_setting_falls_back_to_the_defaults(practice, contact, problem) -> None:  # type: ignore[no-untyped-def]
    result = draft(REVIEW, 2, profile="fr-dentiste", label="criticism", practice=practice, contact=contact)
    assert result.action == "reply" and result.reply is not None
    assert practice not in result.reply
    assert result.reply.endswith(CATALOGUE.placeholder_values("fr-dentiste")[0])
    assert problem in result.reason and "Réglages" in result.reason
    _still_allowed(result, REVIEW, None, "fr-dentiste")


def test_a_reviewer_name_found_in_a_variant_moves_to_the_next_variant() -> None:
    # a display name is never written back (rule 4), even when it is also an ordinary word
    name = "Marie Cordialement"
    results = [
        draft(REVIEW, 2, profile="fr-dentiste", label="criticism", seed_key=f"n{i}", reviewer_name=name)
        for i in range(12)
    ]
    assert all(r.action == "reply" and "cordialement" not in (r.reply or "").lower() for r in results)
    assert any(len(r.attempts) > 1 for r in results)
    for result in results:
        _still_allowed(result, REVIEW, name, "fr-dentiste")


def _injecting(template: str, review: str) -> str:
    return template.replace("Bonjour,", "Bonjour, nous espérons que votre détartrage s'est bien passé ;", 1)


def test_a_rephrasing_that_leaks_falls_back_to_the_template() -> None:
    plain = draft(REVIEW, 2, profile="fr-dentiste", label="criticism", seed_key="r5")
    result = draft(REVIEW, 2, profile="fr-dentiste", label="criticism", seed_key="r5", rephrase=_injecting)
    assert result.reply == plain.reply and "détartrage" not in (result.reply or "")
    assert result.rephrased is False and result.rephrase_rejected
    assert any("détartrage" in f["text"] for f in result.rephrase_rejected)
    assert "reformulation" in result.reason and result.guard["allowed"] is True
    assert "rephrase_rejected" not in result.to_dict("r5")


@pytest.mark.parametrize(
    ("rephraser", "why"),
    [
        (lambda t, r: (_ for _ in ()).throw(RuntimeError("serveur arrêté")), "échoué"),
        (lambda t, r: "   ", "vide"),
        (lambda t, r: t + " Nous restons à l'écoute." * 40, "dépasse"),
        (lambda t, r: "=HYPERLINK(\"http://x\")", "formule"),
    ],
)
def test_a_failing_rephraser_never_stops_the_template(rephraser, why: str) -> None:  # type: ignore[no-untyped-def]
    result = draft(REVIEW, 2, profile="qc-medecin", label="criticism", seed_key="r6", rephrase=rephraser)
    assert result.action == "reply" and result.template_id
    assert result.reply == CATALOGUE.get(result.template_id).fill(*CATALOGUE.placeholder_values("qc-medecin"))
    assert result.rephrase_rejected == [] and why in result.reason


def test_a_rephrasing_the_guard_cannot_clear_falls_back_to_the_template() -> None:
    # no known leak, but content about the person that no generic move accounts for: review
    def personal(template: str, review: str) -> str:
        return "Bonjour, nous espérons que le moral remonte doucement. La clinique reste joignable."

    plain = draft(REVIEW, 2, profile="qc-medecin", label="criticism", seed_key="r6")
    result = draft(REVIEW, 2, profile="qc-medecin", label="criticism", seed_key="r6", rephrase=personal)
    assert result.reply == plain.reply and not result.rephrased
    assert result.guard["verdict"] == "pass" and result.guard["allowed"] is True
    assert result.rephrase_rejected and {f["severity"] for f in result.rephrase_rejected} == {"review"}
    assert "ne peut pas valider" in result.reason
    assert result.to_dict("r6")["guard"]["verdict"] == "pass"


def test_a_safe_rephrasing_is_kept_and_guarded() -> None:
    def shorter(template: str, review: str) -> str:
        return "Bonjour, nous avons bien lu votre message. La clinique demeure joignable par téléphone."

    result = draft(REVIEW, 2, profile="qc-medecin", label="criticism", seed_key="r6", rephrase=shorter)
    assert result.rephrased and result.reply == shorter("", "") and result.guard["allowed"]
    assert result.rephrase_rejected is None and result.template_id


def _reviews(count: int) -> list[dict]:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    items = [
        {"id": f"rev-{n}", "text": REVIEW, "rating": 2, "label": "criticism", "created_at": start + timedelta(days=n)}
        for n in range(count)
    ]
    random.Random(4).shuffle(items)
    return items


@pytest.mark.parametrize("profile", REPLY_PROFILES)
def test_draft_many_spreads_variants_and_never_repeats(profile: str) -> None:
    items = _reviews(100)
    results = draft_many(items, profile)
    assert [i for i, _ in results] == [f"rev-{n}" for n in range(100)]  # date order
    ids = [r.template_id for _, r in results]
    assert all(r.action == "reply" for _, r in results)
    assert all(a != b for a, b in zip(ids, ids[1:], strict=False))
    counts = Counter(ids)
    assert max(counts.values()) <= 30, counts
    assert len(counts) == len(CATALOGUE.variants(profile, "criticism"))
    assert [r.template_id for _, r in draft_many(list(reversed(items)), profile)] == ids  # stable


def test_draft_many_starts_after_the_last_published_variant() -> None:
    items = _reviews(1)
    first = draft_many(items, "fr-dentiste")[0][1].template_id
    again = draft_many(items, "fr-dentiste", previous_template_id=first)[0][1].template_id
    assert again != first


def test_draft_many_skips_no_reply_reviews_when_chaining() -> None:
    items = _reviews(30)
    for item in items[::3]:
        item["label"] = "insult"
    results = draft_many(items, "fr-dentiste")
    replies = [r.template_id for _, r in results if r.action == "reply"]
    assert len(replies) == 20
    assert all(a != b for a, b in zip(replies, replies[1:], strict=False))
