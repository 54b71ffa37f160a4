"""Whether Qt's xcb platform can start here, asked before Qt is loaded.

On a Linux desktop without the X11 libraries Qt's xcb plugin links against,
Qt aborts the process ("Could not load the Qt platform plugin xcb") with no
word on what to install. The libraries below are what `libqxcb.so`,
`libQt6XcbQpa`, `libQt6Gui` and `libQt6DBus` of the PySide6 wheels need
(their ELF NEEDED entries, less what every Linux has and what the wheels
bundle): trying to load each one by its soname names the missing ones and the
Debian/Ubuntu packages that bring them, so the app can stop with one apt
command instead of Qt's abort. This module imports no Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any

from inspector.messages import Message, MessageError

# soname -> Debian/Ubuntu package
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

Loader = Callable[[str], Any]


class MissingQtLibraries(MessageError):
    """The desktop app cannot start on X11: libraries Qt needs are not installed."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        packages = sorted({XCB_LIBRARIES[name] for name in missing})
        super().__init__(
            Message(
                "the desktop app cannot start: Qt's X11 (xcb) platform needs {libraries}, "
                "missing on this computer; install them with: sudo apt-get install {packages}",
                libraries=", ".join(missing),
                packages=" ".join(packages),
            )
        )


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Qt would pick its xcb platform: Linux, an X display, no other platform asked for."""
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    return environ.get("QT_QPA_PLATFORM", "") in ("", "xcb")


def load_library(name: str) -> Any:
    """Load a shared library by soname, as Qt's plugin loader would (OSError if absent)."""
    import ctypes  # only where Qt would start on xcb: the check runs before the first paint

    return ctypes.CDLL(name)


def missing_libraries(load: Loader | None = None) -> list[str]:
    """The sonames in XCB_LIBRARIES that the dynamic loader cannot load."""
    load = load or load_library
    missing = []
    for name in XCB_LIBRARIES:
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def check_xcb(
    environ: Mapping[str, str], platform: str = sys.platform, load: Loader | None = None
) -> None:
    """Raise MissingQtLibraries when Qt would start on xcb and cannot."""
    if not uses_xcb(environ, platform):
        return
    missing = missing_libraries(load)
    if missing:
        raise MissingQtLibraries(missing)
