"""Review bombing: bursts of low ratings measured against the listing's own baseline.

A campaign against a practice looks like several 1–2★ reviews within a few days, often
without text, with near-identical texts, or signed by the same names across the group's
listings. Each signal alone happens to honest practices; the detector flags a window when
the count of low ratings is far above what the listing usually receives, and reports which
signals it saw, so staff can bundle the reviews for Google's fake-engagement or extortion form.

Cost: reviews are sorted once per listing and scanned with a sliding window (O(n log n));
texts are compared through hashed word shingles inside a window only.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

WINDOW = timedelta(hours=72)
LOW_RATING = 2
MIN_BURST = 3
# a window is a burst when so many low ratings would be this unlikely at the listing's usual
# rate (Poisson tail); a window that also shows a campaign signal needs less evidence
P_ALONE = 1e-5
P_WITH_SIGNAL = 1e-3
NEAR_DUPLICATE = 0.6
SHINGLE = 3
MAX_TEXT_CHARS = 2_000  # texts longer than this are compared on their start only (bounded cost)


@dataclass(frozen=True, slots=True)
class ReviewPoint:
    review_id: int
    location_id: int
    created_at: datetime
    rating: int | None
    text: str | None = None
    author: str | None = None


@dataclass(slots=True)
class Burst:
    location_id: int
    start: datetime
    end: datetime
    review_ids: list[int]
    baseline_per_window: float
    signals: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        head = (
            f"{len(self.review_ids)} avis à 1 ou 2 étoiles en moins de 72 heures "
            f"(habituellement {self.baseline_per_window:.1f} sur une telle période)"
        )
        return head + (" ; " + " ; ".join(self.signals) if self.signals else "") + "."


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORD = re.compile(r"\w+")


def _shingles(text: str | None) -> frozenset[int]:
    if not text:
        return frozenset()
    words = _WORD.findall(_fold(text[:MAX_TEXT_CHARS]))
    if len(words) < SHINGLE:
        return frozenset({hash(" ".join(words))}) if words else frozenset()
    return frozenset(
        hash(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)
    )


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _author_key(author: str | None) -> str | None:
    if not author:
        return None
    key = " ".join(_WORD.findall(_fold(author)))
    return key or None


def detect_bursts(
    points: Iterable[ReviewPoint], spans: dict[int, timedelta] | None = None
) -> list[Burst]:
    """Bursts among `points`. `spans` gives each listing's whole history length when `points`
    hold only its low ratings (the baseline is low ratings per window over that history)."""
    by_location: dict[int, list[ReviewPoint]] = defaultdict(list)
    for point in points:
        by_location[point.location_id].append(point)
    # names seen on low ratings at several listings of the group
    listings_by_author: dict[str, set[int]] = defaultdict(set)
    for loc, items in by_location.items():
        for p in items:
            key = _author_key(p.author)
            if key and p.rating is not None and p.rating <= LOW_RATING:
                listings_by_author[key].add(loc)
    shared = {a for a, locs in listings_by_author.items() if len(locs) > 1}

    bursts: list[Burst] = []
    for loc, items in by_location.items():
        items.sort(key=lambda p: p.created_at)
        low = [p for p in items if p.rating is not None and p.rating <= LOW_RATING]
        if len(low) < MIN_BURST:
            continue
        known = spans.get(loc) if spans is not None else None
        span = max(
            known if known is not None else items[-1].created_at - items[0].created_at, WINDOW
        )
        baseline = len(low) / (span / WINDOW)
        i = 0
        j = 0
        n = len(low)
        while i < n:
            while j < n and low[j].created_at - low[i].created_at <= WINDOW:
                j += 1
            count = j - i
            tail = _poisson_tail(count, baseline) if count >= MIN_BURST else 1.0
            if tail < P_ALONE or (tail < P_WITH_SIGNAL and _signals(low[i:j], shared)):
                # extend to every low rating chained within the window of the previous one
                k = j
                while k < n and low[k].created_at - low[k - 1].created_at <= WINDOW:
                    k += 1
                members = low[i:k]
                # the baseline must not include the burst itself
                rest = len(low) - len(members)
                calm = rest / (span / WINDOW)
                bursts.append(
                    Burst(
                        location_id=loc,
                        start=members[0].created_at,
                        end=members[-1].created_at,
                        review_ids=[p.review_id for p in members],
                        baseline_per_window=calm,
                        signals=_signals(members, shared),
                    )
                )
                i = j = k
            else:
                i += 1
    bursts.sort(key=lambda b: b.start)
    return bursts


def _poisson_tail(count: int, rate: float) -> float:
    """P(X >= count) for X ~ Poisson(rate)."""
    if rate <= 0:
        return 0.0 if count > 0 else 1.0
    term = math.exp(-rate)
    below = 0.0
    for k in range(count):
        below += term
        term *= rate / (k + 1)
    return max(0.0, 1.0 - below)


def _signals(members: Sequence[ReviewPoint], shared_authors: set[str]) -> list[str]:
    signals = []
    empty = sum(1 for p in members if not (p.text or "").strip())
    if empty >= 2:
        signals.append(f"{empty} sans texte (note seule)")
    shingles = [s for s in (_shingles(p.text) for p in members) if s]
    pairs = sum(
        1
        for a in range(len(shingles))
        for b in range(a + 1, min(len(shingles), a + 50))
        if _jaccard(shingles[a], shingles[b]) >= NEAR_DUPLICATE
    )
    if pairs:
        signals.append(f"{pairs} paire(s) de textes presque identiques")
    names = Counter(k for k in (_author_key(p.author) for p in members) if k in shared_authors)
    if names:
        signals.append(
            f"{len(names)} auteur(s) présent(s) aussi sur un autre établissement du groupe"
        )
    return signals


# ---- a labelled synthetic history, to measure precision and recall -----------------------


@dataclass(slots=True)
class SyntheticHistory:
    points: list[ReviewPoint]
    campaigns: list[set[int]]  # review ids of each injected campaign


_HONEST_A = [
    "Accueil agréable",
    "Attente un peu longue",
    "Tarifs élevés",
    "Secrétariat difficile à joindre",
    "Très bonne prise en charge",
    "Parking compliqué",
    "Cabinet propre",
    "Retard important",
    "Praticien pressé",
    "Équipe souriante",
    "Locaux vieillissants",
    "Rendez-vous rapide",
]
_HONEST_B = [
    "explications claires",
    "rien à redire",
    "je ne reviendrai pas",
    "je recommande",
    "un peu déçu",
    "très satisfaite",
    "pas d'excuse",
    "merci encore",
    "dommage",
    "à l'écoute",
    "ponctuel",
    "bruyant",
]
_CAMPAIGN = [
    "Arnaque totale, fuyez ce cabinet !!!",
    "Arnaque totale fuyez ce cabinet",
    "Le pire cabinet de la ville, à éviter absolument.",
    "",
    "",
    "Nul. À éviter.",
]


def _honest_text(rng: random.Random) -> str:
    return f"{rng.choice(_HONEST_A)}, {rng.choice(_HONEST_B)}. {rng.choice(_HONEST_A).lower()} ({rng.randrange(1000)})."


def synthetic_history(
    seed: int = 7, listings: int = 6, days: int = 730, campaigns: int = 12
) -> SyntheticHistory:
    """Two years of honest reviews per listing (a few per week, some low), plus injected campaigns."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 8)
    points: list[ReviewPoint] = []
    next_id = 1
    for loc in range(1, listings + 1):
        per_week = rng.uniform(1.0, 6.0)
        t = start
        while t < start + timedelta(days=days):
            t += timedelta(hours=rng.expovariate(per_week / (7 * 24)))
            rating = rng.choices([5, 4, 3, 2, 1], weights=[50, 20, 10, 8, 12])[0]
            points.append(
                ReviewPoint(
                    next_id,
                    loc,
                    t,
                    rating,
                    _honest_text(rng) if rng.random() < 0.8 else None,
                    f"Patient{rng.randrange(100000)}",
                )
            )
            next_id += 1
    injected: list[set[int]] = []
    crew = [f"Compte {i}" for i in range(8)]
    for _ in range(campaigns):
        loc = rng.randrange(1, listings + 1)
        at = start + timedelta(days=rng.uniform(30, days - 30))
        size = rng.randint(4, 9)
        ids: set[int] = set()
        for _k in range(size):
            when = at + timedelta(hours=rng.uniform(0, 60))
            author = rng.choice(crew) if rng.random() < 0.5 else f"Anonyme{rng.randrange(10**6)}"
            points.append(
                ReviewPoint(
                    next_id, loc, when, rng.choice([1, 1, 1, 2]), rng.choice(_CAMPAIGN), author
                )
            )
            ids.add(next_id)
            next_id += 1
        injected.append(ids)
    return SyntheticHistory(points, injected)


