"""The paged problem table model: Qt's model rules, paging, SQL sorting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspector.store.problems import ProblemFilter, count_problems, list_problems
from inspector.ui import problem_model
from inspector.ui.problem_model import (
    DEADLINE_COLUMN,
    OverdueRole,
    ProblemIdRole,
    ProblemTableModel,
    StatusRole,
)
from tests.conftest import SAMPLE_DATE


@pytest.fixture
def model(sample_db, sample_campaign):
    m = ProblemTableModel(sample_db)
    m.set_filter(ProblemFilter(campaign_id=sample_campaign["id"], today=SAMPLE_DATE))
    return m


def test_model_passes_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model)
    model.sort(DEADLINE_COLUMN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_rows_follow_the_store_order_across_pages(sample_db, model, monkeypatch):
    monkeypatch.setattr(problem_model, "PAGE_SIZE", 7)
    monkeypatch.setattr(problem_model, "KEPT_PAGES", 3)
    model.reload()
    expected = list_problems(sample_db, model.problem_filter, limit=10_000)
    assert model.rowCount() == len(expected) > 21
    seen = [model.data(model.index(r, 0), ProblemIdRole) for r in range(model.rowCount())]
    assert seen == [p["id"] for p in expected]
    assert len(model._pages) <= 3  # never the whole list in memory
    # going back to the start refetches an evicted page with the same rows
    assert model.data(model.index(0, 3)) == " ".join(expected[0]["text"].split())


def test_columns_show_status_label_overdue_days_and_notice(model):
    rows = [
        model.data(model.index(r, 0), problem_model.ProblemRowRole) for r in range(model.rowCount())
    ]
    overdue = next(r for r in range(len(rows)) if rows[r]["overdue"])
    on_notice = next(r for r in range(len(rows)) if rows[r]["notice_number"])
    assert model.data(model.index(overdue, 6)) == problem_model.status_label(
        rows[overdue]["status"]
    )
    assert model.data(model.index(overdue, 7))  # "N day(s)"
    assert model.data(model.index(overdue, 3), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(overdue, 0), OverdueRole) is True
    assert model.data(model.index(on_notice, 8)).endswith("号")
    fine = next(r for r in range(len(rows)) if not rows[r]["overdue"])
    assert model.data(model.index(fine, 7)) == ""
    assert model.data(model.index(fine, 3), Qt.ItemDataRole.ForegroundRole) is None


def test_sort_is_done_in_sql_and_ignores_unsortable_columns(sample_db, model):
    model.sort(DEADLINE_COLUMN, Qt.SortOrder.DescendingOrder)
    deadlines = [model.data(model.index(r, DEADLINE_COLUMN)) for r in range(model.rowCount())]
    assert deadlines == sorted(deadlines, reverse=True)
    ids = [model.data(model.index(r, 0), ProblemIdRole) for r in range(model.rowCount())]
    assert ids == [
        p["id"]
        for p in list_problems(sample_db, model.problem_filter, descending=True, limit=10_000)
    ]
    model.sort(8, Qt.SortOrder.AscendingOrder)  # the notice column: not sortable
    assert model.sort_key() == (DEADLINE_COLUMN, Qt.SortOrder.DescendingOrder)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    towns = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert towns == sorted(towns)


def test_filter_changes_count_and_rows(sample_db, model):
    f = ProblemFilter(
        campaign_id=model.problem_filter.campaign_id, statuses=("rectified",), today=SAMPLE_DATE
    )
    model.set_filter(f)
    assert model.rowCount() == count_problems(sample_db, f) > 0
    assert {model.data(model.index(r, 0), StatusRole) for r in range(model.rowCount())} == {
        "rectified"
    }
