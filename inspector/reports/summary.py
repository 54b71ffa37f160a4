"""星级评定汇总: a campaign's ranking, star distribution, 约谈 list and overdue problems.

Headquarters files this for a whole province, so every table is one
LongTable of plain strings (wrapped by `wrap_text`), which lays out many
times faster than a Paragraph per cell; headers repeat on every page.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from statistics import mean
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    LongTable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)
from sqlite_utils import Database

from inspector.core.problems import STATUS_LABELS, Status
from inspector.core.ranking import competition_ranks
from inspector.core.scoring import star_text
from inspector.progress import NO_PROGRESS, Progress
from inspector.reports import self_gaps
from inspector.reports.fonts import FontSet, report_fonts
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
from inspector.reports.self_gaps import gap_story
from inspector.store.report_data import SummaryData, summary_data

WIDTH = 170 * mm
BAR_BLUE = colors.HexColor("#2F5597")
RED = colors.HexColor("#C00000")
SIZE = 9


def unit_word(data: SummaryData) -> str:
    """What the campaign ranks: 乡镇（街道）, or 项目 for a form of target project."""
    return self_gaps.unit(data)


def _score(value: float) -> str:
    return f"{value:.1f}"


def _heading(text: str, fonts: FontSet) -> list[Flowable]:
    return [
        CondPageBreak(40 * mm),
        Paragraph(text, style("h", fonts.hei, 13, 20, spaceBefore=8, spaceAfter=5)),
    ]


def _overview(data: SummaryData, fonts: FontSet) -> Paragraph:
    return Paragraph(overview_text(data), style("ov", fonts.song, 10.5, 17, firstLineIndent=21))


def overview_text(data: SummaryData) -> str:
    """The overview sentence the PDF and the Word version share."""
    ranked = data.ranking
    stars = Counter(r.entry.stars for r in ranked)
    top = data.form.rating.max_stars
    parts = [f"本次督查共评定{unit_word(data)}{len(ranked)} 个"]
    if data.not_inspected:
        parts[-1] += f"（另有 {data.not_inspected} 个未督查或未评分）"
    if data.incomplete:
        shown = "、".join(
            f"{e.township}（已查 {e.answered}/{e.items} 项）" for e in data.incomplete[:10]
        )
        more = f"等 {len(data.incomplete)} 个" if len(data.incomplete) > 10 else ""
        parts.append(f"督查未完成的 {shown}{more}不参加排名和约谈")
    if ranked:
        parts.append(f"平均得分 {mean(r.entry.score for r in ranked):.1f} 分")
        parts.append("，".join(f"{n}星 {stars.get(n, 0)} 个" for n in range(top, 0, -1)))
        parts.append(f"列入约谈名单 {sum(r.interview for r in ranked)} 个")
    parts.append(f"截至{chinese_date(data.today)}逾期未整改问题 {len(data.overdue)} 个")
    return "；".join(parts) + "。"


def nice_step(top: float, ticks: int = 5) -> float:
    """A tick step of 1, 2 or 5 × 10ⁿ giving about `ticks` ticks up to `top` (never 67)."""
    raw = max(top, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * power:
            return float(max(1, m * power))
    return float(10 * power)


def _star_chart(data: SummaryData, fonts: FontSet) -> Drawing:
    top = data.form.rating.max_stars
    counts = Counter(r.entry.stars for r in data.ranking)
    levels = list(range(top, 0, -1))
    values = [counts.get(n, 0) for n in levels]
    d = Drawing(WIDTH / 2 - 3 * mm, 62 * mm, initialFontName=fonts.song)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34, 28, d.width - 49, d.height - 55
    chart.data = [values]
    chart.categoryAxis.categoryNames = [f"{n}星" for n in levels]
    chart.categoryAxis.labels.fontName = fonts.song
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = fonts.song
    chart.valueAxis.labels.fontSize = 7
    step = nice_step(max([*values, 1]))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * math.ceil(max([*values, 1]) * 1.12 / step)
    chart.bars[0].fillColor = BAR_BLUE
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.song
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    d.add(chart)
    d.add(
        String(
            d.width / 2,
            d.height - 12,
            "星级分布（个）",
            fontName=fonts.hei,
            fontSize=10,
            textAnchor="middle",
        )
    )
    return d


def _county_averages(data: SummaryData) -> list[tuple[str, float, int]]:
    """(county, average, townships) in the catalogue's county order."""
    scores: dict[str, list[float]] = defaultdict(list)
    for r in data.ranking:
        scores[r.entry.county].append(r.entry.score)
    order = {name: i for i, name in enumerate(data.county_order)}
    return [
        (county, mean(values), len(values))
        for county, values in sorted(
            scores.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])
        )
    ]


