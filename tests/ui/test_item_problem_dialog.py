"""The problem offered after 不符合: Enter records it, Shift+Enter breaks a line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.store.inspections import answer_rows

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def problems(db, inspection_id):
    return list(
        db.query("SELECT item_id, text FROM problems WHERE inspection_id = ?", [inspection_id])
    )


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def fail_p01(qtbot, widget):
    widget.focus_item("P01")
    press(qtbot, Qt.Key.Key_3)
    dialog = widget.problem_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text_edit)
    return dialog


def test_three_then_enter_records_the_default_problem(entry, qtbot):
    db, widget, inspection = entry
    dialog = fail_p01(qtbot, widget)
    press(qtbot, Qt.Key.Key_Return)  # in the problem text box
    assert widget.problem_dialog is None and not dialog.isVisible()
    assert answer_rows(db, inspection["id"])["P01"]["verdict"] == "fail"
    assert problems(db, inspection["id"]) == [
        {"item_id": "P01", "text": widget.form.item("P01").problem}
    ]


def test_shift_enter_breaks_a_line_and_enter_then_accepts(entry, qtbot):
    db, widget, inspection = entry
    dialog = fail_p01(qtbot, widget)
    edit = dialog.text_edit
    edit.selectAll()
    qtbot.keyClicks(edit, "Minutes missing")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.isVisible()
    for ch in "五月":
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, edit, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
    assert edit.toPlainText() == "Minutes missing\n五月"
    press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert widget.problem_dialog is None
    assert problems(db, inspection["id"]) == [{"item_id": "P01", "text": "Minutes missing\n五月"}]


def test_enter_on_an_empty_problem_keeps_the_dialog_open(entry, qtbot):
    db, widget, inspection = entry
    dialog = fail_p01(qtbot, widget)
    dialog.text_edit.clear()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and widget.problem_dialog is dialog
    assert problems(db, inspection["id"]) == []
    press(qtbot, Qt.Key.Key_Escape)  # Esc skips
    qtbot.waitUntil(lambda: widget.problem_dialog is None)
    assert problems(db, inspection["id"]) == []
