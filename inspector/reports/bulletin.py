"""督查情况通报: the numbered document 晒比转 publishes after a campaign.

The notice's GB/T 9704 page (发文机关标志, 文号 over the red rule, 3号 仿宋 on the
22-line grid, signature, 版记), with a short text and a table that compare
the counties: average, stars, rank and how it moved since the campaign
before, the 约谈 count and the rectification rate. The townships go in an
annex; past LARGE_RANKING townships the annex is set in two columns, so a
province stays a document of some twenty pages rather than a listing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from statistics import mean
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)
from sqlite_utils import Database

from inspector.core.numbering import format_doc_number
from inspector.core.ranking import Ranked
from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.fonts import FontSet, report_fonts
from inspector.reports.gridtext import GridParagraph, break_lines
from inspector.reports.notice import (
    BLOCK_W,
    BODY_SIZE,
    LINE,
    NOTICE_LAYOUT,
    PITCH,
    TITLE_SIZE,
    TRACKING,
    Colophon,
    DocNumberRule,
    IssuingMark,
    OfficialText,
    SignatureBlock,
    _html,
    _p,
    body_paragraph,
    heading_paragraph,
)
from inspector.reports.pdfdoc import (
    DocMeta,
    ToEvenPage,
    UnnumberedPage,
    build_pdf,
    chinese_date,
    grid_style,
    wrap_text,
)
from inspector.reports.summary import LARGE_RANKING, county_stats, unit_word
from inspector.store import settings
from inspector.store.report_data import BulletinData, SummaryData, bulletin_data

INTERVIEW_IN_BODY = 20  # more 约谈 townships than this go to the annex only


def rank_change(now: int, before: int | None) -> str:
    """升3 / 降2 / 持平, or 新 for one not ranked in the campaign before."""
    if before is None:
        return "新"
    if before == now:
        return "持平"
    return f"升{before - now}" if now < before else f"降{now - before}"


def county_rows(data: BulletinData) -> list[dict[str, Any]]:
    """county_stats with the rank change and the rectification rate added."""
    summary = data.summary
    stats = county_stats(summary)
    before: dict[str, int] = {}
    if data.previous_ranking:
        prev = county_stats(_with_ranking(summary, data.previous_ranking))
        before = {s["county"]: s["rank"] for s in prev}
    for s in stats:
        s["change"] = rank_change(s["rank"], before.get(s["county"]))
        done, total = data.rectification.get(s["county"], (0, 0))
        s["rate"] = f"{100 * done / total:.1f}%" if total else "—"
    return stats


def _with_ranking(summary: SummaryData, ranking: list[Ranked]) -> SummaryData:
    from dataclasses import replace

    return replace(summary, ranking=ranking, overdue=[])


def party_body(summary: SummaryData) -> str:
    """Who rectifies: the townships' 党（工）委, or the project sites' 党组织."""
    return "项目党组织" if summary.form.target == "project" else "乡镇（街道）党（工）委"


def party_secretary(summary: SummaryData) -> str:
    """Who is summoned to a 约谈."""
    return "党组织书记" if summary.form.target == "project" else "党（工）委书记"


def bulletin_title(campaign_name: str) -> str:
    return f"关于{campaign_name}情况的通报"


def _overview_text(data: BulletinData) -> str:
    s = data.summary
    ranked = s.ranking
    top = s.form.rating.max_stars
    stars = Counter(r.entry.stars for r in ranked)
    done = sum(d for d, _t in data.rectification.values())
    total = sum(t for _d, t in data.rectification.values())
    parts = [f"本次督查共评定{unit_word(data.summary)}{len(ranked)}个"]
    if ranked:
        parts.append(f"平均得分{mean(r.entry.score for r in ranked):.1f}分")
        parts.append("，".join(f"{n}星{stars.get(n, 0)}个" for n in range(top, 0, -1)))
        parts.append(f"列入约谈名单{sum(r.interview for r in ranked)}个")
    if total:
        parts.append(
            f"督查发现问题{total}个，截至{chinese_date(s.today)}已整改{done}个，"
            f"整改率{100 * done / total:.1f}%"
        )
    return "；".join(parts) + "。"


def _county_text(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "本次督查无评定结果。"
    best = "、".join(r["county"] for r in rows[:3])
    worst = "、".join(r["county"] for r in rows[-3:]) if len(rows) > 3 else ""
    text = f"从各县（市、区）情况看，{best}平均得分位居前列"
    if worst:
        text += f"，{worst}相对靠后"
    risers = sorted(
        (r for r in rows if r["change"].startswith("升")), key=lambda r: -int(r["change"][1:])
    )[:3]
    if risers:
        text += "；与上次督查相比，" + "、".join(
            f"{r['county']}上升{r['change'][1:]}位" for r in risers
        )
    return text + "。各县（市、区）具体情况见下表。"


def _county_table(
    rows: list[dict[str, Any]], fonts: FontSet, top: int, unit: str = "乡镇（街道）"
) -> LongTable:
    size = 10.5  # 5号
    header = [
        "名次",
        "县（市、区）",
        f"{unit}数",
        "平均得分",
        "名次变化",
        f"{top}星个数",
        "约谈",
        "整改率",
    ]
    widths = [12 * mm, 34 * mm, 22 * mm, 18 * mm, 18 * mm, 18 * mm, 14 * mm, 20 * mm]
    data = [[wrap_text(h, fonts.hei, size, w - 5) for h, w in zip(header, widths, strict=True)]]
    for r in rows:
        data.append(
            [
                str(r["rank"]),
                wrap_text(r["county"], fonts.fangsong, size, widths[1] - 5),
                str(r["townships"]),
                f"{r['average']:.1f}",
                r["change"],
                str(r["top"]),
                str(r["interview"]),
                r["rate"],
            ]
        )
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.fangsong,
            size,
            fonts.hei,
            extra=[("ALIGN", (0, 0), (-1, -1), "CENTER"), ("BACKGROUND", (0, 0), (-1, 0), None)],
        )
    )
    return table


def _interview_text(data: BulletinData) -> tuple[str, bool]:
    """The 约谈 sentence, and whether the names are left to the annex."""
    listed = [r for r in data.summary.ranking if r.interview]
    if not listed:
        return f"本次督查无列入约谈名单的{unit_word(data.summary)}。", False
    if len(listed) <= INTERVIEW_IN_BODY:
        names = "、".join(f"{r.entry.county}{r.entry.township}" for r in listed)
        return (
            f"根据督查排名和约谈规定，{names}等{len(listed)}个{unit_word(data.summary)}列入约谈名单，"
            f"由市委组织部约谈其{party_secretary(data.summary)}。"
        ), False
    by_county = Counter(r.entry.county for r in listed)
    counted = "、".join(f"{c}{n}个" for c, n in by_county.most_common())
    return (
        f"根据督查排名和约谈规定，共有{len(listed)}个{unit_word(data.summary)}列入约谈名单（{counted}），"
        f"名单见附件2，由各县（市、区）委组织部约谈其{party_secretary(data.summary)}。"
    ), True


def _annex_township_table(data: BulletinData, fonts: FontSet, compact: bool) -> LongTable:
    summary = data.summary
    top = summary.form.rating.max_stars
    before = {r.entry.township_id: r.rank for r in data.previous_ranking}
    size = 8 if compact else 10.5
    header = ["名次", "县区", unit_word(data.summary), "得分", "星级", "变化"]
    widths = [9, 16, 22, 10, 8, 10] if compact else [16, 34, 46, 20, 20, 20]
    widths_pt = [w * mm for w in widths]
    rows = [header]
    for r in summary.ranking:
        rows.append(
            [
                str(r.rank),
                wrap_text(r.entry.county, fonts.fangsong, size, widths_pt[1] - 4),
                wrap_text(r.entry.township, fonts.fangsong, size, widths_pt[2] - 4),
                f"{r.entry.score:.1f}",
                f"{r.entry.stars}星" if top else "",
                rank_change(r.rank, before.get(r.entry.township_id)),
            ]
        )
    table = LongTable(rows, colWidths=widths_pt, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.fangsong,
            size,
            fonts.hei,
            extra=[
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ],
        )
    )
    return table


def _annex_interview_table(data: BulletinData, fonts: FontSet) -> LongTable:
    size = 10.5
    widths = [16 * mm, 30 * mm, 40 * mm, 18 * mm, 52 * mm]
    rows = [["名次", "县区", unit_word(data.summary), "得分", "约谈原因"]]
    for r in data.summary.ranking:
        if r.interview:
            rows.append(
                [
                    str(r.rank),
                    r.entry.county,
                    r.entry.township,
                    f"{r.entry.score:.1f}",
                    wrap_text(r.interview_reason, fonts.fangsong, size, widths[4] - 6),
                ]
            )
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(fonts.fangsong, size, fonts.hei, extra=[("ALIGN", (0, 0), (3, -1), "CENTER")])
    )
    return table


def bulletin_story(data: BulletinData, number: str, fonts: FontSet) -> list[Flowable]:
    s = data.summary
    body_font = fonts.fangsong
    issuing = s.issuing_body or "中共舟山市委组织部"
    mark_size = min(34.0, BLOCK_W / (len(issuing) * 1.08))

    def body(text: str) -> GridParagraph:
        return body_paragraph(text, fonts)

    def head(text: str) -> list[Flowable]:
        return heading_paragraph(text, fonts)

    rows = county_rows(data)
    interview, annexed = _interview_text(data)
    addressee = data.addressee
    title = bulletin_title(s.campaign["name"])
    story: list[Flowable] = [
        IssuingMark(issuing, fonts.title, mark_size),
        Spacer(1, 1.5 * LINE),
        DocNumberRule(number, body_font),
        Spacer(1, 1.8 * LINE),
        Paragraph(
            "<br/>".join(
                _html(line)
                for line in break_lines(title, fonts.title, TITLE_SIZE, BLOCK_W - 2 * PITCH)
            ),
            _p("title", fonts.title, TITLE_SIZE, TITLE_SIZE * 1.5, TA_CENTER),
        ),
        Spacer(1, 0.6 * LINE),
        GridParagraph(
            f"{addressee}：", body_font, BODY_SIZE, LINE, justify=False, tracking=TRACKING
        ),
        body(
            f"根据工作安排，{s.campaign['name']}已完成。为进一步营造比学赶超的浓厚氛围，"
            "现将督查情况通报如下。"
        ),
        *head("一、总体情况"),
        body(_overview_text(data)),
        *head("二、各县（市、区）情况"),
        body(_county_text(rows)),
        Spacer(1, 0.3 * LINE),
        _county_table(rows, fonts, s.form.rating.max_stars, unit_word(s)),
        Spacer(1, 0.5 * LINE),
        *head("三、约谈情况"),
        body(interview),
        *head("四、工作要求"),
        body(
            "（一）各县（市、区）委组织部要对照督查排名，认真分析本地区基层党建工作的短板弱项，"
            f"督促{party_body(data.summary)}逐项抓好问题整改。"
        ),
    ]
    last = body(
        f"（二）对列入约谈名单的{unit_word(data.summary)}，要组织开展约谈，跟踪整改落实情况。"
        "整改情况将纳入下次督查和年度考核。"
    )
    annexes = [f"各{unit_word(data.summary)}督查得分及排名"]
    if annexed:
        annexes.append("约谈名单")
    # 附件说明 one line under the text, two characters in; the signature kept with it.
    ending: list[Flowable] = [last, Spacer(1, LINE)]
    for n, name in enumerate(annexes, 1):
        prefix = "附件：" if n == 1 else "　　　"
        ending.append(
            GridParagraph(
                f"{prefix}{n}．{name}",
                body_font,
                BODY_SIZE,
                LINE,
                2 * PITCH,
                justify=False,
                tracking=TRACKING,
            )
        )
    ending.append(SignatureBlock(issuing, chinese_date(s.today), body_font, tracking=TRACKING))
    story.append(KeepTogether(ending))
    large = len(s.ranking) > LARGE_RANKING
    annex_head = _p("annex", fonts.hei, BODY_SIZE, LINE, 0)
    annex_title = _p("annex_title", fonts.title, TITLE_SIZE, TITLE_SIZE * 1.5, TA_CENTER)
    for n, name in enumerate(annexes, 1):
        story += [
            NextPageTemplate("two" if (n == 1 and large) else "page"),
            PageBreak(),
            Paragraph(f"附件{n}", annex_head),
            Paragraph(_html(name), annex_title),
            Spacer(1, 0.3 * LINE),
        ]
        story.append(
            _annex_township_table(data, fonts, large)
            if n == 1
            else _annex_interview_table(data, fonts)
        )
    if large and len(annexes) == 1:
        # The annex in two columns leaves no full-width room: the 版记 gets its own page,
        # the last even one, at the bottom, with no page number (GB/T 9704 7.4, 7.5).
        story += [NextPageTemplate("page"), PageBreak(), ToEvenPage(), UnnumberedPage()]
    story.append(Colophon("", data.printer or issuing, chinese_date(s.today), body_font))
    return story


def bulletin_number(db: Database, year: int, seq: int | None) -> tuple[str, int]:
    from inspector.store.report_data import next_paper_number, require_numbering_device

    require_numbering_device(db, "bulletin")  # a given number too: it is printed as the 文号
    prefix = settings.get(db, "bulletin_prefix") or "舟组通"
    seq = seq or next_paper_number(db, "bulletin", year)
    return format_doc_number(prefix, year, seq), seq


def last_bulletin_number(db: Database, year: int) -> int:
    """The number of the year's last 通报 made here (1 before any): its Word version."""
    from inspector.store.report_data import next_paper_number

    return max(1, next_paper_number(db, "bulletin", year) - 1)


