"""Uncaught exceptions in the GUI: logged with their traceback, told in one short box.

A slot that raises would otherwise print a traceback to a console the user
never sees (and a laptop build has none) while the window carries on as if
nothing happened. The hook sends the exception through the same
classification as the command line (`inspector.errors.explain`): our bug
goes to the log file, the user's situation (a full disk, a busy database)
reads as itself.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def install(*, show: bool = True) -> Hook:
    """Replace sys.excepthook; returns the previous hook, to put back with `restore`.

    `show=False` (the self-test) logs and prints but opens no box that could block.
    """
    previous = sys.excepthook
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        from inspector.errors import explain
        from inspector.ui.messages import translate_message

        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        explanation = explain(exc, context="gui")
        print("".join(traceback.format_exception_only(exc_type, exc)).rstrip(), file=sys.stderr)
        print(f"inspector: {explanation}", file=sys.stderr)
        if not show or showing or QApplication.instance() is None:
            return
        showing = True  # an error while the box is open is logged, not stacked
        try:
            QMessageBox.critical(QApplication.activeWindow(),
                                 QCoreApplication.translate("App", "Inspector"),
                                 "\n".join(translate_message(m) for m in explanation.messages))
        finally:
            showing = False

    sys.excepthook = hook
    return previous


def restore(previous: Hook) -> None:
    sys.excepthook = previous
