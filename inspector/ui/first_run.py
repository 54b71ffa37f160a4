"""The first start on a new database: this laptop's device name and its notice numbers.

Two laptops left at the default both numbered from 1 and issued the same 文号
(issue 11). So the first start asks for the name that shows in bundles and
the block this laptop numbers from, prefilled from the campaign kit when
headquarters assigned one (`sync.roster.take_block`). Both stay editable
in Settings; a database in use before (the migration marks it) is not asked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.store.session import Session
from inspector.sync.roster import TAKEN_BLOCK
from inspector.terminal import control_characters

DONE = "first_run_done"  # setting: the first start's questions were answered


class FirstRunDialog(QDialog):
    """Device name and number block; OK stores them and marks the first run done."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Welcome to Inspector"))
        get = session.settings.get
        intro = QLabel(
            self.tr(
                "Name this laptop (it shows in bundles and in the history of every change) "
                "and the notice numbers it gives. Every laptop of a team needs numbers of its "
                "own, or two notices get the same number. Both can be changed later in "
                "Settings."
            )
        )
        intro.setWordWrap(True)
        self.device_name = QLineEdit(get("device_name") or "")
        self.inspector_name = QLineEdit(get("inspector_name") or "")
        self.block_start = QSpinBox()
        self.block_start.setRange(1, 999_999)
        self.block_start.setValue(int(get("notice_block_start") or 1))
        self.block_end = QSpinBox()
        self.block_end.setRange(0, 999_999)
        self.block_end.setSpecialValueText(self.tr("no limit"))
        self.block_end.setValue(int(get("notice_block_end") or 0))
        taken = get(TAKEN_BLOCK)
        from_kit = bool(taken) and list(taken) == [
            self.block_start.value(),
            self.block_end.value(),
        ]
        self.block_note = QLabel(
            self.tr("Assigned by headquarters in the campaign kit.")
            if from_kit
            else self.tr(
                "No block from headquarters yet: ask which numbers this laptop uses "
                "(e.g. team 1 from 1 to 100, team 2 from 101 to 200)."
            )
        )
        self.block_note.setWordWrap(True)
        self.from_kit = from_kit
        block = QHBoxLayout()
        block.addWidget(self.block_start)
        block.addWidget(self.block_end)
        form = QFormLayout()
        form.addRow(self.tr("Device name"), self.device_name)
        form.addRow(self.tr("Inspector name"), self.inspector_name)
        form.addRow(self.tr("Number block (from, to)"), block)
        form.addRow("", self.block_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def values(self) -> dict[str, Any]:
        return {
            "device_name": self.device_name.text().strip(),
            "inspector_name": self.inspector_name.text().strip(),
            "notice_block_start": self.block_start.value(),
            "notice_block_end": self.block_end.value() or None,
        }

    def problem(self, values: dict[str, Any]) -> str | None:
        if not values["device_name"]:
            return self.tr("Give this laptop a device name (it shows in bundles).")
        if values["notice_block_end"] and values["notice_block_end"] < values["notice_block_start"]:
            return self.tr("The number block ends before it starts.")
        if any(control_characters(values[k]) for k in ("device_name", "inspector_name")):
            return self.tr("Names cannot hold control characters; type them again without them.")
        return None

    def accept(self) -> None:
        values = self.values()
        problem = self.problem(values)
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        with self.session.atomic():
            for key, value in values.items():
                self.session.settings.put(key, value, source=self)
            self.session.settings.put(DONE, True, source=self)
        super().accept()


def ask_if_new(parent: QWidget | None, session: Session) -> FirstRunDialog | None:
    """Open the dialog (not blocking) when this database's first run is not done yet."""
    if session.settings.get(DONE):
        return None
    dialog = FirstRunDialog(session, parent)
    dialog.setObjectName("first_run")
    dialog.open()
    return dialog
