"""Days typed in French order and periods by name (the calendar widget speaks only English)."""

from __future__ import annotations

from datetime import date

import pytest

from responders.dates_fr import DayError, parse_day, period_days


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("24/11/2026", date(2026, 11, 24)),
        (" 4-1-2026 ", date(2026, 1, 4)),
        ("29.02.2028", date(2028, 2, 29)),
        ("24/11/26", date(2026, 11, 24)),
        ("2026-11-24", date(2026, 11, 24)),
        ("", None),
        ("   ", None),
    ],
)
def test_days_are_read_in_french_order(text: str, day: date | None) -> None:
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["31/02/2026", "29/02/2027", "11/24/2026", "demain", "24/11", "1" * 60])
def test_a_wrong_day_says_what_to_type(text: str) -> None:
    with pytest.raises(DayError) as raised:
        parse_day(text)
    message = str(raised.value)
    assert "JJ/MM/AAAA" in message or "n'existe pas" in message


def test_periods_count_the_practices_days() -> None:
    today = date(2026, 3, 1)
    assert period_days("all", today) == (None, None)
    assert period_days("today", today) == (today, today)
    assert period_days("7", today) == (date(2026, 2, 23), today)
    assert period_days("30", today) == (date(2026, 1, 31), today)
    assert period_days("month", today) == (date(2026, 3, 1), today)
    assert period_days("custom", today, date(2026, 2, 10), date(2026, 2, 1)) == (
        date(2026, 2, 1),
        date(2026, 2, 10),
    )
    assert period_days("custom", today, None, date(2026, 2, 1)) == (None, date(2026, 2, 1))
