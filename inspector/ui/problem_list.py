"""The 问题清单 tab: a filter bar over the paged problem table, and the side panel.

Every filter is SQL. The free-text box waits for a pause in typing
(`TEXT_DELAY_MS`) before it asks the database, so typing a word costs one
query, not one per key.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.core.ids import ProblemId, TownshipId
from inspector.core.problems import Action, Light, Status
from inspector.store.problems import ProblemFilter
from inspector.store.session import Session
from inspector.ui.changes import session_of
from inspector.ui.no_wheel import guard_wheels_under
from inspector.ui.problem_actions import MAX_BATCH, ProblemActions
from inspector.ui.problem_model import (
    COLUMNS,
    DEADLINE_COLUMN,
    ProblemIdRole,
    ProblemTableModel,
    StatusRole,
    light_label,
    status_label,
)
from inspector.ui.problem_panel import ProblemPanel

TEXT_DELAY_MS = 250
_ALL = ""  # item data of the "All …" entries: never None (see `chosen`)
# The columns beside the problem text start narrow (they can be widened by hand): their
# sum is what the stretched text column loses, and at 1280×720 the old widths left it
# three characters.
_WIDTHS = {
    "county": 56,
    "township": 80,
    "item_id": 44,
    "text": 300,
    "responsible_unit": 84,
    "deadline": 84,
    "status": 72,
    "overdue": 52,
    "notice_number": 96,
    "light": 36,
    "extensions": 40,
}


def chosen(combo: QComboBox) -> str | None:
    """The id behind a combo's current entry; None for "All …" or an empty combo.

    PySide6 6.12 drops a reference to None each time it hands back an empty
    QVariant (`currentData()` of an entry without data), and enough of them
    crash the interpreter; so entries always carry a string and an empty
    combo is never asked.
    """
    if combo.currentIndex() < 0:
        return None
    return combo.currentData() or None


class ProblemListWidget(QWidget):
    """Problems of a campaign (or all), filtered and sorted in SQL, edited in a side panel."""

    changed = Signal()  # after any write: the township tree's counts are stale

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
        self._fixed_today = today
        self._campaign_id: str | None = None
        self._fixed_township: str | None = None
        self._restoring = False
        self._moving_on = False
        self._shown_once = False
        self._select_single_when_found = False  # Enter pressed while a long search ran
        self._towns: list[dict[str, Any]] = []
        self.model = ProblemTableModel(self._session, self)
        self.problem_actions = ProblemActions(self._session, self, today=self.today)
        self._build()
        self._connect_signals()
        self._load_choices()
        self.apply_filter()

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    # -- layout --------------------------------------------------------------

    def _build(self) -> None:
        self.campaign_combo = QComboBox()
        self.campaign_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.county_combo = QComboBox()
        self.township_combo = QComboBox()
        self.township_combo.setMinimumContentsLength(8)
        self.overdue_check = QCheckBox(self.tr("Overdue only"))
        self.status_buttons: dict[Status, QToolButton] = {}
        for status in Status:
            button = QToolButton()
            button.setText(status_label(status))
            button.setCheckable(True)
            button.setObjectName(f"status_{status.value}")
            button.setToolTip(self.tr("Show problems in this state (none pressed: all)"))
            self.status_buttons[status] = button
        self.light_buttons: dict[Light, QToolButton] = {}
        for light in Light:
            button = QToolButton()
            button.setText(light_label(light))
            button.setCheckable(True)
            button.setObjectName(f"light_{light.value}")
            button.setToolTip(self.tr("Show problems with this deadline light (none pressed: all)"))
            self.light_buttons[light] = button
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search problem, township, responsible unit or item…")
        )
        self.count_label = QLabel()
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add problem…"))
        self.add_button.setToolTip(self.tr("Record a problem no checklist item gave"))
        self.text_timer = QTimer(self)
        self.text_timer.setSingleShot(True)
        self.text_timer.setInterval(TEXT_DELAY_MS)

        self.campaign_label = QLabel(self.tr("Campaign"))
        self.county_label = QLabel(self.tr("County"))
        self.township_label = QLabel(self.tr("Township"))
        first = QHBoxLayout()
        first.addWidget(self.campaign_label)
        first.addWidget(self.campaign_combo)
        first.addSpacing(8)
        first.addWidget(self.county_label)
        first.addWidget(self.county_combo)
        first.addWidget(self.township_label)
        first.addWidget(self.township_combo)
        first.addStretch()
        first.addWidget(self.add_button)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Status")))
        for button in self.status_buttons.values():
            second.addWidget(button)
        second.addSpacing(8)
        second.addWidget(self.overdue_check)
        second.addSpacing(8)
        second.addWidget(QLabel(self.tr("Light")))
        for button in self.light_buttons.values():
            second.addWidget(button)
        second.addSpacing(8)
        second.addWidget(self.search_edit, 1)
        second.addWidget(self.count_label)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSortIndicator(DEADLINE_COLUMN, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        for n, (key, _sort) in enumerate(COLUMNS):
            self.view.setColumnWidth(n, _WIDTHS[key])
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setSortingEnabled(True)

        self.panel = ProblemPanel(self._session, self.problem_actions.actions, self.today)
        self.panel.change_source = self  # its writes are this list's: it reloads itself
        self.problem_actions.before_step = self.panel.save_if_dirty
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(160)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([520, 360])

        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.splitter, 1)
        guard_wheels_under(self)

    def _connect_signals(self) -> None:
        self.campaign_combo.currentIndexChanged.connect(self._on_campaign_chosen)
        self.county_combo.currentIndexChanged.connect(self._on_county_chosen)
        self.township_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.overdue_check.toggled.connect(self._on_filter_changed)
        for button in (*self.status_buttons.values(), *self.light_buttons.values()):
            button.toggled.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(self._on_text_edited)
        self.search_edit.returnPressed.connect(self._on_text_committed)
        self.search_edit.installEventFilter(self)
        self.text_timer.timeout.connect(self.apply_filter)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_indicator)
        self.problem_actions.done.connect(self._on_written)
        self.panel.saved.connect(self._on_written)
        self.panel.deleted.connect(self._on_written)
        self.add_button.clicked.connect(self.add_problem)
        self.model.search_finished.connect(self._on_search_finished)

    # -- public API ----------------------------------------------------------

    def set_campaign(self, campaign_id: str | None) -> None:
        """Show this campaign's problems. The campaign is then the caller's (the main
        window's toolbar): the tab's own selector is hidden, so the two cannot disagree."""
        self._campaign_id = campaign_id
        self._select_data(self.campaign_combo, campaign_id)
        for w in (self.campaign_label, self.campaign_combo):
            w.setVisible(campaign_id is None)
        self.apply_filter()

    def set_township(self, township_id: str | None) -> None:
        """Show one township's problems only (the township page), or all again."""
        self._fixed_township = township_id
        for w in (self.county_label, self.county_combo, self.township_label, self.township_combo):
            w.setVisible(township_id is None)
        self.apply_filter()

    def set_county(self, county_id: str | None) -> None:
        """Choose a county in the filter bar (None: all counties), as the tree's county line
        does; the list follows at the next `set_township` or `apply_filter`."""
        blocked = self.county_combo.blockSignals(True)
        try:
            self._select_data(self.county_combo, county_id)
        finally:
            self.county_combo.blockSignals(blocked)
        self._fill_townships()

    def refresh(self) -> None:
        """Read everything again: after an import, or when another view wrote."""
        self.panel.save_if_dirty()
        self._load_choices()
        self._reload_keeping_selection()

    def showEvent(self, event: QShowEvent) -> None:
        # The checklist adds problems while this tab is hidden: show them on return.
        if not event.spontaneous() and self._shown_once:
            self.refresh()
        self._shown_once = True
        super().showEvent(event)

    def add_problem(self) -> str | None:
        """Record a problem by hand (`AddProblemDialog`); its id, selected, or None."""
        from inspector.ui.add_problem_dialog import AddProblemDialog
        from inspector.ui.errors import show_error

        self.panel.save_if_dirty()
        today = self.today()
        days = int(self._session.settings.get("default_deadline_days") or 30)
        township = (
            self._fixed_township
            or chosen(self.township_combo)
            or (
                self.panel.problem_ids
                and self._session.problems.get(ProblemId(self.panel.problem_ids[0]))["township_id"]
            )
            or None
        )
        towns = [
            t
            for t in self._towns
            if not chosen(self.county_combo) or t["county_id"] == chosen(self.county_combo)
        ]
        dialog = AddProblemDialog(
            towns,
            township,
            self._session.catalog.responsible_unit,
            today,
            today + dt.timedelta(days=days),
            self,
        )
        chosen_town = dialog.township_id() if self._run_dialog(dialog) else None
        if chosen_town is None:
            return None
        try:
            row = self._session.problems.add(
                TownshipId(chosen_town),
                dialog.problem_text(),
                dialog.deadline(),
                campaign_id=chosen(self.campaign_combo),
                responsible_unit=dialog.unit(),
                found_on=today.isoformat(),
                source=self,
            ).value
        except Exception as exc:
            show_error(self, exc, self.tr("Problem not added"))
            return None
        self.model.reload()
        missing = self._select_ids([row["id"]], [])
        self._sync_panel([row["id"]] if missing else None)  # beyond the loaded page: shown
        self.changed.emit()
        return str(row["id"])

    @staticmethod
    def _run_dialog(dialog: QDialog) -> bool:
        """The dialog's answer (a seam: tests answer it without a modal loop)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def focus_filter(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def current_filter(self) -> ProblemFilter:
        """The filter bar's values as the store's filter."""
        statuses = tuple(s.value for s, b in self.status_buttons.items() if b.isChecked())
        township = self._fixed_township or chosen(self.township_combo)
        campaign = chosen(self.campaign_combo)
        return ProblemFilter(
            campaign_id=campaign,
            # a follow-up round lists its work list with what it recorded itself
            work_list_of=campaign if campaign in self._follow_up_rounds() else None,
            lights=tuple(light.value for light, b in self.light_buttons.items() if b.isChecked()),
            county_id=None if self._fixed_township else chosen(self.county_combo),
            township_id=township,
            statuses=statuses,
            overdue_only=self.overdue_check.isChecked(),
            text=self.search_edit.text(),
            today=self.today(),
        )

    def _follow_up_rounds(self) -> set[str]:
        """The follow-up rounds (回头看) among the campaigns, as last read."""
        return getattr(self, "_rounds", set())

    def apply_filter(self) -> None:
        """Run the query for the filter bar's current values (the debounced slot)."""
        self.text_timer.stop()
        self.panel.save_if_dirty()
        f = self.current_filter()
        self._select_single_when_found = False
        self.panel.set_follow_up(f.work_list_of)
        self.model.set_filter(f)
        self._sync_panel()

    # -- choices in the combos -----------------------------------------------

    def _load_choices(self) -> None:
        campaign = (
            self._campaign_id if self.campaign_combo.count() == 0 else chosen(self.campaign_combo)
        )
        county = chosen(self.county_combo)
        township = chosen(self.township_combo)
        for combo in (self.campaign_combo, self.county_combo, self.township_combo):
            combo.blockSignals(True)
        self.campaign_combo.clear()
        self.campaign_combo.addItem(self.tr("All campaigns"), _ALL)
        listed = self._session.catalog.campaigns()
        self._rounds = {c["id"] for c in listed if c.get("follow_up_of")}
        for c in listed:
            self.campaign_combo.addItem(c["name"], c["id"])
        self._towns = self._session.catalog.townships(with_projects=True)  # project sites too
        self.county_combo.clear()
        self.county_combo.addItem(self.tr("All counties"), _ALL)
        seen: set[str] = set()
        for t in self._towns:
            if t["county_id"] not in seen:
                seen.add(t["county_id"])
                self.county_combo.addItem(t["county"], t["county_id"])
        self._select_data(self.campaign_combo, campaign)
        self._select_data(self.county_combo, county)
        self._fill_townships()
        self._select_data(self.township_combo, township)
        for combo in (self.campaign_combo, self.county_combo, self.township_combo):
            combo.blockSignals(False)

    def _fill_townships(self) -> None:
        county = chosen(self.county_combo)
        self.township_combo.blockSignals(True)
        self.township_combo.clear()
        self.township_combo.addItem(self.tr("All townships"), _ALL)
        for t in self._towns:
            if county is None or t["county_id"] == county:
                label = t["name"] if county else f"{t['county']} {t['name']}"
                self.township_combo.addItem(label, t["id"])
        self.township_combo.blockSignals(False)

    @staticmethod
    def _select_data(combo: QComboBox, value: str | None) -> None:
        index = combo.findData(value or _ALL)
        combo.setCurrentIndex(max(index, 0))

    # -- selection -----------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedRows())

    def _selection(self) -> tuple[list[str], list[str]]:
        ids, statuses = [], []
        for row in self.selected_rows():
            index = self.model.index(row, 0)
            pid = self.model.data(index, ProblemIdRole)
            if pid is not None:
                ids.append(pid)
                statuses.append(self.model.data(index, StatusRole))
        return ids, statuses

    def _sync_panel(self, ids: list[str] | None = None) -> None:
        """Point the panel and the actions at the selection (or at `ids`)."""
        rows = self.selected_rows()
        if ids is None and len(rows) > MAX_BATCH:
            self.problem_actions.set_selection([], [])
            self.panel.show_problems([])
            self._show_count(len(rows))
            return
        if ids is None:
            ids, statuses = self._selection()
        else:
            statuses = [self._session.problems.get(ProblemId(pid))["status"] for pid in ids]
        self.problem_actions.set_selection(ids, statuses)
        self.panel.show_problems(ids)
        self._show_count(len(rows))

    def _show_count(self, selected: int) -> None:
        if self.model.searching():
            text = self.tr("Searching… %n found so far", "", self.model.total())
        else:
            text = self.tr("%n problem(s)", "", self.model.total())
        if selected > MAX_BATCH:
            text += " · " + self.tr("%n selected: too many for one step", "", selected)
        elif selected > 1:
            text += " · " + self.tr("%n selected", "", selected)
        self.count_label.setText(text)

    def _select_ids(self, ids: list[str], hint_rows: list[int]) -> list[str]:
        """Select these problems again after a reload; returns the ids not found."""
        for row in hint_rows:
            self.model.row_dict(row)  # bring the page that held them back in memory
        selection = self.view.selectionModel()
        selection.clearSelection()
        missing: list[str] = []
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        first: QModelIndex | None = None
        for pid in ids:
            found = self.model.row_of(pid)
            if found is None:
                missing.append(pid)
                continue
            index = self.model.index(found, 0)
            selection.select(index, flags)
            first = first or index
        if first is not None:
            selection.setCurrentIndex(first, selection.SelectionFlag.NoUpdate)
        return missing

    def _reload_keeping_selection(self) -> None:
        ids, _ = self._selection()
        if not ids and not self._moving_on:
            ids = self.panel.problem_ids
        hint = self.selected_rows()
        self._restoring = True
        try:
            self.model.reload()
            missing = self._select_ids(ids, hint)
        finally:
            self._restoring = False
        # A problem that left the list (say, closed under an "open" filter) stays in the
        # panel, so the user sees what the step did.
        self._sync_panel(ids if missing and not self._moving_on else None)

    # -- slots ---------------------------------------------------------------

    def _on_campaign_chosen(self) -> None:
        self._campaign_id = chosen(self.campaign_combo)
        self.apply_filter()

    def _on_county_chosen(self) -> None:
        self._fill_townships()
        self.apply_filter()

    def _on_filter_changed(self) -> None:
        self.apply_filter()

    def _on_text_edited(self) -> None:
        self.text_timer.start()

    def _on_text_committed(self) -> None:
        """Enter searches at once; a single match is selected, ready to edit."""
        if self.text_timer.isActive():
            self.apply_filter()
        if self.model.searching():
            self._select_single_when_found = True
        elif self.model.total() == 1:
            self._select_first()

    def _on_search_finished(self) -> None:
        """A long search answered: the full count, and Enter's single match selected."""
        if self._select_single_when_found and self.model.total() == 1:
            self._select_first()
        self._select_single_when_found = False
        self._show_count(len(self.selected_rows()))

    def _select_first(self) -> None:
        if self.model.rowCount() == 0:
            return
        index = self.model.index(0, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            self.view.selectionModel().SelectionFlag.ClearAndSelect
            | self.view.selectionModel().SelectionFlag.Rows,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the search box goes to the results: the first (or single) match.
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            if self.text_timer.isActive():
                self.apply_filter()
            self._select_first()
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _on_selection_changed(self) -> None:
        if self._restoring:
            return
        if self.panel.is_dirty():
            # Keep what was typed; the reload that follows keeps the new selection.
            self._moving_on = True
            try:
                self.panel.save_if_dirty()
            finally:
                self._moving_on = False
        self._sync_panel()

    def _on_written(self) -> None:
        self._reload_keeping_selection()
        self.changed.emit()

    def _on_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            # Put the arrow back on the column the list is really sorted by.
            QTimer.singleShot(
                0, lambda: self.view.horizontalHeader().setSortIndicator(*self.model.sort_key())
            )

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The life-cycle steps for the row under `pos` (None off the rows)."""
        if not self.view.indexAt(pos).isValid():
            return None
        menu = QMenu(self)
        for action in (Action.START, Action.RECTIFY, Action.CLOSE, Action.REJECT):
            menu.addAction(self.problem_actions.actions[action])
        return menu

    def _on_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()
