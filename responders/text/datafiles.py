"""Reading the rule and lexicon files shipped inside a package (`<package>/data/`), for the
classifier and the guard alike: plain or gzip-compressed text, '#' comment lines, TOML."""

from __future__ import annotations

import gzip
import tomllib
from importlib import resources
from typing import Any


def read_text(package: str, name: str) -> str:
    """The text of `<package>/data/<name>` (decompressed when the name ends in .gz)."""
    raw = (resources.files(package) / "data" / name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def data_lines(package: str, name: str, *, strip: bool = False) -> list[str]:
    """The lines of a data file, without blank lines and '#' comments. `strip` trims each
    line first (word lists); without it a line is kept as written (tab-separated tables)."""
    out = []
    for raw in read_text(package, name).splitlines():
        line = raw.strip() if strip else raw
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_toml(package: str, name: str) -> dict[str, Any]:
    return tomllib.loads(read_text(package, name))
