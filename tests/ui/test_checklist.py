"""Filling a checklist through the real widgets, then reading the database."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from inspector.core.scoring import Verdict
from inspector.store import settings
from inspector.store.catalog import create_campaign, find_township
from inspector.store.db import open_db
from inspector.store.inspections import FINISHED, answer_rows, start_inspection
from inspector.store.rows import Rows
from inspector.ui.checklist import ChecklistWidget

# The offscreen platform warns about window size hints it cannot pass on.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def type_text(widget, text: str) -> None:
    """Type any text, Chinese included, one key event per character."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def press(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def score_row(db, inspection_id):
    return db.execute(
        "SELECT score, answered, sections FROM scores WHERE inspection_id = ?", [inspection_id]
    ).fetchone()


def test_a_checklist_filled_by_keyboard_only_is_in_the_database(entry, qtbot):
    db, widget, inspection = entry
    widget.focus_first_open()
    assert widget.current_item() == "P01"
    press(qtbot, Qt.Key.Key_1)  # P01 meets, on to P02 (a count)
    assert widget.current_item() == "P02"
    assert QApplication.focusWidget() is widget.cards["P02"].spin
    qtbot.keyClicks(QApplication.focusWidget(), "0")
    press(qtbot, Qt.Key.Key_Return)  # on to P03
    press(qtbot, Qt.Key.Key_2)  # P03 partly meets
    press(qtbot, Qt.Key.Key_4)  # P04 not applicable
    press(qtbot, Qt.Key.Key_Up)  # back to P04 ...
    assert widget.current_item() == "P04"
    press(qtbot, Qt.Key.Key_0)  # ... and clear it
    press(qtbot, Qt.Key.Key_N)  # into P04's note
    assert QApplication.focusWidget() is widget.cards["P04"].note
    type_text(QApplication.focusWidget(), "台账缺2个月")
    press(qtbot, Qt.Key.Key_Tab)  # on to P05
    assert widget.current_item() == "P05"
    press(qtbot, Qt.Key.Key_1)

    answers = answer_rows(db, inspection["id"])
    assert answers["P01"]["verdict"] == "full"
    assert answers["P02"]["number"] == 0
    assert answers["P03"]["verdict"] == "partial"
    assert answers["P04"]["verdict"] is None
    assert answers["P04"]["note"] == "台账缺2个月"
    assert answers["P05"]["verdict"] == "full"
    score, answered, sections = score_row(db, inspection["id"])
    assert answered == 4
    # P01 3 + P02 3 + P03 2 of 4 + P05 3 = 11 of 13 applicable points.
    assert score == pytest.approx(round(100 * 11 / 13, 1))
    assert json.loads(sections)[0]["answered"] == 4
    assert "84.6" in widget.score_label.text()


def test_a_note_is_in_the_database_as_it_is_typed(entry, qtbot):
    """Killed right after a key press, the app has lost nothing shown: every change
    of a note is committed before the key event returns."""
    db, widget, inspection = entry
    path = db.execute("PRAGMA database_list").fetchone()[2]
    widget.focus_item("P03")
    press(qtbot, Qt.Key.Key_N)
    note = widget.cards["P03"].note
    assert QApplication.focusWidget() is note
    other = open_db(path)  # what a restarted app would read
    try:
        type_text(note, "会议记")
        assert answer_rows(other, inspection["id"])["P03"]["note"] == "会议记"
        type_text(note, "录不全")
        assert answer_rows(other, inspection["id"])["P03"]["note"] == "会议记录不全"
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, note, Qt.Key.Key_Backspace, "", Qt.KeyboardModifier.NoModifier
        )
        assert answer_rows(other, inspection["id"])["P03"]["note"] == "会议记录不"
    finally:
        other.close()


def test_showing_a_stored_note_writes_nothing(entry, qtbot):
    db, widget, _inspection = entry
    widget.cards["P05"].note.setFocus()
    type_text(widget.cards["P05"].note, "ok")
    audited = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    widget.reload()
    assert widget.cards["P05"].note.text() == "ok"
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == audited


def shift_tab(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)


