"""The first start on a new database asks for the device name and the number block."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspector.store import settings
from inspector.store.db import open_db
from inspector.store.schema import migrations
from inspector.store.session import Session
from inspector.ui.first_run import FirstRunDialog, ask_if_new

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def new_session(tmp_path):
    session = Session(open_db(tmp_path / "new.db"))
    yield session
    session.close()


def _type_number(qtbot, spin, value: int) -> None:
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def test_the_first_start_asks_and_stores_the_answers(qtbot, new_session):
    dialog = ask_if_new(None, new_session)
    assert isinstance(dialog, FirstRunDialog)
    qtbot.addWidget(dialog)
    assert not dialog.from_kit
    dialog.device_name.clear()
    qtbot.keyClicks(dialog.device_name, "team2-laptop")
    _type_number(qtbot, dialog.block_start, 101)
    _type_number(qtbot, dialog.block_end, 200)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    db = new_session.db
    assert settings.get(db, "device_name") == "team2-laptop"
    assert (settings.get(db, "notice_block_start"), settings.get(db, "notice_block_end")) == (
        101,
        200,
    )
    assert settings.get(db, "first_run_done") is True
    assert ask_if_new(None, new_session) is None  # asked once


def test_a_block_ending_before_it_starts_is_refused(qtbot, new_session, monkeypatch):
    from inspector.ui import first_run

    told = []
    monkeypatch.setattr(first_run.QMessageBox, "warning", lambda *a: told.append(a[2]))
    dialog = FirstRunDialog(new_session)
    qtbot.addWidget(dialog)
    _type_number(qtbot, dialog.block_start, 300)
    _type_number(qtbot, dialog.block_end, 200)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert told and "ends before it starts" in told[0]
    assert not settings.get(new_session.db, "first_run_done")


def test_the_kits_block_is_prefilled(qtbot, new_session):
    db = new_session.db
    settings.put(db, "notice_block_start", 201)
    settings.put(db, "notice_block_end", 300)
    settings.put(db, "notice_block_assigned", [201, 300])
    dialog = ask_if_new(None, new_session)
    qtbot.addWidget(dialog)
    assert (dialog.block_start.value(), dialog.block_end.value()) == (201, 300)
    assert dialog.from_kit and "campaign kit" in dialog.block_note.text()


def test_a_database_in_use_before_is_not_asked(tmp_path):
    from sqlite_utils import Database

    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m004_notices_void_report")
    old.execute("INSERT INTO settings(key, value) VALUES ('device_id', '\"abc\"')")
    old.conn.commit()
    old.close()
    session = Session(open_db(tmp_path / "old.db"))
    try:
        assert session.settings.get("first_run_done") is True
        assert ask_if_new(None, session) is None
    finally:
        session.close()
