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
from inspector.ui.problem_model import status_label
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
    event = QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, -120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_typed_fields_are_kept_when_a_life_cycle_button_is_clicked(
    qtbot, widget, sample_db, sample_campaign
):
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
    qtbot.waitUntil(
        lambda: stored(sample_db, pid, "responsible_unit") == "Party office", timeout=3000
    )
    assert panel.unit_edit.text() == "Party office"  # the save did not retype the field
    assert panel.unit_edit.cursorPosition() == len("Party office")


def test_the_wheel_over_an_unfocused_deadline_scrolls_and_changes_nothing(
    qtbot, widget, sample_db, sample_campaign
):
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


def test_a_deadline_before_the_found_date_is_refused_in_the_panel(
    qtbot, widget, sample_db, sample_campaign, monkeypatch
):
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
    return [
        p["id"]
        for p in list_problems(
            db, ProblemFilter(campaign_id=campaign_id, today=SAMPLE_DATE), limit=2
        )
    ]


def type_text(widget, text: str) -> None:
    """Type any text, Chinese included, one key event per character."""
    from PySide6.QtTest import QTest

    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def test_a_problem_is_added_by_hand_for_the_chosen_township(
    qtbot, widget, sample_db, sample_campaign, monkeypatch
):
    from inspector.store.catalog import find_township

    town = find_township(sample_db, "六横镇")
    widget.township_combo.setCurrentIndex(widget.township_combo.findData(town["id"]))
    answered = []

    def fill(dialog) -> bool:
        assert dialog.township_id() == town["id"]
        assert dialog.unit_edit.text()  # the township's party committee, pre-filled
        dialog.text_edit.setFocus()
        type_text(dialog.text_edit, "村务公开栏内容未更新")
        answered.append(dialog)
        return dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()

    monkeypatch.setattr(ProblemListWidget, "_run_dialog", staticmethod(fill))
    qtbot.mouseClick(widget.add_button, Qt.MouseButton.LeftButton)
    assert answered
    [row] = sample_db.query("SELECT * FROM problems WHERE text = '村务公开栏内容未更新'")
    assert row["township_id"] == town["id"] and row["status"] == "open"
    assert row["campaign_id"] == sample_campaign["id"] and row["item_id"] is None
    assert row["found_on"] == SAMPLE_DATE.isoformat() and row["deadline"] > row["found_on"]
    assert widget.panel.problem_ids == [row["id"]]  # selected, ready to fill in
    assert "recorded" in widget.panel.history_list.item(0).text()


def test_a_problem_recorded_by_mistake_is_deleted_from_the_panel(
    qtbot, widget, sample_db, sample_campaign, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        ProblemListWidget,
        "_run_dialog",
        staticmethod(lambda d: (d.text_edit.setPlainText("录错的问题"), True)[1]),
    )
    pid = widget.add_problem()
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(widget.panel.delete_button, Qt.MouseButton.LeftButton)
    assert stored(sample_db, pid, "deleted") == 1
    assert widget.model.row_of(pid) is None
    assert widget.panel.problem_ids == []
    audit = [
        r[0]
        for r in sample_db.execute(
            "SELECT action FROM audit_log WHERE row_id = ? ORDER BY id", [pid]
        )
    ]
    assert audit == ["insert", "delete"]


def test_the_history_shows_each_state_and_a_rejection_with_its_reason(
    qtbot, widget, sample_db, sample_campaign, monkeypatch
):
    from inspector.ui import problem_actions

    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    monkeypatch.setattr(problem_actions, "ask_rectification", lambda *_: ("已补开", []))
    monkeypatch.setattr(problem_actions, "ask_reject_reason", lambda *_: "佐证材料不足")
    for action in (Action.START, Action.RECTIFY, Action.REJECT):
        click(qtbot, widget, action)
    lines = [
        widget.panel.history_list.item(n).text() for n in range(widget.panel.history_list.count())
    ]
    assert "佐证材料不足" in lines[-1] and "复查" in lines[-1]
    assert any(status_label("rectifying") in line for line in lines)
    assert any(status_label("rectified") in line and "已补开" in line for line in lines)


def test_a_closed_problem_is_read_only(qtbot, widget, sample_db, sample_campaign):
    pid = sample_db.execute(
        "SELECT id FROM problems WHERE status = 'closed' AND campaign_id = ?"
        " AND deleted = 0 LIMIT 1",
        [sample_campaign["id"]],
    ).fetchone()[0]
    select_ids(widget, pid)
    panel = widget.panel
    assert panel.read_only_label.isVisible()
    assert panel.person_edit.isReadOnly() and panel.deadline_edit.isReadOnly()
    assert not panel.delete_button.isEnabled()
    before = stored(sample_db, pid, "responsible_person")
    panel.person_edit.setFocus()
    qtbot.keyClicks(panel.person_edit, "X")
    assert panel.save_if_dirty()
    assert stored(sample_db, pid, "responsible_person") == before


def test_the_toolbar_campaign_rules_the_tab(widget, sample_campaign):
    """The window sets the campaign (its toolbar); the tab's own selector cannot disagree."""
    assert not widget.campaign_combo.isVisible()
    assert widget.current_filter().campaign_id == sample_campaign["id"]


def test_enter_or_down_in_the_search_selects_the_single_match(
    qtbot, widget, sample_db, sample_campaign
):
    pid = open_problem(sample_db, sample_campaign["id"])
    unit = "唯一的责任单位甲"
    sample_db.execute("UPDATE problems SET responsible_unit = ? WHERE id = ?", [unit, pid])
    widget.refresh()
    widget.search_edit.setFocus()
    type_text(widget.search_edit, unit)
    qtbot.keyClick(widget.search_edit, Qt.Key.Key_Return)
    assert widget.model.total() == 1
    assert widget.panel.problem_ids == [pid]

    widget.view.clearSelection()
    widget.search_edit.setFocus()
    qtbot.keyClick(widget.search_edit, Qt.Key.Key_Backspace)  # still the single match
    qtbot.keyClick(widget.search_edit, Qt.Key.Key_Down)
    assert widget.panel.problem_ids == [pid]
    assert QApplication.focusWidget() is widget.view


def test_a_description_being_retyped_is_not_refused_during_a_pause(
    qtbot, widget, sample_db, sample_campaign, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from inspector.ui import problem_panel

    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    panel = widget.panel
    before = stored(sample_db, pid, "text")
    panel.text_edit.setFocus()
    panel.text_edit.selectAll()
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_Delete)
    qtbot.wait(problem_panel.SAVE_DELAY_MS + 300)
    assert warnings == [] and stored(sample_db, pid, "text") == before
    qtbot.keyClicks(panel.text_edit, "Ledger incomplete")
    qtbot.waitUntil(lambda: stored(sample_db, pid, "text") == "Ledger incomplete", timeout=3000)
    assert warnings == []
