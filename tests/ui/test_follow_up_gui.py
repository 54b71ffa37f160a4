"""Deadline lights, extensions and follow-up verdicts, clicked in the problem list and
checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QScrollArea

from inspector.core.problems import Light
from inspector.store.follow_up import create_follow_up, work_list
from inspector.store.problems import ProblemFilter, list_problems
from inspector.store.rows import Rows
from inspector.ui.problem_list import ProblemListWidget
from inspector.ui.problem_model import COLUMNS, ProblemRowRole
from tests.conftest import SAMPLE_DATE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _widget(qtbot, db, campaign_id):
    w = ProblemListWidget(db, today=SAMPLE_DATE)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    w.set_campaign(campaign_id)
    return w


def _rows(w):
    m = w.model
    return [m.data(m.index(r, 0), ProblemRowRole) for r in range(m.rowCount())]


def _select(w, pid):
    row = next(n for n, r in enumerate(_rows(w)) if r["id"] == pid)
    w.view.selectRow(row)
    assert w.panel.problem_ids == [pid]


def test_the_list_filters_by_light_and_shows_it_in_words(qtbot, sample_db, sample_campaign):
    w = _widget(qtbot, sample_db, sample_campaign["id"])
    qtbot.mouseClick(w.light_buttons[Light.RED], Qt.MouseButton.LeftButton)
    f = ProblemFilter(campaign_id=sample_campaign["id"], lights=("red",), today=SAMPLE_DATE)
    expected = {p["id"] for p in list_problems(sample_db, f, limit=10_000)}
    assert expected and {r["id"] for r in _rows(w)} == expected
    light_column = [k for k, _ in COLUMNS].index("light")
    assert w.model.index(0, light_column).data() == "Red"
    qtbot.mouseClick(w.light_buttons[Light.YELLOW], Qt.MouseButton.LeftButton)
    assert w.model.total() > len(expected)


def test_a_deadline_is_extended_through_the_dialog(qtbot, sample_db, sample_campaign):
    w = _widget(qtbot, sample_db, sample_campaign["id"])
    qtbot.mouseClick(w.light_buttons[Light.RED], Qt.MouseButton.LeftButton)
    pid = _rows(w)[0]["id"]
    before = _rows(w)[0]["deadline"]
    _select(w, pid)
    panel = w.panel
    assert panel.deadline_edit.isReadOnly() and panel.extend_button.isEnabled()

    def answer(dialog):
        dialog.date_edit.setDate(dialog.date_edit.date().fromString("2027-01-15", "yyyy-MM-dd"))
        dialog.reason_edit.setText("村级组织换届")
        dialog.approved_edit.setText("王部长")
        return True

    panel.run_dialog = answer
    qtbot.mouseClick(panel.extend_button, Qt.MouseButton.LeftButton)
    row = sample_db.execute("SELECT deadline FROM problems WHERE id = ?", [pid]).fetchone()
    assert row[0] == "2027-01-15"
    [ext] = list(sample_db.query("SELECT * FROM extensions WHERE problem_id = ?", [pid]))
    assert (ext["previous_deadline"], ext["reason"], ext["approved_by"]) == (
        before,
        "村级组织换届",
        "王部长",
    )
    assert "Originally " + before in panel.extensions_label.text()
    history = [panel.history_list.item(n).text() for n in range(panel.history_list.count())]
    assert any("2027-01-15" in h and "王部长" in h for h in history)
    assert "Green" in panel.status_value.text()  # no longer red


def test_a_follow_up_round_is_checked_problem_by_problem(qtbot, sample_db, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    earlier = sample_db.execute(
        "SELECT follow_up_of FROM campaigns WHERE follow_up_of IS NOT NULL"
    ).fetchone()[0]
    follow = create_follow_up(
        Rows(sample_db, who="李晓燕"), earlier, "再次回头看", "township-party-building"
    )
    listed = work_list(sample_db, follow["id"], None, SAMPLE_DATE)
    w = _widget(qtbot, sample_db, follow["id"])
    assert {r["id"] for r in _rows(w)} == {p["id"] for p in listed}
    still = next(p for p in listed if p["status"] in ("open", "rectifying"))
    _select(w, still["id"])
    panel = w.panel
    assert panel._follow_box.isVisibleTo(panel)
    scroll = next(a for a in w.findChildren(QScrollArea) if a.widget() is panel)
    scroll.ensureWidgetVisible(panel._follow_box)  # a click lands where the user sees it
    qtbot.waitUntil(lambda: panel.verdict_buttons["rejected"].visibleRegion().isEmpty() is False)
    qtbot.mouseClick(panel.verdict_buttons["rejected"], Qt.MouseButton.LeftButton)
    assert (
        sample_db.execute(  # no reason: refused, nothing written
            "SELECT COUNT(*) FROM follow_ups WHERE campaign_id = ?", [follow["id"]]
        ).fetchone()[0]
        == 0
    )
    assert any("reason" in str(m) for m in warnings), warnings
    panel.verdict_reason.setText("现场未见整改")
    qtbot.mouseClick(panel.verdict_buttons["rejected"], Qt.MouseButton.LeftButton)
    [v] = list(sample_db.query("SELECT * FROM follow_ups WHERE campaign_id = ?", [follow["id"]]))
    assert (v["problem_id"], v["verdict"], v["reason"]) == (still["id"], "rejected", "现场未见整改")
    assert "not rectified" in panel.verdict_label.text()

    done = next(p for p in listed if p["status"] == "rectified")
    _select(w, done["id"])
    panel.verdict_close.setChecked(True)
    qtbot.mouseClick(panel.verdict_buttons["verified"], Qt.MouseButton.LeftButton)
    status = sample_db.execute("SELECT status FROM problems WHERE id = ?", [done["id"]])
    assert status.fetchone()[0] == "closed"
    assert done["id"] in {r["id"] for r in _rows(w)}  # closed here: still on the list


def test_the_tree_and_the_page_show_the_lights(qtbot, sample_db, sample_campaign):
    from inspector.store.inspections import campaign_overview
    from inspector.ui.township_page import TownshipPage
    from inspector.ui.township_tree import OVERDUE, TownshipTreeModel

    rows = campaign_overview(sample_db, sample_campaign["id"], SAMPLE_DATE)
    f = ProblemFilter(campaign_id=sample_campaign["id"], lights=("yellow",), today=SAMPLE_DATE)
    yellow = list_problems(sample_db, f, limit=10_000)
    assert sum(r["due_soon_problems"] for r in rows) == len(yellow) > 0
    # the tree and the page judge on the computer's day
    rows = campaign_overview(sample_db, sample_campaign["id"])
    model = TownshipTreeModel()
    model.load(sample_db, sample_campaign["id"])
    town = max(rows, key=lambda r: (r["due_soon_problems"], r["overdue_problems"]))
    index = model.index_of_township(town["township_id"])
    tip = model.data(index.siblingAtColumn(OVERDUE), Qt.ItemDataRole.ToolTipRole)
    assert f"{town['due_soon_problems']} yellow (due soon)" in tip
    assert f"{town['overdue_problems']} red (overdue)" in tip

    page = TownshipPage(sample_db)
    qtbot.addWidget(page)
    page.show_township(sample_campaign["id"], town["township_id"])
    shown = f"{town['due_soon_problems']} due soon" in page.problems_box.title()
    assert shown is (town["due_soon_problems"] > 0)
    # the page's trend is read in a worker: let it land before the database closes
    qtbot.waitUntil(lambda: page.trend_box.trend is not None, timeout=10_000)


def test_a_follow_up_rounds_tree_counts_its_work_list(sample_db):
    from inspector.store.inspections import campaign_overview

    follow = sample_db.execute(
        "SELECT id FROM campaigns WHERE follow_up_of IS NOT NULL"
    ).fetchone()[0]
    listed = work_list(sample_db, follow, None, SAMPLE_DATE)
    rows = campaign_overview(sample_db, follow, SAMPLE_DATE)
    assert sum(r["open_problems"] for r in rows) == sum(p["status"] != "closed" for p in listed)
    assert sum(r["overdue_problems"] for r in rows) == sum(bool(p["overdue"]) for p in listed)


def test_the_campaign_dialog_makes_a_follow_up_round(qtbot, sample_db, sample_campaign):
    from inspector.ui.campaign_dialog import CampaignDialog

    dialog = CampaignDialog(sample_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.reinspect.isEnabled()
    dialog.name.setText("第四季度问题回头看")
    dialog.follow_up_of.setCurrentIndex(dialog.follow_up_of.findData(sample_campaign["id"]))
    assert dialog.reinspect.isEnabled()
    qtbot.mouseClick(dialog.reinspect, Qt.MouseButton.LeftButton)
    dialog.accept()
    row = sample_db.execute(
        "SELECT follow_up_of, checklist FROM campaigns WHERE name = '第四季度问题回头看'"
    ).fetchone()
    assert row == (sample_campaign["id"], 1)


@pytest.fixture
def window(sample_db, sample_db_path, qtbot):
    from inspector.ui import i18n
    from inspector.ui.main_window import MainWindow

    i18n.apply_language("en")
    win = MainWindow(sample_db, str(sample_db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.show()
    qtbot.waitExposed(win)
    yield win
    from inspector.ui.worker import pool

    pool().waitForDone(10_000)  # the page's trend, read in a worker: let it land
    qtbot.wait(50)
    win.close()


def _work_rows(page):
    table = page.work_table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_a_round_that_only_checks_problems_shows_its_work_list_not_a_checklist(
    qtbot, window, sample_db
):
    from inspector.store.follow_up import work_list_summary
    from inspector.ui.main_window import CHECKLIST_TAB, PAGE_TAB

    follow, earlier = sample_db.execute(
        "SELECT id, follow_up_of FROM campaigns WHERE follow_up_of IS NOT NULL AND checklist = 0"
    ).fetchone()
    combo = window.campaign_combo
    combo.setCurrentIndex(combo.findData(follow))
    town = max(work_list_summary(sample_db, follow).items(), key=lambda kv: kv[1][0])[0]
    assert window.tree.select_township(town)
    page = window.page
    listed = work_list(sample_db, follow, town)
    assert len(listed) > 1
    assert page.work_box.isVisibleTo(page) and not page.sections_box.isVisibleTo(page)
    assert sorted(r[1] for r in _work_rows(page)) == sorted(p["text"] for p in listed)
    checked = sum(p["verdict"] is not None for p in listed)
    assert f"{checked} of {len(listed)} checked" in page.status_label.text()
    # no checklist: the button, the action and the tab say so and do nothing
    assert not page.checklist_button.isEnabled()
    assert "no checklist" in page.checklist_button.toolTip()
    assert not window.checklist_action.isEnabled()
    assert "no checklist" in window.checklist_action.toolTip()
    assert not window.tabs.isTabEnabled(CHECKLIST_TAB)
    assert "no checklist" in window.tabs.tabToolTip(CHECKLIST_TAB)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not window.open_checklist()
    assert window.tabs.currentIndex() == PAGE_TAB
    started = sample_db.execute(
        "SELECT COUNT(*) FROM inspections WHERE campaign_id = ?", [follow]
    ).fetchone()[0]
    assert started == 0
    # a verdict given in the problem list shows on the page at once
    unchecked = next(p for p in listed if p["verdict"] is None and p["status"] != "closed")
    window.session.follow_ups.verdict(follow, unchecked["id"], "rejected", "现场未见整改")
    assert f"{checked + 1} of {len(listed)} checked" in page.status_label.text()
    row = next(r for r in _work_rows(page) if r[1] == unchecked["text"])
    assert row[-1] == "not rectified"
    # the earlier round has its checklist again
    combo.setCurrentIndex(combo.findData(earlier))
    assert window.tree.select_township(town)
    assert window.checklist_action.isEnabled() and page.checklist_button.isEnabled()
    assert page.sections_box.isVisibleTo(page) and not page.work_box.isVisibleTo(page)


def test_the_tree_of_a_round_without_checklist_counts_the_problems_checked(
    qtbot, window, sample_db
):
    """Not "Not started" for every township: the round's progress is its work list."""
    from inspector.store.follow_up import work_list_summary
    from inspector.ui.township_tree import PROGRESS

    follow = sample_db.execute(
        "SELECT id FROM campaigns WHERE follow_up_of IS NOT NULL AND checklist = 0"
    ).fetchone()[0]
    combo = window.campaign_combo
    combo.setCurrentIndex(combo.findData(follow))
    model = window.tree.model
    summary = work_list_summary(sample_db, follow)

    def progress(township):
        return model.data(model.index_of_township(township).siblingAtColumn(PROGRESS))

    town = max(summary.items(), key=lambda kv: kv[1][0])[0]
    total, checked = summary[town]
    assert progress(town) == f"{checked}/{total} checked"
    idle = sample_db.execute(
        "SELECT id FROM townships WHERE kind != '项目' AND deleted = 0"
    ).fetchall()
    nothing = next(t for (t,) in idle if t not in summary)
    assert progress(nothing) == "—"
    county = model.parent(model.index_of_township(town))
    in_county = [
        model.township_row(model.index(r, 0, county))["township_id"]
        for r in range(model.rowCount(county))
    ]
    total_in, checked_in = (sum(summary.get(t, (0, 0))[k] for t in in_county) for k in (0, 1))
    assert model.data(county.siblingAtColumn(PROGRESS)) == f"{checked_in}/{total_in} checked"
    # a verdict moves the township's count at once
    unchecked = next(p for p in work_list(sample_db, follow, town) if p["verdict"] is None)
    window.session.follow_ups.verdict(follow, unchecked["id"], "rejected", "现场未见整改")
    assert progress(town) == f"{checked + 1}/{total} checked"
