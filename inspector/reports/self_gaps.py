"""The summary's section on self-assessment (自评与督查差距): where townships rated themselves
furthest from what the inspectors found.

Two tables: the townships with the largest score gap (自评得分 − 督查得分,
either sign) and the items on which the townships' own verdicts differ most
(the sum over townships of |item gap|, an item gap being (own share −
inspectors' share) × points). Absent when no township returned a sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Paragraph

from inspector.reports.fonts import FontSet
from inspector.reports.pdfdoc import grid_style, style, wrap_text
from inspector.store.report_data import SummaryData

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

SIZE = 9.5


TITLE = "自评与督查差距"
NOTE = (
    "差距为自评减督查：正数表示自评高于督查结论。条目差距 =（自评得分比例 − "
    "督查得分比例）× 分值，只比对双方均计分的条目；自评不计入督查得分和排名。"
)
TOWNSHIPS_SUB = "（一）自评与督查得分差距最大的{unit}"
ITEMS_SUB = "（二）自评与督查结论分歧最大的条目"


def has_gaps(data: SummaryData) -> bool:
    """Whether any township returned a sheet (else the section is left out)."""
    return bool(data.self_townships or data.self_items)


def unit(data: SummaryData) -> str:
    """What the campaign inspects: 乡镇（街道）, or 项目 for a form of target project."""
    return "项目" if data.form.target == "project" else "乡镇（街道）"


def township_rows(data: SummaryData) -> list[list[str]]:
    """The townships furthest from the inspectors, header first: the PDF and the Word file."""
    rows = [["县区", unit(data), "自评得分", "督查得分", "差距", "不一致条目数"]]
    for t in data.self_townships:
        rows.append(
            [
                t.county,
                t.township,
                f"{t.self_score:.1f}",
                f"{t.score:.1f}",
                f"{t.gap:+.1f}",
                str(t.items_apart),
            ]
        )
    return rows


def item_rows(data: SummaryData) -> list[list[str]]:
    """The items the townships judged most unlike the inspectors, header first; the item
    cell is its id and its text cut to 40 characters, for the layout to wrap."""
    rows = [["督查条目", "比对乡镇数", "不一致乡镇数", "平均差距（分）"]]
    for i in data.self_items:
        text = i.text if len(i.text) <= 40 else i.text[:39] + "…"
        rows.append([f"{i.item_id} {text}", str(i.compared), str(i.apart), f"{i.mean:+.2f}"])
    return rows


def gap_story(data: SummaryData, fonts: FontSet, number: str) -> list[Flowable]:
    """The section under its heading number (the summary's last); nothing without sheets."""
    if not has_gaps(data):
        return []
    heading = style("h", fonts.hei, 13, 20, spaceBefore=8, spaceAfter=5)
    sub = style("h4", fonts.hei, 11, 16, spaceBefore=4, spaceAfter=3)
    note = style("n9", fonts.song, 9, 13)
    story: list[Flowable] = [Paragraph(f"{number}、{TITLE}", heading)]
    if data.self_townships:
        widths = [24 * mm, 40 * mm, 24 * mm, 24 * mm, 24 * mm, 30 * mm]
        story += [
            Paragraph(TOWNSHIPS_SUB.format(unit=unit(data)), sub),
            _table(township_rows(data), widths, fonts),
        ]
    if data.self_items:
        widths = [86 * mm, 26 * mm, 28 * mm, 26 * mm]
        rows = item_rows(data)
        for row in rows[1:]:
            row[0] = wrap_text(row[0], fonts.song, SIZE, widths[0] - 6)
        story += [Paragraph(ITEMS_SUB, sub), _table(rows, widths, fonts)]
    story.append(Paragraph(NOTE, note))
    return story


def gap_docx(doc: DocxDocument, data: SummaryData, number: str) -> None:
    """The same section in a Word document (`reports.word`); nothing without sheets."""
    from inspector.reports import word

    if not has_gaps(data):
        return
    word.heading(doc, f"{number}、{TITLE}")
    if data.self_townships:
        word.text_paragraph(doc, TOWNSHIPS_SUB.format(unit=unit(data)))
        word.add_table(doc, township_rows(data), size=9)
    if data.self_items:
        word.text_paragraph(doc, ITEMS_SUB)
        word.add_table(doc, item_rows(data), size=9)
    word.text_paragraph(doc, NOTE, size=9)


def _table(rows: list[list[str]], widths: list[float], fonts: FontSet) -> LongTable:
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        grid_style(fonts.song, SIZE, fonts.hei, extra=[("ALIGN", (1, 1), (-1, -1), "CENTER")])
    )
    return table
