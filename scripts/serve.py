"""`make run`: loads the lexicons, the classifier and the templates, then starts Streamlit in
the same process, so the first visitor gets a card at once instead of waiting for the loading.

    python scripts/serve.py [streamlit run options, e.g. --server.port 8501]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from app_pages.common import warm_core

    seconds = warm_core()
    sys.stderr.write(f"Lexiques, classement et modèles de réponse chargés en {seconds:.1f} s.\n")
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
