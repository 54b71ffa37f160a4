"""督查情况趋势分析: a township, a county or the whole across campaigns, with charts.

The charts are drawn from reportlab's graphics primitives (lines, rectangles,
strings) rather than its chart classes: a round that is not ranked must show
as a hollow point off the line, and forty campaigns must still read, which
the stock line plot does neither of. The horizontal axis numbers the
campaigns; the table under the chart names them by the same numbers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, LongTable, Paragraph, Spacer
from sqlite_utils import Database

from inspector.core.scoring import star_text
from inspector.core.trends import AreaTrend, TownshipTrend
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
from inspector.reports.summary import BAR_BLUE, RED, nice_step
from inspector.store import settings

WIDTH = 170 * mm
SIZE = 8.5
WHOLE = "全部县区"
GREY = colors.HexColor("#9E9E9E")
# Star levels, best first, as the stacked bars colour them.
STAR_COLOURS = ("#1F4E79", "#2F75B5", "#9DC3E6", "#F4B183", "#C00000")


def _heading(text: str, fonts: FontSet) -> list[Flowable]:
    return [
        CondPageBreak(45 * mm),
        Paragraph(text, style("h", fonts.hei, 13, 20, spaceBefore=8, spaceAfter=5)),
    ]


def _body(text: str, fonts: FontSet) -> Paragraph:
    return Paragraph(escape(text), style("b", fonts.song, 10.5, 17, firstLineIndent=21))


def _ticks(n: int, room: float) -> list[int]:
    """The campaign numbers to label on an axis of `n` campaigns `room` points wide."""
    step = max(1, math.ceil(n / max(1, room // 16)))
    shown = list(range(1, n + 1, step))
    if n - shown[-1] >= step:
        shown.append(n)
    return shown


def _grid(
    d: Drawing,
    fonts: FontSet,
    left: float,
    right: float,
    y: Callable[[float], float],
    low: float,
    high: float,
    step: float,
) -> None:
    """Light horizontal lines from `low` to `high` every `step`, labelled on the left."""
    tick = low
    while tick <= high + 1e-9:
        d.add(Line(left, y(tick), right, y(tick), strokeColor=colors.HexColor("#E0E0E0")))
        d.add(
            String(
                left - 3,
                y(tick) - 2.5,
                f"{tick:g}",
                fontSize=7,
                textAnchor="end",
                fontName=fonts.song,
            )
        )
        tick += step


def line_chart(
    values: Sequence[float | None],
    fonts: FontSet,
    title: str,
    *,
    hollow: Sequence[float | None] = (),
    low: float | None = None,
    high: float = 100.0,
    guides: Sequence[float] = (),
    unit: str = "",
    height: float = 62 * mm,
) -> Drawing:
    """A line over the campaigns (None: no point), with hollow points off the line
    (`hollow`: provisional scores) and dashed guide lines (the star thresholds)."""
    n = max(len(values), len(hollow), 1)
    d = Drawing(WIDTH, height, initialFontName=fonts.song)
    left, bottom, right, top = 34.0, 22.0, WIDTH - 10, height - 22
    known = [v for v in [*values, *hollow] if v is not None]
    if low is None:  # near the lowest value, at least ten below the top
        low = min(high - 10, max(0.0, 10 * math.floor((min(known, default=high) - 5) / 10)))
    span = high - low

    def x(i: int) -> float:
        return float(left + (right - left) * (i + 0.5) / n)

    def y(v: float) -> float:
        return bottom + (top - bottom) * (min(max(v, low), high) - low) / span

    _grid(d, fonts, left, right, y, low, high, nice_step(span, 5))
    for g in guides:
        if low < g < high:
            d.add(
                Line(
                    left,
                    y(g),
                    right,
                    y(g),
                    strokeColor=GREY,
                    strokeDashArray=[2, 2],
                    strokeWidth=0.6,
                )
            )
    d.add(Line(left, bottom, right, bottom, strokeColor=colors.black, strokeWidth=0.6))
    d.add(Line(left, bottom, left, top, strokeColor=colors.black, strokeWidth=0.6))
    for i in _ticks(n, right - left):
        d.add(
            String(
                x(i - 1), bottom - 10, str(i), fontSize=7, textAnchor="middle", fontName=fonts.song
            )
        )
    points = [(x(i), y(v)) for i, v in enumerate(values) if v is not None]
    if len(points) > 1:
        d.add(
            PolyLine(
                [c for p in points for c in p],
                strokeColor=BAR_BLUE,
                strokeWidth=1.4,
                fillColor=None,
            )
        )
    radius = 2.2 if n <= 20 else 1.6
    for px, py in points:
        d.add(Circle(px, py, radius, fillColor=BAR_BLUE, strokeColor=BAR_BLUE))
    for i, v in enumerate(hollow):
        if v is not None:
            d.add(Circle(x(i), y(v), radius, fillColor=colors.white, strokeColor=RED))
    if n <= 12:  # room for the values themselves
        for i, v in enumerate(values):
            if v is not None:
                d.add(
                    String(
                        x(i),
                        y(v) + 4,
                        f"{v:.1f}",
                        fontSize=6.5,
                        textAnchor="middle",
                        fontName=fonts.song,
                    )
                )
    d.add(
        String(WIDTH / 2, height - 12, title, fontName=fonts.hei, fontSize=10, textAnchor="middle")
    )
    if unit:
        d.add(String(left, top + 4, unit, fontSize=7, textAnchor="middle", fontName=fonts.song))
    d.add(
        String(
            right,
            4,
            "横轴：督查批次序号（见下表）",
            fontSize=6.5,
            textAnchor="end",
            fontName=fonts.song,
        )
    )
    return d


def star_chart(trend: AreaTrend, fonts: FontSet, height: float = 66 * mm) -> Drawing:
    """The star distribution of each campaign as stacked bars, best level at the top."""
    rounds = trend.rounds
    n = max(len(rounds), 1)
    top_stars = max((r.max_stars for r in rounds), default=5)
    d = Drawing(WIDTH, height, initialFontName=fonts.song)
    left, bottom, right, top = 34.0, 22.0, WIDTH - 60, height - 22
    most = max((sum(r.stars) for r in rounds), default=1) or 1
    step = nice_step(most, 5)
    high = step * math.ceil(most / step)

    def y(v: float) -> float:
        return bottom + (top - bottom) * v / high

    _grid(d, fonts, left, right, y, 0.0, high, step)
    slot = (right - left) / n
    bar = max(1.0, min(18.0, slot * 0.7))
    for i, r in enumerate(rounds):
        base = 0.0
        cx = left + slot * (i + 0.5)
        for level in range(1, r.max_stars + 1):  # 1 star at the bottom
            count = r.stars[r.max_stars - level]
            if count:
                colour = STAR_COLOURS[min(len(STAR_COLOURS) - 1, top_stars - level)]
                d.add(
                    Rect(
                        cx - bar / 2,
                        y(base),
                        bar,
                        y(base + count) - y(base),
                        fillColor=colors.HexColor(colour),
                        strokeColor=None,
                    )
                )
            base += count
    d.add(Line(left, bottom, right, bottom, strokeColor=colors.black, strokeWidth=0.6))
    d.add(Line(left, bottom, left, top, strokeColor=colors.black, strokeWidth=0.6))
    for i in _ticks(n, right - left):
        d.add(
            String(
                left + slot * (i - 0.5),
                bottom - 10,
                str(i),
                fontSize=7,
                textAnchor="middle",
                fontName=fonts.song,
            )
        )
    for k in range(top_stars):  # the legend, best first
        ly = top - 4 - k * 11
        colour = STAR_COLOURS[min(len(STAR_COLOURS) - 1, k)]
        d.add(Rect(right + 10, ly, 8, 7, fillColor=colors.HexColor(colour), strokeColor=None))
        d.add(String(right + 22, ly + 1, f"{top_stars - k}星", fontSize=7.5, fontName=fonts.song))
    d.add(
        String(
            WIDTH / 2,
            height - 12,
            "星级分布（个）",
            fontName=fonts.hei,
            fontSize=10,
            textAnchor="middle",
        )
    )
    return d


def _table(
    rows: list[list[str]], widths: list[float], fonts: FontSet, centre_from: int
) -> LongTable:
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.song,
            SIZE,
            fonts.hei,
            extra=[
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (centre_from, 1), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ],
        )
    )
    return table


def township_rows(t: TownshipTrend, fonts: FontSet) -> list[list[str]]:
    """The rounds as table rows, header first."""
    rows = [
        ["序号", "督查批次", "得分", "星级", "名次", "县区内名次", "名次变化", "约谈", "问题数"]
    ]
    for n, r in enumerate(t.rounds, 1):
        rows.append(
            [
                str(n),
                wrap_text(r.campaign, fonts.song, SIZE, 44 * mm - 6),
                f"{r.score:.1f}" + ("" if r.complete else "*"),
                star_text(r.stars, r.max_stars),
                f"{r.rank}/{r.ranked}" if r.rank is not None else "未完成",
                f"{r.county_rank}/{r.county_ranked}" if r.county_rank is not None else "—",
                r.change_text,
                "约谈" if r.interview else "",
                str(r.problems),
            ]
        )
    return rows


def _township_overview(t: TownshipTrend) -> str:
    if not t.rounds:
        return f"{t.township}尚无督查记录。"
    ranked = [r for r in t.rounds if r.rank is not None]
    parts = [f"{t.township}共参加督查 {len(t.rounds)} 次"]
    if len(ranked) < len(t.rounds):
        parts[-1] += f"（其中 {len(t.rounds) - len(ranked)} 次督查未完成，不参加排名）"
    if ranked:
        last = ranked[-1]
        parts.append(
            f"最近一次参加排名的{last.campaign}得分 {last.score:.1f} 分、{last.stars}星，"
            f"列第 {last.rank} 名（共 {last.ranked} 个），名次变化：{last.change_text}"
        )
        best = min(ranked, key=lambda r: r.rank or 0)
        parts.append(f"最好名次为{best.campaign}的第 {best.rank} 名")
        parts.append(f"列入约谈名单 {sum(r.interview for r in ranked)} 次")
    parts.append(f"发现问题 {sum(r.problems for r in t.rounds)} 个")
    if t.repeated:
        parts.append(f"连续两轮及以上不符合的条目（屡查屡犯）{len(t.repeated)} 项")
    else:
        parts.append("没有连续两轮及以上不符合的条目")
    return "；".join(parts) + "。"


def _repeated_table(t: TownshipTrend, fonts: FontSet) -> Flowable:
    if not t.repeated:
        return _body("没有同一条目连续两轮及以上不符合的情况。", fonts)
    widths = [14 * mm, 52 * mm, 18 * mm, 66 * mm, 20 * mm]
    rows = [["条目", "内容", "连续轮次", "督查批次", "状态"]]
    for f in t.repeated:
        rows.append(
            [
                f.item_id,
                wrap_text(f.text, fonts.song, SIZE, widths[1] - 6),
                str(f.rounds),
                wrap_text("、".join(f.campaigns), fonts.song, SIZE, widths[3] - 6),
                "至今未改" if f.ongoing else "已纠正",
            ]
        )
    table = _table(rows, widths, fonts, 2)
    table.setStyle([("ALIGN", (3, 1), (3, -1), "LEFT"), ("TEXTCOLOR", (4, 1), (4, -1), RED)])
    return table


def township_story(
    t: TownshipTrend, fonts: FontSet, issuing_body: str, today: dt.date
) -> list[Flowable]:
    sub = style("sub", fonts.song, 11, 16, alignment=1, spaceAfter=8)
    story: list[Flowable] = [
        Paragraph(f"{escape(t.township)}督查情况趋势分析", title_style(fonts, 18)),
        Paragraph(f"{escape(t.county)}　{escape(issuing_body)}　{chinese_date(today)}", sub),
        *_heading("一、总体情况", fonts),
        _body(_township_overview(t), fonts),
    ]
    if t.rounds:
        story += [
            Spacer(1, 3 * mm),
            line_chart(
                [r.score if r.complete else None for r in t.rounds],
                fonts,
                "得分走势（分）",
                hollow=[None if r.complete else r.score for r in t.rounds],
                guides=t.thresholds,
            ),
            Paragraph(
                "实心点为参加排名的得分，空心点为督查未完成的暂计得分；虚线为星级分数线。",
                style("note", fonts.song, 8, 12, alignment=1),
            ),
        ]
    story += [*_heading("二、各批次情况", fonts)]
    if t.rounds:
        widths = [10 * mm, 44 * mm, 14 * mm, 20 * mm, 18 * mm, 18 * mm, 18 * mm, 12 * mm, 14 * mm]
        table = _table(township_rows(t, fonts), widths, fonts, 2)
        table.setStyle([("TEXTCOLOR", (3, 1), (3, -1), RED), ("TEXTCOLOR", (7, 1), (7, -1), RED)])
        story.append(table)
        if any(not r.complete for r in t.rounds):
            story.append(
                Paragraph("* 督查未完成，暂计得分，不参加排名。", style("fn", fonts.song, 8, 12))
            )
    else:
        story.append(_body("尚无督查记录。", fonts))
    story += [*_heading("三、屡查屡犯事项", fonts), _repeated_table(t, fonts)]
    return story


def area_rows(t: AreaTrend) -> list[list[str]]:
    """The rounds as table rows, header first."""
    top = max((r.max_stars for r in t.rounds), default=5)
    rows = [
        [
            "序号",
            "督查批次",
            "评定数",
            "平均分",
            "较上次",
            *(f"{n}星" for n in range(top, 0, -1)),
            "约谈",
            "问题数",
            "整改率",
        ]
    ]
    for n, r in enumerate(t.rounds, 1):
        stars = [*r.stars, *([0] * (top - r.max_stars))][:top]
        rows.append(
            [
                str(n),
                r.campaign,
                str(r.ranked) + (f"+{r.incomplete}" if r.incomplete else ""),
                "—" if r.average is None else f"{r.average:.1f}",
                "" if r.change is None else f"{r.change:+.1f}",
                *(str(s) for s in stars),
                str(r.interviews),
                str(r.problems),
                "—" if r.rate is None else f"{r.rate:.1f}%",
            ]
        )
    return rows


def _area_overview(t: AreaTrend) -> str:
    name = t.name or WHOLE
    if not t.rounds:
        return f"{name}尚无督查记录。"
    first, last = t.rounds[0], t.rounds[-1]
    parts = [f"{name}共有 {len(t.rounds)} 个督查批次的记录（{first.campaign}至{last.campaign}）"]
    if last.average is not None:
        text = f"最近一次{last.campaign}评定乡镇（街道）{last.ranked} 个，平均得分 {last.average:.1f} 分"
        if last.change is not None:
            text += f"，较上次{'提高' if last.change >= 0 else '下降'} {abs(last.change):.1f} 分"
        parts.append(text)
        parts.append(f"列入约谈名单 {last.interviews} 个")
    averages = [r.average for r in t.rounds if r.average is not None]
    if len(averages) > 1:
        parts.append(f"各批次平均得分在 {min(averages):.1f} 至 {max(averages):.1f} 分之间")
    total = sum(r.problems for r in t.rounds)
    done = sum(r.rectified for r in t.rounds)
    if total:
        parts.append(
            f"累计发现问题 {total} 个，已整改（含已销号）{done} 个，整改率 {100 * done / total:.1f}%"
        )
    return "；".join(parts) + "。"


def area_story(t: AreaTrend, fonts: FontSet, issuing_body: str, today: dt.date) -> list[Flowable]:
    sub = style("sub", fonts.song, 11, 16, alignment=1, spaceAfter=8)
    story: list[Flowable] = [
        Paragraph(f"{escape(t.name or WHOLE)}督查情况趋势分析", title_style(fonts, 18)),
        Paragraph(f"{escape(issuing_body)}　{chinese_date(today)}", sub),
        *_heading("一、总体情况", fonts),
        _body(_area_overview(t), fonts),
    ]
    if t.rounds:
        story += [
            Spacer(1, 3 * mm),
            line_chart([r.average for r in t.rounds], fonts, "平均得分走势（分）"),
            Spacer(1, 2 * mm),
            star_chart(t, fonts),
            Spacer(1, 2 * mm),
            line_chart(
                [r.rate for r in t.rounds], fonts, "整改率走势（%）", low=0.0, height=52 * mm
            ),
            Spacer(1, 2 * mm),
            line_chart(
                [float(r.interviews) for r in t.rounds],
                fonts,
                "约谈数量（个）",
                low=0.0,
                high=float(max(10, nice_step(max(r.interviews for r in t.rounds)) * 6)),
                height=52 * mm,
            ),
        ]
    story += [*_heading("二、各批次情况", fonts)]
    if t.rounds:
        rows = area_rows(t)
        levels = len(rows[0]) - 8
        star_w = 9 * mm
        widths = [10 * mm, 50 * mm, 13 * mm, 13 * mm, 12 * mm, *([star_w] * levels)]
        widths += [10 * mm, 13 * mm, 14 * mm]
        scale = WIDTH / sum(widths)
        widths = [w * min(1.0, scale) for w in widths]
        rows = [
            [r[0], wrap_text(r[1], fonts.song, SIZE, widths[1] - 6), *r[2:]] if i else r
            for i, r in enumerate(rows)
        ]
        story.append(_table(rows, widths, fonts, 2))
        if any(r.incomplete for r in t.rounds):
            story.append(
                Paragraph(
                    "评定数为参加排名的乡镇（街道）数，“+N”为督查未完成、不参加排名的个数。",
                    style("fn", fonts.song, 8, 12),
                )
            )
        story.append(
            Paragraph(
                "整改率 = 已整改（含待验收）和已销号的问题数 ÷ 该批次发现的全部问题数。",
                style("fn2", fonts.song, 8, 12),
            )
        )
    else:
        story.append(_body("尚无督查记录。", fonts))
    return story


def trend_pdf(
    db: Database,
    today: dt.date,
    township_id: str | None = None,
    county_id: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> tuple[str, bytes]:
    """The 趋势分析 of a township, a county or (neither) the whole: its name and PDF."""
    from inspector.store.trends import area_trend, township_trend

    fonts = report_fonts()
    issuing = settings.get(db, "issuing_body") or ""
    progress(0, 2, "")
    story: list[Flowable]
    if township_id is not None:
        t = township_trend(db, township_id)
        name = t.township
        story = township_story(t, fonts, issuing, today)
    else:
        area = area_trend(db, county_id)
        name = area.name or WHOLE
        story = area_story(area, fonts, issuing, today)
    progress(1, 2, "")
    meta = DocMeta(
        title=f"{name}督查情况趋势分析",
        subject="督查情况趋势分析",
        author=issuing or AUTHOR_DEFAULT,
        created=today,
    )
    return name, build_pdf(story, meta, Layout(), fonts=fonts)
