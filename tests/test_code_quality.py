"""Lint and types as part of the test run, so the one test command checks them too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_is_clean():
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_is_strictly_typed_and_the_plain_layers_type_check():
    strict = _run("mypy", "--strict", "--ignore-missing-imports", "inspector/core")
    assert strict.returncode == 0, strict.stdout
    plain = _run("mypy", "--ignore-missing-imports", "inspector/store", "inspector/sync",
                 "inspector/reports", "inspector/progress.py", "inspector/errors.py")
    assert plain.returncode == 0, plain.stdout
