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
first used, and the tabs are created the first time they are shown, so
none of them costs anything before the window is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMetaMethod, Qt, QTimer, Signal
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
from inspector.ui.township_page import TownshipPage
from inspector.ui.township_tree import TownshipTree

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector.ui.checklist import ChecklistWidget
    from inspector.ui.notices import NoticeListWidget
    from inspector.ui.problem_list import ProblemListWidget

PAGE_TAB, CHECKLIST_TAB, PROBLEMS_TAB, NOTICES_TAB = range(4)
CHECKPOINT_INTERVAL_MS = 20_000


class MainWindow(QMainWindow):
    """The window on `db`, or, made with None, on the file `db_path` opened by `load`.

    `saved_geometry` is the window_geometry setting for a window made before
    its database is open (a window given its database reads it from there).
    """

    loaded = Signal()  # the first fill (`load`) is done: campaigns, tree and page are shown
    open_failed = Signal(object)  # the exception: `load` could not open db_path

    def __init__(self, db: Database | None, db_path: str, parent: QWidget | None = None, *,
                 saved_geometry: str | None = None):
        super().__init__(parent)
        self.db: Database | None = db
        self.db_path = db_path
        self.campaign_id: str | None = None
        self.is_loaded = False
        self.remember_state = True  # off for --selftest: a check must not resize the user's window
        self.startup_checks = True  # off for --selftest: no question may wait for an answer
        self._load_scheduled = False
        self._list_state: dict[int, tuple[str | None, str | None]] = {}
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.refresh)
        # The GUI's connection never checkpoints the WAL itself (a checkpoint on a
        # large database stalls a key press for 100 ms and more); the worker does it.
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setInterval(CHECKPOINT_INTERVAL_MS)
        self._checkpoint_timer.timeout.connect(self._checkpoint_in_worker)
        self._build()
        if db is not None:
            from inspector.store import settings

            saved_geometry = settings.get(db, "window_geometry")
        self._restore_geometry(saved_geometry)
        self.page.show_loading()
        self._update_actions()

    def load(self) -> None:
        """Fill the window from the database: campaigns, the tree, the page, the sync line.

        Runs by itself just after the window's first paint; call it directly to
        fill a window that is not shown. A window made without its database
        opens it first; if that fails, `open_failed` (when connected) gets the
        exception and the window stays empty.
        """
        from inspector.store import settings

        self._load_scheduled = True
        if self.db is None and not self._open_own_database():
            return
        assert self.db is not None
        self._load_campaigns(settings.get(self.db, "last_campaign"))
        self._show_sync_status()
        self.is_loaded = True
        self._enable_database_actions(True)
        self._checkpoint_timer.start()
        self._take_daily_backup()
        if self.startup_checks:
            self._warn_at_start()
        self.loaded.emit()

    def _take_daily_backup(self) -> None:
        """The day's backup copy, in the worker (once a day, whoever opens the database)."""
        from inspector.ui.backup_dialog import start_daily_backup

        if self.db_path != ":memory:":
            self._daily_backup_job = start_daily_backup(self.db_path)

    def _warn_at_start(self) -> None:
        """Non-blocking warnings: a clock far behind the last change, a copied database."""
        from inspector.ui.device_dialogs import startup_warnings

        self.startup_boxes = startup_warnings(self, self.db, self.refresh)

    def _open_own_database(self) -> bool:
        from inspector.store.db import open_db

        try:
            self.db = open_db(self.db_path, autocheckpoint=False)
        except Exception as exc:
            if not self.isSignalConnected(QMetaMethod.fromSignal(self.open_failed)):
                raise
            self.open_failed.emit(exc)
            return False
        self.page.set_database(self.db)
        return True

    def _checkpoint_in_worker(self) -> None:
        """Fold the WAL into the database file off the GUI thread, on its own connection."""
        from inspector.store.db import checkpoint_file
        from inspector.ui.worker import Job, start_job

        if self.db is not None:
            self._checkpoint_job = start_job(Job(lambda _progress, path: checkpoint_file(path),
                                                 self.db_path))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._load_scheduled:
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
        self.tree = TownshipTree(self)
        self.page = TownshipPage(self.db, self)
        self.checklist: ChecklistWidget | None = None
        self.problem_list: ProblemListWidget | None = None
        self.notice_list: NoticeListWidget | None = None
        self._tab_factories: dict[int, Callable[[], QWidget]] = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.page, self.tr("Township"))
        self._add_lazy_tab(CHECKLIST_TAB, self.tr("Checklist"), self._create_checklist)
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
        self._add_lazy_tab(PROBLEMS_TAB, self.tr("Problems"), self._create_problem_list)
        self._add_lazy_tab(NOTICES_TAB, self.tr("Notices"), self._create_notice_list)

    # -- tabs created when first shown ---------------------------------------------------
    def _add_lazy_tab(self, index: int, title: str, create: Callable[[], QWidget]) -> None:
        """An empty page now; `create` makes the real one when the tab is first needed."""
        assert self.tabs.count() == index
        self.tabs.addTab(QWidget(self.tabs), title)
        self._tab_factories[index] = create

    def _tab_widget(self, index: int) -> QWidget:
        """The tab's real widget, created (in place of its empty page) on first use."""
        create = self._tab_factories.pop(index, None)
        if create is None:
            return self.tabs.widget(index)
        widget = create()
        placeholder = self.tabs.widget(index)
        current, enabled = self.tabs.currentIndex(), self.tabs.isTabEnabled(index)
        blocked = self.tabs.blockSignals(True)  # the swap is not a change of tab
        try:
            self.tabs.insertTab(index, widget, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.setTabEnabled(index, enabled)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return widget

    def _create_checklist(self) -> QWidget:
        from inspector.ui.checklist import ChecklistWidget

        self.checklist = ChecklistWidget(self.db, self)
        self.checklist.changed.connect(self._refresh_timer.start)
        return self.checklist

    def _create_problem_list(self) -> QWidget:
        from inspector.ui.problem_list import ProblemListWidget

        self.problem_list = ProblemListWidget(self.db, self)
        self.problem_list.changed.connect(self._refresh_timer.start)
        return self.problem_list

    def _create_notice_list(self) -> QWidget:
        from inspector.ui.notices import NoticeListWidget

        self.notice_list = NoticeListWidget(self.db, self)
        self.notice_list.changed.connect(self._refresh_timer.start)
        return self.notice_list

    def _checklist_widget(self) -> ChecklistWidget:
        """The checklist, created on first use."""
        self._tab_widget(CHECKLIST_TAB)
        assert self.checklist is not None, "the checklist tab creates the checklist"
        return self.checklist

    def _flush_checklist(self) -> None:
        """Save the checklist's pending edits, if it was ever opened."""
        if self.checklist is not None:
            self.checklist.flush()

    def _action(self, text: str, slot: Any, shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_db_action = self._action(self.tr("&Open database…"), self._on_open_database,
                                           QKeySequence.StandardKey.Open)
        self.settings_action = self._action(self.tr("&Settings…"), self._on_settings, "Ctrl+,")
        self.device_action = self._action(self.tr("New &device identity…"), self._on_new_device)
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.new_campaign_action = self._action(self.tr("&New campaign…"), self._on_new_campaign)
        self.checklist_action = self._action(
            self.tr("Open &checklist"), self.open_checklist, "Ctrl+E",
            self.tr("Fill in the checklist of the selected township"))
        self.finish_action = self._action(self.tr("&Finish inspection"), self._on_finish_toggle,
                                          "Ctrl+Shift+F")
        self.page_action = self._action(self.tr("Township &page"),
                                        lambda: self.tabs.setCurrentIndex(PAGE_TAB), "Ctrl+1")
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh,
                                           QKeySequence.StandardKey.Refresh)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.find_action = self._action(self.tr("&Find"), self._on_find,
                                        QKeySequence.StandardKey.Find)
        self.about_action = self._action(self.tr("&About"), self._on_about)

    def _enable_database_actions(self, enabled: bool) -> None:
        """The actions that read or write the database wait for the first fill."""
        for action in (self.open_db_action, self.settings_action, self.device_action,
                       self.new_campaign_action,
                       self.export_action, self.import_action, self.conflicts_action,
                       self.restore_action, self.refresh_action, *self.report_actions.values()):
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
        for action in (self.new_campaign_action, None, self.page_action, self.checklist_action,
                       self.finish_action, None, self.find_action, self.refresh_action):
            if action is None:
                self.inspection_menu.addSeparator()
            else:
                self.inspection_menu.addAction(action)
        self._add_report_menu(bar)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

    def _add_bundle_actions(self, menu: Any) -> None:
        """Export / import bundles and the conflicts they left, from their own module."""
        self.export_action = self._action(self.tr("&Export bundle…"), self._on_export,
                                          "Ctrl+Shift+E")
        self.import_action = self._action(self.tr("&Import bundle…"), self._on_import, "Ctrl+I")
        self.conflicts_action = self._action(self.tr("&Conflicts…"), self._on_conflicts)
        self.restore_action = self._action(self.tr("&Restore backup…"), self._on_restore_backup)
        for action in (self.export_action, self.import_action, self.conflicts_action,
                       self.restore_action):
            menu.addAction(action)
        menu.addSeparator()

    def _add_report_menu(self, bar: Any) -> None:
        """The reports, from their own module."""
        menu = bar.addMenu(self.tr("&Reports"))
        self.report_actions = {
            "star": self._action(self.tr("Township &feedback form (督查情况反馈表)…"),
                                 lambda: self.open_report("star"), "Ctrl+R"),
            "notice": self._action(self.tr("&Rectification notice (整改通知书)…"),
                                   lambda: self.open_report("notice")),
            "summary": self._action(self.tr("Campaign &summary (星级评定汇总)…"),
                                    lambda: self.open_report("summary")),
            "problems": self._action(self.tr("&Problem list (问题清单)…"),
                                     lambda: self.open_report("problems")),
            "ledger": self._action(self.tr("Rectification &ledger (整改台账)…"),
                                   lambda: self.open_report("ledger")),
            "bulletin": self._action(self.tr("&Bulletin (督查情况通报)…"),
                                     lambda: self.open_report("bulletin")),
            "supervise": self._action(self.tr("Super&vision orders (督办单)…"),
                                      lambda: self.open_report("supervise")),
            "interview": self._action(self.tr("&Interview notices (约谈通知)…"),
                                      lambda: self.open_report("interview")),
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
        self.page.open_checklist.connect(self.open_checklist)
        self.page.finish_requested.connect(self.set_finished)
        self.page.show_problems.connect(self._on_show_problems)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    # -- state ---------------------------------------------------------------------------
    def _load_campaigns(self, prefer: str | None) -> None:
        from inspector.store.catalog import campaigns

        self.campaign_combo.blockSignals(True)
        self.campaign_combo.clear()
        for c in campaigns(self.db):
            self.campaign_combo.addItem(c["name"], c["id"])
        index = self.campaign_combo.findData(prefer) if prefer else -1
        self.campaign_combo.setCurrentIndex(index if index >= 0 else 0)
        self.campaign_combo.blockSignals(False)
        self._on_campaign_changed()

    def township_id(self) -> str | None:
        return self.tree.selected_township()

    def _on_campaign_changed(self, _index: int = -1) -> None:
        from inspector.store import settings

        self._flush_checklist()
        self.campaign_id = self.campaign_combo.currentData()
        if self.campaign_id:
            settings.put(self.db, "last_campaign", self.campaign_id)
        self.tree.load(self.db, self.campaign_id)
        self._on_township_selected(self.township_id())

    def _on_township_selected(self, township_id: str | None) -> None:
        self._flush_checklist()
        self.page.show_township(self.campaign_id, township_id)
        self._sync_lists()
        if self.tabs.currentIndex() == CHECKLIST_TAB and not (
                township_id and self.campaign_id and self.checklist is not None
                and self.checklist.load(self.campaign_id, township_id)):
            self.tabs.setCurrentIndex(PAGE_TAB)
        self._update_actions()

    def _current_inspection(self) -> dict[str, Any] | None:
        """The selected township's inspection in the campaign, if it has one."""
        township = self.township_id()
        if not township or not self.campaign_id or self.db is None:
            return None
        from inspector.store.inspections import find_inspection

        return find_inspection(self.db, self.campaign_id, township)

    def _is_finished(self, inspection: dict[str, Any] | None) -> bool:
        if inspection is None:
            return False
        from inspector.store.inspections import FINISHED

        return bool(inspection["status"] == FINISHED)

    def _update_actions(self) -> None:
        inspection = self._current_inspection()
        self.checklist_action.setEnabled(bool(self.township_id() and self.campaign_id))
        self.finish_action.setEnabled(inspection is not None)
        finished = self._is_finished(inspection)
        self.finish_action.setText(self.tr("&Reopen inspection") if finished
                                   else self.tr("&Finish inspection"))
        self.tabs.setTabEnabled(CHECKLIST_TAB, inspection is not None)

    def _sync_lists(self) -> None:
        """Point the problem and notice tabs at the campaign and township, when shown.

        A hidden tab is brought up to date when it is shown: on a province each
        re-filter of the problem list counts 100,000 rows, and start-up should
        not pay for a tab nobody has opened yet.
        """
        wanted = (self.campaign_id, self.township_id())
        for widget in (self.problem_list, self.notice_list):
            if widget is None:
                continue
            if self.tabs.currentWidget() is widget and self._list_state.get(id(widget)) != wanted:
                widget.set_campaign(wanted[0])
                widget.set_township(wanted[1])
                self._list_state[id(widget)] = wanted

    def _on_tab_changed(self, index: int) -> None:
        if index >= 0:
            self._tab_widget(index)
        self._sync_lists()
        if index != CHECKLIST_TAB:
            self._flush_checklist()
        if index == CHECKLIST_TAB and self.checklist is not None and self.campaign_id \
                and self.township_id() and self.checklist.township_id != self.township_id():
            self.checklist.load(self.campaign_id, self.township_id() or "")

    def refresh(self) -> None:
        """Re-read the figures (F5; also after every change, debounced)."""
        self._flush_checklist()
        self.tree.load(self.db, self.campaign_id)
        self.page.refresh()
        self._update_actions()
        self._show_sync_status()
        current = self.tabs.currentWidget()
        for widget in (self.problem_list, self.notice_list):
            if widget is not None and current is widget:
                widget.refresh()

    def _show_sync_status(self) -> None:
        text = self._last_sync_status()
        self.sync_label.setText(text)
        self.sync_label.setVisible(bool(text))

    def _last_sync_status(self) -> str:
        from inspector.ui.bundle_dialogs import last_sync_status

        return last_sync_status(self.db)

    def _on_export(self) -> None:
        from inspector.ui.bundle_dialogs import export_bundle

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export bundle"), self.tr(
            "What should the bundle carry?"), QMessageBox.StandardButton.Cancel, self)
        changes = box.addButton(self.tr("Changes since the last exchange (results for "
                                        "headquarters)"), QMessageBox.ButtonRole.AcceptRole)
        everything = box.addButton(self.tr("Everything on this laptop (a full bundle)"),
                                   QMessageBox.ButtonRole.AcceptRole)
        kit = box.addButton(self.tr("Campaign kit: form and townships for a team"),
                            QMessageBox.ButtonRole.AcceptRole)
        kit.setEnabled(self.campaign_id is not None)
        box.setDefaultButton(changes)
        box.exec()
        if box.clickedButton() is changes:
            export_bundle(self, self.db_path, None, since_last=True)
        elif box.clickedButton() is everything:
            export_bundle(self, self.db_path, None)
        elif box.clickedButton() is kit:
            export_bundle(self, self.db_path, self.campaign_id)

    def _on_import(self) -> None:
        from inspector.ui.bundle_dialogs import import_bundle

        import_bundle(self, self.db_path, on_imported=self._on_imported)

    def _on_imported(self) -> None:
        """A bundle changed the database: campaigns and every figure may be new."""
        self._load_campaigns(self.campaign_id)
        self.refresh()

    def _on_restore_backup(self) -> None:
        from inspector.ui.backup_dialog import restore_backup

        self._flush_checklist()
        restore_backup(self, self.db_path, on_restored=self._on_restored)

    def _on_restored(self) -> None:
        """A backup replaced the database: re-read everything, as after opening it."""
        if self.checklist is not None:
            self.checklist.inspection = None
        self.rebuild()

    def _on_conflicts(self) -> None:
        from inspector.ui.bundle_dialogs import ConflictsDialog

        dialog = ConflictsDialog(self.db_path, self)
        dialog.exec()
        self.refresh()

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

        job = open_report(self, self.db_path, kind, campaign_id=self.campaign_id,
                          township_id=township if kind in ("star", "notice") else None)
        if kind == "notice" and job is not None:
            job.signals.succeeded.connect(lambda _result: self._refresh_timer.start())

    # -- inspection actions --------------------------------------------------------------
    def open_checklist(self) -> bool:
        """Show the selected township's checklist, starting its inspection if needed."""
        township = self.township_id()
        if not township or not self.campaign_id or self.db is None:
            self.statusBar().showMessage(self.tr("Choose a township first."), 4000)
            return False
        if self._current_inspection() is None:
            from inspector.store.inspections import start_inspection
            from inspector.store.rows import Rows

            start_inspection(Rows(self.db), self.campaign_id, township)
            self.refresh()
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
        from inspector.store.inspections import set_status
        from inspector.store.rows import Rows

        inspection = self._current_inspection()
        if inspection is None:
            return
        if self.checklist is not None and self.checklist.inspection \
                and self.checklist.inspection["id"] == inspection["id"]:
            self.checklist.set_finished(finished)
        else:
            set_status(Rows(self.db), inspection["id"], finished)
        self.refresh()

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
        from inspector.store import settings
        from inspector.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self.db_path, self)
        if dialog.exec() and dialog.language_changed:
            self.change_language(i18n.resolve_language(settings.get(self.db, "language")))
        elif dialog.imported:
            self._load_campaigns(self.campaign_id)

    def _on_new_device(self) -> None:
        from inspector.ui.device_dialogs import ask_new_identity

        ask_new_identity(self, self.db, self.refresh)

    def change_language(self, language: str) -> None:
        """Load the translations and rebuild every string of the window."""
        if not i18n.apply_language(language):
            QMessageBox.warning(self, self.tr("Language"),
                                self.tr("The Chinese translation file is missing."))
        self.rebuild()

    def rebuild(self) -> None:
        """Recreate the window's contents, keeping the campaign, township and tab."""
        self._flush_checklist()
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

        dialog = CampaignDialog(self.db, self)
        if dialog.exec() and dialog.created:
            self._load_campaigns(dialog.created["id"])

    def _on_open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(Path(self.db_path).parent),
            self.tr("Inspector databases (*.db *.sqlite);;All files (*)"))
        if path:
            self.open_database(path)

    def open_database(self, path: str) -> bool:
        from inspector.store.db import open_db

        try:
            db = open_db(path, autocheckpoint=False)
        except Exception as exc:
            if not is_user_error(exc):
                raise
            from inspector.ui.messages import describe_for_user

            QMessageBox.warning(self, self.tr("Open database"), describe_for_user(exc))
            return False
        self._flush_checklist()
        old, self.db, self.db_path = self.db, db, str(path)
        if self.checklist is not None:
            self.checklist.inspection = None
        self.rebuild()
        if old is not None:
            old.close()
        self._take_daily_backup()
        return True

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About Inspector"), self.tr(
            "<h3>督查通 Inspector {0}</h3><p>Offline inspection of township party-building "
            "work: checklists, problem lists, rectification notices, star ratings.</p>"
            "<p>Database: {1}</p><p>Chinese font: WenQuanYi Micro Hei (Apache 2.0).</p>"
        ).format(__version__, self.db_path))

    # -- window state --------------------------------------------------------------------
    def _restore_geometry(self, saved: str | None) -> None:
        if saved:
            self.restoreGeometry(QByteArray.fromHex(saved.encode("ascii")))
        else:
            self.resize(1440, 900)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._refresh_timer.stop()
        self._flush_checklist()
        self._checkpoint_timer.stop()
        if self.db is not None:
            from inspector.store import settings
            from inspector.store.db import checkpoint

            if self.remember_state:
                settings.put(self.db, "window_geometry",
                             bytes(self.saveGeometry().toHex()).decode())
            checkpoint(self.db)
        super().closeEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.tabs.currentIndex() == CHECKLIST_TAB:
            self.tabs.setCurrentIndex(PAGE_TAB)
            return
        super().keyPressEvent(event)
