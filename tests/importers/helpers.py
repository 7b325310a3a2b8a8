"""Shared by the import tests: fixture paths, generated API files, database snapshots."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TABLES = ("locations", "reviews", "review_revisions", "import_runs", "classifications")
STARS = ["ONE", "TWO", "THREE", "FOUR", "FIVE"]
WORDS = "accueil attente médecin dentiste soins douleur secrétariat rendez-vous cabinet équipe".split()


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an import may touch, in id order: equal snapshots = no write."""
    with engine.connect() as conn:
        return {
            table: [tuple(row) for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]
            for table in TABLES
        }


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def gbp_review(i: int, *, location: str = "1", text_len: int = 12, rng: random.Random | None = None) -> dict[str, Any]:
    rng = rng or random.Random(i)
    created = datetime(2019, 1, 1, tzinfo=UTC) + timedelta(seconds=i * 3607 + 11)
    stamp = created.strftime("%Y-%m-%dT%H:%M:%S.") + f"{i % 10**9:09d}Z"
    review: dict[str, Any] = {
        "name": f"accounts/9/locations/{location}/reviews/G{i:07d}",
        "reviewId": f"G{i:07d}",
        "reviewer": {"displayName": f"Patient numéro {i}"},
        "starRating": STARS[i % 5],
        "comment": " ".join(rng.choice(WORDS) for _ in range(text_len)),
        "createTime": stamp,
        "updateTime": stamp,
    }
    if i % 4 == 0:
        review["reviewReply"] = {"comment": "Merci pour votre retour.", "updateTime": stamp}
    return review


def write_gbp_pages(path: Path, count_: int, *, text_len: int = 12, page_size: int = 50) -> Path:
    rng = random.Random(42)
    reviews = [gbp_review(i, text_len=text_len, rng=rng) for i in range(count_)]
    pages = [
        {"reviews": reviews[start : start + page_size], "nextPageToken": f"p{start}"}
        for start in range(0, len(reviews), page_size)
    ]
    path.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return path
