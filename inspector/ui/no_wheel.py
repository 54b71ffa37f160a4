"""The mouse wheel over a box the user is not editing scrolls the page, never the value.

Scrolling a panel with the mouse passes over spin, date and combo boxes; Qt
gives each of them the wheel, so a deadline or a count changed (and was
saved) without the user noticing. A guarded box takes the wheel only once it
has the keyboard focus (clicked or tabbed into); otherwise the wheel event
goes on up to the first parent that takes it, the scroll area. The filter
sits on the boxes themselves, not on the application, so no other event
pays for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

_GUARDED = "_inspector_wheel_guarded"


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and isinstance(event, QWheelEvent)
            and not watched.hasFocus()
        ):
            _pass_up(watched, event)
            return True
        return False


def _pass_up(box: QWidget, event: QWheelEvent) -> None:
    """Offer the wheel to the box's parents in turn, as Qt does for a wheel a widget
    ignores (Qt passes on only the wheel of a real device, so it is done here)."""
    parent = box.parentWidget()
    position = box.mapTo(parent, event.position()) if parent is not None else event.position()
    while parent is not None:
        copy = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        copy.setAccepted(True)
        if QApplication.sendEvent(parent, copy) and copy.isAccepted():
            break
        if parent.isWindow():
            break
        position = parent.mapToParent(position)
        parent = parent.parentWidget()
    event.accept()


_guard: _WheelGuard | None = None


def _the_guard() -> _WheelGuard:
    global _guard
    if _guard is None:
        _guard = _WheelGuard(QApplication.instance())
    return _guard


def guard_wheel(*boxes: QWidget) -> None:
    """Let these boxes take the wheel only while focused; a click or Tab still focuses them."""
    guard = _the_guard()
    for box in boxes:
        if box.property(_GUARDED):
            continue
        box.setProperty(_GUARDED, True)
        if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone never focuses
        box.installEventFilter(guard)


def guard_wheels_under(root: QWidget) -> None:
    """Guard every spin, date and combo box inside `root` (call once its layout is built)."""
    guard_wheel(*root.findChildren(QAbstractSpinBox), *root.findChildren(QComboBox))
