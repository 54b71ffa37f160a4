"""File → Restore backup…: pick a copy, confirm, and the window shows the restored data."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from inspector.store import backups
from inspector.store.catalog import create_campaign
from inspector.store.rows import Rows
from inspector.ui import i18n
from inspector.ui.backup_dialog import RestoreBackupDialog
from inspector.ui.main_window import MainWindow
from inspector.ui.worker import pool

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(init_db, tmp_path, qtbot):
    i18n.apply_language("en")
    win = MainWindow(init_db, str(tmp_path / "init.db"))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.show()
    pool().waitForDone(10_000)  # the daily backup
    yield win
    win.close()


def test_opening_the_window_takes_the_days_backup_once(window, tmp_path):
    daily = [b for b in backups.backups_of(tmp_path / "init.db") if b.reason == "daily"]
    assert len(daily) == 1
    window.load()
    pool().waitForDone(10_000)
    assert [b for b in backups.backups_of(tmp_path / "init.db") if b.reason == "daily"] == daily


def test_restoring_a_backup_puts_it_back_and_the_window_rereads(
    window, init_db, tmp_path, qtbot, monkeypatch
):
    path = tmp_path / "init.db"
    first = create_campaign(Rows(init_db), "第一批", "township-party-building")
    taken = backups.backup(init_db)
    later = create_campaign(Rows(init_db), "备份之后", "township-party-building")
    window._load_campaigns(later["id"])
    assert window.campaign_combo.findData(later["id"]) >= 0
    asked = []

    def pick(dialog: RestoreBackupDialog) -> int:
        assert next(b.name for b in dialog.found).endswith("-import.db")
        assert dialog.table.rowCount() == len(dialog.found)
        assert dialog.select(taken.name)
        dialog._on_restore()
        return dialog.result()

    monkeypatch.setattr(RestoreBackupDialog, "exec", pick)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    window._on_restore_backup()
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "restore_done") is not None, timeout=10_000
    )
    when = f"{backups.info(taken).taken:%Y-%m-%d %H:%M:%S}"
    assert asked == [
        f"Put back the backup taken {when} (before an import)?\n\nEverything "
        "changed since then is replaced; the database as it is now is kept as "
        "a backup."
    ]
    assert window.campaign_combo.findData(later["id"]) == -1
    assert window.campaign_combo.findData(first["id"]) >= 0
    assert next(b.reason for b in backups.backups_of(path)) == "before-restore"


def test_cancelling_the_confirmation_restores_nothing(window, init_db, tmp_path, monkeypatch):
    taken = backups.backup(init_db)
    later = create_campaign(Rows(init_db), "备份之后", "township-party-building")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    dialog = RestoreBackupDialog(str(tmp_path / "init.db"), window)
    assert dialog.select(taken.name)
    dialog._on_restore()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.chosen is None
    assert init_db["campaigns"].get(later["id"])


def test_a_damaged_file_found_by_the_day_s_check_is_told_and_not_copied(tmp_path, qtbot):
    """The start-up job checks the whole file before its copy; damage is said, not hidden."""
    import sqlite3
    from contextlib import closing

    from inspector.store.db import open_db

    path = tmp_path / "damaged.db"
    db = open_db(path)
    Rows(db, who="甲").insert("counties", {"name": "定海区", "code": "330902"})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with closing(sqlite3.connect(path)) as conn:  # the closed file: damage the audit log
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'"
        ).fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = b"\x0d\xff\xff\x00" * 1024
    path.write_bytes(bytes(data))
    i18n.apply_language("en")
    win = MainWindow(None, str(path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.show()
    pool().waitForDone(10_000)
    qtbot.waitUntil(
        lambda: any(b.objectName() == "daily_backup_failed" for b in win.findChildren(QMessageBox)),
        timeout=5000,
    )
    box = next(b for b in win.findChildren(QMessageBox) if b.objectName() == "daily_backup_failed")
    assert "is damaged, so today's backup copy was not taken" in box.text()
    assert backups.backups_of(path) == []
    win.close()


def test_the_days_check_is_recorded_by_the_window_not_the_worker(tmp_path, qtbot):
    """The worker's copy writes nothing to the database: a commit from its connection
    would make the window forget every campaign's ranking it keeps (another connection
    changed the file), and read them all again while the inspector types. The day the
    file was found sound is recorded by the window's own connection."""
    import datetime as dt

    from inspector.demo import ensure_initialised
    from inspector.store.db import SOUND_ON
    from inspector.store.session import Session
    from inspector.store.trends import data_version
    from inspector.ui.backup_dialog import start_daily_backup

    path = tmp_path / "fresh.db"
    with Session.open(path) as setup:
        ensure_initialised(setup.rows)
        create_campaign(setup.rows, "第一批", "township-party-building")
    session = Session.open(path)
    try:
        version = data_version(session.db)
        job = start_daily_backup(str(path), session=session)
        with qtbot.waitSignal(job.signals.done, timeout=20_000):
            pass
        assert data_version(session.db) == version  # no other connection committed
        assert session.settings.get(SOUND_ON) == dt.date.today().isoformat()
        assert [b.reason for b in backups.backups_of(path)] == ["daily"]
    finally:
        session.close()
