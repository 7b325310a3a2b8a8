"""The French review sheet of the catalogue (docs/templates.md), generated, never edited."""

from __future__ import annotations

from pathlib import Path

from responders.drafting.catalogue import MAX_REPLY_CHARS, Catalogue, default_catalogue
from responders.policy import ACTION_LABELS, SITUATION_LABELS, SITUATIONS, default_decision
from responders.profiles import PROFILES

SHEET = Path(__file__).resolve().parents[2] / "docs" / "templates.md"
REGENERATE = "python scripts/render_templates.py"

RULES = {
    1: "ne jamais répondre sur le fond ; court, courtois, porte ouverte à un échange privé",
    2: "ne jamais confirmer ni nier que l'auteur est patient",
    3: "aucune mention de santé ni de soin",
    4: "aucun détail identifiant (nom, date, montant…)",
    5: "aucune contre-attaque, aucune menace publique",
    6: "aucune promotion, aucun accueil d'un témoignage",
    7: "« ne pas répondre » est une vraie option, souvent la recommandée",
    8: "mêmes réponses neutres pour les avis positifs et négatifs, en rotation, courtes",
}


def _one_line(text: str) -> str:
    return text.replace("\n", " / ")


def render_catalogue(catalogue: Catalogue | None = None) -> str:
    catalogue = catalogue or default_catalogue()
    out: list[str] = [
        "# Réponses types : feuille de relecture",
        "",
        f"Document généré à partir de `templates/*.toml` par `{REGENERATE}` : ne pas le",
        "modifier à la main. Un test échoue tant qu'il ne correspond pas au catalogue.",
        "",
        "Chaque réponse n'est proposée qu'après le contrôle automatique (avec l'avis et le",
        "nom de son auteur comme contexte). Les seuls champs variables sont `{practice}`",
        "(nom du cabinet ou de la clinique, en signature) et `{contact}` (moyen de le",
        "joindre) ; rien de l'avis n'est jamais repris. « / » marque un retour à la ligne.",
        "",
        "## Les règles de réponse (DOMAIN.md)",
        "",
    ]
    out += [f"{number}. {text}" for number, text in RULES.items()]
    out += [
        "",
        "## Politique par défaut",
        "",
        "Modifiable par type d'avis dans Réglages (`reply_policy`).",
        "",
        "| profil | " + " | ".join(SITUATION_LABELS[s] for s in SITUATIONS) + " |",
        "|---|" + "---|" * len(SITUATIONS),
    ]
    for name in PROFILES:
        cells = [ACTION_LABELS[default_decision(name, s).action] for s in SITUATIONS]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    out.append("")
    for name, profile in PROFILES.items():
        practice, contact = catalogue.placeholder_values(name)
        out += [
            f"## {profile.label} (`{name}`)",
            "",
            f"Valeurs par défaut : `{{practice}}` = « {practice} », `{{contact}}` = « {contact} ».",
            "",
        ]
        for situation in SITUATIONS:
            decision = default_decision(name, situation)
            variants = catalogue.variants(name, situation)
            out += [
                f"### {SITUATION_LABELS[situation].capitalize()} (`{situation}`)",
                "",
                f"Par défaut : **{ACTION_LABELS[decision.action]}**. {decision.reason}",
                "",
                f"{len(variants)} variantes :",
                "",
            ]
            for template in variants:
                filled = len(template.fill(practice, contact))
                rules = ", ".join(str(r) for r in template.rules)
                out += [
                    f"- **{template.id}** ({template.source}, règles {rules}, "
                    f"{filled}/{MAX_REPLY_CHARS} caractères)",
                    f"  > {_one_line(template.text)}",
                    "",
                    f"  Pourquoi : {template.note}",
                    "",
                ]
    return "\n".join(out).rstrip("\n") + "\n"


def write_sheet(path: Path = SHEET) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_catalogue(), encoding="utf-8")
    return path
