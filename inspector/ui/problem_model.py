"""The problem list as a table model that reads from SQL one page at a time.

A province holds some 100,000 problems: the model knows only how many match
the filter and keeps a few recently shown pages, fetching a page the moment
the view asks for one of its rows. Filtering and sorting are SQL (a Qt proxy
over 100,000 Python rows takes seconds per change).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from sqlite_utils import Database

from inspector.core.problems import Action, Light, Status
from inspector.store.problems import ProblemFilter
from inspector.store.session import Session
from inspector.ui.changes import session_of
from inspector.ui.problem_search import ProblemSearch, SearchRequest

ProblemIdRole = Qt.ItemDataRole.UserRole + 1  # the problem's id
StatusRole = Qt.ItemDataRole.UserRole + 2  # its status value: "open", "rectifying", ...
OverdueRole = Qt.ItemDataRole.UserRole + 3  # True when past its deadline and not rectified
ProblemRowRole = Qt.ItemDataRole.UserRole + 4  # the whole row as a dict

PAGE_SIZE = 200
KEPT_PAGES = 20  # at most 4,000 rows in memory, whatever the list's length

# (row key, the SQL sort key or None when the column cannot be sorted)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("county", "county"),
    ("township", "township"),
    ("item_id", "item_id"),
    ("text", "text"),
    ("responsible_unit", "responsible_unit"),
    ("deadline", "deadline"),
    ("status", "status"),
    ("overdue", None),
    ("notice_number", None),
    ("light", None),
    ("extensions", None),
)
DEADLINE_COLUMN = 5

_OVERDUE_TEXT = QColor(176, 0, 32)
_OVERDUE_BACK = QColor(255, 235, 238)


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("Problems", "County"),
        QCoreApplication.translate("Problems", "Township"),
        QCoreApplication.translate("Problems", "Item"),
        QCoreApplication.translate("Problems", "Problem"),
        QCoreApplication.translate("Problems", "Responsible unit"),
        QCoreApplication.translate("Problems", "Deadline"),
        QCoreApplication.translate("Problems", "Status"),
        QCoreApplication.translate("Problems", "Overdue"),
        QCoreApplication.translate("Problems", "Notice"),
        QCoreApplication.translate("Problems", "Light"),
        QCoreApplication.translate("Problems", "Extensions"),
    ]


# The deadline lights' cell colours (as on the reports: reports.xlsx.LIGHT_FILLS).
LIGHT_COLOURS = {
    Light.RED: QColor(0xF4, 0xB6, 0xB6),
    Light.YELLOW: QColor(0xFF, 0xE6, 0x99),
    Light.GREEN: QColor(0xC6, 0xE0, 0xB4),
}


def light_label(light: Light | str | None) -> str:
    """Red / yellow / green in words (the colour alone says nothing to a colour-blind eye)."""
    if not light:
        return ""
    return {
        Light.RED: QCoreApplication.translate("Problems", "Red"),
        Light.YELLOW: QCoreApplication.translate("Problems", "Yellow"),
        Light.GREEN: QCoreApplication.translate("Problems", "Green"),
    }[Light(light)]


def status_label(status: Status | str) -> str:
    """The status as the user reads it (zh: 待整改, 整改中, 已整改待验收, 已销号)."""
    return {
        Status.OPEN: QCoreApplication.translate("Problems", "Open"),
        Status.RECTIFYING: QCoreApplication.translate("Problems", "Rectifying"),
        Status.RECTIFIED: QCoreApplication.translate("Problems", "Rectified, to verify"),
        Status.CLOSED: QCoreApplication.translate("Problems", "Closed"),
    }[Status(status)]


def action_label(action: Action | str) -> str:
    """A life-cycle step as a button says it (zh: 开始整改, 整改完成, 验收销号, 复查退回)."""
    return {
        Action.START: QCoreApplication.translate("Problems", "Start rectification"),
        Action.RECTIFY: QCoreApplication.translate("Problems", "Mark rectified…"),
        Action.CLOSE: QCoreApplication.translate("Problems", "Verify and close"),
        Action.REJECT: QCoreApplication.translate("Problems", "Reject…"),
    }[Action(action)]


def overdue_days(row: dict[str, Any], today: dt.date) -> int:
    """Days past the deadline of an overdue problem, else 0."""
    if not row.get("overdue") or not row.get("deadline"):
        return 0
    return (today - dt.date.fromisoformat(row["deadline"][:10])).days


class ProblemTableModel(QAbstractTableModel):
    """Problems matching a `ProblemFilter`, sorted in SQL, fetched page by page.

    A text over every campaign of a big database is a scan of every problem
    (`Problems.is_long_scan`): the model then shows at once the matches found
    among the first problems in deadline order (a true prefix of the answer),
    is `searching()`, and grows to the full count when the search thread
    answers (`search_finished`). Every other filter is read on the spot.
    """

    search_finished = Signal()

    def __init__(self, session: Session | Database, parent: Any = None):
        super().__init__(parent)
        self._session = session_of(session)
        self._filter = ProblemFilter()
        self._order_by = "deadline"
        self._descending = False
        self._sort_column = DEADLINE_COLUMN
        self._total = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._titles = column_titles()
        self._generation = 0  # of the newest read; an older search's answer is dropped
        self._searching = False
        self._search: ProblemSearch | None = None

    # -- what the list shows -------------------------------------------------

    @property
    def problem_filter(self) -> ProblemFilter:
        return self._filter

    def set_filter(self, f: ProblemFilter) -> None:
        self._filter = f
        self.reload()

    def set_today(self, today: dt.date) -> None:
        """The day overdue is judged on (tests and long-running sessions)."""
        self._filter = replace(self._filter, today=today)

    def total(self) -> int:
        """The rows the list has: while `searching()`, those found so far."""
        return self._total

    def searching(self) -> bool:
        """True while a long search runs and `total()` is only what it found so far."""
        return self._searching

    def close(self) -> None:
        """Stop the search thread, if one was started (the list is going away)."""
        if self._search is not None:
            self._search.close()
            self._search = None

    def sort_key(self) -> tuple[int, Qt.SortOrder]:
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return self._sort_column, order

    def reload(self) -> None:
        """Count and fetch the first page again (after a filter change or a write)."""
        self._generation += 1
        self.beginResetModel()
        self._pages.clear()
        self._titles = column_titles()
        if self._session.path and self._session.problems.is_long_scan(self._filter):
            page = (
                self._session.problems.probe_prefix(
                    self._filter, descending=self._descending, limit=PAGE_SIZE
                )
                if self._order_by == "deadline"
                else []
            )
            self._total, self._searching = len(page), True
            self._searcher().search(
                SearchRequest(
                    self._generation, self._filter, self._order_by, self._descending, PAGE_SIZE
                )
            )
        else:
            self._searching = False
            self._total, page = self._session.problems.first_page(
                self._filter,
                order_by=self._order_by,
                descending=self._descending,
                limit=PAGE_SIZE,
            )
        if page:
            self._pages[0] = page
        self.endResetModel()

    def _searcher(self) -> ProblemSearch:
        if self._search is None:
            self._search = ProblemSearch(self._session.path)
            self._search.found.connect(self._found)
            self._search.failed.connect(self._search_failed)
            self.destroyed.connect(self._search.close)  # its thread and connection go too
        return self._search

    def _found(self, generation: int, total: int, page: list[dict[str, Any]]) -> None:
        """The search thread's answer: grow the list from the prefix to all of it."""
        if generation != self._generation:
            return
        shown = self._total
        prefix = self._pages.get(0, [])[:shown]
        if total < shown or page[:shown] != prefix:
            self.beginResetModel()  # a write between prefix and answer: show the answer
            self._pages.clear()
            self._pages[0] = page
            self._total = total
            self.endResetModel()
        elif total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._pages[0] = page
            self._total = total
            self.endInsertRows()
        self._searching = False
        self.search_finished.emit()

    def _search_failed(self, generation: int, _error: object) -> None:
        """A failed search (logged by the thread) leaves the prefix shown, no longer pending."""
        if generation == self._generation:
            self._searching = False
            self.search_finished.emit()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column][1] is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        key = COLUMNS[column][1]
        assert key is not None
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._order_by, self._descending):
            return
        self._order_by, self._descending, self._sort_column = key, descending, column
        self.reload()

    # -- rows ----------------------------------------------------------------

    def row_dict(self, row: int) -> dict[str, Any] | None:
        """The problem on `row`, fetching its page if it is not kept."""
        if not 0 <= row < self._total:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
            self._pages[number] = page
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _read_page(self, number: int) -> list[dict[str, Any]]:
        """Page `number`, read from whichever end of the list is nearer (SQLite skips
        an OFFSET row by row: the last page of a province from the start takes a second)."""
        start = number * PAGE_SIZE
        after = self._total - start - PAGE_SIZE  # rows after this page
        nearer_end = start > self._total // 2
        return self._session.problems.page(
            self._filter,
            order_by=self._order_by,
            descending=self._descending,
            limit=PAGE_SIZE + min(after, 0) if nearer_end else PAGE_SIZE,
            offset=max(after, 0) if nearer_end else start,
            from_end=nearer_end,
        )

    def row_of(self, problem_id: str) -> int | None:
        """The row of a problem among the pages in memory (None when not there)."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row["id"] == problem_id:
                    return number * PAGE_SIZE + offset
        return None

    # -- QAbstractTableModel -------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles[section]
            return None
        return super().headerData(section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.column() >= len(COLUMNS):
            return None
        row = self.row_dict(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("text", "responsible_unit"):
            return row[key]
        if role == Qt.ItemDataRole.BackgroundRole and key == "light" and row.get("light"):
            return QBrush(LIGHT_COLOURS[Light(row["light"])])
        if role == Qt.ItemDataRole.ForegroundRole and row["overdue"]:
            return QBrush(_OVERDUE_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and row["overdue"]:
            return QBrush(_OVERDUE_BACK)
        if role == ProblemIdRole:
            return row["id"]
        if role == StatusRole:
            return row["status"]
        if role == OverdueRole:
            return bool(row["overdue"])
        if role == ProblemRowRole:
            return row
        return None

    def _display(self, row: dict[str, Any], key: str) -> str:
        if key == "status":
            return status_label(row["status"])
        if key == "overdue":
            days = overdue_days(row, self._filter.today)
            return QCoreApplication.translate("Problems", "%n day(s)", "", days) if days else ""
        if key == "text":
            return " ".join(str(row["text"]).split())
        if key == "light":
            return light_label(row.get("light"))
        if key == "extensions":
            return str(row["extensions"]) if row.get("extensions") else ""
        value = row.get(key)
        return "" if value is None else str(value)
