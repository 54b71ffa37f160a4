"""The main window: campaign selector, township tree, and the tabs of the working day.

Tabs: the selected township's page, its checklist, and (from their own
modules) the problem list and the notices. Every widget reads the one GUI
connection; long work goes to the worker with its own connection.

Switching the language rebuilds the window's contents in place (`rebuild`),
keeping the campaign, township and tab, so every string — ours and the
other modules' — comes back translated without each widget needing its
own retranslation code.

Start-up shows the window first and fills it after: the frame, menus,
toolbar and an empty tree paint at once, then `load` opens the database
if the window was made without one, reads the campaigns and fills the tree
and the page (`loaded` tells when). The store, the checklist, the problem
list, the notices, the dialogs and the report viewer are imported when
first used, and the tabs are created the first time they are shown
(`LazyTabs`), so none of them costs anything before the window is on screen.

Every write goes through the window's session (`store.session.Session`);
its `Changes` come back through one signal (`ui.changes`), and each view
re-reads only what concerns it: an answer refreshes the checklist's header,
its township's line in the tree and the page; an import, a restore or a
resolved conflict refreshes everything. F5 still re-reads every view.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMetaMethod, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from inspector import __version__
from inspector.errors import is_user_error
from inspector.ui import i18n
from inspector.ui.changes import session_of, signals_of
from inspector.ui.heap import keep_out_of_collections
from inspector.ui.lazy_tabs import LazyTabs
from inspector.ui.no_wheel import guard_wheel
from inspector.ui.township_page import TownshipPage, no_checklist_tip
from inspector.ui.township_tree import TownshipTree

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector.store.session import Changes, Session
    from inspector.ui.checklist import ChecklistWidget
    from inspector.ui.notices import NoticeListWidget
    from inspector.ui.problem_list import ProblemListWidget
    from inspector.ui.ranking_view import RankingView

PAGE_TAB, CHECKLIST_TAB, PROBLEMS_TAB, NOTICES_TAB, RANKING_TAB = range(5)
CHECKPOINT_INTERVAL_MS = 20_000


# What a window manager's frame takes before the window is shown and the real frame
# known: the sides and a title bar, generously (Windows 10 at 150 %).
_FRAME_GUESS = (16, 48)


def fit_into(window: QWidget, available: QRect) -> None:
    """Shrink and move a top-level window so that its frame lies inside `available`."""
    frame = window.frameGeometry()
    if window.isVisible():
        extra_w = max(0, frame.width() - window.width())
        extra_h = max(0, frame.height() - window.height())
    else:
        extra_w, extra_h = _FRAME_GUESS
        frame = QRect(frame.x(), frame.y(), window.width() + extra_w, window.height() + extra_h)
    width = min(window.width(), available.width() - extra_w)
    height = min(window.height(), available.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(frame.x(), available.left()), available.right() + 1 - width - extra_w)
    y = min(max(frame.y(), available.top()), available.bottom() + 1 - height - extra_h)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class MainWindow(QMainWindow):
    """The window on `db`, or, made with None, on the file `db_path` opened by `load`.

    `saved_geometry` is the window_geometry setting for a window made before
    its database is open (a window given its database reads it from there).
    """

    loaded = Signal()  # the first fill (`load`) is done: campaigns, tree and page are shown
    open_failed = Signal(object)  # the exception: `load` could not open db_path

    def __init__(
        self,
        db: Session | Database | None,
        db_path: str,
        parent: QWidget | None = None,
        *,
        saved_geometry: str | None = None,
    ):
        super().__init__(parent)
        self.session: Session | None = None
        self.db_path = db_path
        self.campaign_id: str | None = None
        self.is_loaded = False
        self.remember_state = True  # off for --selftest: a check must not resize the user's window
        self.startup_checks = True  # off for --selftest: no question may wait for an answer
        self._load_scheduled = False
        self._list_state: dict[int, tuple[str | None, ...]] = {}
        self._stale: set[int] = set()  # lists that missed a change while hidden
        # The GUI's connection never checkpoints the WAL itself (a checkpoint on a
        # large database stalls a key press for 100 ms and more); the worker does it.
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setInterval(CHECKPOINT_INTERVAL_MS)
        self._checkpoint_timer.timeout.connect(self._checkpoint_in_worker)
        if db is not None:
            self._use_session(session_of(db))
        self._build()
        if self.session is not None:
            saved_geometry = self.session.settings.get("window_geometry")
        self._restore_geometry(saved_geometry)
        self.page.show_loading()
        self._update_actions()

    @property
    def db(self) -> Database | None:
        """The session's connection (None until `load` has opened it)."""
        return self.session.db if self.session is not None else None

    @property
    def database(self) -> Database:
        """The open database: everything that reads or writes runs only after `load` opened it."""
        if self.db is None:
            raise RuntimeError("the main window's database is not open yet")
        return self.db

    def _use_session(self, session: Session) -> None:
        """Work on `session` from now on: its changes reach the views."""
        if self.session is not None:
            signals_of(self.session).changed.disconnect(self._on_changed)
        self.session = session
        signals_of(session).changed.connect(self._on_changed)

    def load(self) -> None:
        """Fill the window from the database: campaigns, the tree, the page, the sync line.

        Runs by itself just after the window's first paint; call it directly to
        fill a window that is not shown. A window made without its database
        opens it first; if that fails, `open_failed` (when connected) gets the
        exception and the window stays empty.
        """
        self._load_scheduled = True
        if self.session is None and not self._open_own_database():
            return
        assert self.session is not None
        self._load_campaigns(self.session.settings.get("last_campaign"))
        self._show_sync_status()
        self.is_loaded = True
        self._enable_database_actions(True)
        self._checkpoint_timer.start()
        self._take_daily_backup()
        if self.startup_checks:
            self._warn_at_start()
        keep_out_of_collections()  # the province's rows stay: no full collection walks them
        self.loaded.emit()

    def _take_daily_backup(self) -> None:
        """The day's backup copy, in the worker (once a day, whoever opens the database)."""
        from inspector.ui.backup_dialog import start_daily_backup

        if self.db_path != ":memory:":
            self._daily_backup_job = start_daily_backup(
                self.db_path, on_failure=self._daily_backup_failed, session=self.session
            )

    def _daily_backup_failed(self, exc: BaseException) -> None:
        """The day's check found the file damaged (or the copy failed): say so, not block."""
        from inspector.ui.messages import describe_for_user

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Daily backup"),
            describe_for_user(exc),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("daily_backup_failed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.startup_boxes = [*getattr(self, "startup_boxes", []), box]

    def _warn_at_start(self) -> None:
        """Non-blocking warnings: a clock far behind the last change, a copied database."""
        from inspector.ui.device_dialogs import startup_warnings

        self.startup_boxes = startup_warnings(self, self.database, self.refresh)

    def _open_own_database(self) -> bool:
        from inspector.store.session import Session

        try:
            session = Session.open(self.db_path, autocheckpoint=False)
        except Exception as exc:
            if not self.isSignalConnected(QMetaMethod.fromSignal(self.open_failed)):
                raise
            self.open_failed.emit(exc)
            return False
        self._use_session(session)
        self.page.set_database(session)
        return True

    def _checkpoint_in_worker(self) -> None:
        """Fold the WAL into the database file off the GUI thread, on its own connection."""
        from inspector.store.db import checkpoint_file
        from inspector.ui.worker import Job, start_job

        if self.db is not None:
            self._checkpoint_job = start_job(
                Job(lambda _progress, path: checkpoint_file(path), self.db_path)
            )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._load_scheduled:
            screen = self.screen()
            if screen is not None and not self.isMaximized():
                fit_into(self, screen.availableGeometry())  # now with the real frame
            # The frame is on screen: fill it once this paint is flushed.
            self._load_scheduled = True
            QTimer.singleShot(0, self._load_once)

    def _load_once(self) -> None:
        if not self.is_loaded:
            self.load()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        # Qt appends the application display name ("… — 督查通 Inspector").
        self.setWindowTitle(Path(self.db_path).name)
        self.campaign_combo = QComboBox(self)
        self.campaign_combo.setMinimumContentsLength(24)
        self.campaign_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        guard_wheel(self.campaign_combo)  # a wheel over the toolbar does not switch campaigns
        self.tree = TownshipTree(self)
        self.page = TownshipPage(self.session, self)
        self.checklist: ChecklistWidget | None = None
        self.problem_list: ProblemListWidget | None = None
        self.notice_list: NoticeListWidget | None = None
        self.ranking: RankingView | None = None
        self.tabs = QTabWidget(self)
        self.lazy_tabs = LazyTabs(self.tabs)
        self.tabs.addTab(self.page, self.tr("Township"))
        self.lazy_tabs.add(CHECKLIST_TAB, self.tr("Checklist"), self._create_checklist)
        self._add_optional_tabs()
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([430, 1000])
        self.setCentralWidget(self.splitter)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._enable_database_actions(self.is_loaded)
        self.db_label = QLabel(self.tr("Database: {0}").format(self.db_path), self)
        self.sync_label = QLabel(self)
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.sync_label.setVisible(False)
        self._connect_signals()

    def _add_optional_tabs(self) -> None:
        """The problem list and notices, from their own modules."""
        self.lazy_tabs.add(PROBLEMS_TAB, self.tr("Problems"), self._create_problem_list)
        self.lazy_tabs.add(NOTICES_TAB, self.tr("Notices"), self._create_notice_list)
        self.lazy_tabs.add(RANKING_TAB, self.tr("Ranking"), self._create_ranking)

    def _tab_widget(self, index: int) -> QWidget:
        return self.lazy_tabs.widget(index)

    def _create_checklist(self) -> QWidget:
        from inspector.ui.checklist import ChecklistWidget

        assert self.session is not None
        self.checklist = ChecklistWidget(self.session, self)
        return self.checklist

    def _create_problem_list(self) -> QWidget:
        from inspector.ui.problem_list import ProblemListWidget

        assert self.session is not None
        self.problem_list = ProblemListWidget(self.session, self)
        return self.problem_list

    def _create_notice_list(self) -> QWidget:
        from inspector.ui.notices import NoticeListWidget

        assert self.session is not None
        self.notice_list = NoticeListWidget(self.session, self)
        return self.notice_list

    def _create_ranking(self) -> QWidget:
        from inspector.ui.ranking_view import RankingView

        assert self.session is not None
        self.ranking = RankingView(self.session, self)
        self.ranking.set_campaign(self.campaign_id)
        self.ranking.township_activated.connect(self.tree.select_township)
        return self.ranking

    def _checklist_widget(self) -> ChecklistWidget:
        """The checklist, created on first use."""
        self._tab_widget(CHECKLIST_TAB)
        assert self.checklist is not None, "the checklist tab creates the checklist"
        return self.checklist

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_db_action = self._action(
            self.tr("&Open database…"), self._on_open_database, QKeySequence.StandardKey.Open
        )
        self.settings_action = self._action(self.tr("&Settings…"), self._on_settings, "Ctrl+,")
        self.device_action = self._action(self.tr("New &device identity…"), self._on_new_device)
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.new_campaign_action = self._action(self.tr("&New campaign…"), self._on_new_campaign)
        self.setup_campaign_action = self._action(
            self.tr("Campaign set-&up…"), self._on_campaign_setup
        )
        self.checklist_action = self._action(
            self.tr("Open &checklist"),
            self.open_checklist,
            "Ctrl+E",
            self.tr("Fill in the checklist of the selected township"),
        )
        self.finish_action = self._action(
            self.tr("&Finish inspection"), self._on_finish_toggle, "Ctrl+Shift+F"
        )
        self.page_action = self._action(
            self.tr("Township &page"), lambda: self.tabs.setCurrentIndex(PAGE_TAB), "Ctrl+1"
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh
        )
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.find_action = self._action(
            self.tr("&Find"), self._on_find, QKeySequence.StandardKey.Find
        )
        self.about_action = self._action(self.tr("&About"), self._on_about)

    def _enable_database_actions(self, enabled: bool) -> None:
        """The actions that read or write the database wait for the first fill."""
        for action in (
            self.open_db_action,
            self.settings_action,
            self.device_action,
            self.new_campaign_action,
            self.setup_campaign_action,
            self.export_action,
            self.import_action,
            self.conflicts_action,
            self.restore_action,
            self.refresh_action,
            self.trends_action,
            *self.report_actions.values(),
        ):
            action.setEnabled(enabled)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.open_db_action)
        self.file_menu.addSeparator()
        self._add_bundle_actions(self.file_menu)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.device_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.inspection_menu = bar.addMenu(self.tr("&Inspection"))
        for action in (
            self.new_campaign_action,
            self.setup_campaign_action,
            None,
            self.page_action,
            self.checklist_action,
            self.finish_action,
            None,
            self.find_action,
            self.refresh_action,
        ):
            if action is None:
                self.inspection_menu.addSeparator()
            else:
                self.inspection_menu.addAction(action)
        self.trends_action = self._action(self.tr("&Trends across campaigns…"), self._on_trends)
        self.inspection_menu.addAction(self.trends_action)
        from inspector.ui.self_assessment import SelfAssessmentActions

        self.self_assessment = SelfAssessmentActions(
            self,
            lambda: self.session,
            lambda: str(self.db_path),
            lambda: self.campaign_id,
            self.township_id,
        )
        self.inspection_menu.addSeparator()
        self.inspection_menu.addActions(list(self.self_assessment.actions))
        self._add_report_menu(bar)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

    def _add_bundle_actions(self, menu: Any) -> None:
        """Export / import bundles and the conflicts they left, from their own module."""
        self.export_action = self._action(
            self.tr("&Export bundle…"), self._on_export, "Ctrl+Shift+E"
        )
        self.import_action = self._action(self.tr("&Import bundle…"), self._on_import, "Ctrl+I")
        self.conflicts_action = self._action(self.tr("&Conflicts…"), self._on_conflicts)
        self.restore_action = self._action(self.tr("&Restore backup…"), self._on_restore_backup)
        for action in (
            self.export_action,
            self.import_action,
            self.conflicts_action,
            self.restore_action,
        ):
            menu.addAction(action)
        menu.addSeparator()

    def _add_report_menu(self, bar: Any) -> None:
        """The reports, from their own module."""
        menu = bar.addMenu(self.tr("&Reports"))
        self.report_actions = {
            "star": self._action(
                self.tr("Township &feedback form (督查情况反馈表)…"),
                lambda: self.open_report("star"),
                "Ctrl+R",
            ),
            "notice": self._action(
                self.tr("&Rectification notice (整改通知书)…"), lambda: self.open_report("notice")
            ),
            "summary": self._action(
                self.tr("Campaign &summary (星级评定汇总)…"), lambda: self.open_report("summary")
            ),
            "problems": self._action(
                self.tr("&Problem list (问题清单)…"), lambda: self.open_report("problems")
            ),
            "ledger": self._action(
                self.tr("Rectification &ledger (整改台账)…"), lambda: self.open_report("ledger")
            ),
            "bulletin": self._action(
                self.tr("&Bulletin (督查情况通报)…"), lambda: self.open_report("bulletin")
            ),
            "supervise": self._action(
                self.tr("Super&vision orders (督办单)…"), lambda: self.open_report("supervise")
            ),
            "interview": self._action(
                self.tr("&Interview notices (约谈通知)…"), lambda: self.open_report("interview")
            ),
        }
        for action in self.report_actions.values():
            menu.addAction(action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(QLabel(self.tr("Campaign:") + " ", self))
        self.toolbar.addWidget(self.campaign_combo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.checklist_action)
        self.toolbar.addAction(self.finish_action)
        self.toolbar.addAction(self.refresh_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.report_actions["star"])
        self.addToolBar(self.toolbar)

    def _connect_signals(self) -> None:
        self.campaign_combo.currentIndexChanged.connect(self._on_campaign_changed)
        self.tree.township_selected.connect(self._on_township_selected)
        self.tree.county_selected.connect(lambda _county: self._sync_lists())
        self.page.open_checklist.connect(self.open_checklist)
        self.page.finish_requested.connect(self.set_finished)
        self.page.show_problems.connect(self._on_show_problems)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    # -- state ---------------------------------------------------------------------------
    def _load_campaigns(self, prefer: str | None) -> None:
        assert self.session is not None
        self.campaign_combo.blockSignals(True)
        self.campaign_combo.clear()
        for c in self.session.catalog.campaigns():
            self.campaign_combo.addItem(c["name"], c["id"])
        index = self.campaign_combo.findData(prefer) if prefer else -1
        self.campaign_combo.setCurrentIndex(index if index >= 0 else 0)
        self.campaign_combo.blockSignals(False)
        self._on_campaign_changed()

    def township_id(self) -> str | None:
        return self.tree.selected_township()

    def _on_campaign_changed(self, _index: int = -1) -> None:
        assert self.session is not None
        self.campaign_id = self.campaign_combo.currentData()
        if self.campaign_id:
            self.session.settings.put("last_campaign", self.campaign_id)
        self.tree.load(self.session, self.campaign_id)
        self._name_what_is_inspected()
        if self.ranking is not None:
            self.ranking.set_campaign(self.campaign_id)
        self._on_township_selected(self.township_id())

    def _name_what_is_inspected(self) -> None:
        """The page's tab and the menu items say 项目 in a campaign whose form inspects
        project sites, 乡镇（街道） otherwise: the words follow the campaign chosen."""
        assert self.session is not None
        from inspector.core.ids import CampaignId

        campaign = self.campaign_id
        projects = (
            campaign is not None
            and self.session.catalog.campaign_target(CampaignId(campaign)) == "project"
        )
        if projects:
            tab, page = self.tr("Project site"), self.tr("Project site &page")
            star = self.tr("Project site &feedback form (督查情况反馈表)…")
            tip = self.tr("Fill in the checklist of the selected project site")
        else:
            tab, page = self.tr("Township"), self.tr("Township &page")
            star = self.tr("Township &feedback form (督查情况反馈表)…")
            tip = self.tr("Fill in the checklist of the selected township")
        self.tabs.setTabText(PAGE_TAB, tab)
        self.page_action.setText(page)
        self.report_actions["star"].setText(star)
        self.checklist_action.setStatusTip(tip)

    def _on_township_selected(self, township_id: str | None) -> None:
        self.page.show_township(self.campaign_id, township_id)
        self._sync_lists()
        if self.tabs.currentIndex() == CHECKLIST_TAB and not (
            township_id
            and self._has_checklist()
            and self.campaign_id
            and self.checklist is not None
            and self.checklist.load(self.campaign_id, township_id)
        ):
            self.tabs.setCurrentIndex(PAGE_TAB)
        self._update_actions()

    def _current_inspection(self) -> dict[str, Any] | None:
        """The selected township's inspection in the campaign, if it has one."""
        township = self.township_id()
        if not township or not self.campaign_id or self.session is None:
            return None
        from inspector.core.ids import CampaignId, TownshipId

        return self.session.inspections.find(CampaignId(self.campaign_id), TownshipId(township))

    def _is_finished(self, inspection: dict[str, Any] | None) -> bool:
        if inspection is None:
            return False
        from inspector.store.inspections import FINISHED

        return bool(inspection["status"] == FINISHED)

    def _has_checklist(self) -> bool:
        """False in a follow-up round that only verifies the earlier round's problems."""
        if not self.campaign_id or self.session is None:
            return True
        from inspector.core.ids import CampaignId

        return self.session.follow_ups.has_checklist(CampaignId(self.campaign_id))

    def _update_actions(self) -> None:
        inspection = self._current_inspection()
        checklist = self._has_checklist()
        self.checklist_action.setEnabled(
            bool(self.township_id() and self.campaign_id and checklist)
        )
        tip = "" if checklist else no_checklist_tip()
        self.checklist_action.setToolTip(tip)  # "" restores the action's own text as its tip
        self.tabs.setTabToolTip(CHECKLIST_TAB, tip)
        self.finish_action.setEnabled(inspection is not None and checklist)
        finished = self._is_finished(inspection)
        self.finish_action.setText(
            self.tr("&Reopen inspection") if finished else self.tr("&Finish inspection")
        )
        self.tabs.setTabEnabled(CHECKLIST_TAB, inspection is not None and checklist)

    def _sync_lists(self) -> None:
        """Point the problem and notice tabs at the campaign and township, when shown.

        A hidden tab is brought up to date when it is shown: on a province each
        re-filter of the problem list counts 100,000 rows, and start-up should
        not pay for a tab nobody has opened yet.
        """
        wanted = (self.campaign_id, self.township_id(), self.tree.selected_county())
        for widget in (self.problem_list, self.notice_list):
            if widget is None or self.tabs.currentWidget() is not widget:
                continue
            if self._list_state.get(id(widget)) != wanted:
                widget.set_campaign(wanted[0])
                if widget is self.problem_list:  # a county's line chosen: that county's
                    self.problem_list.set_county(wanted[2])
                widget.set_township(wanted[1])
                self._list_state[id(widget)] = wanted
                self._stale.discard(id(widget))
            elif id(widget) in self._stale:
                self._stale.discard(id(widget))
                widget.refresh()

    def _on_tab_changed(self, index: int) -> None:
        if index >= 0:
            self._tab_widget(index)
        self._sync_lists()
        if (
            index == CHECKLIST_TAB
            and self.checklist is not None
            and self.campaign_id
            and self.township_id()
            and self.checklist.township_id != self.township_id()
        ):
            self.checklist.load(self.campaign_id, self.township_id() or "")

    def refresh(self) -> None:
        """Re-read every figure (F5); after a write, `_on_changed` re-reads only what it touched."""
        self.tree.load(self.session, self.campaign_id)
        self.page.refresh()
        self._update_actions()
        self._show_sync_status()
        if self.ranking is not None:
            self.ranking.invalidate()
        current = self.tabs.currentWidget()
        for widget in (self.problem_list, self.notice_list):
            if widget is not None and current is widget:
                widget.refresh()
            elif widget is not None:
                self._stale.add(id(widget))

    def _on_changed(self, changes: Changes) -> None:
        """The window's part of a change: the campaign list, the tree's shape, the actions,
        the sync line, the lists. The tree's rows, the page and the checklist act on the
        same signal themselves."""
        from inspector.store.session import CAMPAIGNS, INSPECTIONS, NOTICES, PROBLEMS, SYNC, TREE

        if changes.everything or changes.touches(CAMPAIGNS):
            self._load_campaigns(self.campaign_id)
        elif changes.touches(TREE):
            self.tree.load(self.session, self.campaign_id)
        if changes.everything or changes.touches(INSPECTIONS):
            self._update_actions()
        if changes.everything or changes.touches(SYNC):
            self._show_sync_status()
        if changes.everything or changes.touches(PROBLEMS, NOTICES):
            current = self.tabs.currentWidget()
            for widget in (self.problem_list, self.notice_list):
                if widget is None or changes.source is widget:
                    continue
                if current is widget:
                    widget.refresh()
                else:
                    self._stale.add(id(widget))

    def _show_sync_status(self) -> None:
        text = self._last_sync_status()
        self.sync_label.setText(text)
        self.sync_label.setVisible(bool(text))

    def _last_sync_status(self) -> str:
        from inspector.ui.bundle_dialogs import last_sync_status

        return last_sync_status(self.database)

    def _on_export(self) -> None:
        from inspector.ui.bundle_dialogs import export_bundle
        from inspector.ui.export_choice import ExportKind, ask_export_kind

        kind = ask_export_kind(self, self.campaign_id is not None)
        if kind is None:
            return
        from inspector.store.session import SYNC, Changes

        # the last exchange (the status line) is the export's
        export_bundle(
            self,
            self.db_path,
            self.campaign_id if kind is ExportKind.KIT else None,
            since_last=kind is ExportKind.CHANGES,
            session=self.session,
            on_exported=lambda _summary: self._announce(Changes.of(SYNC)),
        )

    def _on_import(self) -> None:
        from inspector.ui.bundle_dialogs import import_bundle

        import_bundle(
            self, self.db_path, on_imported=self._on_imported, on_duplicates=self._on_duplicates
        )

    def _on_duplicates(self, summary: Any) -> None:
        from inspector.ui.duplicate_offer import offer_reissue

        if self.session is not None:
            offer_reissue(self, self.session, summary)

    def _on_imported(self) -> None:
        """A bundle changed the database: campaigns and every figure may be new."""
        from inspector.store.session import Changes

        if self.session is not None:
            self.session.announce(Changes.all())

    def _on_restore_backup(self) -> None:
        from inspector.ui.backup_dialog import restore_backup

        restore_backup(self, self.db_path, on_restored=self._on_restored)

    def _on_restored(self) -> None:
        """A backup replaced the database: re-read everything, as after opening it."""
        if self.checklist is not None:
            self.checklist.inspection = None
        self.rebuild()

    def _on_conflicts(self) -> None:
        from inspector.ui.bundle_dialogs import ConflictsDialog

        assert self.session is not None
        dialog = ConflictsDialog(self.session, self)
        dialog.exec()

    def _on_trends(self) -> None:
        """The trends window (a county or the whole across campaigns), one per main window."""
        from inspector.ui.trends_view import TrendsView

        if self.session is None:
            return
        if getattr(self, "trends_view", None) is None:
            self.trends_view = TrendsView(self.session, self)
        self.trends_view.show()
        self.trends_view.activateWindow()

    def open_report(self, kind: str) -> None:
        """A report in the viewer; the township ones need a township selected."""
        township = self.township_id()
        if kind in ("star", "notice") and not township:
            self.statusBar().showMessage(self.tr("Choose a township first."), 4000)
            return
        if not self.campaign_id:
            self.statusBar().showMessage(self.tr("There is no campaign yet."), 4000)
            return
        from inspector.ui.report_view import open_report

        job = open_report(
            self,
            self.db_path,
            kind,
            campaign_id=self.campaign_id,
            township_id=township if kind in ("star", "notice") else None,
        )
        if (
            kind == "notice" and job is not None
        ):  # the viewer's worker may have issued one on its own connection
            from inspector.store.session import NOTICES, PROBLEMS, Changes

            job.signals.succeeded.connect(
                lambda _result: self._announce(
                    Changes.of(NOTICES, PROBLEMS, townships=[township or ""])
                )
            )

    def _announce(self, changes: Changes) -> None:
        if self.session is not None:
            self.session.announce(changes)

    # -- inspection actions --------------------------------------------------------------
    def open_checklist(self) -> bool:
        """Show the selected township's checklist, starting its inspection if needed."""
        township = self.township_id()
        if not township or not self.campaign_id or self.session is None:
            self.statusBar().showMessage(self.tr("Choose a township first."), 4000)
            return False
        if not self._has_checklist():
            self.statusBar().showMessage(no_checklist_tip(), 6000)
            return False
        if self._current_inspection() is None:
            from inspector.core.ids import CampaignId, TownshipId

            self.session.inspections.start(CampaignId(self.campaign_id), TownshipId(township))
        self._update_actions()
        checklist = self._checklist_widget()
        checklist.load(self.campaign_id, township)
        self.tabs.setCurrentIndex(CHECKLIST_TAB)
        checklist.focus_first_open()
        return True

    def _on_finish_toggle(self) -> None:
        inspection = self._current_inspection()
        if inspection is not None:
            self.set_finished(not self._is_finished(inspection))

    def set_finished(self, finished: bool) -> None:
        """Finish (asking first when items are unanswered) or reopen the current inspection."""
        inspection = self._current_inspection()
        if inspection is None or self.session is None:
            return
        from inspector.ui.finish_question import ask_before_finishing

        if finished and not ask_before_finishing(self, self.session, inspection):
            return
        if (
            self.checklist is not None
            and self.checklist.inspection
            and self.checklist.inspection["id"] == inspection["id"]
        ):
            self.checklist.set_finished(finished)
        else:
            self.session.inspections.set_finished(inspection["id"], finished)

    def _on_show_problems(self) -> None:
        self.tabs.setCurrentIndex(PROBLEMS_TAB)

    def _on_find(self) -> None:
        if self.problem_list is not None and self.tabs.currentWidget() is self.problem_list:
            self.problem_list.focus_filter()
            return
        self.tree.filter_edit.setFocus()
        self.tree.filter_edit.selectAll()

    # -- dialogs -------------------------------------------------------------------------
    def _on_settings(self) -> None:
        from inspector.ui.settings_dialog import SettingsDialog

        assert self.session is not None
        dialog = SettingsDialog(self.session, self.db_path, self)
        if dialog.exec() and dialog.language_changed:
            self.change_language(i18n.resolve_language(self.session.settings.get("language")))
        elif dialog.imported:
            self._load_campaigns(self.campaign_id)

    def _on_new_device(self) -> None:
        from inspector.ui.device_dialogs import ask_new_identity

        ask_new_identity(self, self.database, self.refresh)

    def change_language(self, language: str) -> None:
        """Load the translations and rebuild every string of the window."""
        if not i18n.apply_language(language):
            QMessageBox.warning(
                self, self.tr("Language"), self.tr("The Chinese translation file is missing.")
            )
        self.rebuild()

    def rebuild(self) -> None:
        """Recreate the window's contents, keeping the campaign, township and tab."""
        township, tab = self.township_id(), self.tabs.currentIndex()
        sizes = self.splitter.sizes()
        self.menuBar().clear()
        self.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        for widget in (self.db_label, self.sync_label):
            self.statusBar().removeWidget(widget)
            widget.deleteLater()
        old = self.takeCentralWidget()
        if old is not None:
            old.deleteLater()
        for action in self.findChildren(QAction):
            if action.parent() is self:
                action.deleteLater()
        self._list_state.clear()
        self._build()
        self.splitter.setSizes(sizes)
        self._load_campaigns(self.campaign_id)
        self._show_sync_status()
        if township and self.tree.select_township(township):
            self.tabs.setCurrentIndex(tab)

    def _on_new_campaign(self) -> None:
        from inspector.ui.campaign_dialog import CampaignDialog

        assert self.session is not None
        dialog = CampaignDialog(self.session, self)
        if dialog.exec() and dialog.created:
            self._load_campaigns(dialog.created["id"])

    def _on_campaign_setup(self) -> None:
        """The current campaign's team, members and townships covered."""
        from inspector.ui.campaign_dialog import CampaignDialog

        if self.session is None or not self.campaign_id:
            self.statusBar().showMessage(self.tr("There is no campaign yet."), 4000)
            return
        campaign = self.session.catalog.find_campaign(self.campaign_id)
        CampaignDialog(self.session, self, campaign).exec()

    def _on_open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(Path(self.db_path).parent),
            self.tr("Inspector databases (*.db *.sqlite);;All files (*)"),
        )
        if path:
            self.open_database(path)

    def open_database(self, path: str) -> bool:
        from inspector.store.session import Session
        from inspector.ui.errors import show_error

        try:
            session = Session.open(path, autocheckpoint=False)
        except Exception as exc:
            if not is_user_error(exc):
                raise
            show_error(self, exc, self.tr("Open database"))
            return False
        old = self.session
        self._use_session(session)
        self.db_path = str(path)
        self.checklist = self.problem_list = self.notice_list = None  # rebuilt on this session
        self.rebuild()
        if old is not None:
            old.close()
        self._take_daily_backup()
        return True

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Inspector"),
            self.tr(
                "<h3>督查通 Inspector {0}</h3><p>Offline inspection of township party-building "
                "work: checklists, problem lists, rectification notices, star ratings.</p>"
                "<p>Database: {1}</p><p>Chinese font: WenQuanYi Micro Hei (Apache 2.0).</p>"
            ).format(__version__, self.db_path),
        )

    # -- window state --------------------------------------------------------------------
    def _restore_geometry(self, saved: str | None) -> None:
        """The remembered geometry, or 1440×900, kept inside the screen's available area: a
        1366×768 laptop (or a size remembered on a larger monitor) would otherwise put the
        right-hand columns, the status bar and the problem panel off-screen."""
        if saved:
            self.restoreGeometry(QByteArray.fromHex(saved.encode("ascii")))
        else:
            self.resize(1440, 900)
        screen = self.screen()
        if screen is not None:
            fit_into(self, screen.availableGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._checkpoint_timer.stop()
        if self.session is not None:
            if self.remember_state:
                self.session.settings.put(
                    "window_geometry", bytes(self.saveGeometry().toHex().data()).decode()
                )
            self.session.checkpoint()
        super().closeEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.tabs.currentIndex() == CHECKLIST_TAB:
            self.tabs.setCurrentIndex(PAGE_TAB)
            return
        super().keyPressEvent(event)
