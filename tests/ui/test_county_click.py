"""Clicking a county's line in the tree narrows the problem list to that county (it showed
"All counties" and every county's problems)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspector.ui.main_window import PROBLEMS_TAB
from inspector.ui.problem_model import ProblemRowRole
from tests.ui.test_main_window import window  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _click_county(window, qtbot, name: str) -> None:
    tree = window.tree
    model = tree.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)).startswith(name))
    rect = tree.view.visualRect(model.index(row, 0))
    qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _counties_listed(window) -> set[str]:
    model = window.problem_list.model
    assert model.total() > 0
    return {model.data(model.index(r, 0), ProblemRowRole)["county"] for r in range(model.total())}


def test_a_county_line_shows_that_countys_problems(window, qtbot):
    window.tabs.setCurrentIndex(PROBLEMS_TAB)
    _click_county(window, qtbot, "岱山县")
    problems = window.problem_list
    assert problems.county_combo.isVisible()
    assert problems.county_combo.currentText() == "岱山县"
    assert _counties_listed(window) == {"岱山县"}
    _click_county(window, qtbot, "嵊泗县")  # from one county to another: no township between
    assert problems.county_combo.currentText() == "嵊泗县"
    assert _counties_listed(window) == {"嵊泗县"}


def test_the_county_chosen_first_holds_when_the_tab_is_opened(window, qtbot):
    _click_county(window, qtbot, "普陀区")
    window.tabs.setCurrentIndex(PROBLEMS_TAB)
    assert window.problem_list.county_combo.currentText() == "普陀区"
    assert _counties_listed(window) == {"普陀区"}
