"""The window and the dialogs on small screens: inside the available area, problem text
given the room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from inspector.store import settings
from inspector.ui import i18n
from inspector.ui.main_window import PROBLEMS_TAB, MainWindow, fit_into

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SMALL = QRect(0, 0, 1280, 720)


def _open(qtbot, sample_db, sample_db_path):
    i18n.apply_language("en")
    win = MainWindow(sample_db, str(sample_db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.show()
    qtbot.waitExposed(win)
    return win


def _inside(win, area: QRect) -> bool:
    return area.contains(win.frameGeometry())


def test_the_window_opens_inside_the_available_screen(qtbot, sample_db, sample_db_path):
    win = _open(qtbot, sample_db, sample_db_path)  # the offscreen screen is 800×800
    area = win.screen().availableGeometry()
    assert area.width() < 1440
    assert _inside(win, area), (win.frameGeometry(), area)


def test_a_size_remembered_on_a_large_monitor_is_clamped(qtbot, sample_db, sample_db_path):
    win = _open(qtbot, sample_db, sample_db_path)
    win.setGeometry(3000, 2000, 1900, 1000)  # as saved on a second, larger monitor
    saved = bytes(win.saveGeometry().toHex().data()).decode()
    win.close()
    settings.put(sample_db, "window_geometry", saved)
    again = _open(qtbot, sample_db, sample_db_path)
    assert _inside(again, again.screen().availableGeometry())


def test_at_1280x720_everything_fits_and_the_problem_text_has_the_room(
    qtbot, sample_db, sample_db_path
):
    win = _open(qtbot, sample_db, sample_db_path)
    assert win.minimumSizeHint().width() <= SMALL.width()
    assert win.minimumSizeHint().height() <= SMALL.height()
    win.resize(1440, 900)
    fit_into(win, SMALL)
    assert _inside(win, SMALL)
    win.tabs.setCurrentIndex(PROBLEMS_TAB)
    qtbot.waitUntil(lambda: win.problem_list is not None)
    plist = win.problem_list
    qtbot.wait(50)
    header = plist.view.horizontalHeader()
    text, unit = header.sectionSize(3), header.sectionSize(4)
    assert text >= 2 * unit, (text, unit)
    assert text >= 12 * plist.view.fontMetrics().horizontalAdvance("问")


def _dialogs(win, sample_db, sample_db_path):
    from inspector.ui.backup_dialog import RestoreBackupDialog
    from inspector.ui.bundle_dialogs import ExportPassphraseDialog
    from inspector.ui.campaign_dialog import CampaignDialog
    from inspector.ui.conflicts_dialog import ConflictsDialog
    from inspector.ui.devices_dialog import DevicesDialog
    from inspector.ui.issue_notice_dialog import IssueNoticeDialog
    from inspector.ui.settings_dialog import SettingsDialog

    session = win.session
    yield SettingsDialog(session, str(sample_db_path), win)
    yield ConflictsDialog(session, win)
    yield CampaignDialog(session, win)
    yield DevicesDialog(sample_db, win)
    yield RestoreBackupDialog(str(sample_db_path), win)
    yield ExportPassphraseDialog(win)
    yield IssueNoticeDialog(session, win.campaign_id, parent=win)


def test_every_dialog_fits_at_1280x720(qtbot, sample_db, sample_db_path):
    win = _open(qtbot, sample_db, sample_db_path)
    for dialog in _dialogs(win, sample_db, sample_db_path):
        dialog.show()
        qtbot.waitExposed(dialog)
        name = type(dialog).__name__
        assert dialog.minimumSizeHint().width() <= SMALL.width(), name
        assert dialog.minimumSizeHint().height() <= SMALL.height(), name
        assert dialog.frameGeometry().width() <= SMALL.width(), name
        assert dialog.frameGeometry().height() <= SMALL.height(), name
        dialog.close()
