"""排名表: the campaign's ranking as the app's ranking tab shows it, overall or for one
county, as a spreadsheet and as an A4 page to print.

One list (`store.ranking_table`) behind both, so the printout, the spreadsheet and the
tab agree: ranked townships best first, then the unfinished ones marked 未完成，不排名,
each with its stars, how many items were answered, its change in rank since the
previous campaign of the same form and the 约谈 mark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Paragraph
from sqlite_utils import Database

from inspector.core.scoring import star_text
from inspector.progress import NO_PROGRESS, Progress
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
)
from inspector.reports.xlsx import Column, write_sheet
from inspector.store import settings
from inspector.store.ranking_table import UNRANKED, RankingRow, RankingTable, ranking_table
from inspector.store.report_data import county_name

HEADERS = (
    "名次",
    "县区",
    "县区内名次",
    "乡镇（街道）",
    "得分",
    "星级",
    "已答/事项",
    "名次变化",
    "约谈",
)
COLUMNS = (
    Column("名次", 8, "number"),
    Column("县区", 14),
    Column("县区内名次", 10, "number"),
    Column("乡镇（街道）", 20),
    Column("得分", 8, "number"),
    Column("星级", 10, "number"),
    Column("已答/事项", 10, "number"),
    Column("名次变化", 10, "number"),
    Column("约谈", 40, "wrap"),
)
RED = colors.HexColor("#C00000")


def change_text(row: RankingRow) -> str:
    """↑3 / ↓2 / — (no change) / blank (not ranked in one of the two campaigns)."""
    change = row.change
    if change is None:
        return ""
    if change > 0:
        return f"↑{change}"
    if change < 0:
        return f"↓{-change}"
    return "—"


def interview_text(row: RankingRow) -> str:
    return f"约谈：{row.interview_reason}" if row.interview else ""


def cells(row: RankingRow, max_stars: int) -> list[str]:
    """One row as both papers print it."""
    return [
        str(row.rank) if row.rank is not None else UNRANKED,
        row.county,
        str(row.county_rank) if row.county_rank is not None else "",
        row.township,
        f"{row.score:.1f}",
        star_text(row.stars, max_stars) if row.rank is not None else "",
        f"{row.answered}/{row.items}",
        change_text(row),
        interview_text(row),
    ]


def _title(table: RankingTable, county: str | None) -> str:
    return f"{table.campaign['name']}{county or ''}排名表"


def _subtitle(table: RankingTable) -> str:
    if table.previous is None:
        return "名次变化：无同一督查表的上一批次"
    return f"名次变化与上一批次“{table.previous['name']}”相比"


def _rows(table: RankingTable, county: str | None) -> Iterator[list[str]]:
    for row in table.of_county(county):
        yield cells(row, table.max_stars)


def ranking_xlsx(
    db: Database, campaign_id: str, path: str | Path, today: dt.date, county_id: str | None = None
) -> int:
    """Write the ranking (one county's when given) as a sheet; returns the row count."""
    table = ranking_table(db, campaign_id)
    county = county_name(db, county_id)
    return write_sheet(
        path,
        COLUMNS,
        _rows(table, county),
        today,
        title="排名表",
        heading=f"{_title(table, county)}（{chinese_date(today)}，{_subtitle(table)}）",
    )


def ranking_pdf(
    db: Database,
    campaign_id: str,
    today: dt.date,
    county_id: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> bytes:
    """The ranking as an A4 table, its header repeated on every page."""
    table = ranking_table(db, campaign_id)
    county = county_name(db, county_id)
    fonts = report_fonts()
    body = list(_rows(table, county))
    widths = [16 * mm, 22 * mm, 15 * mm, 30 * mm, 13 * mm, 20 * mm, 16 * mm, 14 * mm, 24 * mm]
    grid = LongTable(
        [list(HEADERS), *[[*r[:-1], "约谈" if r[-1] else ""] for r in body]],
        colWidths=widths,
        repeatRows=1,
    )
    grid.setStyle(
        grid_style(
            fonts.song,
            8.5,
            fonts.hei,
            extra=[
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (2, 1), (2, -1), "CENTER"),
                ("ALIGN", (4, 1), (-1, -1), "CENTER"),
                ("TEXTCOLOR", (5, 1), (5, -1), RED),
                ("TEXTCOLOR", (-1, 1), (-1, -1), RED),
            ],
        )
    )
    issuing = settings.get(db, "issuing_body") or ""
    sub = style("sub", fonts.song, 10.5, 15, alignment=1, spaceAfter=6)
    story: list[Flowable] = [
        Paragraph(escape(_title(table, county)), title_style(fonts, 16)),
        Paragraph(escape(f"{issuing}　{chinese_date(today)}".strip("　")), sub),
        Paragraph(escape(_subtitle(table)), sub),
        grid,
    ]
    meta = DocMeta(
        title=_title(table, county),
        subject="排名表",
        author=issuing or AUTHOR_DEFAULT,
        created=today,
    )
    return build_pdf(story, meta, Layout(), progress, fonts)


def save_ranking_xlsx(
    _progress: Progress,
    db_path: str,
    campaign_id: str,
    county_id: str | None,
    path: str,
    today: dt.date | None = None,
) -> str:
    """For a worker: the 排名表 spreadsheet on the worker's own connection, the file
    `inspector report ranking` writes (through the same registry)."""
    from inspector.reports.registry import Request, build
    from inspector.store.db import open_db
    from inspector.store.rows import Rows

    db = open_db(db_path)
    try:
        request = Request(
            today=today or dt.date.today(), campaign_id=campaign_id, county_id=county_id
        )
        Path(path).write_bytes(build(Rows(db), "ranking", request, "xlsx").data)
    finally:
        db.close()
    return path
