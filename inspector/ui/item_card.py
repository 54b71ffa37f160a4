"""One checklist item as a card: its text and guidance, and the inputs for its answer.

The card holds no database: it shows values and emits what the user did;
the checklist saves (a note on every change of its text). Keys on a verdict
card: 1-4 set the verdict and move on, 0 / Delete clear it, Up / Down move
between items (Tab too: the checklist handles it). N or F2 puts the keyboard
in the note; Esc there goes back to the item, Enter or Tab moves on. A
number card hands its focus to the spin box and a text card to its note, so
typing goes straight in. In the spin box too Up / Down move between items
(the hint says so, and a count stepped by an arrow was saved unseen) and the
page keys do nothing: a count changes only when digits are typed, and the
points it earns stand beside it, so a slip such as "1 1" typed as 11 shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QRegion,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.core.forms import Item
from inspector.core.scoring import Verdict, number_miss, verdicts_for
from inspector.ui.photos import IMAGE_SUFFIXES, PhotoStrip, dropped_files
from inspector.ui.verdict_buttons import ORDER, VerdictButtons, verdict_label

NOT_COUNTED = -1
_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
_CLEAR = (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_NOTE_KEYS = (Qt.Key.Key_N, Qt.Key.Key_F2)
_MOVE_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
_STEP_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
_BORDER = QColor("#d5d8dc")
_CURRENT = QColor("#2e86c1")
_RING = 3  # pixels of the card's edge its border may cover (the layout keeps inside them)


class CountSpinBox(QSpinBox):
    """A spin box that ignores the mouse wheel unless focused: scrolling the
    checklist must never change a count by accident."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class ItemCard(QFrame):
    """One item; the current one has a blue border.

    The card paints its own background and border rather than taking them
    from a style sheet: moving the keyboard to the next item then repaints
    the two cards' edges, where a style sheet property (re-polished, its
    border a pixel wider) re-laid out and repainted both cards whole on
    every key press.
    """

    verdict_chosen = Signal(str, object)  # item id, Verdict | None
    number_changed = Signal(str, object)  # item id, float | None
    note_edited = Signal(str, str)  # item id, text (every change by the user)
    number_finished = Signal(str)  # item id (Enter or focus left the spin box)
    photos_requested = Signal(str)
    files_dropped = Signal(str, list)
    move_requested = Signal(object, int)  # self, +1 / -1
    problem_requested = Signal(str)  # item id (the link a Skip leaves)

    def __init__(self, item: Item, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.read_only = False
        self.setObjectName("ItemCard")
        self.current = False
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verdicts: VerdictButtons | None = None
        self.spin: CountSpinBox | None = None
        self.points_label: QLabel | None = None

        title = QLabel(self._title_html(), self)
        title.setTextFormat(Qt.TextFormat.RichText)
        self.problem_badge = QLabel(self)
        self.problem_badge.setStyleSheet("color: #c0392b;")
        self.problem_badge.setTextFormat(Qt.TextFormat.RichText)
        self.problem_badge.linkActivated.connect(lambda _l: self.problem_requested.emit(item.id))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.problem_badge)
        text = QLabel(item.text, self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(text)
        if item.guidance:
            guidance = QLabel(item.guidance, self)
            guidance.setWordWrap(True)
            guidance.setObjectName("guidance")
            guidance.setStyleSheet("color: #707b7c;")
            font = guidance.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            guidance.setFont(font)
            layout.addWidget(guidance)

        # The township's own answer (自评), when it returned a sheet: beside, never instead.
        self.self_label = QLabel(self)
        self.self_label.setObjectName("selfAssessment")
        self.self_label.setStyleSheet("color: #1f4e79;")
        self.self_label.setWordWrap(True)
        self.self_label.setVisible(False)
        layout.addWidget(self.self_label)

        answer_row = QHBoxLayout()
        if item.kind == "verdict":
            self.verdicts = VerdictButtons(self, verdicts_for(item))
            self.verdicts.chosen.connect(lambda v: self.verdict_chosen.emit(item.id, v))
            answer_row.addWidget(self.verdicts, 1)
        elif item.kind == "number":
            self.spin = CountSpinBox(self)
            self.spin.setRange(NOT_COUNTED, 99_999)
            self.spin.setSpecialValueText(self.tr("not counted"))
            self.spin.setValue(NOT_COUNTED)
            self.spin.setMinimumWidth(110)
            if item.unit:
                self.spin.setSuffix(f" {item.unit}")
            self.spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.spin.valueChanged.connect(self._on_spin)
            self.spin.editingFinished.connect(lambda: self.number_finished.emit(item.id))
            self.spin.installEventFilter(self)
            self.setFocusProxy(self.spin)
            rule = QLabel(self._rule_text(), self)
            rule.setStyleSheet("color: #707b7c;")
            answer_row.addWidget(self.spin)
            if item.scored:
                self.points_label = QLabel(self)
                answer_row.addWidget(self.points_label)
            answer_row.addWidget(rule, 1)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(
            self.tr("Note (what was seen, which records)…")
            if item.kind != "text"
            else self.tr("Write the answer…")
        )
        self.note.textChanged.connect(lambda t: self.note_edited.emit(item.id, t))
        self.note.installEventFilter(self)
        if item.kind == "text":
            self.setFocusProxy(self.note)
        else:  # reached with N / F2 or the mouse, never by Tab
            self.note.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.photo_button = QPushButton(self.tr("Add photo…"), self)
        self.photo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.photo_button.clicked.connect(lambda: self.photos_requested.emit(item.id))
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.photo_button)
        if answer_row.count():
            layout.addLayout(answer_row)
        layout.addLayout(note_row)
        self.photos = PhotoStrip(db, self)
        self.photos.setVisible(False)
        layout.addWidget(self.photos)

    def _title_html(self) -> str:
        item = self.item
        parts = [f"<b>{item.id}</b>"]
        if item.scored:
            parts.append(self.tr("{0:g} points").format(item.points))
        if item.veto:
            veto = self.tr("veto item")
            parts.append(f"<span style='color:#c0392b'><b>{veto}</b></span>")
        return " &nbsp;·&nbsp; ".join(parts)

    def _rule_text(self) -> str:
        item = self.item
        target = f"{item.target or 0:g}{item.unit}"
        if item.rule == "at_least":
            rule = self.tr("target: at least {0}").format(target)
        else:
            rule = self.tr("target: at most {0}").format(target)
        return rule + self.tr("; {0:g} off per unit missed").format(item.deduct or 0)

    # -- showing values -----------------------------------------------------------------
    def show_answer(self, answer: dict[str, Any] | None) -> None:
        answer = answer or {}
        if self.verdicts is not None:
            self.verdicts.set_verdict(answer.get("verdict"))
        if self.spin is not None:
            number = answer.get("number")
            self.spin.blockSignals(True)
            self.spin.setValue(NOT_COUNTED if number is None else round(number))
            self.spin.blockSignals(False)
            self._show_points()
        note = answer.get("note") or ""
        if self.note.text() != note:
            self.note.blockSignals(True)  # showing what is stored is no edit
            self.note.setText(note)
            self.note.blockSignals(False)

    def show_self_answer(self, answer: dict[str, Any] | None) -> None:
        """The township's own verdict or count and its note, or nothing when it gave none."""
        answer = answer or {}
        verdict, number = answer.get("verdict"), answer.get("number")
        if verdict:
            value = verdict_label(Verdict(verdict))
        elif number is not None:
            value = f"{number:g}{self.item.unit}"
        else:
            value = ""
        note = (answer.get("note") or "").strip()
        if not value and not note:
            self.self_label.setVisible(False)
            self.self_label.setText("")
            return
        text = self.tr("Self-assessment: {0}").format(value or self.tr("(no verdict)"))
        if note:
            text += " — " + note
        self.self_label.setText(text)
        self.self_label.setVisible(True)

    def show_problems(self, count: int, offer: bool = False) -> None:
        """How many problems the item has; with none and `offer` (a Skip), a link that
        offers the problem again."""
        if count:
            self.problem_badge.setText(self.tr("{0} problem(s) recorded").format(count))
        elif offer:
            link = self.tr("Record a problem…")
            self.problem_badge.setText(f"<a href='problem'>{link}</a>")
        else:
            self.problem_badge.setText("")

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if self.verdicts is not None:
            self.verdicts.setEnabled(not read_only)
        if self.spin is not None:
            self.spin.setReadOnly(read_only)
        self.note.setReadOnly(read_only)
        self.photo_button.setEnabled(not read_only)

    def set_current(self, current: bool) -> None:
        """Mark the card the keyboard is on: its edge is repainted, nothing is laid out."""
        if self.current != current:
            self.current = current
            inner = self.rect().adjusted(_RING, _RING, -_RING, -_RING)
            self.update(QRegion(self.rect()) - QRegion(inner))

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Qt repaints a widget whole when it gains or loses the focus; a card shows the
        keyboard by its border (`set_current`), so there is nothing more to paint."""
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Plain fills: the background, then the border's four edges (their corner pixel
        left out, which reads as rounded). A rounded rectangle drawn antialiased cost a
        millisecond a paint, as much as everything else on the card."""
        painter = QPainter(self)
        dirty = event.rect()
        painter.fillRect(self.rect().adjusted(1, 1, -1, -1) & dirty, self.palette().base())
        if self.rect().adjusted(_RING, _RING, -_RING, -_RING).contains(dirty):
            return
        colour = _CURRENT if self.current else _BORDER
        w = 2 if self.current else 1
        width, height = self.width(), self.height()
        for edge in (
            QRect(1, 0, width - 2, w),
            QRect(1, height - w, width - 2, w),
            QRect(0, 1, w, height - 2),
            QRect(width - w, 1, w, height - 2),
        ):
            painter.fillRect(edge, colour)

    def number_value(self) -> float | None:
        if self.spin is None or self.spin.value() == NOT_COUNTED:
            return None
        return float(self.spin.value())

    # -- keyboard ------------------------------------------------------------------------
    def edit_note(self) -> None:
        """Put the keyboard in the note, cursor at its end."""
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note.end(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier:
            if key in _NOTE_KEYS:
                self.edit_note()
                return
            if self.verdicts is not None and key in _KEYS:
                verdict = ORDER[_KEYS[Qt.Key(key)]]
                if not self.read_only and self.verdicts.offers(verdict):
                    self.verdicts.set_verdict(verdict)
                    self.verdict_chosen.emit(self.item.id, verdict)
                    self.move_requested.emit(self, 1)
                return
            if self.verdicts is not None and key in _CLEAR:
                if not self.read_only and self.verdicts.verdict() is not None:
                    self.verdicts.set_verdict(None)
                    self.verdict_chosen.emit(self.item.id, None)
                return
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_requested.emit(self, 1)
                return
            if key == Qt.Key.Key_Up:
                self.move_requested.emit(self, -1)
                return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if (
                watched is self.spin
                and key in _NOTE_KEYS
                and mods == Qt.KeyboardModifier.NoModifier
            ):
                self.edit_note()
                return True
            if watched is self.spin and key in _MOVE_KEYS:
                self.number_finished.emit(self.item.id)
                self.move_requested.emit(self, _MOVE_KEYS[Qt.Key(key)])
                return True
            if watched is self.spin and key in _STEP_KEYS:
                return True
            if watched is self.note and key == Qt.Key.Key_Escape and self.item.kind != "text":
                self.setFocus(Qt.FocusReason.ShortcutFocusReason)  # back to the item (or count)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.spin:
                    self.number_finished.emit(self.item.id)
                self.move_requested.emit(self, 1)
                return True
            if watched is self.note and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_requested.emit(self, 1 if key == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)

    def _on_spin(self, value: int) -> None:
        self._show_points()
        self.number_changed.emit(self.item.id, None if value == NOT_COUNTED else float(value))

    def _show_points(self) -> None:
        """The points this count earns (the score's formula: points less the deduction
        per unit missed), red when it loses any."""
        if self.points_label is None:
            return
        value = self.number_value()
        item = self.item
        if value is None:
            self.points_label.setText("")
            return
        earned = max(0.0, item.points - (item.deduct or 0.0) * number_miss(item, value))
        self.points_label.setText(self.tr("{0:g} / {1:g} points").format(earned, item.points))
        self.points_label.setStyleSheet(
            "color: #c0392b; font-weight: bold;" if earned < item.points else "color: #1e8449;"
        )

    # -- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if (
            not self.read_only
            and event.mimeData().hasUrls()
            and dropped_files(event.mimeData().urls(), _is_image)
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_files(event.mimeData().urls(), _is_image)
        if paths and not self.read_only:
            self.files_dropped.emit(self.item.id, paths)
            event.acceptProposedAction()


def _is_image(path: str) -> bool:
    return path.lower().endswith(IMAGE_SUFFIXES)
