"""Self-assessment sheets (自评表) from the GUI: export them for a campaign, import them back.

Both run in the worker (a province is 1,400 workbooks) on a session of its
own; the import hands its `Changes` back to the window's session, so the
checklist shows each item's "自评" at once. A refused import lists every bad
cell (file, sheet, row, column) in a dialog that can be copied from, and
nothing was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the actions are made with the window's menus, before its first paint
    from inspector.progress import Progress
    from inspector.store.session import Done, Session
    from inspector.ui.worker import Job


def _export_job(
    progress: Progress, db_path: str, campaign_id: str, folder: str, township_id: str | None
) -> int:
    from inspector.reports.self_sheet import export_sheets
    from inspector.store.session import Session

    with Session.open(db_path) as session:
        townships = [session.catalog.find_township(township_id)] if township_id else None
        progress(0, 1, "")
        written = export_sheets(session.db, campaign_id, folder, dt.date.today(), townships)
        return len(written)


def _import_job(progress: Progress, db_path: str, paths: list[str]) -> tuple[int, Done[int]]:
    from inspector.reports.self_sheet import read_sheets
    from inspector.store.session import Session

    with Session.open(db_path) as session:
        progress(0, 2, "")
        sheets = read_sheets(session.db, paths)
        progress(1, 2, "")
        done = session.self_assessment.save(sheets)
        return len(sheets), done


class SheetErrorsDialog(QDialog):
    """Every problem of a refused import, one a line, and a button to copy them."""

    def __init__(self, messages: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("self_sheet_errors")
        self.setWindowTitle(self.tr("Self-assessment sheets not imported"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr(
                "{0} problem(s) found; nothing was imported. Correct the sheets and import them again."
            ).format(len(messages)),
            self,
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.addItems(list(messages))
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def messages(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.messages()))


class SelfAssessmentActions(QObject):
    """The two actions, for a window that knows its session, database, campaign and township."""

    def __init__(
        self,
        parent: QWidget,
        session: Callable[[], Session | None],
        db_path: Callable[[], str | None],
        campaign: Callable[[], str | None],
        township: Callable[[], str | None],
    ):
        super().__init__(parent)
        self.host = parent
        self._session, self._db_path = session, db_path
        self._campaign, self._township = campaign, township
        self.export_action = QAction(self.tr("Export self-assessment &sheets…"), parent)
        self.export_action.setStatusTip(
            self.tr("One XLSX sheet per township for the campaign's self-assessment (自评)")
        )
        self.export_action.triggered.connect(self.export_sheets)
        self.import_action = QAction(self.tr("Import filled self-assessment sheets…"), parent)
        self.import_action.triggered.connect(self.import_sheets)
        self.jobs: list[Job] = []
        self.errors_dialog: SheetErrorsDialog | None = None

    @property
    def actions(self) -> tuple[QAction, QAction]:
        return self.export_action, self.import_action

    # -- export --------------------------------------------------------------------------
    def export_sheets(self, folder: str | None = None, only_township: bool | None = None) -> None:
        campaign, db_path = self._campaign(), self._db_path()
        if not campaign or not db_path:
            QMessageBox.information(
                self.host, self.tr("Self-assessment"), self.tr("Choose a campaign first.")
            )
            return
        township = self._township()
        if only_township is None:
            only_township = False
            if township:
                answer = QMessageBox.question(
                    self.host,
                    self.tr("Export self-assessment sheets"),
                    self.tr(
                        "Export the sheet of the selected township only? "
                        "(No: one sheet for every township.)"
                    ),
                    QMessageBox.StandardButton.Yes
                    | QMessageBox.StandardButton.No
                    | QMessageBox.StandardButton.Cancel,
                )
                if answer == QMessageBox.StandardButton.Cancel:
                    return
                only_township = answer == QMessageBox.StandardButton.Yes
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self.host, self.tr("Folder for the self-assessment sheets")
            )
        if not folder:
            return
        from inspector.ui.worker import run_job

        self.jobs.append(
            run_job(
                self.host,
                self.tr("Writing self-assessment sheets…"),
                _export_job,
                db_path,
                campaign,
                folder,
                township if only_township else None,
                on_success=lambda n: self._exported(n, folder),
            )
        )

    def _exported(self, count: int, folder: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Self-assessment"),
            self.tr("{0} sheet(s) written to {1}").format(count, folder),
            QMessageBox.StandardButton.Ok,
            self.host,
        )
        box.setObjectName("self_sheets_written")
        box.open()

    # -- import --------------------------------------------------------------------------
    def import_sheets(self, paths: Sequence[str] | None = None) -> None:
        db_path = self._db_path()
        if not db_path:
            return
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self.host,
                self.tr("Filled self-assessment sheets"),
                "",
                self.tr("Excel workbooks (*.xlsx)"),
            )
        if not paths:
            return
        from inspector.ui.worker import run_job

        self.jobs.append(
            run_job(
                self.host,
                self.tr("Checking and importing self-assessment sheets…"),
                _import_job,
                db_path,
                [str(Path(p)) for p in paths],
                on_success=self._imported,
                on_failure=self._refused,
            )
        )

    def _imported(self, result: tuple[int, Done[int]]) -> None:
        count, done = result
        session = self._session()
        if session is not None and done.changes:
            session.announce(done.changes, source=self)  # the worker's writes, told here
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Self-assessment"),
            self.tr("{0} sheet(s) imported, {1} answer(s) changed").format(count, done.value),
            QMessageBox.StandardButton.Ok,
            self.host,
        )
        box.setObjectName("self_sheets_imported")
        box.open()

    def _refused(self, exc: BaseException) -> None:
        from inspector.reports.self_sheet import SheetError

        if isinstance(exc, SheetError):
            from inspector.ui.messages import translate_message

            lines = [translate_message(m) for m in exc.messages[:-1]]  # the last is the count
            self.errors_dialog = SheetErrorsDialog(lines, self.host)
            self.errors_dialog.open()
            return
        from inspector.ui.errors import show_error

        show_error(self.host, exc, self.tr("Self-assessment"), context="background job")
