"""Alembic environment: the engine comes from responders.store.engine, never from an ini file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text
from sqlmodel import SQLModel

from responders.store import models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata
MIGRATION_LOCK = 0x7265_736D  # pg_advisory_xact_lock key of schema migrations


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from responders.store.engine import make_engine

        engine = make_engine(migrate=False)
    with engine.connect() as connection:
        # Two processes starting on a fresh database (a scheduled import, the dashboard) would
        # both create the tables: the first takes the write lock, the second waits and then finds
        # the schema at head. Taken before configure(), so Alembic runs inside this transaction.
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
