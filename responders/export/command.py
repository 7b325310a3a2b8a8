"""`responders export lawyer` and `responders export verify`.

export lawyer: classifies whatever the last import left unclassified, then writes the
dossier. The profile comes from --profile, else from the practice settings.

export verify: exit status 0 when the dossier matches the database, 1 when something
changed (like `diff`), 2 when the dossier cannot be read. The report goes to standard
output, one French sentence per difference.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from responders.errors import UnusableInput
from responders.export import build_dossier, write_dossier
from responders.export.verify import verify_dossier
from responders.store.engine import database_url, describe, make_engine, session_scope
from responders.store.models import Review
from responders.store.settings import PracticeSettings


def _say(message: str) -> None:
    """A human message: standard error, so standard output stays for data."""
    print(message, file=sys.stderr)  # noqa: T201


def _classify_pending(engine) -> int | None:  # type: ignore[no-untyped-def]
    """Classify what is not yet classified; None when the classifier is not installed."""
    try:
        from responders.classify.store import classify_pending
    except ImportError:
        return None
    with session_scope(engine) as session:
        return int(classify_pending(session))


def run_lawyer(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if not output.parent.is_dir():
        raise UnusableInput(
            f"{args.output} : le dossier {output.parent} n'existe pas. Créez-le ou choisissez un autre chemin."
        )
    url = database_url(args.db)
    if url.startswith("sqlite:///") and "mode=ro" not in url:
        path = Path(url.removeprefix("sqlite:///"))
        if not path.is_file():
            raise UnusableInput(
                f"la base {path} n'existe pas : rien à exporter. Indiquez la base du cabinet avec "
                "--db ou RESPONDERS_DATABASE_URL."
            )
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            reviews = session.exec(select(func.count()).select_from(Review)).one()
        if not reviews:
            raise UnusableInput(
                f"la base {describe(url)} ne contient aucun avis : rien à exporter. Importez d'abord "
                "les avis (responders import), ou indiquez la base du cabinet avec --db ou "
                "RESPONDERS_DATABASE_URL."
            )
        classified = _classify_pending(engine)
        if classified is None:
            _say(
                "Attention : classement indisponible, seuls les avis déjà classés sont pris en compte."
            )
        elif classified:
            _say(f"{classified} avis classé(s) avant l'export.")
        with session_scope(engine) as session:
            settings = PracticeSettings.load(session)
            dossier = build_dossier(
                session,
                profile=args.profile or settings.profile,
                settings=settings,
                scope=getattr(args, "scope", None) or "candidates",
            )
    finally:
        engine.dispose()
    write_dossier(dossier, args.format, str(output))
    # a listing with its own signatory needs nothing from the practice-wide settings
    unsigned = [e for e in dossier.entries if not (e.notifier.name and e.notifier.email)]
    missing = settings.missing_for_notice()
    if unsigned and missing:
        _say(
            "Notifications à Google incomplètes : renseignez "
            + " et ".join(missing)
            + " dans les réglages du cabinet."
        )
    expired = sum(1 for e in dossier.entries if e.deadline.expired)
    _say(
        f"Dossier pour l'avocat écrit dans {output} : {len(dossier.entries)} avis, "
        f"{dossier.scope_fr} (profil {dossier.profile.name}, dont {expired} hors délai)."
    )
    return 0


def run_verify(args: argparse.Namespace) -> int:
    path = Path(args.dossier)
    if not path.is_file():
        raise UnusableInput(f"{args.dossier} : fichier introuvable. Vérifiez le chemin.")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnusableInput(
            f"{args.dossier} : JSON illisible ({exc}). Utilisez le dossier exporté au format json."
        ) from None
    engine = make_engine(args.db)
    try:
        with session_scope(engine) as session:
            try:
                report = verify_dossier(session, data)
            except UnusableInput as exc:
                raise UnusableInput(f"{args.dossier} : {exc}") from None
    finally:
        engine.dispose()
    for line in report.lines():
        print(line)  # noqa: T201
    return 0 if report.identical else 1
