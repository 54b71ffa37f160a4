"""督查情况反馈表: one township's result, left with the township after the inspection.

Scores per section and in total, the stars, any 一票否决 that capped them,
the problems found with their deadlines, and lines for both sides to sign.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, LongTable, Paragraph, Spacer, Table
from sqlite_utils import Database

from inspector.core.problems import STATUS_LABELS, Status
from inspector.core.scoring import Answer, Verdict, star_text
from inspector.core.self_assessment import answer_text, item_gap
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
from inspector.store.domains import PROJECT_KIND
from inspector.store.report_data import InspectionReport, inspection_report

STAR_RED = colors.HexColor("#C00000")
SELF_BLUE = colors.HexColor("#1F4E79")


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:g}" if value == int(value) else f"{value:.1f}"


def _unit(township: dict[str, Any]) -> str:
    """The label of the inspected unit's name: a township, or a project site."""
    return "项目名称" if township["kind"] == PROJECT_KIND else "乡镇（街道）"


def _signer(township: dict[str, Any]) -> str:
    """Who signs for the inspected side: the township, or the project's party organisation."""
    return "项目党组织" if township["kind"] == PROJECT_KIND else "乡镇（街道）"


def _info_table(data: InspectionReport, fonts: FontSet) -> Table:
    c, t, i = data.campaign, data.township, data.inspection
    rows = [
        ["督查批次", c["name"], "", ""],
        [_unit(t), t["name"], "所属县区", t["county"]],
        ["督查日期", chinese_date(i["inspected_on"]), "督导组", i["team"] or "—"],
    ]
    table = Table(rows, colWidths=[28 * mm, 62 * mm, 24 * mm, 56 * mm])
    table.setStyle(
        grid_style(
            fonts.song,
            10.5,
            extra=[
                ("SPAN", (1, 0), (3, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F0F0F0")),
                ("BACKGROUND", (2, 1), (2, -1), colors.HexColor("#F0F0F0")),
                ("FONTNAME", (0, 0), (0, -1), fonts.hei),
                ("FONTNAME", (2, 1), (2, -1), fonts.hei),
                ("ALIGN", (0, 0), (-1, 0), "LEFT"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
        )
    )
    return table


def _score_table(data: InspectionReport, fonts: FontSet) -> Table:
    size = 10
    own = data.self_score  # the township's 自评, scored alike: one more column when it exists
    own_rates = {s.section_id: s.score for s in own.sections} if own else {}
    text_width = 60 if own else 76
    header = ["督查内容", "", "应得分", "实得分", "得分率", "已查/条目"] + (["自评"] if own else [])
    rows: list[list[str]] = [header]
    vetoed_sections = {i.section_id for i in data.veto_items}
    vetoed_rows = []
    for s in data.score.sections:
        if not s.items:  # a notes-only section carries no points
            continue
        # A failed veto item is not a percentage: the section says 否决 in red instead.
        rate = "否决" if s.section_id in vetoed_sections else _fmt(s.score)
        if s.section_id in vetoed_sections:
            vetoed_rows.append(len(rows))
        rows.append(
            [
                wrap_text(s.title, fonts.song, size, (text_width + 8) * mm),
                "",
                _fmt(s.applicable),
                _fmt(round(s.earned, 2)),
                rate,
                f"{s.answered}/{s.items}",
                *([_fmt(own_rates.get(s.section_id))] if own else []),
            ]
        )
    sc = data.score
    rows.append(
        [
            "合计",
            "",
            _fmt(sc.applicable),
            _fmt(round(sc.earned, 2)),
            _fmt(sc.score),
            f"{sc.answered}/{sc.items}",
            *([_fmt(own.score)] if own else []),
        ]
    )
    stars_row = len(rows)
    rows.append(
        [
            "总分",
            f"{sc.score:.1f} 分",
            "星级",
            star_text(sc.stars, data.form.rating.max_stars),
            "",
            "",
            *([""] if own else []),
        ]
    )
    widths = [14 * mm, text_width * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm]
    table = Table(rows, colWidths=widths + ([16 * mm] if own else []), repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.song,
            size,
            fonts.hei,
            extra=[
                ("ALIGN", (2, 1), (-1, -1), "CENTER"),
                *[("SPAN", (0, r), (1, r)) for r in range(stars_row)],
                *([("TEXTCOLOR", (6, 0), (6, stars_row - 1), SELF_BLUE)] if own else []),
                ("FONTNAME", (0, stars_row - 1), (-1, -1), fonts.hei),
                ("SPAN", (3, stars_row), (-1, stars_row)),
                ("FONTNAME", (3, stars_row), (3, stars_row), fonts.bundled),
                ("FONTSIZE", (3, stars_row), (3, stars_row), 14),
                ("TEXTCOLOR", (3, stars_row), (3, stars_row), STAR_RED),
                ("FONTSIZE", (1, stars_row), (1, stars_row), 12),
                ("TOPPADDING", (0, stars_row), (-1, stars_row), 4),
                ("BOTTOMPADDING", (0, stars_row), (-1, stars_row), 6),
                *[("TEXTCOLOR", (4, r), (4, r), STAR_RED) for r in vetoed_rows],
                *[("FONTNAME", (4, r), (4, r), fonts.hei) for r in vetoed_rows],
            ],
        )
    )
    return table


def _veto_notes(data: InspectionReport, fonts: FontSet) -> list[Flowable]:
    if not data.veto_items:
        return []
    body = style("veto", fonts.song, 10.5, textColor=STAR_RED)
    names = "、".join(f"{i.id} {i.text.rstrip('。；;，, ')}" for i in data.veto_items)
    cap = data.form.rating.veto_cap
    return [Spacer(1, 3 * mm), Paragraph(f"一票否决：{escape(names)}，星级封顶 {cap} 星。", body)]


def _problem_table(data: InspectionReport, fonts: FontSet) -> Flowable:
    size = 9.5
    if not data.problems:
        return Paragraph("本次督查未发现问题。", style("none", fonts.song, 10.5))
    widths = [10 * mm, 34 * mm, 50 * mm, 28 * mm, 24 * mm, 24 * mm]
    rows = [["序号", "督查条目", "问题", "责任单位", "整改时限", "状态"]]
    overdue_rows = []
    for n, p in enumerate(data.problems, 1):
        status = STATUS_LABELS[Status(p["status"])]
        if p["overdue"]:
            status += "\n（已逾期）"
            overdue_rows.append(n)
        rows.append(
            [
                str(n),
                wrap_text(_item_label(data, p["item_id"]), fonts.song, size, widths[1] - 6),
                wrap_text(p["text"], fonts.song, size, widths[2] - 6),
                wrap_text(p["responsible_unit"], fonts.song, size, widths[3] - 6),
                p["deadline"] or "—",
                status,
            ]
        )
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (4, 1), (5, -1), "CENTER"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
    ]
    extra += [("TEXTCOLOR", (5, r), (5, r), STAR_RED) for r in overdue_rows]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(fonts.song, size, fonts.hei, extra=extra))
    return table


def _self_table(data: InspectionReport, fonts: FontSet) -> list[Flowable]:
    """三、自评对照: the items where the township's own verdict is not the inspectors'."""
    if data.self_score is None:
        return []
    heading = style("h3", fonts.hei, 12, 18, spaceBefore=10, spaceAfter=5, alignment=TA_LEFT)
    size = 9.5
    widths = [70 * mm, 30 * mm, 30 * mm, 20 * mm]
    rows: list[list[Any]] = [["督查条目", "督查结论", "自评", "差距（分）"]]
    for label, theirs, own, gap in self_comparison_rows(data):
        rows.append([wrap_text(label, fonts.song, size, widths[0] - 6), theirs, own, gap])
    own_score = data.self_score.score
    note = style("small2", fonts.song, 9, 13, textColor=colors.HexColor("#404040"))
    story: list[Flowable] = [
        Paragraph(f"三、自评对照（自评得分 {own_score:.1f} 分）", heading),
    ]
    if len(rows) == 1:
        story.append(Paragraph("自评结论与督查结论一致。", style("same", fonts.song, 10.5)))
        return story
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(
            fonts.song,
            size,
            fonts.hei,
            extra=[("ALIGN", (1, 1), (-1, -1), "CENTER"), ("VALIGN", (0, 1), (-1, -1), "TOP")],
        )
    )
    story += [
        table,
        Paragraph(
            "差距 = （自评得分比例 − 督查得分比例）× 分值；正数为自评高于督查结论。"
            "自评不计入督查得分。",
            note,
        ),
    ]
    return story


