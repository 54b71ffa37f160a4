"""The 星级评定汇总: ranking, 约谈 reasons, overdue problems, repeated headers, footers."""

from __future__ import annotations

import dataclasses
import itertools
import math
import time

import pytest

from inspector.core.ranking import rank
from inspector.core.scoring import star_text
from inspector.reports.fonts import report_fonts
from inspector.reports.pdfdoc import wrap_text
from inspector.reports.summary import nice_step, render_summary, summary_pdf
from inspector.store.ranking import campaign_ranking
from inspector.store.report_data import summary_data
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import (
    assert_fonts_embedded,
    flat,
    page_count,
    pdftotext,
    text_lines,
)


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


def test_every_page_has_a_footer_and_table_pages_repeat_the_header(
    sample_db, sample_campaign, tmp_path
):
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


def test_a_group_continued_on_a_new_page_names_its_county_and_township(
    sample_db, sample_campaign, tmp_path
):
    pdf = summary_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE)
    data = summary_data(sample_db, sample_campaign["id"], SAMPLE_DATE)
    counties = {r.entry.county for r in data.ranking}
    townships = {p["township"] for p in data.overdue}
    checked = 0
    for lines in text_lines(pdf, tmp_path):
        for n, line in enumerate(lines):
            # A table's header at the top of a page: the next line is its first row.
            if line[1] < 90 and line[4] == "县区" and line[0] < 62 and n + 1 < len(lines):
                following = [ln for ln in lines if ln[1] > line[3] + 2]
                first = min(following, key=lambda ln: (ln[1], ln[0]))
                assert first[4] in counties, first
                checked += 1
            if line[1] < 90 and line[4] == "乡镇（街道）" and line[0] < 150:
                row = [ln for ln in lines if ln[1] > line[3] + 2]
                top = min(ln[1] for ln in row)
                cells = {ln[4] for ln in row if abs(ln[1] - top) < 3}
                if "逾期天数" in {ln[4] for ln in lines}:
                    assert cells & townships, cells
                    checked += 1
    assert checked >= 2


def test_no_line_ends_with_an_opening_mark_or_starts_with_a_closing_one(
    sample_db, sample_campaign, tmp_path
):
    pdf = summary_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE)
    for lines in text_lines(pdf, tmp_path):
        for *_box, text in lines:
            assert not text.endswith(("（", "“", "《", "〔")), text
            assert not text.startswith(("，", "。", "、", "）", "”", "；", "：")), text


def test_wrap_text_keeps_a_number_with_its_unit_and_brackets_with_what_follows():
    fonts = report_fonts()
    text = "共评定乡镇（街道）1400个，其中5星 12个、4星 380个，列入约谈名单（“后进”）264个"
    for width in range(70, 200, 3):
        lines = wrap_text(text, fonts.song, 10.5, width).split("\n")
        assert "".join(lines) == text
        for a, b in itertools.pairwise(lines):
            assert not a.endswith(("（", "“")), lines
            assert not b.startswith(("，", "、", "）", "”")), lines
            assert not (a[-1:].isdigit() and b[:1] in "个星"), lines
            assert not (a[-1:].isdigit() and b[:1].isdigit()), lines


def test_the_rank_column_names_no_scope_it_may_not_have(sample_db, sample_campaign, tmp_path):
    text = flat(pdftotext(summary_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE), tmp_path))
    assert "全市名次" not in text and "总名次" in text


@pytest.mark.parametrize("top", [1, 4, 7, 9, 23, 67, 335, 1400])
def test_chart_ticks_are_round_numbers(top):
    step = nice_step(top)
    assert step >= 1
    mantissa = step / 10 ** int(math.log10(step))
    assert mantissa in (1, 2, 5)
    assert 1 <= math.ceil(top / step) <= 10


def _province(data, counties: int = 88, per_county: int = 16, overdue: int = 5600):
    """The sample's summary data spread over a province: 88 counties, 1,408 townships."""
    base = data.ranking
    entries = []
    for c in range(counties):
        for t in range(per_county):
            src = base[(c * per_county + t) % len(base)].entry
            entries.append(
                dataclasses.replace(
                    src,
                    township_id=f"t{c}-{t}",
                    township=f"第{t + 1}镇{c}",
                    county=f"模拟{c + 1}县",
                    score=round(55 + (c * 7 + t * 13) % 45 + 0.1 * t, 1),
                )
            )
    ranked = rank(entries, bottom_n=3)
    problems = []
    for n in range(overdue):
        p = dict(data.overdue[n % len(data.overdue)])
        e = entries[n % len(entries)]
        p.update(township_id=e.township_id, township=e.township, county=e.county)
        problems.append(p)
    return dataclasses.replace(
        data,
        ranking=ranked,
        overdue=problems,
        county_order=[f"模拟{c + 1}县" for c in range(counties)],
    )


@pytest.mark.slow
def test_a_province_summary_stays_a_readable_document(sample_db, sample_campaign, tmp_path):
    data = _province(summary_data(sample_db, sample_campaign["id"], SAMPLE_DATE))
    start = time.perf_counter()
    pdf = render_summary(data)
    took = time.perf_counter() - start
    pages = page_count(pdf, tmp_path)
    assert pages < 40, pages
    assert took < 10, took  # the goal on a quiet machine is 3 s (benchmarks/bench_reports.py)
    text = pdftotext(pdf, tmp_path)
    assert "逾期未整改问题共 5600 个" in text.replace("\n", "")
    first = text.split("\f")[0]
    assert "星级分布" in first and "各县区情况" in first  # page 1 is not left two-thirds blank
    # Every county is named, best first in the chart.
    flat_text = flat(text)
    for c in range(88):
        assert f"模拟{c + 1}县" in flat_text


def test_an_inspection_in_progress_is_named_in_the_overview_and_not_ranked(
    sample_db, sample_campaign, tmp_path
):
    from inspector.store.inspections import set_answer, set_status
    from inspector.store.rows import Rows

    insp = next(
        sample_db.query(
            "SELECT i.id, t.name FROM inspections i JOIN townships t ON t.id = i.township_id "
            "WHERE i.campaign_id = ? ORDER BY t.name LIMIT 1",
            [sample_campaign["id"]],
        )
    )
    rows = Rows(sample_db)
    set_status(rows, insp["id"], False)
    set_answer(rows, insp["id"], "P01", verdict=None)
    text = flat(
        pdftotext(summary_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE), tmp_path, "-raw")
    )
    data = summary_data(sample_db, sample_campaign["id"], SAMPLE_DATE)
    assert [e.township for e in data.incomplete] == [insp["name"]]
    assert insp["name"] not in {r.entry.township for r in data.ranking}
    assert len(data.ranking) == 35 and data.not_inspected == 0
    assert flat(f"督查未完成的 {insp['name']}（已查 38/39 项）不参加排名和约谈") in text
