"""A text over every campaign of a big database is searched off the GUI thread.

The sample database is small, so the size above which a search counts as a
long scan is lowered to nothing here; the path taken is the one five years of
a province takes.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from inspector.store import problem_queries
from inspector.store.problems import ProblemFilter, count_problems, list_problems
from inspector.ui.problem_list import ProblemListWidget
from inspector.ui.problem_model import ProblemIdRole, ProblemTableModel
from tests.conftest import SAMPLE_DATE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def long_scans(monkeypatch):
    """Every text over every campaign is a long scan, as on a province."""
    monkeypatch.setattr(problem_queries, "SCAN_ROWS", 0)


def ids_shown(model: ProblemTableModel) -> list[str]:
    return [model.data(model.index(r, 0), ProblemIdRole) for r in range(model.rowCount())]


def common_text(db) -> str:
    """A text that many of the sample's problems contain (their item ids start so)."""
    return db.execute("SELECT substr(item_id, 1, 1) FROM problems LIMIT 1").fetchone()[0]


def test_is_long_scan_only_for_a_text_over_every_campaign_of_a_big_database(
    sample_db, sample_campaign, monkeypatch
):
    text = common_text(sample_db)
    assert not problem_queries.is_long_scan(sample_db, ProblemFilter(text=text))  # small
    monkeypatch.setattr(problem_queries, "SCAN_ROWS", 0)
    assert problem_queries.is_long_scan(sample_db, ProblemFilter(text=text))
    assert not problem_queries.is_long_scan(sample_db, ProblemFilter())  # no text: an index
    narrowed = ProblemFilter(text=text, campaign_id=sample_campaign["id"])
    assert not problem_queries.is_long_scan(sample_db, narrowed)


def test_the_search_shows_a_true_prefix_at_once_then_every_match(
    qtbot, sample_db, long_scans, monkeypatch
):
    monkeypatch.setattr(problem_queries, "PROBE_ROWS", 6)  # the prefix is a few rows only
    model = ProblemTableModel(sample_db)
    f = ProblemFilter(text=common_text(sample_db), today=SAMPLE_DATE)
    expected = [p["id"] for p in list_problems(sample_db, f, limit=200)]
    assert len(expected) > 6

    model.set_filter(f)
    assert model.searching()
    prefix = ids_shown(model)
    assert 0 < len(prefix) <= 6
    assert prefix == expected[: len(prefix)]  # what is shown at once is the list's start

    with qtbot.waitSignal(model.search_finished, timeout=5000):
        pass
    assert not model.searching()
    assert model.total() == count_problems(sample_db, f)
    assert ids_shown(model)[:200] == expected
    model.close()


def test_an_older_answer_never_replaces_a_newer_filter(qtbot, sample_db, long_scans):
    model = ProblemTableModel(sample_db)
    first = ProblemFilter(text=common_text(sample_db), today=SAMPLE_DATE)
    second = ProblemFilter(text="没有这样的问题", today=SAMPLE_DATE)
    model.set_filter(first)
    stale = model._generation
    model.set_filter(second)
    qtbot.waitUntil(lambda: not model.searching(), timeout=5000)
    assert model.total() == 0
    model._found(stale, 999, [])  # a late answer to the first filter
    assert model.total() == 0 and model.rowCount() == 0
    model.close()


def test_a_write_between_prefix_and_answer_shows_the_answer(
    qtbot, sample_db, long_scans, qtmodeltester
):
    model = ProblemTableModel(sample_db)
    f = ProblemFilter(text=common_text(sample_db), today=SAMPLE_DATE)
    model.set_filter(f)
    qtbot.waitUntil(lambda: not model.searching(), timeout=5000)
    qtmodeltester.check(model)
    model._searching = True
    fewer = list_problems(sample_db, f, limit=3)
    model._found(model._generation, 3, fewer)  # a deletion elsewhere shrank the answer
    assert model.total() == 3 and ids_shown(model) == [p["id"] for p in fewer]
    assert not model.searching()
    model.close()


def test_closing_stops_the_search_thread(qtbot, sample_db, long_scans):
    model = ProblemTableModel(sample_db)
    model.set_filter(ProblemFilter(text=common_text(sample_db), today=SAMPLE_DATE))
    qtbot.waitUntil(lambda: not model.searching(), timeout=5000)
    assert any(t.name == "problem-search" for t in threading.enumerate())
    model.close()
    assert not any(t.name == "problem-search" for t in threading.enumerate())


def test_typing_in_the_list_searches_every_campaign_and_enter_picks_the_single_match(
    qtbot, sample_db, long_scans
):
    widget = ProblemListWidget(sample_db, today=SAMPLE_DATE)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    one = next(
        (pid, text)
        for pid, text in sample_db.execute("SELECT id, text FROM problems WHERE deleted = 0")
        if count_problems(sample_db, ProblemFilter(text=text, today=SAMPLE_DATE)) == 1
    )
    text = one[1]

    widget.search_edit.setText(text)
    widget.apply_filter()
    assert widget.model.searching()
    assert "Searching" in widget.count_label.text()
    qtbot.keyClick(widget.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not widget.model.searching(), timeout=5000)
    assert widget.count_label.text() == "1 problem(s)"
    assert widget.selected_rows() == [0]
    assert widget.model.data(widget.model.index(0, 0), ProblemIdRole) == one[0]