def self_comparison_rows(data: InspectionReport) -> list[list[str]]:
    """The items whose own verdict is not the inspectors': label, theirs, own, the gap."""
    found = []
    for item in data.form.items:
        own = data.self_rows.get(item.id) or {}
        theirs = data.answer_rows.get(item.id) or {}
        own_text = answer_text(item, own.get("verdict"), own.get("number"))
        their_text = answer_text(item, theirs.get("verdict"), theirs.get("number"))
        if not own_text or own_text == their_text:
            continue
        gap = item_gap(item, _as_answer(own), _as_answer(theirs) if theirs else None)
        found.append(
            [
                _item_label(data, item.id),
                their_text or "未查",
                own_text,
                "—" if gap is None else f"{gap:+g}",
            ]
        )
    return found


def _as_answer(row: dict[str, Any]) -> Answer:
    return Answer(Verdict(row["verdict"]) if row.get("verdict") else None, row.get("number"))


EVIDENCE_HEADER = ["序号", "督查条目", "文件", "说明", "拍摄时间"]


def evidence_rows(data: InspectionReport, time_break: str = "\n") -> list[list[str]]:
    """One row per attachment, in the form's order: number, item, file, caption, time taken.

    Shared by the PDF and the Word version so both list the same evidence; `time_break`
    splits date from time (a line break in the PDF's narrow column)."""
    rows = []
    for n, att in enumerate(data.evidence, 1):
        when = att.get("taken_at") or ""
        rows.append(
            [
                str(n),
                _item_label(data, att["item_id"]),
                att["filename"] or "—",
                att["caption"] or "—",
                f"{when[:10]}{time_break}{when[11:16]}" if when else "不详",
            ]
        )
    return rows


