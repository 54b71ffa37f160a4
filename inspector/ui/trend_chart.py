"""Charts over campaigns, painted with QPainter (no chart library: DESIGN.md).

`LineChart` draws one value per campaign as a line with points (None: no
point), hollow points off the line (a provisional score) and dashed guide
lines (the star thresholds); a click on a point selects that campaign
(`selected`). `StackedBars` draws each campaign's star distribution. The
horizontal axis numbers the campaigns 1…N, as the tables beside them do.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BLUE = QColor("#2F5597")
RED = QColor("#C0392B")
GRID = QColor("#E0E0E0")
GUIDE = QColor("#9E9E9E")
STAR_COLOURS = tuple(QColor(c) for c in ("#1F4E79", "#2F75B5", "#9DC3E6", "#F4B183", "#C00000"))


def nice_step(span: float, ticks: int = 5) -> float:
    """A tick step of 1, 2 or 5 × 10ⁿ giving about `ticks` ticks over `span`."""
    raw = max(span, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * power:
            return float(m * power)
    return float(10 * power)


def label_ticks(n: int, room: float) -> list[int]:
    """Campaign numbers (1-based) to label on an axis `room` pixels wide."""
    if n <= 0:
        return []
    step = max(1, math.ceil(n / max(1.0, room // 22)))
    shown = list(range(1, n + 1, step))
    if n - shown[-1] >= step:
        shown.append(n)
    return shown


class _Chart(QWidget):
    """The frame both charts share: a title, a value axis, campaign numbers below."""

    MARGINS = (38, 26, 12, 22)  # left, top, right, bottom

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self.count = 0
        self.low, self.high = 0.0, 100.0
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(480, 200)

    def plot_rect(self) -> QRectF:
        left, top, right, bottom = self.MARGINS
        return QRectF(
            left, top, max(1, self.width() - left - right), max(1, self.height() - top - bottom)
        )

    def x_of(self, index: int) -> float:
        r = self.plot_rect()
        return r.left() + r.width() * (index + 0.5) / max(self.count, 1)

    def y_of(self, value: float) -> float:
        r = self.plot_rect()
        span = (self.high - self.low) or 1.0
        clipped = min(max(value, self.low), self.high)
        return r.bottom() - r.height() * (clipped - self.low) / span

    def paint_frame(self, p: QPainter) -> None:
        r = self.plot_rect()
        metrics = p.fontMetrics()
        title_font = p.font()
        title_font.setBold(True)
        p.save()
        p.setFont(title_font)
        p.drawText(QRectF(0, 2, self.width(), 20), Qt.AlignmentFlag.AlignCenter, self.title)
        p.restore()
        step = nice_step(self.high - self.low)
        tick = self.low
        while tick <= self.high + 1e-9:
            y = self.y_of(tick)
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(self.palette().text().color())
            text = f"{tick:g}"
            p.drawText(QPointF(r.left() - 4 - metrics.horizontalAdvance(text), y + 4), text)
            tick += step
        p.setPen(QPen(self.palette().text().color(), 1))
        p.drawLine(r.bottomLeft(), r.bottomRight())
        p.drawLine(r.bottomLeft(), r.topLeft())
        for n in label_ticks(self.count, r.width()):
            text = str(n)
            x = self.x_of(n - 1) - metrics.horizontalAdvance(text) / 2
            p.drawText(QPointF(x, r.bottom() + metrics.ascent() + 3), text)


class LineChart(_Chart):
    selected = Signal(int)  # the index of the campaign whose point was clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.values: list[float | None] = []
        self.hollow: list[float | None] = []
        self.guides: tuple[float, ...] = ()
        self.tips: list[str] = []
        self.current = -1
        self.setMouseTracking(True)

    def set_series(
        self,
        title: str,
        values: Sequence[float | None],
        *,
        hollow: Sequence[float | None] = (),
        guides: Sequence[float] = (),
        tips: Sequence[str] = (),
        low: float | None = None,
        high: float = 100.0,
    ) -> None:
        self.title = title
        self.values, self.hollow = list(values), list(hollow)
        self.guides, self.tips = tuple(guides), list(tips)
        self.count = max(len(self.values), len(self.hollow))
        known = [v for v in [*self.values, *self.hollow] if v is not None]
        if low is None:  # near the lowest value, at least ten below the top
            low = min(high - 10, max(0.0, 10 * math.floor((min(known, default=high) - 5) / 10)))
        self.low, self.high = low, high
        self.current = -1
        self.update()

    def point(self, index: int) -> QPointF | None:
        """Where the campaign's point is drawn (None: it has none)."""
        value = self.values[index] if index < len(self.values) else None
        if value is None and index < len(self.hollow):
            value = self.hollow[index]
        return None if value is None else QPointF(self.x_of(index), self.y_of(value))

    def index_at(self, pos: QPointF) -> int:
        """The campaign whose point is nearest to `pos` (-1 when none is within reach)."""
        best, best_d = -1, 12.0**2
        for i in range(self.count):
            pt = self.point(i)
            if pt is None:
                continue
            d = (pt.x() - pos.x()) ** 2 + (pt.y() - pos.y()) ** 2
            if d < best_d:
                best, best_d = i, d
        return best

    def select(self, index: int) -> None:
        self.current = index
        self.update()
        self.selected.emit(index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position())
        if index >= 0:
            self.select(index)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position())
        self.setToolTip(self.tips[index] if 0 <= index < len(self.tips) else "")
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint_frame(p)
        r = self.plot_rect()
        for g in self.guides:
            if self.low < g < self.high:
                p.setPen(QPen(GUIDE, 1, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(r.left(), self.y_of(g)), QPointF(r.right(), self.y_of(g)))
        points = [
            QPointF(self.x_of(i), self.y_of(v)) for i, v in enumerate(self.values) if v is not None
        ]
        p.setPen(QPen(BLUE, 2))
        for a, b in itertools.pairwise(points):
            p.drawLine(a, b)
        radius = 3.5 if self.count <= 20 else 2.5
        p.setBrush(BLUE)
        for pt in points:
            p.drawEllipse(pt, radius, radius)
        p.setPen(QPen(RED, 1.5))
        p.setBrush(Qt.GlobalColor.white)
        for i, v in enumerate(self.hollow):
            if v is not None:
                p.drawEllipse(QPointF(self.x_of(i), self.y_of(v)), radius, radius)
        chosen = self.point(self.current) if self.current >= 0 else None
        if chosen is not None:
            p.setPen(QPen(RED, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(chosen, radius + 3, radius + 3)
        p.end()


class StackedBars(_Chart):
    """Per campaign, townships per star level stacked (1 star at the bottom)."""

    MARGINS = (38, 26, 52, 22)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stacks: list[tuple[int, ...]] = []  # per campaign, counts best level first

    def set_stacks(self, title: str, stacks: Sequence[tuple[int, ...]]) -> None:
        self.title = title
        self.stacks = list(stacks)
        self.count = len(self.stacks)
        most = max((sum(s) for s in self.stacks), default=1) or 1
        step = nice_step(most)
        self.low, self.high = 0.0, step * math.ceil(most / step)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        self.paint_frame(p)
        r = self.plot_rect()
        levels = max((len(s) for s in self.stacks), default=5)
        slot = r.width() / max(self.count, 1)
        bar = max(1.0, min(22.0, slot * 0.7))
        p.setPen(Qt.PenStyle.NoPen)
        for i, stack in enumerate(self.stacks):
            base = 0
            for k in range(len(stack) - 1, -1, -1):  # worst level first, at the bottom
                if stack[k]:
                    p.setBrush(STAR_COLOURS[min(len(STAR_COLOURS) - 1, k)])
                    top, bottom = self.y_of(base + stack[k]), self.y_of(base)
                    p.drawRect(QRectF(self.x_of(i) - bar / 2, top, bar, bottom - top))
                base += stack[k]
        p.setPen(self.palette().text().color())
        for k in range(levels):
            y = r.top() + 4 + k * 16
            p.fillRect(
                QRectF(r.right() + 8, y, 10, 10), STAR_COLOURS[min(len(STAR_COLOURS) - 1, k)]
            )
            p.drawText(QPointF(r.right() + 22, y + 9), self.tr("{0}★").format(levels - k))
        p.end()
