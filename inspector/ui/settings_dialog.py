"""Settings of this laptop, and importing a township list or a checklist form.

The import messages are the command line's (`inspector townships import`,
`inspector forms check`): a bad file names its lines, and nothing is
imported from it.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.progress import Progress
from inspector.store import settings
from inspector.store.session import Done, Session
from inspector.terminal import control_characters
from inspector.ui.changes import session_of
from inspector.ui.errors import classify, show_error
from inspector.ui.no_wheel import guard_wheels_under
from inspector.ui.worker import run_job

# Each language is named in itself, so anyone can find their own.
LANGUAGE_CHOICES = (("zh_CN", "简体中文"), ("en", "English"))


def import_townships_job(progress: Progress, db_path: str, csv_path: str) -> Done[dict[str, int]]:
    """Worker side of the township import: its own session, one transaction; its changes
    go back to the GUI's session."""
    from inspector.store.session import Session

    progress(0, 0, csv_path)
    with Session.open(db_path, create=False, folders=False) as session:
        return session.catalog.import_townships_csv(csv_path)


def townships_message(counts: dict[str, int]) -> str:
    return QCoreApplication.translate(
        "SettingsDialog", "{0} counties and {1} townships added or changed, {2} unchanged"
    ).format(counts["counties"], counts["townships"], counts["unchanged"])


