"""One changed signal: each view re-reads what a write touched, and every view after an import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector.core.scoring import Verdict
from inspector.store.session import Changes, Session
from inspector.ui import i18n
from inspector.ui.main_window import CHECKLIST_TAB, PAGE_TAB, MainWindow
from inspector.ui.township_tree import STARS, TownshipTreeModel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(sample_db, sample_db_path, qtbot):
    """The window on a new campaign of the sample: no township inspected in it yet."""
    from inspector.store import settings
    from inspector.store.catalog import create_campaign
    from inspector.store.rows import Rows

    campaign = create_campaign(
        Rows(sample_db, who="测试员"), "2027年第一季度专项督查", "township-party-building"
    )
    settings.put(sample_db, "last_campaign", campaign["id"])
    i18n.apply_language("en")
    win = MainWindow(sample_db, str(sample_db_path))
    win.startup_checks = False
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def reloads(monkeypatch):
    """How often the tree is reloaded whole, and the window refreshed whole."""
    counts = {"tree": 0}
    set_rows = TownshipTreeModel.set_rows

    def counting(self, rows):
        counts["tree"] += 1
        return set_rows(self, rows)

    monkeypatch.setattr(TownshipTreeModel, "set_rows", counting)
    return counts


def unstarted_township(window) -> str:
    model = window.tree.model
    for c in range(model.rowCount()):
        county = model.index(c, 0)
        for r in range(model.rowCount(county)):
            row = model.township_row(model.index(r, 0, county))
            if not row["started"]:
                return row["township_id"]
    raise AssertionError("the sample has a township not inspected yet")


def tree_line(window, township: str) -> dict:
    model = window.tree.model
    return model.township_row(model.index_of_township(township))


def test_an_answer_updates_its_townships_line_and_the_page_without_reloading_the_tree(
    window, reloads, qtbot, monkeypatch
):
    township = unstarted_township(window)
    assert window.tree.select_township(township)
    assert window.open_checklist()
    checklist = window.checklist
    assert tree_line(window, township)["inspection_id"] is not None  # started: its line knows
    full_refreshes = []
    monkeypatch.setattr(window, "refresh", lambda: full_refreshes.append(1))
    reloads["tree"] = 0
    checklist.focus_first_open()
    first = checklist.current_item()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)  # meets
    line = tree_line(window, township)
    assert line["answered"] == 1 and line["score"] > 0
    model = window.tree.model
    assert (
        model.data(model.index_of_township(township).siblingAtColumn(STARS)) == line["stars_text"]
    )
    assert reloads["tree"] == 0 and full_refreshes == []
    window.tabs.setCurrentIndex(PAGE_TAB)  # hidden behind the checklist, it re-reads when shown
    assert "(1/" in window.page.score_label.text()  # 1 item answered
    row = window.session.answers.of(checklist.inspection["id"])[first]
    assert row["verdict"] == Verdict.FULL.value


def test_a_note_keystroke_does_not_reload_the_tree(window, reloads, qtbot):
    township = unstarted_township(window)
    window.tree.select_township(township)
    window.open_checklist()
    checklist = window.checklist
    card = next(c for c in checklist.cards.values() if c.verdicts)
    card.note.setFocus()
    reloads["tree"] = 0
    qtbot.keyClicks(card.note, "ok")
    assert reloads["tree"] == 0
    assert window.session.answers.of(checklist.inspection["id"])[card.item.id]["note"] == "ok"


def test_after_an_import_every_view_shows_the_database(window, sample_db_path, qtbot):
    """A checklist left open showed answers from before an import (issue 10)."""
    township = unstarted_township(window)
    window.tree.select_township(township)
    window.open_checklist()
    checklist = window.checklist
    assert window.tabs.currentIndex() == CHECKLIST_TAB
    card = next(c for c in checklist.cards.values() if c.verdicts)
    assert card.verdicts.verdict() is None
    # Another connection writes, as an import in the worker does; the window is told.
    with Session.open(sample_db_path, create=False) as other:
        other.answers.set(checklist.inspection["id"], card.item.id, verdict=Verdict.FAIL)
    window._on_imported()
    assert card.verdicts.verdict() == Verdict.FAIL
    assert tree_line(window, township)["answered"] == 1
    window.tabs.setCurrentIndex(PAGE_TAB)
    assert "(1/" in window.page.score_label.text()


def test_a_change_to_another_township_leaves_this_page_alone(window, monkeypatch):
    township = unstarted_township(window)
    window.tree.select_township(township)
    shown = []
    monkeypatch.setattr(window.page, "_show_inspection", lambda: shown.append(1))
    window.session.announce(Changes.of("scores", townships=["somewhere-else"]))
    assert shown == []
    window.session.announce(Changes.of("scores", townships=[township]))
    assert shown == [1]


def test_a_problem_recorded_from_the_checklist_counts_in_the_tree(window, qtbot):
    township = unstarted_township(window)
    window.tree.select_township(township)
    window.open_checklist()
    checklist = window.checklist
    before = tree_line(window, township)["open_problems"]
    item = next(c.item.id for c in checklist.cards.values() if c.verdicts)
    checklist.controller.add_problem(item, "台账不全", "2099-12-31", "党委")
    assert tree_line(window, township)["open_problems"] == before + 1
    window.tabs.setCurrentIndex(PAGE_TAB)
    assert window.page.problems_table.rowCount() == before + 1


def test_the_tree_updated_in_place_passes_the_model_tester(
    qtmodeltester, sample_db, sample_campaign
):
    session = Session(sample_db)
    model = TownshipTreeModel()
    model.load(session, sample_campaign["id"])
    rows = session.inspections.overview(sample_campaign["id"])
    some = [dict(r, open_problems=r["open_problems"] + 1) for r in rows[:3]]
    assert model.update_rows(some) == []
    qtmodeltester.check(model)
    assert (
        model.township_row(model.index_of_township(some[0]["township_id"]))["open_problems"]
        == some[0]["open_problems"]
    )
