"""The 问题清单 as CSV, XLSX and PDF: every problem, Chinese labels, dates as dates."""

from __future__ import annotations

import csv
import datetime as dt
import time
import zipfile

import openpyxl

from inspector.core.problems import STATUS_LABELS
from inspector.reports.problem_list import HEADERS, export_problems, problems_pdf
from inspector.store.problems import add_problem
from inspector.store.rows import Rows
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import assert_fonts_embedded, flat, page_count, pdftotext


def _problems(db, campaign_id):
    return list(
        db.query(
            "SELECT p.*, t.name AS township FROM problems p JOIN townships t "
            "ON t.id = p.township_id WHERE p.campaign_id = ? AND p.deleted = 0",
            [campaign_id],
        )
    )


def test_xlsx_reopens_with_every_problem_and_real_dates(sample_db, sample_campaign, tmp_path):
    out = tmp_path / "问题清单.xlsx"
    count = export_problems(sample_db, "xlsx", out, sample_campaign["id"], SAMPLE_DATE)
    expected = _problems(sample_db, sample_campaign["id"])
    assert count == len(expected) > 100
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert tuple(header) == HEADERS
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:P{count + 1}"
    assert ws.column_dimensions["F"].width >= 40
    body = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(body) == count
    assert [r[0] for r in body] == list(range(1, count + 1))  # 序号
    assert {r[1] for r in body} == {sample_campaign["name"]}
    by_text = {(p["township"], p["text"]) for p in expected}
    assert {(r[3], r[5]) for r in body} == by_text
    for r in body:
        assert isinstance(r[8], dt.datetime) and isinstance(r[12], dt.datetime)
        assert r[9] in STATUS_LABELS.values() and r[10] in ("是", "否")
    overdue = sum(
        1
        for p in expected
        if p["status"] in ("open", "rectifying") and p["deadline"] < SAMPLE_DATE.isoformat()
    )
    assert sum(1 for r in body if r[10] == "是") == overdue
    assert any(r[11] for r in body)  # some problems carry their notice's 文号


def test_csv_starts_with_a_bom_and_holds_every_problem(sample_db, sample_campaign, tmp_path):
    out = tmp_path / "problems.csv"
    count = export_problems(sample_db, "csv", out, None, SAMPLE_DATE)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == HEADERS
    assert len(rows) - 1 == count == sample_db["problems"].count
    assert all(len(r) == len(HEADERS) for r in rows)


def test_problem_list_pdf_grows_with_the_problems(sample_db, sample_campaign, tmp_path):
    cid = sample_campaign["id"]
    pdf = problems_pdf(sample_db, cid, SAMPLE_DATE)
    text = flat(pdftotext(pdf, tmp_path, "-raw"))
    for p in _problems(sample_db, cid)[:40]:
        assert flat(p["text"]) in text
    assert_fonts_embedded(pdf, tmp_path)
    before = page_count(pdf, tmp_path)
    rows = Rows(sample_db, who="测试员")
    town = sample_db.execute("SELECT id FROM townships LIMIT 1").fetchone()[0]
    for n in range(150):
        add_problem(rows, town, f"新增问题{n}：会议记录缺失", "2026-12-31", campaign_id=cid)
    assert page_count(problems_pdf(sample_db, cid, SAMPLE_DATE), tmp_path) > before


def test_xlsx_is_reproducible_and_ready_to_print(sample_db, sample_campaign, tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export_problems(sample_db, "xlsx", a, None, SAMPLE_DATE)
    time.sleep(1.1)  # the zip's member times and core.xml used to follow the wall clock
    export_problems(sample_db, "xlsx", b, None, SAMPLE_DATE)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        core = z.read("docProps/core.xml").decode()
        assert {i.date_time[:3] for i in z.infolist()} == {(2026, 11, 20)}
    assert "2026-11-20T00:00:00Z" in core and "openpyxl" not in core
    wb = openpyxl.load_workbook(a)
    assert wb.properties.creator == "督查通 Inspector"
    ws = wb.active
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows in ("1:1", "$1:$1")  # the header repeats on every page
    assert ws["F2"].alignment.wrap_text  # the problem's text wraps
    campaigns = {r[0] for r in ws.iter_rows(min_row=2, min_col=2, max_col=2, values_only=True)}
    assert campaigns == {
        c["name"]
        for c in sample_db.query(
            "SELECT DISTINCT ca.name FROM problems p JOIN campaigns ca ON ca.id = p.campaign_id "
            "WHERE p.deleted = 0"
        )
    }


FORMULAS = (
    '=HYPERLINK("http://x","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=2+2",
)


def _hostile_problems(db, campaign_id):
    rows = Rows(db, who="测试员")
    town = db.execute("SELECT id FROM townships LIMIT 1").fetchone()[0]
    for n, text in enumerate(FORMULAS):
        add_problem(
            rows,
            town,
            f"{text}",
            "2026-12-31",
            campaign_id=campaign_id,
            responsible_unit=text if n == 0 else "镇党委",
        )
    # a leading tab or CR would be stripped by add_problem: store them the way a bundle could
    db.execute("UPDATE problems SET text = ? WHERE text = ?", [FORMULAS[4], FORMULAS[4].strip()])
    db.execute("UPDATE problems SET text = ? WHERE text = ?", [FORMULAS[5], FORMULAS[5].strip()])
    db.conn.commit()


def test_xlsx_writes_formula_like_text_as_text(sample_db, sample_campaign, tmp_path):
    """A problem text that looks like a formula must not become a live formula in Excel."""
    _hostile_problems(sample_db, sample_campaign["id"])
    out = tmp_path / "x.xlsx"
    export_problems(sample_db, "xlsx", out, sample_campaign["id"], SAMPLE_DATE)
    ws = openpyxl.load_workbook(out).active

    # a carriage return may read back as a line feed (XML line ends); the rest is kept exactly
    def same(text):
        return text.replace("\r", "\n") if isinstance(text, str) else text

    wanted = {same(t) for t in FORMULAS}
    cells = {
        same(c.value): c for row in ws.iter_rows(min_row=2) for c in row if same(c.value) in wanted
    }
    assert set(cells) == wanted
    for cell in cells.values():
        assert cell.data_type == "s", cell.value
        assert cell.quotePrefix, cell.value  # Excel keeps it text even after an edit
    import zipfile

    sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "HYPERLINK" in sheet


def test_csv_prefixes_formula_like_text_with_a_quote(sample_db, sample_campaign, tmp_path):
    _hostile_problems(sample_db, sample_campaign["id"])
    out = tmp_path / "x.csv"
    export_problems(sample_db, "csv", out, sample_campaign["id"], SAMPLE_DATE)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    texts = [r[5] for r in rows[1:]]
    for text in FORMULAS:
        assert "'" + text in texts
    assert not any(t[:1] in ("=", "+", "-", "@", "\t", "\r") for r in rows for t in r)
    # ordinary text, a date or a Chinese text, is left alone
    expected = {p["text"] for p in _problems(sample_db, sample_campaign["id"])}
    assert {t for t in texts if not t.startswith("'")} == expected - set(FORMULAS)
    assert all(r[8] == "2026-12-31" for r in rows[1:] if r[5].startswith("'"))
