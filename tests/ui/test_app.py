"""Starting the app as a user does: `inspector --selftest`, and a database it cannot open."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("INSPECTOR_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "inspector", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_selftest_shows_the_main_window_and_exits_0(sample_db_path):
    from inspector.store import settings
    from inspector.store.db import open_db

    db = open_db(sample_db_path)
    settings.put(db, "window_geometry", "01d9d0cb")  # the user's own window
    db.close()
    result = run("--db", str(sample_db_path), "--selftest")
    assert result.returncode == 0, result.stderr
    assert "main window shown" in result.stdout
    assert "36 township(s)" in result.stdout
    db = open_db(sample_db_path)
    assert settings.get(db, "window_geometry") == "01d9d0cb"  # a check resizes nothing


def test_selftest_on_a_new_database_creates_it(tmp_path):
    path = tmp_path / "new" / "inspector.db"
    result = run("--db", str(path), "--selftest")
    assert result.returncode == 0, result.stderr
    assert path.exists()


def test_a_file_that_is_not_a_database_is_refused_with_one_line(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")
    result = run("--db", str(path), "--selftest")
    assert result.returncode == 1
    assert "is not an Inspector database" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_app_font_falls_back_to_the_bundled_chinese_font(qapp):
    from PySide6.QtGui import QFontMetrics

    from inspector.ui.fonts import cjk_family, install_app_font

    font = install_app_font(qapp)
    assert cjk_family() == "WenQuanYi Micro Hei"
    assert cjk_family() in font.families()
    assert QFontMetrics(font).inFontUcs4(ord("督")) or cjk_family() in font.families()[1:]


def test_the_gui_script_takes_db_and_selftest(sample_db_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from inspector.app import main; sys.exit(main(sys.argv[1:]))",
            "--db",
            str(sample_db_path),
            "--selftest",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "main window shown" in result.stdout
