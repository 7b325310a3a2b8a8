"""The lawyer dossier (csv, xlsx, pdf, json), the notice to Google, and its verification."""

from __future__ import annotations

from collections.abc import Callable

from responders.export.dossier import SCOPES, Dossier, DossierEntry, build_dossier, entry_for
from responders.export.law import SEND_TO_LAWYER
from responders.export.notice import google_notice

Writer = Callable[[Dossier, str], None]


def writer_for(fmt: str) -> Writer:
    """The writer of `fmt`; each lives in its own module so PDF/XLSX load only when asked."""
    if fmt == "csv":
        from responders.export.csv_writer import write_csv

        return write_csv
    if fmt == "json":
        from responders.export.json_writer import write_json

        return write_json
    if fmt == "xlsx":
        from responders.export.xlsx_writer import write_xlsx

        return write_xlsx
    if fmt == "pdf":
        from responders.export.pdf_writer import write_pdf

        return write_pdf
    raise ValueError(f"Format inconnu « {fmt} » : choisissez csv, xlsx, pdf ou json.")


def write_dossier(dossier: Dossier, fmt: str, path: str) -> None:
    writer_for(fmt)(dossier, path)


FORMATS = ("csv", "xlsx", "pdf", "json")
MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def dossier_bytes(dossier: Dossier, fmt: str) -> bytes:
    """The file's exact bytes, for a download button (same bytes as `write_dossier`)."""
    if fmt == "csv":
        from responders.export.csv_writer import dossier_csv

        return dossier_csv(dossier).encode("utf-8")
    if fmt == "json":
        from responders.export.json_writer import dossier_json

        return dossier_json(dossier).encode("utf-8")
    if fmt == "xlsx":
        import io

        from responders.export.xlsx_writer import dossier_workbook

        buffer = io.BytesIO()
        dossier_workbook(dossier).save(buffer)
        return buffer.getvalue()
    if fmt == "pdf":
        from responders.export.pdf_writer import dossier_pdf

        return dossier_pdf(dossier)
    raise ValueError(f"Format inconnu « {fmt} » : choisissez csv, xlsx, pdf ou json.")


__all__ = [
    "FORMATS",
    "Dossier",
    "DossierEntry",
    "MEDIA_TYPES",
    "SCOPES",
    "SEND_TO_LAWYER",
    "build_dossier",
    "dossier_bytes",
    "entry_for",
    "google_notice",
    "write_dossier",
    "writer_for",
]
