"""Word versions (.docx) of the papers, for an office to edit before 签发.

Made from the same text as the PDFs. The official papers (notice, 通报) carry
the GB/T 9704 geometry in Word's own terms: an A4 section with the 版心
156 × 225 mm at 37 mm from the top and 28 mm from the left, a document grid
of 22 lines × 28 characters of 3号, first lines indented two characters, the
red rule as the 文号 paragraph's border, "— 1 —" page numbers right on odd
pages and left on even ones, and the 版记 as a table anchored to the bottom
of the text block. Every run names its East Asian font (w:eastAsia), so Word
never falls back to a Latin font for Chinese.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from inspector.reports.notice import BLOCK_W, OfficialText

# Font names as Windows and WPS know them; Word substitutes where one is missing.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEAD_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
SONG_FONT = "宋体"
LATIN_FONT = "Times New Roman"
RED = RGBColor(0xE6, 0x00, 0x12)

BODY_PT = 16
LINE_PT = 225 / 22 * 72 / 25.4  # the 22-line grid: 28.99 pt
PITCH_PT = BLOCK_W / 28  # 28 characters on the 156 mm line


def set_font(
    run: Run,
    east_asia: str,
    size: float,
    *,
    bold: bool = False,
    color: RGBColor | None = None,
    latin: str = LATIN_FONT,
) -> None:
    """Name the run's fonts for every script (w:eastAsia included) and its size."""
    run.font.name = latin
    run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, value in (
        ("w:ascii", latin),
        ("w:hAnsi", latin),
        ("w:eastAsia", east_asia),
        ("w:cs", latin),
    ):
        fonts.set(qn(attr), value)
    fonts.set(qn("w:hint"), "eastAsia")


def _defaults(doc: DocxDocument, east_asia: str, size: float) -> None:
    style = doc.styles["Normal"]
    style.font.name = LATIN_FONT
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _props(doc: DocxDocument, title: str, author: str, day: dt.date) -> None:
    stamp = dt.datetime(day.year, day.month, day.day)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, author, "督查通 Inspector"
    props.created = props.modified = stamp
    props.revision = 1


def official_document() -> DocxDocument:
    """An A4 document with the GB/T 9704 section: margins, grid and page numbers."""
    doc = Document()
    _defaults(doc, BODY_FONT, BODY_PT)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(37), Mm(28)
    section.right_margin = Mm(210 - 28 - 156)
    section.bottom_margin = Mm(297 - 37 - 225)
    section.footer_distance = Mm(297 - 37 - 225 - 7 - 4)  # the dash 7 mm under the block
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PT * 20)))
    # charSpace: the grid's extra width per character over the default 3号, in 1/4096 pt.
    grid.set(qn("w:charSpace"), str(round((PITCH_PT - BODY_PT) * 4096)))
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    return doc


def _page_number(p: Paragraph, align: WD_ALIGN_PARAGRAPH) -> None:
    """ "— 1 —" in 4号 宋体, one character in from the outer edge."""
    p.alignment = align
    fmt = p.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = Pt(14)
    else:
        fmt.left_indent = Pt(14)
    set_font(p.add_run("— "), SONG_FONT, 14, latin=SONG_FONT)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    field.append(inner)
    p._p.append(field)
    run = p.add_run(" —")
    set_font(run, SONG_FONT, 14, latin=SONG_FONT)
    # The field's own run gets the same font.
    number = Run(inner, p)
    number.text = "1"
    set_font(number, SONG_FONT, 14, latin=SONG_FONT)


def _grid_paragraph(
    doc: DocxDocument,
    text: str,
    font: str = BODY_FONT,
    *,
    indent: bool = True,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    size: float = BODY_PT,
    bold: bool = False,
) -> Paragraph:
    p = doc.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:  # two characters, counted on the grid
        ind = fmt.element.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), "200")
        fmt.first_line_indent = Pt(2 * PITCH_PT)
    set_font(p.add_run(text), font, size, bold=bold)
    return p


def _border(p: Paragraph, side: str, size_eighths: int, color: str, space: int = 0) -> None:
    ppr = p._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    edge = OxmlElement(f"w:{side}")
    for attr, value in (
        ("w:val", "single"),
        ("w:sz", str(size_eighths)),
        ("w:space", str(space)),
        ("w:color", color),
    ):
        edge.set(qn(attr), value)
    borders.append(edge)


