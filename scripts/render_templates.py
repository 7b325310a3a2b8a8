"""Regenerate docs/templates.md, the French review sheet of the vetted replies.

Usage: python scripts/render_templates.py [--check] [--sheet PATH]
--check exits 1 without writing when the sheet (default docs/templates.md) is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from responders.drafting.render import REGENERATE, SHEET, render_catalogue, write_sheet


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Feuille de relecture des réponses types.")
    parser.add_argument("--check", action="store_true", help="vérifier sans écrire")
    parser.add_argument("--sheet", type=Path, default=SHEET)
    args = parser.parse_args(argv)
    if args.check:
        current = args.sheet.read_text(encoding="utf-8") if args.sheet.exists() else ""
        if current != render_catalogue():
            print(f"{args.sheet} n'est pas à jour : lancez {REGENERATE}", file=sys.stderr)
            return 1
        print(f"{args.sheet} est à jour.")
        return 0
    print(f"écrit : {write_sheet(args.sheet)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
