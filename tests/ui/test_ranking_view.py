"""The ranking tab: the toolbar's campaign, a county, sorted by a header click, re-read on
a change, saved as a spreadsheet and printed through the report viewer."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from inspector.store.catalog import find_township
from inspector.store.inspections import find_inspection
from inspector.ui.main_window import RANKING_TAB
from inspector.ui.ranking_view import ANSWERED, CHANGE, RANK, SCORE, TOWNSHIP
from tests.reports.conftest import flat, pdftotext
from tests.store.test_ranking_table import answer_all, later_campaign
from tests.ui.test_main_window import window  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _ranking(window, qtbot):
    window.tabs.setCurrentIndex(RANKING_TAB)
    view = window.ranking
    assert view is not None and view.isVisible()
    return view


def _column(view, column: int) -> list[str]:
    model = view.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _choose_county(view, name: str) -> None:
    view.county_combo.setCurrentIndex(view.county_combo.findText(name))


def test_the_tab_shows_the_campaigns_ranking_and_a_county_of_it(window, sample_db, qtbot):
    view = _ranking(window, qtbot)
    ranks = [int(r) for r in _column(view, RANK)]
    assert ranks[0] == 1 and ranks == sorted(ranks)
    assert len(_column(view, TOWNSHIP)) == 36
    _choose_county(view, "嵊泗县")
    towns = _column(view, TOWNSHIP)
    county = {
        r["name"]
        for r in sample_db.query(
            "SELECT t.name FROM townships t JOIN counties c ON c.id = t.county_id "
            "WHERE c.name = '嵊泗县' AND t.kind != '项目'"  # project sites rank apart
        )
    }
    assert set(towns) == county
    assert (
        "36" not in view.count_label.text() and f"{len(county)} ranked" in view.count_label.text()
    )


def test_a_header_click_sorts_and_a_second_reverses(window, qtbot):
    view = _ranking(window, qtbot)
    header = view.table_view.horizontalHeader()
    x = header.sectionViewportPosition(SCORE) + header.sectionSize(SCORE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = [float(s) for s in _column(view, SCORE)]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    second = [float(s) for s in _column(view, SCORE)]
    assert {tuple(first), tuple(second)} == {
        tuple(sorted(first)),
        tuple(sorted(first, reverse=True)),
    }
    assert first != second


def test_it_follows_the_campaign_and_rereads_on_a_change(window, sample_db, qtbot):
    view = _ranking(window, qtbot)
    rows, campaign = later_campaign(sample_db)
    window._load_campaigns(campaign["id"])  # as after creating it: the toolbar shows it
    assert _column(view, TOWNSHIP) == []
    assert "earlier" not in view.title_label.text() and "since" in view.title_label.text()
    answer_all(rows, campaign["id"], "白泉镇", "full", skip=2)  # behind the view's back
    assert _column(view, TOWNSHIP) == []
    town = find_township(sample_db, "白泉镇")
    inspection = find_inspection(sample_db, campaign["id"], town["id"])
    items = [i for i in window.session.catalog.form_for_campaign(campaign["id"]).items if i.scored]
    for item in items[-2:]:
        assert item.kind == "verdict"
    window.session.answers.set(inspection["id"], items[-2].id, verdict="full")
    assert _column(view, RANK) == ["Unranked (incomplete)"]  # the change was announced
    window.session.answers.set(inspection["id"], items[-1].id, verdict="full")
    assert _column(view, RANK) == ["1"]
    assert _column(view, ANSWERED) == ["39/39"]
    assert _column(view, CHANGE)[0] != ""  # ranked in the sample campaign too


def test_double_click_selects_the_township_in_the_tree(window, qtbot):
    view = _ranking(window, qtbot)
    model = view.model
    index = model.index(4, RANK)
    rect = view.table_view.visualRect(index)
    viewport = view.table_view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.township_id() == model.row_at(4).township_id


def test_save_and_print_the_county_shown(window, sample_db, qtbot, tmp_path, monkeypatch):
    view = _ranking(window, qtbot)
    _choose_county(view, "岱山县")
    target = tmp_path / "ranking.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    job = view.export_xlsx()
    qtbot.waitUntil(lambda: job.result is not None, timeout=60_000)
    sheet = openpyxl.load_workbook(target).active
    assert {row[1].value for row in sheet.iter_rows(min_row=3)} == {"岱山县"}
    assert len(list(sheet.iter_rows(min_row=3))) == view.model.rowCount()
    job = view.print_ranking()
    qtbot.waitUntil(lambda: hasattr(job, "view"), timeout=60_000)
    qtbot.addWidget(job.view)
    text = flat(pdftotext(job.view.pdf_bytes, tmp_path))
    assert "岱山县排名表" in text and "定海区" not in text
    assert all(t in text for t in _column(view, TOWNSHIP))
