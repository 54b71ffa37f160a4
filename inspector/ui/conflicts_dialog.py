"""The conflicts view: both versions of a row edited on two laptops, side by side.

The merge already made the newer edit current and kept the other version.
Here the user compares them field by field (differences highlighted) and
keeps one; the pick is written as a new edit that supersedes both, so every
laptop it travels to ends with the same choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.store.conflicts import (
    LOSER,
    WINNER,
    Conflict,
    describe_row,
)
from inspector.store.session import Session
from inspector.ui.changes import session_of
from inspector.ui.errors import show_error

if TYPE_CHECKING:
    from sqlite_utils import Database

DIFFERENT = QColor("#fff1b8")


def table_label(table: str) -> str:
    """A synced table's name as the user knows it."""
    labels = {
        "counties": QCoreApplication.translate("Bundles", "Counties"),
        "townships": QCoreApplication.translate("Bundles", "Townships"),
        "forms": QCoreApplication.translate("Bundles", "Forms"),
        "campaigns": QCoreApplication.translate("Bundles", "Campaigns"),
        "inspectors": QCoreApplication.translate("Bundles", "Inspectors"),
        "inspections": QCoreApplication.translate("Bundles", "Inspections"),
        "answers": QCoreApplication.translate("Bundles", "Answers"),
        "self_answers": QCoreApplication.translate("Bundles", "Self-assessments"),
        "notices": QCoreApplication.translate("Bundles", "Notices"),
        "problems": QCoreApplication.translate("Bundles", "Problems"),
        "attachments": QCoreApplication.translate("Bundles", "Attachments"),
    }
    return labels.get(table, table)


def field_label(column: str) -> str:
    """A column's name as the user knows it (the raw name stays in the tooltip)."""
    labels = {
        "id": QCoreApplication.translate("Fields", "Id"),
        "updated_at": QCoreApplication.translate("Fields", "Changed (version)"),
        "base_version": QCoreApplication.translate("Fields", "Edited from"),
        "deleted": QCoreApplication.translate("Fields", "Deleted"),
        "name": QCoreApplication.translate("Fields", "Name"),
        "code": QCoreApplication.translate("Fields", "Division code"),
        "kind": QCoreApplication.translate("Fields", "Kind"),
        "county_id": QCoreApplication.translate("Fields", "County"),
        "township_id": QCoreApplication.translate("Fields", "Township"),
        "form_id": QCoreApplication.translate("Fields", "Form"),
        "version": QCoreApplication.translate("Fields", "Version"),
        "title": QCoreApplication.translate("Fields", "Title"),
        "source": QCoreApplication.translate("Fields", "Form text"),
        "sha256": QCoreApplication.translate("Fields", "Checksum"),
        "year": QCoreApplication.translate("Fields", "Year"),
        "starts_on": QCoreApplication.translate("Fields", "Starts"),
        "ends_on": QCoreApplication.translate("Fields", "Ends"),
        "interview_bottom": QCoreApplication.translate("Fields", "约谈: bottom places"),
        "note": QCoreApplication.translate("Fields", "Note"),
        "device_id": QCoreApplication.translate("Fields", "Device"),
        "campaign_id": QCoreApplication.translate("Fields", "Campaign"),
        "status": QCoreApplication.translate("Fields", "Status"),
        "inspected_on": QCoreApplication.translate("Fields", "Inspected on"),
        "team": QCoreApplication.translate("Fields", "Team"),
        "finished_at": QCoreApplication.translate("Fields", "Finished at"),
        "inspection_id": QCoreApplication.translate("Fields", "Inspection"),
        "item_id": QCoreApplication.translate("Fields", "Item"),
        "verdict": QCoreApplication.translate("Fields", "Verdict"),
        "number": QCoreApplication.translate("Fields", "Count"),
        "answered_by": QCoreApplication.translate("Fields", "Answered by"),
        "doc_number": QCoreApplication.translate("Fields", "Document number"),
        "prefix": QCoreApplication.translate("Fields", "Number prefix"),
        "seq": QCoreApplication.translate("Fields", "Sequence number"),
        "addressee": QCoreApplication.translate("Fields", "Addressee"),
        "deadline": QCoreApplication.translate("Fields", "Deadline"),
        "issued_on": QCoreApplication.translate("Fields", "Issued on"),
        "issued_by": QCoreApplication.translate("Fields", "Issued by"),
        "problem_ids": QCoreApplication.translate("Fields", "Problems"),
        "attachment_id": QCoreApplication.translate("Fields", "Attachment"),
        "text": QCoreApplication.translate("Fields", "Problem"),
        "responsible_unit": QCoreApplication.translate("Fields", "Responsible unit"),
        "responsible_person": QCoreApplication.translate("Fields", "Responsible person"),
        "measure": QCoreApplication.translate("Fields", "Rectification requirement"),
        "found_on": QCoreApplication.translate("Fields", "Found on"),
        "rectified_on": QCoreApplication.translate("Fields", "Rectified on"),
        "rectify_note": QCoreApplication.translate("Fields", "Rectification note"),
        "closed_on": QCoreApplication.translate("Fields", "Closed on"),
        "closed_by": QCoreApplication.translate("Fields", "Closed by"),
        "notice_id": QCoreApplication.translate("Fields", "Notice"),
        "size": QCoreApplication.translate("Fields", "Size"),
        "mime": QCoreApplication.translate("Fields", "File type"),
        "filename": QCoreApplication.translate("Fields", "File name"),
        "owner_table": QCoreApplication.translate("Fields", "Belongs to (table)"),
        "owner_id": QCoreApplication.translate("Fields", "Belongs to"),
        "caption": QCoreApplication.translate("Fields", "Caption"),
    }
    return labels.get(column, column)


