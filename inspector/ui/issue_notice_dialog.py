"""Issuing a rectification notice (整改通知书) for a township's open problems.

The dialog shows the number the notice will get before it is issued (the
laptop's own block, `store.notices.next_number`), so the inspector can write
it on anything printed by hand. Issuing goes through the reports package when
it is installed, which archives the exact PDF with the notice.
"""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.core.ids import CampaignId, ProblemId, TownshipId
from inspector.core.numbering import format_doc_number
from inspector.store.notices import addressee_for
from inspector.store.session import NOTICES, PROBLEMS, Changes, Session
from inspector.ui.changes import session_of
from inspector.ui.errors import show_error
from inspector.ui.no_wheel import guard_wheels_under
from inspector.ui.problem_list import chosen
from inspector.ui.problem_model import ProblemIdRole, status_label


def default_deadline(deadlines: list[str | None], today: dt.date, days: int) -> dt.date:
    """The last problem deadline, but never today or earlier: then `days` from today."""
    latest = max((d[:10] for d in deadlines if d), default="")
    if latest and latest > today.isoformat():
        return dt.date.fromisoformat(latest)
    return today + dt.timedelta(days=days)


class NoticeProblemModel(QAbstractTableModel):
    """A township's problems for the notice, each with a check box (all checked at first)."""

    checked_changed = Signal()

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._checked: list[bool] = []
        self._titles = [self.tr("Item"), self.tr("Problem"), self.tr("Deadline"), self.tr("Status")]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = [True] * len(self._rows)
        self.endResetModel()
        self.checked_changed.emit()

    def checked_rows(self) -> list[dict[str, Any]]:
        return [r for r, on in zip(self._rows, self._checked, strict=True) if on]

    def set_all(self, checked: bool) -> None:
        if not self._rows:
            return
        self._checked = [checked] * len(self._rows)
        self.dataChanged.emit(
            self.index(0, 0), self.index(len(self._rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole]
        )
        self.checked_changed.emit()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._titles)
        ):
            return self._titles[section]
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row["item_id"] or "",
                " ".join(row["text"].split()),
                row["deadline"] or "",
                status_label(row["status"]),
            )[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row["text"]
        if role == ProblemIdRole:
            return row["id"]
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self._checked[index.row()] = checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True


def _issue_function() -> Any:
    """The reports' issuer (archives the PDF) when installed, else the store's."""
    try:
        from inspector.reports.issue import issue_notice_pdf
    except ImportError:
        return None
    return issue_notice_pdf


class IssueNoticeDialog(QDialog):
    """Pick a township and its problems, check the deadline and addressee, issue."""

    def __init__(
        self,
        session: Session | Database,
        campaign_id: str | None = None,
        township_id: str | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self._session = session_of(session)
        self._db = self._session.db
        self._campaign_id = campaign_id
        self._today = today or dt.date.today()
        self._deadline_touched = False
        self._fixed_township: str | None = None
        self._towns: dict[str, dict[str, Any]] = {}
        self.issued: dict[str, Any] | None = None
        self._issue = _issue_function()
        self._build(township_id)
        self._connect_signals()
        self._load_townships(township_id)

    def _build(self, township_id: str | None) -> None:
        self.setWindowTitle(self.tr("Issue rectification notice"))
        self.township_combo = QComboBox()
        self.township_combo.setVisible(township_id is None)
        self.township_label = QLabel()
        self.township_label.setVisible(township_id is not None)
        self.model = NoticeProblemModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, 80)
        self.view.setColumnWidth(2, 95)
        self.view.setColumnWidth(3, 110)
        self.all_button = QPushButton(self.tr("Select all"))
        self.none_button = QPushButton(self.tr("Select none"))
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.deadline_edit = QDateEdit()
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        # A report-back date before the notice itself is never right.
        self.deadline_edit.setMinimumDate(
            QDate(self._today.year, self._today.month, self._today.day)
        )
        self.addressee_edit = QLineEdit()
        # The PDF issuer words the addressee itself unless it takes one.
        takes_addressee = self._issue is None or (
            "addressee" in inspect.signature(self._issue).parameters
        )
        self.addressee_edit.setReadOnly(not takes_addressee)
        self.number_label = QLabel()
        font = self.number_label.font()
        font.setBold(True)
        self.number_label.setFont(font)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Issue"))

        form = QFormLayout()
        form.addRow(
            self.tr("Township"), self.township_combo if township_id is None else self.township_label
        )
        picks = QHBoxLayout()
        picks.addWidget(self.empty_label, 1)
        picks.addWidget(self.all_button)
        picks.addWidget(self.none_button)
        details = QFormLayout()
        details.addRow(self.tr("Number"), self.number_label)
        details.addRow(self.tr("Addressee"), self.addressee_edit)
        details.addRow(self.tr("Report back by"), self.deadline_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Problems on the notice:")))
        layout.addWidget(self.view, 1)
        layout.addLayout(picks)
        layout.addLayout(details)
        layout.addWidget(self.buttons)
        guard_wheels_under(self)  # a wheel over the deadline does not change it
        self.resize(760, 520)

    def _connect_signals(self) -> None:
        self.township_combo.currentIndexChanged.connect(self._on_township_chosen)
        self.model.checked_changed.connect(self._on_checks_changed)
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        self.deadline_edit.dateChanged.connect(self._on_deadline_edited)
        self.buttons.accepted.connect(self._on_issue)
        self.buttons.rejected.connect(self.reject)

    # -- state ---------------------------------------------------------------

    def township_id(self) -> str | None:
        return self._fixed_township or chosen(self.township_combo)

    def _campaign(self) -> CampaignId | None:
        return CampaignId(self._campaign_id) if self._campaign_id is not None else None

    def _load_townships(self, township_id: str | None) -> None:
        self._fixed_township = township_id
        towns = self._session.notices.townships_with_noticeable(self._campaign())
        self._towns = {t["id"]: t for t in towns}
        if township_id is not None:
            town = self._towns.get(township_id) or self._township(township_id)
            self.township_label.setText(f"{town['county']} {town['name']}")
            self._show_township(township_id)
            return
        self.township_combo.blockSignals(True)
        for t in towns:
            self.township_combo.addItem(
                self.tr("%1 %2 (%n problem(s))", "", t["problems"])
                .replace("%1", t["county"])
                .replace("%2", t["name"]),
                t["id"],
            )
        self.township_combo.blockSignals(False)
        self._on_township_chosen()

    def _township(self, township_id: str) -> dict[str, Any]:
        return self._session.catalog.find_township(township_id)

    def _show_township(self, township_id: str | None) -> None:
        problems = (
            self._session.notices.noticeable_problems(TownshipId(township_id), self._campaign())
            if township_id
            else []
        )
        self.model.set_rows(problems)
        if township_id:
            town = self._towns.get(township_id) or self._township(township_id)
            self.addressee_edit.setText(addressee_for(town["name"], town["kind"]))
        else:
            self.addressee_edit.clear()
        self.empty_label.setText(
            "" if problems else self.tr("No open problems that are not on a notice already.")
        )
        prefix, seq = self._session.notices.next_number(self._today.year)
        self.number_label.setText(format_doc_number(prefix, self._today.year, seq))
        self._deadline_touched = False
        self._on_checks_changed()

    def _on_township_chosen(self) -> None:
        self._show_township(chosen(self.township_combo))

    def _on_checks_changed(self) -> None:
        checked = self.model.checked_rows()
        self.ok_button.setEnabled(bool(checked))
        if not self._deadline_touched:
            days = int(self._session.settings.get("default_deadline_days") or 30)
            day = default_deadline([r["deadline"] for r in checked], self._today, days)
            self.deadline_edit.blockSignals(True)
            self.deadline_edit.setDate(QDate(day.year, day.month, day.day))
            self.deadline_edit.blockSignals(False)

    def _on_deadline_edited(self) -> None:
        self._deadline_touched = True

    def _on_issue(self) -> None:
        township = self.township_id()
        ids = [r["id"] for r in self.model.checked_rows()]
        if not township or not ids:
            return
        deadline = self.deadline_edit.date().toString("yyyy-MM-dd")
        addressee = self.addressee_edit.text().strip() or None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            notice = self._write(township, ids, deadline, addressee)
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, exc, self.tr("Notice not issued"))
            return
        finally:
            if QGuiApplication.overrideCursor() is not None:
                QGuiApplication.restoreOverrideCursor()
        self.issued = notice
        self.accept()

    def _write(
        self, township: str, ids: list[str], deadline: str, addressee: str | None
    ) -> dict[str, Any]:
        """Issue through the session: its views hear of the notice and its problems."""
        session, source = self._session, self.parentWidget()
        if self._issue is None:
            return session.notices.issue(
                TownshipId(township),
                [ProblemId(i) for i in ids],
                campaign_id=self._campaign_id,
                deadline=deadline,
                addressee=addressee,
                issued_on=self._today,
                source=source,
            ).value
        extra = {} if self.addressee_edit.isReadOnly() else {"addressee": addressee}
        notice, _pdf = self._issue(
            session.rows,
            township,
            ids,
            campaign_id=self._campaign_id,
            deadline=deadline,
            issued_on=self._today,
            **extra,
        )
        session.announce(
            Changes.of(
                NOTICES,
                PROBLEMS,
                tables=("notices", "problems"),
                townships=[township],
                ids=[notice["id"], *ids],
            ),
            source,
        )
        return dict(notice)
