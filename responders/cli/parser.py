"""The `responders` argument parser: sub-commands, their options and French help texts."""

from __future__ import annotations

import argparse

from responders.people.roles import ROLES
from responders.profiles import PROFILES

FORMATS = ("auto", "gbp", "takeout", "outscraper", "apify", "serpapi", "places", "csv")
ENGINES = ("rules", "llm", "auto")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="responders",
        description="Avis Google d'un cabinet de santé : import, classement, réponses sûres.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="importer des avis (fichiers, dossiers, .zip)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", dest="db", default=None, help="URL de la base de données")
    p.add_argument(
        "--location", default=None, help="nom de l'établissement si la source ne le donne pas"
    )
    p.add_argument("--format", default="auto", choices=FORMATS)
    p.add_argument(
        "--mapping", default=None, help="CSV générique : colonnes, ex. text=Avis,rating=Note"
    )
    p.add_argument("--no-classify", action="store_true", help="ne pas classer les avis importés")
    p.add_argument(
        "--profile",
        default=None,
        choices=sorted(PROFILES),
        help="profil d'un établissement que l'import crée (un établissement connu garde le sien)",
    )

    p = sub.add_parser("classify", help="classer des avis (JSONL)")
    p.add_argument("input", metavar="IN.jsonl")
    p.add_argument("-o", "--output", default=None)
    p.add_argument("--engine", default="rules", choices=ENGINES)

    p = sub.add_parser("guard", help="vérifier des réponses (JSONL)")
    p.add_argument("input", metavar="IN.jsonl")
    p.add_argument("-o", "--output", default=None)
    p.add_argument("--profile", default=None, choices=sorted(PROFILES))

    p = sub.add_parser("draft", help="proposer des réponses (JSONL)")
    p.add_argument("input", metavar="IN.jsonl")
    p.add_argument("--profile", required=True, choices=sorted(PROFILES))
    p.add_argument("-o", "--output", default=None)
    p.add_argument("--engine", default="rules", choices=ENGINES)

    p = sub.add_parser("export", help="exporter le dossier pour l'avocat")
    export = p.add_subparsers(dest="export_command", required=True)
    q = export.add_parser("lawyer", help="dossier des avis diffamatoires ou injurieux")
    q.add_argument("--db", dest="db", default=None)
    q.add_argument("--format", required=True, choices=("csv", "xlsx", "pdf", "json"))
    q.add_argument("-o", "--output", required=True)
    q.add_argument("--profile", default=None, choices=sorted(PROFILES))
    q.add_argument(
        "--scope",
        default="candidates",
        choices=("candidates", "transmitted"),
        help="candidates : tous les avis candidats (défaut) ; transmitted : seulement ceux transmis à l'avocat",
    )
    q = export.add_parser(
        "verify",
        help="vérifier un dossier JSON contre la base (0 : identique, 1 : différences, 2 : dossier illisible)",
    )
    q.add_argument("dossier", metavar="DOSSIER.json")
    q.add_argument("--db", dest="db", default=None)

    p = sub.add_parser("eval", help="mesurer la qualité sur des données étiquetées")
    ev = p.add_subparsers(dest="eval_command", required=True)
    q = ev.add_parser("guard", help="taux de blocage des fuites et de faux blocages")
    q.add_argument("files", nargs="*", metavar="FILE")
    q.add_argument("--show", type=int, default=50, help="nombre d'erreurs affichées")
    q = ev.add_parser("classify", help="matrice de confusion, précision, rappel, F1")
    q.add_argument("files", nargs="*", metavar="FILE")
    q.add_argument("--engine", default="rules", choices=ENGINES)
    q.add_argument("--show", type=int, default=50, help="nombre d'erreurs affichées")
    q = ev.add_parser(
        "bursts",
        help="rafales d'avis négatifs : précision et rappel sur des historiques synthétiques",
    )
    q.add_argument(
        "--histories", type=int, default=10, help="nombre d'historiques générés (graines 1..N)"
    )

    p = sub.add_parser("audit", help="vérifier les réponses déjà publiées")
    au = p.add_subparsers(dest="audit_command", required=True)
    q = au.add_parser("replies", help="chaque réponse publiée passée au contrôle du secret (JSONL)")
    q.add_argument("--db", dest="db", default=None, help="URL de la base de données")
    q.add_argument("-o", "--output", default=None)

    p = sub.add_parser("digest", help="résumé hebdomadaire par e-mail")
    p.add_argument("--db", dest="db", default=None, help="URL de la base de données")
    p.add_argument("--days", type=int, default=7, help="période couverte, en jours (7 par défaut)")
    out = p.add_mutually_exclusive_group()
    out.add_argument(
        "-o", "--output", default=None, metavar="FILE.eml", help="écrire le message dans un fichier"
    )
    out.add_argument("--send", action="store_true", help="envoyer le message par SMTP")

    p = sub.add_parser("demo", help="charger les avis de démonstration si la base est vide")
    p.add_argument("--db", dest="db", default=None)
    p.add_argument("--force", action="store_true", help="charger même si la base contient des avis")

    p = sub.add_parser("users", help="comptes des personnes qui se connectent au tableau de bord")
    users = p.add_subparsers(dest="users_command", required=True)
    q = users.add_parser("add", help="créer un compte (mot de passe lu sur l'entrée standard)")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--role", required=True, choices=tuple(ROLES))
    q.add_argument(
        "--email",
        default=None,
        help="adresse du fournisseur d'identité (st.login) ; sans mot de passe, connexion par ce fournisseur seulement",
    )
    q.add_argument("--db", dest="db", default=None)
    q = users.add_parser("list", help="lister les comptes (JSON, une ligne par compte)")
    q.add_argument("--db", dest="db", default=None)
    return parser
