"""PDF for a person: a cover (establishments, summary by deadline), then about a page per review.

Each review starts on a new page unless the previous one left most of a page free; the
fields sit in two columns and the notice is set small, so a review fits on one page.

Review text is untrusted: it is written as plain text (never markdown), control characters
are removed, and characters the font cannot draw are replaced by « □ » (the exact text is
in the JSON export). Passages are shown in bold dark red, underlined, with their number.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from fpdf.util import Padding

from responders.export.dossier import Dossier, DossierEntry, PassageEvidence
from responders.export.law import (
    NOT_LEGAL_ADVICE,
    QUALIFICATION_NOTES,
    SECRECY_REMINDER,
    VALIDATION,
)
from responders.export.tables import format_value

FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts/dejavu",
)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
MISSING_GLYPH = "□"
PASSAGE_COLOR = (150, 0, 0)
MUTED = (90, 90, 90)


def _font_dirs() -> list[Path]:
    dirs = [Path(p) for p in os.environ.get("RESPONDERS_PDF_FONT_DIR", "").split(os.pathsep) if p]
    dirs += [Path(p) for p in FONT_DIRS]
    # matplotlib ships DejaVu too; found without importing it
    spec = find_spec("matplotlib")
    if spec and spec.origin:
        dirs.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf")
    return dirs


@lru_cache(maxsize=1)
def find_fonts() -> dict[str, Path] | None:
    """The DejaVu files (regular, bold) from the first folder holding all three."""
    for folder in _font_dirs():
        paths = {style: folder / name for style, name in FONT_FILES.items()}
        if all(p.is_file() for p in paths.values()):
            return paths
    return None


@lru_cache(maxsize=4)
def _codepoints(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


class _Pdf(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self._title = title
        self.fonts_found = find_fonts()
        if self.fonts_found:
            self.add_font("body", "", str(self.fonts_found[""]))
            self.add_font("body", "B", str(self.fonts_found["B"]))
            self._glyphs = _codepoints(self.fonts_found[""]) & _codepoints(self.fonts_found["B"])
            self.body = "body"
        else:
            # no Unicode font on this machine: core fonts, Latin-1 only
            self._glyphs = frozenset(range(0x20, 0x100))
            self.body = "helvetica"
        self.set_auto_page_break(True, margin=18)
        self.set_margins(15, 15, 15)
        self.alias_nb_pages("{pages}")

    def clean(self, text: str | None) -> str:
        """Text the font can draw: no control characters, unknown glyphs made visible."""
        out = []
        for char in (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "):
            if char == "\n":
                out.append(char)
            elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
                continue
            elif ord(char) in self._glyphs:
                out.append(char)
            elif self.fonts_found is None:
                folded = (
                    unicodedata.normalize("NFKD", char)
                    .encode("latin-1", "ignore")
                    .decode("latin-1")
                )
                out.append(folded or "?")
            else:
                out.append(MISSING_GLYPH if ord(MISSING_GLYPH) in self._glyphs else "?")
        return "".join(out)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.body, "", 7)
        self.set_text_color(*MUTED)
        self.cell(
            0,
            5,
            self.clean(
                f"{self._title} — page {self.page_no()}/{{pages}} — {NOT_LEGAL_ADVICE.split('.')[0]}."
            ),
            align="C",
        )
        self.set_text_color(0, 0, 0)

    # --- small building blocks -----------------------------------------------------------
    def heading(self, text: str, size: float = 13) -> None:
        self.set_font(self.body, "B", size)
        self.multi_cell(0, size * 0.5, self.clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5 if size > 10 else 0.8)

    def paragraph(self, text: str, size: float = 9, style: str = "") -> None:
        self.set_font(self.body, style, size)
        self.multi_cell(
            0, size * 0.48, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def field(self, label: str, value: str) -> None:
        self.set_font(self.body, "B", 8.5)
        self.cell(52, 4.4, self.clean(label))
        self.set_font(self.body, "", 8.5)
        self.multi_cell(
            0, 4.4, self.clean(value) or "—", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def fields(self, pairs: list[tuple[str, str]], size: float = 7.5) -> None:
        """Label/value pairs, two pairs per line, without borders."""
        self.set_font(self.body, "", size)
        with self.table(
            col_widths=(26, 64, 26, 64),
            text_align="LEFT",
            line_height=size * 0.46,
            borders_layout="NONE",
            first_row_as_headings=False,
            markdown=False,
            padding=(0.4, 1, 0.4, 0),
            v_align="TOP",
        ) as table:
            for index in range(0, len(pairs), 2):
                row = table.row()
                for label, value in pairs[index : index + 2]:
                    row.cell(self.clean(label), style=FontFace(emphasis="BOLD"))
                    row.cell(self.clean(value) or "—")
                if len(pairs[index : index + 2]) == 1:
                    row.cell("")
                    row.cell("")
        self.ln(1.5)

    def room_left(self) -> float:
        return self.h - self.b_margin - self.get_y()

    def boxed(self, text: str) -> None:
        self.set_font(self.body, "", 8.5)
        self.set_fill_color(245, 240, 225)
        self.multi_cell(
            0,
            4.4,
            self.clean(text),
            border=1,
            fill=True,
            padding=2,
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.ln(2)

    def grid(self, rows: Iterable[list[str]], widths: tuple[float, ...], size: float = 7.5) -> None:
        self.set_font(self.body, "", size)
        with self.table(
            col_widths=widths,
            text_align="LEFT",
            line_height=size * 0.5,
            headings_style=FontFace(emphasis="BOLD", fill_color=(221, 228, 238)),
            markdown=False,
        ) as table:
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(self.clean(_clip(value)))
        self.ln(2)

    def marked_text(self, text: str, passages: list[PassageEvidence]) -> None:
        """The verbatim text, each passage in bold dark red, underlined, after its number."""
        full = len(text)
        text = text[:MAX_VERBATIM_CHARS]
        self.set_font(self.body, "", 9)
        height = 4.4
        cursor = 0
        for passage in sorted(passages, key=lambda p: p.start):
            if passage.start < cursor or passage.end > len(text):
                continue  # overlapping passages: the first one is drawn, all are listed below
            self.write(height, self.clean(text[cursor : passage.start]))
            self.set_font(self.body, "B", 7)
            self.set_text_color(20, 60, 160)
            self.write(height, f"[{passage.number}]")
            self.set_text_color(*PASSAGE_COLOR)
            self.set_font(self.body, "BU", 9)
            self.write(height, self.clean(text[passage.start : passage.end]))
            self.set_text_color(0, 0, 0)
            self.set_font(self.body, "", 9)
            cursor = passage.end
        self.write(height, self.clean(text[cursor:]))
        if full > len(text):
            self.set_font(self.body, "B", 8.5)
            self.write(height, _cut_note(full))
        self.ln(height + 1.5)


# Google shows at most 4,096 characters of a review; a longer text is not one Google showed, and
# hundreds of PDF pages help nobody: the PDF prints the beginning, the JSON keeps it all.
MAX_VERBATIM_CHARS = 20_000


def _cut_note(full: int) -> str:
    return f" […] (texte coupé ici : {full} caractères au total, texte complet dans l'export JSON)"


def _verbatim(text: str) -> str:
    return (
        text
        if len(text) <= MAX_VERBATIM_CHARS
        else text[:MAX_VERBATIM_CHARS] + _cut_note(len(text))
    )


# A table row cannot continue on the next page: a cell longer than this is cut (the full text
# is printed above the table, and exactly in the JSON export).
MAX_CELL_CHARS = 600


def _clip(value: str) -> str:
    if len(value) <= MAX_CELL_CHARS:
        return value
    return value[:MAX_CELL_CHARS].rstrip() + " […] (texte complet plus haut et dans l'export JSON)"


def _date(value: object) -> str:
    return format_value(value) or "—"


def _days(days: int | None) -> str:
    if days is None:
        return "inconnu"
    return f"{days} j" if days >= 0 else f"dépassé ({days} j)"


def _edited(entry: DossierEntry) -> str:
    d = entry.deadline
    if not d.edited:
        return "non"
    if d.alternative_due is None:
        return "oui"
    return f"oui ; si republication : {_date(d.alternative_due)}"


def _signer(name: str, email: str) -> str:
    parts = [p for p in (name, email) if p]
    return " — ".join(parts) if parts else "à compléter dans Réglages"


def _cover(pdf: _Pdf, dossier: Dossier) -> None:
    pdf.add_page()
    pdf.heading("Dossier pour l'avocat", 18)
    pdf.paragraph("Avis Google susceptibles de constituer une diffamation ou une injure", 11)
    pdf.ln(2)
    if dossier.settings.practice_name:
        pdf.field("Cabinet", dossier.settings.practice_name)
    pdf.field("Périmètre", dossier.scope_fr)
    pdf.field("Établi le", dossier.generated_at.strftime("%d/%m/%Y %H:%M UTC"))
    pdf.field("Jours restants calculés au", dossier.today.strftime("%d/%m/%Y"))
    pdf.field("Nombre d'avis", str(len(dossier.entries)))
    pdf.ln(3)
    pdf.boxed(NOT_LEGAL_ADVICE)
    pdf.boxed(SECRECY_REMINDER)
    if not dossier.entries:
        pdf.heading("Synthèse, par date limite", 11)
        pdf.paragraph("Aucun avis à transmettre à ce jour.")
        return
    # a group's listings may follow different laws and be signed by different people
    pdf.heading("Établissements concernés", 11)
    places = [
        ["Établissement", "Juridiction et droit applicable", "Signataire des notifications", "Avis"]
    ]
    for place in dossier.establishments():
        places.append(
            [
                place["name"] or f"fiche {place['key']}",
                f"{place['jurisdiction_fr']} ({place['profile_label']}) : {place['law']}",
                _signer(place["signatory"]["name"], place["signatory"]["email"]),
                str(place["count"]),
            ]
        )
    pdf.grid(places, (44, 74, 50, 12))
    pdf.heading("Synthèse, par date limite", 11)
    rows = [
        [
            "N°",
            "Date limite",
            "Jours restants",
            "Établissement",
            "Auteur",
            "Qualification",
            "Publié le",
            "Statut",
        ]
    ]
    for e in dossier.entries:
        rows.append(
            [
                str(e.rank),
                _date(e.deadline.due),
                _days(e.deadline.days_left),
                e.location_name or e.location_key,
                e.author,
                e.label_fr,
                _date(e.created_at.date() if e.created_at else None)
                + (" (modifié)" if e.deadline.edited else ""),
                e.status_fr,
            ]
        )
    pdf.grid(rows, (8, 19, 20, 36, 30, 20, 23, 24))


# a review starts on the page the previous one ended on only when this much room is left (mm)
MIN_ROOM_TO_SHARE_A_PAGE = 150


def _entry(pdf: _Pdf, entry: DossierEntry, settings: object = None) -> None:
    if pdf.page_no() <= 1 or pdf.room_left() < MIN_ROOM_TO_SHARE_A_PAGE:
        pdf.add_page()
    else:
        pdf.ln(2)
        pdf.set_draw_color(*MUTED)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.set_draw_color(0, 0, 0)
        pdf.ln(3)
    d = entry.deadline
    pdf.heading(
        f"Avis n° {entry.rank} — {entry.label_fr} — date limite {_date(d.due)} ({_days(d.days_left)})",
        11.5,
    )
    pairs = [
        ("Établissement", entry.location_name or f"nom inconnu (fiche {entry.location_key})"),
        ("Juridiction", f"{entry.jurisdiction_fr} — {entry.profile.label}"),
        ("Droit applicable", entry.law),
        ("Signataire", _signer(entry.notifier.name, entry.notifier.email)),
        ("URL de l'avis", entry.review_url or "inconnue"),
        ("Identifiant Google", entry.google_id or "inconnu"),
        ("Auteur (nom affiché)", entry.author),
        ("Profil Google de l'auteur", entry.reviewer_profile_url or "non fourni par la source"),
        ("Note", f"{entry.rating}/5" if entry.rating else "—"),
        ("Statut", entry.status_fr + (" — transmis à l'avocat" if entry.transmitted else "")),
        ("Publié le (UTC)", _date(entry.created_at)),
        ("Modifié le (UTC)", _date(entry.updated_at) + (" — avis modifié" if d.edited else "")),
        (
            "Vu par le cabinet (UTC)",
            f"du {_date(entry.first_seen_at)} au {_date(entry.last_seen_at)}",
        ),
        ("Cible", f"{entry.target} ({VALIDATION})"),
        ("Délai", f"{d.legal_basis}, à partir du {_date(d.start)}"),
    ]
    if d.alternative_due:
        pairs.append(
            (
                "Si republication",
                f"date limite {_date(d.alternative_due)} ({_days(d.alternative_days_left)})",
            )
        )
    if entry.burst:
        pairs.append(("Rafale d'avis négatifs", entry.burst))
    pairs.append(("Remarque", d.note))
    pdf.fields(pairs)

    in_translation = [p for p in entry.passages if p.located_in == "translated"]
    in_original = [p for p in entry.passages if p.located_in == "original"]
    pdf.heading("Texte original (verbatim)", 9.5)
    pdf.marked_text(entry.text_original or "(avis sans texte)", in_original)
    if entry.text_translated:
        pdf.heading("Traduction Google", 9.5)
        pdf.marked_text(entry.text_translated, in_translation)

    earlier = entry.revisions[:-1]
    if earlier:
        pdf.heading("Versions précédentes (verbatim)", 9.5)
        for r in earlier:
            pdf.paragraph(
                f"Version {r.number}, capturée le {r.record['captured_at'] or '—'} :", 8, "B"
            )
            pdf.paragraph(_verbatim(r.record["text_original"] or "(sans texte)"), 8.5)
            if r.record["text_translated"]:
                pdf.paragraph("Traduction Google : " + _verbatim(r.record["text_translated"]), 8.5)
        pdf.ln(1)

    pdf.heading("Passages relevés", 9.5)
    if entry.passages:
        rows = [["N°", "Passage (verbatim)", "Positions", "Qualification proposée", "Articles"]]
        for p in entry.passages:
            where = {"original": "original", "translated": "traduction"}.get(
                p.located_in or "", "à vérifier"
            )
            rows.append(
                [
                    str(p.number),
                    p.text,
                    f"{p.start}–{p.end} ({where})",
                    f"{p.qualification_fr}\n{p.validation}",
                    "\n".join(p.articles) or "—",
                ]
            )
        pdf.grid(rows, (8, 62, 24, 34, 52), size=7)
        pdf.paragraph(QUALIFICATION_NOTES[entry.profile.jurisdiction], 7)
        pdf.ln(1)
    else:
        pdf.paragraph("Aucun passage relevé automatiquement : avis transmis par le cabinet.", 8)
        pdf.ln(1)

    pdf.heading("Empreintes SHA-256 : versions capturées et captures jointes", 9.5)
    rows = [["Élément", "Capturé le (UTC)", "Source", "SHA-256"]]
    for r in entry.revisions:
        rows.append(
            [f"version {r.number}", r.record["captured_at"] or "—", r.record["source"], r.sha256]
        )
    for c in entry.captures:
        rows.append(
            [
                f"capture {c.number} : {c.filename}",
                format_value(c.added_at) or "—",
                f"jointe par {c.added_by or '—'}",
                c.sha256,
            ]
        )
    pdf.grid(rows, (34, 30, 24, 92), size=6.5)

    pdf.heading("Actions du cabinet", 9.5)
    if entry.actions:
        for action in entry.actions:
            pdf.paragraph("• " + action.summary(), 7.5)
    else:
        pdf.paragraph("Aucune action enregistrée.", 7.5)
    reply = entry.revisions[-1].record["owner_reply_text"] if entry.revisions else None
    if reply:
        pdf.paragraph(
            "Réponse du cabinet visible sur Google lors de la dernière capture :", 7.5, "B"
        )
        pdf.paragraph(_verbatim(reply), 7.5)
    pdf.ln(1.5)

    pdf.heading("Notification à Google (à copier)", 9.5)
    pdf.set_font(pdf.body, "", 7)
    pdf.set_fill_color(242, 242, 242)
    pdf.multi_cell(
        0,
        3.2,
        pdf.clean(entry.notice),
        border=1,
        fill=True,
        padding=Padding(1.5, 1.5, 1.5, 1.5),
        align="L",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )


def dossier_pdf(dossier: Dossier) -> bytes:
    title = "Dossier pour l'avocat"
    pdf = _Pdf(title)
    pdf.set_title(title)
    pdf.set_creation_date(dossier.generated_at)
    _cover(pdf, dossier)
    for entry in dossier.entries:
        _entry(pdf, entry)
    return bytes(pdf.output())


def write_pdf(dossier: Dossier, path: str) -> None:
    Path(path).write_bytes(dossier_pdf(dossier))
