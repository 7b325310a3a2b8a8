"""Value parsers shared by every source shape: stars, dates, numbers, text, Google translations.

Each parser raises `ValueError` with a French reason; the shape modules turn it into a rejected
record so one bad cell never sinks a whole file.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from typing import Any

from responders.timeutil import as_utc

# --- ratings -------------------------------------------------------------------------------

STAR_ENUM: dict[str, int | None] = {
    "STAR_RATING_UNSPECIFIED": None,
    "ONE": 1,
    "TWO": 2,
    "THREE": 3,
    "FOUR": 4,
    "FIVE": 5,
}

_RATING_TEXT = re.compile(
    r"^(?P<n>\d+(?:[.,]\d+)?)\s*(?:/\s*5|[ée]toiles?|stars?|★)?$", re.IGNORECASE
)


def parse_number(value: Any) -> float | None:
    """A number from a cell; French decimal commas and spaces as thousands separators accepted."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"nombre illisible : « {clip(str(value))} »") from None


def parse_rating(value: Any) -> int | None:
    """1..5 or None. Accepts ints, '4', '4,0', '4.0', 'FOUR', '4/5', '4 étoiles', '★★★★☆'."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"note invalide : « {value} »")
    if isinstance(value, int | float):
        number: float | None = float(value)
    else:
        text = str(value).strip()
        if not text:
            return None
        if text.upper() in STAR_ENUM:
            return STAR_ENUM[text.upper()]
        if set(text) <= {"★", "☆", " "} and "★" in text:
            return _check_rating(float(text.count("★")), value)
        match = _RATING_TEXT.match(text)
        if not match:
            raise ValueError(f"note illisible : « {clip(text)} » (attendu : 1 à 5)")
        number = parse_number(match.group("n"))
    return _check_rating(number, value)


def _check_rating(number: float | None, original: Any) -> int | None:
    if number is None or number != number:  # NaN from spreadsheets means an empty cell
        return None
    if not math.isfinite(number):
        raise ValueError(
            f"note invalide : « {clip(str(original))} » (attendu : un entier de 1 à 5)"
        )
    if number != int(number) or not 1 <= number <= 5:
        raise ValueError(f"note invalide : « {original} » (attendu : un entier de 1 à 5)")
    return int(number)


# --- dates ---------------------------------------------------------------------------------

FRENCH_MONTHS = {
    "janvier": 1,
    "janv": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
ENGLISH_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTHS = {**ENGLISH_MONTHS, **FRENCH_MONTHS}

_ISO = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})"
    r"(?:[ T,]+(?:à\s*)?(\d{1,2})\s*[:hH]\s*(\d{2})?(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$"
)
_WORDY = re.compile(
    r"^(?:[a-zéû]+\.?,?\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\s+([a-zéèûô]+)\.?,?\s+(\d{4})"
    r"(?:[ ,]+(?:a\s+|at\s+)?(\d{1,2})\s*[:hH]\s*(\d{2})?)?$",  # text is folded: "à" is "a"
    re.IGNORECASE,
)
_WORDY_EN = re.compile(
    r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})\s*([ap]m)?)?$",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lower case without accents, for matching headers and month names."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_datetime(value: Any, *, dayfirst: bool = True) -> datetime | None:
    """An aware UTC datetime from RFC 3339 (nanoseconds too), epoch seconds or milliseconds,
    Excel serial numbers, `02/03/2025 14:05` or `2 mars 2025`. Naive values are taken as UTC.

    `dayfirst` settles `03/02/2025` when both readings are possible: French files put the day
    first, Outscraper's `*_datetime_utc` columns put the month first.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return as_utc(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, int | float):
        return _from_number(value, value)
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:  # the common RFC 3339 case, nanoseconds included, without the slower paths below
            return as_utc(datetime.fromisoformat(value))
        except (ValueError, OverflowError):  # 9999-12-31T23:59-05:00 overflows once in UTC
            pass
    text = " ".join(str(value).strip().split())
    if not text:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        try:
            number = float(text.replace(",", "."))
        except OverflowError:
            number = math.inf
        return _from_number(number, value)
    try:
        parsed = _parse_text(text, dayfirst)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        raise ValueError(f"date illisible : « {clip(text)} »")
    return parsed


