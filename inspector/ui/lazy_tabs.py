"""Tabs whose page is made the first time it is needed.

The checklist, the problem list and the notices each cost tens of
milliseconds and a module import to build; a window that shows only the
township page at start-up should not pay for them before its first paint.
Each lazy tab holds an empty page until `widget(index)` makes the real one
and swaps it in, keeping the tab's title, whether it is enabled, and the
current tab (the swap is not a change of tab: no currentChanged).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs:
    """The lazy tabs of one QTabWidget."""

    def __init__(self, tabs: QTabWidget):
        self.tabs = tabs
        self._factories: dict[int, Callable[[], QWidget]] = {}

    def add(self, index: int, title: str, create: Callable[[], QWidget]) -> None:
        """An empty page now; `create` makes the real one when the tab is first needed."""
        assert self.tabs.count() == index
        self.tabs.addTab(QWidget(self.tabs), title)
        self._factories[index] = create

    def is_made(self, index: int) -> bool:
        return index not in self._factories

    def _existing(self, index: int) -> QWidget:
        widget = self.tabs.widget(index)
        assert widget is not None, f"no tab {index}"
        return widget

    def widget(self, index: int) -> QWidget:
        """The tab's real widget, created (in place of its empty page) on first use."""
        create = self._factories.pop(index, None)
        if create is None:
            return self._existing(index)
        widget = create()
        placeholder = self._existing(index)
        current, enabled = self.tabs.currentIndex(), self.tabs.isTabEnabled(index)
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.insertTab(index, widget, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.setTabEnabled(index, enabled)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return widget
