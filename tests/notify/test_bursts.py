"""Review bombing against the listing's own baseline."""

from __future__ import annotations

from datetime import datetime, timedelta

from responders.bursts import ReviewPoint, detect_bursts, evaluate, synthetic_history
from responders.cli.handlers import main

T0 = datetime(2026, 1, 5, 9)


def steady(location: int, weeks: int, first_id: int = 1) -> list[ReviewPoint]:
    """Three reviews a week, one in six low: an ordinary practice."""
    points = []
    for i in range(weeks * 3):
        rating = 1 if i % 6 == 0 else 5
        points.append(ReviewPoint(first_id + i, location, T0 + timedelta(hours=56 * i), rating,
                                  f"Avis ordinaire numéro {i}, rien de spécial à signaler.", f"Auteur {i}"))
    return points


def test_an_ordinary_history_has_no_burst():
    assert detect_bursts(steady(1, weeks=100)) == []


def test_a_campaign_is_flagged_with_its_signals():
    points = steady(1, weeks=60)
    at = T0 + timedelta(days=200)
    campaign = [
        ReviewPoint(10_000 + k, 1, at + timedelta(hours=7 * k), 1,
                    "" if k % 2 else "Arnaque totale, fuyez ce cabinet !", "Compte X" if k < 2 else f"Inconnu {k}")
        for k in range(6)
    ]
    # the same name also gave a low rating to another listing of the group
    other = [ReviewPoint(20_000, 2, at, 1, "Arnaque", "Compte X")]
    bursts = detect_bursts(points + campaign + other)
    assert len(bursts) == 1
    burst = bursts[0]
    assert set(burst.review_ids) >= {p.review_id for p in campaign}
    reason = burst.reason
    assert "en moins de 72 heures" in reason and "sans texte" in reason
    assert "presque identiques" in reason and "autre établissement" in reason


def test_a_busy_listing_needs_more_than_a_quiet_one():
    # a listing that usually gets two low ratings every three days is not bombed by three
    busy = [ReviewPoint(i, 1, T0 + timedelta(hours=36 * i), 1, f"Texte différent {i} " * 3, f"A{i}")
            for i in range(400)]
    extra = [ReviewPoint(1000 + k, 1, T0 + timedelta(days=300, hours=k), 1, f"Autre {k} " * 3, f"B{k}")
             for k in range(3)]
    assert detect_bursts(busy + extra) == []


def test_synthetic_histories_precision_and_recall():
    for seed in (1, 2, 3):
        figures = evaluate(synthetic_history(seed=seed))
        assert figures["recall"] >= 0.9 and figures["precision"] >= 0.9, (seed, figures)


def test_eval_command_prints_french_figures(capsys):
    assert main(["eval", "bursts", "--histories", "2"]) == 0
    out = capsys.readouterr().out
    assert "Rappel (campagnes trouvées)" in out and "Précision (rafales justes)" in out


def test_the_card_and_the_dossier_name_the_burst(engine, monkeypatch):
    from sqlmodel import Session

    from responders.export import build_dossier
    from responders.store.models import Location, Review
    from responders.triage import queue
    from tests.factories import make_burst_history

    monkeypatch.setenv("RESPONDERS_NOW", "2026-06-01T12:00:00+00:00")
    with Session(engine) as session:
        location = Location(key="loc", name="Cabinet")
        session.add(location)
        session.flush()
        # two years of ordinary reviews, then six 1-star reviews within two days
        ids = make_burst_history(session, location, start=T0, after_days=400,
                                 texts=["" if k % 2 else "Arnaque, fuyez !" for k in range(6)])
        session.get(Review, ids[0]).for_lawyer = True
        session.commit()
        [item] = queue.load_items(session, [ids[0]])
        entry = next(e for e in build_dossier(session, profile="fr-dentiste").entries if e.review_id == ids[0])
    assert item.burst.startswith("Rafale d'avis négatifs : 6 avis à 1 ou 2 étoiles en moins de 72 heures")
    assert entry.burst and "sans texte" in entry.burst
    assert entry.to_dict()["burst"] == entry.burst
