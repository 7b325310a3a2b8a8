"""The engine, the schema (through Alembic) and sessions. Nothing else creates engines."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlmodel import Session, create_engine

from responders.errors import UnusableInput

MIGRATIONS = Path(__file__).with_name("migrations")
PROJECT = Path(__file__).resolve().parents[2]


def default_database_path() -> Path:
    """Where the practice's database lives when no URL is given, whatever the current folder:
    the project's `data/` folder when the package runs from its checkout (as `make run` does),
    else the user's data folder (`$XDG_DATA_HOME/responders`, i.e. ~/.local/share/responders)."""
    if (PROJECT / "pyproject.toml").is_file() and (PROJECT / "responders").is_dir():
        return PROJECT / "data" / "responders.db"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "responders" / "responders.db"


def database_url(url: str | None = None) -> str:
    return (
        url or os.environ.get("RESPONDERS_DATABASE_URL") or f"sqlite:///{default_database_path()}"
    )


def describe(url: str) -> str:
    """The database as a person can recognise it in a message (never its password)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def database_failure(exc: BaseException, url: str | None = None) -> str | None:
    """A French explanation for the database errors a person can fix, else None (a bug)."""
    message = str(getattr(exc, "orig", None) or exc).lower()
    where = describe(url) if url else "de données"
    what = f"la base {where}"
    if "readonly" in message or "read-only" in message or "read only" in message:
        return (
            f"{what} est en lecture seule : rien n'a été enregistré. Donnez le droit d'écriture "
            "sur le fichier et son dossier, ou indiquez une autre base (--db)."
        )
    if "file is not a database" in message or "file is encrypted" in message:
        return f"{what} n'est pas une base SQLite (fichier d'un autre programme ?) : indiquez la base du cabinet (--db)."
    if "unable to open database file" in message:
        return f"impossible d'ouvrir {what} : vérifiez le chemin et les droits du dossier."
    if "can't locate revision" in message or "no such revision" in message:
        return (
            f"{what} a été créée par une autre version de responders (schéma inconnu de celle-ci) : "
            "mettez responders à jour, ou indiquez la base du cabinet (--db)."
        )
    if "permission denied" in message:
        return (
            f"{what} refuse l'accès à cet utilisateur : vérifiez ses droits (lecture et écriture)."
        )
    return None


def _check_foreign_schema(engine: Engine, url: str) -> None:
    """A database holding another program's tables is never migrated into ours."""
    tables = set(inspect(engine).get_table_names())
    if tables and "alembic_version" not in tables:
        shown = ", ".join(sorted(tables)[:5])
        raise UnusableInput(
            f"la base {describe(url)} contient les tables d'un autre programme ({shown}) : "
            "responders ne la modifie pas. Indiquez une base vide ou celle du cabinet (--db)."
        )


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets the dashboard read while an import writes; busy_timeout avoids spurious "locked".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str | None = None, *, migrate: bool = True) -> Engine:
    """Engine for `url` (default: env var, then `default_database_path()`), schema brought to
    head. UnusableInput (French) when the database is read-only, foreign or not a database."""
    url = database_url(url)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = url.removeprefix("sqlite:///").split("?", 1)[0].removeprefix("file:")
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UnusableInput(
                f"impossible de créer le dossier de la base {path} ({exc.strerror}) : "
                "indiquez une autre base (--db ou RESPONDERS_DATABASE_URL)."
            ) from None
    engine = create_engine(url, pool_pre_ping=True)
    if migrate:
        try:  # before the pragmas: another program's file is not even switched to WAL
            _check_foreign_schema(engine, url)
        except SQLAlchemyError as exc:
            engine.dispose()
            reason = database_failure(exc, url)
            raise UnusableInput(
                reason
                or f"la base {describe(url)} est inaccessible ({getattr(exc, 'orig', None) or exc})."
            ) from None
        except UnusableInput:
            engine.dispose()
            raise
        engine.dispose()
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if migrate:
        from alembic.util.exc import CommandError

        try:
            if not at_head(engine):
                upgrade(engine)
        except UnusableInput:
            engine.dispose()
            raise
        except (SQLAlchemyError, CommandError) as exc:
            engine.dispose()
            reason = database_failure(exc, url)
            if reason is None:
                raise
            raise UnusableInput(reason) from None
    return engine


def alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


_MIGRATING = threading.Lock()  # Alembic keeps its context in module globals: one at a time


def at_head(engine: Engine) -> bool:
    """The schema is current: nothing to migrate, so no write lock to take (an import may hold
    it for minutes while the dashboard or an export starts)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads()) == heads


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with _MIGRATING:
        command.upgrade(alembic_config(engine), revision)


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("reviews")


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed on success, rolled back entirely on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
