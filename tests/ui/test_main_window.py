"""The main window on the demo database: tree, township page, checklist, language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt

from inspector.store import settings
from inspector.store.catalog import create_campaign, find_township
from inspector.store.inspections import find_inspection
from inspector.store.rows import Rows
from inspector.ui import i18n
from inspector.ui.main_window import (
    CHECKLIST_TAB,
    NOTICES_TAB,
    PAGE_TAB,
    PROBLEMS_TAB,
    MainWindow,
)
from inspector.ui.township_tree import TownshipIdRole, TownshipTreeModel
from inspector.ui.worker import pool

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(sample_db, sample_db_path, qtbot):
    i18n.apply_language("en")
    win = MainWindow(sample_db, str(sample_db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):  # painted first, then filled
        win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    i18n.apply_language("en")


class _FirstPaint(QObject):
    """Notes whether the window had filled itself when it first painted."""

    def __init__(self, window: MainWindow):
        super().__init__()
        self.window = window
        self.loaded_at_first_paint: bool | None = None

    def eventFilter(self, obj, event):
        if (
            event.type() == QEvent.Type.Paint
            and obj is self.window
            and self.loaded_at_first_paint is None
        ):
            self.loaded_at_first_paint = self.window.is_loaded
        return False


def test_the_window_paints_first_then_fills_itself(sample_db, sample_db_path, qtbot):
    i18n.apply_language("en")
    win = MainWindow(sample_db, str(sample_db_path))
    qtbot.addWidget(win)
    assert win.tree.model.township_count() == 0 and win.campaign_combo.count() == 0
    assert win.page.empty_label.text() == "Loading…"
    first_paint = _FirstPaint(win)
    win.installEventFilter(first_paint)
    with qtbot.waitSignal(win.loaded):
        win.show()
    assert first_paint.loaded_at_first_paint is False
    assert win.is_loaded and win.tree.model.township_count() == 36
    assert win.campaign_combo.count() >= 1
    win.removeEventFilter(first_paint)
    win.close()


def test_load_fills_a_window_that_is_not_shown(sample_db, sample_db_path, qtbot):
    win = MainWindow(sample_db, str(sample_db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.load()
    assert win.tree.model.township_count() == 36


def test_list_tabs_are_created_when_first_shown(window, sample_db, sample_campaign):
    assert window.checklist is None
    assert window.problem_list is None and window.notice_list is None
    assert window.tabs.tabText(PROBLEMS_TAB) == "Problems"
    township = find_township(sample_db, "昌国街道")
    window.tree.select_township(township["id"])
    window.page.problems_button.click()
    problems = window.problem_list
    assert problems is not None and window.tabs.currentWidget() is problems
    assert window.tabs.currentIndex() == PROBLEMS_TAB
    assert window.tabs.tabText(PROBLEMS_TAB) == "Problems" and window.tabs.count() == 5
    assert window.ranking is None  # the ranking tab too waits until it is shown
    assert problems.model.total() == window.page.problems_table.rowCount()
    assert {problems.model.row_dict(r)["township"] for r in range(problems.model.total())} <= {
        "昌国街道"
    }
    window.tabs.setCurrentIndex(NOTICES_TAB)
    assert window.notice_list is not None and window.tabs.currentWidget() is window.notice_list
    window.tabs.setCurrentIndex(PROBLEMS_TAB)
    assert window.tabs.currentWidget() is problems  # created once
    assert window.checklist is None


def test_the_tree_shows_every_township_with_its_figures(window, sample_db, sample_campaign):
    model = window.tree.model
    assert model.township_count() == 36
    assert model.rowCount() == 4  # 定海区, 普陀区, 岱山县, 嵊泗县
    index = model.index_of_township(find_township(sample_db, "昌国街道")["id"])
    assert index.isValid()
    row = model.township_row(index)
    stars = model.data(index.siblingAtColumn(1))
    assert stars.count("★") == row["stars"] and len(stars) == 5
    assert model.data(index.siblingAtColumn(2)) == "Finished"
    open_count = sample_db.execute(
        "SELECT COUNT(*) FROM problems WHERE township_id = ? AND campaign_id = ? "
        "AND status != 'closed' AND deleted = 0",
        [row["township_id"], sample_campaign["id"]],
    ).fetchone()[0]
    assert model.data(index.siblingAtColumn(3)) == open_count


def test_the_filter_narrows_the_tree(window, qtbot):
    window.tree.filter_edit.setText("街道")
    qtbot.waitUntil(lambda: window.tree.model.township_count() == 14)


def test_selecting_a_township_shows_its_page_and_sections(window, sample_db):
    township = find_township(sample_db, "普陀山镇")
    assert window.tree.select_township(township["id"])
    page = window.page
    assert "普陀山镇" in page.title_label.text()
    assert page.sections_table.rowCount() == 7
    assert page.sections_table.item(0, 3).text() == "Complete"
    assert "Total" in page.score_label.text()
    assert page.checklist_button.text() == "Open checklist"


def test_ctrl_e_starts_an_inspection_and_opens_its_checklist(window, sample_db, qtbot):
    rows = Rows(sample_db)
    campaign = create_campaign(rows, "复查批次", "township-party-building")
    window._load_campaigns(campaign["id"])
    township = find_township(sample_db, "白泉镇")
    window.tree.select_township(township["id"])
    assert window.page.checklist_button.text() == "Start inspection"
    assert not window.tabs.isTabEnabled(CHECKLIST_TAB)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == CHECKLIST_TAB
    assert find_inspection(sample_db, campaign["id"], township["id"]) is not None
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_1)
    window.refresh()
    index = window.tree.model.index_of_township(township["id"])
    assert window.tree.model.data(index.siblingAtColumn(2)) == "In progress 1/39"
    assert settings.get(sample_db, "last_campaign") == campaign["id"]


def test_finish_from_the_menu_locks_the_checklist(window, sample_db):
    township = find_township(sample_db, "白泉镇")
    window.tree.select_township(township["id"])
    window.open_checklist()
    assert window.checklist.readonly_label.isVisibleTo(window.checklist)  # demo is finished
    window.finish_action.trigger()  # reopen
    assert not window.checklist.readonly_label.isVisibleTo(window.checklist)
    assert window.finish_action.text() == "&Finish inspection"


def test_switching_the_language_retranslates_the_window(window, sample_db):
    township = find_township(sample_db, "昌国街道")
    window.tree.select_township(township["id"])
    assert window.tabs.tabText(PAGE_TAB) == "Township"
    settings.put(sample_db, "language", "zh_CN")
    window.change_language("zh_CN")
    assert window.tabs.tabText(PAGE_TAB) == "乡镇（街道）"
    assert window.page.checklist_button.text() == "打开督查表"
    assert window.tree.selected_township() == township["id"]  # kept across the rebuild
    assert window.tree.model.headerData(2, Qt.Orientation.Horizontal) == "进度"
    window.change_language("en")
    assert window.tabs.tabText(PAGE_TAB) == "Township"


def test_the_status_bar_names_the_database(window, sample_db_path):
    assert str(sample_db_path) in window.db_label.text()


def test_tree_model_passes_the_model_tester(qtmodeltester, sample_db, sample_campaign):
    model = TownshipTreeModel()
    model.load(sample_db, sample_campaign["id"])
    qtmodeltester.check(model)
    model.set_filter("镇")
    qtmodeltester.check(model)
    first = model.index(0, 0, model.index(0, 0))
    assert model.data(first, TownshipIdRole)


@pytest.mark.parametrize(("choice", "expected"), [(0, "delta"), (1, None), (2, "campaign")])
def test_export_asks_whether_to_send_changes_everything_or_a_campaign_kit(
    window, monkeypatch, choice, expected
):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    import inspector.ui.bundle_dialogs as bundle_dialogs

    calls = []
    monkeypatch.setattr(
        bundle_dialogs,
        "export_bundle",
        lambda parent, path, campaign_id=None, since_last=False, session=None, on_exported=None: (
            calls.append("delta" if since_last else campaign_id)
        ),
    )

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        accept = [
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        ]
        assert box.defaultButton() is accept[0]  # changes only, unless asked for more
        accept[choice].click()

    QTimer.singleShot(0, answer)
    window._on_export()
    assert calls == [window.campaign_id if expected == "campaign" else expected]


def test_the_gui_connection_leaves_checkpoints_to_the_worker(window, sample_db_path):
    from inspector.store.db import open_db

    gui = open_db(sample_db_path, autocheckpoint=False)
    assert gui.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    gui.close()
    assert window._checkpoint_timer.isActive()


def test_what_the_window_filled_itself_with_is_out_of_full_collections(window):
    """A full collection walked every object the province's window holds, 150 ms in the
    middle of whatever key press it fell on; what the fill loaded is frozen out of it."""
    import gc

    row = window.tree.model._all[0]
    assert gc.get_freeze_count() > 0
    assert not any(o is row for o in gc.get_objects())  # not in any collected generation


def test_the_window_fills_itself_while_another_program_writes(sample_db_path, qtbot):
    """Opened while the command line imports (its write lock held): remembering the
    campaign shown, unchanged, waited the busy timeout and failed the fill."""
    import sqlite3
    import time

    i18n.apply_language("en")
    first = MainWindow(None, str(sample_db_path))  # the app has opened this file before
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.loaded):
        first.show()
    first.close()
    pool().waitForDone(10_000)  # its daily copy
    other = sqlite3.connect(sample_db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        win = MainWindow(None, str(sample_db_path))
        qtbot.addWidget(win)
        start = time.perf_counter()
        with qtbot.waitSignal(win.loaded, timeout=4000):
            win.show()
        assert time.perf_counter() - start < 3.0
        assert win.tree.model.township_count() == 36
        win.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
