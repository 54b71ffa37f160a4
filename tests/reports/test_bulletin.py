"""督查情况通报: a numbered GB/T 9704 document comparing counties, townships in an annex."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from click.testing import CliRunner

from inspector.cli import main
from inspector.reports.bulletin import bulletin_pdf, county_rows, rank_change, render_bulletin
from inspector.store.report_data import bulletin_data
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import assert_fonts_embedded, flat, page_count, pdftotext, text_lines
from tests.reports.test_summary import _province

DAY = dt.date(2026, 11, 27)


def test_rank_change_reads_as_offices_write_it():
    assert rank_change(3, 7) == "升4" and rank_change(7, 3) == "降4"
    assert rank_change(5, 5) == "持平" and rank_change(5, None) == "新"


def test_bulletin_is_numbered_and_compares_the_counties(sample_db, sample_campaign, tmp_path):
    number, pdf = bulletin_pdf(sample_db, sample_campaign["id"], DAY)
    assert number == "舟组通〔2026〕1号"
    again, _ = bulletin_pdf(sample_db, sample_campaign["id"], DAY)
    assert again == "舟组通〔2026〕2号"  # each 通报 takes the next number
    text = flat(pdftotext(pdf, tmp_path))
    assert text.startswith("中共舟山市委组织部舟组通〔2026〕1号关于")
    assert "情况的通报各县（市、区）委组织部：" in text
    data = bulletin_data(sample_db, sample_campaign["id"], DAY)
    layout = pdftotext(pdf, tmp_path, "-layout")
    for row in county_rows(data):
        assert re.search(
            rf"{row['rank']}\s+{row['county']}\s+{row['townships']}\s+"
            rf"{row['average']:.1f}\s+{row['change']}\s+{row['top']}\s+"
            rf"{row['interview']}\s+{re.escape(row['rate'])}",
            layout,
        ), row
    assert "附件：1．各乡镇（街道）督查得分及排名" in text and "附件1" in text
    for r in data.summary.ranking:
        assert flat(r.entry.township) in text
    assert "2026年11月27日印发" in text
    assert_fonts_embedded(pdf, tmp_path)
    # Reproducible: the same number, data and date give the same bytes.
    assert bulletin_pdf(sample_db, sample_campaign["id"], DAY, seq=1)[1] == pdf


def test_a_province_bulletin_stays_a_document(sample_db, sample_campaign, tmp_path):
    data = bulletin_data(sample_db, sample_campaign["id"], SAMPLE_DATE)
    data = dataclasses.replace(data, summary=_province(data.summary))
    pdf = render_bulletin(data, "舟组通〔2026〕9号")
    assert page_count(pdf, tmp_path) < 40
    text = pdftotext(pdf, tmp_path)
    first = text.split("\f")[0]
    assert "各县（市、区）委组织部" in first
    assert "名单见附件2" in flat(text)  # 约谈 townships listed in the annex, counted in the body
    assert re.search(r"附件2", text)


def test_cli_bulletin(sample_db_path, tmp_path):
    out = tmp_path / "通报.pdf"
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            "bulletin",
            "--campaign",
            "2026年第四季度基层党建专项督查（示例）",
            "--out",
            str(out),
            "--number",
            "12",
            "--date",
            "2026-11-27",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "舟组通〔2026〕12号" in result.output
    assert "舟组通〔2026〕12号" in pdftotext(out.read_bytes(), tmp_path)


def test_a_colophon_on_its_own_page_is_the_last_even_page_without_a_number(
    sample_db, sample_campaign, tmp_path
):
    """A province's annex in two columns leaves the 版记 no full-width room under it: it
    gets a page of its own, and GB/T 9704 puts that page last and even (封四), the 版记
    at its bottom, with no page number on it nor on a blank page before it."""
    data = bulletin_data(sample_db, sample_campaign["id"], SAMPLE_DATE)
    province = _province(data.summary)
    few = [
        dataclasses.replace(r, interview=False) if n > 3 else r
        for n, r in enumerate(province.ranking)
    ]  # the 约谈 names stay in the body
    data = dataclasses.replace(data, summary=dataclasses.replace(province, ranking=few))
    pdf = render_bulletin(data, "舟组通〔2026〕9号")
    pages = pdftotext(pdf, tmp_path, "-layout").split("\f")[:-1]
    assert "附件2" not in flat("".join(pages))
    assert len(pages) % 2 == 0
    last = pages[-1]
    assert "印发" in last and not re.search(r"—\s*\d+\s*—", last)
    printer = data.printer or data.summary.issuing_body or "中共舟山市委组织部"
    assert flat(last).startswith(flat(printer))  # the 版记 alone
    before = pages[-2]
    assert "印发" not in before
    # A blank page before it (made to put the 版记 on an even page) has no number either.
    numbered = before if flat(before) else pages[-3]
    assert re.search(r"—\s*\d+\s*—", numbered)
    lines = [ln for page in text_lines(pdf, tmp_path)[-1:] for ln in page if "印发" in ln[4]]
    assert lines and lines[0][3] > 297 / 25.4 * 72 - (297 - 37 - 225) / 25.4 * 72 - 30
