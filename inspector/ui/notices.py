"""The 整改通知书 tab: the notices issued, issuing a new one, and viewing or printing one.

Viewing and printing belong to the report viewer (`inspector.ui.report_view`),
imported only when used so that the PDF machinery does not slow start-up.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.core.ids import CampaignId, TownshipId
from inspector.store.session import NOTICES, PROBLEMS, Changes, Session
from inspector.ui import notice_actions
from inspector.ui.changes import session_of
from inspector.ui.errors import show_error
from inspector.ui.issue_notice_dialog import IssueNoticeDialog
from inspector.ui.notice_actions import ReportBackDialog, VoidNoticeDialog

NoticeIdRole = Qt.ItemDataRole.UserRole + 1

_COLUMNS = (
    "doc_number",
    "county",
    "township",
    "issued_on",
    "deadline",
    "problem_count",
    "has_pdf",
    "addressee",
    "state",
    "report",
)


def has_report_view() -> bool:
    return importlib.util.find_spec("inspector.ui.report_view") is not None


class NoticeTableModel(QAbstractTableModel):
    """Issued notices (a few per township at most: kept in memory)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._titles = [
            self.tr("Number"),
            self.tr("County"),
            self.tr("Township"),
            self.tr("Issued on"),
            self.tr("Report back by"),
            self.tr("Problems"),
            self.tr("PDF archived"),
            self.tr("Addressee"),
            self.tr("Status"),
            self.tr("Report received"),
        ]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def notice(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, notice_id: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r["id"] == notice_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_COLUMNS)
        ):
            return self._titles[section]
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "has_pdf":
                return self.tr("Yes") if row["has_pdf"] else self.tr("No")
            if key == "state":
                return self._state(row)
            if key == "report":
                return self._report(row)
            value = row[key]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("problem_count", "has_pdf"):
            return Qt.AlignmentFlag.AlignCenter
        if role == NoticeIdRole:
            return row["id"]
        if role == Qt.ItemDataRole.ToolTipRole and row.get("voided_on"):
            return self.tr("Voided on {0} by {1}: {2}").format(
                row["voided_on"], row["voided_by"], row["void_reason"]
            )
        if role == Qt.ItemDataRole.ForegroundRole and row.get("voided_on"):
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.FontRole and row.get("voided_on") and key == "doc_number":
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _state(self, row: dict[str, Any]) -> str:
        if row.get("voided_on"):
            return self.tr("Voided")
        if row.get("replaces"):
            return self.tr("Replaces {0}").format(row["replaces"])
        return self.tr("Issued")

    def _report(self, row: dict[str, Any]) -> str:
        if row.get("voided_on"):
            return ""
        if not row.get("report_received_on"):
            return self.tr("Not yet")
        text = self.tr("{0}, {1}").format(row["report_received_on"], row["report_received_by"])
        if row.get("report_attachment_id"):
            text += self.tr(" (scan)")
        return text


