"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import gc

import pytest

from inspector.store.catalog import create_campaign, find_township
from inspector.store.inspections import start_inspection
from inspector.store.rows import Rows


@pytest.fixture(autouse=True)
def _thaw_after_each_test():
    """A filled window freezes the heap (`ui.heap`); one test's leftovers must not stay
    frozen through the rest of the run."""
    yield
    gc.unfreeze()


@pytest.fixture
def entry(init_db, qtbot):
    """A started inspection of 昌国街道 in a new campaign, shown in the checklist."""
    from inspector.ui.checklist import ChecklistWidget

    rows = Rows(init_db, who="测试员")
    campaign = create_campaign(rows, "2026年第一季度专项督查", "township-party-building")
    township = find_township(init_db, "昌国街道")
    inspection = start_inspection(rows, campaign["id"], township["id"])
    widget = ChecklistWidget(init_db)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    assert widget.load(campaign["id"], township["id"])
    widget.show()
    qtbot.waitExposed(widget)
    return init_db, widget, inspection
