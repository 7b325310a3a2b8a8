"""The `responders` command. Each sub-command lives with its step; this file only wires them."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from responders.errors import UnusableInput
from responders.profiles import PROFILES

FORMATS = ("auto", "gbp", "takeout", "outscraper", "apify", "serpapi", "places", "csv")
ENGINES = ("rules", "llm", "auto")

# sub-command -> "module:function"; the function takes the parsed args and returns an exit status
HANDLERS = {
    "import": "responders.importers.command:run",
    "classify": "responders.classify.command:run",
    "guard": "responders.guard.command:run",
    "draft": "responders.drafting:run_command",
    "export lawyer": "responders.export.command:run_lawyer",
    "export verify": "responders.export.command:run_verify",
    "eval guard": "responders.guard.evaluate:run",
    "eval classify": "responders.classify.evaluate:run",
    "demo": "responders.importers.demo:run",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="responders",
        description="Avis Google d'un cabinet de santé : import, classement, réponses sûres.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="importer des avis (fichiers, dossiers, .zip)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", dest="db", default=None, help="URL de la base de données")
    p.add_argument("--location", default=None, help="nom de l'établissement si la source ne le donne pas")
    p.add_argument("--format", default="auto", choices=FORMATS)
    p.add_argument("--mapping", default=None, help="CSV générique : colonnes, ex. text=Avis,rating=Note")
    p.add_argument("--no-classify", action="store_true", help="ne pas classer les avis importés")

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

    p = sub.add_parser("demo", help="charger les avis de démonstration si la base est vide")
    p.add_argument("--db", dest="db", default=None)
    p.add_argument("--force", action="store_true", help="charger même si la base contient des avis")
    return parser


def _handler_key(args: argparse.Namespace) -> str:
    if args.command == "export":
        return f"export {args.export_command}"
    if args.command == "eval":
        return f"eval {args.eval_command}"
    return str(args.command)


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("TQDM_DISABLE", "1")
    args = build_parser().parse_args(argv)
    module_name, function_name = HANDLERS[_handler_key(args)].split(":")
    handler = getattr(importlib.import_module(module_name), function_name)
    try:
        return int(handler(args))
    except UnusableInput as exc:
        print(f"Erreur : {exc}", file=sys.stderr)  # noqa: T201
        return 2
    except KeyboardInterrupt:
        print("Interrompu : rien n'a été enregistré pour le fichier en cours.", file=sys.stderr)  # noqa: T201
        return 1
    except Exception as exc:  # the contract: 1 for an unexpected failure, with a readable reason
        from sqlalchemy.exc import SQLAlchemyError

        from responders.db import database_failure, database_url

        reason = None
        if isinstance(exc, SQLAlchemyError):
            reason = database_failure(exc, database_url(getattr(args, "db", None)))
        if reason is not None:  # a read-only database, found only when writing: nothing was written
            print(f"Erreur : {reason}", file=sys.stderr)  # noqa: T201
            return 2
        print(f"Erreur inattendue : {type(exc).__name__}: {exc}", file=sys.stderr)  # noqa: T201
        if os.environ.get("RESPONDERS_DEBUG"):
            raise
        return 1


if __name__ == "__main__":
    sys.exit(main())
