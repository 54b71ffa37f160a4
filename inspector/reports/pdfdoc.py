"""What every report shares: reproducible PDF bytes, page-number footers, CJK styles.

Reproducible: reportlab's invariant mode plus the report's own date as the
creation date, so the same data and date give the same bytes (a re-printed
notice can be compared with the archived one). The footer needs the page
count, which is known only at the end: the canvas keeps each page's state
and draws the footers when the document is saved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    TableStyle,
)
from reportlab.platypus import paragraph as _paragraph

from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.fonts import FontSet, glyph_bounds, report_fonts
from inspector.reports.gridtext import (  # the two marks re-exported for older callers
    NO_LINE_START,  # noqa: F401
    break_lines,
    char_width,  # noqa: F401
)

AUTHOR_DEFAULT = "督查通 Inspector"

# reportlab's CJK line breaker knows only some of the marks that may not start a
# line; without the full-width comma, colon and semicolon a line can open with "，".
_textsplit.ALL_CANNOT_START = _paragraph.ALL_CANNOT_START = "".join(
    dict.fromkeys(_textsplit.ALL_CANNOT_START + "，：；！？”’》〉」』〕】）％")
)
GRID_GREY = colors.HexColor("#808080")
COLUMN_GAP = 6 * mm
HEADER_FILL = colors.HexColor("#E8E8E8")


@dataclass(frozen=True)
class DocMeta:
    title: str
    subject: str
    author: str
    created: dt.date


@dataclass(frozen=True)
class Layout:
    """Page size, margins and the footer: "page_of" (第 X 页 共 Y 页) or "dash" (— X —)."""

    pagesize: tuple[float, float] = A4
    left: float = 20 * mm
    right: float = 20 * mm
    top: float = 20 * mm
    bottom: float = 20 * mm
    footer: str = "page_of"


def fixed_timestamp(day: dt.date) -> TimeStamp:
    """reportlab's time stamp set to midnight UTC of `day` (creation and modification date)."""
    ts = TimeStamp(invariant=True)
    seconds = calendar.timegm(day.timetuple())
    ts.t = seconds
    ts.lt = time.gmtime(seconds)
    ts.YMDhms = tuple(ts.lt)[:6]
    return ts


