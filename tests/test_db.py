from datetime import UTC, datetime

from sqlalchemy import inspect, text
from sqlmodel import Session, select

from responders.db import make_engine
from responders.models import Location


def test_schema_is_created_by_migrations(engine):
    tables = set(inspect(engine).get_table_names())
    assert {"locations", "reviews", "review_revisions", "import_runs", "classifications",
            "audit_events", "settings", "alembic_version"} <= tables


def test_datetimes_come_back_timezone_aware(engine):
    moment = datetime(2025, 3, 2, 15, 1, 23, 45123, tzinfo=UTC)
    with Session(engine) as session:
        session.add(Location(key="k", name="Cabinet", created_at=moment))
        session.commit()
    with Session(engine) as session:
        loc = session.exec(select(Location)).one()
        assert loc.created_at == moment
        assert loc.created_at.tzinfo is not None


def test_sqlite_uses_wal(tmp_path):
    eng = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with eng.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_migrating_twice_keeps_data(db_url):
    eng = make_engine(db_url)
    with Session(eng) as session:
        session.add(Location(key="k", name="Cabinet"))
        session.commit()
    eng.dispose()
    eng = make_engine(db_url)
    with Session(eng) as session:
        assert session.exec(select(Location)).one().name == "Cabinet"
