"""File → Restore backup…, and the daily backup the window takes when it opens.

The dialog lists the database's backups (newest first), asks once more
naming the one chosen, and restores it in the worker on a connection of its
own: the restore writes through SQLite into the open database, so the
window's own connection reads the restored content as soon as it re-reads
(`on_restored`). The current content is kept as a "before-restore" backup
first, so a wrong choice can itself be undone from the same list.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.progress import Progress
from inspector.store import backups
from inspector.store.backups import BackupInfo
from inspector.ui.worker import Job, run_job, start_job

if TYPE_CHECKING:
    from inspector.store.session import Session

REASONS = {
    "import": QT_TRANSLATE_NOOP("BackupDialog", "before an import"),
    "daily": QT_TRANSLATE_NOOP("BackupDialog", "daily"),
    "before-restore": QT_TRANSLATE_NOOP("BackupDialog", "before a restore"),
}


def reason_label(reason: str) -> str:
    """Why the copy was taken, in the app's language."""
    if reason not in REASONS:
        return reason
    return QCoreApplication.translate("BackupDialog", str(REASONS[reason]))


def daily_backup_job(_progress: Progress, db_path: str) -> Path | None:
    """Worker side of the daily copy: its own session, nothing if one was taken today.

    It writes nothing to the database, not even the day's whole-file check: a commit
    from the worker's connection would make the window drop every ranking it keeps
    and read them all again (`start_daily_backup` records the check)."""
    from inspector.store.session import Session

    with Session.open(db_path) as session:
        return session.backups.daily(record_check=False)


def start_daily_backup(
    db_path: str,
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    session: Session | None = None,
) -> Job:
    """Take today's copy off the GUI thread (a large database takes seconds to copy);
    a copy taken means the file was found sound today, which `session` (the window's)
    records.

    `on_failure` is connected before the job starts: a job that fails at once
    would otherwise emit before anyone listens, and the damage go untold.
    """
    job = Job(daily_backup_job, db_path)
    if on_failure is not None:
        job.signals.failed.connect(on_failure)
    if session is not None:
        job.signals.succeeded.connect(partial(_found_sound, session))
    return start_job(job)


def _found_sound(session: Session, copy: Path | None) -> None:
    """A copy was taken, so the file was found sound today: the window records it."""
    if copy is not None and session.is_open():
        session.backups.found_sound_today()


def restore_job(_progress: Progress, db_path: str, name: str) -> backups.Restored:
    return backups.restore_file(db_path, name)


class RestoreBackupDialog(QDialog):
    """The backups of one database; `chosen` is the one picked (None until accepted)."""

    def __init__(self, db_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore backup"))
        self.found: list[BackupInfo] = backups.backups_of(db_path)
        self.chosen: BackupInfo | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the copy to put back. The database as it is now is kept as a backup "
                "first; photos and other attachments stay as they are."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.found), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, b in enumerate(self.found):
            cells = (
                f"{b.taken:%Y-%m-%d %H:%M:%S}",
                reason_label(b.reason),
                self.tr("{0} KB").format(f"{(b.size + 1023) // 1024:,}"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(b.name)
                self.table.setItem(row, column, item)
        layout.addWidget(self.table)
        if not self.found:
            layout.addWidget(QLabel(self.tr("There are no backups of this database yet."), self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_restore)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectedItems()))
        )
        self.table.itemDoubleClicked.connect(lambda _item: self._on_restore())
        layout.addWidget(self.buttons)
        self.resize(640, 420)

    def select(self, name: str) -> bool:
        """Select the backup called `name` (for tests and keyboard users alike)."""
        for row, b in enumerate(self.found):
            if b.name == name:
                self.table.selectRow(row)
                return True
        return False

    def _selected(self) -> BackupInfo | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.found[rows.pop()] if len(rows) == 1 else None

    def _on_restore(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Put back the backup taken {0} ({1})?\n\nEverything changed since then "
                "is replaced; the database as it is now is kept as a backup."
            ).format(f"{chosen.taken:%Y-%m-%d %H:%M:%S}", reason_label(chosen.reason)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = chosen
            self.accept()


def restore_backup(
    parent: QWidget | None, db_path: str, on_restored: Callable[[], None]
) -> Job | None:
    """Let the user pick a backup and restore it in the worker; None if cancelled."""
    dialog = RestoreBackupDialog(db_path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return None
    title = QCoreApplication.translate("BackupDialog", "Restore backup")
    chosen = dialog.chosen

    def done(result: backups.Restored) -> None:
        on_restored()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            title,
            QCoreApplication.translate(
                "BackupDialog", "The backup taken {0} is back in place."
            ).format(f"{chosen.taken:%Y-%m-%d %H:%M:%S}"),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("restore_done")
        box.open()

    return run_job(
        parent, title, restore_job, db_path, chosen.name, on_success=done, cancellable=False
    )
