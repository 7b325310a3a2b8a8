"""XLSX: a summary sheet (one row per review), then passages, captures, actions, notices.

Dates are real date cells, so the lawyer can sort and filter. Every text cell is stored as a
string cell (type `s`): a review starting with `=` stays that text, exactly, and can never be a
formula, so no apostrophe is added. Control characters XML cannot hold (a vertical tab pasted
from Word) are shown as their visible symbol (U+240B « ␋ »); the exact text is in the JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from responders.export.dossier import Dossier
from responders.export.law import NOT_LEGAL_ADVICE, SECRECY_REMINDER
from responders.export.tables import (
    ACTION_COLUMNS,
    CAPTURE_COLUMNS,
    PASSAGE_COLUMNS,
    REVIEW_COLUMNS,
    REVISION_COLUMNS,
    Column,
    action_rows,
    capture_rows,
    passage_rows,
    review_rows,
    revision_rows,
)

SHEETS = (
    "Synthèse",
    "Passages",
    "Versions",
    "Actions",
    "Notices Google",
    "À lire",
    "Captures",
    "Établissements",
)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="top")


EXCEL_CELL_CHARS = 32_767  # Excel's limit per cell
CUT_NOTE = " […] (texte coupé : limite d'Excel ; texte complet dans l'export JSON)"
EXCEL_YEARS = range(1900, 10000)  # what a date cell can hold; other years are written as text


def _visible(match: Any) -> str:
    return chr(0x2400 + ord(match.group()))  # U+2400..U+241F: the control character's symbol


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.year not in EXCEL_YEARS:
            return value.isoformat()
        # Excel has no time zones: the headers say UTC
        return value.replace(tzinfo=None)
    if isinstance(value, date) and value.year not in EXCEL_YEARS:
        return value.isoformat()
    if isinstance(value, str):
        if len(value) > EXCEL_CELL_CHARS:  # Excel refuses to open a file with a longer cell
            value = value[: EXCEL_CELL_CHARS - len(CUT_NOTE)] + CUT_NOTE
        return ILLEGAL_CHARACTERS_RE.sub(_visible, value)
    return value


def _as_text(cell: Any) -> None:
    """A text is a string cell, whatever it starts with: never a formula."""
    if isinstance(cell.value, str):
        cell.data_type = "s"


def _fill(sheet: Worksheet, columns: Sequence[Column], rows: Iterable[list[Any]]) -> None:
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
    for row in rows:
        sheet.append([_cell(v) for v in row])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            _as_text(cell)
            cell.alignment = WRAP
            if isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yyyy hh:mm:ss"
            elif isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions


def dossier_workbook(dossier: Dossier) -> Workbook:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = SHEETS[0]
    _fill(summary, REVIEW_COLUMNS, review_rows(dossier))
    _fill(book.create_sheet(SHEETS[1]), PASSAGE_COLUMNS, passage_rows(dossier))
    _fill(book.create_sheet(SHEETS[2]), REVISION_COLUMNS, revision_rows(dossier))
    _fill(book.create_sheet(SHEETS[3]), ACTION_COLUMNS, action_rows(dossier))
    notices = book.create_sheet(SHEETS[4])
    notice_columns = (
        Column("Rang de l'avis", lambda e: e.rank, 6),
        Column("Identifiant Google de l'avis", lambda e: e.google_id or "", 20),
        Column("Notification à copier", lambda e: e.notice, 100),
    )
    _fill(notices, notice_columns, ([c.value(e) for c in notice_columns] for e in dossier.entries))
    about = book.create_sheet(SHEETS[5])
    _fill(book.create_sheet(SHEETS[6]), CAPTURE_COLUMNS, capture_rows(dossier))
    places = book.create_sheet(SHEETS[7])
    place_columns = (
        Column("Établissement", lambda p: p["name"] or p["key"], 30),
        Column("Juridiction", lambda p: p["jurisdiction_fr"], 14),
        Column("Profil", lambda p: p["profile_label"], 22),
        Column("Droit applicable", lambda p: p["law"], 50),
        Column("Signataire", lambda p: p["signatory"]["name"], 22),
        Column("Courriel du signataire", lambda p: p["signatory"]["email"], 26),
        Column("Avis dans le dossier", lambda p: p["count"], 10),
    )
    places_rows = ([c.value(p) for c in place_columns] for p in dossier.establishments())
    _fill(places, place_columns, places_rows)
    for label, text in (
        ("Avertissement", NOT_LEGAL_ADVICE),
        ("Périmètre", dossier.scope_fr),
        ("Secret médical", SECRECY_REMINDER),
        ("Profil par défaut du cabinet", dossier.profile.label),
        ("Établi le (UTC)", dossier.generated_at.replace(tzinfo=None)),
        ("Jours restants calculés au", dossier.today),
        ("Cabinet", dossier.settings.practice_name),
    ):
        about.append([label, _cell(text)])
    about.column_dimensions["A"].width = 26
    about.column_dimensions["B"].width = 100
    for row in about.iter_rows():
        row[0].font = Font(bold=True)
        for cell in row:
            _as_text(cell)
            cell.alignment = WRAP
        if isinstance(row[1].value, datetime):
            row[1].number_format = "dd/mm/yyyy hh:mm:ss"
        elif isinstance(row[1].value, date):
            row[1].number_format = "dd/mm/yyyy"
    return book


def write_xlsx(dossier: Dossier, path: str) -> None:
    dossier_workbook(dossier).save(path)
