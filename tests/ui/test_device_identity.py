"""The window warns at start-up about a copied database and a clock far behind, without blocking."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector.store import identity, settings
from inspector.store.clock import format_hlc, wall_ms
from inspector.store.db import open_db
from inspector.store.rows import Rows
from inspector.ui import i18n
from inspector.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

YEAR_MS = 365 * 24 * 3600 * 1000


@pytest.fixture
def copied(tmp_path):
    """A database used on one laptop, then copied as a file into another folder."""
    original = tmp_path / "laptop1" / "inspector.db"
    db = open_db(original)
    Rows(db, who="甲").insert("counties", {"name": "定海区", "code": "330902"})
    identity.identity(db)  # the app records where it runs when it first opens a database
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    copy = tmp_path / "laptop2" / "inspector.db"
    copy.parent.mkdir()
    shutil.copy(original, copy)
    return copy


def _window(path, qtbot) -> MainWindow:
    i18n.apply_language("en")
    win = MainWindow(None, str(path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.show()
    return win


def _box(win, name) -> QMessageBox | None:
    found = [b for b in win.findChildren(QMessageBox) if b.objectName() == name]
    return found[-1] if found else None


def _click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def test_a_copied_database_offers_a_new_identity_and_says_what_it_means(copied, qtbot):
    win = _window(copied, qtbot)
    box = _box(win, "copy_warning")
    assert box is not None and box.isVisible() and not win.isHidden()
    assert "last used on another computer or in another folder" in box.text()
    old = settings.device_id(win.db)
    assert old in box.text()
    _click(box, "New device identity")
    new = settings.device_id(win.db)
    assert new != old
    assert identity.identity(win.db).fingerprint == identity.SAME
    told = _box(win, "new_identity")
    assert told is not None and new in told.text() and old in told.text()
    assert "Number block" in told.text() and "from 1 to no limit" in told.text()
    win.close()
    win.db.close()


def test_the_same_laptop_renamed_or_moved_keeps_its_identity(copied, qtbot):
    win = _window(copied, qtbot)
    old = settings.device_id(win.db)
    _click(_box(win, "copy_warning"), "Same laptop")
    assert settings.device_id(win.db) == old
    assert identity.identity(win.db).fingerprint == identity.SAME
    win.close()
    win.db.close()
    again = _window(copied, qtbot)
    assert _box(again, "copy_warning") is None
    again.close()
    again.db.close()


def test_a_clock_far_behind_the_last_change_is_a_warning_at_start(tmp_path, qtbot):
    path = tmp_path / "x.db"
    db = open_db(path)
    settings.put(db, "hlc_last", format_hlc(wall_ms() + 4 * YEAR_MS, 0, "x"))
    db.close()
    win = _window(path, qtbot)
    box = _box(win, "clock_warning")
    assert box is not None and box.isVisible()
    assert "is behind the last change recorded (20" in box.text()
    assert "check the date and time" in box.text()
    assert _box(win, "copy_warning") is None  # a new database records where it is
    win.close()
    win.db.close()


def test_file_menu_gives_a_new_identity_after_asking(copied, qtbot):
    win = _window(copied, qtbot)
    _click(_box(win, "copy_warning"), "Ask again later")
    old = settings.device_id(win.db)
    assert win.device_action in win.file_menu.actions() and win.device_action.isEnabled()
    win.device_action.trigger()
    ask = _box(win, "ask_new_identity")
    assert ask is not None and "Nothing is lost" in ask.text()
    _click(ask, "Cancel")
    assert settings.device_id(win.db) == old
    win.device_action.trigger()
    _click(_box(win, "ask_new_identity"), "New device identity")
    assert settings.device_id(win.db) != old
    stamp = Rows(win.db).insert("counties", {"name": "普陀区"})["updated_at"]
    assert stamp.endswith(settings.device_id(win.db))
    win.close()
    win.db.close()
