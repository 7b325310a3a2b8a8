"""The notice to Google, pre-filled with what the EU Digital Services Act art. 16 requires.

Art. 16(2): (a) a substantiated explanation of why the content is illegal, (b) its exact
electronic location, (c) the notifier's name and e-mail, (d) a statement of good faith.
The notice quotes only the incriminated passages and never says whether the author was
ever received at the practice: confirming it would itself break medical secrecy.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from responders.export.law import grounds_for
from responders.links import google_link
from responders.store.settings import PracticeSettings

if TYPE_CHECKING:
    from responders.export.dossier import DossierEntry

TO_COMPLETE = "[à compléter : {what}]"

TITLES = {
    "FR": (
        "NOTIFICATION DE CONTENU ILLICITE",
        "Règlement (UE) 2022/2065 sur les services numériques (DSA), article 16",
    ),
    "QC": (
        "DEMANDE DE RETRAIT D'UN CONTENU ILLICITE",
        "Éléments de l'article 16 du règlement (UE) 2022/2065, repris pour le formulaire "
        "juridique de Google",
    ),
}

GOOD_FAITH = (
    "Je déclare de bonne foi que les informations et allégations contenues dans la "
    "présente notification sont exactes et complètes."
)

NEUTRALITY = (
    "La présente notification porte uniquement sur les passages cités. Elle ne confirme "
    "ni n'infirme l'existence d'une relation entre l'auteur de l'avis et l'établissement."
)

_SPACES = re.compile(r"\s+")


def _one_line(text: str) -> str:
    # a quoted passage must stay one line so the notice reads as one quote per item
    return _SPACES.sub(" ", text).strip()


def _short_target(target: str) -> str:
    if target.startswith("à préciser"):
        return "la personne ou l'établissement concerné"
    return re.sub(r" \([^)]*\)", "", target).replace(" ; ", " et ")


def _fill(value: str | None, what: str) -> str:
    value = (value or "").strip()
    return value if value else TO_COMPLETE.format(what=what)


def google_notice(
    entry: DossierEntry, settings: PracticeSettings, *, today: date | None = None
) -> str:
    """Plain text to paste into Google's form for reporting illegal content."""
    jurisdiction = entry.profile.jurisdiction
    title, basis = TITLES[jurisdiction]
    published = entry.created_at.strftime("%d/%m/%Y") if entry.created_at else "date inconnue"
    lines = [title, basis, ""]

    lines.append("1. Localisation exacte du contenu")
    lines.append(
        "URL : "
        + _fill(
            # an imported URL that is not Google's own https link is of no use to Google
            google_link(entry.review_url),
            "ouvrez l'avis sur Google Maps, menu « Partager », copiez le lien",
        )
    )
    if entry.google_id:
        lines.append(f"Identifiant de l'avis : {entry.google_id}")
    if google_link(entry.flag_url):
        lines.append(f"Lien de signalement de l'avis : {entry.flag_url}")
    place = entry.location_name or settings.practice_name
    lines.append(f"Fiche concernée : {_fill(place, 'nom de la fiche Google')}")
    lines.append(
        f"Avis publié le {published} par « {entry.author} », note {entry.rating or '-'}/5."
    )
    lines.append("")

    lines.append("2. Raisons pour lesquelles ce contenu est illicite")
    cited = [p for p in entry.passages if p.qualification in ("defamation", "insult")]
    if not cited:
        lines.append(
            TO_COMPLETE.format(
                what="citez le passage exact et la raison pour laquelle il est illicite"
            )
        )
    for passage in cited:
        articles = " ; ".join(passage.articles)
        lines.append(
            f"- « {_one_line(passage.text)} » : {grounds_for(jurisdiction, passage.qualification)}"
            + (f" ({articles})." if articles else ".")
        )
    target = _short_target(entry.target)
    pronoun = "les " if " et " in target else "l'"
    lines.append(
        f"Ces propos visent {target} ; la fiche de l'établissement sur laquelle l'avis est "
        f"publié permet de {pronoun}identifier."
    )
    lines.append(NEUTRALITY)
    lines.append("")

    # a group's listings may each have their own signatory (Lyon and Montréal)
    signer = entry.signer(settings)
    acting_for = entry.acting_for(settings)
    lines.append("3. Notifiant")
    lines.append(f"Nom : {_fill(signer.name, 'nom du notifiant')}")
    lines.append(f"Adresse électronique : {_fill(signer.email, 'e-mail du notifiant')}")
    if acting_for:
        lines.append(f"Agissant pour : {acting_for}")
    lines.append("")

    lines.append("4. Déclaration de bonne foi")
    lines.append(GOOD_FAITH)
    if today is not None:
        lines.append(f"Fait le {today.strftime('%d/%m/%Y')}.")
    return "\n".join(lines) + "\n"
