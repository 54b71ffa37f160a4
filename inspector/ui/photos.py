"""Photos of a checklist item: a strip of thumbnails, a larger view on click.

The bytes live content-addressed beside the database (`store.attachments`);
thumbnails are decoded from there and scaled, never kept at full size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.ui.changes import session_of

THUMB = QSize(72, 54)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".heic", ".tif", ".tiff")


def load_scaled(path: str, size: QSize) -> QPixmap:
    """Decode straight to the wanted size (a 12-megapixel photo never fully in memory)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


class Thumbnail(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class PhotoStrip(QWidget):
    """Thumbnails of one item's attachments: photos, a scan's first page, else a page icon;
    a click opens the evidence dialog (`ui.evidence`)."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addStretch(1)
        self.attachments: list[dict[str, Any]] = []
        self.dialog: QDialog | None = None  # the evidence dialog last opened

    def set_attachments(self, attachments: list[dict[str, Any]]) -> None:
        self.attachments = list(attachments)
        while self._layout.count() > 1:
            item = self._layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for index, att in enumerate(self.attachments):
            self._layout.insertWidget(index, self._thumbnail(att))
        self.setVisible(bool(self.attachments))

    def _thumbnail(self, att: dict[str, Any]) -> QLabel:
        from inspector.ui.evidence import evidence_pixmap, page_icon, tooltip

        label = Thumbnail(self)
        label.setFixedSize(THUMB)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("border: 1px solid #bbb; background: #fafafa;")
        label.setToolTip(tooltip(att))
        label.setObjectName(f"evidence_{att['id']}")
        path = str(session_of(self.db).attachments.blob_path(att["sha256"]))
        pixmap = evidence_pixmap(path, att, THUMB)
        if pixmap.isNull() and not att["mime"].startswith("image/"):
            pixmap = page_icon(self, QSize(32, 32))  # a scan or file that cannot be drawn
        if pixmap.isNull():
            label.setText(att["filename"][:10] or "?")
            label.setWordWrap(True)
        else:
            label.setPixmap(pixmap)
        label.setCursor(Qt.CursorShape.PointingHandCursor)
        label.clicked.connect(lambda a=att: self.open(a))
        return label

    def open(self, att: dict[str, Any]) -> QDialog:
        """The evidence dialog of one attachment: larger view, time, caption, Delete."""
        from inspector.ui.evidence import open_evidence

        self.dialog = open_evidence(self.db, att, self)
        return self.dialog


def show_photo(parent: QWidget, path: str, title: str) -> None:
    """A larger view of one photo, fitted to most of the screen."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    screen = parent.screen().availableSize() if parent.screen() else QSize(1200, 900)
    pixmap = load_scaled(path, QSize(int(screen.width() * 0.8), int(screen.height() * 0.8)))
    label = QLabel(dialog)
    label.setPixmap(pixmap)
    area = QScrollArea(dialog)
    area.setWidget(label)
    area.setWidgetResizable(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(area)
    layout.addWidget(buttons)
    dialog.resize(pixmap.size() + QSize(40, 80))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def dropped_files(urls: list[Any], accept: Callable[[str], bool] | None = None) -> list[str]:
    """Local file paths from a drop, keeping only those `accept` allows."""
    paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
    return [p for p in paths if accept is None or accept(p)]
