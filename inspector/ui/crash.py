"""Uncaught exceptions and Qt's own warnings in the GUI: into the log, told in one short box.

A slot that raises would otherwise print a traceback to a console the user
never sees (and a laptop build has none) while the window carries on as if
nothing happened. The hook sends the exception through the GUI's one error
policy (`ui.errors.show_error`, which classifies through
`inspector.errors`): our bug goes to the log file and its box offers to
open it, the user's situation (a full disk, a busy database) reads as
itself. Qt's warnings (a failed connection, a missing image plugin) go to
the same rotating log through Qt's message handler, so a support request
carries them too; they are still passed on to the handler before ours.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
QtHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]

LOGGED = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
_previous_qt: list[QtHandler | None] = []


def install(*, show: bool = True) -> Hook:
    """Replace sys.excepthook and Qt's message handler; returns the previous hook, to put
    back with `restore` (which also puts back the previous message handler).

    `show=False` (the self-test) logs and prints but opens no box.
    """
    previous = sys.excepthook
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        from inspector.ui.errors import classify, show_error

        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        text, _log = classify(exc, "gui")
        print("".join(traceback.format_exception_only(exc_type, exc)).rstrip(), file=sys.stderr)
        print(f"inspector: {text}", file=sys.stderr)
        if not show or showing or QApplication.instance() is None:
            return
        showing = True  # an error while the box is being made is logged, not stacked
        try:
            show_error(QApplication.activeWindow(), exc)
        finally:
            showing = False

    sys.excepthook = hook
    _previous_qt.append(qInstallMessageHandler(_qt_message))
    return previous


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's warnings into our log (debug and info stay out), then to the previous handler."""
    if kind in LOGGED:
        from inspector import logfile

        where = f" ({context.file}:{context.line})" if context.file else ""
        with contextlib.suppress(OSError):  # nowhere to write: it still goes on below
            logfile.note(f"Qt {kind.name}: {message}{where}", context="qt")
    previous = _previous_qt[-1] if _previous_qt else None
    if previous is not None:
        previous(kind, context, message)
    else:
        print(message, file=sys.stderr)


def restore(previous: Hook) -> None:
    sys.excepthook = previous
    if _previous_qt:
        qInstallMessageHandler(_previous_qt.pop())
