"""The problem panel through a working day: what is typed is kept whatever is clicked
next, the mouse wheel never rewrites a value, problems added and deleted by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea

from inspector.core.problems import Action
from inspector.store.problems import ProblemFilter, list_problems
from inspector.ui.problem_list import ProblemListWidget
from tests.conftest import SAMPLE_DATE
from tests.ui.test_problem_list import click, open_problem, select_ids

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def widget(qtbot, sample_db, sample_campaign):
    w = ProblemListWidget(sample_db, today=SAMPLE_DATE)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    w.set_campaign(sample_campaign["id"])
    return w


def stored(db, pid: str, column: str):
    return db.execute(f"SELECT {column} FROM problems WHERE id = ?", [pid]).fetchone()[0]


def wheel(widget, steps: int = 1) -> None:
    """One notch of the mouse wheel over the middle of `widget` (down when positive)."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, -120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_typed_fields_are_kept_when_a_life_cycle_button_is_clicked(qtbot, widget, sample_db,
                                                                  sample_campaign):
    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    panel = widget.panel
    panel.person_edit.setFocus()
    panel.person_edit.clear()
    qtbot.keyClicks(panel.person_edit, "Zhang Wei")
    panel.measure_edit.setFocus()
    panel.measure_edit.clear()
    qtbot.keyClicks(panel.measure_edit, "rebuild the ledger")
    click(qtbot, widget, Action.START)  # 开始整改, without pressing Save
    assert stored(sample_db, pid, "status") == "rectifying"
    assert stored(sample_db, pid, "responsible_person") == "Zhang Wei"
    assert stored(sample_db, pid, "measure") == "rebuild the ledger"
    assert panel.person_edit.text() == "Zhang Wei"
    assert panel.measure_edit.toPlainText() == "rebuild the ledger"


def test_typing_is_saved_without_the_save_button(qtbot, widget, sample_db, sample_campaign):
    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    panel = widget.panel
    panel.unit_edit.setFocus()
    panel.unit_edit.clear()
    qtbot.keyClicks(panel.unit_edit, "Party office")
    qtbot.waitUntil(lambda: stored(sample_db, pid, "responsible_unit") == "Party office",
                    timeout=3000)
    assert panel.unit_edit.text() == "Party office"  # the save did not retype the field
    assert panel.unit_edit.cursorPosition() == len("Party office")


def test_the_wheel_over_an_unfocused_deadline_scrolls_and_changes_nothing(
        qtbot, widget, sample_db, sample_campaign):
    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    panel = widget.panel
    before = stored(sample_db, pid, "deadline")
    shown = panel.deadline_edit.date()
    widget.splitter.setSizes([700, 100])  # the panel scrolls
    scroll = next(w for w in widget.findChildren(QScrollArea) if w.widget() is panel)
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    widget.view.setFocus()
    for _ in range(3):
        wheel(panel.deadline_edit)
    assert panel.deadline_edit.date() == shown
    assert stored(sample_db, pid, "deadline") == before
    assert bar.value() > 0  # the wheel went to the panel


def test_every_box_in_the_problem_tab_ignores_an_unfocused_wheel(qtbot, widget):
    widget.view.setFocus()
    for combo in (widget.campaign_combo, widget.county_combo, widget.township_combo):
        index = combo.currentIndex()
        wheel(combo)
        assert combo.currentIndex() == index


def test_a_deadline_before_the_found_date_is_refused_in_the_panel(qtbot, widget, sample_db,
                                                                 sample_campaign, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    before = stored(sample_db, pid, "deadline")
    found = QDate.fromString(stored(sample_db, pid, "found_on")[:10], "yyyy-MM-dd")
    widget.panel.deadline_edit.setDate(found.addDays(-3))
    assert not widget.panel.save_if_dirty()
    assert warnings and "before" in warnings[0]
    assert stored(sample_db, pid, "deadline") == before


def _ids(db, campaign_id):
    return [p["id"] for p in list_problems(db, ProblemFilter(campaign_id=campaign_id,
                                                              today=SAMPLE_DATE), limit=2)]
