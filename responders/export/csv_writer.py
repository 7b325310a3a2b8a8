"""CSV for French Excel: UTF-8 with BOM, `;` separator, CRLF, one row per passage.

French Excel splits on `;` (the list separator of the French locale) and reads UTF-8 only
when the file starts with a BOM; a `sep=;` first line would make it ignore the BOM, so
there is none. Every text cell is neutralised against formula injection (an apostrophe in front),
and a closing line of the file says so.
"""

from __future__ import annotations

import csv
import io

from responders.export.dossier import Dossier
from responders.export.law import NOT_LEGAL_ADVICE, SECRECY_REMINDER
from responders.export.tables import FLAT_COLUMNS, flat_rows, format_value

BOM = "\ufeff"
# The neutralisation changes what the lawyer reads: the file says so, and where the exact text is.
FORMULA_NOTE = (
    "Une apostrophe (') a été ajoutée devant chaque cellule commençant par =, +, -, @, une "
    "tabulation ou un retour chariot, pour qu'un tableur ne l'exécute jamais comme une formule. "
    "Elle ne fait pas partie du texte de l'avis : le texte exact figure dans l'export XLSX ou JSON."
)


def dossier_csv(dossier: Dossier) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([c.header for c in FLAT_COLUMNS])
    for row in flat_rows(dossier):
        writer.writerow([format_value(v) for v in row])
    # the statements travel with the data: a spreadsheet is often forwarded on its own
    writer.writerow([])
    writer.writerow(["Avertissement", NOT_LEGAL_ADVICE])
    writer.writerow(["Secret médical", SECRECY_REMINDER])
    writer.writerow(["Cellules protégées", FORMULA_NOTE])
    return BOM + buffer.getvalue()


def write_csv(dossier: Dossier, path: str) -> None:
    # newline="" keeps the CRLF written by the csv module exactly as is
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(dossier_csv(dossier))
