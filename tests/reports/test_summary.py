"""The 星级评定汇总: ranking, 约谈 reasons, overdue problems, repeated headers, footers."""

from __future__ import annotations

from inspector.core.scoring import star_text
from inspector.reports.summary import summary_pdf
from inspector.store.ranking import campaign_ranking
from inspector.store.report_data import summary_data
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import assert_fonts_embedded, flat, page_count, pdftotext


def test_summary_holds_ranking_interviews_and_overdue(sample_db, sample_campaign, tmp_path):
    pdf = summary_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE)
    text = flat(pdftotext(pdf, tmp_path, "-raw"))
    ranked = campaign_ranking(sample_db, sample_campaign["id"])
    assert len(ranked) == 36
    for r in ranked:
        e = r.entry
        assert f"{r.rank}{e.county}{e.township}{e.score:.1f}{star_text(e.stars)}" in text
    listed = [r for r in ranked if r.interview]
    assert listed
    for r in listed:
        assert flat(r.interview_reason) in text
    data = summary_data(sample_db, sample_campaign["id"], SAMPLE_DATE)
    assert data.overdue
    for p in data.overdue:
        assert p["deadline"] in text
    assert "星级分布" in text and "各县区平均得分" in text
    assert_fonts_embedded(pdf, tmp_path)


def test_every_page_has_a_footer_and_table_pages_repeat_the_header(sample_db, sample_campaign,
                                                                   tmp_path):
    pdf = summary_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE)
    pages = pdftotext(pdf, tmp_path).split("\f")[:-1]
    total = page_count(pdf, tmp_path)
    assert len(pages) == total > 2
    for n, page in enumerate(pages, 1):
        assert f"第{n}页共{total}页" in flat(page)
    # The overdue table runs over several pages; each starts with its header row.
    raw_pages = [flat(p) for p in pdftotext(pdf, tmp_path, "-raw").split("\f")[:-1]]
    overdue_pages = [p for p in raw_pages if "逾期天数" in p]
    assert len(overdue_pages) >= 2
    header = "县区乡镇（街道）条目问题责任单位整改时限逾期天数"
    assert all(header in p for p in overdue_pages)


def test_summary_is_reproducible(sample_db, sample_campaign):
    a = summary_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE)
    b = summary_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE)
    assert a == b
    assert b"/Title" in a and b"/Author" in a and b"/Subject" in a
    assert b"D:20261120000000" in a
