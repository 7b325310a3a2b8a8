"""Dates as a French-speaking practice types and names them.

Streamlit's calendar speaks only English (month and day names, « Today »), so the pages ask for
a day typed as JJ/MM/AAAA and offer periods by their French names. The parsing and the periods
live here, without Streamlit, so they are tested like the rest of the core.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

DAY_HINT = "JJ/MM/AAAA"
_DAY = re.compile(r"\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\s*")
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")

# Periods offered before typing dates: each gives (first day, last day) from today.
PERIODS: dict[str, str] = {
    "all": "Toute la période",
    "today": "Aujourd'hui",
    "7": "7 derniers jours",
    "30": "30 derniers jours",
    "month": "Ce mois-ci",
    "custom": "Dates précises…",
}


class DayError(ValueError):
    """A typed day that is not a date; the message is French and says what to type."""


def parse_day(text: str | None) -> date | None:
    """« 24/11/2026 », « 24-11-26 », « 2026-11-24 » → a date; empty → None; else DayError."""
    if text is None or not text.strip():
        return None
    if len(text) > 40:
        raise DayError(f"Date trop longue : tapez-la au format {DAY_HINT}.")
    m = _DAY.fullmatch(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        if year < 100:
            year += 2000
    else:
        iso = _ISO.fullmatch(text)
        if not iso:
            raise DayError(
                f"« {text.strip()} » n'est pas une date : tapez-la au format {DAY_HINT} "
                "(par exemple 24/11/2026)."
            )
        year, month, day = (int(g) for g in iso.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise DayError(
            f"Le {day:02d}/{month:02d}/{year} n'existe pas : vérifiez le jour et le mois."
        ) from None


def period_days(
    choice: str, today: date, first: date | None = None, last: date | None = None
) -> tuple[date | None, date | None]:
    """The first and last day of a named period (both None: no limit)."""
    if choice == "today":
        return today, today
    if choice in ("7", "30"):
        return today - timedelta(days=int(choice) - 1), today
    if choice == "month":
        return today.replace(day=1), today
    if choice == "custom":
        if first and last and last < first:
            first, last = last, first
        return first, last
    return None, None
