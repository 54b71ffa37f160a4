"""The report viewer: pages on screen, Save As byte for byte, printing to a PDF printer."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector.reports.summary import summary_pdf
from inspector.ui.report_view import ReportView, open_report, print_notice

DAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


@pytest.fixture
def summary_bytes(sample_db, sample_campaign):
    return summary_pdf(sample_db, sample_campaign["id"], DAY)


# The job may finish before a waitSignal could connect, so the tests wait for its effect.


def test_view_shows_every_page_and_saves_the_exact_bytes(
    qtbot, summary_bytes, tmp_path, monkeypatch
):
    view = ReportView(summary_bytes, "星级评定汇总", "summary.pdf")
    qtbot.addWidget(view)
    view.show()
    assert view.page_count() == _pages(summary_bytes) > 2
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)")
    )
    view.save_button.click()
    assert target.read_bytes() == summary_bytes


def test_printing_to_a_pdf_printer_prints_every_page(qtbot, summary_bytes, tmp_path):
    view = ReportView(summary_bytes, "星级评定汇总", "summary.pdf")
    qtbot.addWidget(view)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    view.prepare_printer(printer)
    assert view.print_to(printer) == view.page_count()
    printed = out.read_bytes()
    assert _pages(printed) == view.page_count()
    assert abs(printer.pageLayout().fullRectPoints().width() - 595) <= 1  # A4


def test_open_report_builds_in_the_worker_and_shows_the_notice(
    qtbot, sample_db_path, sample_db, sample_campaign
):
    cid = sample_campaign["id"]
    town = sample_db.execute(
        "SELECT township_id FROM problems WHERE notice_id IS NULL AND status = 'open' LIMIT 1"
    ).fetchone()[0]
    job = open_report(
        None, str(sample_db_path), "notice", campaign_id=cid, township_id=town, today=DAY
    )
    qtbot.waitUntil(lambda: hasattr(job, "view"), timeout=30_000)
    view = job.view
    qtbot.addWidget(view)
    notice = sample_db.execute(
        "SELECT n.id, a.sha256 FROM notices n JOIN attachments a ON a.id = n.attachment_id "
        "WHERE n.township_id = ? ORDER BY n.seq DESC",
        [town],
    ).fetchone()
    assert notice is not None
    from inspector.store.attachments import read_bytes

    assert view.pdf_bytes == read_bytes(sample_db, notice[1])
    assert view.page_count() == _pages(view.pdf_bytes)
    # Reopening it by its id shows the archived bytes again, not a new notice.
    again = open_report(None, str(sample_db_path), "notice", campaign_id=cid, notice_id=notice[0])
    qtbot.waitUntil(lambda: hasattr(again, "view"), timeout=30_000)
    qtbot.addWidget(again.view)
    assert again.view.pdf_bytes == view.pdf_bytes


def test_a_report_that_cannot_be_made_is_a_warning(
    qtbot, sample_db_path, sample_db, sample_campaign, monkeypatch
):
    clean = sample_db.execute(
        "SELECT i.township_id FROM inspections i WHERE NOT EXISTS "
        "(SELECT 1 FROM problems p WHERE p.township_id = i.township_id)"
    ).fetchone()[0]
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    job = open_report(
        None,
        str(sample_db_path),
        "notice",
        campaign_id=sample_campaign["id"],
        township_id=clean,
        today=DAY,
    )
    qtbot.waitUntil(lambda: bool(warnings), timeout=30_000)
    assert "no problems" in warnings[0]
    assert not hasattr(job, "view")


def test_print_notice_prints_the_archived_notice(
    qtbot, sample_db_path, sample_db, monkeypatch, tmp_path
):
    notice_id = sample_db.execute("SELECT id FROM notices LIMIT 1").fetchone()[0]
    printed = []

    def fake_print(self):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "notice.pdf"))
        self.prepare_printer(printer)
        printed.append(self.print_to(printer))

    monkeypatch.setattr(ReportView, "_on_print", fake_print)
    print_notice(None, str(sample_db_path), notice_id)
    qtbot.waitUntil(lambda: bool(printed), timeout=30_000)
    assert printed[0] == _pages((tmp_path / "notice.pdf").read_bytes()) >= 1
