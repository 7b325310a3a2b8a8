"""Build outscraper_excel_fr.csv from the two Business Profile API pages in this folder.

The CSV holds the same reviews as gbp_tilleuls.json and gbp_plateau.json, laid out the way an
Outscraper export looks once a French user has opened it in Excel and saved it again:
`;` separator, UTF-8 with a BOM, CRLF line endings, dates as `dd/mm/yyyy HH:MM` (UTC), and
texts holding newlines or `;` quoted. `review_id` is the API's `reviewId`, so an importer can
tell that both files describe the same reviews.

Run from anywhere: `python data/demo/make_csv.py [OUT.csv]` (standard library only; the default
output is the committed file next to this script).
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "outscraper_excel_fr.csv"

COLUMNS = [
    "name",
    "place_id",
    "google_id",
    "review_id",
    "author_title",
    "author_id",
    "author_link",
    "author_image",
    "review_text",
    "review_rating",
    "review_timestamp",
    "review_datetime_utc",
    "owner_answer",
    "owner_answer_timestamp_datetime_utc",
    "review_link",
    "review_likes",
]

# Fictional place identifiers, shaped like Google's.
PLACES = [
    (
        "gbp_tilleuls.json",
        "Cabinet dentaire des Tilleuls",
        "ChIJq6qq6jLr9EcR8tWq0Zc3TqE",
        "0x47f4eb32eaaaaaab:0xa14e3795d1aad5f2",
    ),
    (
        "gbp_plateau.json",
        "Clinique médicale du Plateau",
        "ChIJx9Zp3mUayUwRkP4c2V1oQbA",
        "0x4cc91a65de9ad6c7:0xb0416f55d9c3fe90",
    ),
]
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}


def parse_rfc3339(value: str) -> datetime:
    # Python's fromisoformat stops at microseconds; the API sometimes sends nanoseconds.
    head, _, frac = value.rstrip("Z").partition(".")
    micro = int((frac + "000000")[:6]) if frac else 0
    return datetime.fromisoformat(head + "+00:00").replace(microsecond=micro)


def excel_date(value: str) -> str:
    return parse_rfc3339(value).strftime("%d/%m/%Y %H:%M")


def digits(seed: str, n: int) -> str:
    return str(int(hashlib.sha256(seed.encode()).hexdigest(), 16))[:n]


def row(review: dict, place: str, place_id: str, google_id: str) -> dict:
    reviewer = review.get("reviewer") or {}
    anonymous = reviewer.get("isAnonymous", False) or not reviewer.get("displayName")
    author_id = "" if anonymous else "1" + digits(reviewer["displayName"], 20)
    reply = review.get("reviewReply") or {}
    created = parse_rfc3339(review["createTime"])
    rid = review["reviewId"]
    cid = google_id.split(":")[1]
    return {
        "name": place,
        "place_id": place_id,
        "google_id": google_id,
        "review_id": rid,
        "author_title": "" if anonymous else reviewer["displayName"],
        "author_id": author_id,
        "author_link": f"https://www.google.com/maps/contrib/{author_id}?hl=fr"
        if author_id
        else "",
        "author_image": "" if anonymous else reviewer.get("profilePhotoUrl", ""),
        "review_text": review.get("comment", ""),
        "review_rating": STARS[review["starRating"]],
        "review_timestamp": int(created.timestamp()),
        # The scraper sees the first publication date; edits are not visible in this shape.
        "review_datetime_utc": created.strftime("%d/%m/%Y %H:%M"),
        "owner_answer": reply.get("comment", ""),
        "owner_answer_timestamp_datetime_utc": excel_date(reply["updateTime"]) if reply else "",
        "review_link": (
            f"https://www.google.com/maps/reviews/data=!4m8!14m7!1m6!2m5!1s{rid}"
            f"!2m1!1s0x0:{cid}!3m1!1s2@1:{rid}?hl=fr"
        ),
        # Likes are not in the API page; a stable small number keeps the file reproducible.
        "review_likes": int(digits(rid, 3)) % 7 if int(digits(rid, 2)) % 3 == 0 else 0,
    }


def main(out: Path = OUT) -> None:
    rows = []
    for fname, place, place_id, google_id in PLACES:
        page = json.loads((HERE / fname).read_text(encoding="utf-8"))
        rows.extend(row(r, place, place_id, google_id) for r in page["reviews"])
    with out.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(
            f, fieldnames=COLUMNS, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
        )
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
