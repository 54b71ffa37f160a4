"""Without Qt's X11 libraries the app says which are missing and how to install them.

Qt itself aborts the process with "Could not load the Qt platform plugin xcb";
the check runs first, with the dynamic loader replaced here by a fake that
lacks some libraries.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector import qt_platform
from inspector.cli import main
from inspector.qt_platform import MissingQtLibraries, check_xcb, missing_libraries, uses_xcb

ROOT = Path(__file__).resolve().parents[1]
X11 = {"DISPLAY": ":0"}


def loader_without(*absent: str):
    loaded = []

    def load(name: str) -> object:
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        loaded.append(name)
        return object()

    load.loaded = loaded  # type: ignore[attr-defined]
    return load


def test_missing_libraries_are_named_with_the_apt_command_that_installs_them():
    load = loader_without(
        "libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libglib-2.0.so.0", "libgthread-2.0.so.0"
    )
    with pytest.raises(MissingQtLibraries) as raised:
        check_xcb(X11, "linux", load)
    text = str(raised.value)
    assert raised.value.missing == [
        "libxcb-cursor.so.0",
        "libxkbcommon-x11.so.0",
        "libglib-2.0.so.0",
        "libgthread-2.0.so.0",
    ]
    assert "libxcb-cursor.so.0, libxkbcommon-x11.so.0" in text
    # one package per library, each once, in one command to copy
    assert text.endswith("sudo apt-get install libglib2.0-0 libxcb-cursor0 libxkbcommon-x11-0")
    assert "\n" not in text


def test_a_machine_with_every_library_passes_and_every_one_was_tried():
    load = loader_without()
    check_xcb(X11, "linux", load)
    assert load.loaded == list(qt_platform.XCB_LIBRARIES)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("environ", "platform", "checked"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({}, "linux", False),  # no X display: Qt does not try xcb's libraries
        ({"DISPLAY": ":0"}, "win32", False),
        ({"DISPLAY": ":0"}, "darwin", False),
    ],
)
def test_only_a_start_on_x11_is_checked(environ, platform, checked):
    assert uses_xcb(environ, platform) is checked
    nothing_loads = loader_without(*qt_platform.XCB_LIBRARIES)
    if checked:
        with pytest.raises(MissingQtLibraries):
            check_xcb(environ, platform, nothing_loads)
    else:
        check_xcb(environ, platform, nothing_loads)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Qt's Linux platform")
def test_this_machine_has_the_libraries_ci_installs():
    # .ci/run installs Qt's xcb libraries: the real loader must find every one,
    # or the list names a library that no package of that name provides.
    assert missing_libraries() == []


def test_ci_installs_every_package_the_check_asks_for():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    installed = set(
        re.findall(
            r"[a-z0-9][a-z0-9.+-]+", script.split("apt-get install", 1)[1].split(">/dev/null", 1)[0]
        )
    )
    assert set(qt_platform.XCB_LIBRARIES.values()) <= installed


def test_the_command_line_stops_before_qt_with_one_line_and_status_1(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(qt_platform, "load_library", loader_without("libxcb-cursor.so.0"))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert result.output == (
        "inspector: the desktop app cannot start: Qt's X11 (xcb) platform needs "
        "libxcb-cursor.so.0, missing on this computer; install them with: "
        "sudo apt-get install libxcb-cursor0\n"
    )
    assert not (tmp_path / "x.db").exists()
