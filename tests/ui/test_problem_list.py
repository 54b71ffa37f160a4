"""The problem list as an inspector uses it: filter, sort, edit, and move problems
through their life by clicking, checked against the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from inspector.core.problems import Action, Status
from inspector.store.attachments import attachments_of
from inspector.store.problems import (
    ProblemFilter,
    apply_action,
    count_problems,
    list_problems,
)
from inspector.store.rows import Rows
from inspector.ui import problem_actions, problem_panel
from inspector.ui.problem_list import ProblemListWidget
from inspector.ui.problem_model import DEADLINE_COLUMN, ProblemIdRole, ProblemRowRole
from tests.conftest import SAMPLE_DATE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def widget(qtbot, sample_db, sample_campaign):
    w = ProblemListWidget(sample_db, today=SAMPLE_DATE)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    w.set_campaign(sample_campaign["id"])
    return w


def status_of(db, pid: str) -> str:
    return db.execute("SELECT status FROM problems WHERE id = ?", [pid]).fetchone()[0]


def shown_rows(w: ProblemListWidget) -> list[dict]:
    m = w.model
    return [m.data(m.index(r, 0), ProblemRowRole) for r in range(m.rowCount())]


def select_ids(w: ProblemListWidget, *ids: str) -> None:
    rows = {r["id"]: n for n, r in enumerate(shown_rows(w))}
    selection = w.view.selectionModel()
    selection.clearSelection()
    for pid in ids:
        selection.select(
            w.model.index(rows[pid], 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def enabled(w: ProblemListWidget) -> dict[Action, bool]:
    return {a: w.panel.action_buttons[a].isEnabled() for a in Action}


def click(qtbot, w: ProblemListWidget, action: Action) -> None:
    with qtbot.waitSignal(w.changed, timeout=2000):
        qtbot.mouseClick(w.panel.action_buttons[action], Qt.MouseButton.LeftButton)


def open_problem(db, campaign_id: str) -> str:
    f = ProblemFilter(campaign_id=campaign_id, statuses=("open",), today=SAMPLE_DATE)
    return list_problems(db, f, limit=1)[0]["id"]


def test_a_problem_goes_through_its_whole_life_by_clicking(
    qtbot, widget, sample_db, sample_campaign, monkeypatch, tmp_path
):
    photo = tmp_path / "整改后.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("green"))
    image.save(str(photo))
    notes = iter([("补齐会议记录和台账", [str(photo)]), ("重新整改，补充佐证", [])])
    monkeypatch.setattr(problem_actions, "ask_rectification", lambda *_: next(notes))
    monkeypatch.setattr(problem_actions, "ask_reject_reason", lambda *_: "佐证材料不足")
    monkeypatch.setattr(problem_actions, "confirm_close", lambda *_: True)

    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    assert widget.panel.problem_ids == [pid]
    assert enabled(widget) == {
        Action.START: True,
        Action.RECTIFY: True,
        Action.CLOSE: False,
        Action.REJECT: False,
    }

    click(qtbot, widget, Action.START)
    assert status_of(sample_db, pid) == "rectifying"
    assert widget.panel.problem_ids == [pid]  # still selected after the list reloaded
    assert enabled(widget) == {
        Action.START: False,
        Action.RECTIFY: True,
        Action.CLOSE: False,
        Action.REJECT: False,
    }

    click(qtbot, widget, Action.RECTIFY)
    row = sample_db.execute("SELECT * FROM problems WHERE id = ?", [pid]).fetchone()
    assert status_of(sample_db, pid) == "rectified"
    assert "补齐会议记录和台账" in widget.panel.note_value.text()
    photos = attachments_of(sample_db, "problems", pid)
    assert [(p["filename"], p["caption"]) for p in photos] == [("整改后.png", "整改佐证")]
    assert widget.panel.photos.count() == 1
    assert enabled(widget) == {
        Action.START: False,
        Action.RECTIFY: False,
        Action.CLOSE: True,
        Action.REJECT: True,
    }

    click(qtbot, widget, Action.REJECT)
    assert status_of(sample_db, pid) == "rectifying"
    note = sample_db.execute("SELECT rectify_note FROM problems WHERE id = ?", [pid]).fetchone()[0]
    assert "复查退回" in note and "佐证材料不足" in note

    click(qtbot, widget, Action.RECTIFY)
    assert status_of(sample_db, pid) == "rectified"

    click(qtbot, widget, Action.CLOSE)
    row = next(iter(sample_db.query("SELECT * FROM problems WHERE id = ?", [pid])))
    assert row["status"] == "closed"
    assert row["closed_on"] == SAMPLE_DATE.isoformat()
    assert not any(enabled(widget).values())  # nothing follows 销号
    steps = sample_db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE table_name = 'problems' AND row_id = ? "
        "AND action = 'update'",
        [pid],
    ).fetchone()[0]
    assert steps >= 5


def test_cancelled_prompts_write_nothing(qtbot, widget, sample_db, sample_campaign, monkeypatch):
    monkeypatch.setattr(problem_actions, "ask_rectification", lambda *_: None)
    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    qtbot.mouseClick(widget.panel.action_buttons[Action.RECTIFY], Qt.MouseButton.LeftButton)
    assert status_of(sample_db, pid) == "open"


def test_several_problems_move_together_or_not_at_all(
    qtbot, widget, sample_db, sample_campaign, monkeypatch
):
    f = ProblemFilter(campaign_id=sample_campaign["id"], statuses=("open",), today=SAMPLE_DATE)
    first, second, third = (p["id"] for p in list_problems(sample_db, f, limit=3))
    select_ids(widget, first, second)
    assert sorted(widget.panel.problem_ids) == sorted([first, second])
    assert "2" in widget.panel.heading.text()
    click(qtbot, widget, Action.START)
    assert status_of(sample_db, first) == status_of(sample_db, second) == "rectifying"

    # a rectified problem beside an open one: only steps legal for both are offered
    rectified = list_problems(
        sample_db,
        ProblemFilter(
            campaign_id=sample_campaign["id"], statuses=("rectified",), today=SAMPLE_DATE
        ),
        limit=1,
    )[0]["id"]
    select_ids(widget, third, rectified)
    assert not any(enabled(widget).values())

    # if one of them changed meanwhile (another window, an import), none is written
    closing = list_problems(
        sample_db,
        ProblemFilter(
            campaign_id=sample_campaign["id"], statuses=("rectified",), today=SAMPLE_DATE
        ),
        limit=2,
    )
    select_ids(widget, *(p["id"] for p in closing))
    assert enabled(widget)[Action.CLOSE]
    apply_action(Rows(sample_db, who="别处"), closing[1]["id"], Action.REJECT, note="x")
    warnings = []
    monkeypatch.setattr(problem_actions, "confirm_close", lambda *_: True)
    monkeypatch.setattr(
        problem_actions.QMessageBox, "warning", lambda *args: warnings.append(args[2])
    )
    qtbot.mouseClick(widget.panel.action_buttons[Action.CLOSE], Qt.MouseButton.LeftButton)
    assert warnings and "rectifying" in warnings[0]
    assert status_of(sample_db, closing[0]["id"]) == "rectified"
    assert status_of(sample_db, closing[1]["id"]) == "rectifying"


def test_context_menu_offers_the_same_actions(widget, sample_db, sample_campaign):
    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    row = widget.model.row_of(pid)
    widget.view.scrollTo(widget.model.index(row, 0))
    pos = widget.view.visualRect(widget.model.index(row, 1)).center()
    menu = widget.context_menu(pos)
    assert [a.isEnabled() for a in menu.actions()] == [True, True, False, False]
    assert menu.actions()[0] is widget.panel.action_buttons[Action.START].defaultAction()
    widget.search_edit.setText("没有这样的问题")
    widget.apply_filter()
    assert widget.context_menu(QPoint(5, 5)) is None  # no row under the mouse


def test_panel_edits_are_saved_and_autosaved_on_moving_on(
    qtbot, widget, sample_db, sample_campaign
):
    first, second = (
        p["id"]
        for p in list_problems(
            sample_db, ProblemFilter(campaign_id=sample_campaign["id"], today=SAMPLE_DATE), limit=2
        )
    )
    select_ids(widget, first)
    panel = widget.panel
    assert not panel.save_button.isEnabled()
    panel.unit_edit.setText("测试责任单位")
    assert panel.deadline_edit.isReadOnly()  # a recorded deadline moves only by an extension
    assert panel.save_button.isEnabled()
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = next(iter(sample_db.query("SELECT * FROM problems WHERE id = ?", [first])))
    assert saved["responsible_unit"] == "测试责任单位"
    assert saved["deadline"] == panel.deadline_edit.date().toString("yyyy-MM-dd")
    assert not panel.save_button.isEnabled()

    panel.person_edit.setText("张书记")
    select_ids(widget, second)  # moving on keeps what was typed
    assert (
        sample_db.execute(
            "SELECT responsible_person FROM problems WHERE id = ?", [first]
        ).fetchone()[0]
        == "张书记"
    )
    assert widget.panel.problem_ids == [second]


def test_an_empty_description_is_refused_and_nothing_saved(
    qtbot, widget, sample_db, sample_campaign, monkeypatch
):
    pid = open_problem(sample_db, sample_campaign["id"])
    before = sample_db.execute("SELECT text FROM problems WHERE id = ?", [pid]).fetchone()[0]
    select_ids(widget, pid)
    warnings = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",  # the one error policy (ui.errors)
        lambda *args: warnings.append(args[2]),
    )
    widget.panel.text_edit.setPlainText("   ")
    qtbot.mouseClick(widget.panel.save_button, Qt.MouseButton.LeftButton)
    assert warnings
    assert (
        sample_db.execute("SELECT text FROM problems WHERE id = ?", [pid]).fetchone()[0] == before
    )


def test_photos_added_from_the_panel(
    qtbot, widget, sample_db, sample_campaign, monkeypatch, tmp_path
):
    photo = tmp_path / "现场.png"
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(photo))
    monkeypatch.setattr(problem_panel, "choose_photos", lambda *_: [str(photo)])
    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(widget.panel.add_photos_button, Qt.MouseButton.LeftButton)
    assert [a["filename"] for a in attachments_of(sample_db, "problems", pid)] == ["现场.png"]
    assert widget.panel.photos.count() == 1


# -- filtering ---------------------------------------------------------------


def assert_matches(w: ProblemListWidget, db, f: ProblemFilter) -> list[dict]:
    expected = list_problems(db, f, limit=10_000)
    assert w.model.rowCount() == count_problems(db, f) == len(expected)
    rows = shown_rows(w)
    assert [r["id"] for r in rows] == [r["id"] for r in expected]
    assert w.count_label.text().startswith(str(len(expected)))
    return rows


def test_filter_by_status_and_overdue(qtbot, widget, sample_db, sample_campaign):
    campaign = sample_campaign["id"]
    qtbot.mouseClick(widget.status_buttons[Status.OPEN], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.status_buttons[Status.RECTIFYING], Qt.MouseButton.LeftButton)
    rows = assert_matches(
        widget,
        sample_db,
        ProblemFilter(campaign_id=campaign, statuses=("open", "rectifying"), today=SAMPLE_DATE),
    )
    assert {r["status"] for r in rows} == {"open", "rectifying"}

    qtbot.mouseClick(widget.status_buttons[Status.OPEN], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.status_buttons[Status.RECTIFYING], Qt.MouseButton.LeftButton)
    widget.overdue_check.setChecked(True)
    rows = assert_matches(
        widget, sample_db, ProblemFilter(campaign_id=campaign, overdue_only=True, today=SAMPLE_DATE)
    )
    assert rows and all(r["overdue"] and r["deadline"] < SAMPLE_DATE.isoformat() for r in rows)


def test_filter_by_county_then_township(qtbot, widget, sample_db, sample_campaign):
    combo = widget.county_combo
    combo.setCurrentIndex(combo.findText("普陀区"))
    county = combo.currentData()
    rows = assert_matches(
        widget,
        sample_db,
        ProblemFilter(campaign_id=sample_campaign["id"], county_id=county, today=SAMPLE_DATE),
    )
    assert {r["county"] for r in rows} == {"普陀区"}
    towns = widget.township_combo
    names = [towns.itemText(i) for i in range(1, towns.count())]
    assert "沈家门街道" in names and "定海区" not in " ".join(names)
    towns.setCurrentIndex(towns.findText("沈家门街道"))
    rows = assert_matches(
        widget,
        sample_db,
        ProblemFilter(
            campaign_id=sample_campaign["id"], township_id=towns.currentData(), today=SAMPLE_DATE
        ),
    )
    assert {r["township"] for r in rows} == {"沈家门街道"}


def test_free_text_waits_for_a_pause_in_typing(qtbot, widget, sample_db, sample_campaign):
    widget.focus_filter()
    qtbot.keyClicks(widget.search_edit, "S0")
    assert widget.model.problem_filter.text == ""  # not one query per key
    qtbot.waitUntil(lambda: widget.model.problem_filter.text == "S0", timeout=2000)
    rows = assert_matches(
        widget,
        sample_db,
        ProblemFilter(campaign_id=sample_campaign["id"], text="S0", today=SAMPLE_DATE),
    )
    assert rows and all(
        "S0" in (r["item_id"] or "") + r["text"] + r["responsible_unit"] for r in rows
    )

    widget.search_edit.setText("街道党建办")  # Chinese: set and let textChanged fire
    qtbot.waitUntil(lambda: widget.model.problem_filter.text == "街道党建办", timeout=2000)
    rows = assert_matches(
        widget,
        sample_db,
        ProblemFilter(campaign_id=sample_campaign["id"], text="街道党建办", today=SAMPLE_DATE),
    )
    assert rows and all("街道党建办" in r["responsible_unit"] for r in rows)

    widget.set_campaign(None)  # every campaign
    assert_matches(widget, sample_db, ProblemFilter(text="街道党建办", today=SAMPLE_DATE))


def test_township_page_restricts_the_list(widget, sample_db, sample_campaign):
    town = next(iter(sample_db.query("SELECT id FROM townships WHERE name = '岱东镇'")))
    widget.set_township(town["id"])
    assert not widget.county_combo.isVisible()
    rows = assert_matches(
        widget,
        sample_db,
        ProblemFilter(campaign_id=sample_campaign["id"], township_id=town["id"], today=SAMPLE_DATE),
    )
    assert {r["township"] for r in rows} == {"岱东镇"}
    widget.set_township(None)
    assert widget.county_combo.isVisible()
    assert widget.model.rowCount() > len(rows)


def test_sort_by_deadline_descending_by_clicking_the_header(
    qtbot, widget, sample_db, sample_campaign
):
    header = widget.view.horizontalHeader()
    x = header.sectionViewportPosition(DEADLINE_COLUMN) + header.sectionSize(DEADLINE_COLUMN) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    deadlines = [r["deadline"] for r in shown_rows(widget)]
    assert deadlines == sorted(deadlines, reverse=True)
    expected = list_problems(
        sample_db,
        ProblemFilter(campaign_id=sample_campaign["id"], today=SAMPLE_DATE),
        descending=True,
        limit=10_000,
    )
    assert [
        widget.model.data(widget.model.index(r, 0), ProblemIdRole)
        for r in range(widget.model.rowCount())
    ] == [p["id"] for p in expected]


def test_unsortable_column_keeps_the_order(qtbot, widget):
    header = widget.view.horizontalHeader()
    before = [r["id"] for r in shown_rows(widget)]
    x = header.sectionViewportPosition(8) + header.sectionSize(8) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: header.sortIndicatorSection() == DEADLINE_COLUMN, timeout=1000)
    assert [r["id"] for r in shown_rows(widget)] == before


def test_a_long_day_of_filtering_does_not_abort_the_app(widget):
    """PySide6 6.12 on Python 3.11 loses a reference to None per Qt call returning None;
    tens of thousands of calls (an afternoon of filtering) must not abort the interpreter."""
    import sys

    from PySide6.QtWidgets import QLabel

    label = QLabel()
    for _ in range(60_000):  # more than None's own count when the app starts
        label.setText("x")
    for _ in range(50):
        widget.overdue_check.toggle()
    assert sys.getrefcount(None) > 1_000_000


def test_problems_added_elsewhere_show_when_the_tab_returns(widget, sample_db, sample_campaign):
    from inspector.store.problems import add_problem

    before = widget.model.rowCount()
    town = next(iter(sample_db.query("SELECT id FROM townships LIMIT 1")))["id"]
    widget.hide()
    add_problem(
        Rows(sample_db, who="测试员"),
        town,
        "检查中新发现的问题",
        "2026-12-31",
        campaign_id=sample_campaign["id"],
    )
    widget.show()
    assert widget.model.rowCount() == before + 1