def _evidence_heading(data: InspectionReport) -> str:
    """The section's number follows the self-assessment section when there is one."""
    return f"{'四' if data.self_score is not None else '三'}、佐证材料（{len(data.evidence)} 份）"


def _evidence_table(data: InspectionReport, fonts: FontSet) -> Flowable:
    """The photos and scans the inspectors attached, each with its caption and time taken:
    what the township signs for is what was seen, and when."""
    size = 9.5
    widths = [10 * mm, 44 * mm, 40 * mm, 48 * mm, 28 * mm]
    rows: list[list[str]] = [EVIDENCE_HEADER]
    for number, item, filename, caption, when in evidence_rows(data):
        rows.append(
            [
                number,
                wrap_text(item, fonts.song, size, widths[1] - 6),
                wrap_text(filename, fonts.song, size, widths[2] - 6),
                wrap_text(caption, fonts.song, size, widths[3] - 6),
                when,
            ]
        )
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
    ]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(fonts.song, size, fonts.hei, extra=extra))
    return table


def _item_label(data: InspectionReport, item_id: str | None) -> str:
    """The item's code with its text, cut short: a bare "P03" means nothing to the township."""
    if not item_id:
        return "—"
    try:
        text = data.form.item(item_id).text.rstrip("。；;，, ")
    except KeyError:
        return item_id
    return f"{item_id} {text if len(text) <= 30 else text[:29] + '…'}"


