"""整改台账: the rectification ledger as organisation departments keep it.

One row per problem: 序号, 县区, 乡镇, 问题, 整改措施, 责任领导, 责任人, 整改时限
(the deadline first set, and the one it was extended to), 进展 (with every extension:
dates, reason, who approved it), 销号日期, 佐证, 亮灯 (红/黄/绿), 延期次数, and whether
the township's 整改报告 on the problem's notice has arrived (已报送 with its date,
未报送; empty for a problem on no notice).
The app records no 责任领导: the column is printed empty for the township to
fill in by hand, as the paper ledgers are. XLSX to keep working in, PDF to
file; for a campaign, one county of it, or everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
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
from inspector.store.report_data import find_county, ledger_rows

COLUMNS: tuple[Column, ...] = (
    Column("序号", 6, "number"),
    Column("县区", 10),
    Column("乡镇（街道）", 12),
    Column("问题", 40, "wrap"),
    Column("整改措施", 36, "wrap"),
    Column("责任领导", 10),
    Column("责任人", 10),
    Column("整改时限（原定）", 12, "date"),
    Column("整改时限（延期至）", 12, "date"),
    Column("进展", 24, "wrap"),
    Column("销号日期", 11, "date"),
    Column("佐证", 16, "wrap"),
    Column("亮灯", 6, "light"),
    Column("延期次数", 8, "number"),
    Column("整改报告", 14, "wrap"),
)
HEADERS = tuple(c.header for c in COLUMNS)


@dataclass(frozen=True)
class LedgerScope:
    """Which problems: a campaign, a county, both or all; and how the title names them."""

    campaign_id: str | None
    county_id: str | None
    name: str


def scope(db: Database, campaign_ref: str | None, county_ref: str | None) -> LedgerScope:
    campaign = find_campaign(db, campaign_ref) if campaign_ref else None
    county = find_county(db, county_ref) if county_ref else None
    name = (campaign["name"] if campaign else "") + (county["name"] if county else "")
    return LedgerScope(
        campaign["id"] if campaign else None,
        county["id"] if county else None,
        name or "全部督查批次",
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def progress_text(p: dict[str, Any], today: dt.date) -> str:
    """进展: the status, when it was reported rectified, the township's last note, overdue."""
    parts = [STATUS_LABELS[Status(p["status"])]]
    if p["rectified_on"] and p["status"] != Status.CLOSED:
        parts[0] += f"（{p['rectified_on'][:10]}报整改完成）"
    note = (p["rectify_note"] or "").strip().splitlines()
    if note:
        parts.append(note[-1].strip())
    if p.get("extension_text"):
        parts.append(f"延期{p['extension_count']}次：{p['extension_text']}")
    if p["overdue"]:
        days = (today - dt.date.fromisoformat(p["deadline"][:10])).days
        parts.append(f"已逾期{days}天")
    return "；".join(parts)


def record(n: int, p: dict[str, Any], today: dt.date) -> list[Any]:
    first = p["first_deadline"] or p["deadline"]
    extended = p["deadline"] if p["deadline"] and first and p["deadline"] != first else None
    evidence = f"{p['evidence']} 份" if p["evidence"] else ""
    if p["doc_number"]:
        evidence = "；".join(x for x in (evidence, f"通知书{p['doc_number']}") if x)
    return [
        n,
        p["county"],
        p["township"],
        p["text"],
        p["measure"] or "",
        "",
        p["responsible_person"] or p["responsible_unit"] or "",
        _date(first),
        _date(extended),
        progress_text(p, today),
        _date(p["closed_on"]),
        evidence,
        LIGHT_LABELS[Light(p["light"])] if p["light"] else "",
        p["extension_count"],
        report_text(p),
    ]


def report_text(p: dict[str, Any]) -> str:
    """整改报告: received (with the day) or not, for a problem on a notice."""
    if not p["doc_number"]:
        return ""
    if p["report_received_on"]:
        return f"已报送（{p['report_received_on'][:10]}）"
    return "未报送"


