"""Creating a campaign (督查批次) on an installed form, as `inspector campaign create` does."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)
from sqlite_utils import Database

from inspector.messages import MessageError
from inspector.store import catalog
from inspector.store.session import Session
from inspector.ui.changes import session_of
from inspector.ui.errors import show_error
from inspector.ui.no_wheel import guard_wheels_under


class CampaignDialog(QDialog):
    def __init__(self, session: Session | Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session_of(session)
        db = self.db = self.session.db
        self.created: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("New campaign"))
        year = dt.date.today().year
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. {0}年第三季度基层党建专项督查").format(year))
        self.form = QComboBox(self)
        for row in catalog.forms(db):
            self.form.addItem(f"{row['title']} ({row['version']})", row["id"])
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.interview = QSpinBox(self)
        self.interview.setRange(0, 1000)
        self.interview.setValue(3)
        # a follow-up round (回头看): its work list is the earlier round's unclosed problems
        self.follow_up_of = QComboBox(self)
        self.follow_up_of.addItem(self.tr("— (a new round)"), "")
        for row in self.session.catalog.campaigns():
            self.follow_up_of.addItem(row["name"], row["id"])
        self.reinspect = QCheckBox(self.tr("Fill in the checklist as well (a full re-inspection)"))
        self.reinspect.setEnabled(False)
        self.follow_up_of.currentIndexChanged.connect(
            lambda _i: self.reinspect.setEnabled(bool(self.follow_up_of.currentData()))
        )
        layout = QFormLayout(self)
        layout.addRow(self.tr("Name"), self.name)
        layout.addRow(self.tr("Checklist form"), self.form)
        layout.addRow(self.tr("Year"), self.year)
        layout.addRow(self.tr("约谈: bottom townships"), self.interview)
        layout.addRow(self.tr("Follow-up of"), self.follow_up_of)
        layout.addRow("", self.reinspect)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.setMinimumWidth(480)
        guard_wheels_under(self)  # a wheel over the year does not change it

    def accept(self) -> None:
        if self.form.count() == 0:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("No checklist form is installed: install one in Settings first."),
            )
            return
        earlier = self.follow_up_of.currentData()
        try:
            if earlier:
                self.created = self.session.follow_ups.create(
                    earlier,
                    self.name.text(),
                    self.form.currentData(),
                    reinspect=self.reinspect.isChecked(),
                    year=self.year.value(),
                    interview_bottom=self.interview.value(),
                    source=self,
                ).value
            else:
                self.created = self.session.catalog.create_campaign(
                    self.name.text(),
                    self.form.currentData(),
                    self.year.value(),
                    self.interview.value(),
                    source=self,
                ).value
        except MessageError as exc:
            show_error(self, exc, self.windowTitle())
            return
        super().accept()
