"""JSONL in and out for the CLI: `-` is stdin/stdout; a bad line becomes an error object.

The one JSONL reader of the product: the commands (`process`, one result per line, a bad line
reported and skipped) and the evaluations (`load_objects`, a bad line makes the file unusable)
both read through `json_lines` and `parse_object`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from responders.errors import UnusableInput


class LineError(ValueError):
    """A single input line that cannot be processed; the other lines go on."""


def read_lines(path: str) -> Iterator[tuple[int, str]]:
    if path == "-":
        stream: IO[str] = sys.stdin
        for number, line in enumerate(stream, start=1):
            yield number, line
        return
    file = Path(path)
    if not file.is_file():
        raise UnusableInput(f"{path} : fichier introuvable. Vérifiez le chemin.")
    try:
        with file.open(encoding="utf-8-sig") as stream:
            for number, line in enumerate(stream, start=1):
                yield number, line
    except UnicodeDecodeError as exc:
        raise UnusableInput(
            f"{path} : le fichier n'est pas en UTF-8 (octet {exc.start}). "
            "Enregistrez-le en UTF-8 puis recommencez."
        ) from None


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        return
    with Path(path).open("w", encoding="utf-8") as stream:
        yield stream


def json_lines(path: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of every non-blank line of `path` (`-`: standard input)."""
    for number, line in read_lines(path):
        if line.strip():
            yield number, line


def parse_object(line: str) -> dict[str, Any]:
    """One JSONL line as an object, or LineError saying why not (in French)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"JSON invalide ({exc.msg}, colonne {exc.colno})") from None
    if not isinstance(obj, dict):
        raise LineError("la ligne doit être un objet JSON {…}")
    return obj


def load_objects(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every object of a labelled file; the first bad line makes the file unusable."""
    for number, line in json_lines(path):
        try:
            yield number, parse_object(line)
        except LineError as exc:
            raise UnusableInput(f"{path}, ligne {number} : {exc}.") from None


def process(
    path: str,
    output: str | None,
    handle: Callable[[dict[str, Any]], dict[str, Any]],
    required: tuple[str, ...] = (),
) -> int:
    """Apply `handle` to each JSON object of `path`, writing one result per non-blank line.

    Returns the exit status: 0, even when some lines were malformed (they are reported).
    """
    with open_output(output) as out:
        for number, line in json_lines(path):
            record_id: Any = None
            try:
                obj = parse_object(line)
                record_id = obj.get("id")
                for key in required:
                    if not isinstance(obj.get(key), str):
                        raise LineError(f"le champ « {key} » (texte) est manquant")
                result = handle(obj)
            except LineError as exc:
                print(f"{path}, ligne {number} : {exc}", file=sys.stderr)  # noqa: T201
                result = {"id": record_id, "error": str(exc)}
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
    return 0