def _units(text: str) -> float:
    """Width in characters: Chinese 1, digits and Latin half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.5 for ch in text)


def official_docx(
    text: OfficialText,
    day: dt.date,
    subject: str,
    tables: Sequence[tuple[str, Sequence[Sequence[str]]]] = (),
    annexes: Sequence[tuple[str, Sequence[Sequence[str]]]] = (),
) -> bytes:
    """A GB/T 9704 paper as .docx: `tables` follow the text (each after the paragraph
    that names it), `annexes` each start a new page as 附件N."""
    doc = official_document()
    mark_size = min(34.0, 156 * 72 / 25.4 / (len(text.issuing) * 1.08))
    mark = _grid_paragraph(
        doc, text.issuing, TITLE_FONT, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=mark_size
    )
    mark.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    mark.paragraph_format.space_before = Mm(35)
    mark.runs[0].font.color.rgb = RED
    # 空二行 before the 文号: the mark's 34 pt line already takes two lines of the grid.
    number = _grid_paragraph(doc, text.number, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    _border(number, "bottom", 8, "E60012", space=11)  # the red rule 4 mm under it
    doc.add_paragraph()
    doc.add_paragraph()
    title = _grid_paragraph(
        doc, text.title, TITLE_FONT, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=22
    )
    title.paragraph_format.line_spacing = Pt(33)
    doc.add_paragraph()
    _grid_paragraph(doc, f"{text.addressee}：", indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    pending = dict(tables)
    for kind, line in text.blocks:
        _grid_paragraph(
            doc,
            line,
            HEAD_FONT if kind == "head" else BODY_FONT,
            align=WD_ALIGN_PARAGRAPH.LEFT if kind == "head" else WD_ALIGN_PARAGRAPH.JUSTIFY,
        )
        if line in pending:
            add_table(doc, pending.pop(line), size=10.5)
    for line in text.ending:
        last = _grid_paragraph(doc, line)
        last.paragraph_format.keep_with_next = True
    # Room for the seal: the signature two lines down, centred over the date, which
    # stands four characters in from the right.
    shift = max(0.0, 4 + (_units(text.date) - _units(text.issuing)) / 2)
    signature = _grid_paragraph(doc, text.issuing, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    signature.paragraph_format.space_before = Pt(2 * LINE_PT)
    signature.paragraph_format.right_indent = Pt(shift * PITCH_PT)
    signature.paragraph_format.keep_with_next = True
    date = _grid_paragraph(doc, text.date, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    date.paragraph_format.right_indent = Pt(4 * PITCH_PT)
    if text.note:
        date.paragraph_format.keep_with_next = True
        _grid_paragraph(doc, text.note, align=WD_ALIGN_PARAGRAPH.LEFT)
    for n, (name, rows) in enumerate(annexes, 1):
        doc.add_page_break()  # type: ignore[no-untyped-call]  # python-docx leaves it untyped
        _grid_paragraph(doc, f"附件{n}", HEAD_FONT, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
        _grid_paragraph(
            doc, name, TITLE_FONT, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=22
        )
        add_table(doc, rows, size=10.5)
    _colophon(doc, text)
    _props(doc, text.title, text.issuing, day)
    doc.core_properties.subject = subject
    return _bytes(doc, day)


def _colophon(doc: DocxDocument, text: OfficialText) -> None:
    """版记: a table anchored to the bottom of the text block, first and last rules
    0.35 mm, the one between 0.25 mm; 4号 仿宋, one character in from each side."""
    rows = [("抄送：" + text.copy_to.rstrip("。") + "。", "")] if text.copy_to else []
    rows.append((text.printer, f"{text.date}印发"))
    table = doc.add_table(rows=len(rows), cols=2)
    tbl_pr = table._tbl.tblPr
    float_pr = OxmlElement("w:tblpPr")
    for attr, value in (
        ("w:vertAnchor", "margin"),
        ("w:tblpYSpec", "bottom"),
        ("w:horzAnchor", "margin"),
        ("w:tblpXSpec", "center"),
    ):
        float_pr.set(qn(attr), value)
    tbl_pr.append(float_pr)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(round(156 / 25.4 * 1440)))
    width.set(qn("w:type"), "dxa")
    tbl_pr.append(width)
    borders = OxmlElement("w:tblBorders")
    for side, size in (
        ("top", 8),
        ("bottom", 8),
        ("insideH", 6),
        ("left", 0),
        ("right", 0),
        ("insideV", 0),
    ):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single" if size else "nil")
        if size:
            edge.set(qn("w:sz"), str(size))
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    tbl_pr.append(borders)
    for r, (left, right) in enumerate(rows):
        cells = table.rows[r].cells
        if not right:
            cells[0].merge(cells[1])
        for cell, value, align in (
            (cells[0], left, WD_ALIGN_PARAGRAPH.LEFT),
            (cells[1], right, WD_ALIGN_PARAGRAPH.RIGHT),
        ):
            if not value:
                continue
            p = cell.paragraphs[0]
            _off_grid(p)
            p.alignment = align
            if align == WD_ALIGN_PARAGRAPH.LEFT:
                p.paragraph_format.left_indent = Pt(14)
            else:
                p.paragraph_format.right_indent = Pt(14)
            set_font(p.add_run(value), BODY_FONT, 14)


def add_table(
    doc: DocxDocument, rows: Sequence[Sequence[str]], size: float = 10.5, font: str = BODY_FONT
) -> Table:
    """A ruled table, header in 黑体 repeated on every page, centred.

    The body rows are copies of one formatted row with their texts set: going
    through python-docx's cells row by row is quadratic, and a province's ranking
    has 1,400 rows.
    """
    table: Table = doc.add_table(rows=1, cols=len(rows[0]))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = table.rows[0]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    head._tr.get_or_add_trPr().append(header)
    for cell, value in zip(head.cells, rows[0], strict=True):
        _off_grid(cell.paragraphs[0])
        set_font(cell.paragraphs[0].add_run(str(value)), HEAD_FONT, size)
    if len(rows) < 2:
        return table
    template = table.add_row()  # type: ignore[no-untyped-call]  # untyped in python-docx
    for cell in template.cells:
        _off_grid(cell.paragraphs[0])
        _cell_run(cell.paragraphs[0], font, size)
    _fill_rows(table, template, rows[1:])
    return table


def _cell_run(p: Paragraph, east_asia: str, size: float) -> None:
    """A body cell's run: its East Asian font and size, the Latin font left to the
    document's default. A province's table has some 10,000 cells, and the run
    properties `set_font` writes made up half of each cell's XML."""
    r = p._p.add_r()
    rpr = r.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    rpr.append(fonts)
    for tag in ("w:sz", "w:szCs"):
        half_points = OxmlElement(tag)
        half_points.set(qn("w:val"), str(round(size * 2)))
        rpr.append(half_points)
    t = OxmlElement("w:t")
    t.text = _SLOT
    t.set(_XML_SPACE, "preserve")
    r.append(t)


