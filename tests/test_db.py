from datetime import UTC, datetime

from sqlalchemy import inspect, text
from sqlmodel import Session, select

from responders.store.engine import make_engine
from responders.store.models import Location


def test_schema_is_created_by_migrations(engine):
    tables = set(inspect(engine).get_table_names())
    assert {"locations", "reviews", "review_revisions", "import_runs", "classifications",
            "audit_events", "settings", "users", "alembic_version"} <= tables


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


def test_upgrade_from_the_first_schema_keeps_reviews_and_fills_their_label(db_url):
    from sqlalchemy import text as sql

    from responders.store.engine import upgrade

    eng = make_engine(db_url, migrate=False)
    upgrade(eng, "0001")
    with eng.begin() as conn:
        conn.execute(sql("INSERT INTO locations (id, key, name) VALUES (1, 'k', 'Cabinet')"))
        conn.execute(sql(
            "INSERT INTO reviews (id, location_id, fingerprint, source, is_anonymous, revision_count,"
            " status, for_lawyer) VALUES (1, 1, 'f', 'gbp', false, 1, 'nouveau', false)"))
        conn.execute(sql(
            "INSERT INTO review_revisions (id, review_id, number, source, raw, digest)"
            " VALUES (1, 1, 1, 'gbp', '{}', 'd')"))
        for cid, label in ((1, "criticism"), (2, "defamation")):
            conn.execute(sql(
                "INSERT INTO classifications (id, review_id, revision_id, label, confidence, passages,"
                f" engine, version) VALUES ({cid}, 1, 1, '{label}', 0.5, '[]', 'rules', 'v')"))
    upgrade(eng)
    with eng.connect() as conn:
        assert conn.execute(sql("SELECT label FROM reviews WHERE id = 1")).scalar_one() == "defamation"
        assert conn.execute(sql("SELECT count(*) FROM review_revisions")).scalar_one() == 1


def test_captures_table_migrates_up_and_down(db_url):
    from sqlalchemy import inspect as sql_inspect

    from responders.store.engine import upgrade

    eng = make_engine(db_url)
    assert "review_captures" in set(sql_inspect(eng).get_table_names())
    from alembic import command

    from responders.store.engine import alembic_config

    command.downgrade(alembic_config(eng), "0002")
    eng.dispose()
    eng = make_engine(db_url, migrate=False)
    assert "review_captures" not in set(sql_inspect(eng).get_table_names())
    upgrade(eng)
    assert "review_captures" in set(sql_inspect(eng).get_table_names())


def test_upgrade_from_0002_adds_the_users_table_and_keeps_settings(db_url):
    from sqlalchemy import text as sql

    from responders.store.engine import upgrade

    eng = make_engine(db_url, migrate=False)
    upgrade(eng, "0002")
    assert "users" not in set(inspect(eng).get_table_names())
    with eng.begin() as conn:
        conn.execute(sql("INSERT INTO settings (key, value) VALUES ('practice_name', '\"Cabinet\"')"))
    upgrade(eng)
    assert "users" in set(inspect(eng).get_table_names())
    with eng.connect() as conn:
        assert conn.execute(sql("SELECT count(*) FROM settings")).scalar() == 1
    eng.dispose()
