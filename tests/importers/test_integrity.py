"""Issue 18, integrity: an older export never becomes current, a file holding two states of one
review re-imports as nothing, and two imports at once never store a review twice."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from responders.importers import import_paths
from tests.importers.helpers import count, gbp_review, snapshot

ROOT = Path(__file__).resolve().parents[2]
NOVEMBER = "escroc qui facture des actes jamais faits"
SEPTEMBER = "m'a mal soigné"


def state(text_: str, update_time: str | None) -> dict:
    review = gbp_review(7)
    review["comment"] = text_
    if update_time is None:
        review.pop("updateTime")
    else:
        review["updateTime"] = update_time
    return review


def write(path: Path, *reviews: dict) -> Path:
    path.write_text(json.dumps({"reviews": list(reviews)}, ensure_ascii=False), encoding="utf-8")
    return path


def current(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT v.text_original, r.revision_count, r.status FROM reviews r "
            "JOIN review_revisions v ON v.id = r.current_revision_id"
        ))]


def test_an_older_export_imported_after_a_newer_one_is_kept_but_not_current(engine, tmp_path):
    november = write(tmp_path / "nov.json", state(NOVEMBER, "2025-11-20T10:00:00Z"))
    september = write(tmp_path / "sep.json", state(SEPTEMBER, "2025-09-03T10:00:00Z"))
    import_paths(engine, [november])
    label = [tuple(r) for r in engine.connect().execute(text("SELECT label, changed_at FROM reviews"))]
    summary = import_paths(engine, [september]).to_dict()
    assert (summary["updated"], summary["older"], summary["unchanged"]) == (0, 1, 0)
    assert current(engine) == [(NOVEMBER, 2, "nouveau")]
    assert count(engine, "review_revisions") == 2  # the September state is kept, for the record
    with engine.connect() as conn:  # still the same label and the same place in the queue
        assert [tuple(r) for r in conn.execute(text("SELECT label, changed_at FROM reviews"))] == label
    before = snapshot(engine)
    again = import_paths(engine, [september]).to_dict()
    assert (again["older"], again["unchanged"]) == (0, 1)
    assert snapshot(engine) == before


def test_the_newer_export_imported_second_becomes_current(engine, tmp_path):
    import_paths(engine, [write(tmp_path / "sep.json", state(SEPTEMBER, "2025-09-03T10:00:00Z"))], classify=False)
    summary = import_paths(engine, [write(tmp_path / "nov.json", state(NOVEMBER, "2025-11-20T10:00:00Z"))], classify=False)
    assert (summary.updated, summary.older) == (1, 0)
    assert current(engine) == [(NOVEMBER, 2, "nouveau")]


def test_one_file_newest_first_keeps_the_newest_current(engine, tmp_path):
    path = write(tmp_path / "both.json", state(NOVEMBER, "2025-11-20T10:00:00Z"), state(SEPTEMBER, "2025-09-03T10:00:00Z"))
    summary = import_paths(engine, [path], classify=False).to_dict()
    assert (summary["new"], summary["older"]) == (1, 1)
    assert current(engine) == [(NOVEMBER, 2, "nouveau")]


@pytest.mark.parametrize(
    "times", [("2025-09-03T10:00:00Z", "2025-11-20T10:00:00Z"), (None, None)], ids=["updateTime", "no-time"]
)
def test_reimporting_a_file_with_two_states_of_one_review_changes_nothing(engine, tmp_path, times):
    path = write(tmp_path / "both.json", state(SEPTEMBER, times[0]), state(NOVEMBER, times[1]))
    first = import_paths(engine, [path]).to_dict()
    assert (first["new"], first["updated"]) == (1, 1)
    with engine.connect() as conn:  # the triage moves it on: a re-import must not re-queue it
        conn.execute(text("UPDATE reviews SET status = 'traite'"))
        conn.commit()
    before = snapshot(engine)
    for _ in range(2):
        again = import_paths(engine, [path]).to_dict()
        assert (again["new"], again["updated"], again["older"], again["unchanged"]) == (0, 0, 0, 2)
        assert snapshot(engine) == before  # no revision, no re-queue, no moved deadline
    assert current(engine) == [(NOVEMBER, 2, "traite")]


def test_the_fingerprint_is_unique_within_a_listing(engine, tmp_path):
    review = {"comment": "Super !", "starRating": "FIVE", "reviewer": {}}
    path = write(tmp_path / "twice.json", review, copy.deepcopy(review))
    import_paths(engine, [path], location="Cabinet", classify=False)
    with engine.connect() as conn:  # two anonymous « Super ! » are two people: ranks 1 and 2
        ranks = sorted(r[0] for r in conn.execute(text("SELECT fingerprint_rank FROM reviews")))
        assert ranks == [1, 2]
        with pytest.raises(IntegrityError):
            conn.execute(text(
                "INSERT INTO reviews (location_id, fingerprint, fingerprint_rank, source, is_anonymous, "
                "revision_count, status, for_lawyer) SELECT location_id, fingerprint, 1, source, "
                "is_anonymous, 1, 'nouveau', false FROM reviews WHERE fingerprint_rank = 1"
            ))


def idless_csv(path: Path, rows: int) -> Path:
    lines = ["Date;Auteur;Note;Avis"]
    for i in range(rows):
        minute = i % 60
        hour = (i // 60) % 24
        day = i // 1440 + 1
        lines.append(f"{day:02d}/03/2025 {hour:02d}:{minute:02d};Patient {i};{i % 5 + 1};Avis numéro {i}, rien à signaler.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_imports_at_once_store_each_review_once(db_url, tmp_path):
    from responders.store.engine import make_engine

    make_engine(db_url).dispose()  # the schema exists before both start, as in production
    path = idless_csv(tmp_path / "avis.csv", 5000)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "TQDM_DISABLE": "1"}
    command = [sys.executable, "-m", "responders", "import", str(path), "--db", db_url,
               "--location", "Cabinet Nord", "--no-classify"]
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
    summaries = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    assert sorted((s["new"], s["unchanged"]) for s in summaries) == [(0, 5000), (5000, 0)]
    engine = make_engine(db_url)
    try:
        assert count(engine, "reviews") == 5000
        assert count(engine, "review_revisions") == 5000
    finally:
        engine.dispose()


def test_the_french_summaries_mention_older_states():
    from responders.views.import_report import summary_lines

    assert any("plus anciennes" in line for line in summary_lines({"older": 1}))
    assert not any("plus anciennes" in line for line in summary_lines({"older": 0}))


def test_a_failure_on_the_second_file_still_reports_the_first(db_url, tmp_path, monkeypatch, capsys):
    from responders import importers
    from responders.cli.handlers import main

    one = write(tmp_path / "one.json", gbp_review(1))
    two = write(tmp_path / "two.json", gbp_review(2))
    real = importers.store_file
    calls = []

    def flaky(session, unit, **kwargs):
        calls.append(unit.label)
        if len(calls) == 2:
            raise RuntimeError("disque plein")
        return real(session, unit, **kwargs)

    monkeypatch.setattr(importers, "store_file", flaky)
    assert main(["import", str(one), str(two), "--db", db_url, "--no-classify"]) == 1
    out, err = capsys.readouterr()
    summary = json.loads(out.strip().splitlines()[-1])
    assert (summary["files"], summary["new"]) == (1, 1)
    assert f"{one} (gbp) : 1 avis lus, 1 nouveaux" in err
    assert f"{two} : non enregistré" in err and "Erreur inattendue" in err


def test_two_threads_importing_at_once_store_each_review_once(db_url, tmp_path):
    """The dashboard's Importer page and a scheduled job share one database."""
    import threading

    from responders.store.engine import make_engine

    make_engine(db_url).dispose()
    path = idless_csv(tmp_path / "avis.csv", 5000)
    results: list[dict] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:  # each thread opens its own engine, migrations included, at the same moment
            engine = make_engine(db_url)
            try:
                results.append(import_paths(engine, [path], location="Cabinet Nord", classify=False).to_dict())
            finally:
                engine.dispose()
        except BaseException as exc:  # noqa: BLE001  reported below
            failures.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(600)
    assert not failures, failures
    assert sorted((r["new"], r["unchanged"]) for r in results) == [(0, 5000), (5000, 0)]
    engine = make_engine(db_url)
    try:
        assert count(engine, "reviews") == 5000
    finally:
        engine.dispose()


def test_the_dossier_shows_the_current_state_last_after_an_older_import(engine, tmp_path):
    from sqlmodel import Session

    from responders.export import build_dossier

    import_paths(engine, [write(tmp_path / "nov.json", state(NOVEMBER, "2025-11-20T10:00:00Z"))])
    import_paths(engine, [write(tmp_path / "sep.json", state(SEPTEMBER, "2025-09-03T10:00:00Z"))])
    with engine.begin() as conn:
        conn.execute(text("UPDATE reviews SET for_lawyer = true"))
    with Session(engine) as session:
        entry = build_dossier(session, profile="fr-dentiste").entries[0]
    assert entry.text_original == NOVEMBER
    assert [r.record["number"] for r in entry.revisions] == [2, 1]  # the older capture, then the current
    assert entry.revisions[-1].record["text_original"] == NOVEMBER
    assert entry.current_sha256 == entry.revisions[-1].sha256


def test_two_processes_opening_a_fresh_database_at_once_both_work(db_url):
    code = "import sys; from responders.store.engine import make_engine; make_engine(sys.argv[1]).dispose()"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    runs = [subprocess.Popen([sys.executable, "-c", code, db_url], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
