"""Only the GUI imports Qt: the core, store, sync, reports and CLI stay usable headless."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "inspector"
ALLOWED = {PACKAGE / "app.py"}


def qt_imports(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if any(n == "PySide6" or n.startswith("PySide6.") for n in names):
            lines.append(node.lineno)
    return lines


def test_nothing_outside_the_ui_imports_pyside6():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in ALLOWED or (PACKAGE / "ui") in path.parents:
            continue
        offenders += [f"{path.relative_to(PACKAGE.parent)}:{line}" for line in qt_imports(path)]
    assert not offenders, f"PySide6 imported outside inspector/ui: {offenders}"


def test_the_check_sees_an_import():
    # The scanner itself must notice both import forms, or the test above proves nothing.
    assert qt_imports(PACKAGE / "ui" / "fonts.py")
    assert qt_imports(PACKAGE / "app.py")


def test_a_headless_command_does_not_load_qt(tmp_path):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from inspector.cli import main\n"
        f"db = {str(tmp_path / 'x.db')!r}\n"
        "for args in (['init'], ['campaign', 'list'], ['ranking', '--campaign', 'x'],"
        " ['dump'], ['check']):\n"
        "    CliRunner().invoke(main, ['--db', db, *args])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    env = dict(os.environ)
    env.pop("INSPECTOR_DB", None)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
