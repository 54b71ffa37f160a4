"""The GUI's one error policy: the user's situation in a warning, our bug in a box with its log.

Every place in the GUI that catches an exception hands it to `show_error`
instead of classifying it itself. Which is which is decided once, for the
command line and the GUI alike, by `inspector.errors` (the exception's type
and, for SQLite, its result code: a busy, read-only, full or damaged
database is the user's situation; a constraint or bad SQL is our bug). A
check of what the user typed that raises ValueError reads as its text. A
bug is logged with its traceback, and its box offers to open the log so
the user can send it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.errors import explain, user_messages
from inspector.ui.messages import translate_message

_open_boxes: set[QMessageBox] = set()


def classify(exc: BaseException, context: str = "gui") -> tuple[str, Path | None]:
    """The text for the user and, for our bug, the log its traceback went to."""
    messages = user_messages(exc)
    if messages is None and isinstance(exc, ValueError):
        return str(exc).strip() or exc.__class__.__name__, None
    if messages is not None:
        return "\n".join(translate_message(m) for m in messages).strip() or str(exc), None
    explanation = explain(exc, context=context)
    log = getattr(exc, "_inspector_log", None)
    text = "\n".join(translate_message(m) for m in explanation.messages).strip()
    return text or str(exc), Path(log) if log else None


def is_bug(exc: BaseException) -> bool:
    return user_messages(exc) is None and not isinstance(exc, ValueError)


def show_error(
    parent: QWidget | None, exc: BaseException, title: str | None = None, *, context: str = "gui"
) -> QMessageBox | None:
    """Tell the user about `exc`: a warning for their situation (modal, as before); for
    our bug (logged first) an error box with an "Open log" button, opened without
    waiting so a failing slot or the exception hook never blocks on it (returned)."""
    text, log = classify(exc, context)
    title = title or QCoreApplication.translate("App", "Inspector")
    if log is None and not is_bug(exc):
        QMessageBox.warning(parent, title, text)
        return None
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close, parent
    )
    box.setObjectName("bug_report")
    _open_boxes.add(box)  # a box without a parent window lives only while referenced
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    if log is not None:
        button = box.addButton(
            QCoreApplication.translate("Errors", "Open log"), QMessageBox.ButtonRole.ActionRole
        )
        button.clicked.connect(lambda: open_file(log))
    box.open()
    return box


def open_file(path: Path) -> bool:
    """Show a file in the system's viewer (the log, for a support request)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
