"""The life-cycle steps (start, rectified, close, reject) as actions on selected problems.

One set of QActions serves the side panel's buttons, the table's context menu
and the toolbar, so a step that is illegal for the selection is disabled
everywhere at once. Several problems move together or not at all: the step,
its note and its evidence photos are one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.core.ids import ProblemId
from inspector.core.problems import Action, allowed_actions
from inspector.store.session import Session
from inspector.ui.changes import session_of
from inspector.ui.errors import show_error
from inspector.ui.problem_model import action_label

MAX_BATCH = 1000  # more than this in one step is almost surely a slip of Ctrl+A
RECTIFY_CAPTION = "整改佐证"  # stored with the photos, like the core's Chinese notes
IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic *.tif *.tiff"


def legal_for_all(statuses: Sequence[str]) -> set[Action]:
    """The steps every one of the selected problems may take."""
    if not statuses:
        return set()
    legal = set(allowed_actions(statuses[0]))
    for status in statuses[1:]:
        legal &= set(allowed_actions(status))
    return legal


def choose_photos(parent: QWidget | None) -> list[str]:
    title = QCoreApplication.translate("ProblemActions", "Choose photos")
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        title,
        "",
        QCoreApplication.translate("ProblemActions", "Images (%s);;All files (*)") % IMAGE_FILTER,
    )
    return files


class RectifyDialog(QDialog):
    """What was done (required) and, optionally, photos of the result."""

    def __init__(self, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark rectified"))
        self.photos: list[str] = []
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What the township did, and the evidence it sent"))
        self.photo_list = QListWidget()
        self.photo_list.setMaximumHeight(90)
        add = QPushButton(self.tr("Add photos…"))
        add.clicked.connect(self._on_add_photos)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._on_note_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Rectification of %n problem(s):", "", count)))
        layout.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Evidence photos (optional):")))
        row.addStretch()
        row.addWidget(add)
        layout.addLayout(row)
        layout.addWidget(self.photo_list)
        layout.addWidget(self.buttons)
        self.resize(460, 320)
        self._on_note_changed()

    def _on_note_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.note.toPlainText().strip()))

    def _on_add_photos(self) -> None:
        for path in choose_photos(self):
            if path not in self.photos:
                self.photos.append(path)
                self.photo_list.addItem(path)


def ask_rectification(parent: QWidget | None, count: int) -> tuple[str, list[str]] | None:
    """(note, photo paths), or None when the user cancels."""
    dialog = RectifyDialog(count, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.note.toPlainText().strip(), list(dialog.photos)


def ask_reject_reason(parent: QWidget | None, count: int) -> str | None:
    """Why the follow-up did not accept the rectification; None when cancelled or empty."""
    text, ok = QInputDialog.getMultiLineText(
        parent,
        QCoreApplication.translate("ProblemActions", "Reject rectification"),
        QCoreApplication.translate(
            "ProblemActions", "Why is the rectification not accepted? (%n problem(s))", "", count
        ),
    )
    return text.strip() if ok and text.strip() else None


def confirm_close(parent: QWidget | None, count: int) -> bool:
    """Closing (销号) is final: ask once."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ProblemActions", "Verify and close"),
        QCoreApplication.translate(
            "ProblemActions", "Close %n problem(s) as verified? This cannot be undone.", "", count
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


class ProblemActions(QObject):
    """The four steps for whatever problems are selected."""

    done = Signal(list)  # the ids of the problems written

    def __init__(
        self,
        session: Session | Database,
        parent: QWidget,
        today: Callable[[], dt.date] = dt.date.today,
    ):
        super().__init__(parent)
        self._session = session_of(session)
        self._widget = parent
        self._today = today
        self._ids: list[str] = []
        # Called before any step, so what the panel holds unsaved is written first;
        # a False answer (the edit was refused) stops the step.
        self.before_step: Callable[[], bool] = lambda: True
        self.actions: dict[Action, QAction] = {}
        for action in Action:
            qaction = QAction(action_label(action), self)
            qaction.setObjectName(f"problem_{action.value}")
            qaction.setEnabled(False)
            qaction.triggered.connect(lambda _checked=False, a=action: self.run(a))
            self.actions[action] = qaction

    def set_selection(self, ids: Sequence[str], statuses: Sequence[str]) -> None:
        """Enable a step only when it is legal for every selected problem."""
        self._ids = list(ids)
        legal = legal_for_all(statuses) if 0 < len(ids) <= MAX_BATCH else set()
        for action, qaction in self.actions.items():
            qaction.setEnabled(action in legal)

    def run(self, action: Action) -> bool:
        """Ask what the step needs, write it in one transaction; False when nothing was written."""
        if not self._ids or not self.actions[action].isEnabled() or not self.before_step():
            return False
        ids = list(self._ids)
        if not ids or not self.actions[action].isEnabled():
            return False
        note: str = ""
        photos: list[str] = []
        if action == Action.RECTIFY:
            answer = ask_rectification(self._widget, len(ids))
            if answer is None:
                return False
            note, photos = answer
        elif action == Action.REJECT:
            reason = ask_reject_reason(self._widget, len(ids))
            if reason is None:
                return False
            note = reason
        elif action == Action.CLOSE and not confirm_close(self._widget, len(ids)):
            return False
        session = self._session
        try:
            with session.atomic():
                session.problems.advance(
                    [ProblemId(i) for i in ids],
                    action,
                    note=note,
                    today=self._today(),
                    source=self._widget,
                )
                for pid in ids:
                    session.attachments.add_files(
                        "problems", pid, photos, caption=RECTIFY_CAPTION, source=self._widget
                    )
        except Exception as exc:
            show_error(self._widget, exc, action_label(action).rstrip("…"))
            return False
        self.done.emit(ids)
        return True
