"""The offer to record an item's default problem after a 不符合 verdict.

Pre-filled from the form (the item's `problem` text), the township's party
committee as the responsible unit, and a deadline `default_deadline_days`
from today; OK records it, Skip records nothing. Enter accepts from any
field, the problem text included (Shift+Enter breaks a line there), so a
keyboard user presses 3 then Enter.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.core.forms import Item
from inspector.ui.no_wheel import guard_wheel


class ItemProblemDialog(QDialog):
    def __init__(
        self, item: Item, text: str, unit: str, deadline: dt.date, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Record a problem"))
        intro = QLabel(
            self.tr("Item {0} does not meet the requirement. Add it to the problem list?").format(
                item.id
            ),
            self,
        )
        intro.setWordWrap(True)
        self.text_edit = QPlainTextEdit(text, self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(90)
        self.text_edit.installEventFilter(self)
        self.unit_edit = QLineEdit(unit, self)
        self.deadline_edit = QDateEdit(QDate(deadline.year, deadline.month, deadline.day), self)
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self.deadline_edit.setMinimumDate(QDate.currentDate().addYears(-1))
        guard_wheel(self.deadline_edit)
        form = QFormLayout()
        form.addRow(self.tr("Problem"), self.text_edit)
        form.addRow(self.tr("Responsible unit"), self.unit_edit)
        form.addRow(self.tr("Deadline"), self.deadline_edit)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Add problem"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button = self.buttons.addButton(
            self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, 300)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                if mods == Qt.KeyboardModifier.ShiftModifier:
                    self.text_edit.insertPlainText("\n")
                    return True
                if mods == Qt.KeyboardModifier.NoModifier:
                    self.accept()
                    return True
        return super().eventFilter(watched, event)

    def problem_text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def unit(self) -> str:
        return self.unit_edit.text().strip()

    def deadline(self) -> str:
        return self.deadline_edit.date().toString("yyyy-MM-dd")

    def accept(self) -> None:
        if not self.problem_text():
            self.text_edit.setFocus()
            return
        super().accept()
