"""`responders users add NAME --role ROLE` (password on standard input) and `responders users list`."""

from __future__ import annotations

import argparse
import json
import sys

from responders.errors import UnusableInput
from responders.people.accounts import add_user, list_users
from responders.store.engine import make_engine, session_scope


def _read_password() -> str:
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("Mot de passe : ")
        if first != getpass.getpass("Mot de passe (encore) : "):
            raise UnusableInput("les deux mots de passe saisis diffèrent.")
        return first
    # piped: the first line is the password (a trailing newline is not part of it)
    return sys.stdin.readline().rstrip("\r\n")


def run_add(args: argparse.Namespace) -> int:
    password = _read_password()
    engine = make_engine(args.db)
    try:
        with session_scope(engine) as session:
            try:
                account = add_user(
                    session, args.name, args.role, password or None, email=args.email
                )
            except ValueError as exc:
                raise UnusableInput(str(exc)) from None
    finally:
        engine.dispose()
    print(f"Compte « {account.name} » créé ({account.role_fr}).", file=sys.stderr)  # noqa: T201
    return 0


def run_list(args: argparse.Namespace) -> int:
    engine = make_engine(args.db)
    try:
        with session_scope(engine) as session:
            rows = list_users(session)
    finally:
        engine.dispose()
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))  # noqa: T201
    if not rows:
        print(  # noqa: T201
            "Aucun compte : créez le premier avec « responders users add NOM --role praticien ».",
            file=sys.stderr,
        )
    return 0
