"""The report viewer: a PDF on screen (QtPdf), printed on A4 or saved byte for byte.

Reports are built in the worker with their own database connection, then
shown here. Save As writes the exact bytes (an archived notice stays the
archived notice); Print renders each page into the printer at up to 300 dpi,
which keeps a page image near 35 MB however fine the printer claims to be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QMarginsF, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import is_user_error
from inspector.reports.jobs import BuiltReport, build_report
from inspector.ui.messages import describe_for_user
from inspector.ui.worker import Job, run_job

MAX_PRINT_DPI = 300


class ReportView(QDialog):
    """One PDF, several pages, fit to width; Print and Save As."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        filename: str,
        parent: QWidget | None = None,
        others: dict[str, tuple[bytes, str]] | None = None,
    ):
        super().__init__(parent)
        self._others = dict(others or {})
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self._bytes = pdf
        self._filename = filename
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.pages_label = QLabel(self.tr("{0} pages").format(self.page_count()), self)
        from inspector.reports.fonts import fonts_in_pdf

        # Read from the paper itself: an archived notice may come from another laptop.
        self.fonts_label = QLabel(self.tr("Fonts: {0}").format("、".join(fonts_in_pdf(pdf))), self)
        self.fonts_label.setToolTip(
            self.tr(
                "The fonts this document is set in. 方正小标宋, 仿宋_GB2312, 黑体 and 楷体 are used "
                "where installed; otherwise the bundled WenQuanYi Micro Hei stands in."
            )
        )
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save As…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addWidget(self.fonts_label)
        buttons.addStretch(1)
        for b in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        self.close_button.clicked.connect(self.close)

    @property
    def pdf_bytes(self) -> bytes:
        return self._bytes

    def page_count(self) -> int:
        return self.document.pageCount()

    def formats(self) -> dict[str, str]:
        """The Save As file filters offered, PDF first, each with its format."""
        names = {
            "pdf": self.tr("PDF documents (*.pdf)"),
            "docx": self.tr("Word documents (*.docx)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
        }
        return {names[f]: f for f in ("pdf", *self._others) if f in names}

    def saved_bytes(self, path: str, chosen_filter: str = "") -> bytes:
        """What Save As writes to `path`: the format its extension names, else the one of
        the filter chosen, else the PDF on screen."""
        ext = Path(path).suffix.lower().lstrip(".")
        fmt = ext if ext in ("pdf", *self._others) else self.formats().get(chosen_filter, "pdf")
        return self._bytes if fmt == "pdf" else self._others[fmt][0]

    def _on_save(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), self._filename, ";;".join(self.formats())
        )
        if not path:
            return
        try:
            Path(path).write_bytes(self.saved_bytes(path, chosen))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save report"), describe_for_user(exc))

    def _on_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.prepare_printer(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def prepare_printer(self, printer: QPrinter) -> None:
        """A4, the orientation of the document's first page, no extra margins."""
        size = self.document.pagePointSize(0) if self.page_count() else None
        landscape = size is not None and size.width() > size.height()
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape
                if landscape
                else QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        printer.setFullPage(True)
        printer.setDocName(self.windowTitle())

    def print_to(self, printer: QPrinter) -> int:
        """Render the pages (or the range chosen in the print dialog); returns pages printed."""
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:
            first, last = 1, self.page_count()
        last = min(last, self.page_count())
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(self.tr("The printer could not be started."))
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        printed = 0
        try:
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                target = painter.viewport()
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(page, size)
                painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
                printed += 1
        finally:
            painter.end()
        return printed


def _title(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "star": "Building the feedback form…",
        "notice": "Preparing the notice…",
        "notices": "Issuing the notices…",
        "summary": "Building the campaign summary…",
        "problems": "Building the problem list…",
        "bulletin": "Building the bulletin…",
        "supervise": "Building the supervision orders…",
        "interview": "Building the interview notices…",
        "ledger": "Building the rectification ledger…",
        "ranking": "Building the ranking…",
    }
    return QCoreApplication.translate("ReportView", names.get(kind, "Building the report…"))


def _on_failure(parent: QWidget | None, title: str):
    def show(exc: BaseException) -> None:
        from inspector.reports.issue import ReportError

        if is_user_error(exc) or isinstance(exc, ReportError | ValueError):
            QMessageBox.warning(parent, title, describe_for_user(exc))
        else:
            QMessageBox.critical(parent, title, describe_for_user(exc))

    return show


def open_report(
    parent: QWidget | None,
    db_path: str,
    kind: str,
    *,
    campaign_id: str | None,
    township_id: str | None = None,
    notice_id: str | None = None,
    today: dt.date | None = None,
    on_built: Callable[[BuiltReport], None] | None = None,
    **options: Any,
) -> Job | None:
    """Build a report in the worker with progress, then show it in a ReportView.

    kind is one of `inspector.reports.registry.KINDS`. A "notice" with a notice_id
    shows that notice's archived bytes; without one it issues a notice for the
    township's problems not yet on one (or shows the latest). An "interview" asks
    for the day and the place unless `options` give them; None if that is cancelled.
    The view, once shown, is the job's `view` attribute.
    """
    if kind == "interview" and "interview_on" not in options:
        asked = ask_interview(parent, today or dt.date.today())
        if asked is None:
            return None
        options.update(interview_on=asked[0], place=asked[1])
    title = _title(kind)
    job: Job

    def show(built: BuiltReport) -> None:
        view = ReportView(built.pdf, built.title, built.filename, parent, built.others)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        job.view = view  # type: ignore[attr-defined]
        view.show()
        if on_built is not None:
            on_built(built)

    job = run_job(
        parent,
        title,
        build_report,
        str(db_path),
        kind,
        campaign_id,
        township_id,
        notice_id,
        today,
        options,
        on_success=show,
        on_failure=_on_failure(parent, title),
    )
    return job


class InterviewDialog(QDialog):
    """The day and the place of the 约谈, which the 约谈通知 states."""

    def __init__(self, parent: QWidget | None, today: dt.date):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Interview notices"))
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setCalendarPopup(True)
        self.day.setMinimumDate(QDate(today.year, today.month, today.day))
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("e.g. the county party committee's meeting room"))
        form = QFormLayout(self)
        form.addRow(self.tr("Interview on:"), self.day)
        form.addRow(self.tr("Place:"), self.place)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        if not self.place.text().strip():
            self.place.setFocus()
            return
        self.accept()

    def values(self) -> tuple[dt.date, str]:
        day = self.day.date()
        return dt.date(day.year(), day.month(), day.day()), self.place.text().strip()


def ask_interview(parent: QWidget | None, today: dt.date) -> tuple[dt.date, str] | None:
    dialog = InterviewDialog(parent, today)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()


def print_notice(parent: QWidget | None, db_path: str, notice_id: str) -> Job:
    """Print a notice's archived PDF from the notice list: the print dialog, then the printer."""
    title = _title("notice")
    job: Job

    def print_it(built: BuiltReport) -> None:
        view = ReportView(built.pdf, built.title, built.filename, parent)
        job.view = view  # type: ignore[attr-defined]
        view._on_print()
        view.deleteLater()

    job = run_job(
        parent,
        title,
        build_report,
        str(db_path),
        "notice",
        None,
        None,
        notice_id,
        on_success=print_it,
        on_failure=_on_failure(parent, title),
    )
    return job
