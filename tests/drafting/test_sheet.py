"""docs/templates.md is the French review sheet of the catalogue; it must match the data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from responders.drafting import default_catalogue
from responders.drafting.render import REGENERATE, SHEET, render_catalogue
from responders.policy import SITUATION_LABELS
from responders.profiles import PROFILES

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "render_templates.py"


def test_committed_sheet_is_up_to_date() -> None:
    current = SHEET.read_text(encoding="utf-8") if SHEET.exists() else ""
    assert current == render_catalogue(), (
        f"docs/templates.md n'est pas à jour avec templates/ : lancez « {REGENERATE} » "
        "puis relisez et validez le fichier."
    )


def test_sheet_lists_every_template_under_every_profile_and_situation_it_serves() -> None:
    sheet = render_catalogue()
    sections = {}
    current = None
    for line in sheet.splitlines():
        if line.startswith("## ") and "(`" in line:
            profile = line.rsplit("(`", 1)[1].rstrip("`)")
        elif line.startswith("### "):
            current = (profile, line.rsplit("(`", 1)[1].rstrip("`)"))
            sections[current] = []
        elif line.startswith("- **") and current:
            sections[current].append(line[4:].split("**", 1)[0])
    catalogue = default_catalogue()
    assert set(sections) == {(p, s) for p in PROFILES for s in SITUATION_LABELS}
    for (profile, situation), ids in sections.items():
        assert ids == [t.id for t in catalogue.variants(profile, situation)]
    for template in catalogue.templates:
        assert template.note in sheet


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT)


def test_script_writes_then_checks_a_sheet(tmp_path: Path) -> None:
    sheet = tmp_path / "templates.md"
    assert _script("--check", "--sheet", str(sheet)).returncode == 1
    assert _script("--sheet", str(sheet)).returncode == 0
    assert sheet.read_text(encoding="utf-8") == render_catalogue()
    assert _script("--check", "--sheet", str(sheet)).returncode == 0
    sheet.write_text(render_catalogue().replace("fr-neutre-01", "fr-neutre-99"), encoding="utf-8")
    stale = _script("--check", "--sheet", str(sheet))
    assert stale.returncode == 1 and REGENERATE in stale.stderr
