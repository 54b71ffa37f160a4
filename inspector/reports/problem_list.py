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

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from sqlite_utils import Database

from inspector.core.problems import LIGHT_LABELS, STATUS_LABELS, Light, Status
from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.cells import csv_text
from inspector.reports.fonts import report_fonts
from inspector.reports.pdfdoc import (
    AUTHOR_DEFAULT,
    DocMeta,
    Layout,
    build_pdf,
    chinese_date,
    grid_style,
    grouped_table,
    style,
    title_style,
    wrap_text,
)
from inspector.reports.xlsx import LIGHT_FILLS, Column, write_sheet
from inspector.store import settings
from inspector.store.catalog import find_campaign
from inspector.store.report_data import problem_list

# The columns in order (a contract: the CSV and XLSX carry the same): 序号 and the
# campaign first, so an all-campaign export can be told apart and counted on paper.
COLUMNS: tuple[Column, ...] = (
    Column("序号", 6, "number"),
    Column("督查批次", 22, "wrap"),
    Column("县区", 10),
    Column("乡镇（街道）", 12),
    Column("条目", 30, "wrap"),
    Column("问题", 50, "wrap"),
    Column("责任单位", 18, "wrap"),
    Column("责任人", 10),
    Column("整改时限", 11, "date"),
    Column("状态", 9),
    Column("是否逾期", 8, "number"),
    Column("通知书文号", 17),
    Column("发现日期", 11, "date"),
    Column("亮灯", 6, "light"),
    Column("延期次数", 8, "number"),
    Column("延期情况", 36, "wrap"),
)
HEADERS = tuple(c.header for c in COLUMNS)
OVERDUE_COL = HEADERS.index("是否逾期")
LIGHT_COL = HEADERS.index("亮灯")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def record(n: int, p: dict[str, Any]) -> list[Any]:
    """Problem `n` as the list's columns (dates as dates, the status as its Chinese label)."""
    item = " ".join(x for x in (p.get("item_id") or "", p.get("item_text") or "") if x)
    return [
        n,
        p.get("campaign") or "",
        p["county"],
        p["township"],
        item,
        p["text"],
        p["responsible_unit"],
        p["responsible_person"],
        _date(p["deadline"]),
        STATUS_LABELS[Status(p["status"])],
        "是" if p["overdue"] else "否",
        p["notice_number"] or "",
        _date(p["found_on"]),
        LIGHT_LABELS[Light(p["light"])] if p["light"] else "",
        p["extension_count"],
        p["extension_text"] or "",
    ]


def _records(
    db: Database, campaign_id: str | None, today: dt.date, progress: Progress
) -> Iterator[list[Any]]:
    for n, p in enumerate(problem_list(db, campaign_id, today), 1):
        if n % 2000 == 0:
            progress(n, 0, "")
        yield record(n, p)


def write_csv(rows: Iterable[list[Any]], path: str | Path) -> int:
    """UTF-8 with a BOM, ISO dates; returns the number of problems written."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        for r in rows:
            writer.writerow(
                [
                    "" if v is None else v.isoformat() if isinstance(v, dt.date) else csv_text(v)
                    for v in r
                ]
            )
            count += 1
    return count


def write_xlsx(
    rows: Iterable[list[Any]], path: str | Path, today: dt.date, title: str = "问题清单"
) -> int:
    return write_sheet(path, COLUMNS, rows, today, title=title)


def export_problems(
    db: Database,
    fmt: str,
    path: str | Path,
    campaign_id: str | None = None,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Write the 问题清单 as csv or xlsx; returns the number of problems."""
    today = today or dt.date.today()
    rows = _records(db, campaign_id, today, progress)
    if fmt == "csv":
        return write_csv(rows, path)
    if fmt == "xlsx":
        return write_xlsx(rows, path, today)
    raise ValueError(f"unknown format {fmt!r}: csv or xlsx")


