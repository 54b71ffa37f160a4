"""The tree of counties → townships with each township's stars, progress and problems.

One query (`campaign_overview`) feeds the whole tree, so a province of 1,400
townships loads at once; the filter box narrows the model's own list rather
than going through a proxy. The store is imported on first load, so the
empty tree of a window still starting costs nothing.

After a write the tree re-reads only the townships the session's `Changes`
name (an answer: one line, about a millisecond, instead of 1,400 lines in
about 100 ms) and repaints those lines and their county's totals; a change
to the township list or an import reloads it whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from inspector.ui.lights_text import lights_tip
from inspector.ui.name_room import NameRoom, figure_widths, minimum_width, name_room

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector.store.session import Changes, Session

TownshipIdRole = Qt.ItemDataRole.UserRole + 1
InspectionIdRole = Qt.ItemDataRole.UserRole + 2
CountyIdRole = Qt.ItemDataRole.UserRole + 3

NAME, STARS, PROGRESS, OPEN, OVERDUE = range(5)
_OVERDUE_COLOUR = QColor("#c0392b")
_DIM_COLOUR = QColor("#7f8c8d")
_DUE_SOON_COLOUR = QColor("#b9770e")

Index = QModelIndex | QPersistentModelIndex


def progress_label(state: str) -> str:
    from inspector.store.inspections import FINISHED, NOT_STARTED

    return {
        NOT_STARTED: QCoreApplication.translate("TownshipTreeModel", "Not started"),
        FINISHED: QCoreApplication.translate("TownshipTreeModel", "Finished"),
    }.get(state, QCoreApplication.translate("TownshipTreeModel", "In progress"))


@dataclass
class County:
    """A county's townships as shown, and its totals (summed once, not on every paint)."""

    id: str
    name: str
    townships: list[dict[str, Any]] = field(default_factory=list)
    finished: int = 0
    open_problems: int = 0
    overdue_problems: int = 0

    def add_up(self) -> None:
        self.finished = sum(bool(r["finished"]) for r in self.townships)
        self.open_problems = sum(r["open_problems"] for r in self.townships)
        self.overdue_problems = sum(r["overdue_problems"] for r in self.townships)


