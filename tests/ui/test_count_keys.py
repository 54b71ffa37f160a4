"""Keys in a checklist count box: arrows move between items and never change a count;
a count changes only when typed, and the points it earns are shown beside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector.store.inspections import answer_rows

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def press(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def number(db, inspection, item_id):
    return answer_rows(db, inspection["id"]).get(item_id, {}).get("number")


def test_down_in_a_count_moves_on_and_keeps_the_count(entry, qtbot):
    db, widget, inspection = entry
    widget.focus_item("P02")
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    assert number(db, inspection, "P02") == 2
    press(qtbot, Qt.Key.Key_Down)
    assert widget.current_item() == "P03"
    assert number(db, inspection, "P02") == 2
    assert widget.cards["P02"].spin.value() == 2
    press(qtbot, Qt.Key.Key_Up)
    assert widget.current_item() == "P02"
    press(qtbot, Qt.Key.Key_Up)
    assert widget.current_item() == "P01"
    assert number(db, inspection, "P02") == 2


def test_page_keys_do_not_step_a_count(entry, qtbot):
    db, widget, inspection = entry
    widget.focus_item("P02")
    qtbot.keyClicks(QApplication.focusWidget(), "0")
    for key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
        press(qtbot, key)
    assert number(db, inspection, "P02") == 0
    assert widget.cards["P02"].spin.value() == 0


def test_the_points_a_count_earns_are_shown_as_it_changes(entry, qtbot):
    db, widget, inspection = entry
    card = widget.cards["P02"]
    item = card.item
    widget.focus_item("P02")
    qtbot.keyClicks(QApplication.focusWidget(), str(int(item.target or 0)))
    full = card.points_label.text()
    assert f"{item.points:g}" in full
    wrong = int(item.target or 0) + (-3 if item.rule == "at_least" else 3)
    card.spin.selectAll()
    qtbot.keyClicks(card.spin, str(max(wrong, 0)))
    earned = max(0.0, item.points - (item.deduct or 0) * 3)
    assert card.points_label.text() != full
    assert f"{earned:g}" in card.points_label.text()
    assert number(db, inspection, "P02") == max(wrong, 0)
