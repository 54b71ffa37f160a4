"""The checklist and the problem list agree: a 不符合 skipped is offered again, and a
verdict changed away from 不符合 offers to withdraw the problem it recorded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector.store.inspections import answer_rows

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def press(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def live_problems(db, inspection) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM problems WHERE inspection_id = ? AND deleted = 0", [inspection["id"]]
        )
    )


def test_a_skipped_problem_is_offered_again(entry, qtbot):
    db, widget, inspection = entry
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_3)
    qtbot.mouseClick(widget.problem_dialog.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.problem_dialog is None)
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_3)  # 不符合 again: the problem is offered again
    assert widget.problem_dialog is not None
    qtbot.mouseClick(widget.problem_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.problem_dialog is None)
    assert len(live_problems(db, inspection)) == 1


def _record_a_fail(qtbot, widget):
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_3)
    qtbot.mouseClick(widget.problem_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.problem_dialog is None)


def test_a_verdict_changed_away_from_fail_offers_to_withdraw_its_problem(entry, qtbot, monkeypatch):
    db, widget, inspection = entry
    _record_a_fail(qtbot, widget)
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_1)  # on second look it meets the requirement
    assert asked and "P01" in asked[0]
    assert answer_rows(db, inspection["id"])["P01"]["verdict"] == "full"
    assert live_problems(db, inspection) == []
    assert widget.cards["P01"].problem_badge.text() == ""
    actions = [
        r[0]
        for r in db.execute(
            "SELECT a.action FROM audit_log a JOIN problems p ON p.id = a.row_id "
            "WHERE p.inspection_id = ? ORDER BY a.id",
            [inspection["id"]],
        )
    ]
    assert actions == ["insert", "delete"]


def test_a_problem_kept_when_the_user_says_no(entry, qtbot, monkeypatch):
    db, widget, inspection = entry
    _record_a_fail(qtbot, widget)
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.No)
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_2)
    assert len(live_problems(db, inspection)) == 1


def test_after_a_skip_the_card_offers_the_problem_again(entry, qtbot):
    db, widget, inspection = entry
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_3)
    qtbot.mouseClick(widget.problem_dialog.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.problem_dialog is None)
    badge = widget.cards["P01"].problem_badge
    assert "<a " in badge.text()
    badge.linkActivated.emit("problem")  # the user clicks the link
    assert widget.problem_dialog is not None
    qtbot.mouseClick(widget.problem_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.problem_dialog is None)
    assert len(live_problems(db, inspection)) == 1
    assert "1" in badge.text()
