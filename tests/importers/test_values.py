"""Value parsers: hits and near-misses side by side."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from responders.importers.values import (
    clean_text,
    parse_datetime,
    parse_number,
    parse_rating,
    parse_relative,
    split_google_translation,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("FIVE", 5), ("ONE", 1), ("three", 3), ("STAR_RATING_UNSPECIFIED", None), (4, 4),
        (4.0, 4), ("4", 4), ("4,0", 4), ("4.0", 4), ("4/5", 4), ("4 étoiles", 4), ("5 stars", 5),
        ("★★★☆☆", 3), ("", None), (None, None), (float("nan"), None),
    ],
)
def test_rating_hits(value, expected):
    assert parse_rating(value) == expected


@pytest.mark.parametrize("value", ["SEVEN", "0", "6", "4,5", "-1", "bien", True, 3.5])
def test_rating_near_misses(value):
    with pytest.raises(ValueError, match="note"):
        parse_rating(value)


@pytest.mark.parametrize(
    ("value", "dayfirst", "expected"),
    [
        ("2025-03-02T15:01:23.045123456Z", True, datetime(2025, 3, 2, 15, 1, 23, 45123, tzinfo=UTC)),
        ("2025-03-02T15:01:23Z", True, datetime(2025, 3, 2, 15, 1, 23, tzinfo=UTC)),
        ("2025-03-02T16:01:23.5+01:00", True, datetime(2025, 3, 2, 15, 1, 23, 500000, tzinfo=UTC)),
        ("2025-03-02", True, datetime(2025, 3, 2, tzinfo=UTC)),
        ("02/03/2025 14:05", True, datetime(2025, 3, 2, 14, 5, tzinfo=UTC)),
        ("02/03/2025 14h05", True, datetime(2025, 3, 2, 14, 5, tzinfo=UTC)),
        ("02/03/2025", True, datetime(2025, 3, 2, tzinfo=UTC)),
        ("03/02/2025 15:01:23", False, datetime(2025, 3, 2, 15, 1, 23, tzinfo=UTC)),
        ("25/01/2025 10:12", False, datetime(2025, 1, 25, 10, 12, tzinfo=UTC)),  # 25 cannot be a month
        ("01/25/2025 10:12:00", True, datetime(2025, 1, 25, 10, 12, tzinfo=UTC)),
        ("02.03.2025", True, datetime(2025, 3, 2, tzinfo=UTC)),
        ("2 mars 2025", True, datetime(2025, 3, 2, tzinfo=UTC)),
        ("1er février 2025 à 09h30", True, datetime(2025, 2, 1, 9, 30, tzinfo=UTC)),
        ("dimanche 2 mars 2025", True, datetime(2025, 3, 2, tzinfo=UTC)),
        ("March 2, 2025", True, datetime(2025, 3, 2, tzinfo=UTC)),
        (1740927683, True, datetime(2025, 3, 2, 15, 1, 23, tzinfo=UTC)),
        ("1740927683", True, datetime(2025, 3, 2, 15, 1, 23, tzinfo=UTC)),
        (1740927683000, True, datetime(2025, 3, 2, 15, 1, 23, tzinfo=UTC)),
        (45718.5, True, datetime(2025, 3, 2, 12, 0, tzinfo=UTC)),  # Excel serial day
        (datetime(2025, 3, 2, 14, 5), True, datetime(2025, 3, 2, 14, 5, tzinfo=UTC)),
        ("", True, None),
        (None, True, None),
    ],
)
def test_dates(value, dayfirst, expected):
    parsed = parse_datetime(value, dayfirst=dayfirst)
    assert parsed == expected
    if parsed is not None:
        assert parsed.tzinfo is not None


@pytest.mark.parametrize("value", ["pas une date", "32/13/2025", "2025-13-45", "il y a 2 mois", "31 foo 2025", "12"])
def test_dates_near_misses(value):
    with pytest.raises(ValueError, match="date illisible"):
        parse_datetime(value)


@pytest.mark.parametrize(
    ("value", "delta"),
    [
        ("il y a 2 mois", timedelta(days=60)),
        ("il y a un an", timedelta(days=365)),
        ("il y a 3 semaines", timedelta(days=21)),
        ("Modifié il y a 5 jours", timedelta(days=5)),
        ("a month ago", timedelta(days=30)),
        ("2 years ago", timedelta(days=730)),
        ("hier", timedelta(days=1)),
        ("il y a une heure", timedelta(hours=1)),
    ],
)
def test_relative_dates(value, delta):
    assert parse_relative(value, NOW) == NOW - delta


@pytest.mark.parametrize("value", ["", "récemment", "il y a longtemps", "2 mars 2025", None])
def test_relative_near_misses(value):
    assert parse_relative(value, NOW) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("4,5", 4.5), ("1 234,5", 1234.5), ("4.5", 4.5), (3, 3.0), ("", None), (None, None)],
)
def test_numbers(value, expected):
    assert parse_number(value) == expected


@pytest.mark.parametrize(
    ("text", "original", "translated"),
    [
        ("(Translated by Google) Long wait.\n\n(Original)\nAttente longue.", "Attente longue.", "Long wait."),
        ("(Traduit par Google) Très bien.\n\n(Avis d'origine)\nVery good.", "Very good.", "Très bien."),
        ("(Traduit par Google) Très bien.\n\n(Avis d’origine)\nVery good.", "Very good.", "Très bien."),
        ("Sehr gut.\n\n(Translated by Google)\nVery good.", "Sehr gut.", "Very good."),
        ("Aucune traduction ici (Original) reste tel quel.", "Aucune traduction ici (Original) reste tel quel.", None),
        ("Le médecin a dit « (Original) » en riant.", "Le médecin a dit « (Original) » en riant.", None),
    ],
)
def test_google_translation_split(text, original, translated):
    assert split_google_translation(text) == (original, translated)


def test_clean_text():
    assert clean_text("  a\r\nb\x00  ") == "a\nb"
    assert clean_text("   ") is None
    assert clean_text(float("nan")) is None
    assert clean_text("e\u0301") == "é"  # NFC


@pytest.mark.parametrize(
    ("values", "default", "expected"),
    [
        (["03/02/2025 15:01:23", "01/25/2025 10:12:00"], True, False),  # 25 can only be a day
        (["03/02/2025 15:01", "25/01/2025 10:12"], False, True),
        (["03/02/2025 15:01", "04/02/2025 10:12"], False, True),  # no seconds: French Excel
        (["03/02/2025 15:01:23", "04/02/2025 10:12:00"], False, False),  # Outscraper as written
        (["03/02/2025", None, ""], True, True),
        (["2025-03-02T15:01:23Z"], False, False),
    ],
)
def test_day_or_month_first_per_column(values, default, expected):
    from responders.importers.values import infer_dayfirst

    assert infer_dayfirst(values, default) is expected