CHART_CHUNK = 22  # counties per chart: one chart never leaves more than a third of a page


def _county_chart(
    averages: list[tuple[str, float, int]], fonts: FontSet, width: float, low: float, title: str
) -> Drawing:
    """Average score per county, best first, on an axis starting near the lowest average."""
    n = max(len(averages), 1)
    bar = 12.0
    height = n * bar + 44
    d = Drawing(width, height, initialFontName=fonts.song)
    chart = HorizontalBarChart()
    label_w = max([stringWidth(c, fonts.song, 8) for c, _a, _n in averages] or [20])
    chart.x, chart.y = label_w + 8, 18
    chart.width, chart.height = width - label_w - 40, n * bar
    # The chart draws its first category at the bottom: reverse so the list reads downward.
    chart.data = [[a for _c, a, _n in reversed(averages)] or [0]]
    chart.categoryAxis.categoryNames = [c for c, _a, _n in reversed(averages)] or [""]
    chart.categoryAxis.labels.fontName = fonts.song
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = fonts.song
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = low
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = nice_step(100 - low)
    chart.bars[0].fillColor = BAR_BLUE
    chart.barLabelFormat = "%.1f"
    chart.barLabels.fontName = fonts.song
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    d.add(
        String(width / 2, height - 12, title, fontName=fonts.hei, fontSize=10, textAnchor="middle")
    )
    return d


def county_charts(data: SummaryData, fonts: FontSet, width: float) -> list[Drawing]:
    """The county averages, best first, in charts of at most CHART_CHUNK counties."""
    averages = sorted(_county_averages(data), key=lambda a: (-a[1], a[0]))
    if not averages:
        return []
    low = max(0.0, 10 * math.floor((min(a for _c, a, _n in averages) - 5) / 10))
    chunks = [averages[i : i + CHART_CHUNK] for i in range(0, len(averages), CHART_CHUNK)]
    charts = []
    for n, chunk in enumerate(chunks, 1):
        title = "各县区平均得分（分）"
        if len(chunks) > 1:
            title += f"（{n}/{len(chunks)}）"
        charts.append(_county_chart(chunk, fonts, width, low, title))
    return charts


def _charts(data: SummaryData, fonts: FontSet) -> list[Flowable]:
    if not data.ranking:
        return []
    averages = _county_averages(data)
    if len(averages) <= 8:  # side by side
        from reportlab.platypus import Table

        pair = Table(
            [[_star_chart(data, fonts), county_charts(data, fonts, WIDTH / 2 - 3 * mm)[0]]],
            colWidths=[WIDTH / 2, WIDTH / 2],
        )
        pair.setStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("FONTNAME", (0, 0), (-1, -1), fonts.song),
            ]
        )
        return [Spacer(1, 3 * mm), pair]
    return [Spacer(1, 3 * mm), _star_chart(data, fonts)]


