"""The checklist's section list in English shows each section's whole title and its
progress line (the Chinese titles are set in the taller fallback face)."""

from __future__ import annotations

import pytest

from inspector.ui import i18n
from inspector.ui.fonts import install_app_font
from inspector.ui.section_list import text_height

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def english(qapp):
    i18n.apply_language("en")
    install_app_font(qapp)  # the platform's Latin face first, the Chinese one behind it
    yield
    i18n.apply_language("en")


def test_every_entry_has_room_for_its_title_and_progress(english, entry):
    _db, widget, _inspection = entry
    sections = widget.section_list
    for row in range(sections.count()):
        item = sections.item(row)
        text = widget.section_delegate.text(sections.indexFromItem(item))
        title, progress = text.split("\n")
        assert title.startswith(("一", "二", "三", "四", "五", "六", "七"))
        assert "answered" in progress and "score" in progress
        # Qt drops the last line of an entry exactly as tall as its text (and elides the
        # line above with "…"): there must be room to spare.
        needed = text_height(text, sections.font())
        assert sections.visualItemRect(item).height() > needed, title


def test_the_title_and_the_progress_are_drawn_on_two_lines(english, entry):
    """What the delegate hands the style for an entry whose count it shows is what Qt
    hands it for an item holding that text: the line break kept, not run together."""
    from PySide6.QtWidgets import QListWidget, QStyleOptionViewItem

    from inspector.ui.section_list import SectionDelegate

    _db, widget, _inspection = entry
    sections, delegate = widget.section_list, widget.section_delegate
    index = sections.indexFromItem(sections.item(0))
    text = delegate.text(index)
    assert "\n" in text
    shown = QStyleOptionViewItem()
    delegate.initStyleOption(shown, index)
    plain = QListWidget()
    plain.addItem(text)
    expected = QStyleOptionViewItem()
    SectionDelegate(plain).initStyleOption(expected, plain.model().index(0, 0))
    assert shown.text == expected.text
    assert "\n" not in shown.text and len(shown.text) == len(text)