def test_tab_moves_between_items_and_n_opens_the_note(entry, qtbot):
    db, widget, inspection = entry
    widget.focus_item("P03")
    press(qtbot, Qt.Key.Key_1)  # P03 meets, on to P04
    assert widget.current_item() == "P04"
    press(qtbot, Qt.Key.Key_Tab)  # skip P04: Tab goes to P05, not a note
    assert widget.current_item() == "P05"
    assert QApplication.focusWidget() is widget.cards["P05"]
    press(qtbot, Qt.Key.Key_2)  # P05 partly meets, on to P06
    assert answer_rows(db, inspection["id"])["P05"]["verdict"] == "partial"
    assert "P04" not in answer_rows(db, inspection["id"])
    shift_tab(qtbot)
    assert widget.current_item() == "P05"  # Shift+Tab: back one item

    press(qtbot, Qt.Key.Key_N)  # N: into P05's note
    assert QApplication.focusWidget() is widget.cards["P05"].note
    qtbot.keyClicks(QApplication.focusWidget(), "records of May missing")
    assert answer_rows(db, inspection["id"])["P05"]["note"] == "records of May missing"
    press(qtbot, Qt.Key.Key_Escape)  # Esc: back to the item ...
    assert QApplication.focusWidget() is widget.cards["P05"]
    press(qtbot, Qt.Key.Key_1)  # ... so 1 sets its verdict
    row = answer_rows(db, inspection["id"])["P05"]
    assert (row["verdict"], row["note"]) == ("full", "records of May missing")
    assert widget.current_item() == "P06"

    press(qtbot, Qt.Key.Key_F2)  # F2 opens the note too
    assert QApplication.focusWidget() is widget.cards["P06"].note
    press(qtbot, Qt.Key.Key_Tab)  # Tab from a note: the next item
    assert QApplication.focusWidget() is widget.cards["P07"]
    shift_tab(qtbot)
    assert QApplication.focusWidget() is widget.cards["P06"]

    widget.focus_item("P01")  # through a count box
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget.cards["P02"].spin
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget.cards["P03"]
    shift_tab(qtbot)
    press(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is widget.cards["P02"].note
    press(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is widget.cards["P02"].spin


def test_tab_after_clicking_a_verdict_goes_to_the_next_item(entry, qtbot):
    db, widget, inspection = entry
    widget.focus_item("P01")
    button = widget.cards["S02"].verdicts.buttons[Verdict.PARTIAL]
    widget.scroll_area.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert answer_rows(db, inspection["id"])["S02"]["verdict"] == "partial"
    assert widget.current_item() == "S02"
    press(qtbot, Qt.Key.Key_Tab)
    assert widget.current_item() == "S03"
    assert QApplication.focusWidget() is widget.cards["S03"].spin


def test_the_header_shows_no_score_until_an_item_is_scored(entry, qtbot):
    _db, widget, _inspection = entry
    header = widget.score_label.text()
    assert "<b>—</b>" in header and "★" not in header and "0/39" in header
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_4)  # not applicable: still nothing to score
    assert "<b>—</b>" in widget.score_label.text()
    widget.focus_item("P03")
    press(qtbot, Qt.Key.Key_1)
    header = widget.score_label.text()
    assert "<b>100.0</b>" in header and "★" in header and "2/39" in header


def test_the_chinese_checklist_is_translated(init_db, qtbot):
    from inspector.ui import i18n

    rows = Rows(init_db, who="测试员")
    campaign = create_campaign(rows, "专项督查", "township-party-building")
    township = find_township(init_db, "昌国街道")
    start_inspection(rows, campaign["id"], township["id"])
    try:
        assert i18n.apply_language("zh_CN")
        widget = ChecklistWidget(init_db)
        qtbot.addWidget(widget)
        assert widget.load(campaign["id"], township["id"])
        title = widget.cards["V01"].findChildren(QLabel)[0].text()
        assert "一票否决项" in title and "veto item" not in title
        assert widget.score_label.text().startswith("得分 <b>—</b>")
        hints = [w.text() for w in widget.findChildren(QLabel) if "Tab" in w.text()]
        assert hints and "N" in hints[0] and "Keys" not in hints[0]
    finally:
        i18n.apply_language("en")


def test_does_not_meet_offers_the_default_problem_and_records_it(entry, qtbot):
    db, widget, inspection = entry
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_3)
    dialog = widget.problem_dialog
    assert dialog is not None and dialog.isVisible()
    item = widget.form.item("P01")
    assert dialog.problem_text() == item.problem
    assert dialog.unit() == "昌国街道党工委"
    expected = dt.date.today() + dt.timedelta(days=30)
    assert dialog.deadline() == expected.isoformat()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.problem_dialog is None)
    problems = list(db.query("SELECT * FROM problems WHERE inspection_id = ?", [inspection["id"]]))
    assert len(problems) == 1
    p = problems[0]
    assert (p["item_id"], p["text"], p["deadline"], p["status"]) == (
        "P01",
        item.problem,
        expected.isoformat(),
        "open",
    )
    assert p["campaign_id"] == inspection["campaign_id"]
    assert p["responsible_unit"] == "昌国街道党工委"
    assert "1" in widget.cards["P01"].problem_badge.text()
    # A second 不符合 on the same item does not offer it again.
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_3)
    assert widget.problem_dialog is None


