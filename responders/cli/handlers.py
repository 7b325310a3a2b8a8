"""The `responders` command: each sub-command lives with its step; this module only dispatches."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from responders.cli.parser import build_parser
from responders.errors import UnusableInput

# sub-command -> "module:function"; the function takes the parsed args and returns an exit status
HANDLERS = {
    "import": "responders.importers.command:run",
    "classify": "responders.classify.command:run",
    "guard": "responders.guard.command:run",
    "draft": "responders.drafting.command:run",
    "export lawyer": "responders.export.command:run_lawyer",
    "export verify": "responders.export.command:run_verify",
    "eval guard": "responders.guard.evaluate:run",
    "eval classify": "responders.classify.evaluate:run",
    "eval bursts": "responders.bursts:run_eval",
    "demo": "responders.importers.demo:run",
    "audit replies": "responders.audit.command:run_replies",
    "digest": "responders.notify.command:run_digest",
    "users add": "responders.people.command:run_add",
    "users list": "responders.people.command:run_list",
}


def _handler_key(args: argparse.Namespace) -> str:
    if args.command == "export":
        return f"export {args.export_command}"
    if args.command == "eval":
        return f"eval {args.eval_command}"
    if args.command == "audit":
        return f"audit {args.audit_command}"
    if args.command == "users":
        return f"users {args.users_command}"
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

        from responders.store.engine import database_failure, database_url

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
