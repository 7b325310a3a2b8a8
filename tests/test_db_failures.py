"""Issue 18, points 4 and 9: the database is found wherever the command runs, and a database
that cannot be used is said so in French with exit status 2."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from responders.errors import UnusableInput
from responders.store import engine as db
from responders.store.engine import database_url, make_engine

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "import"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RESPONDERS_DATABASE_URL"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "responders", *args], capture_output=True, text=True,
                          cwd=cwd, env={**env, "PYTHONPATH": str(ROOT)}, timeout=120)


def test_the_default_database_does_not_depend_on_the_current_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("RESPONDERS_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert database_url() == f"sqlite:///{ROOT / 'data' / 'responders.db'}"
    assert Path(database_url().removeprefix("sqlite:///")).is_absolute()


def test_outside_a_checkout_the_default_is_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(db, "PROJECT", tmp_path / "site-packages")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert db.default_database_path() == tmp_path / "share" / "responders" / "responders.db"


def test_export_of_a_database_without_reviews_says_so(tmp_path):
    url = f"sqlite:///{tmp_path / 'vide.db'}"
    make_engine(url).dispose()
    done = cli("export", "lawyer", "--db", url, "--format", "csv", "-o", str(tmp_path / "d.csv"), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "ne contient aucun avis" in done.stderr and str(tmp_path / "vide.db") in done.stderr
    assert not (tmp_path / "d.csv").exists()


def test_export_of_a_missing_database_creates_nothing(tmp_path):
    missing = tmp_path / "ailleurs" / "responders.db"
    done = cli("export", "lawyer", "--db", f"sqlite:///{missing}", "--format", "json", "-o", str(tmp_path / "d.json"))
    assert done.returncode == 2 and "n'existe pas" in done.stderr
    assert not missing.exists()


def test_a_read_only_database_is_exit_2_in_french(tmp_path):
    path = tmp_path / "ro.db"
    assert cli("import", str(FIXTURES / "gbp_page.json"), "--db", f"sqlite:///{path}", "--no-classify").returncode == 0
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    done = cli("import", str(FIXTURES / "serpapi.json"), "--db", read_only, "--no-classify")
    assert done.returncode == 2, done.stderr
    assert "lecture seule" in done.stderr and "Erreur inattendue" not in done.stderr


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        ("foreign", "tables d'un autre programme"),
        ("not-sqlite", "n'est pas une base SQLite"),
        ("newer", "autre version de responders"),
    ],
)
def test_a_database_that_is_not_ours_is_exit_2_in_french(tmp_path, prepare, message):
    path = tmp_path / "autre.db"
    if prepare == "foreign":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE patients (id INTEGER PRIMARY KEY, nom TEXT)")
            conn.execute("CREATE TABLE reviews (id INTEGER PRIMARY KEY)")
    elif prepare == "not-sqlite":
        path.write_text("Ceci est un document texte, pas une base.\n" * 50, encoding="utf-8")
    else:
        make_engine(f"sqlite:///{path}").dispose()
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_futur'")
    before = path.read_bytes()
    with pytest.raises(UnusableInput, match=message):
        make_engine(f"sqlite:///{path}")
    for command in (["import", str(FIXTURES / "gbp_page.json")], ["export", "lawyer", "--format", "csv", "-o", str(tmp_path / "d.csv")]):
        done = cli(*command, "--db", f"sqlite:///{path}")
        assert done.returncode == 2, done.stderr
        assert message in done.stderr
    if prepare != "newer":
        assert path.read_bytes() == before  # nothing written