_SLOT = "\ue000"  # stands for a cell's text in the model row (a private-use character)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _fill_rows(table: Table, template: Any, values: Sequence[Sequence[str]]) -> None:
    """The body rows as copies of the model row, written as XML text and parsed once.

    A province's ranking has 1,400 rows of 6 cells: copying the row element per row
    and setting each text took most of a second; this takes a tenth of that.
    """
    tr = template._tr
    w = tr.nsmap["w"]
    model = etree.tostring(tr, encoding="unicode")
    model = re.sub(r'\sxmlns:\w+="[^"]*"', "", model)
    model = re.sub(r"<w:tcPr><w:tcW [^>]*/></w:tcPr>", "", model)  # the grid gives the widths
    pieces = model.split(_SLOT)
    if len(pieces) != len(values[0]) + 1:
        raise ValueError("a table row has as many cells as the header")
    body = []
    for row in values:
        out = [pieces[0]]
        for value, piece in zip(row, pieces[1:], strict=True):
            out.append(escape(str(value)))
            out.append(piece)
        body.append("".join(out))
    parsed = parse_xml(f'<w:tbl xmlns:w="{w}">{"".join(body)}</w:tbl>')
    tbl = table._tbl
    tbl.remove(tr)
    for row in list(parsed):
        tbl.append(row)


def _off_grid(p: Paragraph) -> None:
    """Table text in its own size, not spread over the body's 3号 character grid."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    p._p.get_or_add_pPr().append(snap)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def plain_document(title: str, subtitle: str = "") -> DocxDocument:
    """A4 with 20 mm margins for the forms and summaries that are not GB/T papers."""
    doc = Document()
    _defaults(doc, SONG_FONT, 10.5)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(p.add_run(title), TITLE_FONT, 18)
    if subtitle:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(p.add_run(subtitle), SONG_FONT, 11)
    return doc


def heading(doc: DocxDocument, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    p.paragraph_format.keep_with_next = True
    set_font(p.add_run(text), HEAD_FONT, 13)


def text_paragraph(doc: DocxDocument, text: str, size: float = 10.5) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(2 * size)
    set_font(p.add_run(text), SONG_FONT, size)


def finish(doc: DocxDocument, title: str, author: str, day: dt.date) -> bytes:
    _props(doc, title, author, day)
    return _bytes(doc, day)


def _bytes(doc: DocxDocument, day: dt.date) -> bytes:
    """The saved document with its zip members dated `day`: the same text gives the
    same bytes. Written once with the dates set (saving, then rewriting the zip with
    fixed dates, compressed a province's tables twice)."""
    package = doc.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    writer = _DatedZip(day)
    package_writer: Any = PackageWriter  # its steps, each given our writer (untyped)
    package_writer._write_content_types_stream(writer, parts)
    package_writer._write_pkg_rels(writer, package.rels)
    package_writer._write_parts(writer, parts)
    return writer.close()


class _DatedZip:
    """python-docx's zip writer, with every member dated `day` instead of now."""

    def __init__(self, day: dt.date):
        self._out = io.BytesIO()
        self._zip = zipfile.ZipFile(self._out, "w", zipfile.ZIP_DEFLATED)
        self._date = (day.year, day.month, day.day, 0, 0, 0)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self._date)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16  # what zipfile gives a member written by name
        self._zip.writestr(info, blob)

    def close(self) -> bytes:
        self._zip.close()
        return self._out.getvalue()