def evaluate(history: SyntheticHistory) -> dict[str, float]:
    """Campaign recall (a campaign counts as found when a burst holds half of it or more) and
    burst precision (a burst is right when half or more of its reviews come from a campaign)."""
    bursts = detect_bursts(history.points)
    injected_ids = set().union(*history.campaigns) if history.campaigns else set()
    found = sum(
        1
        for c in history.campaigns
        if any(len(c & set(b.review_ids)) * 2 >= len(c) for b in bursts)
    )
    right = sum(
        1
        for b in bursts
        if sum(1 for r in b.review_ids if r in injected_ids) * 2 >= len(b.review_ids)
    )
    return {
        "campaigns": len(history.campaigns),
        "bursts": len(bursts),
        "recall": found / len(history.campaigns) if history.campaigns else 1.0,
        "precision": right / len(bursts) if bursts else 1.0,
    }


def stored_bursts(session, since: datetime | None = None) -> list[Burst]:  # type: ignore[no-untyped-def]
    """Bursts among the stored reviews (all listings of the group, for shared authors). Only the
    low ratings are read, with each listing's history length from one aggregate query."""
    from sqlalchemy import func
    from sqlmodel import col, select

    from responders.store.models import Review, ReviewRevision

    spans = {
        int(loc): (last - first)
        for loc, first, last in session.exec(
            select(Review.location_id, func.min(Review.created_at), func.max(Review.created_at))
            .where(col(Review.created_at).is_not(None))
            .group_by(col(Review.location_id))
        ).all()
        if first is not None and last is not None
    }
    rows = session.exec(
        select(Review, ReviewRevision.text_original)
        .outerjoin(ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id))
        .where(col(Review.created_at).is_not(None), col(Review.rating) <= LOW_RATING)
    ).all()
    points = [
        ReviewPoint(
            int(r.id or 0), r.location_id, r.created_at, r.rating, text, r.author_display_name
        )
        for r, text in rows
    ]
    found = detect_bursts(points, spans)
    if since is not None:
        found = [b for b in found if b.end >= since]
    return found