def county_stats(data: SummaryData) -> list[dict[str, Any]]:
    """Per county: townships, average, its rank among counties, stars, 约谈 and overdue."""
    overdue = Counter(p["county"] for p in data.overdue)
    by_county: dict[str, list[Any]] = defaultdict(list)
    for r in data.ranking:
        by_county[r.entry.county].append(r)
    stats: list[dict[str, Any]] = [
        {
            "county": c,
            "average": a,
            "townships": n,
            "top": sum(1 for r in by_county[c] if r.entry.stars == data.form.rating.max_stars),
            "interview": sum(1 for r in by_county[c] if r.interview),
            "overdue": overdue.get(c, 0),
        }
        for c, a, n in _county_averages(data)
    ]
    ranks = competition_ranks(
        [round(s["average"], 1) for s in sorted(stats, key=lambda s: -s["average"])]
    )
    for s, rank in zip(sorted(stats, key=lambda s: -s["average"]), ranks, strict=True):
        s["rank"] = rank
    return sorted(stats, key=lambda s: (s["rank"], s["county"]))


def _county_stats_table(data: SummaryData, fonts: FontSet) -> Flowable:
    top = data.form.rating.max_stars
    rows = [
        ["名次", "县区", f"{unit_word(data)}数", "平均得分", f"{top}星个数", "约谈", "逾期问题"]
    ]
    for s in county_stats(data):
        rows.append(
            [
                str(s["rank"]),
                s["county"],
                str(s["townships"]),
                _score(s["average"]),
                str(s["top"]),
                str(s["interview"]),
                str(s["overdue"]),
            ]
        )
    widths = [14 * mm, 40 * mm, 26 * mm, 22 * mm, 22 * mm, 20 * mm, 26 * mm]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.song,
            SIZE,
            fonts.hei,
            extra=[("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (-1, -1), "CENTER")],
        )
    )
    return table


def _interview_table(data: SummaryData, fonts: FontSet) -> Flowable:
    listed = [r for r in data.ranking if r.interview]
    if not listed:
        return Paragraph(
            f"本次督查无列入约谈名单的{unit_word(data)}。", style("n", fonts.song, 10.5)
        )
    widths = [13 * mm, 24 * mm, 32 * mm, 15 * mm, 22 * mm, 64 * mm]
    rows = [["名次", "县区", unit_word(data), "得分", "星级", "约谈原因"]]
    for r in listed:
        e = r.entry
        rows.append(
            [
                str(r.rank),
                e.county,
                e.township,
                _score(e.score),
                star_text(e.stars, data.form.rating.max_stars),
                wrap_text(r.interview_reason, fonts.song, SIZE, widths[5] - 6),
            ]
        )
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.song,
            SIZE,
            fonts.hei,
            extra=[
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (3, 1), (4, -1), "CENTER"),
                ("TEXTCOLOR", (4, 1), (4, -1), RED),
            ],
        )
    )
    return table


def ranking_rows(data: SummaryData) -> list[list[str]]:
    """The overall ranking as table rows (header first); the benchmark lays out the same rows."""
    top = data.form.rating.max_stars
    rows = [["名次", "县区", unit_word(data), "得分", "星级", "县区内名次", "约谈"]]
    for r in data.ranking:
        e = r.entry
        rows.append(
            [
                str(r.rank),
                e.county,
                e.township,
                _score(e.score),
                star_text(e.stars, top),
                str(r.county_rank),
                "约谈" if r.interview else "",
            ]
        )
    return rows


def _overall_table(data: SummaryData, fonts: FontSet) -> LongTable:
    widths = [14 * mm, 30 * mm, 42 * mm, 18 * mm, 26 * mm, 22 * mm, 18 * mm]
    table = LongTable(ranking_rows(data), colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.song,
            SIZE,
            fonts.hei,
            extra=[
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (3, 1), (-1, -1), "CENTER"),
                ("TEXTCOLOR", (4, 1), (4, -1), RED),
                ("TEXTCOLOR", (6, 1), (6, -1), RED),
            ],
        )
    )
    return table


