"""The layers of `responders/`, checked on the imports themselves (walked with `ast`).

    vocabulary, evidence, errors, timeutil, profiles        the words
    store/, text/                                           storage and text; no road step
    llm, policy, deadlines                                  shared services
    importers/ classify/ guard/ drafting/ export/           the road steps
    triage/                                                 the staff's work
    views/                                                  tables and figures (pandas)
    cli/ and each step's command.py / evaluate.py           the command line

and store/settings.py is the only module that touches the settings table.

Every import counts, including those inside functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "responders"
ROAD_STEPS = ("importers", "classify", "guard", "drafting", "export", "triage")
# steps beside the road: the audit of published replies, removal routes, the weekly digest
SIDE_STEPS = ("audit", "removal", "notify")
# A step's command-line adapters belong to the cli layer, whatever folder they sit in.
CLI_ADAPTERS = ("command", "evaluate")
# The writers of the journal and of the settings table: a view that imported one would be a
# second place where staff writes happen, beside responders/triage/actions.py.
VIEW_WRITES = frozenset({
    "responders.triage.journal",
    "responders.triage.journal.record_event",
    "responders.store.settings.set_setting",
    "responders.store.settings.save_signatory",
    "responders.llm.save_settings",
    "responders.llm.bind_key",
})


def _imports(module: str, source: str, is_package: bool = False) -> set[str]:
    """Absolute names of every module `source` imports (relative imports resolved)."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            # `from responders import triage` imports the module responders.triage
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _layer(module: str) -> str:
    """The layer a module of `responders` belongs to."""
    parts = module.split(".")[1:]
    if not parts:
        return "root"
    if parts[-1] in CLI_ADAPTERS and parts[0] in ROAD_STEPS + SIDE_STEPS:
        return "cli"
    if parts[0] in ("cli", "__main__"):
        return "cli"
    return parts[0]


def _top(name: str) -> str:
    return name.split(".")[0]


def _under(name: str, *packages: str) -> bool:
    return any(name == f"responders.{p}" or name.startswith(f"responders.{p}.") for p in packages)


def violations(modules: dict[str, str]) -> list[str]:
    """Every import that breaks a layer rule, as `module imports name: rule`."""
    out: list[str] = []
    for module, source in sorted(modules.items()):
        layer = _layer(module)
        is_package = module.endswith(".__init__")
        module = module.removesuffix(".__init__")
        for name in sorted(_imports(module, source, is_package)):
            def bad(rule: str, name: str = name, module: str = module) -> None:
                out.append(f"{module} imports {name}: {rule}")

            if _top(name) == "streamlit":
                bad("nothing under responders/ imports streamlit")
            if _top(name) == "pandas" and layer != "views":
                bad("only views/ imports pandas")
            if _top(name) in ("langchain", "langchain_core", "langchain_openai", "openai") and module != "responders.llm":
                bad("only llm.py imports langchain / openai")
            if layer in ("store", "text") and _under(name, *ROAD_STEPS, *SIDE_STEPS):
                bad("store/ and text/ import no road step")
            if layer == "guard" and _under(name, "classify"):
                bad("guard/ never imports classify/")
            if layer == "classify" and _under(name, "guard"):
                bad("classify/ never imports guard/")
            below_triage = layer not in ("triage", "views", "cli", "root")
            if below_triage and _under(name, "triage", "views", "cli"):
                bad("nothing below triage/ imports triage/, views/ or cli/")
            if layer == "triage" and _under(name, "views", "cli"):
                bad("triage/ imports neither views/ nor cli/")
            if layer == "views" and _under(name, "cli"):
                bad("views/ never imports cli/")
            if layer == "views" and name in VIEW_WRITES:
                bad("views/ writes nothing: staff writes go through triage/actions")
            if name == "responders.store.models.Setting" and module != "responders.store.settings":
                bad("store/settings.py is the only owner of the settings table")
    return out


def _package_modules() -> dict[str, str]:
    modules = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT.parent).with_suffix("")
        name = ".".join(relative.parts)
        if ".migrations." in name:
            continue
        modules[name] = path.read_text(encoding="utf-8")
    return modules


def test_the_package_keeps_its_layers() -> None:
    modules = _package_modules()
    assert len(modules) > 50
    assert violations(modules) == []


@pytest.mark.parametrize(
    ("module", "source", "rule"),
    [
        ("responders.classify.engine", "import streamlit as st", "streamlit"),
        ("responders.export.dossier", "def f():\n    import pandas\n", "only views/ imports pandas"),
        ("responders.guard.rule", "from langchain_openai import ChatOpenAI", "only llm.py"),
        ("responders.store.models", "from responders.classify import classify", "store/ and text/"),
        ("responders.text.words", "from responders.guard.lexicon import get_lexicon", "store/ and text/"),
        ("responders.guard.registry", "from responders.classify.rules import RULES", "guard/ never imports classify/"),
        ("responders.classify.engine", "from responders import guard", "classify/ never imports guard/"),
        ("responders.export.dossier", "from responders.triage.actions import set_status", "below triage/"),
        ("responders.policy", "from responders.views import stats", "below triage/"),
        ("responders.guard.rule", "from ..triage import queue", "below triage/"),
        ("responders.triage.queue", "from responders.views.render import md_escape", "triage/ imports neither"),
        ("responders.policy", "from responders.store.models import Setting", "only owner of the settings table"),
        ("responders.views.settings_view", "def f():\n    from responders.triage.journal import record_event\n",
         "views/ writes nothing"),
        ("responders.views.settings_view", "from responders.store.settings import set_setting", "views/ writes nothing"),
    ],
)
def test_the_checker_catches_a_forbidden_import(module: str, source: str, rule: str) -> None:
    found = violations({module: source})
    assert found and rule in found[0], found


def test_command_line_adapters_may_use_the_cli_helpers() -> None:
    assert violations({"responders.guard.command": "from responders.cli.jsonl import process"}) == []
    assert violations({"responders.views.stats": "import pandas as pd"}) == []
    assert violations({"responders.llm": "from langchain_core.messages import HumanMessage"}) == []