_SLASHED = re.compile(
    r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?:[ T,]+\d{1,2}[:hH]\d{2}(:\d{2})?)?"
)


def infer_dayfirst(values: Any, default: bool) -> bool:
    """Day or month first, decided for a whole column: one `25/01/2025` settles it for the
    ambiguous `03/02/2025` of the same file. With no telling value, times without seconds
    mean the file went through French Excel (day first); otherwise `default`."""
    day_first = month_first = 0
    with_seconds = without_seconds = 0
    for value in values:
        match = _SLASHED.match(value) if isinstance(value, str) else None
        if not match:
            continue
        a, b = int(match.group(1)), int(match.group(2))
        day_first += a > 12 >= b
        month_first += b > 12 >= a
        if match.group(3):
            with_seconds += 1
        elif match.end() > 10:
            without_seconds += 1
    if day_first != month_first:
        return day_first > month_first
    if without_seconds and not with_seconds:
        return True
    return default


def _from_number(number: float | int, original: Any) -> datetime:
    try:
        number = float(number)
    except OverflowError:  # an integer of hundreds of digits
        number = math.inf
    if number != number:
        raise ValueError("date illisible : valeur vide")
    if 20_000 <= number < 100_000:
        # Excel serial day numbers (1900 system) show up when a date cell lost its format.
        return datetime(1899, 12, 30, tzinfo=UTC) + timedelta(days=number)
    if number > 1e14:  # microseconds
        number /= 1e6
    elif number > 1e11:  # milliseconds
        number /= 1e3
    if number < 1e8:
        raise ValueError(f"date illisible : « {clip(str(original))} »")
    try:
        return datetime.fromtimestamp(number, tz=UTC)
    except (OverflowError, OSError, ValueError):  # beyond year 9999, or infinite
        raise ValueError(f"date hors limites : « {clip(str(original))} »") from None


def _parse_text(text: str, dayfirst: bool) -> datetime | None:
    match = _ISO.match(text)
    if match:
        day, clock, fraction, zone = match.groups()
        iso = day + ("T" + clock if clock else "")
        if clock and clock.count(":") == 1:
            iso += ":00"
        if fraction and clock:
            iso += "." + (fraction + "000000")[:6]
        if zone and zone.upper() not in ("Z", "UTC"):
            iso += zone if ":" in zone else zone[:3] + ":" + zone[3:]
        return as_utc(datetime.fromisoformat(iso))
    match = _NUMERIC.match(text)
    if match:
        a, b, year, hour, minute, second, ampm = match.groups()
        first, second_num = int(a), int(b)
        if first > 12 or (dayfirst and second_num <= 12):
            day_n, month_n = first, second_num
        else:
            month_n, day_n = first, second_num
        if month_n > 12:
            day_n, month_n = month_n, day_n
        return _build(year, month_n, day_n, hour, minute, second, ampm)
    folded = fold(text)
    match = _WORDY.match(folded)
    if match and match.group(2).rstrip(".") in MONTHS:
        day_s, month_s, year, hour, minute = match.groups()
        return _build(year, MONTHS[month_s.rstrip(".")], int(day_s), hour, minute, None, None)
    match = _WORDY_EN.match(folded)
    if match and match.group(1) in MONTHS:
        month_s, day_s, year, hour, minute, ampm = match.groups()
        return _build(year, MONTHS[month_s], int(day_s), hour, minute, None, ampm)
    return None


def _build(
    year: str,
    month: int,
    day: int,
    hour: str | None,
    minute: str | None,
    second: str | None,
    ampm: str | None,
) -> datetime:
    y = int(year)
    if y < 100:
        y += 2000
    h = int(hour) if hour else 0
    if ampm:
        h = h % 12 + (12 if ampm.lower() == "pm" else 0)
    return datetime(y, month, day, h, int(minute or 0), int(second or 0), tzinfo=UTC)


_UNIT_DAYS = {
    "seconde": 1 / 86400,
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "heure": 1 / 24,
    "hour": 1 / 24,
    "jour": 1,
    "day": 1,
    "semaine": 7,
    "week": 7,
    "mois": 30,
    "month": 30,
    "an": 365,
    "annee": 365,
    "year": 365,
}


