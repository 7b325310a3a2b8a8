"""`responders demo [--db URL] [--force]`: load the demonstration reviews into an empty database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from responders.importers import ImportSummary, import_paths
from responders.store.engine import make_engine
from responders.store.models import Review

DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "demo"
# The API pages first, then the Excel-French CSV of the same reviews: the CSV adds nothing but
# the listings' names, and shows the cross-source matching at work.
DEMO_SUFFIXES = (".json", ".csv")


def demo_files(folder: Path = DEMO_DIR) -> list[Path]:
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DEMO_SUFFIXES]
    return sorted(files, key=lambda p: (DEMO_SUFFIXES.index(p.suffix.lower()), p.name))


def review_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Review)).scalar_one())


def load_demo(
    engine: Engine, *, force: bool = False, folder: Path = DEMO_DIR, classify: bool = True
) -> ImportSummary | None:
    """Import the demo files when the database holds no review (or when forced).

    None when skipped because reviews exist; an empty summary when there is no demo file.
    Re-running with force is harmless: the import is idempotent.
    """
    if not force and review_count(engine) > 0:
        return None
    files = demo_files(folder)
    if not files:
        return ImportSummary()
    summary = import_paths(engine, files, classify=classify)
    _set_profiles(engine, folder / "profiles.toml")
    _create_demo_accounts(engine)
    return summary


def _create_demo_accounts(engine: Engine) -> None:
    """The documented demo accounts (README), only when the database has no account yet: a
    fresh `make run` can be signed into without typing anything on the terminal."""
    from responders.people.accounts import create_demo_accounts
    from responders.store.engine import session_scope

    with session_scope(engine) as session:
        create_demo_accounts(session)


def _set_profiles(engine: Engine, path: Path) -> None:
    """Gives each demo listing its own profile, so the demo shows both jurisdictions."""
    if not path.is_file():
        return
    import tomllib

    from sqlmodel import Session, col
    from sqlmodel import select as sql_select

    from responders.store.models import Location

    profiles = tomllib.loads(path.read_text(encoding="utf-8"))
    with Session(engine) as session:
        for location in session.exec(
            sql_select(Location).where(col(Location.key).in_(list(profiles)))
        ).all():
            location.profile = str(profiles[location.key])
            session.add(location)
        session.commit()


def run(args: argparse.Namespace) -> int:
    engine = make_engine(args.db)
    try:
        summary = load_demo(engine, force=bool(getattr(args, "force", False)))
    finally:
        engine.dispose()
    if summary is None:
        print(  # noqa: T201
            "La base contient déjà des avis : démonstration non chargée (ajoutez --force pour la charger quand même).",
            file=sys.stderr,
        )
        return 0
    if summary.files == 0:
        print(f"Aucun fichier de démonstration dans {DEMO_DIR} : rien à charger.", file=sys.stderr)  # noqa: T201
        return 0
    print(  # noqa: T201
        f"Démonstration chargée : {summary.new} nouveaux avis, {summary.unchanged} déjà présents, "
        f"{summary.rejected} refusés ({summary.files} fichiers).",
        file=sys.stderr,
    )
    print(json.dumps(summary.to_dict(), ensure_ascii=False))  # noqa: T201
    _announce_demo_accounts(args.db)
    return 0


def _announce_demo_accounts(url: str | None) -> None:
    from responders.people.accounts import DEMO_ACCOUNTS, demo_accounts
    from responders.store.engine import session_scope

    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            names = {a.name for a in demo_accounts(session)}
    finally:
        engine.dispose()
    shown = [f"{name} / {password}" for name, _role, password in DEMO_ACCOUNTS if name in names]
    if shown:
        print(  # noqa: T201
            "Comptes de démonstration (nom / mot de passe) : " + ", ".join(shown) + ".",
            file=sys.stderr,
        )