def bursts_by_review(session) -> dict[int, Burst]:  # type: ignore[no-untyped-def]
    """The burst each stored review belongs to, if any."""
    return {review_id: burst for burst in stored_bursts(session) for review_id in burst.review_ids}


def run_eval(args) -> int:  # type: ignore[no-untyped-def]
    """`responders eval bursts`: precision and recall on labelled synthetic histories."""
    import sys

    seeds = range(1, int(getattr(args, "histories", 10)) + 1)
    totals: Counter[str] = Counter()
    for seed in seeds:
        history = synthetic_history(seed=seed)
        bursts = detect_bursts(history.points)
        injected = set().union(*history.campaigns)
        totals["campaigns"] += len(history.campaigns)
        totals["found"] += sum(
            1
            for c in history.campaigns
            if any(len(c & set(b.review_ids)) * 2 >= len(c) for b in bursts)
        )
        totals["bursts"] += len(bursts)
        totals["right"] += sum(
            1
            for b in bursts
            if sum(1 for r in b.review_ids if r in injected) * 2 >= len(b.review_ids)
        )
    recall = totals["found"] / totals["campaigns"] if totals["campaigns"] else 1.0
    precision = totals["right"] / totals["bursts"] if totals["bursts"] else 1.0
    print(  # noqa: T201
        f"Historiques synthétiques : {len(seeds)} (6 établissements, 2 ans chacun)\n"
        f"Campagnes injectées : {totals['campaigns']} ; rafales signalées : {totals['bursts']}\n"
        f"Rappel (campagnes trouvées) : {recall:.3f}\n"
        f"Précision (rafales justes) : {precision:.3f}",
        file=sys.stdout,
    )
    return 0
