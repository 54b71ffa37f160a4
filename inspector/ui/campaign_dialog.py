"""Creating a campaign (督查批次) on an installed form, as `inspector campaign create` does,
and setting it up: the team (督导组) and its members, and the townships it covers (all, or
those ticked). The set-up travels in the kit with the campaign (`store.campaign_setup`).
Made with a campaign, the dialog edits that campaign's set-up only."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from sqlite_utils import Database

from inspector.core.ids import CampaignId
from inspector.messages import MessageError
from inspector.store.session import Session
from inspector.ui.changes import session_of
from inspector.ui.errors import show_error
from inspector.ui.no_wheel import guard_wheels_under


class CampaignDialog(QDialog):
    def __init__(
        self,
        session: Session | Database,
        parent: QWidget | None = None,
        campaign: dict[str, Any] | None = None,
    ):
        super().__init__(parent)
        self.session = session_of(session)
        self.db = self.session.db
        self.created: dict[str, Any] | None = None
        self.campaign = campaign
        self.setWindowTitle(self.tr("Campaign set-up") if campaign else self.tr("New campaign"))
        year = dt.date.today().year
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. {0}年第三季度基层党建专项督查").format(year))
        self.form = QComboBox(self)
        for row in self.session.catalog.forms():
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
        self.team = QLineEdit(self)
        self.team.setPlaceholderText(self.tr("e.g. 第一督导组"))
        self.members = QPlainTextEdit(self)
        self.members.setPlaceholderText(self.tr("One member a line"))
        self.members.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.all_townships = QCheckBox(self.tr("Every township"), self)
        self.townships = QListWidget(self)
        self.townships.setMinimumHeight(160)
        for town in self.session.catalog.townships():
            entry = QListWidgetItem(f"{town['county']} {town['name']}", self.townships)
            entry.setData(Qt.ItemDataRole.UserRole, town["id"])
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        self.all_townships.toggled.connect(lambda on: self.townships.setEnabled(not on))
        self.all_townships.setChecked(True)
        if self.campaign is not None:  # set-up of an existing campaign
            self.follow_up_of.setEnabled(False)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Name"), self.name)
        layout.addRow(self.tr("Checklist form"), self.form)
        layout.addRow(self.tr("Year"), self.year)
        layout.addRow(self.tr("约谈: bottom townships"), self.interview)
        layout.addRow(self.tr("Follow-up of"), self.follow_up_of)
        layout.addRow("", self.reinspect)
        layout.addRow(self.tr("Team (督导组)"), self.team)
        layout.addRow(self.tr("Members"), self.members)
        layout.addRow(self.tr("Townships covered"), self.all_townships)
        layout.addRow("", self.townships)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.setMinimumWidth(480)
        guard_wheels_under(self)  # a wheel over the year does not change it
        if campaign is not None:
            self._show_campaign(campaign)

    def _show_campaign(self, campaign: dict[str, Any]) -> None:
        """An existing campaign: its set-up to edit; what names it stays as it is."""
        self.name.setText(campaign["name"])
        self.form.setCurrentIndex(max(0, self.form.findData(campaign["form_id"])))
        self.year.setValue(campaign["year"])
        self.interview.setValue(campaign["interview_bottom"])
        for widget in (self.name, self.form, self.year, self.interview):
            widget.setEnabled(False)
        self.team.setText(campaign.get("team") or "")
        self.members.setPlainText(campaign.get("members") or "")
        covered = set(json.loads(campaign.get("townships") or "[]"))
        for row in range(self.townships.count()):
            entry = self.townships.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) in covered:
                entry.setCheckState(Qt.CheckState.Checked)
        self.all_townships.setChecked(not covered)

    def ticked_townships(self) -> list[str]:
        return [
            str(entry.data(Qt.ItemDataRole.UserRole))
            for entry in (self.townships.item(r) for r in range(self.townships.count()))
            if entry.checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        if self.form.count() == 0:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("No checklist form is installed: install one in Settings first."),
            )
            return
        earlier = self.follow_up_of.currentData() if self.campaign is None else None
        every = self.all_townships.isChecked()
        ticked = [] if every else self.ticked_townships()
        if not every and not ticked:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Tick the townships the campaign covers, or choose every township."),
            )
            return
        try:
            with self.session.atomic():
                if self.campaign is not None:
                    campaign = self.campaign
                elif earlier:  # a follow-up round (回头看)
                    campaign = self.session.follow_ups.create(
                        earlier,
                        self.name.text(),
                        self.form.currentData(),
                        reinspect=self.reinspect.isChecked(),
                        year=self.year.value(),
                        interview_bottom=self.interview.value(),
                        source=self,
                    ).value
                else:
                    campaign = self.session.catalog.create_campaign(
                        self.name.text(),
                        self.form.currentData(),
                        self.year.value(),
                        self.interview.value(),
                        source=self,
                    ).value
                self.created = self.session.catalog.set_up_campaign(
                    CampaignId(campaign["id"]),
                    team=self.team.text(),
                    members=self.members.toPlainText(),
                    townships=None if every else ticked,
                    every_township=every,
                    source=self,
                ).value
        except MessageError as exc:
            self.created = None
            show_error(self, exc, self.windowTitle())
            return
        super().accept()
