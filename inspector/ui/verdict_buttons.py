"""The four verdict buttons of a checklist item: 符合 / 基本符合 / 不符合 / 不适用.

Mouse only (they take no focus): the keyboard sets verdicts with keys 1-4 on
the item card, so Tab walks from item to item instead of through buttons.
Clicking the checked button again clears the verdict.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from inspector.core.scoring import Verdict

ORDER = (Verdict.FULL, Verdict.PARTIAL, Verdict.FAIL, Verdict.NA)
COLOURS = {
    Verdict.FULL: "#1e8449",
    Verdict.PARTIAL: "#b9770e",
    Verdict.FAIL: "#c0392b",
    Verdict.NA: "#566573",
}


def verdict_label(verdict: Verdict) -> str:
    return {
        Verdict.FULL: QCoreApplication.translate("Verdict", "Meets"),
        Verdict.PARTIAL: QCoreApplication.translate("Verdict", "Partly meets"),
        Verdict.FAIL: QCoreApplication.translate("Verdict", "Does not meet"),
        Verdict.NA: QCoreApplication.translate("Verdict", "Not applicable"),
    }[verdict]


class VerdictButton(QPushButton):
    """A checkable button filled with its verdict's colour when checked.

    Painted here rather than by a style sheet: a style sheet puts every paint
    of the button through Qt's style sheet engine (a quarter of a card's
    paint), and a checklist repaints a card or two on each key press.
    """

    def __init__(self, text: str, colour: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.colour = QColor(colour)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.isChecked():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.colour if self.isEnabled() else self.colour.lighter(140)
        painter.setPen(colour)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setPen(QColor("white"))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())


class VerdictButtons(QWidget):
    """Emits `chosen(verdict or None)` when the user clicks; `set_verdict` does not emit."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None, offered: tuple[Verdict, ...] = ORDER):
        super().__init__(parent)
        self._verdict: Verdict | None = None
        self.buttons: dict[Verdict, VerdictButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for key, verdict in enumerate(ORDER, start=1):
            if verdict not in offered:  # a veto item: no 基本符合 (its key stays 3 for 不符合)
                continue
            button = VerdictButton(f"{key} {verdict_label(verdict)}", COLOURS[verdict], self)
            button.clicked.connect(lambda _checked=False, v=verdict: self._on_clicked(v))
            layout.addWidget(button)
            self.buttons[verdict] = button
        layout.addStretch(1)

    def verdict(self) -> Verdict | None:
        return self._verdict

    def offers(self, verdict: Verdict) -> bool:
        return verdict in self.buttons

    def set_verdict(self, verdict: Verdict | str | None) -> None:
        self._verdict = Verdict(verdict) if verdict else None
        for v, button in self.buttons.items():
            button.setChecked(v == self._verdict)

    def _on_clicked(self, verdict: Verdict) -> None:
        new = None if verdict == self._verdict else verdict
        self.set_verdict(new)
        self.chosen.emit(new)
