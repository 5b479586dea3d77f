"""What strife imports it declares, directly: a fresh install with the pip that Python ships must
not depend on a resolver's reading of another package's extras."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group(0)).lower()


def _with_extras(requirements: list[str]) -> set[str]:
    """The distributions named, and those their named extras bring ("dask[distributed]")."""
    names = set()
    for requirement in requirements:
        names.add(_name(requirement))
        wanted = re.search(r"\[([^\]]+)\]", requirement)
        for extra in wanted.group(1).split(",") if wanted else []:
            for needed in importlib.metadata.requires(_name(requirement)) or []:
                if re.search(rf"extra\s*==\s*['\"]{re.escape(extra.strip())}['\"]", needed):
                    names.add(_name(needed))
    return names


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = _with_extras(project["dependencies"])
    extras = _with_extras([r for group in project["optional-dependencies"].values() for r in group])
    return core, extras


def _imported_modules() -> set[str]:
    modules = set()
    for path in (ROOT / "src" / "strife").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {m for m in modules if m not in sys.stdlib_module_names and m not in ("strife", "__future__")}


def test_every_module_strife_imports_is_a_declared_dependency() -> None:
    core, extras = _declared()
    providers = importlib.metadata.packages_distributions()
    undeclared = {}
    for module in sorted(_imported_modules()):
        distributions = {_name(d) for d in providers.get(module, [])}
        if distributions and not distributions & (core | extras):
            undeclared[module] = sorted(distributions)
    assert undeclared == {}


def test_trafilaturas_html_cleaner_is_installed_with_strife() -> None:
    # trafilatura imports lxml.html.clean, a separate project since lxml 5.2, which some of its
    # releases reach only through an extra of lxml that old pip does not install: strife names it.
    core, _ = _declared()
    assert {"lxml", "lxml-html-clean"} <= core
    import lxml.html.clean  # noqa: F401  (raises ImportError when the project is missing)


def test_the_test_command_reports_why_each_test_was_skipped(tmp_path: Path) -> None:
    import subprocess

    (tmp_path / "test_skipping.py").write_text(
        "import pytest\n\ndef test_needs_a_server():\n    pytest.skip('no server here: start one')\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path),
         "-p", "no:cacheprovider", str(tmp_path / "test_skipping.py")],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert "SKIPPED" in run.stdout and "no server here: start one" in run.stdout, run.stdout