def parse_relative(value: Any, now: datetime) -> datetime | None:
    """'il y a 2 mois', 'a year ago', 'hier': approximate, used only when no real date exists."""
    if value is None:
        return None
    text = fold(" ".join(str(value).split())).strip(" .")
    text = re.sub(r"^(?:modifie|edited)\s+", "", text)
    if not text:
        return None
    if text in ("aujourd'hui", "today", "a l'instant", "just now"):
        return now
    if text in ("hier", "yesterday"):
        return now - timedelta(days=1)
    match = re.fullmatch(r"(?:il y a\s+)?(\d+|une?|an?|one)\s+([a-z]+)(?:\s+ago)?", text)
    if not match:
        return None
    count_s, unit = match.groups()
    if unit not in _UNIT_DAYS:
        unit = unit.removesuffix("s")  # "mois" keeps its s, "semaines" loses it
    if unit not in _UNIT_DAYS:
        return None
    count = int(count_s) if count_s.isdigit() else 1
    try:
        return now - timedelta(days=count * _UNIT_DAYS[unit])
    except OverflowError:  # « il y a 9000 ans » goes before year 1
        raise ValueError(f"date relative invraisemblable : « {clip(str(value))} »") from None


# --- text ----------------------------------------------------------------------------------


def clean_text(value: Any) -> str | None:
    """Stripped text with Unix newlines, or None for empty cells. NUL characters are dropped
    because PostgreSQL refuses them in text columns."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.isascii():
        if has_surrogate(text):
            raise ValueError(
                "caractère invalide (moitié de paire UTF-16 isolée) : texte corrompu à l'export"
            )
        text = unicodedata.normalize("NFC", text)
    text = text.strip()
    return text or None


def has_surrogate(text: str) -> bool:
    """A lone UTF-16 half (JSON "\\ud800"): no database or file format can store it."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def clip(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


_TRANSLATED = (
    r"\((?:Translated by Google|Traduit par Google|Traduction Google|Traduction de Google)\)"
)
_ORIGINAL = (
    r"\((?:Original|Avis d['’]origine|Texte d['’]origine|Version originale|Texte original)\)"
)
_TRANSLATED_FIRST = re.compile(
    rf"^\s*{_TRANSLATED}\s*(?P<translated>.*?)\s*{_ORIGINAL}\s*(?P<original>.*)$", re.DOTALL
)
_ORIGINAL_FIRST = re.compile(
    rf"^(?P<original>.*?)\s*{_TRANSLATED}\s*(?P<translated>.*)$", re.DOTALL
)


def split_google_translation(text: str | None) -> tuple[str | None, str | None]:
    """(original, translated) from Google's '(Translated by Google) … (Original) …' layout,
    in English or French, in either order. Text without the markers is returned as original."""
    if not text or "Google)" not in text:  # cheap test first: most reviews are not translated
        return text, None
    match = _TRANSLATED_FIRST.match(text)
    if match:
        return clean_text(match["original"]), clean_text(match["translated"])
    match = _ORIGINAL_FIRST.match(text)
    if match:
        original, translated = clean_text(match["original"]), clean_text(match["translated"])
        if original is None:  # only a translation survived: it is all we have
            return translated, None
        return original, translated
    return text, None


def first(mapping: dict[str, Any], *keys: str) -> Any:
    """The first non-empty value among `keys`."""
    for key in keys:
        value = mapping.get(key)
        if value not in (None, ""):
            return value
    return None


MAX_DEPTH = 64  # nesting a source object may have; Google's go 4 or 5 levels deep


def json_safe(value: Any, depth: int = 0) -> Any:
    """A copy of `value` storable in a JSON column on SQLite and PostgreSQL: datetimes as ISO
    text, NaN and infinities as null, NUL and lone UTF-16 halves replaced. ValueError when the
    object is nested deeper than MAX_DEPTH (the record is then refused)."""
    if depth > MAX_DEPTH:
        raise ValueError(f"objet JSON imbriqué sur plus de {MAX_DEPTH} niveaux")
    if isinstance(value, dict):
        return {_safe_text(str(k)): json_safe(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v, depth + 1) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return _safe_text(value)
    if value is None or isinstance(value, int | float | bool):
        return value
    return str(value)


def _safe_text(value: str) -> str:
    if "\x00" in value:
        value = value.replace("\x00", "")
    if has_surrogate(value):
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value