# Past these sizes the full lists stop being readable on paper: the summary gives the
# ranking by county in two columns and the overdue problems counted per county, and
# the 问题清单 carries every problem.
LARGE_RANKING = 200
LARGE_OVERDUE = 150


def county_rows(data: SummaryData, compact: bool = False) -> tuple[list[list[str]], list[int]]:
    """The ranking within each county (header first) and the row where each county starts."""
    top = data.form.rating.max_stars
    by_county: dict[str, list[Any]] = defaultdict(list)
    for r in data.ranking:
        by_county[r.entry.county].append(r)
    if compact:
        rows = [["县区", "县内", unit_word(data), "得分", "星级", "总名次"]]
    else:
        rows = [["县区", "县区内名次", unit_word(data), "得分", "星级", "总名次"]]
    starts = []
    for county, _avg, _n in _county_averages(data):
        starts.append(len(rows))
        for i, r in enumerate(sorted(by_county[county], key=lambda x: (x.county_rank, x.rank))):
            stars = f"{r.entry.stars}星" if compact else star_text(r.entry.stars, top)
            rows.append(
                [
                    county if i == 0 else "",
                    str(r.county_rank),
                    r.entry.township,
                    _score(r.entry.score),
                    stars,
                    str(r.rank),
                ]
            )
    return rows, starts


def _county_table(data: SummaryData, fonts: FontSet, compact: bool = False) -> LongTable:
    rows, starts = county_rows(data, compact)
    if compact:  # a column of the two-column page
        size = 8
        widths = [19 * mm, 9 * mm, 23 * mm, 11 * mm, 9 * mm, 11 * mm]
        rows = [
            [r[0], r[1], wrap_text(r[2], fonts.song, size, widths[2] - 5), *r[3:]] for r in rows
        ]
    else:
        size = SIZE
        widths = [32 * mm, 22 * mm, 44 * mm, 20 * mm, 28 * mm, 24 * mm]
    rows = [[wrap_text(r[0], fonts.hei, size, widths[0] - 5), *r[1:]] for r in rows]
    table = grouped_table(rows, (0,), colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.song,
            size,
            fonts.hei,
            extra=[
                ("ALIGN", (1, 1), (1, -1), "CENTER"),
                ("ALIGN", (3, 1), (-1, -1), "CENTER"),
                ("TEXTCOLOR", (4, 1), (4, -1), RED),
                ("FONTNAME", (0, 1), (0, -1), fonts.hei),
                *(
                    [("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
                    if compact
                    else []
                ),
                *[("LINEABOVE", (0, s), (-1, s), 1.2, colors.black) for s in starts[1:]],
            ],
        )
    )
    return table


OVERDUE_WIDTHS = [22 * mm, 26 * mm, 11 * mm, 55 * mm, 22 * mm, 19 * mm, 15 * mm]


def overdue_rows(data: SummaryData, fonts: FontSet) -> tuple[list[list[str]], list[int]]:
    """Overdue problems by township (header first) and the row where each township starts."""
    widths = OVERDUE_WIDTHS
    rows = [["县区", f"{unit_word(data)}", "条目", "问题", "责任单位", "整改时限", "逾期天数"]]
    last = None
    starts = []
    for p in data.overdue:
        first = p["township_id"] != last
        if first:
            starts.append(len(rows))
        last = p["township_id"]
        days = (data.today - dt.date.fromisoformat(p["deadline"][:10])).days
        status = STATUS_LABELS[Status(p["status"])]
        rows.append(
            [
                wrap_text(p["county"], fonts.song, 8.5, widths[0] - 6) if first else "",
                wrap_text(p["township"], fonts.song, 8.5, widths[1] - 6) if first else "",
                p["item_id"] or "",
                wrap_text(p["text"], fonts.song, 8.5, widths[3] - 6),
                wrap_text(p["responsible_unit"], fonts.song, 8.5, widths[4] - 6),
                f"{p['deadline'][:10]}\n{status}",
                str(days),
            ]
        )
    return rows, starts


def _overdue_table(data: SummaryData, fonts: FontSet) -> Flowable:
    if not data.overdue:
        return Paragraph("截至本汇总日期，无逾期未整改问题。", style("n", fonts.song, 10.5))
    rows, starts = overdue_rows(data, fonts)
    table = grouped_table(rows, (0, 1), colWidths=OVERDUE_WIDTHS, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.song,
            8.5,
            fonts.hei,
            extra=[
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("ALIGN", (2, 1), (2, -1), "CENTER"),
                ("ALIGN", (5, 1), (-1, -1), "CENTER"),
                ("TEXTCOLOR", (6, 1), (6, -1), RED),
                *[("LINEABOVE", (0, s), (-1, s), 1.0, colors.black) for s in starts[1:]],
            ],
        )
    )
    return table


