from __future__ import annotations

import pytest

from responders.store.engine import make_engine


@pytest.fixture
def app_db(db_url, monkeypatch):
    """The app's database for one AppTest run: a fresh one, through the same env var `make run` uses."""
    monkeypatch.setenv("RESPONDERS_DATABASE_URL", db_url)
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def demo_db(app_db):
    from responders.importers.demo import load_demo

    load_demo(app_db)
    return app_db


def sign_in_as(at, account) -> None:
    """Signs `at` in as `account`, creating it in the app's database first when missing (a
    signed-in session whose account no longer exists is signed out)."""
    import os

    from responders.people import accounts
    from responders.store.engine import session_scope

    engine = make_engine(os.environ["RESPONDERS_DATABASE_URL"])
    try:
        with session_scope(engine) as session:
            if accounts.find_user(session, account.name) is None:
                accounts.add_user(session, account.name, account.role, "mot-de-passe-de-test", demo=account.demo)
    finally:
        engine.dispose()
    at.session_state["account"] = account
