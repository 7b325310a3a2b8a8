"""Alembic environment: the engine comes from responders.store.engine, never from an ini file."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from responders.store import models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from responders.store.engine import make_engine

        engine = make_engine(migrate=False)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
