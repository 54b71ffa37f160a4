"""An inspection in progress shows how far it got wherever its score shows, and finishing
one with items unanswered asks first, naming them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspector.store.catalog import create_campaign, find_township
from inspector.store.inspections import find_inspection
from inspector.store.rows import Rows
from inspector.ui.township_tree import PROGRESS, STARS
from tests.ui.test_main_window import window  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Asked:
    """Stands in for the user at the question box: notes what it said, answers `reply`."""

    def __init__(self, monkeypatch, reply):
        self.texts: list[str] = []
        asked = self

        def exec_(box):
            asked.texts.append(box.text() + "\n" + box.informativeText())
            return reply

        monkeypatch.setattr(QMessageBox, "exec", exec_)


def _one_item_answered(window, sample_db, qtbot):
    campaign = create_campaign(Rows(sample_db), "复查批次", "township-party-building")
    window._load_campaigns(campaign["id"])
    township = find_township(sample_db, "白泉镇")
    window.tree.select_township(township["id"])
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_1)  # 符合 on the first item
    return campaign, township


def test_after_one_item_the_tree_and_page_say_the_score_is_provisional(
    window,
    sample_db,
    qtbot,
):
    _campaign, township = _one_item_answered(window, sample_db, qtbot)
    model = window.tree.model
    index = model.index_of_township(township["id"])
    assert model.data(index.siblingAtColumn(PROGRESS)) == "In progress 1/39"
    assert model.data(index.siblingAtColumn(STARS)) == "★★★★★"
    assert (
        model.data(index.siblingAtColumn(STARS), Qt.ItemDataRole.ForegroundRole).color().name()
        == "#7f8c8d"
    )
    assert "provisional score 100.0, only 1/39" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    window.tree.select_township(find_township(sample_db, "盐仓街道")["id"])
    window.tree.select_township(township["id"])
    assert "Provisional: not ranked" in window.page.score_label.text()
    done = model.index_of_township(find_township(sample_db, "盐仓街道")["id"])
    assert model.data(done.siblingAtColumn(PROGRESS)) == "Not started"


def test_finishing_at_one_of_39_asks_names_the_open_items_and_no_keeps_it_open(
    window,
    sample_db,
    qtbot,
    monkeypatch,
):
    campaign, township = _one_item_answered(window, sample_db, qtbot)
    asked = Asked(monkeypatch, QMessageBox.StandardButton.No)
    window.checklist.finish_button.click()
    assert len(asked.texts) == 1
    assert "38 of 39 items are not answered yet" in asked.texts[0]
    assert "P02 " in asked.texts[0] and "… and 30 more" in asked.texts[0]
    assert find_inspection(sample_db, campaign["id"], township["id"])["status"] != "finished"
    window.finish_action.trigger()  # the menu asks too
    assert len(asked.texts) == 2
    assert find_inspection(sample_db, campaign["id"], township["id"])["status"] != "finished"


def test_finishing_anyway_finishes_and_a_complete_inspection_is_not_asked_about(
    window,
    sample_db,
    qtbot,
    monkeypatch,
):
    campaign, township = _one_item_answered(window, sample_db, qtbot)
    asked = Asked(monkeypatch, QMessageBox.StandardButton.Yes)
    window.page.finish_button.click()
    assert len(asked.texts) == 1
    assert find_inspection(sample_db, campaign["id"], township["id"])["status"] == "finished"
    complete = find_township(sample_db, "盐仓街道")  # the demo's inspections are complete
    demo = next(
        c
        for c in sample_db.query(
            "SELECT id FROM campaigns WHERE id != ? AND follow_up_of IS NULL "
            "ORDER BY starts_on DESC",  # the sample campaign, not its earlier round
            [campaign["id"]],
        )
    )["id"]
    window._load_campaigns(demo)
    window.tree.select_township(complete["id"])
    window.finish_action.trigger()  # reopen: never asked
    assert find_inspection(sample_db, demo, complete["id"])["status"] != "finished"
    window.finish_action.trigger()  # finish a complete one: not asked
    assert find_inspection(sample_db, demo, complete["id"])["status"] == "finished"
    assert len(asked.texts) == 1
