"""Recording a problem by hand from the problem list, not only from a 不符合 answer.

A follow-up visit or a report from the township finds problems no checklist
item names; they are recorded for a township of the chosen campaign, found
today, with the township's party committee as the responsible unit and the
default deadline, as the checklist's offer does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.no_wheel import guard_wheels_under


class AddProblemDialog(QDialog):
    """Township, description, responsible unit and deadline of a new problem."""

    def __init__(
        self,
        towns: list[dict[str, Any]],
        township_id: str | None,
        unit_of: Any,
        today: dt.date,
        deadline: dt.date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a problem"))
        self._unit_of = unit_of
        self.township_combo = QComboBox(self)
        for t in towns:
            self.township_combo.addItem(f"{t['county']} {t['name']}", t["id"])
        if township_id:
            self.township_combo.setCurrentIndex(max(self.township_combo.findData(township_id), 0))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("What was found"))
        self.unit_edit = QLineEdit(self)
        self.deadline_edit = QDateEdit(QDate(deadline.year, deadline.month, deadline.day), self)
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self.deadline_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        form = QFormLayout()
        form.addRow(self.tr("Township"), self.township_combo)
        form.addRow(self.tr("Problem"), self.text_edit)
        form.addRow(self.tr("Responsible unit"), self.unit_edit)
        form.addRow(self.tr("Deadline"), self.deadline_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.township_combo.currentIndexChanged.connect(self._on_township)
        self.text_edit.textChanged.connect(self._on_text)
        guard_wheels_under(self)
        self._on_township()
        self._on_text()
        self.resize(520, 300)

    def township_id(self) -> str | None:
        return self.township_combo.currentData() if self.township_combo.count() else None

    def problem_text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def unit(self) -> str:
        return self.unit_edit.text().strip()

    def deadline(self) -> str:
        return self.deadline_edit.date().toString("yyyy-MM-dd")

    def _on_township(self) -> None:
        township = self.township_id()
        if township:
            self.unit_edit.setText(self._unit_of(township))

    def _on_text(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.problem_text()) and self.township_id() is not None)
