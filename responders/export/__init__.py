"""The lawyer dossier (csv, xlsx, pdf, json), the notice to Google, and its verification."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from responders.export.dossier import SCOPES, Dossier, DossierEntry, build_dossier, entry_for
from responders.export.law import SEND_TO_LAWYER
from responders.export.notice import google_notice

Writer = Callable[[Dossier, str], None]
LOG = logging.getLogger(__name__)


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


@dataclass(frozen=True, slots=True)
class Download:
    """One format of the dossier for the Avocat page: its bytes, or why it could not be built."""

    fmt: str
    data: bytes | None
    error: str | None = None


def dossier_download(dossier: Dossier, fmt: str) -> Download:
    """The bytes of one format, each built on its own: a writer failing on one review is logged
    and explained in French, and never hides the other formats."""
    try:
        return Download(fmt, dossier_bytes(dossier, fmt))
    except Exception:  # noqa: BLE001  one format's failure must not take the page down
        LOG.exception("dossier %s impossible à créer", fmt)
        return Download(
            fmt,
            None,
            f"Le dossier {fmt.upper()} n'a pas pu être créé (le détail est dans le journal du "
            "serveur). Les autres formats restent disponibles ; le JSON contient le texte exact.",
        )


__all__ = [
    "Download",
    "FORMATS",
    "Dossier",
    "DossierEntry",
    "MEDIA_TYPES",
    "SCOPES",
    "SEND_TO_LAWYER",
    "build_dossier",
    "dossier_bytes",
    "dossier_download",
    "entry_for",
    "google_notice",
    "write_dossier",
    "writer_for",
]