class SettingsDialog(QDialog):
    """Edits the settings table; `language_changed` tells the caller to retranslate."""

    def __init__(self, session: Session | Database, db_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session_of(session)
        self.db = self.session.db
        self.db_path = db_path
        self.language_changed = False
        self.imported = False
        self.setWindowTitle(self.tr("Settings"))
        values = self.session.settings.all()
        self.inspector_name = QLineEdit(values["inspector_name"] or "", self)
        self.device_name = QLineEdit(self.session.settings.device_name(), self)
        self.notice_prefix = QLineEdit(values["notice_prefix"] or "", self)
        self.block_start = QSpinBox(self)
        self.block_start.setRange(1, 999_999)
        self.block_start.setValue(int(values["notice_block_start"] or 1))
        self.block_end = QSpinBox(self)
        self.block_end.setRange(0, 999_999)
        self.block_end.setSpecialValueText(self.tr("no limit"))
        self.block_end.setValue(int(values["notice_block_end"] or 0))
        self.deadline_days = QSpinBox(self)
        self.deadline_days.setRange(1, 3650)
        self.deadline_days.setSuffix(self.tr(" days"))
        self.deadline_days.setValue(int(values["default_deadline_days"] or 30))
        self.issuing_body = QLineEdit(values["issuing_body"] or "", self)
        self.contact = QLineEdit(values["contact"] or "", self)
        self.contact.setPlaceholderText(self.tr("e.g. 王建国 0580-2281234"))
        self.language = QComboBox(self)
        for code, name in LANGUAGE_CHOICES:
            self.language.addItem(name, code)
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.setCurrentIndex(max(0, self.language.findData(values["language"] or "")))
        self._original_language = values["language"] or ""
        self.keep_originals = QCheckBox(self.tr("Keep original photos"), self)
        self.keep_originals.setToolTip(
            self.tr(
                "Off: photos are stored at 2,560 pixels on their long edge, which keeps bundles "
                "small. On: stored exactly as taken."
            )
        )
        self.keep_originals.setChecked(bool(values.get("keep_original_photos")))

        people = QGroupBox(self.tr("This laptop"), self)
        form = QFormLayout(people)
        form.addRow(self.tr("Inspector name"), self.inspector_name)
        form.addRow(self.tr("Device name"), self.device_name)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Photos"), self.keep_originals)
        self.devices_button = QPushButton(self.tr("Devices, keys and enrolment…"), people)
        self.devices_button.clicked.connect(self._on_devices)
        form.addRow(self.tr("Devices"), self.devices_button)
        notices = QGroupBox(self.tr("Rectification notices"), self)
        form = QFormLayout(notices)
        form.addRow(self.tr("Number prefix"), self.notice_prefix)
        block = QHBoxLayout()
        block.addWidget(self.block_start)
        block.addWidget(self.block_end)
        form.addRow(self.tr("Number block (from, to)"), block)
        form.addRow(self.tr("Default deadline"), self.deadline_days)
        form.addRow(self.tr("Issuing body"), self.issuing_body)
        form.addRow(self.tr("Contact"), self.contact)

        imports = QGroupBox(self.tr("Import"), self)
        self.townships_button = QPushButton(self.tr("Township list (CSV)…"), imports)
        self.form_button = QPushButton(self.tr("Checklist form (TOML)…"), imports)
        row = QHBoxLayout(imports)
        row.addWidget(self.townships_button)
        row.addWidget(self.form_button)
        row.addStretch(1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.townships_button.clicked.connect(self._on_import_townships)
        self.form_button.clicked.connect(self._on_import_form)
        layout = QVBoxLayout(self)
        layout.addWidget(people)
        layout.addWidget(notices)
        layout.addWidget(imports)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        # Tab follows the rows as shown; by creation order it went from the device name
        # straight to the notice prefix, skipping the language box made later.
        chain = [
            self.inspector_name,
            self.device_name,
            self.language,
            self.keep_originals,
            self.devices_button,
            self.notice_prefix,
            self.block_start,
            self.block_end,
            self.deadline_days,
            self.issuing_body,
            self.contact,
            self.townships_button,
            self.form_button,
            buttons,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        guard_wheels_under(self)  # a wheel over the number block does not change it

    # -- saving --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        end = self.block_end.value()
        return {
            "inspector_name": self.inspector_name.text().strip(),
            "device_name": self.device_name.text().strip(),
            "notice_prefix": self.notice_prefix.text().strip(),
            "notice_block_start": self.block_start.value(),
            "notice_block_end": end or None,
            "default_deadline_days": self.deadline_days.value(),
            "issuing_body": self.issuing_body.text().strip(),
            "contact": self.contact.text().strip(),
            "language": self.language.currentData() or "",
            "keep_original_photos": self.keep_originals.isChecked(),
        }

    def accept(self) -> None:
        values = self.values()
        problem = None
        if not values["notice_prefix"]:
            problem = self.tr("The notice number prefix cannot be empty (e.g. 舟组督).")
        elif (
            values["notice_block_end"] and values["notice_block_end"] < values["notice_block_start"]
        ):
            problem = self.tr("The number block ends before it starts.")
        elif not values["device_name"]:
            problem = self.tr("Give this laptop a device name (it shows in bundles).")
        elif any(control_characters(values[key]) for key in settings.NAME_KEYS):
            problem = self.tr(
                "Names cannot hold control characters (such as escape "
                "sequences, line breaks or direction overrides); type them "
                "again without them."
            )
        if problem:
            QMessageBox.warning(self, self.tr("Settings"), problem)
            return
        with self.session.atomic():
            for key, value in values.items():
                self.session.settings.put(key, value)
        self.language_changed = values["language"] != self._original_language
        super().accept()

    # -- imports -------------------------------------------------------------------------
    def _on_devices(self) -> None:
        from inspector.ui.devices_dialog import DevicesDialog

        DevicesDialog(self.session, self).exec()

    def _on_import_townships(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a township list"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.import_townships(path)

    def import_townships(self, path: str) -> None:
        def done(result: Done[dict[str, int]]) -> None:
            self.imported = True
            self.session.announce(result.changes)
            QMessageBox.information(self, self.tr("Township list"), townships_message(result.value))

        def failed(exc: BaseException) -> None:
            text, _log = classify(exc)  # the one policy: a bug is logged, its log named
            QMessageBox.warning(
                self,
                self.tr("Township list not imported"),
                self.tr("Nothing was imported:\n\n{0}").format(text),
            )

        run_job(
            self,
            self.tr("Importing townships"),
            import_townships_job,
            self.db_path,
            path,
            on_success=done,
            on_failure=failed,
            cancellable=False,
        )

    def _on_import_form(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Install a checklist form"), "", self.tr("Forms (*.toml);;All files (*)")
        )
        if path:
            self.import_form(path)

    def import_form(self, path: str) -> bool:
        from inspector.core.forms import FormError, load_form
        from inspector.store.catalog import CatalogError

        try:
            form = load_form(path)
            self.session.catalog.install_form(form)
        except (FormError, CatalogError, OSError) as exc:
            show_error(self, exc, self.tr("Form not installed"))
            return False
        self.imported = True
        QMessageBox.information(
            self,
            self.tr("Form installed"),
            self.tr("{0}: ok — {1} {2}, {3} sections, {4} items, {5:g} points").format(
                Path(path).name,
                form.id,
                form.version,
                len(form.sections),
                len(form.items),
                form.total_points,
            ),
        )
        return True
