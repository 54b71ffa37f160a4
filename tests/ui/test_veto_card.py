"""A veto item (一票否决) is met or not: its card offers no 基本符合, and key 2 on it
records nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from inspector.store.inspections import answer_rows

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _buttons(card) -> list[str]:
    return [b.text() for b in card.findChildren(QPushButton) if b.text()[:1].isdigit()]


def test_a_veto_card_offers_meets_does_not_meet_and_not_applicable(entry, qtbot):
    _db, widget, _inspection = entry
    assert _buttons(widget.cards["V01"]) == ["1 Meets", "3 Does not meet", "4 Not applicable"]
    assert _buttons(widget.cards["P01"]) == [
        "1 Meets",
        "2 Partly meets",
        "3 Does not meet",
        "4 Not applicable",
    ]


def test_key_2_on_a_veto_item_writes_nothing_and_stays(entry, qtbot):
    db, widget, inspection = entry
    widget.focus_item("V01")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert "V01" not in answer_rows(db, inspection["id"])
    assert widget.current_item() == "V01"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert answer_rows(db, inspection["id"])["V01"]["verdict"] == "full"
