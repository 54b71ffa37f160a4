"""整改通知书: the rectification notice, laid out as GB/T 9704-2012 asks.

A4 with the text block 156 × 225 mm placed 37 mm from the top and 28 mm
from the binding edge; 3号 (16 pt) body on a 22-line grid; the issuing body
in red over a red rule, the 文号 two lines under it and the rule 4 mm under
the 文号; a 2号 (22 pt) title two lines under the rule; the signature and
date right-aligned with room for the seal; "— 1 —" page numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)
from sqlite_utils import Database

from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.fonts import FontSet, glyph_bounds, report_fonts
from inspector.reports.gridtext import GridParagraph, grid_tracking
from inspector.reports.pdfdoc import (
    DocMeta,
    Layout,
    NewDocument,
    ToOddPage,
    build_pdf,
    chinese_date,
)
from inspector.store.domains import PROJECT_KIND
from inspector.store.report_data import NoticeContext, notice_context

# GB/T 9704-2012 page geometry.
PAGE_W, PAGE_H = A4
TOP, LEFT = 37 * mm, 28 * mm
BLOCK_W, BLOCK_H = 156 * mm, 225 * mm
RIGHT = PAGE_W - LEFT - BLOCK_W
BOTTOM = PAGE_H - TOP - BLOCK_H
NOTICE_LAYOUT = Layout(pagesize=A4, left=LEFT, right=RIGHT, top=TOP, bottom=BOTTOM, footer="dash")

BODY_SIZE = 16  # 3号
TITLE_SIZE = 22  # 2号
LINE = BLOCK_H / 22  # 22 lines a page: 10.2 mm
RED = colors.HexColor("#E60012")
CHARS_PER_LINE = 28
TRACKING = grid_tracking(BODY_SIZE, BLOCK_W, CHARS_PER_LINE)  # about -0.2 pt
PITCH = BODY_SIZE + TRACKING  # one character on the grid: 156 mm / 28
MARK_TOP = 35 * mm  # 发文机关标志's top edge under the text block's top (7.2.1)
SEAL_D = 42 * mm
SEAL_TOP = 0.5 * LINE  # the seal's top within one line of the text above (7.3.5.1)
COLOPHON_ROW = 7 * mm
THICK_RULE, THIN_RULE = 0.35 * mm, 0.25 * mm

STANDARD_MEASURE = (
    "对照督查指出的问题查找原因，制定整改措施，明确责任人和完成时限，建立健全长效机制，确保整改到位"
)


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sentence(text: str) -> str:
    """The text ending with one full stop."""
    text = (text or "").strip().rstrip("。；;.，,")
    return f"{text}。" if text else ""


class DocNumberRule(Flowable):
    """The 文号 centred, and the red rule the width of the text block 4 mm under it."""

    def __init__(self, number: str, font: str, size: float = BODY_SIZE):
        super().__init__()
        self.number, self.font, self.size = number, font, size
        self.width = BLOCK_W
        self.height = size + 4 * mm + 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        # The 文号's lowest ink (the foot of 〔〕) 4 mm above the rule's middle.
        low = min(glyph_bounds(self.font, ch)[1] for ch in self.number) / 1000 * self.size
        c.setFont(self.font, self.size)
        c.drawCentredString(self.width / 2, 4 * mm + 0.5 - low, self.number)
        c.setStrokeColor(RED)
        c.setLineWidth(1)
        c.line(0, 0.5, self.width, 0.5)


class IssuingMark(Flowable):
    """发文机关标志: red, centred, its characters' top edge 35 mm under the text block's top.

    Placed by the glyphs' own ink box, so the distance holds for whichever
    font sets it (a ruler on the paper measures the ink, not the line box).
    """

    def __init__(self, text: str, font: str, size: float):
        super().__init__()
        self.text, self.font, self.size = text, font, size
        top = max(glyph_bounds(font, ch)[3] for ch in text) / 1000 * size
        low = min(glyph_bounds(font, ch)[1] for ch in text) / 1000 * size
        self.baseline = MARK_TOP + top  # from the frame's top down to the baseline
        self.width = BLOCK_W
        self.height = self.baseline - low

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(RED)
        c.setFont(self.font, self.size)
        c.drawCentredString(self.width / 2, self.height - self.baseline, self.text)


class SignatureBlock(Flowable):
    """发文机关署名 and 成文日期 with the room the seal needs.

    GB/T 9704 7.3.5.1: the date four characters in from the right, the body
    centred over it, the seal pressing on both with its top within one line of
    the text above. The block is as tall as the seal (42 mm, the usual size of
    a party department's seal) plus that line, so nothing below can run into it.
    """

    def __init__(
        self, body: str, date: str, font: str, size: float = BODY_SIZE, tracking: float = 0.0
    ):
        super().__init__()
        self.body, self.date, self.font, self.size = body, date, font, size
        self.tracking = tracking
        self.width = BLOCK_W
        # Seal top half a line under the text above; its centre a little above the
        # signature, so the signature and the date sit in its lower half.
        self.height = SEAL_TOP + SEAL_D * 0.5 + 1.5 * LINE

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _text_width(self, text: str) -> float:
        return float(stringWidth(text, self.font, self.size)) + self.tracking * len(text)

    def date_right(self) -> float:
        return float(self.width - 4 * (self.size + self.tracking))

    def seal_centre(self) -> tuple[float, float]:
        """The seal's centre in the block's own coordinates (x from the left, y up)."""
        centre_x = self.date_right() - self._text_width(self.date) / 2
        return centre_x, self.height - SEAL_TOP - SEAL_D / 2

    def draw(self) -> None:
        c = self.canv
        centre_x, _ = self.seal_centre()
        body_w = self._text_width(self.body)
        body_x = min(centre_x, self.width - body_w / 2) - body_w / 2
        date_x = self.date_right() - self._text_width(self.date)
        for text, x, y in ((self.body, body_x, 1.3 * LINE), (self.date, date_x, 0.3 * LINE)):
            t = c.beginText(x, y)
            t.setFont(self.font, self.size)
            t.setCharSpace(self.tracking)
            t.textOut(text)
            c.drawText(t)


class Colophon(Flowable):
    """版记: 抄送 and 印发机关/印发日期 between rules, its last rule on the text block's bottom.

    GB/T 9704 7.4: rules as wide as the text block, the first and last 0.35 mm,
    the ones between 0.25 mm; 4号 仿宋, one character in from each side. The
    flowable takes whatever height is left on the page so it always ends on
    the block's bottom edge; without room it moves to a new page whole.
    """

    size = 14  # 4号

    def __init__(self, copy_to: str, printer: str, printed_on: str, font: str):
        super().__init__()
        self.copy_to, self.printer, self.printed_on, self.font = (
            copy_to,
            printer,
            printed_on,
            font,
        )
        self.rows = 2 if copy_to else 1
        self.need = self.rows * COLOPHON_ROW + 2
        self.width = BLOCK_W
        self.height = self.need

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = avail_height if avail_height >= self.need else self.need
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(colors.black)
        c.setFillColor(colors.black)
        c.setFont(self.font, self.size)
        one = self.size
        top = self.rows * COLOPHON_ROW
        baseline = (COLOPHON_ROW - self.size) / 2 + 0.12 * self.size
        c.drawString(one, baseline, self.printer)
        c.drawRightString(self.width - one, baseline, f"{self.printed_on}印发")
        if self.copy_to:
            text = f"抄送：{self.copy_to}。".replace("。。", "。")
            c.drawString(one, COLOPHON_ROW + baseline, text)
            c.setLineWidth(THIN_RULE)
            c.line(0, COLOPHON_ROW, self.width, COLOPHON_ROW)
        c.setLineWidth(THICK_RULE)
        c.line(0, THICK_RULE / 2, self.width, THICK_RULE / 2)
        c.line(0, top - THICK_RULE / 2, self.width, top - THICK_RULE / 2)


def notice_title(township: str) -> str:
    return f"关于{township}基层党建工作督查发现问题整改的通知"


def _title_lines(township: str, font: str) -> str:
    """The title on one line if it fits, else broken where the meaning breaks (GB/T 9704)."""
    whole = notice_title(township)
    if stringWidth(whole, font, TITLE_SIZE) <= BLOCK_W:
        return _html(whole)
    first = f"关于{township}基层党建工作"
    if stringWidth(first, font, TITLE_SIZE) <= BLOCK_W:
        return f"关于{_html(township)}基层党建工作<br/>督查发现问题整改的通知"
    # a long name (a project site's, with its （示例） mark): the break after the name
    return f"关于{_html(township)}<br/>基层党建工作督查发现问题整改的通知"


def _you(kind: str) -> str:
    """你街道 / 你镇 / 你乡 / 你项目, as a notice addresses a township or a project site."""
    return f"你{kind}" if kind in ("街道", "镇", "乡", PROJECT_KIND) else "你单位"


def _your_committee(kind: str) -> str:
    """The township's own party body: 你街道党工委, 你镇党委, 你乡党委; a project's 党组织."""
    if kind == "街道":
        return "你街道党工委"
    if kind in ("镇", "乡"):
        return f"你{kind}党委"
    if kind == PROJECT_KIND:
        return "你项目党组织"
    return "你单位党组织"


@dataclass
class OfficialText:
    """What a GB/T 9704 paper says, apart from how it is set: the PDF and the Word
    version are both made from it, so the two never differ in a word."""

    issuing: str
    number: str
    title: str
    addressee: str
    blocks: list[tuple[str, str]]  # ("body" | "head", text)
    ending: list[str]  # the last paragraphs, kept on the page with the signature
    date: str
    note: str  # 附注, printed after the date
    copy_to: str
    printer: str
    keywords: dict[str, str] = field(default_factory=dict)


def notice_text(ctx: NoticeContext) -> OfficialText:
    n, t = ctx.notice, ctx.township
    issuing = ctx.issuing_body or "中共舟山市委组织部"
    you = _you(t["kind"])
    deadline = chinese_date(n["deadline"]) if n["deadline"] else ""
    basis = "根据"
    if ctx.campaign:
        basis += f"{ctx.campaign['name']}工作安排，"
    else:
        basis += "基层党建工作督查安排，"
    if ctx.inspected_on:
        basis += f"督导组于{chinese_date(ctx.inspected_on)}对{you}基层党建工作进行了督查。"
    else:
        basis += f"督导组对{you}基层党建工作进行了督查。"
    basis += f"督查发现，{you}在基层党建工作中还存在一些问题。现将有关问题及整改要求通知如下："
    blocks = [("body", basis), ("head", "一、存在问题及整改要求")]
    for i, p in enumerate(ctx.problems, 1):
        parts = [f"（{_chinese_number(i)}）{_sentence(p['text'])}"]
        measure = _sentence(p["measure"]) or _sentence(STANDARD_MEASURE)
        parts.append(f"整改要求：{measure}")
        if p["responsible_unit"]:
            parts.append(f"责任单位：{_sentence(p['responsible_unit'])}")
        if p["deadline"] and p["deadline"][:10] < n["issued_on"][:10]:
            parts.append(f"整改时限：原定{chinese_date(p['deadline'])}前，已逾期，请立即整改。")
        elif p["deadline"]:
            parts.append(f"整改时限：{chinese_date(p['deadline'])}前。")
        blocks.append(("body", "".join(parts)))
    blocks.append(("head", "二、有关要求"))
    blocks.append(
        (
            "body",
            f"（一）{_your_committee(t['kind'])}要高度重视，对照问题逐条制定整改措施，明确责任领导、"
            "责任人和完成时限，能立即整改的立行立改，需要一定时间整改的限期整改到位。",
        )
    )
    report_by = f"请于{deadline}前" if deadline else "请在整改时限内"
    blocks.append(("body", f"（二）{report_by}将整改情况书面报告{issuing}，并附佐证材料。"))
    return OfficialText(
        issuing=issuing,
        number=n["doc_number"],
        title=notice_title(t["name"]),
        addressee=n["addressee"],
        blocks=blocks,
        ending=["（三）对整改不力、逾期未完成整改的，将视情予以约谈、通报。"],
        date=chinese_date(n["issued_on"]),
        note=f"（联系人：{ctx.contact}）" if ctx.contact else "",
        copy_to=ctx.copy_to,
        printer=ctx.printer or issuing,
    )


def notice_story(ctx: NoticeContext, fonts: FontSet) -> list[Flowable]:
    text = notice_text(ctx)
    title = Paragraph(
        _title_lines(ctx.township["name"], fonts.title),
        _p("title", fonts.title, TITLE_SIZE, TITLE_SIZE * 1.5, TA_CENTER),
    )
    return official_story(text, fonts, title)


def body_paragraph(text: str, fonts: FontSet) -> GridParagraph:
    """A body paragraph of an official document: 仿宋 on the grid, indented two characters."""
    return GridParagraph(text, fonts.fangsong, BODY_SIZE, LINE, 2 * PITCH, tracking=TRACKING)


def heading_paragraph(text: str, fonts: FontSet) -> list[Flowable]:
    """A first-level heading (一、…) in 黑体 on the grid, never the end of a page.

    It moves to the next page only when it and two lines of what follows do not
    fit (CondPageBreak); keeping it with the whole next paragraph (keepWithNext)
    left up to a paragraph's height of the page blank.
    """
    return [
        CondPageBreak(3 * LINE),
        GridParagraph(
            text, fonts.hei, BODY_SIZE, LINE, 2 * PITCH, justify=False, tracking=TRACKING
        ),
    ]


def official_story(
    text: OfficialText, fonts: FontSet, title: Flowable, extra: list[Flowable] | None = None
) -> list[Flowable]:
    """The page: mark, 文号 over the red rule, title, addressee, the text, signature, 附注
    and 版记. `extra` goes between the text and the ending (tables, 附件说明)."""
    body_font = fonts.fangsong
    mark_size = min(34.0, BLOCK_W / (len(text.issuing) * 1.08))

    def body(line: str) -> GridParagraph:
        return body_paragraph(line, fonts)

    def head(line: str) -> list[Flowable]:
        return heading_paragraph(line, fonts)

    story: list[Flowable] = [
        IssuingMark(text.issuing, fonts.title, mark_size),
        Spacer(1, 1.5 * LINE),
        DocNumberRule(text.number, body_font),
        Spacer(1, 2 * LINE - 0.2 * LINE),
        title,
        Spacer(1, 0.6 * LINE),
        GridParagraph(
            f"{text.addressee}：", body_font, BODY_SIZE, LINE, justify=False, tracking=TRACKING
        ),
    ]
    for kind, t in text.blocks:
        story += head(t) if kind == "head" else [body(t)]
    story += extra or []
    # The signature never stands alone on a page: the last paragraphs go with it.
    ending: list[Flowable] = [body(t) for t in text.ending]
    ending.append(SignatureBlock(text.issuing, text.date, body_font, tracking=TRACKING))
    if text.note:  # 附注: the line after the date, two characters in (7.3.6)
        ending.append(body(text.note))
    story.append(KeepTogether(ending))
    story.append(Colophon(text.copy_to, text.printer, text.date, body_font))
    return story


def _p(name: str, font: str, size: float, leading: float, align: int, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading, alignment=align, wordWrap="CJK", **kw
    )


_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 35 → 三十五 (the （一） of numbered paragraphs)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def render_notice(ctx: NoticeContext, progress: Progress = NO_PROGRESS) -> bytes:
    fonts = report_fonts()
    issued = dt.date.fromisoformat(ctx.notice["issued_on"][:10])
    meta = DocMeta(
        title=notice_title(ctx.township["name"]),
        subject=f"整改通知书 {ctx.notice['doc_number']}",
        author=ctx.issuing_body or "中共舟山市委组织部",
        created=issued,
    )
    return build_pdf(notice_story(ctx, fonts), meta, NOTICE_LAYOUT, progress, fonts)


def several(stories: list[list[Flowable]], duplex: bool = False) -> list[Flowable]:
    """Documents one after another in one file, each from a new page and numbered on its
    own ("— 1 —" again), so the file prints as the documents would one by one. `duplex`:
    each from an odd page, a document with an odd page count followed by a blank,
    unnumbered page, so printed on both sides no sheet carries two documents."""
    story: list[Flowable] = []
    for n, part in enumerate(stories):
        if n:
            story.append(PageBreak())
            if duplex:
                story.append(ToOddPage())
        story += [NewDocument(), *part]
    return story


def render_notices(
    contexts: list[NoticeContext], title: str, day: dt.date, progress: Progress = NO_PROGRESS
) -> bytes:
    """Several notices as one PDF to print or save: laid out as each alone, one embedding
    of each font for the whole file (joining the single PDFs carried one per notice), each
    notice from a front side for duplex printing (a blank page after an odd count)."""
    fonts = report_fonts()
    author = (contexts[0].issuing_body if contexts else "") or "中共舟山市委组织部"
    meta = DocMeta(title=title, subject=title, author=author, created=day)
    return build_pdf(
        several([notice_story(ctx, fonts) for ctx in contexts], duplex=True),
        meta,
        NOTICE_LAYOUT,
        progress,
        fonts,
    )


def notice_pdf(db: Database, notice_id: str, progress: Progress = NO_PROGRESS) -> bytes:
    """Render a notice afresh from the database (the archive holds the issued bytes)."""
    return render_notice(notice_context(db, notice_id), progress)


def notice_docx(db: Database, notice_id: str) -> bytes:
    """The notice as a Word document, word for word the PDF's, to edit before 签发."""
    from inspector.reports.word import official_docx

    ctx = notice_context(db, notice_id)
    issued = dt.date.fromisoformat(ctx.notice["issued_on"][:10])
    return official_docx(notice_text(ctx), issued, f"整改通知书 {ctx.notice['doc_number']}")
