"""A narrow main window: the township tree keeps the room its names need."""

from __future__ import annotations

import pytest

from inspector.ui import i18n
from inspector.ui.main_window import PROBLEMS_TAB, MainWindow
from inspector.ui.township_tree import NAME

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _names_cut(tree) -> list[str]:
    """The township names the name column shows elided (text wider than the room)."""
    view, model = tree.view, tree.model
    metrics = view.fontMetrics()
    room = view.columnWidth(NAME) - 2 * view.indentation() - 8  # the item's text margins
    cut = []
    for c in range(model.rowCount()):
        county = model.index(c, 0)
        for r in range(model.rowCount(county)):
            name = model.index(r, NAME, county).data()
            if metrics.horizontalAdvance(name) > room:
                cut.append(name)
    return cut


@pytest.mark.parametrize("size", [(800, 600), (1280, 720)])
def test_every_township_name_fits_on_every_tab(qtbot, qapp, sample_db, sample_db_path, size):
    from inspector.ui.fonts import install_app_font

    install_app_font(qapp)  # as the app starts: the Chinese font's widths
    i18n.apply_language("zh_CN")
    try:
        win = MainWindow(sample_db, str(sample_db_path))
        qtbot.addWidget(win)
        win.resize(*size)
        with qtbot.waitSignal(win.loaded):
            win.show()
        qtbot.waitExposed(win)
        township = sample_db.execute("SELECT id FROM townships WHERE name = '昌国街道'").fetchone()[
            0
        ]
        assert win.tree.select_township(township)
        for tab in range(win.tabs.count()):
            win.tabs.setCurrentIndex(tab)
            # A tab's first show may lay the window out wider for a moment (the problem
            # list builds itself); resized again once laid out, it must fit.
            qtbot.waitUntil(lambda: (win.resize(*size), win.width() <= size[0])[1], timeout=3000)
            assert win.tree.model.township_count() == 36
            assert _names_cut(win.tree) == [], (tab, win.tree.view.columnWidth(NAME))
            assert win.tree.view.columnWidth(NAME) >= 90
        win.tabs.setCurrentIndex(PROBLEMS_TAB)
    finally:
        i18n.apply_language("en")


def test_the_name_column_still_takes_what_a_wide_window_leaves(qtbot, sample_db, sample_db_path):
    win = MainWindow(sample_db, str(sample_db_path))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    with qtbot.waitSignal(win.loaded):
        win.show()
    win.splitter.setSizes([600, 680])
    qtbot.wait(20)
    view = win.tree.view
    others = sum(view.columnWidth(c) for c in range(1, view.model().columnCount()))
    assert view.columnWidth(NAME) == view.viewport().width() - others


@pytest.mark.parametrize("typed", ["", "街道", "镇", "昌国"])
def test_the_figures_fit_their_cells_whatever_is_typed(qtbot, sample_db, sample_db_path, typed):
    """The figure columns are measured once per load over every row, so a filtered or
    expanded tree shows no cell cut short."""
    win = MainWindow(sample_db, str(sample_db_path))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    with qtbot.waitSignal(win.loaded):
        win.show()
    tree = win.tree
    tree.filter_edit.setText(typed)
    tree._on_filter()  # what the debounce timer calls
    tree.view.expandAll()
    view, model = tree.view, tree.model
    for c in range(model.rowCount()):
        county = model.index(c, 0)
        cells = [model.index(c, col) for col in range(1, 5)]
        cells += [
            model.index(r, col, county)
            for r in range(model.rowCount(county))
            for col in range(1, 5)
        ]
        for cell in cells:
            assert view.columnWidth(cell.column()) >= view.sizeHintForIndex(cell).width(), (
                cell.data(),
                typed,
            )