def subtitle(form_title: str) -> str:
    """The form's title as the edition it is: （2017年） names the form's year, not the
    campaign's, so it reads （2017年版）."""
    return re.sub(r"（(\d{4})年）$", r"（\1年版）", form_title)


def _closing(data: InspectionReport) -> str:
    if not data.problems:
        return "本次督查未发现需要整改的问题，请继续保持，巩固提升基层党建工作水平。"
    if all(p["status"] == Status.CLOSED for p in data.problems):
        return "本次督查发现的问题均已整改销号，请巩固整改成果，建立长效机制。"
    return "请对照问题清单逐项整改，在整改时限内书面报告整改情况并附佐证材料。"


def _signatures(data: InspectionReport, fonts: FontSet) -> Flowable:
    size = 11
    line = "＿" * 12
    rows = [
        [f"督导组成员签字：{line}", f"日期：{'＿' * 6}"],
        ["", ""],
        [f"{_signer(data.township)}负责人签字：{line}", f"日期：{'＿' * 6}"],
    ]
    table = Table(rows, colWidths=[115 * mm, 55 * mm], rowHeights=[10 * mm, 6 * mm, 10 * mm])
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.song),
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return KeepTogether([Spacer(1, 10 * mm), table])


def star_story(data: InspectionReport, fonts: FontSet) -> list[Flowable]:
    heading = style("h", fonts.hei, 12, 18, spaceBefore=10, spaceAfter=5, alignment=TA_LEFT)
    small = style("small", fonts.song, 9, 13, textColor=colors.HexColor("#404040"))
    sc = data.score
    story: list[Flowable] = [
        Paragraph("督查情况反馈表", title_style(fonts, 20)),
        Paragraph(
            escape(subtitle(data.form.title)),
            style("sub", fonts.song, 11, 16, alignment=1, spaceAfter=10),
        ),
        _info_table(data, fonts),
        Paragraph("一、得分情况", heading),
        _score_table(data, fonts),
        Spacer(1, 2 * mm),
        Paragraph(
            f"得分 = 实得分 ÷ 应得分 × 100（不适用及未查条目不计入应得分）。"
            f"已查 {sc.answered} 项，共 {sc.items} 项。"
            + ("督查未完成，得分和星级为暂评，不参加排名。" if sc.answered < sc.items else ""),
            small,
        ),
        *_veto_notes(data, fonts),
        Paragraph(f"二、发现问题（{len(data.problems)} 个）", heading),
        _problem_table(data, fonts),
        *(
            [Paragraph(f"整改状态及是否逾期截至{chinese_date(data.today)}。", small)]
            if data.problems
            else []
        ),
        *_self_table(data, fonts),
        *(
            [
                Paragraph(_evidence_heading(data), heading),
                _evidence_table(data, fonts),
            ]
            if data.evidence
            else []
        ),
        Paragraph(_closing(data), style("req", fonts.song, 10.5, 16, spaceBefore=6)),
        _signatures(data, fonts),
    ]
    return story


def render_star(data: InspectionReport, progress: Progress = NO_PROGRESS) -> bytes:
    fonts = report_fonts()
    meta = DocMeta(
        title=f"督查情况反馈表 — {data.township['name']}",
        subject=data.campaign["name"],
        author=data.issuing_body or AUTHOR_DEFAULT,
        created=data.today,
    )
    return build_pdf(star_story(data, fonts), meta, Layout(), progress, fonts)


