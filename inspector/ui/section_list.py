"""The checklist's section entries sized for the Chinese glyphs they hold.

An English window's font is the platform's Latin face with the bundled CJK face as
the fallback (`ui.fonts`). Qt sizes a list entry by the lines as laid out, exactly:
a Chinese line set in the fallback face is a pixel taller than the Latin face's line
spacing, and an entry whose text is exactly as tall as it is gets its last line
dropped. The section's title then showed cut off with "…" and its progress line
("0/8 answered · score —") not at all. Each line is given a pixel more.

The progress changes on every verdict key press. Changing an entry's text in the
model makes QListView lay the whole list out again and repaint it whole (about a
millisecond of every key press on a province); so the delegate keeps the text each
entry shows (`show`), and only an entry that needs another height goes through a
new layout.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem


def text_height(text: str, font: QFont) -> int:
    """The height of the text's lines (unwrapped), each laid out with its fallback faces.

    Asked for every entry on every layout of the list, which a verdict key press
    causes (the section's count changes): each text is laid out once per font."""
    key = (text, font.key())
    found = _HEIGHTS.get(key)
    if found is None:
        if len(_HEIGHTS) > 512:
            _HEIGHTS.clear()
        found = _HEIGHTS[key] = _laid_out_height(text, font)
    return found


_HEIGHTS: dict[tuple[str, str], int] = {}


def _laid_out_height(text: str, font: QFont) -> int:
    total = 0
    for part in text.split("\n"):
        layout = QTextLayout(part, font)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1_000_000)
        layout.endLayout()
        total += math.ceil(line.height())
    return total


class SectionDelegate(QStyledItemDelegate):
    """Sizes each entry with a pixel to spare on every line, and shows the text `show`
    gave it instead of the item's."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._shown: dict[int, str] = {}  # row -> the text shown

    def forget(self) -> None:
        """The list was filled anew: its items' own texts are shown again."""
        self._shown.clear()

    def text(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """What the entry shows."""
        return self._shown.get(index.row(), str(index.data() or ""))

    def show(self, view: QAbstractItemView, index: QModelIndex, text: str) -> bool:
        """Show `text` in the entry; repaints just the entry, unless it needs another
        height: then False, and the caller lays the list out again (`doItemsLayout`)."""
        before = view.sizeHintForIndex(index)
        self._shown[index.row()] = text
        after = view.sizeHintForIndex(index)
        # the layout gave the entry the room of its old text, or the list's width
        room = max(before.width(), view.visualRect(index).width())
        if after.height() != before.height() or after.width() > room:
            return False
        view.update(index)
        return True

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        shown = self._shown.get(index.row())
        if shown is not None:  # as Qt shows an item's own text: its line breaks kept
            option.text = shown.replace("\n", "\u2028")  # type: ignore[attr-defined]

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        font: QFont = option.font  # type: ignore[attr-defined]
        lines = max(1, round(hint.height() / QFontMetrics(font).lineSpacing()))  # wrapped
        height = max(hint.height(), text_height(self.text(index), font))
        return QSize(hint.width(), height + lines + 1)
