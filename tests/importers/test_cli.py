"""`responders import` and `responders demo` as users run them: a real process, a real file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from responders.importers import demo
from responders.store.engine import make_engine
from tests.importers.helpers import FIXTURES, snapshot, write_gbp_pages

ROOT = Path(__file__).resolve().parents[2]
SUMMARY_KEYS = ["files", "read", "new", "updated", "unchanged", "rejected", "older", "errors"]


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "responders", *args], capture_output=True, text=True,
        cwd=ROOT, env=env, timeout=timeout,
    )


def last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def test_import_prints_the_summary_last_and_exits_0(db_url):
    done = cli("import", str(FIXTURES / "gbp_page.json"), str(FIXTURES / "serpapi.json"), "--db", db_url, "--no-classify")
    assert done.returncode == 0, done.stderr
    summary = last_json(done.stdout)
    assert list(summary) == SUMMARY_KEYS
    assert summary["files"] == 2 and summary["new"] == 6 and summary["rejected"] == 1
    assert summary["errors"][0]["record"] == 5
    assert "avis lus" in done.stderr and "refusé" in done.stderr  # French messages on stderr
    again = cli("import", str(FIXTURES / "gbp_page.json"), str(FIXTURES / "serpapi.json"), "--db", db_url, "--no-classify")
    assert last_json(again.stdout)["unchanged"] == 6 and last_json(again.stdout)["new"] == 0


def test_generic_csv_with_location_and_mapping(db_url, tmp_path):
    path = tmp_path / "avis.csv"
    path.write_bytes("Quand;Texte libre;Étoiles\n02/03/2025;Très bien;5\n".encode("cp1252"))
    done = cli("import", str(path), "--db", db_url, "--location", "Cabinet Sud", "--format", "csv",
               "--mapping", "date=Quand,text=Texte libre,rating=Étoiles", "--no-classify")
    assert done.returncode == 0, done.stderr
    assert last_json(done.stdout)["new"] == 1


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        (["truncated.json"], "truncated.json : ligne 1"),
        (["empty.json"], "empty.json : le fichier est vide"),
        (["wrong_shape.json"], "format non reconnu"),
        (["maps/Takeout/Maps (your places)/Reviews.json"], "vous-même écrits"),
        (["generic_fr_excel.csv"], "--location"),
        (["gbp_pages.json", "truncated.json"], "truncated.json"),
    ],
)
def test_unusable_input_exits_2_and_writes_nothing(db_url, paths, message):
    engine = make_engine(db_url)
    before = snapshot(engine)
    done = cli("import", *(str(FIXTURES / p) for p in paths), "--db", db_url, "--no-classify")
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and "Erreur : " in done.stderr
    assert snapshot(engine) == before
    engine.dispose()


def test_killed_import_leaves_the_database_as_before(tmp_path):
    db = tmp_path / "kill.db"
    url = f"sqlite:///{db}"
    assert cli("import", str(FIXTURES / "takeout"), "--db", url, "--no-classify").returncode == 0
    engine = make_engine(url)
    before = snapshot(engine)
    engine.dispose()
    big = write_gbp_pages(tmp_path / "big.json", 60_000, text_len=40)
    wal = Path(f"{db}-wal")
    process = subprocess.Popen(
        [sys.executable, "-m", "responders", "import", str(big), "--db", url, "--no-classify"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:  # wait until the file is being stored
            if line.startswith("Enregistrement de"):
                break
        deadline = time.monotonic() + 60
        # kill once the transaction has written pages to the log: truly mid-way
        while time.monotonic() < deadline and process.poll() is None:
            if wal.exists() and wal.stat().st_size > 1_000_000:
                break
            time.sleep(0.005)
        assert process.poll() is None, "the import finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    engine = make_engine(url)
    assert snapshot(engine) == before
    engine.dispose()


def test_demo_loads_once_then_skips(db_url, tmp_path, monkeypatch):
    folder = tmp_path / "demo"
    folder.mkdir()
    engine = make_engine(db_url)
    assert demo.load_demo(engine, folder=folder).files == 0  # empty folder: nothing, no error
    (folder / "api.json").write_bytes((FIXTURES / "gbp_pages.json").read_bytes())
    (folder / "notes.txt").write_text("pas des avis")
    summary = demo.load_demo(engine, folder=folder, classify=False)
    assert summary is not None and summary.new == 3
    assert demo.load_demo(engine, folder=folder) is None  # reviews exist: skipped
    forced = demo.load_demo(engine, folder=folder, force=True, classify=False)
    assert forced is not None and forced.unchanged == 4 and forced.new == 0  # 3 reviews, one listed twice
    engine.dispose()


def test_demo_command(db_url):
    done = cli("demo", "--db", db_url)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip()  # a French line either way (loaded, or folder empty)
    again = cli("demo", "--db", db_url)
    assert again.returncode == 0
    if demo.demo_files():
        assert "déjà des avis" in again.stderr
