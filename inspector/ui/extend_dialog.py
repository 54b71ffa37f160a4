"""The extension (延期) dialog: a new deadline, why, and who approved it.

A deadline is set when the problem is recorded; after that it moves only through
this dialog, so the original and every extension stay on record
(`store.follow_up.extend_deadline`).
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class ExtendDialog(QDialog):
    """Asks for the extension; `values()` gives (new deadline, reason, approved by)."""

    def __init__(self, current: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Extend the deadline"))
        self.current_label = QLabel(current or "—")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        start = QDate.fromString(current or "", "yyyy-MM-dd")
        if start.isValid():
            self.date_edit.setMinimumDate(start.addDays(1))
            self.date_edit.setDate(start.addDays(30))
        else:
            self.date_edit.setDate(QDate.currentDate().addDays(30))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why the township needs more time"))
        self.approved_edit = QLineEdit()
        self.approved_edit.setPlaceholderText(self.tr("Name or office"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Current deadline"), self.current_label)
        form.addRow(self.tr("New deadline"), self.date_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.tr("Approved by"), self.approved_edit)
        form.addRow(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self.approved_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason_edit.text().strip() and self.approved_edit.text().strip()))

    def values(self) -> tuple[str, str, str]:
        return (
            self.date_edit.date().toString("yyyy-MM-dd"),
            self.reason_edit.text().strip(),
            self.approved_edit.text().strip(),
        )
