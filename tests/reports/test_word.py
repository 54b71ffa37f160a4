"""Word versions: opened with python-docx, GB/T 9704 geometry in the section and paragraph
settings, an East Asian font on every run, the same words as the PDF."""

from __future__ import annotations

import datetime as dt
import io
import time

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from inspector.reports.bulletin import bulletin_docx
from inspector.reports.issue import notice_for_township
from inspector.reports.notice import notice_context, notice_docx, notice_text
from inspector.reports.star import star_docx
from inspector.reports.summary import summary_docx
from inspector.store import settings
from inspector.store.rows import Rows
from tests.conftest import SAMPLE_DATE
from tests.reports.test_notice import ISSUED, _pending_township


def _runs(document):
    for p in document.paragraphs:
        yield from p.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield from p.runs
    for section in document.sections:
        for footer in (section.footer, section.even_page_footer):
            for p in footer.paragraphs:
                yield from p.runs


def _assert_east_asian_fonts(document) -> None:
    runs = [r for r in _runs(document) if r.text.strip()]
    assert runs
    for run in runs:
        fonts = run._element.rPr.find(qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia")), run.text


@pytest.fixture
def notice(sample_db, sample_campaign):
    settings.put(sample_db, "contact", "组织一处 王建国，电话 0580-2280000")
    tid = _pending_township(sample_db, sample_campaign["id"])
    return notice_for_township(
        Rows(sample_db, who="测试员"), sample_campaign["id"], tid, issued_on=ISSUED
    ).notice


def test_notice_docx_has_the_gb_t_9704_section_and_the_pdfs_words(sample_db, notice):
    start = time.perf_counter()
    data = notice_docx(sample_db, notice["id"])
    took = time.perf_counter() - start
    assert took < 2  # 0.5 s is the goal on a quiet machine (benchmarks/bench_reports.py)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)
    assert abs(section.left_margin - Mm(28)) < Mm(0.1)
    assert abs(section.page_width - section.left_margin - section.right_margin - Mm(156)) < Mm(0.1)
    assert abs(section.page_height - section.top_margin - section.bottom_margin - Mm(225)) < Mm(0.1)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert int(grid.get(qn("w:linePitch"))) == round(225 / 22 / 25.4 * 1440)  # 22 lines
    # 28 characters: the 3号 advance plus charSpace/4096 pt each fills 156 mm.
    pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
    assert abs(28 * pitch - 156 * 72 / 25.4) < 0.5
    _assert_east_asian_fonts(document)
    texts = [p.text for p in document.paragraphs]
    words = notice_text(notice_context(sample_db, notice["id"]))
    assert texts[0] == words.issuing and notice["doc_number"] in texts
    assert words.title in texts and f"{words.addressee}：" in texts
    for _kind, line in words.blocks:
        assert line in texts
    body = next(p for p in document.paragraphs if p.text == words.blocks[0][1])
    ind = body.paragraph_format.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"  # two characters in
    date = texts.index(words.date)
    assert texts[date - 1] == words.issuing and texts[date + 1] == words.note  # 附注 after
    red = document.paragraphs[texts.index(notice["doc_number"])]._p.pPr.find(qn("w:pBdr"))
    assert red.find(qn("w:bottom")).get(qn("w:color")) == "E60012"
    colophon = document.tables[-1]
    assert colophon._tbl.tblPr.find(qn("w:tblpPr")).get(qn("w:tblpYSpec")) == "bottom"
    cells = [c.text for c in colophon.rows[-1].cells]
    assert cells[-1] == f"{words.date}印发"
    assert document.settings.odd_and_even_pages_header_footer
    assert "PAGE" in section.footer._element.xml and "PAGE" in section.even_page_footer._element.xml
    assert notice_docx(sample_db, notice["id"]) == data  # reproducible


def test_feedback_summary_and_bulletin_open_as_documents(sample_db, sample_campaign):
    cid = sample_campaign["id"]
    town = sample_db.execute(
        "SELECT township_id FROM inspections WHERE campaign_id = ? LIMIT 1", [cid]
    ).fetchone()[0]
    for data, needle in (
        (star_docx(sample_db, cid, town, SAMPLE_DATE), "督查情况反馈表"),
        (summary_docx(sample_db, cid, SAMPLE_DATE), "星级评定汇总"),
        (bulletin_docx(sample_db, cid, dt.date(2026, 11, 27), 3)[1], "舟组通〔2026〕3号"),
    ):
        document = docx.Document(io.BytesIO(data))
        assert any(needle in p.text for p in document.paragraphs), needle
        assert document.tables
        _assert_east_asian_fonts(document)
        day = dt.date(2026, 11, 27) if needle.startswith("舟组通") else SAMPLE_DATE
        assert document.core_properties.created.date() == day


def test_table_cells_keep_their_text_and_fonts_and_the_zip_its_date():
    """The rows are written as XML text: markup in a name stays text, every cell names its
    East Asian font, and every member of the file carries the report's date."""
    import zipfile

    from inspector.reports import word

    doc = word.plain_document("表")
    rows = [
        ["名次", "乡镇（街道）", "备注"],
        *[[str(n), f"<b>镇{n}</b> & 乡", "" if n % 2 else "  两头空格  "] for n in range(300)],
    ]
    word.add_table(doc, rows, size=9)
    data = word.finish(doc, "表", "测试", dt.date(2026, 11, 20))
    back = docx.Document(io.BytesIO(data))
    table = back.tables[0]
    assert [[c.text for c in r.cells] for r in table.rows] == rows
    _assert_east_asian_fonts(back)
    for info in zipfile.ZipFile(io.BytesIO(data)).infolist():
        assert info.date_time == (2026, 11, 20, 0, 0, 0), info.filename
    assert word.finish(doc, "表", "测试", dt.date(2026, 11, 20)) == data
