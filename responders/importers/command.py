"""`responders import PATH... [--db URL] [--location NAME] [--profile PROFILE] [--format ...] [--mapping ...] [--no-classify]`.

Human messages in French on stderr; the last line of stdout is the summary JSON.
"""

from __future__ import annotations

import argparse
import json
import sys

from responders.importers import ImportSummary, import_paths
from responders.store.engine import make_engine

MAX_SHOWN_ERRORS = 50


def _progress() -> object:
    last: list[str] = [""]

    def report(done: int, total: int, message: str) -> None:
        if message != last[0]:  # one line per step, not one per record
            last[0] = message
            ending = "." if done >= total > 0 else "…"
            print(f"{message}{ending}", file=sys.stderr, flush=True)  # noqa: T201

    return report


def report(summary: ImportSummary) -> None:
    for result in summary.results:
        line = (
            f"{result.label} ({result.shape}) : {result.read} avis lus, {result.new} nouveaux, "
            f"{result.updated} modifiés, {result.unchanged} inchangés, {result.rejected} refusés"
        )
        if result.older:
            line += f", {result.older} plus anciens que la version connue (conservés, non courants)"
        if result.classified is not None:
            line += f", {result.classified} classés"
        print(line + ".", file=sys.stderr)  # noqa: T201
    for error in summary.errors[:MAX_SHOWN_ERRORS]:
        print(  # noqa: T201
            f"  refusé : {error['file']}, enregistrement {error['record']} : {error['reason']}",
            file=sys.stderr,
        )
    if len(summary.errors) > MAX_SHOWN_ERRORS:
        print(  # noqa: T201
            f"  … et {len(summary.errors) - MAX_SHOWN_ERRORS} autres refus (voir la ligne JSON finale).",
            file=sys.stderr,
        )


def run(args: argparse.Namespace) -> int:
    engine = make_engine(args.db)
    try:
        summary = import_paths(
            engine,
            args.paths,
            location=args.location,
            fmt=args.format,
            mapping=args.mapping,
            classify=not args.no_classify,
            progress=_progress(),  # type: ignore[arg-type]
            profile=getattr(args, "profile", None),
        )
    except Exception as exc:
        partial: ImportSummary | None = getattr(exc, "partial_summary", None)
        if partial is not None:  # earlier files are stored: say which, then the failure
            partial.files = len(partial.results)
            report(partial)
            print(  # noqa: T201
                f"{getattr(exc, 'failed_file', '?')} : non enregistré (rien de ce fichier n'a été écrit).",
                file=sys.stderr,
            )
            print(json.dumps(partial.to_dict(), ensure_ascii=False), flush=True)  # noqa: T201
        raise
    finally:
        engine.dispose()
    report(summary)
    print(json.dumps(summary.to_dict(), ensure_ascii=False), flush=True)  # noqa: T201
    return 0