class TownshipTreeModel(QAbstractItemModel):
    """Counties at the top level, their townships below; internalId 0 marks a county."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._all: list[dict[str, Any]] = []
        self._counties: list[County] = []
        self._shown: dict[str, tuple[int, int]] = {}  # township id -> (county, row) shown
        self._by_id: dict[str, dict[str, Any]] = {}
        self._filter = ""
        self._projects = False  # a project campaign's list: project sites, not townships
        # A follow-up round without a checklist: township id -> (to verify, checked), its
        # progress; None for a round that fills in the checklist.
        self._work: dict[str, tuple[int, int]] | None = None

    # -- loading -------------------------------------------------------------------------
    def load(self, session: Session | Database, campaign_id: str | None) -> None:
        from inspector.core.ids import CampaignId
        from inspector.ui.changes import session_of

        s = session_of(session)
        campaign = CampaignId(campaign_id) if campaign_id else None
        self._work = (
            s.follow_ups.summary(campaign)
            if campaign and not s.follow_ups.has_checklist(campaign)
            else None
        )
        self.set_rows(s.inspections.overview(campaign) if campaign else [])

    def shows_work_list(self) -> bool:
        """Whether the campaign is a follow-up round that only verifies problems."""
        return self._work is not None

    def set_work(self, work: dict[str, tuple[int, int]]) -> None:
        """New work-list counts of a follow-up round; repaints the progress cells that change."""
        if self._work is None:
            return
        old, self._work = self._work, work
        counties: set[int] = set()
        for township, (c, r) in self._shown.items():
            if old.get(township) != work.get(township):
                index = self.createIndex(r, PROGRESS, c + 1)
                self.dataChanged.emit(index, index)
                counties.add(c)
        for c in counties:
            index = self.createIndex(c, PROGRESS, 0)
            self.dataChanged.emit(index, index)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """The overview's rows, each given what the tree shows of its progress."""
        for row in rows:
            _decorate(row)
        projects = bool(rows) and all(r["kind"] == "项目" for r in rows)
        if projects != self._projects:
            self._projects = projects
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, NAME, NAME)
        self._all = rows
        self._by_id = {r["township_id"]: r for r in rows}
        self._rebuild()

    def update_rows(self, rows: list[dict[str, Any]]) -> list[str]:
        """New figures for some townships, in place; returns the ids it did not hold (a
        township new to the list: the caller reloads)."""
        unknown: list[str] = []
        counties: set[int] = set()
        for new in rows:
            old = self._by_id.get(new["township_id"])
            if (
                old is None
                or old["county_id"] != new["county_id"]
                or old["township"] != new["township"]
            ):
                unknown.append(new["township_id"])
                continue
            where = self._shown.get(new["township_id"])
            before = self._looks(lambda col, role, o=old: self._township_data(o, col, role))
            old.update(_decorate(new))
            if where is not None:
                c, r = where
                after = self._looks(lambda col, role, o=old: self._township_data(o, col, role))
                self._cells_changed(r, c + 1, before, after)
                counties.add(c)
        for c in counties:
            county = self._counties[c]
            before = self._looks(lambda col, role, k=county: self._county_data(k, col, role))
            county.add_up()
            after = self._looks(lambda col, role, k=county: self._county_data(k, col, role))
            self._cells_changed(c, 0, before, after)
        return unknown

    @staticmethod
    def _looks(data: Any) -> list[tuple[Any, Any]]:
        """What each cell shows (text and colour), to repaint only the cells that change."""
        return [
            (data(col, Qt.ItemDataRole.DisplayRole), data(col, Qt.ItemDataRole.ForegroundRole))
            for col in range(NAME, OVERDUE + 1)
        ]

    def _cells_changed(
        self, row: int, parent_id: int, before: list[tuple[Any, Any]], after: list[tuple[Any, Any]]
    ) -> None:
        """One dataChanged per changed cell: a view repaints that cell's rectangle (and
        measures its row), where a range would repaint the whole viewport. A change only
        of the tooltip (the score) needs no repaint: it is read when shown."""
        for column, (was, now) in enumerate(zip(before, after, strict=True)):
            if was != now:
                index = self.createIndex(row, column, parent_id)
                self.dataChanged.emit(index, index)

    def set_filter(self, text: str) -> None:
        text = text.strip()
        if text != self._filter:
            self._filter = text
            self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        counties: dict[str, County] = {}
        needle = self._filter.lower()
        for row in self._all:
            if (
                needle
                and needle not in row["township"].lower()
                and needle not in row["county"].lower()
            ):
                continue
            county = counties.get(row["county_id"])
            if county is None:
                county = counties[row["county_id"]] = County(row["county_id"], row["county"])
            county.townships.append(row)
        self._counties = list(counties.values())
        for county in self._counties:
            county.add_up()
        self._shown = {
            row["township_id"]: (c, r)
            for c, county in enumerate(self._counties)
            for r, row in enumerate(county.townships)
        }
        self.endResetModel()

    def shows_projects(self) -> bool:
        """Whether the list is a project campaign's project sites."""
        return self._projects

    # -- lookup --------------------------------------------------------------------------
    def township_row(self, index: Index) -> dict[str, Any] | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._counties[index.internalId() - 1].townships[index.row()]

    def index_of_township(self, township_id: str) -> QModelIndex:
        where = self._shown.get(township_id)
        return self.createIndex(where[1], 0, where[0] + 1) if where else QModelIndex()

    def township_count(self) -> int:
        return sum(len(c.townships) for c in self._counties)

    # -- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._counties)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._counties[parent.row()].townships)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("TownshipTreeModel", "Project site")
            if self._projects
            else QCoreApplication.translate("TownshipTreeModel", "Township"),
            QCoreApplication.translate("TownshipTreeModel", "Stars"),
            QCoreApplication.translate("TownshipTreeModel", "Progress"),
            QCoreApplication.translate("TownshipTreeModel", "Open"),
            QCoreApplication.translate("TownshipTreeModel", "Overdue"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._county_data(self._counties[index.row()], index.column(), role)
        row = self._counties[index.internalId() - 1].townships[index.row()]
        return self._township_data(row, index.column(), role)

    def _county_data(self, county: County, column: int, role: int) -> Any:
        if role == CountyIdRole:
            return county.id
        if role != Qt.ItemDataRole.DisplayRole and role != Qt.ItemDataRole.ForegroundRole:
            if role == Qt.ItemDataRole.TextAlignmentRole and column >= OPEN:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        towns = county.townships
        overdue = county.overdue_problems
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_OVERDUE_COLOUR) if column == OVERDUE and overdue else None
        if column == NAME:
            return f"{county.name} ({len(towns)})"
        if column == PROGRESS and self._work is not None:
            total = checked = 0
            for row in towns:
                n, done = self._work.get(row["township_id"], (0, 0))
                total, checked = total + n, checked + done
            return _checked_text(checked, total)
        if column == PROGRESS:
            return QCoreApplication.translate("TownshipTreeModel", "{0}/{1} finished").format(
                county.finished, len(towns)
            )
        if column == OPEN:
            return county.open_problems
        if column == OVERDUE:
            return overdue
        return None

    def _township_data(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return row["township"]
            if column == STARS:
                return row["stars_text"]
            if column == PROGRESS and self._work is not None:
                total, checked = self._work.get(row["township_id"], (0, 0))
                return _checked_text(checked, total) if total else "—"
            if column == PROGRESS:
                if row["started"] and not row["complete"]:
                    return QCoreApplication.translate("TownshipTreeModel", "{0} {1}/{2}").format(
                        progress_label(row["progress"]), row["answered"] or 0, row["items"] or 0
                    )
                return progress_label(row["progress"])
            if column == OPEN:
                return row["open_problems"]
            if column == OVERDUE:
                return row["overdue_problems"]
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column in (OPEN, OVERDUE):
                return lights_tip(row)
            if self._work is not None:
                total, checked = self._work.get(row["township_id"], (0, 0))
                return QCoreApplication.translate(
                    "TownshipTreeModel", "{0}: {1} of {2} problems checked in this follow-up round"
                ).format(row["township"], checked, total)
            if not row["started"]:
                return QCoreApplication.translate(
                    "TownshipTreeModel", "{0}: not inspected yet"
                ).format(row["township"])
            if not row["complete"]:
                return QCoreApplication.translate(
                    "TownshipTreeModel",
                    "{0}: provisional score {1:.1f}, only {2}/{3} items answered",
                ).format(
                    row["township"], row["score"] or 0.0, row["answered"] or 0, row["items"] or 0
                )
            return QCoreApplication.translate(
                "TownshipTreeModel", "{0}: score {1:.1f}, {2}/{3} items answered"
            ).format(row["township"], row["score"] or 0.0, row["answered"] or 0, row["items"] or 0)
        elif role == Qt.ItemDataRole.ForegroundRole:
            if column == OVERDUE and row["overdue_problems"]:
                return QBrush(_OVERDUE_COLOUR)
            if column == OVERDUE and row.get("due_soon_problems"):
                return QBrush(_DUE_SOON_COLOUR)  # a yellow light: none late, some due soon
            if column == STARS and row["started"] and not row["complete"]:
                return QBrush(_DIM_COLOUR)  # provisional: not the township's result yet
            if column == STARS and row["stars"] is not None and row["stars"] <= 1:
                return QBrush(_OVERDUE_COLOUR)
            if column == PROGRESS and self._work is not None:
                total, checked = self._work.get(row["township_id"], (0, 0))
                return QBrush(_DIM_COLOUR) if checked < total or not total else None
            if column == PROGRESS and not row["started"]:
                return QBrush(_DIM_COLOUR)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column >= OPEN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == TownshipIdRole:
            return row["township_id"]
        elif role == InspectionIdRole:
            return row["inspection_id"]
        elif role == CountyIdRole:
            return row["county_id"]
        return None


def _checked_text(checked: int, total: int) -> str:
    return QCoreApplication.translate("TownshipTreeModel", "{0}/{1} checked").format(checked, total)


def _decorate(row: dict[str, Any]) -> dict[str, Any]:
    """What the tree shows of a township's progress, added to its overview row."""
    from inspector.core.scoring import star_text
    from inspector.store.inspections import FINISHED, NOT_STARTED, progress

    state = progress(row["answered"] or 0, row["items"] or 0, row["status"])
    row["progress"] = state
    row["started"] = state != NOT_STARTED
    row["finished"] = state == FINISHED
    row["complete"] = (row["answered"] or 0) >= (row["items"] or 0)
    row["stars_text"] = star_text(row["stars"]) if row["started"] else ""
    return row


class TownshipTree(QWidget):
    """The filter box and the tree; emits the selected township's id (or None)."""

    township_selected = Signal(object)
    county_selected = Signal(object)  # the county's id when a county's own line is chosen

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = TownshipTreeModel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Find a township…"))
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAllColumnsShowFocus(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        self.name_room = NameRoom(self.view, NAME)  # the names never cut to "定…"
        # Sized to their contents after each full load (`_after_reset`), not kept so: a
        # ResizeToContents section re-measures the whole column on every changed line.
        for column in (STARS, PROGRESS, OPEN, OVERDUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._selected: str | None = None
        self._county: str | None = None  # the county line chosen (None when a township is)
        self._session: Session | None = None
        self._campaign_id: str | None = None
        self._names_of: list[dict[str, Any]] | None = None
        self._figure_widths: dict[int, int] = {}
        self._measured_whole = False
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self._filter_timer.timeout.connect(self._on_filter)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def load(self, session: Session | None, campaign_id: str | None) -> None:
        """Reload the figures, keeping the selected township; from now on the session's
        changes to townships' figures update their lines."""
        if session is None:
            return
        if session is not self._session:
            from inspector.ui.changes import signals_of

            if self._session is not None:
                signals_of(self._session).changed.disconnect(self._on_changed)
            self._session = session
            signals_of(session).changed.connect(self._on_changed)
        self._campaign_id = campaign_id
        keep = self._selected
        self.model.load(session, campaign_id)
        self.filter_edit.setPlaceholderText(
            self.tr("Find a project site…")
            if self.model.shows_projects()
            else self.tr("Find a township…")
        )
        self._after_reset(keep)

    def _on_changed(self, changes: Changes) -> None:
        """The lines of the townships a write touched; the whole tree is the window's job
        (a new campaign list, a change of the township list, an import)."""
        from inspector.store.session import INSPECTIONS, NOTICES, PROBLEMS, SCORES

        if (
            changes.everything
            or not changes.townships
            or self._session is None
            or not self._campaign_id
            or not changes.touches(SCORES, INSPECTIONS, PROBLEMS, NOTICES)
        ):
            return
        from inspector.core.ids import CampaignId

        if self.model.shows_work_list() and changes.touches(PROBLEMS):
            self.model.set_work(self._session.follow_ups.summary(CampaignId(self._campaign_id)))
        rows = self._session.inspections.overview(CampaignId(self._campaign_id), changes.townships)
        if self.model.update_rows(rows):
            self.load(self._session, self._campaign_id)

    def _on_filter(self) -> None:
        keep = self._selected
        self.model.set_filter(self.filter_edit.text())
        self._after_reset(keep)

    def _after_reset(self, keep: str | None) -> None:
        if self.filter_edit.text().strip() or self.model.rowCount() <= 12:
            self.view.expandAll()
        self._fit_columns()
        if keep:
            self.select_township(keep)

    def _fit_columns(self) -> None:
        """The figures sized to their widest cell and the names given their room, measured
        once per load (`name_room`), not on every filter keystroke."""
        rows = self.model._all
        whole = not self.model._filter  # counties' totals, as shown, are the whole ones
        if self._names_of is not rows or (whole and not self._measured_whole):
            self._names_of, self._measured_whole = rows, whole
            columns = (STARS, PROGRESS, OPEN, OVERDUE)
            self._figure_widths = figure_widths(self.view, self.model, columns)
            self.name_room.room = name_room(self.view, (r["township"] for r in rows))
            self.updateGeometry()
        for column, width in self._figure_widths.items():
            self.view.setColumnWidth(column, width)
        self.name_room.fit()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self.name_room.room:  # nothing loaded: no names to make room for
            return hint
        return QSize(
            max(hint.width(), minimum_width(self.view, self.name_room.room)), hint.height()
        )

    def select_township(self, township_id: str) -> bool:
        index = self.model.index_of_township(township_id)
        if not index.isValid():
            return False
        self.view.expand(index.parent())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def selected_township(self) -> str | None:
        return self._selected

    def selected_county(self) -> str | None:
        """The county whose own line is current, if one is (its lists show that county)."""
        return self._county

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.township_row(current)
        township = row["township_id"] if row else None
        if township is None and not current.isValid():
            return
        county = None if row else self.model.data(current, CountyIdRole)
        county_changed = county != self._county
        self._county = county
        if township != self._selected:
            self._selected = township
            self.township_selected.emit(township)
        if county_changed:
            self.county_selected.emit(county)
