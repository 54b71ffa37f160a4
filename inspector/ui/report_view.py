"""The report viewer: a PDF on screen (QtPdf), printed on A4 or saved byte for byte.

Reports are built in the worker with their own database connection, then
shown here. Save As writes the exact bytes (an archived notice stays the
archived notice); Print renders each page into the printer at up to 300 dpi,
which keeps a page image near 35 MB however fine the printer claims to be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import is_user_error
from inspector.progress import Progress
from inspector.ui.messages import describe_for_user
from inspector.ui.worker import Job, run_job

KINDS = ("star", "notice", "notices", "summary", "problems")
MAX_PRINT_DPI = 300


@dataclass(frozen=True)
class BuiltReport:
    pdf: bytes
    title: str
    filename: str


class ReportView(QDialog):
    """One PDF, several pages, fit to width; Print and Save As."""

    def __init__(self, pdf: bytes, title: str, filename: str, parent: QWidget | None = None):
        super().__init__(parent)
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
        self.fonts_label = QLabel(self.tr("Fonts: {0}").format("、".join(fonts_in_pdf(pdf))),
                                  self)
        self.fonts_label.setToolTip(self.tr(
            "The fonts this document is set in. 方正小标宋, 仿宋_GB2312, 黑体 and 楷体 are used "
            "where installed; otherwise the bundled WenQuanYi Micro Hei stands in."))
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

    def _on_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), self._filename, self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        try:
            Path(path).write_bytes(self._bytes)
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
        printer.setPageLayout(QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0)))
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


def build_report(progress: Progress, db_path: str, kind: str, campaign_id: str | None,
                 township_id: str | None = None, notice_id: str | None = None,
                 today: dt.date | None = None) -> BuiltReport:
    """Make the PDF in the worker, on the worker's own connection."""
    from inspector.store.db import open_db

    if kind not in KINDS:
        raise ValueError(f"unknown report {kind!r}")
    db = open_db(db_path)
    try:
        return _build(db, progress, kind, campaign_id, township_id, notice_id,
                      today or dt.date.today())
    finally:
        db.close()


def _build(db: Any, progress: Progress, kind: str, campaign_id: str | None,
           township_id: str | None, notice_id: str | None, today: dt.date) -> BuiltReport:
    from inspector.store.report_data import township_row

    progress(0, 0, "")
    if kind == "notice":
        from inspector.reports.issue import notice_bytes, notice_filename, notice_for_township
        from inspector.store.rows import Rows

        if notice_id:
            notice = db["notices"].get(notice_id)
            pdf = notice_bytes(db, notice, progress)
        else:
            if not (campaign_id and township_id):
                raise ValueError("a notice needs a campaign and a township, or a notice")
            outcome = notice_for_township(Rows(db), campaign_id, township_id, issued_on=today,
                                          progress=progress)
            notice, pdf = outcome.notice, outcome.pdf
        township = township_row(db, notice["township_id"])["name"]
        return BuiltReport(pdf, f"整改通知书 {notice['doc_number']}",
                           notice_filename(notice, township))
    if kind == "notices":  # a notice for every township with problems on none yet
        from inspector.reports.batch import issue_batch
        from inspector.store.rows import Rows

        if not campaign_id:
            raise ValueError("a batch of notices needs a campaign")
        batch = issue_batch(Rows(db), campaign_id, issued_on=today, progress=progress)
        first, last = batch.notices[0]["doc_number"], batch.notices[-1]["doc_number"]
        return BuiltReport(batch.pdf, f"整改通知书 {first}—{last}",
                           f"整改通知书-{today.isoformat()}-{len(batch.notices)}份.pdf")
    if kind == "star":
        from inspector.reports.star import star_report_pdf

        if not (campaign_id and township_id):
            raise ValueError("the feedback form needs a campaign and a township")
        township = township_row(db, township_id)["name"]
        return BuiltReport(star_report_pdf(db, campaign_id, township_id, today, progress),
                           f"督查情况反馈表 {township}", f"督查情况反馈表-{township}.pdf")
    if kind == "summary":
        from inspector.reports.summary import summary_pdf

        if not campaign_id:
            raise ValueError("the summary needs a campaign")
        return BuiltReport(summary_pdf(db, campaign_id, today, progress), "星级评定汇总",
                           f"星级评定汇总-{today.isoformat()}.pdf")
    from inspector.reports.problem_list import problems_pdf

    return BuiltReport(problems_pdf(db, campaign_id, today, progress), "问题清单",
                       f"问题清单-{today.isoformat()}.pdf")


def _title(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {"star": "Building the feedback form…", "notice": "Preparing the notice…",
             "notices": "Issuing the notices…",
             "summary": "Building the campaign summary…", "problems": "Building the problem list…"}
    return QCoreApplication.translate("ReportView", names.get(kind, "Building the report…"))


def _on_failure(parent: QWidget | None, title: str):
    def show(exc: BaseException) -> None:
        from inspector.reports.issue import ReportError

        if is_user_error(exc) or isinstance(exc, ReportError | ValueError):
            QMessageBox.warning(parent, title, describe_for_user(exc))
        else:
            QMessageBox.critical(parent, title, describe_for_user(exc))
    return show


def open_report(parent: QWidget | None, db_path: str, kind: str, *, campaign_id: str | None,
                township_id: str | None = None, notice_id: str | None = None,
                today: dt.date | None = None,
                on_built: Callable[[BuiltReport], None] | None = None) -> Job:
    """Build a report in the worker with progress, then show it in a ReportView.

    kind is "star", "notice", "summary" or "problems". A "notice" with a
    notice_id shows that notice's archived bytes; without one it issues a
    notice for the township's problems not yet on one (or shows the latest).
    The view, once shown, is the job's `view` attribute.
    """
    title = _title(kind)
    job: Job

    def show(built: BuiltReport) -> None:
        view = ReportView(built.pdf, built.title, built.filename, parent)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        job.view = view  # type: ignore[attr-defined]
        view.show()
        if on_built is not None:
            on_built(built)

    job = run_job(parent, title, build_report, str(db_path), kind, campaign_id, township_id,
                  notice_id, today, on_success=show, on_failure=_on_failure(parent, title))
    return job


def print_notice(parent: QWidget | None, db_path: str, notice_id: str) -> Job:
    """Print a notice's archived PDF from the notice list: the print dialog, then the printer."""
    title = _title("notice")
    job: Job

    def print_it(built: BuiltReport) -> None:
        view = ReportView(built.pdf, built.title, built.filename, parent)
        job.view = view  # type: ignore[attr-defined]
        view._on_print()
        view.deleteLater()

    job = run_job(parent, title, build_report, str(db_path), "notice", None, None, notice_id,
                  on_success=print_it, on_failure=_on_failure(parent, title))
    return job
