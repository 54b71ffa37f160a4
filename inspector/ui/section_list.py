"""The checklist's section entries sized for the Chinese glyphs they hold.

An English window's font is the platform's Latin face with the bundled CJK face as
the fallback (`ui.fonts`). Qt sizes a list entry by the lines as laid out, exactly:
a Chinese line set in the fallback face is a pixel taller than the Latin face's line
spacing, and an entry whose text is exactly as tall as it is gets its last line
dropped. The section's title then showed cut off with "…" and its progress line
("0/8 answered · score —") not at all. Each line is given a pixel more.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem


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
    """Sizes each entry with a pixel to spare on every line."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        font: QFont = option.font  # type: ignore[attr-defined]
        lines = max(1, round(hint.height() / QFontMetrics(font).lineSpacing()))  # wrapped
        height = max(hint.height(), text_height(str(index.data() or ""), font))
        return QSize(hint.width(), height + lines + 1)
