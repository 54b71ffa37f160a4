"""Settings → Devices: this device's identity, the roster, enrolment and revocation.

A laptop writes its enrolment request here and reads out its fingerprint;
headquarters enrols a request after typing the fingerprint the laptop reads
out (never trusting the file alone), assigns laptops to the campaigns whose
bundles they may read, and revokes a lost laptop. Every step
is a few rows, written through the session's device roster
(`sync.device_roster`), never with the connection in hand.
"""

from __future__ import annotations

from PySide6.QtCore import QDir
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.errors import is_user_error
from inspector.store.session import Session
from inspector.sync.device_roster import devices_of
from inspector.ui.changes import session_of
from inspector.ui.messages import describe_for_user


class DevicesDialog(QDialog):
    """Who this device is, and (at headquarters) who may write and read bundles."""

    def __init__(self, db: Session | Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session_of(db)
        self.devices = devices_of(self.session)
        self.setWindowTitle(self.tr("Devices"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        me = QGroupBox(self.tr("This device"), self)
        self.identity = QFormLayout(me)
        self.id_label = QLabel(me)
        self.name_label = QLabel(me)
        self.role_label = QLabel(me)
        self.fingerprint_label = QLabel(me)
        self.trusts_label = QLabel(me)
        for label in (self.id_label, self.fingerprint_label):
            label.setObjectName("mono")
            label.setStyleSheet("font-family: monospace")
        self.identity.addRow(self.tr("Device id"), self.id_label)
        self.identity.addRow(self.tr("Name"), self.name_label)
        self.identity.addRow(self.tr("Role"), self.role_label)
        self.identity.addRow(self.tr("Fingerprint"), self.fingerprint_label)
        self.identity.addRow(self.tr("Headquarters"), self.trusts_label)
        layout.addWidget(me)

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("roster_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Device id"),
                self.tr("Role"),
                self.tr("Fingerprint"),
                self.tr("State"),
                self.tr("Reads campaigns"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.request_button = QPushButton(self.tr("Write enrolment request…"), self)
        self.hq_button = QPushButton(self.tr("Make this installation headquarters"), self)
        self.enrol_button = QPushButton(self.tr("Enrol a device…"), self)
        self.revoke_button = QPushButton(self.tr("Revoke selected device"), self)
        self.rotate_button = QPushButton(self.tr("New headquarters key…"), self)
        self.assign_button = QPushButton(self.tr("Assign to campaign…"), self)
        for button in (
            self.request_button,
            self.hq_button,
            self.enrol_button,
            self.assign_button,
            self.revoke_button,
            self.rotate_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.request_button.clicked.connect(self._on_request)
        self.hq_button.clicked.connect(self._on_make_hq)
        self.enrol_button.clicked.connect(self._on_enrol)
        self.revoke_button.clicked.connect(self._on_revoke)
        self.rotate_button.clicked.connect(self._on_rotate)
        self.assign_button.clicked.connect(self._on_assign)
        self.refresh()

    def refresh(self) -> None:
        keys = self.devices.own_keys()
        hq = self.devices.is_hq()
        held = self.devices.current()
        role = self.devices.role()
        self.id_label.setText(keys.device_id)
        self.name_label.setText(self.session.settings.device_name())
        self.role_label.setText(self._role(role, hq))
        self.fingerprint_label.setText(keys.fingerprint)
        auth = self.devices.authority()
        self.trusts_label.setText(
            self.tr("this installation (it signs the roster)")
            if hq
            else f"{auth['name']} ({self.devices.fingerprint(auth['signing_key'])})"
            if auth
            else self.tr("none yet: the first kit's fingerprint is asked for when it is imported")
        )
        entries = list(held.devices.values()) if held else []
        names = {c["id"]: c["name"] for c in self.session.catalog.campaigns()}
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            state = (
                self.tr("revoked {0}").format(e.revoked_at[:13])
                if e.revoked_at
                else self.tr("active")
            )
            reads = (
                self.tr("every campaign")
                if e.role == "hq" or e.campaigns is None
                else "、".join(sorted(names.get(i, i[:8]) for i in e.campaigns))
            )
            for c, text in enumerate(
                (e.name, e.device_id, self._role(e.role, False), e.fingerprint, state, reads)
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.hq_button.setVisible(auth is None)
        self.request_button.setVisible(not hq)
        self.enrol_button.setVisible(hq)
        self.revoke_button.setVisible(hq)
        self.rotate_button.setVisible(hq)
        self.assign_button.setVisible(hq)

    def _role(self, role: str | None, hq: bool) -> str:
        names = {"hq": self.tr("headquarters"), "inspector": self.tr("inspector")}
        text = names.get(role or "", self.tr("not enrolled"))
        return self.tr("{0}, signs the roster").format(text) if hq else text

    def _fail(self, exc: BaseException) -> None:
        if not is_user_error(exc):
            raise exc
        QMessageBox.warning(self, self.windowTitle(), describe_for_user(exc))

    def _on_request(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Write enrolment request"),
            QDir.homePath() + f"/{self.session.settings.device_name()}.request",
            self.tr("Enrolment requests (*.request);;All files (*)"),
        )
        if not path:
            return
        try:
            self.devices.write_request(path)
        except Exception as exc:
            self._fail(exc)
            return
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr(
                "Request written to {0}. Take it to headquarters and read out this fingerprint "
                "when they ask: {1}"
            ).format(path, self.devices.own_keys().fingerprint),
        )

    def _on_make_hq(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Make this installation headquarters? Its key will sign the roster of devices; "
                "laptops will trust only it."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.devices.make_hq(self)
        except Exception as exc:
            self._fail(exc)
        self.refresh()

    def _on_enrol(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Enrol a device"),
            QDir.homePath(),
            self.tr("Enrolment requests (*.request);;All files (*)"),
        )
        if not path:
            return
        try:
            request = self.devices.read_request(path)
        except Exception as exc:
            self._fail(exc)
            return
        role, ok = QInputDialog.getItem(
            self,
            self.tr("Enrol a device"),
            self.tr("Role of {0} ({1})").format(request["name"], request["device_id"]),
            [self.tr("inspector"), self.tr("headquarters")],
            0,
            False,
        )
        if not ok:
            return
        typed, ok = QInputDialog.getText(
            self,
            self.tr("Enrol a device"),
            self.tr(
                "Ask the person at {0} to read out the fingerprint shown under Settings → "
                "Devices, and type it here:"
            ).format(request["name"]),
        )
        if not ok:
            return
        expected = self.devices.fingerprint(request["signing_key"])
        if typed.strip().upper().replace(" ", "") != expected:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr(
                    "The fingerprint does not match the request ({0}). The file may not come from "
                    "that laptop; nothing was enrolled."
                ).format(expected),
            )
            return
        try:
            role_id = "hq" if role == self.tr("headquarters") else "inspector"
            self.devices.enrol(request, role_id, self)
        except Exception as exc:
            self._fail(exc)
        self.refresh()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _on_revoke(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        device, name = self._cell(row, 1), self._cell(row, 0)
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Revoke {0} ({1})? What headquarters has imported from it stands; anything "
                "else signed with its key will be refused everywhere, whatever its date. Import "
                "its last bundle first if you have it."
            ).format(name, device),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.devices.revoke(device, self)
        except Exception as exc:
            self._fail(exc)
        self.refresh()

    def _on_rotate(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Give headquarters a new key? The old key signs the change and is then deleted; "
                "laptops follow with the next kit or bundle from headquarters."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            new = self.devices.rotate(self).value
        except Exception as exc:
            self._fail(exc)
            return
        self.refresh()
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr(
                "New headquarters key {0}. Read it out to laptops enrolled from now on."
            ).format(new.fingerprint),
        )

    def _on_assign(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        device = self._cell(row, 1)
        held = self.session.catalog.campaigns()
        every = self.tr("Every campaign")
        choice, ok = QInputDialog.getItem(
            self,
            self.windowTitle(),
            self.tr("Bundles {0} may read (headquarters' devices read every one):").format(
                self._cell(row, 0)
            ),
            [every, *(c["name"] for c in held)],
            0,
            False,
        )
        if not ok:
            return
        chosen = None if choice == every else [c["id"] for c in held if c["name"] == choice]
        try:
            self.devices.assign(device, chosen, self)
        except Exception as exc:
            self._fail(exc)
        self.refresh()