def value_in_words(session: Session, column: str, value: Any) -> str:
    """A field's value as the user knows it: a verdict or status in words, a version as
    its device and local time, another row's id as that row's name, a flag as yes/no."""
    if value is None or value == "":
        return ""
    if column == "verdict":
        from inspector.core.scoring import Verdict
        from inspector.ui.verdict_buttons import verdict_label

        try:
            return verdict_label(Verdict(value))
        except ValueError:
            return str(value)
    if column == "status":
        from inspector.store.inspections import FINISHED

        if value == FINISHED:
            return QCoreApplication.translate("TownshipTreeModel", "Finished")
        if value == "in_progress":
            return QCoreApplication.translate("TownshipTreeModel", "In progress")
        from inspector.ui.problem_model import status_label

        try:
            return status_label(value)
        except (KeyError, ValueError):
            return str(value)
    if column in ("updated_at", "base_version"):
        try:
            return session.conflicts.version_label(str(value))
        except (IndexError, ValueError):
            return str(value)
    if column == "deleted":
        return (
            QCoreApplication.translate("ConflictsDialog", "Yes")
            if value
            else QCoreApplication.translate("ConflictsDialog", "No")
        )
    name = session.conflicts.referenced_name(column, value)
    return name if name is not None else str(value)


class ConflictsDialog(QDialog):
    """Unresolved conflicts on the left; the selected one's two versions on the right."""

    resolved = Signal(int)  # the conflict id, after the pick was written

    def __init__(self, session: Session | Database, parent: QWidget | None = None):
        """On the window's session: resolving one tells every view (the row may be shown
        anywhere), and the dialog opens no connection of its own on the GUI thread."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflicts"))
        self.resize(1000, 560)
        self.session = session_of(session)
        self.db = self.session.db
        self.conflicts: list[Conflict] = []
        self.list = QListWidget(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_winner = QPushButton(self.tr("Keep the current version"), self)
        self.keep_winner.setObjectName("keep_winner")
        self.keep_loser = QPushButton(self.tr("Keep the other version"), self)
        self.keep_loser.setObjectName("keep_loser")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.empty = QLabel(
            self.tr(
                "No unresolved conflicts: every edit made on two laptops at once has been settled."
            ),
            self,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build()
        self._connect_signals()
        self.reload()

    def _build(self) -> None:
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.hint)
        right_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_winner, 2)
        buttons.addWidget(self.keep_loser, 2)
        right_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 740])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty)
        layout.addWidget(close)
        self.splitter = splitter

    def _connect_signals(self) -> None:
        self.list.currentRowChanged.connect(self._on_current_changed)
        self.keep_winner.clicked.connect(lambda: self._on_keep(WINNER))
        self.keep_loser.clicked.connect(lambda: self._on_keep(LOSER))
        self.finished.connect(self._on_finished)

    def reload(self) -> None:
        self.conflicts = self.session.conflicts.list()
        self.list.clear()
        for c in self.conflicts:
            where = self.session.conflicts.row_context(c.table_name, c.winner)
            text = self.tr("{0}: {1} ({2} fields differ)").format(
                table_label(c.table_name),
                where or describe_row(c.table_name, c.winner),
                len(c.differences),
            )
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.list.addItem(item)
        has_any = bool(self.conflicts)
        self.splitter.setVisible(has_any)
        self.empty.setVisible(not has_any)
        if has_any:
            self.list.setCurrentRow(0)
        else:
            self.table.setRowCount(0)

    def current(self) -> Conflict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _on_current_changed(self, _row: int) -> None:
        conflict = self.current()
        self.keep_winner.setEnabled(conflict is not None)
        self.keep_loser.setEnabled(conflict is not None)
        if conflict is None:
            return
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Current version\n{0}").format(
                    self.session.conflicts.version_label(conflict.winner_version)
                ),
                self.tr("Other version\n{0}").format(
                    self.session.conflicts.version_label(conflict.loser_version)
                ),
            ]
        )
        where = self.session.conflicts.row_context(conflict.table_name, conflict.winner)
        self.hint.setText(
            (where + "\n" if where else "")
            + self.tr(
                "This {0} row was changed on two laptops at once. The newer change is current; "
                "the other was kept. Highlighted fields differ. Keep the version that is right: "
                "it becomes a new change that replaces both on every laptop."
            ).format(table_label(conflict.table_name))
        )
        # The differing fields first: they are what the user has to decide on.
        # The row's own id is the same on both sides and means nothing to a reader: the
        # hint above names the row.
        fields = conflict.differences + [
            f for f in conflict.fields if f not in conflict.differences and f != "id"
        ]
        self.table.setRowCount(len(fields))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, name in enumerate(fields):
            differs = name in conflict.differences
            cells = [
                field_label(name),
                value_in_words(self.session, name, conflict.winner.get(name)),
                value_in_words(self.session, name, conflict.loser.get(name)),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(name if col == 0 else text)
                if differs:
                    item.setBackground(QBrush(DIFFERENT))
                    item.setFont(bold)
                self.table.setItem(r, col, item)
        self.table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Row heights depend on the final column widths, known only once shown.
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def _on_keep(self, side: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        try:
            self.session.conflicts.resolve(conflict.id, side, source=self)
        except Exception as exc:
            show_error(self, exc, self.tr("Conflicts"))
        else:
            self.resolved.emit(conflict.id)
        self.reload()

    def _on_finished(self, _result: int) -> None:
        """The session is the window's: it stays open."""
