"""星级评定汇总: a campaign's ranking, star distribution, 约谈 list and overdue problems.

Headquarters files this for a whole province, so every table is one
LongTable of plain strings (wrapped by `wrap_text`), which lays out many
times faster than a Paragraph per cell; headers repeat on every page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from statistics import mean
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, LongTable, Paragraph, Spacer
from sqlite_utils import Database

from inspector.core.problems import STATUS_LABELS, Status
from inspector.core.scoring import star_text
from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.fonts import FontSet, report_fonts
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
from inspector.store.report_data import SummaryData, summary_data

WIDTH = 170 * mm
BAR_BLUE = colors.HexColor("#2F5597")
RED = colors.HexColor("#C00000")
SIZE = 9


def _score(value: float) -> str:
    return f"{value:.1f}"


def _heading(text: str, fonts: FontSet) -> list[Flowable]:
    return [CondPageBreak(40 * mm),
            Paragraph(text, style("h", fonts.hei, 13, 20, spaceBefore=8, spaceAfter=5))]


def _overview(data: SummaryData, fonts: FontSet) -> Paragraph:
    ranked = data.ranking
    stars = Counter(r.entry.stars for r in ranked)
    top = data.form.rating.max_stars
    parts = [f"本次督查共评定乡镇（街道）{len(ranked)} 个"]
    if data.not_inspected:
        parts[-1] += f"（另有 {data.not_inspected} 个未督查或未评分）"
    if ranked:
        parts.append(f"平均得分 {mean(r.entry.score for r in ranked):.1f} 分")
        parts.append("，".join(f"{n}星 {stars.get(n, 0)} 个" for n in range(top, 0, -1)))
        parts.append(f"列入约谈名单 {sum(r.interview for r in ranked)} 个")
    parts.append(f"截至{chinese_date(data.today)}逾期未整改问题 {len(data.overdue)} 个")
    return Paragraph("；".join(parts) + "。",
                     style("ov", fonts.song, 10.5, 17, firstLineIndent=21))


def _star_chart(data: SummaryData, fonts: FontSet) -> Drawing:
    top = data.form.rating.max_stars
    counts = Counter(r.entry.stars for r in data.ranking)
    levels = list(range(top, 0, -1))
    values = [counts.get(n, 0) for n in levels]
    d = Drawing(WIDTH / 2 - 3 * mm, 62 * mm, initialFontName=fonts.song)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 28, d.width - 45, d.height - 55
    chart.data = [values]
    chart.categoryAxis.categoryNames = [f"{n}星" for n in levels]
    chart.categoryAxis.labels.fontName = fonts.song
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = fonts.song
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 1]) * 1.15
    chart.valueAxis.valueStep = max(1, round(max([*values, 1]) / 5))
    chart.bars[0].fillColor = BAR_BLUE
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.song
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    d.add(chart)
    d.add(String(d.width / 2, d.height - 12, "星级分布（个）", fontName=fonts.hei,
                 fontSize=10, textAnchor="middle"))
    return d


def _county_averages(data: SummaryData) -> list[tuple[str, float, int]]:
    scores: dict[str, list[float]] = defaultdict(list)
    for r in data.ranking:
        scores[r.entry.county].append(r.entry.score)
    order = {name: i for i, name in enumerate(data.county_order)}
    return [(county, mean(values), len(values)) for county, values in
            sorted(scores.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]


def _county_chart(data: SummaryData, fonts: FontSet, width: float) -> Drawing:
    averages = _county_averages(data)
    n = max(len(averages), 1)
    bar = max(5.0, min(16.0, 560.0 / n))
    label_size = max(4.5, min(8.0, bar * 0.75))
    height = n * bar + 50
    d = Drawing(width, height, initialFontName=fonts.song)
    chart = HorizontalBarChart()
    chart.x, chart.y = 70, 20
    chart.width, chart.height = width - 90, n * bar
    # The chart draws its first category at the bottom: reverse so the list reads downward.
    chart.data = [[a for _c, a, _n in reversed(averages)] or [0]]
    chart.categoryAxis.categoryNames = [c for c, _a, _n in reversed(averages)] or [""]
    chart.categoryAxis.labels.fontName = fonts.song
    chart.categoryAxis.labels.fontSize = label_size
    chart.valueAxis.labels.fontName = fonts.song
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.bars[0].fillColor = BAR_BLUE
    chart.barLabelFormat = "%.1f"
    chart.barLabels.fontName = fonts.song
    chart.barLabels.fontSize = max(4.5, label_size - 1)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    d.add(String(width / 2, height - 14, "各县区平均得分", fontName=fonts.hei, fontSize=10,
                 textAnchor="middle"))
    return d


def _charts(data: SummaryData, fonts: FontSet) -> list[Flowable]:
    if not data.ranking:
        return []
    averages = _county_averages(data)
    if len(averages) <= 8:  # side by side
        from reportlab.platypus import Table

        pair = Table([[_star_chart(data, fonts), _county_chart(data, fonts, WIDTH / 2 - 3 * mm)]],
                     colWidths=[WIDTH / 2, WIDTH / 2])
        pair.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("FONTNAME", (0, 0), (-1, -1), fonts.song)])
        return [Spacer(1, 3 * mm), pair]
    return [Spacer(1, 3 * mm), _star_chart(data, fonts), Spacer(1, 4 * mm),
            _county_chart(data, fonts, WIDTH)]


def _interview_table(data: SummaryData, fonts: FontSet) -> Flowable:
    listed = [r for r in data.ranking if r.interview]
    if not listed:
        return Paragraph("本次督查无列入约谈名单的乡镇（街道）。", style("n", fonts.song, 10.5))
    widths = [13 * mm, 24 * mm, 32 * mm, 15 * mm, 22 * mm, 64 * mm]
    rows = [["名次", "县区", "乡镇（街道）", "得分", "星级", "约谈原因"]]
    for r in listed:
        e = r.entry
        rows.append([str(r.rank), e.county, e.township, _score(e.score),
                     star_text(e.stars, data.form.rating.max_stars),
                     wrap_text(r.interview_reason, fonts.song, SIZE, widths[5] - 6)])
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(fonts.song, SIZE, fonts.hei, extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (4, -1), "CENTER"),
        ("TEXTCOLOR", (4, 1), (4, -1), RED)]))
    return table


def ranking_rows(data: SummaryData) -> list[list[str]]:
    """The overall ranking as table rows (header first); the benchmark lays out the same rows."""
    top = data.form.rating.max_stars
    rows = [["名次", "县区", "乡镇（街道）", "得分", "星级", "县区内名次", "约谈"]]
    for r in data.ranking:
        e = r.entry
        rows.append([str(r.rank), e.county, e.township, _score(e.score), star_text(e.stars, top),
                     str(r.county_rank), "约谈" if r.interview else ""])
    return rows


def _overall_table(data: SummaryData, fonts: FontSet) -> LongTable:
    widths = [14 * mm, 30 * mm, 42 * mm, 18 * mm, 26 * mm, 22 * mm, 18 * mm]
    table = LongTable(ranking_rows(data), colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(fonts.song, SIZE, fonts.hei, extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (-1, -1), "CENTER"),
        ("TEXTCOLOR", (4, 1), (4, -1), RED), ("TEXTCOLOR", (6, 1), (6, -1), RED)]))
    return table


def county_rows(data: SummaryData) -> tuple[list[list[str]], list[int]]:
    """The ranking within each county (header first) and the row where each county starts."""
    top = data.form.rating.max_stars
    by_county: dict[str, list] = defaultdict(list)
    for r in data.ranking:
        by_county[r.entry.county].append(r)
    rows = [["县区", "县区内名次", "乡镇（街道）", "得分", "星级", "全市名次"]]
    starts = []
    for county, _avg, _n in _county_averages(data):
        starts.append(len(rows))
        for i, r in enumerate(sorted(by_county[county], key=lambda x: (x.county_rank, x.rank))):
            rows.append([county if i == 0 else "", str(r.county_rank), r.entry.township,
                         _score(r.entry.score), star_text(r.entry.stars, top), str(r.rank)])
    return rows, starts


def _county_table(data: SummaryData, fonts: FontSet) -> LongTable:
    rows, starts = county_rows(data)
    widths = [32 * mm, 22 * mm, 44 * mm, 20 * mm, 28 * mm, 24 * mm]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(fonts.song, SIZE, fonts.hei, extra=[
        ("ALIGN", (1, 1), (1, -1), "CENTER"), ("ALIGN", (3, 1), (-1, -1), "CENTER"),
        ("TEXTCOLOR", (4, 1), (4, -1), RED), ("FONTNAME", (0, 1), (0, -1), fonts.hei),
        *[("LINEABOVE", (0, s), (-1, s), 1.2, colors.black) for s in starts[1:]]]))
    return table


OVERDUE_WIDTHS = [22 * mm, 26 * mm, 11 * mm, 55 * mm, 22 * mm, 19 * mm, 15 * mm]


def overdue_rows(data: SummaryData, fonts: FontSet) -> tuple[list[list[str]], list[int]]:
    """Overdue problems by township (header first) and the row where each township starts."""
    widths = OVERDUE_WIDTHS
    rows = [["县区", "乡镇（街道）", "条目", "问题", "责任单位", "整改时限", "逾期天数"]]
    last = None
    starts = []
    for p in data.overdue:
        first = p["township_id"] != last
        if first:
            starts.append(len(rows))
        last = p["township_id"]
        days = (data.today - dt.date.fromisoformat(p["deadline"][:10])).days
        status = STATUS_LABELS[Status(p["status"])]
        rows.append([p["county"] if first else "", p["township"] if first else "",
                     p["item_id"] or "", wrap_text(p["text"], fonts.song, 8.5, widths[3] - 6),
                     wrap_text(p["responsible_unit"], fonts.song, 8.5, widths[4] - 6),
                     f"{p['deadline'][:10]}\n{status}", str(days)])
    return rows, starts


def _overdue_table(data: SummaryData, fonts: FontSet) -> Flowable:
    if not data.overdue:
        return Paragraph("截至本汇总日期，无逾期未整改问题。", style("n", fonts.song, 10.5))
    rows, starts = overdue_rows(data, fonts)
    table = LongTable(rows, colWidths=OVERDUE_WIDTHS, repeatRows=1)
    table.setStyle(grid_style(fonts.song, 8.5, fonts.hei, extra=[
        ("VALIGN", (0, 1), (-1, -1), "TOP"), ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("ALIGN", (5, 1), (-1, -1), "CENTER"), ("TEXTCOLOR", (6, 1), (6, -1), RED),
        *[("LINEABOVE", (0, s), (-1, s), 1.0, colors.black) for s in starts[1:]]]))
    return table


def summary_story(data: SummaryData, fonts: FontSet, progress: Progress = NO_PROGRESS
                  ) -> list[Flowable]:
    c = data.campaign
    sub = style("sub", fonts.song, 11, 16, alignment=1, spaceAfter=8)
    story: list[Flowable] = [
        Paragraph(f"{escape(c['name'])}<br/>星级评定汇总", title_style(fonts, 18)),
        Paragraph(f"{escape(data.issuing_body)}　{chinese_date(data.today)}", sub),
        *_heading("一、总体情况", fonts), _overview(data, fonts), *_charts(data, fonts),
    ]
    progress(1, 5, "")
    story += [*_heading("二、约谈名单", fonts), _interview_table(data, fonts)]
    story += [*_heading("三、总排名", fonts), _overall_table(data, fonts)]
    progress(2, 5, "")
    story += [*_heading("四、分县区排名", fonts), _county_table(data, fonts)]
    progress(3, 5, "")
    story += [*_heading("五、逾期未整改问题（按乡镇）", fonts), _overdue_table(data, fonts)]
    progress(4, 5, "")
    return story


def render_summary(data: SummaryData, progress: Progress = NO_PROGRESS) -> bytes:
    fonts = report_fonts()
    meta = DocMeta(title=f"{data.campaign['name']}星级评定汇总", subject="星级评定汇总",
                   author=data.issuing_body or AUTHOR_DEFAULT, created=data.today)
    return build_pdf(summary_story(data, fonts, progress), meta, Layout(), fonts=fonts)


def summary_pdf(db: Database, campaign_id: str, today: dt.date | None = None,
                progress: Progress = NO_PROGRESS) -> bytes:
    """The campaign's 星级评定汇总 as PDF bytes."""
    return render_summary(summary_data(db, campaign_id, today or dt.date.today()), progress)
