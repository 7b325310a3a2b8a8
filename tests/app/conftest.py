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