# The PDF's columns: the item's id only (its text would triple the rows' height; the
# spreadsheets carry it), and the campaign in the title rather than on every row.
PDF_COLUMNS = (
    ("序号", 0, 9),
    ("县区", 2, 14),
    ("乡镇（街道）", 3, 20),
    ("条目", 4, 11),
    ("问题", 5, 62),
    ("责任单位", 6, 24),
    ("责任人", 7, 16),
    ("整改时限", 8, 18),
    ("状态", 9, 16),
    ("逾期", 10, 9),
    ("亮灯", LIGHT_COL, 9),
    ("延期", LIGHT_COL + 2, 31),
    ("通知书文号", 11, 34),
)
# The light's cell in the PDF, as in the spreadsheet (reports.xlsx.LIGHT_FILLS).
PDF_LIGHT = PDF_COLUMNS.index(("亮灯", LIGHT_COL, 9))


def _table(rows: list[list[Any]], font: str, header_font: str) -> Flowable:
    size = 8
    data = [[h for h, _i, _w in PDF_COLUMNS]]
    overdue = []
    for n, r in enumerate(rows, 1):
        if r[OVERDUE_COL] == "是":
            overdue.append(n)
        cells = []
        for _h, i, w in PDF_COLUMNS:
            v = r[i].split(" ", 1)[0] if i == 4 else r[i]
            if i == LIGHT_COL + 2 and r[LIGHT_COL + 1]:
                v = f"{r[LIGHT_COL + 1]}次：{v}"
            v = v.isoformat() if isinstance(v, dt.date) else str(v if v is not None else "")
            wrapped = i in (2, 3, 5, 6, 7, 11, LIGHT_COL + 2)
            cells.append(wrap_text(v, font, size, w * mm - 5) if wrapped else v)
        data.append(cells)
    table = grouped_table(
        data, (1, 2), colWidths=[w * mm for _h, _i, w in PDF_COLUMNS], repeatRows=1
    )
    table.setStyle(
        grid_style(
            font,
            size,
            header_font,
            extra=[
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (7, 1), (9, -1), "CENTER"),
                *[("TEXTCOLOR", (7, r), (9, r), colors.HexColor("#C00000")) for r in overdue],
                ("ALIGN", (PDF_LIGHT, 1), (PDF_LIGHT, -1), "CENTER"),
                *[
                    ("BACKGROUND", (PDF_LIGHT, n), (PDF_LIGHT, n), colors.HexColor("#" + fill))
                    for n, r in enumerate(rows, 1)
                    if (fill := LIGHT_FILLS.get(r[LIGHT_COL]))
                ],
            ],
        )
    )
    return table


def problems_pdf(
    db: Database,
    campaign_id: str | None = None,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> bytes:
    """The 问题清单 as a landscape A4 PDF."""
    today = today or dt.date.today()
    fonts = report_fonts()
    name = find_campaign(db, campaign_id)["name"] if campaign_id else "全部督查批次"
    rows = list(_records(db, campaign_id, today, progress))
    overdue = sum(1 for r in rows if r[OVERDUE_COL] == "是")
    yellow = sum(1 for r in rows if r[LIGHT_COL] == LIGHT_LABELS[Light.YELLOW])
    issuing = settings.get(db, "issuing_body") or ""
    story: list[Flowable] = [
        Paragraph(f"{escape(name)}问题清单", title_style(fonts, 16)),
        Paragraph(
            f"{escape(issuing)}　截至{chinese_date(today)}　共 {len(rows)} 个问题，"
            f"其中逾期未整改（红灯） {overdue} 个，临期（黄灯） {yellow} 个",
            style("sub", fonts.song, 10, 15, alignment=1, spaceAfter=6),
        ),
    ]
    if rows:
        story.append(_table(rows, fonts.song, fonts.hei))
    else:
        story.append(Paragraph("没有问题记录。", style("none", fonts.song, 10.5)))
    meta = DocMeta(
        title=f"{name}问题清单", subject="问题清单", author=issuing or AUTHOR_DEFAULT, created=today
    )
    layout = Layout(
        pagesize=landscape(A4), left=12 * mm, right=12 * mm, top=14 * mm, bottom=16 * mm
    )
    return build_pdf(story, meta, layout, fonts=fonts)