class NoticeListWidget(QWidget):
    """Notices of the campaign (or of one township), with Issue and View / print
    (the viewer prints; the PDF shown is the archived one)."""

    changed = Signal()  # a notice was issued: problems now carry its number

    def __init__(
        self,
        session: Session | Database,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self._session = session_of(session)
        self._db = self._session.db
        self._today = today
        self._campaign_id: str | None = None
        self._township_id: str | None = None
        self._shown_once = False
        self.model = NoticeTableModel(self)
        self._build()
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        self.issue_button = QPushButton(self.tr("Issue notice…"))
        self.view_button = QPushButton(self.tr("View / print"))
        self.view_button.setVisible(has_report_view())
        self.batch_button = QPushButton(self.tr("Issue for every township…"))
        self.batch_button.setToolTip(
            self.tr(
                "One notice for each township of the campaign with open problems not yet on a "
                "notice, numbered in catalogue order, then all of them in one file to print or "
                "save"
            )
        )
        self.batch_button.setVisible(has_report_view())
        self.void_button = QPushButton(self.tr("Void / re-issue…"))
        self.void_button.setToolTip(
            self.tr(
                "Void the selected notice (作废), kept and marked, and give its problems a new number"
            )
        )
        self.report_button = QPushButton(self.tr("Report received…"))
        self.report_button.setToolTip(
            self.tr("Record that the township's 整改报告 arrived, with its scan")
        )
        self.report_job: Any = None  # the viewer's last job (its `view` once shown)
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.issue_button)
        bar.addWidget(self.view_button)
        bar.addWidget(self.batch_button)
        bar.addWidget(self.void_button)
        bar.addWidget(self.report_button)
        bar.addStretch()
        bar.addWidget(self.count_label)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _connect_signals(self) -> None:
        self.issue_button.clicked.connect(self._on_issue)
        self.view_button.clicked.connect(self._on_view)
        self.batch_button.clicked.connect(self._on_batch)
        self.void_button.clicked.connect(self._on_void)
        self.report_button.clicked.connect(self._on_report)
        self.view.doubleClicked.connect(self._on_view)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    # -- public API ----------------------------------------------------------

    def set_campaign(self, campaign_id: str | None) -> None:
        self._campaign_id = campaign_id
        self.refresh()

    def set_township(self, township_id: str | None) -> None:
        self._township_id = township_id
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_notice()
        self.model.set_rows(
            self._session.notices.listing(
                CampaignId(self._campaign_id) if self._campaign_id is not None else None,
                TownshipId(self._township_id) if self._township_id is not None else None,
            )
        )
        self.count_label.setText(self.tr("%n notice(s)", "", self.model.rowCount()))
        if selected is not None:
            self.select_notice(selected["id"])
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        # Notices issued from the township page appear when this tab comes back.
        if not event.spontaneous() and self._shown_once:
            self.refresh()
        self._shown_once = True
        super().showEvent(event)

    def selected_notice(self) -> dict[str, Any] | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.notice(rows[0].row()) if rows else None

    def select_notice(self, notice_id: str) -> None:
        row = self.model.row_of(notice_id)
        if row is not None:
            self.view.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(self.model.index(row, 0))

    # -- slots ---------------------------------------------------------------

    def _update_buttons(self) -> None:
        notice = self.selected_notice()
        self.view_button.setEnabled(notice is not None)
        live = notice is not None and not notice.get("voided_on")
        self.void_button.setEnabled(live)
        self.report_button.setEnabled(live)
        self.batch_button.setEnabled(self._campaign_id is not None)

    def make_issue_dialog(self) -> IssueNoticeDialog:
        return IssueNoticeDialog(
            self._session, self._campaign_id, self._township_id, self, today=self._today
        )

    def _on_issue(self) -> None:
        dialog = self.make_issue_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.issued is None:
            return
        notice = dialog.issued
        self.refresh()
        self.select_notice(notice["id"])
        self.changed.emit()
        QMessageBox.information(
            self,
            self.tr("Notice issued"),
            self.tr("Issued {0} to {1}.").format(notice["doc_number"], notice["addressee"]),
        )

    def _on_batch(self) -> None:
        """Confirm, then issue in the worker; the viewer shows the joined notices."""
        if self._campaign_id is None or not has_report_view():
            return
        towns = self._session.notices.townships_unnoticed(CampaignId(self._campaign_id))
        if not towns:
            QMessageBox.information(
                self,
                self.tr("Issue notices"),
                self.tr("No township of this campaign has open problems that are not on a notice."),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Issue notices"),
            self.tr(
                "Issue %n notice(s), one per township with open problems not yet on a notice? "
                "They are numbered in order and archived; this cannot be undone.",
                "",
                len(towns),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from inspector.ui import report_view

        def done(_built: Any) -> None:  # issued in the worker, on its own session
            self.refresh()
            self._session.announce(
                Changes.of(NOTICES, PROBLEMS, tables=("notices", "problems"), townships=towns), self
            )
            self.changed.emit()

        self.report_job = report_view.open_report(
            self,
            self._session.path,
            "notices",
            campaign_id=self._campaign_id,
            today=self._today,
            on_built=done,
        )

    def make_void_dialog(self, notice: dict[str, Any]) -> VoidNoticeDialog:
        return VoidNoticeDialog(notice, self)

    def make_report_dialog(self, notice: dict[str, Any]) -> ReportBackDialog:
        return ReportBackDialog(notice, self._session.rows.who, self, today=self._today)

    def void_notice(self, notice_id: str, *, reissue_default: bool = True) -> dict[str, Any] | None:
        """Ask why, then void (and by default re-issue) the notice; the new notice, if any,
        is selected. Returns the new notice (or the voided one when not re-issued)."""
        notice = next((r for r in self.model._rows if r["id"] == notice_id), None)
        if notice is None:
            found = [r for r in self._session.notices.listing() if r["id"] == notice_id]
            notice = found[0] if found else None
        if notice is None:
            return None
        result = notice_actions.void_or_reissue(
            self,
            self._session,
            notice,
            reissue_default=reissue_default,
            make_dialog=lambda n, parent: self.make_void_dialog(n),
        )
        if result is None:
            return None
        self.refresh()
        self.select_notice(result["id"])
        self.changed.emit()
        return result

    def _on_void(self) -> None:
        notice = self.selected_notice()
        if notice is not None:
            self.void_notice(notice["id"])

    def _on_report(self) -> None:
        notice = self.selected_notice()
        if notice is None:
            return
        dialog = self.make_report_dialog(notice)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self._session.notices.report_back(
                notice["id"],
                dialog.received_on(),
                by=dialog.received_by(),
                scan=dialog.scan(),
                source=self,
            )
        except Exception as exc:
            show_error(self, exc, self.tr("Report received"))
            return
        self.refresh()
        self.changed.emit()

    def _on_view(self) -> None:
        notice = self.selected_notice()
        if notice is None or not has_report_view():
            return
        from inspector.ui import report_view

        self.report_job = report_view.open_report(
            self,
            self._session.path,
            "notice",
            campaign_id=notice["campaign_id"],
            notice_id=notice["id"],
        )