def star_report_pdf(
    db: Database,
    campaign_id: str,
    township_id: str,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> bytes:
    """The 督查情况反馈表 of one township in one campaign, as PDF bytes."""
    data = inspection_report(db, campaign_id, township_id, today or dt.date.today())
    return render_star(data, progress)


def star_docx(db: Database, campaign_id: str, township_id: str, today: dt.date) -> bytes:
    """The 督查情况反馈表 as a Word document: the same tables and words as the PDF."""
    from inspector.reports import word

    data = inspection_report(db, campaign_id, township_id, today)
    c, t, i, sc = data.campaign, data.township, data.inspection, data.score
    doc = word.plain_document("督查情况反馈表", subtitle(data.form.title))
    word.add_table(
        doc,
        [
            ["督查批次", c["name"], "", ""],
            [_unit(t), t["name"], "所属县区", t["county"]],
            ["督查日期", chinese_date(i["inspected_on"]), "督导组", i["team"] or "—"],
        ],
    )
    word.heading(doc, "一、得分情况")
    vetoed = {v.section_id for v in data.veto_items}
    own = data.self_score
    own_rates = {s.section_id: s.score for s in own.sections} if own else {}
    rows = [["督查内容", "应得分", "实得分", "得分率", "已查/条目"] + (["自评"] if own else [])]
    rows += [
        [
            s.title,
            _fmt(s.applicable),
            _fmt(round(s.earned, 2)),
            "否决" if s.section_id in vetoed else _fmt(s.score),
            f"{s.answered}/{s.items}",
            *([_fmt(own_rates.get(s.section_id))] if own else []),
        ]
        for s in sc.sections
        if s.items
    ]
    rows.append(
        [
            "合计",
            _fmt(sc.applicable),
            _fmt(round(sc.earned, 2)),
            _fmt(sc.score),
            f"{sc.answered}/{sc.items}",
            *([_fmt(own.score)] if own else []),
        ]
    )
    rows.append(
        ["总分", f"{sc.score:.1f} 分", "星级", star_text(sc.stars, data.form.rating.max_stars), ""]
        + ([""] if own else [])
    )
    word.add_table(doc, rows)
    if data.veto_items:
        names = "、".join(f"{v.id} {v.text.rstrip('。；;，, ')}" for v in data.veto_items)
        word.text_paragraph(doc, f"一票否决：{names}，星级封顶 {data.form.rating.veto_cap} 星。")
    word.heading(doc, f"二、发现问题（{len(data.problems)} 个）")
    if data.problems:
        prob = [["序号", "督查条目", "问题", "责任单位", "整改时限", "状态"]]
        for n, p in enumerate(data.problems, 1):
            status = STATUS_LABELS[Status(p["status"])] + ("（已逾期）" if p["overdue"] else "")
            prob.append(
                [
                    str(n),
                    _item_label(data, p["item_id"]),
                    p["text"],
                    p["responsible_unit"],
                    p["deadline"] or "—",
                    status,
                ]
            )
        word.add_table(doc, prob, size=9.5)
        word.text_paragraph(doc, f"整改状态及是否逾期截至{chinese_date(data.today)}。", 9)
    else:
        word.text_paragraph(doc, "本次督查未发现问题。")
    if own is not None:
        word.heading(doc, f"三、自评对照（自评得分 {own.score:.1f} 分）")
        apart = self_comparison_rows(data)
        if apart:
            word.add_table(doc, [["督查条目", "督查结论", "自评", "差距（分）"], *apart], size=9.5)
        else:
            word.text_paragraph(doc, "自评结论与督查结论一致。")
    if data.evidence:
        word.heading(doc, _evidence_heading(data))
        word.add_table(doc, [EVIDENCE_HEADER, *evidence_rows(data, " ")], size=9.5)
    word.text_paragraph(doc, _closing(data))
    word.add_table(
        doc,
        [
            [f"督导组成员签字：{'＿' * 12}", f"日期：{'＿' * 6}"],
            [f"{_signer(data.township)}负责人签字：{'＿' * 12}", f"日期：{'＿' * 6}"],
        ],
        size=11,
    )
    return word.finish(
        doc, f"督查情况反馈表 — {t['name']}", data.issuing_body or AUTHOR_DEFAULT, today
    )
