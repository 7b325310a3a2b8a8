"""CSV and Excel tables as (record number, row dict), whatever Excel did to them.

French Excel re-saves CSV files with `;` separators, Windows-1252 or a UTF-8 BOM, and
sometimes a `sep=;` first line; all of that is undone here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from responders.errors import UnusableInput

DELIMITERS = (";", ",", "\t", "|")


@dataclass
class Table:
    headers: list[str]
    # (record number = 1-based data row, line or spreadsheet row of the file, cells by header)
    rows: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)
    # rows that could not be read at all: (record number, line, French reason)
    errors: list[tuple[int, int, str]] = field(default_factory=list)


def decode(data: bytes, label: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8" or b"\x00" in data:
            raise _bad_encoding(data, label, 0) from None
    try:
        return data.decode(
            "cp1252"
        )  # what French Excel writes with "CSV (séparateur : point-virgule)"
    except UnicodeDecodeError as exc:
        raise _bad_encoding(data, label, exc.start) from None


def _bad_encoding(data: bytes, label: str, position: int) -> UnusableInput:
    line = data.count(b"\n", 0, position) + 1
    return UnusableInput(
        f"{label} : ligne {line}, encodage non reconnu (ni UTF-8 ni Windows-1252, ou fichier "
        "binaire). Enregistrez le fichier en « CSV UTF-8 » puis recommencez."
    )


def sniff_delimiter(header_line: str) -> str:
    """The separator that splits the header line the most, quotes taken into account."""
    best, best_count = ",", 0
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([header_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if len(cells) - 1 > best_count:
            best, best_count = delimiter, len(cells) - 1
    return best


def read_csv(data: bytes, label: str) -> Table:
    text = decode(data, label)
    if not text.strip():
        raise UnusableInput(f"{label} : le fichier est vide. Exportez de nouveau les avis.")
    lines = text.splitlines()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    skip = start
    first_line = lines[start]
    if first_line.lower().startswith("sep=") and len(first_line.strip()) <= 5:
        delimiter = first_line.strip()[4:] or ";"
        skip += 1
        first_line = lines[skip] if skip < len(lines) else ""
    else:
        delimiter = sniff_delimiter(first_line)
    stream = io.StringIO(text)
    for _ in range(skip):
        stream.readline()
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        headers = [h.strip().lstrip("\ufeff") for h in next(reader)]
        table = Table(headers=headers)
        number = 0
        line = reader.line_num + skip
        for cells in reader:
            row_line = line + 1
            line = reader.line_num + skip
            if not any(c.strip() for c in cells):
                continue  # Excel pads tables with empty ";;;;" lines
            number += 1
            table.rows.append((number, row_line, _row(headers, cells)))
    except csv.Error as exc:
        raise UnusableInput(
            f"{label} : ligne {reader.line_num + skip}, CSV illisible ({exc}). "
            "Vérifiez les guillemets ou exportez de nouveau le fichier."
        ) from None
    return table


def _row(headers: list[str], cells: list[Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for header, cell in zip(headers, cells, strict=False):
        if header and header not in row:
            row[header] = cell
    return row


def read_xlsx(data: bytes, label: str) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001  openpyxl on a hostile file raises anything
        raise UnusableInput(
            f"{label} : classeur Excel illisible ({type(exc).__name__}). Ouvrez-le dans Excel et "
            "enregistrez-le de nouveau au format .xlsx ou CSV."
        ) from None
    headers: list[str] | None = None
    table = Table(headers=[])
    number = 0
    row_index = 0
    try:
        sheet = workbook.worksheets[0]
        for row_index, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if not any(v not in (None, "") for v in values):
                continue
            if headers is None:
                headers = ["" if v is None else str(v).strip() for v in values]
                table.headers = headers
                continue
            number += 1
            table.rows.append((number, row_index, _row(headers, list(values))))
    except Exception as exc:  # noqa: BLE001  malformed sheet XML: keep the rows read before it
        if not table.headers:
            raise UnusableInput(
                f"{label} : feuille Excel illisible ({type(exc).__name__}). Ouvrez le classeur dans "
                "Excel et enregistrez-le de nouveau au format .xlsx ou CSV."
            ) from None
        table.errors.append(
            (
                number + 1,
                row_index + 1,
                f"feuille Excel illisible à partir d'ici ({type(exc).__name__}) ; les lignes "
                "précédentes sont importées. Enregistrez de nouveau le classeur dans Excel.",
            )
        )
    finally:
        workbook.close()
    if not table.headers:
        raise UnusableInput(f"{label} : la feuille Excel est vide.")
    return table
