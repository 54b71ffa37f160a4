"""The township tree's name column keeps the room its names need, whatever the window's width.

The name column used to stretch over what the figures (stars, progress,
problems) left; in a window some 800 px wide the checklist took most of the
width and the tree kept so little that a name read "定…". Now the tree
asks for at least its longest name (`minimum_width`), and the name column
is as wide as the view allows but never narrower than the names: when both
do not fit, the figures scroll sideways, the names stay readable.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QTreeView

# A name longer than this many pixels is left to the tooltip and the page:
# one unusual name must not take a narrow window's whole width.
MAX_NAME_ROOM = 260
_PADDING = 16  # the item's text margins on both sides, and the focus frame


def name_room(view: QTreeView, names: Iterable[str], depth: int = 2) -> int:
    """Pixels the name column needs to show every name unelided at `depth` levels of
    indentation (a township under its county: two), at most MAX_NAME_ROOM."""
    metrics = view.fontMetrics()
    widest = max((metrics.horizontalAdvance(n) for n in names), default=0)
    return min(MAX_NAME_ROOM, widest + depth * view.indentation() + _PADDING)


def minimum_width(view: QTreeView, room: int) -> int:
    """The view's width at which the name column has `room`: with its frame and a
    vertical scroll bar."""
    from PySide6.QtWidgets import QStyle  # with the first load: QStyle's class costs 5 ms

    bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    return room + bar + 2 * view.frameWidth()


class NameRoom(QObject):
    """Keeps column `column` of a tree view at max(room, what the other columns leave)."""

    def __init__(self, view: QTreeView, column: int = 0):
        super().__init__(view)
        self.view = view
        self.column = column
        self.room = 0
        self._watching = False

    def set_room(self, room: int) -> None:
        self.room = room
        self.fit()

    def fit(self) -> None:
        """Size the column now, and follow the view's resizes from the first fit on.

        The viewport is watched from the first fit (the first load), not from
        construction: an empty tree needs no room, and the first widget Qt hands to
        Python as a plain QWidget (the viewport) makes PySide build every QtWidgets
        class (some 15 ms), which would otherwise delay the window's first paint.
        """
        if not self._watching:
            self._watching = True
            self.view.viewport().installEventFilter(self)
        header = self.view.header()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self.column and not header.isSectionHidden(c)
        )
        width = max(self.room, self.view.viewport().width() - others)
        if header.sectionSize(self.column) != width:
            header.resizeSection(self.column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


def figure_widths(view: QTreeView, model: Any, columns: Iterable[int]) -> dict[int, int]:
    """The width each column of the township tree needs for its widest cell, expanded or not.

    `resizeColumnToContents` measures the rows on show: with a filter typed the
    tree is expanded, and measuring 1,400 lines in four columns took some 130 ms
    of every keystroke. The widths of all rows, found once per load from the
    model's own rows (no index made per cell), fit every filtered subset of them;
    Qt measures only the widest cell of each column.
    """
    display = Qt.ItemDataRole.DisplayRole
    advance = view.fontMetrics().horizontalAdvance
    header = view.header()
    widths = {}
    for column in columns:
        widest, best = -1, QModelIndex()
        for c, county in enumerate(model._counties):
            text = model._county_data(county, column, display)
            if text not in (None, "") and advance(str(text)) > widest:
                widest, best = advance(str(text)), model.index(c, column)
        top: dict[str, Any] | None = None
        for row in model._all:
            text = model._township_data(row, column, display)
            if text not in (None, "") and advance(str(text)) > widest:
                widest, top = advance(str(text)), row
        if top is not None:
            at = model.index_of_township(top["township_id"])
            best = at.siblingAtColumn(column) if at.isValid() else best
        cell = view.sizeHintForIndex(best).width() if best.isValid() else 0
        if top is not None and not best.isValid():  # filtered out: measured by hand
            from PySide6.QtWidgets import QStyle

            cell = widest + 2 * (
                view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
            )
        widths[column] = max(cell, header.sectionSizeHint(column))
    return widths