def ledger_records(db: Database, where: LedgerScope, today: dt.date) -> Iterator[list[Any]]:
    for n, p in enumerate(ledger_rows(db, where.campaign_id, where.county_id, today), 1):
        yield record(n, p, today)


def ledger_xlsx(db: Database, path: str | Path, where: LedgerScope, today: dt.date) -> int:
    """Write the ledger as a spreadsheet ready to print; returns the number of problems."""
    title = f"{where.name}整改台账"
    return write_sheet(
        path,
        COLUMNS,
        ledger_records(db, where, today),
        today,
        title="整改台账",
        heading=f"{title}（截至{chinese_date(today)}）",
    )


PDF_WIDTHS = (9, 16, 20, 34, 26, 14, 16, 18, 18, 30, 18, 20, 8, 10, 16)  # mm, 273 in all
LIGHT_AT = HEADERS.index("亮灯")


def ledger_pdf(
    db: Database, where: LedgerScope, today: dt.date, progress: Progress = NO_PROGRESS
) -> bytes:
    fonts = report_fonts()
    size = 8
    rows = list(ledger_records(db, where, today))
    data: list[list[str]] = [list(HEADERS)]
    overdue = []
    for n, r in enumerate(rows, 1):
        if "已逾期" in r[9]:
            overdue.append(n)
        data.append(
            [
                wrap_text(
                    v.isoformat() if isinstance(v, dt.date) else str(v or ""),
                    fonts.song,
                    size,
                    w * mm - 5,
                )
                for v, w in zip(r, PDF_WIDTHS, strict=True)
            ]
        )
    issuing = settings.get(db, "issuing_body") or ""
    closed = sum(1 for r in rows if r[10])
    story: list[Flowable] = [
        Paragraph(f"{escape(where.name)}整改台账", title_style(fonts, 16)),
        Paragraph(
            f"{escape(issuing)}　截至{chinese_date(today)}　共 {len(rows)} 个问题，已销号 {closed} 个，"
            f"逾期未整改 {len(overdue)} 个",
            style("sub", fonts.song, 10, 15, alignment=1, spaceAfter=6),
        ),
    ]
    if rows:
        header = [
            wrap_text(h, fonts.hei, size, w * mm - 5)
            for h, w in zip(HEADERS, PDF_WIDTHS, strict=True)
        ]
        table = grouped_table(
            [header, *data[1:]], (1, 2), colWidths=[w * mm for w in PDF_WIDTHS], repeatRows=1
        )
        table.setStyle(
            grid_style(
                fonts.song,
                size,
                fonts.hei,
                extra=[
                    ("VALIGN", (0, 1), (-1, -1), "TOP"),
                    ("ALIGN", (0, 1), (0, -1), "CENTER"),
                    ("ALIGN", (7, 1), (8, -1), "CENTER"),
                    ("ALIGN", (10, 1), (10, -1), "CENTER"),
                    *[("TEXTCOLOR", (9, r), (9, r), colors.HexColor("#C00000")) for r in overdue],
                    ("ALIGN", (LIGHT_AT, 1), (-1, -1), "CENTER"),
                    *[
                        ("BACKGROUND", (LIGHT_AT, n), (LIGHT_AT, n), colors.HexColor("#" + fill))
                        for n, r in enumerate(rows, 1)
                        if (fill := LIGHT_FILLS.get(r[LIGHT_AT]))
                    ],
                ],
            )
        )
        story.append(table)
    else:
        story.append(Paragraph("没有问题记录。", style("none", fonts.song, 10.5)))
    meta = DocMeta(
        title=f"{where.name}整改台账",
        subject="整改台账",
        author=issuing or AUTHOR_DEFAULT,
        created=today,
    )
    layout = Layout(
        pagesize=landscape(A4), left=12 * mm, right=12 * mm, top=14 * mm, bottom=16 * mm
    )
    return build_pdf(story, meta, layout, progress, fonts)