def overdue_by_county(data: SummaryData) -> list[list[str]]:
    """Overdue problems counted per county (header first): how many, in how many
    townships, the longest overdue and how many are on a notice already."""
    rows = [["县区", "逾期问题", f"涉及{unit_word(data)}", "最长逾期（天）", "已下发通知书"]]
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in data.overdue:
        groups[p["county"]].append(p)
    order = {name: i for i, name in enumerate(data.county_order)}
    for county in sorted(groups, key=lambda c: (-len(groups[c]), order.get(c, 0), c)):
        ps = groups[county]
        longest = max((data.today - dt.date.fromisoformat(p["deadline"][:10])).days for p in ps)
        rows.append(
            [
                county,
                str(len(ps)),
                str(len({p["township_id"] for p in ps})),
                str(longest),
                str(sum(1 for p in ps if p["doc_number"])),
            ]
        )
    return rows


def _overdue_summary(data: SummaryData, fonts: FontSet) -> list[Flowable]:
    rows = overdue_by_county(data)
    widths = [46 * mm, 28 * mm, 36 * mm, 30 * mm, 30 * mm]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.song,
            SIZE,
            fonts.hei,
            extra=[("ALIGN", (1, 1), (-1, -1), "CENTER"), ("TEXTCOLOR", (1, 1), (1, -1), RED)],
        )
    )
    note = Paragraph(
        f"逾期未整改问题共 {len(data.overdue)} 个，按县区统计如下（按逾期问题数排序）；"
        "逐条明细见同日导出的问题清单。",
        style("on", fonts.song, 10.5, 17, firstLineIndent=21, spaceAfter=4),
    )
    return [note, table]


def summary_story(
    data: SummaryData, fonts: FontSet, progress: Progress = NO_PROGRESS
) -> list[Flowable]:
    c = data.campaign
    large = len(data.ranking) > LARGE_RANKING
    sub = style("sub", fonts.song, 11, 16, alignment=1, spaceAfter=8)
    story: list[Flowable] = [
        Paragraph(f"{escape(c['name'])}<br/>星级评定汇总", title_style(fonts, 18)),
        Paragraph(f"{escape(data.issuing_body)}　{chinese_date(data.today)}", sub),
        *_heading("一、总体情况", fonts),
        _overview(data, fonts),
        *_charts(data, fonts),
    ]
    progress(1, 5, "")
    story += [*_heading("二、各县区情况", fonts), _county_stats_table(data, fonts)]
    if len(_county_averages(data)) > 8:
        for chart in county_charts(data, fonts, WIDTH):
            story += [Spacer(1, 3 * mm), chart]
    story += [*_heading("三、约谈名单", fonts), _interview_table(data, fonts)]
    progress(2, 5, "")
    if large:
        story += [
            NextPageTemplate("two"),
            PageBreak(),
            Paragraph("四、分县区排名", style("h", fonts.hei, 13, 20, spaceAfter=5)),
            _county_table(data, fonts, compact=True),
            NextPageTemplate("page"),
            PageBreak(),
        ]
    else:
        story += [*_heading("四、总排名", fonts), _overall_table(data, fonts)]
        story += [*_heading("五、分县区排名", fonts), _county_table(data, fonts)]
    progress(3, 5, "")
    last = "五" if large else "六"
    if len(data.overdue) > LARGE_OVERDUE:
        story += [
            *_heading(f"{last}、逾期未整改问题（按县区）", fonts),
            *_overdue_summary(data, fonts),
        ]
    else:
        story += [
            *_heading(
                f"{last}、逾期未整改问题（按{'项目' if data.form.target == 'project' else '乡镇'}）",
                fonts,
            ),
            _overdue_table(data, fonts),
        ]
    story += gap_story(data, fonts, "六" if large else "七")
    progress(4, 5, "")
    return story


