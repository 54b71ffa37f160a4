"""Lint and types as part of the test run, so the one test command checks them too.

The layers without Qt are typed strictly (every function annotated, no
implicit Any); the GUI, the command line and the app start-up type-check in
mypy's default mode, where PySide6's stubs still catch a None passed for a
widget or a database. The settings shared by every run are in pyproject.toml
([tool.mypy]).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "inspector"
STRICT = ["inspector/core", "inspector/store", "inspector/sync", "inspector/reports"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_is_clean():
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted():
    """`ruff format` is the one style: a change that is not formatted fails here."""
    result = _run("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("package", STRICT)
def test_the_headless_layers_are_strictly_typed(package):
    strict = _run("mypy", "--strict", package)
    assert strict.returncode == 0, strict.stdout


def test_the_gui_the_command_line_and_everything_else_type_check():
    rest = [str(p.relative_to(ROOT)) for p in sorted(PACKAGE.glob("*.py"))]
    plain = _run("mypy", "inspector/ui", *rest)
    assert plain.returncode == 0, plain.stdout


def test_every_module_is_in_one_of_the_checks():
    covered = {PACKAGE / p.split("/", 1)[1] for p in STRICT} | {PACKAGE / "ui"}
    for path in PACKAGE.rglob("*.py"):
        assert path.parent == PACKAGE or any(c in path.parents for c in covered), path
