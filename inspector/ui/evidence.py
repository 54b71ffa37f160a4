"""One piece of evidence looked at: a photo or a scanned PDF, its time, its caption, deleting it.

Evidence arrives from cameras and scanners and from other laptops' bundles,
so any file may be damaged: a photo Qt cannot decode or a PDF QtPdf cannot
open shows a line saying so (and a page icon in the strip), never an error
box or a crash. Captions and deletions go through `session.attachments`
(synced, audited); the views showing the photos refresh on the changed
signal like after any other write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector.core.ids import AttachmentId
from inspector.ui.changes import session_of
from inspector.ui.errors import show_error

if TYPE_CHECKING:
    from inspector.store.session import Session

# Pages of a scanned PDF are rendered only for the first page, at most this large:
# a hostile page size (a kilometre wide) must not allocate gigabytes.
_MAX_RENDER = 2400


def is_pdf(att: dict[str, Any]) -> bool:
    return att.get("mime") == "application/pdf" or att.get("filename", "").lower().endswith(".pdf")


def pdf_first_page(path: str, size: QSize) -> QPixmap:
    """Page 1 of a PDF, fitted into `size`; a null pixmap if QtPdf cannot read it."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        if document.load(path) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            return QPixmap()
        page = document.pagePointSize(0)
        if page.width() <= 0 or page.height() <= 0:
            return QPixmap()
        bounded = QSize(min(size.width(), _MAX_RENDER), min(size.height(), _MAX_RENDER))
        fitted = page.toSize().scaled(bounded, Qt.AspectRatioMode.KeepAspectRatio)
        if fitted.isEmpty():
            return QPixmap()
        image = document.render(0, fitted)
        if image.isNull():
            return QPixmap()
        # A scan's transparent background shows as black in a label: lay it on white.
        paper = QImage(image.size(), QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)
        painter = QPainter(paper)
        painter.drawImage(0, 0, image)
        painter.end()
        return QPixmap.fromImage(paper)
    finally:
        document.close()


def evidence_pixmap(path: str, att: dict[str, Any], size: QSize) -> QPixmap:
    """A photo decoded to `size`, or a PDF's first page; null when neither can be shown."""
    from inspector.ui.photos import load_scaled

    if is_pdf(att):
        return pdf_first_page(path, size)
    if att.get("mime", "").startswith("image/"):
        return load_scaled(path, size)
    return QPixmap()


def page_icon(widget: QWidget, size: QSize) -> QPixmap:
    """The style's file icon: a scan or file that cannot be drawn still looks like a page."""
    return widget.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon).pixmap(size)


def taken_text(att: dict[str, Any]) -> str:
    """'Taken 2017-09-12 10:30' for the strip's tooltips and the dialog."""
    when = att.get("taken_at")
    if not when:
        return QCoreApplication.translate("Evidence", "Time taken unknown")
    return QCoreApplication.translate("Evidence", "Taken {0}").format(when[:16].replace("T", " "))


def tooltip(att: dict[str, Any]) -> str:
    """Name, caption and time, one a line (the strip shows no text under a thumbnail)."""
    parts = [att.get("filename") or "?", att.get("caption") or "", taken_text(att)]
    return "\n".join(p for p in parts if p)


class EvidenceDialog(QDialog):
    """A larger view of one attachment with its time taken, its caption and Delete."""

    def __init__(self, db: Any, att: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.session: Session = session_of(db)
        self.att = dict(att)
        self.path = str(self.session.attachments.blob_path(att["sha256"]))
        self.setWindowTitle(att.get("filename") or self.tr("Evidence"))
        screen = self.screen().availableSize() if self.screen() else QSize(1200, 900)
        want = QSize(int(screen.width() * 0.7), int(screen.height() * 0.65))
        pixmap = evidence_pixmap(self.path, att, want)
        self.view = QLabel(self)
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if pixmap.isNull():
            self.view.setText(
                self.tr(
                    "This file cannot be shown here: it is damaged, or not a photo or PDF "
                    "this program can read. It is kept as it came."
                )
            )
            self.view.setWordWrap(True)
        else:
            self.view.setPixmap(pixmap)
        area = QScrollArea(self)
        area.setWidget(self.view)
        area.setWidgetResizable(True)
        self.time_label = QLabel(taken_text(att), self)
        self.caption_edit = QLineEdit(att.get("caption") or "", self)
        self.caption_edit.setPlaceholderText(self.tr("Caption (what the photo shows)…"))
        self.caption_edit.setMaxLength(500)
        self.save_button = QPushButton(self.tr("Save caption"), self)
        self.open_button = QPushButton(self.tr("Open all pages…"), self)
        self.open_button.setVisible(is_pdf(att) and not pixmap.isNull())
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.caption_edit, 1)
        caption_row.addWidget(self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.time_label)
        buttons.addStretch(1)
        for button in (self.open_button, self.delete_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addLayout(caption_row)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save_caption)
        self.caption_edit.returnPressed.connect(self.save_caption)
        self.delete_button.clicked.connect(self._on_delete)
        self.open_button.clicked.connect(self.open_pages)
        self.close_button.clicked.connect(self.reject)
        size = pixmap.size() if not pixmap.isNull() else QSize(420, 160)
        self.resize(size.expandedTo(QSize(520, 200)) + QSize(40, 120))

    def save_caption(self) -> bool:
        """Write the typed caption; False (and a message) if it could not be saved."""
        try:
            done = self.session.attachments.set_caption(
                AttachmentId(self.att["id"]), self.caption_edit.text(), source=self
            )
        except Exception as exc:
            show_error(self, exc, self.tr("Caption not saved"))
            return False
        self.att = done.value
        self.caption_edit.setText(done.value["caption"])
        return True

    def _on_delete(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete evidence"),
            self.tr("Delete {0} from the evidence? The deletion is recorded and synced.").format(
                self.att.get("filename") or "?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirm_delete_evidence")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.delete()

    def delete(self) -> bool:
        try:
            self.session.attachments.delete(AttachmentId(self.att["id"]), source=self)
        except Exception as exc:
            show_error(self, exc, self.tr("Evidence not deleted"))
            return False
        self.accept()
        return True

    def open_pages(self) -> QDialog | None:
        """Every page of a scanned PDF in the report viewer (print, save as)."""
        from inspector.ui.report_view import ReportView

        try:
            data = self.session.attachments.blob_path(self.att["sha256"]).read_bytes()
            view = ReportView(
                data, self.att.get("filename") or "", self.att.get("filename") or "", self
            )
        except Exception as exc:
            show_error(self, exc, self.tr("Scan not opened"))
            return None
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open()
        return view


def open_evidence(db: Any, att: dict[str, Any], parent: QWidget) -> EvidenceDialog:
    dialog = EvidenceDialog(db, att, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