def test_skip_records_no_problem_and_the_deadline_follows_the_setting(entry, qtbot):
    db, widget, inspection = entry
    settings.put(db, "default_deadline_days", 10)
    widget.focus_item("P02")
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    press(qtbot, Qt.Key.Key_Return)  # a count over its target of 0
    dialog = widget.problem_dialog
    assert dialog is not None
    assert dialog.deadline() == (dt.date.today() + dt.timedelta(days=10)).isoformat()
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.problem_dialog is None)
    assert db.execute("SELECT COUNT(*) FROM problems").fetchone()[0] == 0
    assert answer_rows(db, inspection["id"])["P02"]["number"] == 2


def test_a_finished_inspection_is_read_only_until_reopened(entry, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    db, widget, inspection = entry
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_1)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Yes
    )  # finish anyway, at 1 of 39
    qtbot.mouseClick(widget.finish_button, Qt.MouseButton.LeftButton)
    assert db["inspections"].get(inspection["id"])["status"] == FINISHED
    assert asked == [
        "38 of 39 items are not answered yet. Finish anyway? The score stays "
        "provisional and the township is not ranked until they are answered."
    ]
    card = widget.cards["P03"]
    assert not card.verdicts.isEnabled() and card.note.isReadOnly()
    assert not card.photo_button.isEnabled()
    assert widget.cards["P02"].spin.isReadOnly()
    widget.focus_item("P03")
    press(qtbot, Qt.Key.Key_1)
    assert "P03" not in answer_rows(db, inspection["id"])
    qtbot.mouseClick(widget.finish_button, Qt.MouseButton.LeftButton)
    assert db["inspections"].get(inspection["id"])["status"] == "in_progress"
    assert card.verdicts.isEnabled()
    audited = [
        json.loads(r[0])["status"]
        for r in db.execute(
            "SELECT new FROM audit_log WHERE table_name = 'inspections' AND row_id = ? "
            "AND action = 'update' AND new LIKE '%status%' ORDER BY id",
            [inspection["id"]],
        )
    ]
    assert audited == ["finished", "in_progress"]


def test_photos_are_stored_content_addressed_and_shown(entry, qtbot, tmp_path):
    db, widget, inspection = entry
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e86c1"))
    path = tmp_path / "现场照片.png"
    assert image.save(str(path))
    import threading

    from inspector.store import attachments

    threads = []
    add_attachment = attachments.add_attachment

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return add_attachment(*args, **kwargs)

    attachments.add_attachment = recording
    try:
        assert widget.add_photos("P05", [str(path)]) == 1
        strip = widget.cards["P05"].photos
        qtbot.waitUntil(lambda: len(strip.attachments) == 1, timeout=20_000)
    finally:
        attachments.add_attachment = add_attachment
    assert threads and threading.main_thread() not in threads  # downscaled off the GUI thread
    rows = list(
        db.query(
            "SELECT a.* FROM attachments a JOIN answers s ON s.id = a.owner_id "
            "WHERE s.inspection_id = ? AND s.item_id = 'P05'",
            [inspection["id"]],
        )
    )
    assert [r["filename"] for r in rows] == ["现场照片.png"]
    from inspector.store.attachments import read_bytes

    assert read_bytes(db, rows[0]["sha256"]) == path.read_bytes()
    strip = widget.cards["P05"].photos
    assert strip.isVisible() and len(strip.attachments) == 1


def test_team_split_hides_the_sections_another_laptop_does(entry, qtbot):
    db, widget, inspection = entry
    first = widget.section_list.item(0)
    first.setCheckState(Qt.CheckState.Unchecked)
    widget.only_mine.setChecked(True)
    assert widget.cards["P01"].isHidden()
    assert not widget.cards["S01"].isHidden()
    stored = settings.get(db, f"my_sections:{inspection['campaign_id']}")
    assert "project" not in stored and "discipline" in stored
    widget.focus_first_open()
    assert widget.current_item() != "P01"
