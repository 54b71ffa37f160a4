"""A project site inspected through the real window: its own list in the tree, the
checklist of the project form, the answers in the database."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector.store.catalog import create_campaign, find_township
from inspector.store.inspections import answer_rows, find_inspection
from inspector.store.projects import projects
from inspector.store.rows import Rows
from inspector.ui import i18n
from inspector.ui.main_window import CHECKLIST_TAB, PAGE_TAB, MainWindow
from inspector.ui.township_tree import NAME

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(sample_db, sample_db_path, qtbot):
    i18n.apply_language("en")
    win = MainWindow(sample_db, str(sample_db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _names(model):
    return {
        model.township_row(model.index(r, 0, model.index(c, 0)))["township"]
        for c in range(model.rowCount())
        for r in range(model.rowCount(model.index(c, 0)))
    }


def test_a_project_campaign_shows_the_project_list_and_a_township_one_the_townships(
    window, sample_db
):
    model = window.tree.model
    assert model.township_count() == 36
    assert model.headerData(NAME, Qt.Orientation.Horizontal) == "Township"
    campaign = create_campaign(Rows(sample_db), "2027年项目党建督查", "project-party-building")
    window._load_campaigns(campaign["id"])
    assert _names(model) == {p["name"] for p in projects(sample_db)}
    assert model.township_count() == 4
    assert model.headerData(NAME, Qt.Orientation.Horizontal) == "Project site"
    assert window.tree.filter_edit.placeholderText() == "Find a project site…"
    township_campaign = create_campaign(
        Rows(sample_db), "2027年乡镇督查", "township-party-building"
    )
    window._load_campaigns(township_campaign["id"])
    assert model.township_count() == 36
    assert not any(n.endswith("（示例）") for n in _names(model))
    assert window.tree.filter_edit.placeholderText() == "Find a township…"


def test_a_project_site_is_inspected_through_the_checklist(window, sample_db, qtbot):
    campaign = create_campaign(Rows(sample_db), "2027年项目党建督查", "project-party-building")
    window._load_campaigns(campaign["id"])
    site = find_township(sample_db, "鱼山石化项目（示例）")
    assert window.tree.select_township(site["id"])
    assert window.page.checklist_button.text() == "Start inspection"
    qtbot.mouseClick(window.page.checklist_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == CHECKLIST_TAB
    inspection = find_inspection(sample_db, campaign["id"], site["id"])
    assert inspection is not None
    checklist = window.checklist
    assert checklist.current_item() == "J01"

    def press(key):
        qtbot.keyClick(QApplication.focusWidget(), key)

    press(Qt.Key.Key_1)  # J01 meets
    assert checklist.current_item() == "J02"
    qtbot.keyClicks(QApplication.focusWidget(), "0")  # no uncovered section
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_2)  # J03 partly meets
    answers = answer_rows(sample_db, inspection["id"])
    assert answers["J01"]["verdict"] == "full"
    assert answers["J02"]["number"] == 0
    assert answers["J03"]["verdict"] == "partial"
    score, answered, sections = sample_db.execute(
        "SELECT score, answered, sections FROM scores WHERE inspection_id = ?",
        [inspection["id"]],
    ).fetchone()
    # J01 8 + J02 6 + J03 4 of 8 = 18 of 22 applicable points
    assert answered == 3 and score == pytest.approx(round(100 * 18 / 22, 1))
    assert json.loads(sections)[0]["answered"] == 3
    index = window.tree.model.index_of_township(site["id"])
    assert window.tree.model.data(index.siblingAtColumn(2)) == "In progress 3/18"
    assert window.session.catalog.responsible_unit(site["id"]) == "鱼山石化项目（示例）党组织"


def test_the_problem_list_filters_to_a_project_site(qtbot, sample_db):
    from inspector.ui.problem_list import ProblemListWidget
    from inspector.ui.problem_model import ProblemRowRole
    from tests.conftest import SAMPLE_DATE

    campaign = sample_db.execute(
        "SELECT c.id FROM campaigns c JOIN forms f ON f.id = c.form_id "
        "WHERE f.form_id = 'project-party-building'"
    ).fetchone()[0]
    site = sample_db.execute(
        "SELECT t.id, t.name FROM problems p JOIN townships t ON t.id = p.township_id "
        "WHERE p.campaign_id = ? GROUP BY t.id ORDER BY COUNT(*) DESC LIMIT 1",
        [campaign],
    ).fetchone()
    w = ProblemListWidget(sample_db, today=SAMPLE_DATE)
    qtbot.addWidget(w)
    w.show()
    w.set_campaign(campaign)
    towns = w.township_combo
    assert towns.findData(site[0]) > 0, "the project site is in the township filter"
    towns.setCurrentIndex(towns.findData(site[0]))
    qtbot.waitUntil(lambda: w.model.problem_filter.township_id == site[0], timeout=2000)
    shown = [w.model.data(w.model.index(r, 0), ProblemRowRole) for r in range(w.model.rowCount())]
    want = sample_db.execute(
        "SELECT COUNT(*) FROM problems WHERE township_id = ? AND deleted = 0", [site[0]]
    ).fetchone()[0]
    assert len(shown) == want > 0
    assert {r["township"] for r in shown} == {site[1]}


def _unit_words(window):
    return (
        window.tabs.tabText(PAGE_TAB),
        window.page_action.text(),
        window.report_actions["star"].text(),
        window.checklist_action.statusTip(),
    )


def test_the_window_says_project_site_in_a_project_campaign(window, sample_db):
    """The page's tab and the menu items name what the campaign inspects."""
    assert _unit_words(window) == (
        "Township",
        "Township &page",
        "Township &feedback form (督查情况反馈表)…",
        "Fill in the checklist of the selected township",
    )
    township_campaign = window.campaign_id
    campaign = create_campaign(Rows(sample_db), "2027年项目党建督查", "project-party-building")
    window._load_campaigns(campaign["id"])
    assert _unit_words(window) == (
        "Project site",
        "Project site &page",
        "Project site &feedback form (督查情况反馈表)…",
        "Fill in the checklist of the selected project site",
    )
    combo = window.campaign_combo
    combo.setCurrentIndex(combo.findData(township_campaign))  # the user switches back
    assert window.tabs.tabText(PAGE_TAB) == "Township"
    assert window.page_action.text() == "Township &page"
