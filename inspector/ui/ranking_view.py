"""The ranking tab: the campaign's ranking and 约谈 list as a sortable table, one county or
all, saved as a spreadsheet and printed through the report viewer.

A province has some 1,400 townships and 40 campaigns: the model holds the campaign's
rows as one Python list (`store.ranking_table`, two reads of the score cache) and
filters and sorts that list itself, so switching campaign or county costs a read and
a model reset, not a proxy over Python rows. The tab follows the toolbar's campaign
(`set_campaign`) and re-reads on the `changed` signal when a score, an inspection,
the townships or the campaigns change; while hidden it only notes that it is stale.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.ids import CampaignId
from inspector.core.scoring import star_text
from inspector.ui.changes import session_of, signals_of
from inspector.ui.no_wheel import guard_wheel

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector.store.ranking_table import RankingRow, RankingTable
    from inspector.store.session import Changes, Session

TownshipIdRole = Qt.ItemDataRole.UserRole + 1
KEPT_TABLES = 8  # campaigns' tables kept between changes (1,400 rows each on a province)

RANK, COUNTY, COUNTY_RANK, TOWNSHIP, SCORE, STARS, ANSWERED, CHANGE, INTERVIEW = range(9)
_RED = QColor(176, 0, 32)
_GREY = QColor(127, 140, 141)


def column_titles() -> list[str]:
    # Spelled out each time: lupdate reads a local alias of translate() as tr() without
    # a context, and the strings would never reach the catalogue.
    return [
        QCoreApplication.translate("Ranking", "Rank"),
        QCoreApplication.translate("Ranking", "County"),
        QCoreApplication.translate("Ranking", "County rank"),
        QCoreApplication.translate("Ranking", "Township"),
        QCoreApplication.translate("Ranking", "Score"),
        QCoreApplication.translate("Ranking", "Stars"),
        QCoreApplication.translate("Ranking", "Answered"),
        QCoreApplication.translate("Ranking", "Change"),
        QCoreApplication.translate("Ranking", "Interview"),
    ]


def change_text(change: int | None) -> str:
    """↑3 places gained, ↓2 lost, — unchanged; blank when either campaign left it unranked."""
    if change is None:
        return ""
    if change > 0:
        return f"↑{change}"
    if change < 0:
        return f"↓{-change}"
    return "—"


def _unranked_last(value: int | None) -> tuple[bool, int]:
    return (value is None, value or 0)


# Each column's sort key; ties keep the ranking's own order (the sort is stable).
_KEYS: dict[int, Callable[[RankingRow], Any]] = {
    RANK: lambda r: _unranked_last(r.rank),
    COUNTY: lambda r: r.county,
    COUNTY_RANK: lambda r: (r.county, *_unranked_last(r.county_rank)),
    TOWNSHIP: lambda r: r.township,
    SCORE: lambda r: r.score,
    STARS: lambda r: (r.rank is not None, r.stars),
    ANSWERED: lambda r: (r.answered / r.items if r.items else 0.0, r.answered),
    CHANGE: lambda r: (r.change is not None, r.change or 0),
    INTERVIEW: lambda r: r.interview,
}


class RankingModel(QAbstractTableModel):
    """The rows of one campaign's ranking, one county's or all, in the order asked."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._table: RankingTable | None = None
        self._county: str | None = None
        self._rows: list[RankingRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (RANK, Qt.SortOrder.AscendingOrder)
        self._titles = column_titles()

    @property
    def table(self) -> RankingTable | None:
        return self._table

    def set_table(self, table: RankingTable | None, county: str | None = None) -> None:
        """Show `table` (None: nothing), filtered to the county named, sorted as before."""
        self.beginResetModel()
        self._table, self._county = table, county
        self._arrange()
        self.endResetModel()

    def set_county(self, county: str | None) -> None:
        self.set_table(self._table, county)

    def _arrange(self) -> None:
        rows = self._table.of_county(self._county) if self._table is not None else []
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        if column != RANK or descending:
            rows.sort(key=_KEYS[column], reverse=descending)
        self._rows = rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _KEYS:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._arrange()
        self.layoutChanged.emit()

    def row_at(self, row: int) -> RankingRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == TownshipIdRole:
            return r.township_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (COUNTY, TOWNSHIP):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.rank is None:
                return _GREY
            if column in (STARS, INTERVIEW) or (column == CHANGE and (r.change or 0) < 0):
                return _RED
        if role == Qt.ItemDataRole.ToolTipRole:
            if r.rank is None:
                return QCoreApplication.translate(
                    "Ranking", "Not every item is answered: the score is provisional, not ranked."
                )
            if r.interview:
                return r.interview_reason
        return None

    def _text(self, r: RankingRow, column: int) -> str:
        if column == RANK:
            if r.rank is None:
                return QCoreApplication.translate("Ranking", "Unranked (incomplete)")
            return str(r.rank)
        if column == COUNTY:
            return r.county
        if column == COUNTY_RANK:
            return str(r.county_rank) if r.county_rank is not None else ""
        if column == TOWNSHIP:
            return r.township
        if column == SCORE:
            return f"{r.score:.1f}"
        if column == STARS:
            top = self._table.max_stars if self._table is not None else 5
            return star_text(r.stars, top) if r.rank is not None else ""
        if column == ANSWERED:
            return f"{r.answered}/{r.items}"
        if column == CHANGE:
            return change_text(r.change)
        return QCoreApplication.translate("Ranking", "For interview") if r.interview else ""


class RankingView(QWidget):
    """The ranking tab on a session; `township_activated` when a row is double-clicked."""

    township_activated = Signal(str)

    def __init__(self, db: Session | Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session_of(db)
        self.campaign_id: str | None = None
        self._stale = True  # what is shown is not the campaign's table as it is now
        self._tables: OrderedDict[str, RankingTable] = OrderedDict()  # read since the last change
        self._build()
        signals_of(self.session).changed.connect(self._on_changed)

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("ranking_title")
        self.title_label.setWordWrap(True)
        self.county_combo = QComboBox(self)
        self.county_combo.setObjectName("ranking_county")
        self.county_combo.setMinimumContentsLength(10)
        guard_wheel(self.county_combo)
        self.count_label = QLabel(self)
        self.export_button = QPushButton(self.tr("Save as &Excel…"), self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.model = RankingModel(self)
        self.table_view = QTableView(self)
        self.table_view.setModel(self.model)
        self.table_view.setSortingEnabled(True)
        self.table_view.horizontalHeader().setSortIndicator(RANK, Qt.SortOrder.AscendingOrder)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.verticalHeader().setVisible(False)
        self.table_view.verticalHeader().setDefaultSectionSize(24)
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((RANK, 130), (COUNTY, 110), (TOWNSHIP, 140), (STARS, 90)):
            header.resizeSection(column, width)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("County:"), self))
        top.addWidget(self.county_combo)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(top)
        layout.addWidget(self.table_view, 1)
        self.county_combo.currentIndexChanged.connect(self._on_county_chosen)
        self.export_button.clicked.connect(self.export_xlsx)
        self.print_button.clicked.connect(self.print_ranking)
        self.table_view.doubleClicked.connect(self._on_double_click)
        self._enable()

    # -- what it shows -----------------------------------------------------------------
    def set_campaign(self, campaign_id: str | None) -> None:
        """Follow the toolbar's campaign (read now if shown, else when next shown)."""
        if campaign_id == self.campaign_id and not self._stale:
            return
        self.campaign_id = campaign_id
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _table(self) -> RankingTable | None:
        """The campaign's table, read once until a change: going back to a campaign seen
        since costs no read."""
        if not self.campaign_id:
            return None
        table = self._tables.get(self.campaign_id)
        if table is None:
            table = self.session.ranking.table(CampaignId(self.campaign_id))
            self._tables[self.campaign_id] = table
            while len(self._tables) > KEPT_TABLES:
                self._tables.popitem(last=False)
        else:
            self._tables.move_to_end(self.campaign_id)
        return table

    def refresh(self) -> None:
        """Show the campaign's ranking, keeping the county chosen and the sort."""
        self._stale = False
        table = self._table()
        county = self.county_combo.currentData()
        blocked = self.county_combo.blockSignals(True)
        try:
            self.county_combo.clear()
            self.county_combo.addItem(self.tr("All counties"), None)
            for county_id, name in table.counties if table is not None else []:
                self.county_combo.addItem(name, county_id)
            found = self.county_combo.findData(county) if county else -1
            self.county_combo.setCurrentIndex(max(found, 0))
        finally:
            self.county_combo.blockSignals(blocked)
        self.model.set_table(table, self._county_name())
        self._show_title(table)
        self._show_count()
        self._enable()

    def county_id(self) -> str | None:
        data = self.county_combo.currentData()
        return str(data) if data else None

    def _county_name(self) -> str | None:
        return self.county_combo.currentText() if self.county_id() else None

    def _on_county_chosen(self) -> None:
        self.model.set_county(self._county_name())
        self._show_count()

    def _show_title(self, table: RankingTable | None) -> None:
        if table is None:
            self.title_label.setText(self.tr("There is no campaign yet."))
        elif table.previous is None:
            self.title_label.setText(
                self.tr("{0}: no earlier campaign of this form, so no change in rank.").format(
                    table.campaign["name"]
                )
            )
        else:
            self.title_label.setText(
                self.tr("{0}: change in rank since {1}.").format(
                    table.campaign["name"], table.previous["name"]
                )
            )

    def _show_count(self) -> None:
        rows = [self.model.row_at(i) for i in range(self.model.rowCount())]
        ranked = sum(1 for r in rows if r.rank is not None)
        interviews = sum(1 for r in rows if r.interview)
        self.count_label.setText(
            self.tr("{0} ranked, {1} unfinished, {2} for 约谈").format(
                ranked, len(rows) - ranked, interviews
            )
        )

    def _enable(self) -> None:
        has = self.campaign_id is not None and self.model.rowCount() > 0
        self.export_button.setEnabled(has)
        self.print_button.setEnabled(has)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def invalidate(self) -> None:
        """Re-read now if shown, else when next shown (F5, a change that concerns it)."""
        self._tables.clear()
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        from inspector.store.session import CAMPAIGNS, INSPECTIONS, SCORES, TREE

        if changes.touches(SCORES, INSPECTIONS, TREE, CAMPAIGNS):
            self.invalidate()

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.township_activated.emit(self.model.row_at(index.row()).township_id)

    # -- papers --------------------------------------------------------------------------
    def export_xlsx(self) -> Any:
        """Save the ranking shown (its county, or all) as 排名表.xlsx, built in the worker."""
        if not self.campaign_id:
            return None
        from inspector.reports.ranking_sheet import save_ranking_xlsx
        from inspector.ui.worker import run_job

        name = f"排名表-{dt.date.today().isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the ranking"), name, self.tr("Excel workbooks (*.xlsx)")
        )
        if not path:
            return None
        return run_job(
            self,
            self.tr("Saving the ranking…"),
            save_ranking_xlsx,
            self.session.path,
            self.campaign_id,
            self.county_id(),
            path,
        )

    def print_ranking(self) -> Any:
        """The 排名表 (its county, or all) in the report viewer, to print or save."""
        if not self.campaign_id:
            return None
        from inspector.ui.report_view import open_report

        return open_report(
            self,
            self.session.path,
            "ranking",
            campaign_id=self.campaign_id,
            county_id=self.county_id(),
        )
