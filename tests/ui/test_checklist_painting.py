"""What a verdict key press repaints: the cards it changed, not the whole checklist.

On a province a key press spent most of its time in Qt painting: the score's
new text re-laid out the window up to the tab widget, which repaints its whole
page, and the card losing the keyboard was re-polished and repainted whole.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget

from inspector.core.scoring import Verdict
from inspector.ui.verdict_buttons import COLOURS

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Paints(QObject):
    """Counts the paint and layout events each widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.paints: Counter[int] = Counter()
        self.layouts: Counter[int] = Counter()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints[id(obj)] += 1
        elif event.type() == QEvent.Type.LayoutRequest:
            self.layouts[id(obj)] += 1
        return False


@pytest.fixture
def in_tabs(entry, qtbot):
    """The checklist as the main window shows it: a page of a tab widget."""
    _db, widget, _inspection = entry
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(widget, "checklist")
    tabs.resize(1200, 800)
    tabs.show()
    qtbot.waitExposed(tabs)
    widget.focus_item("P03")
    for _ in range(3):
        QApplication.processEvents()
    return tabs, widget


def _press(widget, key) -> Paints:
    counter = Paints()
    app = QApplication.instance()
    app.installEventFilter(counter)
    try:
        from PySide6.QtTest import QTest

        QTest.keyClick(QApplication.focusWidget(), key)
        for _ in range(3):
            QApplication.processEvents()
    finally:
        app.removeEventFilter(counter)
    return counter


def _text_label(card) -> QLabel:
    return next(lb for lb in card.findChildren(QLabel) if lb.text() == card.item.text)


def test_a_verdict_repaints_the_cards_it_changed_and_not_the_page(in_tabs):
    tabs, widget = in_tabs
    _press(widget, Qt.Key.Key_1)  # P03 meets: the first score shown
    before = widget.score_label.text()
    counter = _press(widget, Qt.Key.Key_1)  # P04 meets, on to P05
    assert widget.current_item() == "P05"
    assert widget.score_label.text() != before  # the header did change
    assert counter.paints[id(widget.score_label)] >= 1
    assert counter.paints[id(widget.title_label)] == 0
    assert counter.layouts[id(tabs)] == 0 and counter.layouts[id(widget)] == 0
    # the card left and the card reached show it by their border: their text is not repainted
    assert counter.paints[id(_text_label(widget.cards["P04"]))] == 0
    assert counter.paints[id(_text_label(widget.cards["P05"]))] == 0
    assert counter.paints[id(widget.cards["P04"])] >= 1
    assert counter.paints[id(widget.cards["P05"])] >= 1


def test_the_current_card_has_the_blue_border(in_tabs):
    _tabs, widget = in_tabs
    _press(widget, Qt.Key.Key_1)
    left, current = widget.cards["P03"], widget.cards["P04"]
    assert current.current and not left.current
    middle = current.height() // 2
    assert current.grab().toImage().pixelColor(0, middle).name() == "#2e86c1"
    assert left.grab().toImage().pixelColor(0, left.height() // 2).name() != "#2e86c1"


def test_a_checked_verdict_is_filled_with_its_colour(in_tabs):
    _tabs, widget = in_tabs
    _press(widget, Qt.Key.Key_1)
    buttons = widget.cards["P03"].verdicts.buttons
    full = buttons[Verdict.FULL].grab().toImage()
    assert full.pixelColor(3, full.height() // 2).name() == COLOURS[Verdict.FULL]
    other = buttons[Verdict.FAIL].grab().toImage()
    assert other.pixelColor(3, other.height() // 2).name() != COLOURS[Verdict.FAIL]


def test_the_score_header_always_shows_its_whole_text(in_tabs):
    _tabs, widget = in_tabs
    label = widget.score_label
    for text in (
        "Score <b>—</b>",
        "Score <b>100.0</b> &nbsp; ★★★★★ &nbsp; 39/39 answered "
        "&nbsp;<span>veto failed: P01, P02, P03</span>",
        "Score <b>1.0</b>",
    ):
        label.show_text(text)
        QApplication.processEvents()
        assert label.text() == text
        assert label.width() >= label.sizeHint().width()


def _in_view(widget, card) -> bool:
    bar = widget.scroll_area.verticalScrollBar().value()
    top = card.mapTo(widget.items_host, card.rect().topLeft()).y()
    return top >= bar and top + card.height() <= bar + widget.scroll_area.viewport().height()


def test_stepping_down_keeps_the_current_card_in_view_and_scrolls_by_pages(in_tabs):
    """A view scrolled on every key press is repainted whole on every key press."""
    _tabs, widget = in_tabs
    bar = widget.scroll_area.verticalScrollBar()
    widget.focus_item("P01")
    QApplication.processEvents()
    scrolls, steps = 0, 20
    for _ in range(steps):
        before = bar.value()
        _press(widget, Qt.Key.Key_Down)
        scrolls += bar.value() != before
        assert _in_view(widget, widget.cards[widget.current_item()])
    assert widget.current_item() != "P01"
    assert scrolls >= 1  # twenty items do not fit in 800 pixels
    assert scrolls * 2 <= steps
    # back up: a card above the view comes into view too
    widget.focus_item("P02")
    QApplication.processEvents()
    assert _in_view(widget, widget.cards["P02"])


class Regions(QObject):
    """The rectangles painted on one widget."""

    def __init__(self, watched) -> None:
        super().__init__()
        self.watched = watched
        self.painted: list = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.watched and event.type() == QEvent.Type.Paint:
            self.painted.append(event.region().boundingRect())
        return False


@pytest.fixture
def app_font(qapp):
    """The app's font (Latin first, the bundled Chinese face for the rest), as it runs."""
    from inspector.ui.fonts import install_app_font

    install_app_font(qapp)


def test_a_verdict_repaints_its_section_entry_and_not_the_whole_section_list(app_font, in_tabs):
    """The section's count changes on every press; re-laying out the list repainted its
    whole viewport, a millisecond of every key press on a province."""
    _tabs, widget = in_tabs
    _press(widget, Qt.Key.Key_1)
    entry = widget.section_list.item(0)
    shown = widget.section_delegate.text
    index = widget.section_list.indexFromItem(entry)
    before = shown(index)
    viewport = widget.section_list.viewport()
    regions = Regions(viewport)
    viewport.installEventFilter(regions)
    try:
        _press(widget, Qt.Key.Key_2)  # P04 partly meets: the section's score moves
    finally:
        viewport.removeEventFilter(regions)
    assert shown(index) != before and "answered" in shown(index)
    row = widget.section_list.visualItemRect(entry)
    assert regions.painted, "the changed entry is repainted"
    assert all(r.height() <= row.height() + 4 for r in regions.painted), regions.painted
