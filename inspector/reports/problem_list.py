"""问题清单: every problem with its status and deadline, as PDF, CSV or XLSX.

The spreadsheets are for the people who follow problems up in Excel: the
CSV starts with a BOM so Excel reads it as UTF-8, and the XLSX has a bold
frozen header, filters, sensible widths and real dates. Text that a
spreadsheet would take for a formula stays text (`reports.cells`). Rows stream from the
database in batches, so a province's 100,000 problems never sit in memory
twice.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Paragraph
from sqlite_utils import Database

from inspector.core.problems import STATUS_LABELS, Status
from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.cells import csv_text, looks_like_formula, mark_text
from inspector.reports.fonts import report_fonts
from inspector.reports.pdfdoc import (
    AUTHOR_DEFAULT,
    DocMeta,
    Layout,
    build_pdf,
    chinese_date,
    grid_style,
    style,
    title_style,
    wrap_text,
)
from inspector.store import settings
from inspector.store.catalog import find_campaign
from inspector.store.report_data import problem_list

# (header, width in the XLSX in characters) — the column order is a contract.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("县区", 12), ("乡镇（街道）", 14), ("条目", 36), ("问题", 60), ("责任单位", 20),
    ("责任人", 12), ("整改时限", 12), ("状态", 12), ("是否逾期", 9), ("通知书文号", 18),
    ("发现日期", 12),
)
HEADERS = tuple(name for name, _w in COLUMNS)
DATE_COLUMNS = (6, 10)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def record(p: dict[str, Any]) -> list[Any]:
    """One problem as the list's columns (dates as dates, the status as its Chinese label)."""
    item = " ".join(x for x in (p.get("item_id") or "", p.get("item_text") or "") if x)
    return [p["county"], p["township"], item, p["text"], p["responsible_unit"],
            p["responsible_person"], _date(p["deadline"]), STATUS_LABELS[Status(p["status"])],
            "是" if p["overdue"] else "否", p["notice_number"] or "", _date(p["found_on"])]


def _records(db: Database, campaign_id: str | None, today: dt.date,
             progress: Progress) -> Iterator[list[Any]]:
    for n, p in enumerate(problem_list(db, campaign_id, today), 1):
        if n % 2000 == 0:
            progress(n, 0, "")
        yield record(p)


def write_csv(rows: Iterable[list[Any]], path: str | Path) -> int:
    """UTF-8 with a BOM, ISO dates; returns the number of problems written."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        for r in rows:
            writer.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date)
                             else csv_text(v) for v in r])
            count += 1
    return count


def write_xlsx(rows: Iterable[list[Any]], path: str | Path, title: str = "问题清单") -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    ws.freeze_panes = "A2"
    for i, (_name, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8E8E8")
    header = []
    for name in HEADERS:
        cell = WriteOnlyCell(ws, value=name)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
        header.append(cell)
    ws.append(header)
    count = 0
    for r in rows:
        out: list[Any] = [mark_text(WriteOnlyCell(ws, value=v)) if looks_like_formula(v) else v
                          for v in r]
        for col in DATE_COLUMNS:
            if out[col] is not None:
                cell = WriteOnlyCell(ws, value=out[col])
                cell.number_format = "yyyy-mm-dd"
                out[col] = cell
        ws.append(out)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    wb.save(path)
    return count


def export_problems(db: Database, fmt: str, path: str | Path, campaign_id: str | None = None,
                    today: dt.date | None = None, progress: Progress = NO_PROGRESS) -> int:
    """Write the 问题清单 as csv or xlsx; returns the number of problems."""
    today = today or dt.date.today()
    rows = _records(db, campaign_id, today, progress)
    if fmt == "csv":
        return write_csv(rows, path)
    if fmt == "xlsx":
        return write_xlsx(rows, path)
    raise ValueError(f"unknown format {fmt!r}: csv or xlsx")


def _table(rows: list[list[Any]], font: str, header_font: str) -> Flowable:
    size = 8
    # The item's id only: its text would triple the rows' height (the spreadsheets carry it).
    widths = [18 * mm, 24 * mm, 11 * mm, 88 * mm, 28 * mm, 20 * mm, 18 * mm, 20 * mm,
              10 * mm, 36 * mm]
    data = [[*HEADERS[:8], "逾期", "通知书文号"]]
    overdue = []
    for n, r in enumerate(rows, 1):
        r = [*r[:2], r[2].split(" ", 1)[0], *r[3:]]
        if r[8] == "是":
            overdue.append(n)
        data.append([wrap_text(str(v or ""), font, size, w - 5) if i in (0, 1, 2, 3, 4, 5, 9)
                     else (v.isoformat() if isinstance(v, dt.date) else str(v or ""))
                     for i, (v, w) in enumerate(zip(r[:10], widths, strict=True))])
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(font, size, header_font, extra=[
        ("VALIGN", (0, 1), (-1, -1), "TOP"), ("ALIGN", (6, 1), (8, -1), "CENTER"),
        *[("TEXTCOLOR", (6, r), (8, r), colors.HexColor("#C00000")) for r in overdue]]))
    return table


def problems_pdf(db: Database, campaign_id: str | None = None, today: dt.date | None = None,
                 progress: Progress = NO_PROGRESS) -> bytes:
    """The 问题清单 as a landscape A4 PDF."""
    today = today or dt.date.today()
    fonts = report_fonts()
    name = find_campaign(db, campaign_id)["name"] if campaign_id else "全部督查批次"
    rows = list(_records(db, campaign_id, today, progress))
    overdue = sum(1 for r in rows if r[8] == "是")
    issuing = settings.get(db, "issuing_body") or ""
    story: list[Flowable] = [
        Paragraph(f"{escape(name)}问题清单", title_style(fonts, 16)),
        Paragraph(f"{escape(issuing)}　截至{chinese_date(today)}　共 {len(rows)} 个问题，"
                  f"其中逾期未整改 {overdue} 个", style("sub", fonts.song, 10, 15, alignment=1,
                                                   spaceAfter=6)),
    ]
    if rows:
        story.append(_table(rows, fonts.song, fonts.hei))
    else:
        story.append(Paragraph("没有问题记录。", style("none", fonts.song, 10.5)))
    meta = DocMeta(title=f"{name}问题清单", subject="问题清单",
                   author=issuing or AUTHOR_DEFAULT, created=today)
    layout = Layout(pagesize=landscape(A4), left=12 * mm, right=12 * mm, top=14 * mm,
                    bottom=16 * mm)
    return build_pdf(story, meta, layout, fonts=fonts)