def _canvas_class(layout: Layout, fonts: FontSet, day: dt.date) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds pages back until save() so each footer can say how many pages there are."""

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = fixed_timestamp(day)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._unnumbered = False  # set again by the page that wants no number
            self._startPage()

        def save(self) -> None:
            # Each document of a file of several (NewDocument) counts its own pages.
            firsts = [state.get("_document_first", 1) for state in self._pages]
            totals = {first: firsts.count(first) for first in firsts}
            for state, first in zip(self._pages, firsts, strict=True):
                self.__dict__.update(state)
                if not state.get("_unnumbered"):
                    self._footer(self._pageNumber - first + 1, totals[first])
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, page: int, total: int) -> None:
            width, _ = layout.pagesize
            self.saveState()
            if layout.footer == "dash":
                # GB/T 9704: 4号 digits with a dash each side, the dash's stroke 7 mm
                # under the text block; odd pages right, even pages left, one character in.
                size = 14
                text = f"— {page} —"
                _x0, low, _x1, high = glyph_bounds(fonts.song, "—")
                y = layout.bottom - 7 * mm - (low + high) / 2000 * size
                self.setFont(fonts.song, size)
                if page % 2:
                    self.drawRightString(width - layout.right - size, y, text)
                else:
                    self.drawString(layout.left + size, y, text)
            else:
                self.setFont(fonts.bundled, 9)
                self.setFillColor(colors.HexColor("#404040"))
                self.drawCentredString(
                    width / 2, layout.bottom / 2 - 3, f"第 {page} 页 共 {total} 页"
                )
            self.restoreState()

    return NumberedCanvas


class NewDocument(Flowable):
    """Where the next document of a file of several starts: its pages are numbered from 1
    and its page count is its own, as if it had been printed alone.

    Zero-sized, so the page's first line stays where it would be without it.
    """

    _ZEROSIZE = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._document_first = self.canv.getPageNumber()


class UnnumberedPage(Flowable):
    """The page it is drawn on carries no page number (GB/T 9704 7.5: the 版记页 and a
    blank page before it)."""

    _ZEROSIZE = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._unnumbered = True


class ToOddPage(ActionFlowable):
    """At the top of an even page, leave it blank and unnumbered: what follows starts on the
    odd page after it, a front side when the file is printed on both sides (each notice
    of a batch on its own sheets)."""

    def apply(self, doc: BaseDocTemplate) -> None:
        if doc.page % 2 == 0:
            doc.canv._unnumbered = True
            doc.handle_pageBreak()


class ToEvenPage(ActionFlowable):
    """At the top of an odd page, leave it blank and unnumbered: what follows starts on the
    even page behind it (GB/T 9704 puts the 版记 on the last even page, 封四)."""

    def apply(self, doc: BaseDocTemplate) -> None:
        if doc.page % 2:
            doc.canv._unnumbered = True
            doc.handle_pageBreak()


def build_pdf(
    story: list[Flowable],
    meta: DocMeta,
    layout: Layout | None = None,
    progress: Progress = NO_PROGRESS,
    fonts: FontSet | None = None,
) -> bytes:
    """Lay out the story on the page and return the PDF bytes."""
    layout = layout or Layout()
    fonts = fonts or report_fonts()
    out = io.BytesIO()
    width, height = layout.pagesize
    doc = BaseDocTemplate(
        out,
        pagesize=layout.pagesize,
        leftMargin=layout.left,
        rightMargin=layout.right,
        topMargin=layout.top,
        bottomMargin=layout.bottom,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator=AUTHOR_DEFAULT,
        producer=AUTHOR_DEFAULT,
        invariant=1,
        pageCompression=1,
        lang="zh-CN",
        initialFontName=fonts.bundled,
    )
    inner_w = width - layout.left - layout.right
    inner_h = height - layout.top - layout.bottom
    frame = Frame(
        layout.left,
        layout.bottom,
        inner_w,
        inner_h,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    # "two": the same page in two columns, for long narrow tables (a province's ranking).
    half = (inner_w - COLUMN_GAP) / 2
    columns = [
        Frame(
            layout.left + i * (half + COLUMN_GAP),
            layout.bottom,
            half,
            inner_h,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=f"column{i}",
        )
        for i in (0, 1)
    ]
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame]), PageTemplate(id="two", frames=columns)]
    )
    total = max(len(story), 1)

    def on_progress(kind: str, value: int) -> None:
        if kind == "PROGRESS":
            progress(min(value, total), total, "")

    doc.setProgressCallBack(on_progress)
    doc.build(story, canvasmaker=_canvas_class(layout, fonts, meta.created))
    return out.getvalue()


def style(
    name: str, font: str, size: float, leading: float | None = None, **kwargs: Any
) -> ParagraphStyle:
    """A paragraph style that breaks Chinese lines anywhere (wordWrap CJK)."""
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading or size * 1.5, wordWrap="CJK", **kwargs
    )


def title_style(fonts: FontSet, size: float = 18) -> ParagraphStyle:
    return style("title", fonts.title, size, size * 1.6, alignment=TA_CENTER, spaceAfter=6)


def wrap_text(text: str, font: str, size: float, width: float) -> str:
    """Break text into lines no wider than `width`, as one string with newlines.

    Table cells holding plain strings lay out far faster than Paragraphs, which
    is what lets a province's ranking and problem lists build in seconds. The
    breaking is the notice's (禁则: no "（" or "“" ending a line, no "，" or "）"
    opening one, a number kept with its unit).
    """
    return "\n".join(
        line
        for raw in (text or "").splitlines() or [""]
        for line in break_lines(raw, font, size, width)
    )


def grid_style(
    font: str,
    size: float = 9,
    header_font: str | None = None,
    extra: Sequence[tuple[Any, ...]] = (),
) -> TableStyle:
    """A ruled table with a shaded header row (the header repeats on every page)."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("LEADING", (0, 0), (-1, -1), size * 1.3),
            ("FONTNAME", (0, 0), (-1, 0), header_font or font),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.5, GRID_GREY),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]
    )


def chinese_date(day: dt.date | str | None) -> str:
    """2026年11月20日 — Arabic numerals, as GB/T 9704-2012 writes the 成文日期."""
    if not day:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return f"{day.year}年{day.month}月{day.day}日"


class GroupedTable(LongTable):
    """A LongTable whose group columns (县区, 乡镇) are printed once per group, and again
    on the first row of every page the group continues on, so no page starts blank there."""

    group_cols: tuple[int, ...] = ()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) == 2 and self.group_cols:
            head, tail = parts
            tail.group_cols = self.group_cols
            first = getattr(tail, "repeatRows", 0) or 0
            first = first if isinstance(first, int) else len(first)
            if first < len(tail._cellvalues):
                row = tail._cellvalues[first]
                for col in self.group_cols:
                    if row[col] in ("", None):
                        row[col] = _last_value(head._cellvalues, col)
        return parts


def _last_value(rows: list[list[Any]], col: int) -> Any:
    for row in reversed(rows):
        if row[col] not in ("", None):
            return row[col]
    return ""


def grouped_table(
    rows: list[list[Any]], group_cols: tuple[int, ...], **kwargs: Any
) -> GroupedTable:
    table = GroupedTable(rows, **kwargs)
    table.group_cols = group_cols
    return table