def render_bulletin(data: BulletinData, number: str, progress: Progress = NO_PROGRESS) -> bytes:
    fonts = report_fonts()
    s = data.summary
    meta = DocMeta(
        title=bulletin_title(s.campaign["name"]),
        subject=f"督查情况通报 {number}",
        author=s.issuing_body or "中共舟山市委组织部",
        created=s.today,
    )
    return build_pdf(bulletin_story(data, number, fonts), meta, NOTICE_LAYOUT, progress, fonts)


def bulletin_pdf(
    db: Database,
    campaign_id: str,
    today: dt.date,
    seq: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> tuple[str, bytes]:
    """The 通报 with its 文号 (the next of the year unless `seq` is given); the number is
    taken only once the PDF is made."""
    from inspector.store.report_data import take_paper_number

    number, seq = bulletin_number(db, today.year, seq)
    pdf = render_bulletin(bulletin_data(db, campaign_id, today), number, progress)
    take_paper_number(db, "bulletin", today.year, seq)
    return number, pdf


def bulletin_text(
    data: BulletinData, number: str
) -> tuple[OfficialText, list[tuple[str, list[list[str]]]], list[tuple[str, list[list[str]]]]]:
    """The 通报's words (shared with the PDF's helpers), its county table and annexes."""
    s = data.summary
    rows = county_rows(data)
    interview, annexed = _interview_text(data)
    county_text = _county_text(rows)
    top = s.form.rating.max_stars
    table = [
        [
            "名次",
            "县（市、区）",
            f"{unit_word(data.summary)}数",
            "平均得分",
            "名次变化",
            f"{top}星个数",
            "约谈",
            "整改率",
        ]
    ]
    table += [
        [
            str(r["rank"]),
            r["county"],
            str(r["townships"]),
            f"{r['average']:.1f}",
            r["change"],
            str(r["top"]),
            str(r["interview"]),
            r["rate"],
        ]
        for r in rows
    ]
    before = {r.entry.township_id: r.rank for r in data.previous_ranking}
    townships = [["名次", "县区", unit_word(data.summary), "得分", "星级", "变化"]]
    townships += [
        [
            str(r.rank),
            r.entry.county,
            r.entry.township,
            f"{r.entry.score:.1f}",
            f"{r.entry.stars}星",
            rank_change(r.rank, before.get(r.entry.township_id)),
        ]
        for r in s.ranking
    ]
    annexes = [(f"各{unit_word(data.summary)}督查得分及排名", townships)]
    if annexed:
        annexes.append(
            (
                "约谈名单",
                [["名次", "县区", unit_word(data.summary), "得分", "约谈原因"]]
                + [
                    [
                        str(r.rank),
                        r.entry.county,
                        r.entry.township,
                        f"{r.entry.score:.1f}",
                        r.interview_reason,
                    ]
                    for r in s.ranking
                    if r.interview
                ],
            )
        )
    issuing = s.issuing_body or "中共舟山市委组织部"
    names = "；".join(f"{n}．{name}" for n, (name, _rows) in enumerate(annexes, 1))
    text = OfficialText(
        issuing=issuing,
        number=number,
        title=bulletin_title(s.campaign["name"]),
        addressee=data.addressee,
        blocks=[
            (
                "body",
                f"根据工作安排，{s.campaign['name']}已完成。为进一步营造比学赶超的浓厚氛围，"
                "现将督查情况通报如下。",
            ),
            ("head", "一、总体情况"),
            ("body", _overview_text(data)),
            ("head", "二、各县（市、区）情况"),
            ("body", county_text),
            ("head", "三、约谈情况"),
            ("body", interview),
            ("head", "四、工作要求"),
            (
                "body",
                "（一）各县（市、区）委组织部要对照督查排名，认真分析本地区基层党建工作的短板弱项，"
                f"督促{party_body(data.summary)}逐项抓好问题整改。",
            ),
        ],
        ending=[
            f"（二）对列入约谈名单的{unit_word(data.summary)}，要组织开展约谈，跟踪整改落实情况。"
            "整改情况将纳入下次督查和年度考核。",
            f"附件：{names}",
        ],
        date=chinese_date(s.today),
        note="",
        copy_to="",
        printer=data.printer or issuing,
    )
    return text, [(county_text, table)], annexes


def bulletin_docx(db: Database, campaign_id: str, today: dt.date, seq: int) -> tuple[str, bytes]:
    """The 通报 as a Word document with the number given (the PDF's, to edit it)."""
    from inspector.reports.word import official_docx

    number, _seq = bulletin_number(db, today.year, seq)
    text, tables, annexes = bulletin_text(bulletin_data(db, campaign_id, today), number)
    return number, official_docx(text, today, f"督查情况通报 {number}", tables, annexes)