def render_summary(data: SummaryData, progress: Progress = NO_PROGRESS) -> bytes:
    fonts = report_fonts()
    meta = DocMeta(
        title=f"{data.campaign['name']}星级评定汇总",
        subject="星级评定汇总",
        author=data.issuing_body or AUTHOR_DEFAULT,
        created=data.today,
    )
    return build_pdf(summary_story(data, fonts, progress), meta, Layout(), fonts=fonts)


def summary_pdf(
    db: Database, campaign_id: str, today: dt.date | None = None, progress: Progress = NO_PROGRESS
) -> bytes:
    """The campaign's 星级评定汇总 as PDF bytes."""
    return render_summary(summary_data(db, campaign_id, today or dt.date.today()), progress)


def summary_docx(db: Database, campaign_id: str, today: dt.date) -> bytes:
    """The 星级评定汇总 as a Word document: the overview, the county table, the 约谈 list,
    the ranking by county, the overdue problems counted per county and, when townships
    returned self-assessment sheets, the gaps between their view and the inspectors'."""
    from inspector.reports import word

    data = summary_data(db, campaign_id, today)
    top = data.form.rating.max_stars
    doc = word.plain_document(
        f"{data.campaign['name']}星级评定汇总", f"{data.issuing_body}　{chinese_date(today)}"
    )
    word.heading(doc, "一、总体情况")
    word.text_paragraph(doc, overview_text(data))
    word.heading(doc, "二、各县区情况")
    word.add_table(
        doc,
        [["名次", "县区", f"{unit_word(data)}数", "平均得分", f"{top}星个数", "约谈", "逾期问题"]]
        + [
            [
                str(s["rank"]),
                s["county"],
                str(s["townships"]),
                _score(s["average"]),
                str(s["top"]),
                str(s["interview"]),
                str(s["overdue"]),
            ]
            for s in county_stats(data)
        ],
        size=9,
    )
    word.heading(doc, "三、约谈名单")
    listed = [r for r in data.ranking if r.interview]
    if listed:
        word.add_table(
            doc,
            [["名次", "县区", unit_word(data), "得分", "星级", "约谈原因"]]
            + [
                [
                    str(r.rank),
                    r.entry.county,
                    r.entry.township,
                    _score(r.entry.score),
                    star_text(r.entry.stars, top),
                    r.interview_reason,
                ]
                for r in listed
            ],
            size=9,
        )
    else:
        word.text_paragraph(doc, f"本次督查无列入约谈名单的{unit_word(data)}。")
    word.heading(doc, "四、分县区排名")
    rows, _starts = county_rows(data)
    word.add_table(doc, rows, size=9)
    word.heading(doc, "五、逾期未整改问题（按县区）")
    if data.overdue:
        word.add_table(doc, overdue_by_county(data), size=9)
    else:
        word.text_paragraph(doc, "截至本汇总日期，无逾期未整改问题。")
    self_gaps.gap_docx(doc, data, "六")
    return word.finish(
        doc, f"{data.campaign['name']}星级评定汇总", data.issuing_body or AUTHOR_DEFAULT, today
    )
