"""A voided notice printed again says so on every page; the archive keeps the issued bytes."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector.reports.issue import ReportError, notice_bytes
from inspector.reports.registry import Request, build
from inspector.store.attachments import read_bytes
from inspector.store.report_data import archived_pdf
from inspector.store.session import Session
from tests.reports.conftest import flat, page_count, pdftotext
from tests.reports.test_notice import ISSUED, issued  # noqa: F401


def test_a_voided_notice_reprints_marked_on_every_page(issued, sample_db, tmp_path):  # noqa: F811
    rows, _tid, outcome = issued
    session = Session(sample_db, who="测试员")
    notice = outcome.notice
    archived = read_bytes(
        sample_db, archived_pdf(sample_db, rows.get("notices", notice["id"]))["sha256"]
    )
    _old, new = session.notices.reissue(notice["id"], on=ISSUED).value
    voided = rows.get("notices", notice["id"])
    pdf = notice_bytes(sample_db, voided)
    pages = pdftotext(pdf, tmp_path).split("\f")[:-1]
    assert len(pages) == page_count(archived, tmp_path)
    for page in pages:
        text = flat(page)
        assert "已作废" in text
        assert f"本通知已于{voided['voided_on']}作废" in text
        assert f"以{new['doc_number']}重新印发" in text
    assert notice["doc_number"] in flat(pages[0])  # the issued document is still underneath
    # the archive is untouched, and the live notice prints unmarked
    again = archived_pdf(sample_db, voided)
    assert read_bytes(sample_db, again["sha256"]) == archived
    assert "已作废" not in flat(pdftotext(notice_bytes(sample_db, new), tmp_path))


def test_a_voided_notice_is_not_exported_to_word(issued, sample_db):  # noqa: F811
    rows, _tid, outcome = issued
    Session(sample_db).notices.void(outcome.notice["id"], "重复")
    request = Request(today=dt.date(2026, 11, 21), notice_id=outcome.notice["id"])
    with pytest.raises(ReportError, match="voided"):
        build(rows, "notice", request, "docx")
