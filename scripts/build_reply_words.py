"""Write responders/guard/data/template_reply_words.txt: the folded words of the vetted replies.

The guard's positive model of a publishable reply (responders/guard/publishable.py) counts
these words as generic. Only the `text` of each template and the default placeholder values
are read (not the notes, which discuss what a reply must never say). Standard library only:

    python3 scripts/build_reply_words.py

Rerun after editing templates/; tests/guard/test_publishable.py fails when the file is stale.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from responders.text.words import normalize  # noqa: E402 (pure standard library)

OUT = ROOT / "responders" / "guard" / "data" / "template_reply_words.txt"


def template_reply_words(template_dir: Path = ROOT / "templates") -> list[str]:
    words: set[str] = set()
    for path in sorted(template_dir.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        texts = [t.get("text", "") for t in data.get("template", [])]
        for values in data.get("defaults", {}).values():
            texts.extend(str(v) for v in values.values())
        for text in texts:
            text = text.replace("{practice}", " ").replace("{contact}", " ")
            words.update(t.text for t in normalize(text).tokens if t.text.isalpha())
    return sorted(words)


def render(words: list[str]) -> str:
    return (
        "# Folded words of the vetted replies' texts and default placeholders in templates/\n"
        "# (scripts/build_reply_words.py): generic words of a publishable reply.\n"
        + "\n".join(words)
        + "\n"
    )


def main() -> int:
    words = template_reply_words()
    OUT.write_text(render(words), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(words)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
